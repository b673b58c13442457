package retrieval

import (
	"context"
	"strings"
	"testing"
)

func TestSlugs(t *testing.T) {
	tests := []struct {
		heading string
		style   SlugStyle
		want    string
	}{
		{"Setting up tags", SlugsGitHub, "setting-up-tags"},
		{"What's new in v2.0?", SlugsGitHub, "whats-new-in-v20"},
		{"What's new in v2.0?", SlugsMkDocs, "whats-new-in-v20"},
		{"Café & Crème", SlugsGitHub, "café--crème"},
		{"Café & Crème", SlugsMkDocs, "cafe-creme"},
		{"  Spaces  around ", SlugsMkDocs, "spaces-around"},
		{"snake_case and `code`", SlugsDocusaurus, "snake_case-and-code"},
		{"– Version", SlugsMkDocs, "version"},
	}
	for _, tt := range tests {
		t.Run(string(tt.style)+" "+tt.heading, func(t *testing.T) {
			if got := (SourceLinks{Slugs: tt.style}).slug(tt.heading); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// page is a documentation page with an explicit anchor, a repeated
// heading and an index file's path.
const page = `---
title: Tags
---

# Setting up tags

Intro text about tags, which group pages.

## Usage

Tags are added in the front matter of a page.

## Usage

A second usage section says tags can be nested.

### Custom ids { #custom-id }

A heading with its own id keeps it whatever its text.
`

func TestSourceLinks(t *testing.T) {
	tests := []struct {
		name, file, template string
		slugs                string
		sentence             string // the words of the cited sentence
		want                 string
	}{
		{"github", "setup/tags.md", "https://docs.example.org/{path}/#{anchor}", "github", "added in the front matter", "https://docs.example.org/setup/tags/#usage"},
		{"repeated heading", "setup/tags.md", "https://docs.example.org/{path}/#{anchor}", "github", "can be nested", "https://docs.example.org/setup/tags/#usage-1"},
		{"mkdocs numbers repeats its way", "setup/tags.md", "https://docs.example.org/{path}/#{anchor}", "mkdocs", "can be nested", "https://docs.example.org/setup/tags/#usage_1"},
		{"explicit id", "setup/tags.md", "https://docs.example.org/{path}/#{anchor}", "hugo", "keeps it whatever", "https://docs.example.org/setup/tags/#custom-id"},
		{"index page", "setup/index.md", "https://docs.example.org/{path}#{anchor}", "github", "added in the front matter", "https://docs.example.org/setup#usage"},
		{"no anchor in the template", "setup/tags.mdx", "https://docs.example.org/docs/{path}", "docusaurus", "added in the front matter", "https://docs.example.org/docs/setup/tags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := parsedIndex(t, tt.file, page)
			style, err := ParseSlugStyle(tt.slugs)
			if err != nil {
				t.Fatal(err)
			}
			links, err := ParseSourceLinks(tt.template, style)
			if err != nil {
				t.Fatal(err)
			}
			ix.SetSourceLinks(links)
			rs, err := ix.Quote(context.Background(), tt.sentence, 1)
			if err != nil || len(rs) == 0 {
				t.Fatalf("Quote: %v, %d results", err, len(rs))
			}
			if got := rs[0].Location.URL; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			s := rs[0].Sentences[0]
			if got := ix.Cite(0, s, s+1).Location.URL; got != tt.want {
				t.Errorf("Cite: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseSourceLinksRefuses(t *testing.T) {
	for _, tt := range []struct{ template, want string }{
		{"https://docs.example.org/#{anchor}", "no {path}"},
		{"docs.example.org/{path}", "not an http"},
	} {
		if _, err := ParseSourceLinks(tt.template, SlugsGitHub); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseSourceLinks(%q): %v, want an error saying %q", tt.template, err, tt.want)
		}
	}
	if _, err := ParseSlugStyle("sphinx"); err == nil || !strings.Contains(err.Error(), "unknown slug style") {
		t.Errorf("ParseSlugStyle(sphinx): %v, want an unknown style", err)
	}
}
