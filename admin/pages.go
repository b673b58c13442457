package admin

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"

	"github.com/lectern-bot/lectern/retrieval"
)

//go:embed templates/*.html
var templateFiles embed.FS

// templates are parsed once; a page is one of them in the layout.
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"percent":  func(f float64) string { return template.HTMLEscapeString(formatPercent(f)) },
	"textPath": retrieval.TextPath,
}).ParseFS(templateFiles, "templates/*.html"))

// page is what every template gets.
type page struct {
	Title string
	Nav   string // the tab to show as current
	CSRF  string
	Error string
	Data  any
}

// render writes a page, or a plain error when the template fails.
func (h *Handler) render(w http.ResponseWriter, status int, name string, p page) {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, p); err != nil {
		h.log.Error("admin: rendering a page", "page", name, "err", err)
		http.Error(w, "The page could not be shown; the log says why.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}
