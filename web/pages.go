package web

import (
	"bytes"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/lectern-bot/lectern/retrieval"
)

// style is the pages' CSS: readable on a phone, no external assets.
const style = `
:root { color-scheme: light dark; --mark: #fde68a; --dim: #6b7280; --line: #8b5cf6; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; font: 1.05rem/1.55 Georgia, "Iowan Old Style", serif; }
header h1 { font-size: 1.5rem; margin: .2rem 0; }
a { color: var(--line); }
form { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
input[type=search] { flex: 1 1 16rem; font: inherit; padding: .5rem; }
button { font: inherit; padding: .5rem 1rem; }
.answer { border-left: 4px solid var(--line); margin: 1rem 0; padding: .2rem .8rem; }
.answer blockquote { margin: .3rem 0; }
pre { overflow-x: auto; background: rgba(127,127,127,.12); padding: .5rem .7rem; font-size: .9rem; }
.cite, .file, .sec-of { color: var(--dim); font-size: .9rem; }
.asked { font-weight: 600; }
mark { background: var(--mark); color: inherit; }
.problem { border: 1px solid #dc2626; padding: .5rem .8rem; }
.note { border: 1px solid var(--line); padding: .5rem .8rem; }
.toc ol { padding-left: 1.2rem; }
.toc .lv1 { font-weight: bold; }
.text { margin-top: 1rem; }
.l { display: flex; gap: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; scroll-margin-top: 40vh; }
.l .n { flex: 0 0 3.2rem; text-align: right; color: var(--dim); font: .8rem/1.9 ui-monospace, monospace; text-decoration: none; user-select: none; }
.l span { flex: 1; min-height: 1.55em; }
.l.o span { color: var(--dim); }
.l.hl { background: var(--mark); color: #111; }
.l.t span { border-left: 2px solid var(--line); padding-left: .4rem; }
.pg { color: var(--dim); font-size: .8rem; text-align: right; border-top: 1px dotted var(--dim); margin-top: .3rem; }
.omit { color: var(--dim); font-size: .85rem; font-style: italic; margin-top: .5rem; }
.p { display: flex; gap: .8rem; scroll-margin-top: 40vh; margin: .6rem 0; }
.p .n { flex: 0 0 2.4rem; text-align: right; color: var(--dim); font: .8rem/1.9 ui-monospace, monospace; text-decoration: none; user-select: none; }
.p > div { flex: 1; }
.p:target { background: var(--mark); color: #111; }
.pgi { color: var(--dim); font-size: .8rem; border-left: 1px dotted var(--dim); padding: 0 .3rem; margin: 0 .2rem; scroll-margin-top: 40vh; }
.pgi:target { background: var(--mark); color: #111; }
h2.sec { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
`

const layout = `{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} · Lectern</title><style>` + style + `</style></head><body>{{end}}`

