package testformats

import (
	"fmt"
	"html"
	"strings"
)

// HTMLOptions choose how a book is published as a web page.
type HTMLOptions struct {
	// Chrome wraps the text in a site's header, menus, sidebar, cookie
	// banner and footer, as a saved page has them.
	Chrome bool
	// Charset, when set, declares the page's encoding in a meta tag; the
	// text is written in UTF-8 either way.
	Charset string
}

// HTML publishes the book as one web page: its title, a section a
// chapter, footnotes at the end.
func (b Book) HTML(o HTMLOptions) []byte {
	var s strings.Builder
	s.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head>")
	if o.Charset != "" {
		fmt.Fprintf(&s, `<meta charset="%s">`, o.Charset)
	}
	fmt.Fprintf(&s, "<title>%s | Example Library</title>\n", html.EscapeString(b.Title))
	s.WriteString(`<style>body{font-family:serif}</style><script>window.analytics=[];</script></head><body>` + "\n")
	if o.Chrome {
		s.WriteString(siteHeader)
	}
	s.WriteString("<main><article>\n")
	fmt.Fprintf(&s, "<h1>%s</h1>\n", html.EscapeString(b.Title))
	if b.Author != "" {
		fmt.Fprintf(&s, "<p class=\"byline\">by %s</p>\n", html.EscapeString(b.Author))
	}
	var notes strings.Builder
	n := 0
	for _, c := range b.Chapters {
		fmt.Fprintf(&s, "<h2>%s</h2>\n", html.EscapeString(c.Title))
		for i, p := range c.Paragraphs {
			s.WriteString("<p>" + html.EscapeString(p))
			if note, ok := c.Notes[i]; ok {
				n++
				fmt.Fprintf(&s, `<sup><a href="#fn%d" id="fnref%d">%d</a></sup>`, n, n, n)
				fmt.Fprintf(&notes, `<li id="fn%d">%s <a href="#fnref%d">↩</a></li>`+"\n", n, html.EscapeString(note), n)
			}
			s.WriteString("</p>\n")
		}
	}
	if notes.Len() > 0 {
		s.WriteString("<section class=\"footnotes\"><h2>Notes</h2><ol>\n" + notes.String() + "</ol></section>\n")
	}
	s.WriteString("</article></main>\n")
	if o.Chrome {
		s.WriteString(siteFooter)
	}
	s.WriteString("</body></html>\n")
	return []byte(s.String())
}

// siteHeader and siteFooter are a site's chrome around the text.
const (
	siteHeader = `<header class="site-header"><a href="/">Example Library</a>
<nav class="menu"><ul><li><a href="/books">Books</a></li><li><a href="/authors">Authors</a></li><li><a href="/about">About us</a></li></ul></nav>
<form class="search"><input type="search" placeholder="Search the library"></form></header>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept</button></div>
<aside class="sidebar"><h3>Popular books</h3><ul><li><a href="/b/1">Moby Dick</a></li><li><a href="/b/2">Middlemarch</a></li></ul>
<p>Subscribe to our newsletter for weekly reading recommendations.</p></aside>
`
	siteFooter = `<footer class="site-footer"><p>Copyright 2026 Example Library. All rights reserved.</p>
<nav><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/contact">Contact</a></nav></footer>
`
)
