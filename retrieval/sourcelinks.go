package retrieval

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/lectern-bot/lectern/corpus"
)

// SlugStyle is how a site generator makes a heading's anchor from its
// text.
type SlugStyle string

// Slug styles. GitHub's is also Hugo's default and Docusaurus's
// (github-slugger); MkDocs uses Python-Markdown's.
const (
	SlugsGitHub     SlugStyle = "github"
	SlugsHugo       SlugStyle = "hugo"
	SlugsDocusaurus SlugStyle = "docusaurus"
	SlugsMkDocs     SlugStyle = "mkdocs"
)

// SlugStyles are the styles a setting may name, the default first.
var SlugStyles = []SlugStyle{SlugsGitHub, SlugsHugo, SlugsDocusaurus, SlugsMkDocs}

// SourceLinks link citations to where a documentation site publishes its
// pages. Template holds {path}, a file's path in the corpus without its
// extension (a folder's index page is the folder), and {anchor}, the
// section heading's anchor: "https://docs.example.org/{path}/#{anchor}".
// The zero value links nothing.
type SourceLinks struct {
	Template string
	Slugs    SlugStyle
}

// ParseSlugStyle reads a slug style's name; "" is GitHub's.
func ParseSlugStyle(name string) (SlugStyle, error) {
	if name == "" {
		return SlugsGitHub, nil
	}
	if s := SlugStyle(strings.ToLower(name)); slices.Contains(SlugStyles, s) {
		return s, nil
	}
	return "", fmt.Errorf("unknown slug style %q; use one of %v", name, SlugStyles)
}

// ParseSourceLinks checks a template ("" links nothing).
func ParseSourceLinks(template string, slugs SlugStyle) (SourceLinks, error) {
	l := SourceLinks{Template: template, Slugs: slugs}
	if template == "" {
		return l, nil
	}
	if !strings.Contains(template, "{path}") {
		return SourceLinks{}, fmt.Errorf("%q has no {path}: name where a file's page is, e.g. https://docs.example.org/{path}/#{anchor}", template)
	}
	u, err := url.Parse(strings.NewReplacer("{path}", "p", "{anchor}", "a").Replace(template))
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return SourceLinks{}, fmt.Errorf("%q is not an http or https address", template)
	}
	return l, nil
}

// URL is where the site publishes section sec of document d, or "" when
// there is no template.
func (l SourceLinks) URL(d *corpus.Document, sec int) string {
	if l.Template == "" {
		return ""
	}
	u := strings.ReplaceAll(l.Template, "{path}", pagePath(d.Name))
	anchor := l.anchor(d, sec)
	if anchor == "" {
		u = strings.TrimSuffix(strings.TrimSuffix(u, "{anchor}"), "#")
	}
	return strings.ReplaceAll(u, "{anchor}", url.PathEscape(anchor))
}

// pagePath is a file's path as sites publish it: without its extension,
// an index page as its folder ("setup/index.md" is "setup").
func pagePath(name string) string {
	p := strings.TrimSuffix(name, path.Ext(name))
	for _, index := range []string{"index", "_index", "README", "readme"} {
		if p == index {
			return ""
		}
		p = strings.TrimSuffix(p, "/"+index)
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// anchor is the id of section sec's heading: the one its source gives
// it, or the slug of its text, numbered as the generator numbers a slug
// that an earlier heading of the page has already taken.
func (l SourceLinks) anchor(d *corpus.Document, sec int) string {
	s := d.Sections[sec]
	if s.Anchor != "" {
		return s.Anchor
	}
	if s.Number == 0 {
		return "" // front matter: the top of the page
	}
	seen := map[string]int{}
	slug := ""
	for _, o := range d.Sections[:sec+1] {
		if o.Anchor != "" || o.Number == 0 {
			continue
		}
		slug = l.slug(o.Heading)
		seen[slug]++
	}
	if n := seen[slug] - 1; n > 0 {
		sep := "-"
		if l.Slugs == SlugsMkDocs {
			sep = "_"
		}
		return fmt.Sprintf("%s%s%d", slug, sep, n)
	}
	return slug
}

// mkdocsStrip and mkdocsJoin are Python-Markdown's toc.slugify.
var (
	mkdocsStrip = regexp.MustCompile(`[^\w\s-]`)
	mkdocsJoin  = regexp.MustCompile(`[-\s]+`)
)

// slug makes an anchor of a heading's text in the site's style.
func (l SourceLinks) slug(heading string) string {
	if l.Slugs == SlugsMkDocs {
		ascii := strings.Map(func(r rune) rune {
			if r > unicode.MaxASCII {
				return -1
			}
			return r
		}, norm.NFKD.String(heading))
		return mkdocsJoin.ReplaceAllString(strings.ToLower(strings.TrimSpace(mkdocsStrip.ReplaceAllString(ascii, ""))), "-")
	}
	// github-slugger: lower case, letters, numbers, marks, spaces (as
	// hyphens), hyphens and underscores kept, everything else dropped.
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SetSourceLinks makes the index's citations link to where a
// documentation site publishes the text. Call it before the index is
// asked anything.
func (ix *Index) SetSourceLinks(l SourceLinks) { ix.rank.links = l }

// Cite cites sentences [from, to) of document doc of the index, linked to
// the site where there is one.
func (ix *Index) Cite(doc, from, to int) Citation {
	d := ix.corpus.Documents[doc]
	c := Cite(d, from, to)
	c.Location.URL = ix.rank.links.URL(d, d.Sentence(from).Section)
	return c
}