var pages = struct {
	search, text, paragraphs, problem *template.Template
}{
	search: template.Must(template.New("search").Funcs(template.FuncMap{"shownQuery": retrieval.ShownQuery}).Parse(layout + `{{template "head" .Title}}
<header><a href="/">Lectern</a><h1>{{.Title}}</h1></header>
<form method="get" action="/" role="search">
<input type="search" name="q" value="{{.Query}}" maxlength="1000" placeholder="Ask the text a question" aria-label="Question" autofocus>
<label><input type="radio" name="mode" value="ask"{{if eq .Mode "ask"}} checked{{end}}> Ask</label>
<label><input type="radio" name="mode" value="quote"{{if eq .Mode "quote"}} checked{{end}}> Find a quotation</label>
<button type="submit">Search</button>
</form>
{{with .Problem}}<p class="problem">{{.}}</p>{{end}}
{{if .Searched}}{{with .Note}}<p class="note">{{.}}</p>{{end}}{{if not .Answers}}<p class="problem">Nothing found for “{{shownQuery .Query}}”. Try other or fewer words, or a name from the text.</p>{{end}}
<section id="answers">{{range .Answers}}
<article class="answer">{{with .Asked}}<div class="asked">{{.}}</div>{{end}}<div class="sec-of">{{.Section}}</div><blockquote>{{with .Speaker}}<b>{{.}}:</b> {{end}}{{.Quote}}</blockquote>{{with .Code}}<pre><code>{{.Text}}</code></pre>{{end}}
<a class="cite" href="{{.Link}}">{{.Citation}}</a>{{with .SiteLink}} <a class="cite" href="{{.}}">· on the site</a>{{end}}</article>{{end}}</section>{{end}}
<h2>Read</h2><ul>{{range .Texts}}<li><a href="{{.Link}}">{{.Title}}</a> <span class="file">{{.Name}}</span></li>{{end}}</ul>
</body></html>
`)),
	text: template.Must(template.New("text").Parse(layout + `{{template "head" .Doc.Title}}
<header><a href="/">Lectern</a><h1>{{.Doc.Title}}</h1>{{with .Doc.Author}}<div>by {{.}}</div>{{end}}
<div class="file">{{.Doc.Name}} · {{.Doc.Lines}} lines{{if .Doc.Pages}} · {{.Doc.Pages}} pages{{end}}. Cite lines as <code>{{.Doc.Name}} · lines 12–15</code>; link them as <code>#L12-L15</code>.</div></header>
<nav class="toc"><details><summary>Contents ({{len .TOC}} sections)</summary><ol>{{range .TOC}}<li class="lv{{.Level}}"><a href="#L{{.Line}}">§{{.Number}} · {{.Title}}</a></li>{{end}}</ol></details></nav>
<main class="text">
{{range .Lines}}{{with .Section}}<h2 class="sec" id="s{{.Number}}">§{{.Number}} · {{.Title}}</h2>{{end}}{{if .Page}}<div class="pg" id="p{{.Page}}">p. {{.Page}}</div>{{end}}{{if .OmitFrom}}<div class="omit">{{.Omitted}}: not part of the text Lectern quotes</div>{{end}}<div class="l{{if .Omitted}} o{{end}}{{if .Turn}} t{{end}}" id="L{{.N}}"{{with .Turn}} title="{{.}}"{{end}}><a class="n" href="#L{{.N}}">{{.N}}</a><span>{{.Text}}</span></div>
{{end}}</main>
<script>
// Highlight the lines a link names (#L321-L325) and bring them into view.
function highlight() {
  document.querySelectorAll(".l.hl").forEach(function (e) { e.classList.remove("hl"); });
  var m = /^#L(\d+)(?:-L?(\d+))?$/.exec(location.hash);
  if (!m) return;
  var a = +m[1], b = m[2] ? +m[2] : a;
  if (b < a) { var t = a; a = b; b = t; }
  for (var i = a; i <= b && i < a + 2000; i++) {
    var e = document.getElementById("L" + i);
    if (e) e.classList.add("hl");
  }
  var first = document.getElementById("L" + a);
  if (first) first.scrollIntoView({block: "center"});
}
addEventListener("hashchange", highlight);
highlight();
</script>
</body></html>
`)),
	paragraphs: template.Must(template.New("paragraphs").Parse(layout + `{{template "head" .Doc.Title}}
<header><a href="/">Lectern</a><h1>{{.Doc.Title}}</h1>{{with .Doc.Author}}<div>by {{.}}</div>{{end}}
<div class="file">{{.Doc.Name}}{{if .Doc.Pages}} · {{.Doc.Pages}} pages{{end}}.{{with .Example.Location}} Cite as <code>{{$.Doc.Name}} · {{.}}</code>; link as <code>#{{.Anchor}}</code>.{{end}}</div></header>
<nav class="toc"><details><summary>Contents ({{len .TOC}} sections)</summary><ol>{{range .TOC}}<li class="lv{{.Level}}"><a href="#s{{.Number}}">§{{.Number}} · {{.Title}}</a></li>{{end}}</ol></details></nav>
<main class="text">
{{range .Paragraphs}}{{with .Section}}<h2 class="sec" id="s{{.Number}}">§{{.Number}} · {{.Title}}</h2>{{end}}<div class="p"{{with .ID}} id="{{.}}"{{end}}>{{if .Mark}}<a class="n" href="#{{.ID}}">¶ {{.Mark}}</a>{{end}}<div>{{with .Speaker}}<b class="who">{{.}}:</b> {{end}}{{$code := .Code}}{{range .Parts}}{{if .PageID}}<span class="pgi" id="{{.PageID}}">p. {{.Page}}</span> {{end}}{{if $code}}<pre><code>{{.Text}}</code></pre>{{else}}{{.Text}}{{end}}{{end}}</div></div>
{{end}}</main>
<script>
// Bring the paragraph or page a link names (#c3-12, #s2-4, #p47) into view.
var target = location.hash && document.getElementById(location.hash.slice(1));
if (target) target.scrollIntoView({block: "center"});
</script>
</body></html>
`)),
	problem: template.Must(template.New("problem").Parse(layout + `{{template "head" "Lectern"}}
<header><a href="/">Lectern</a></header>
<p class="problem">{{.}}</p>
</body></html>
`)),
}

// render writes a page; a template that fails is logged and answered
// with a plain error.
func render(w http.ResponseWriter, log *slog.Logger, t *template.Template, data any) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		log.Error("rendering a page failed", "page", t.Name(), "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// problem answers with a status and a message, as a page or as JSON.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if wantsJSON(r) {
		jsonError(w, status, msg)
		return
	}
	var b bytes.Buffer
	pages.problem.Execute(&b, msg)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}
