package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestDecodeHTML reads a page's text in the encoding it is in: UTF-8
// when it is valid UTF-8, whatever its <meta> says (a page a browser
// saved keeps the original's "charset=gb2312"); otherwise as its <meta>
// or XML declaration names, Windows-1252 when it names none.
func TestDecodeHTML(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("新电脑")
	if err != nil {
		t.Fatal(err)
	}
	meta := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /></head><body><p>`
	tests := []struct {
		name string
		page string
		want string
	}{
		{"saved in UTF-8 under a GB2312 meta", meta + "新电脑</p></body></html>", "新电脑"},
		{"in GB2312 as its meta says", meta + gbk + "</p></body></html>", "新电脑"},
		{"Windows-1252 without a meta", "<html><body><p>caf\xe9 \x93warm\x94</p></body></html>", "café “warm”"},
		{"Latin-1 as its XML declaration says", `<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>na` + "\xefve</p></body></html>", "naïve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := decodeHTML([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(out); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

// TestWebPageTitle takes a page's title from its headline and its
// <title>, without the site's name: not from a site's name set as an <h1>
// over a link home, and whole where readability cuts it at a colon.
// (Blogger's "Silicon Exposed: Open Verilog flow…", a blog's name before
// a colon, keeps readability's cut: a colon parts a title from its site's
// name only after the headline.)
func TestWebPageTitle(t *testing.T) {
	body := strings.Repeat("<p>The article goes on for a while, long enough to be the page's text and not its chrome, with words.</p>", 6)
	tests := []struct {
		name, page, want string
	}{
		{"a site's name over a link home", `<html><head><title>Outside the web: standalone binaries · V8</title></head><body>` +
			`<header><h1><a href="/">V8</a></h1></header><article><h1>Outside the web: standalone binaries</h1>` + body + `</article></body></html>`,
			"Outside the web: standalone binaries"},
		{"a site's name after the headline", `<html><head><title>Tide tables | Harbour News</title></head><body>` +
			`<article><h1>Tide tables</h1>` + body + `</article></body></html>`,
			"Tide tables"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.want {
				t.Errorf("title %q, want %q", d.Title, tt.want)
			}
		})
	}
}

// TestWebPageAuthorFromMeta takes a page's author from its <meta> where
// the text gives no byline, not from a profile's URL.
func TestWebPageAuthorFromMeta(t *testing.T) {
	body := strings.Repeat("<p>The article goes on for a while, long enough to be the page's text and not its chrome, with words.</p>", 6)
	tests := []struct{ name, meta, want string }{
		{"a news site's author name", `<meta name="article:author_name" content="Hazel Sheffield" />`, "Hazel Sheffield"},
		{"an author property", `<meta property="author" content="Mark Di Stefano"/>`, "Mark Di Stefano"},
		{"a profile's URL", `<meta property="article:author" content="https://example.org/staff/hazel" />`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head><title>Hotel secrets</title>` + tt.meta + `</head><body><article><h1>Hotel secrets</h1>` + body + `</article></body></html>`
			d, err := Parse("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if d.Author != tt.want {
				t.Errorf("author %q, want %q", d.Author, tt.want)
			}
		})
	}
}
