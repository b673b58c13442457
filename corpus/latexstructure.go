package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// latexLabel is a label in displayed mathematics.
var latexLabel = regexp.MustCompile(`\\label\{([^}]*)\}`)

// latexSectioning are the sectioning commands, by depth.
var latexSectioning = map[string]int{"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}

// structure writes a command that shapes the text: a heading, a caption,
// a label, a list's or bibliography's item, an environment's beginning
// or end.
func (w *latexWriter) structure(name, s string, j int) (int, bool) {
	if depth, ok := latexSectioning[name]; ok {
		star := j < len(s) && s[j] == '*'
		_, j = latexOptional(s, skipStar(s, j))
		title, next := latexArg(s, j)
		w.heading(depth, !star, title)
		return next, true
	}
	switch name {
	case "paragraph", "subparagraph":
		_, j = latexOptional(s, skipStar(s, j))
		title, next := latexArg(s, j)
		w.put("**" + w.flat(title) + "** ")
		return next, true
	case "caption":
		_, j = latexOptional(s, j)
		text, next := latexArg(s, j)
		w.caption(text)
		return next, true
	case "label":
		label, next := latexArg(s, j)
		w.n.labels[strings.TrimSpace(label)] = w.n.last
		return next, true
	case "item":
		term, next := latexOptional(s, j)
		w.item(term)
		return skipSpaces(s, next), true
	case "bibitem":
		_, j = latexOptional(s, j)
		key, next := latexArg(s, j)
		w.n.counters["bibitem"]++
		n := w.n.counters["bibitem"]
		w.n.cites[strings.TrimSpace(key)] = n
		w.marker("- [" + strconv.Itoa(n) + "] ")
		return skipSpaces(s, next), true
	case "begin":
		env, next := latexArg(s, j)
		return w.begin(strings.TrimSpace(env), s, next), true
	case "end":
		env, next := latexArg(s, j)
		w.end(strings.TrimSpace(env))
		return next, true
	case "title", "author":
		_, j = latexOptional(s, j)
		text, next := latexArg(s, j)
		if name == "title" {
			w.title = w.flat(text)
		} else {
			w.author = w.flat(text)
		}
		return next, true
	case "appendix":
		w.n.appendix = true
		w.n.sections[1], w.n.sections[2] = 0, 0
		return j, true
	}
	return j, false
}

// heading writes a sectioning command as a Markdown heading, numbered as
// LaTeX numbers it: chapters' headings over their sections' when the
// text has chapters, sections' the top ones when it has none.
func (w *latexWriter) heading(depth int, numbered bool, title string) {
	if depth == 1 {
		w.n.chapters = true
	}
	level := depth
	if !w.n.chapters {
		level = max(1, depth-1)
	}
	text := w.flat(title)
	if numbered && depth > 0 {
		w.n.sections[depth]++
		for d := depth + 1; d < len(w.n.sections); d++ {
			w.n.sections[d] = 0
		}
		w.n.last = w.sectionNumber(depth)
		text = w.n.last + " " + text
	}
	w.put(strings.Repeat("#", max(1, level)) + " " + text)
	for range strings.Count(title, "\n") {
		w.newline()
	}
}

// sectionNumber is the number LaTeX gives the heading at depth: "2.1",
// in an appendix "A.1".
func (w *latexWriter) sectionNumber(depth int) string {
	top := 2
	if w.n.chapters {
		top = 1
	}
	var parts []string
	for d := top; d <= depth; d++ {
		n := w.n.sections[d]
		if d == top && w.n.appendix && n > 0 && n <= 26 {
			parts = append(parts, string(rune('A'+n-1)))
			continue
		}
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, ".")
}

// caption writes a float's caption as it prints: "Table 2: …".
func (w *latexWriter) caption(text string) {
	kind := "Figure"
	for _, env := range w.envs {
		if strings.HasPrefix(env, "table") {
			kind = "Table"
		}
	}
	w.n.counters[kind]++
	w.n.last = strconv.Itoa(w.n.counters[kind])
	w.put(kind + " " + w.n.last + ": " + w.flat(text))
	for range strings.Count(text, "\n") {
		w.newline()
	}
}

// item begins a list's item: "- " in an itemize, "3. " in an
// enumerate, "- term — " in a description, set in for a list in a list.
func (w *latexWriter) item(term string) {
	depth, env := -1, ""
	for _, e := range w.envs {
		if latexLists[e] {
			depth++
			env = e
		}
	}
	mark := "- "
	switch {
	case term != "":
		mark = "- " + w.flat(term) + " — "
	case env == "enumerate" && len(w.items) > 0:
		w.items[len(w.items)-1]++
		mark = strconv.Itoa(w.items[len(w.items)-1]) + ". "
	}
	w.marker(strings.Repeat("    ", max(0, depth)) + mark)
}

// marker writes a list item's marker at the start of its line.
func (w *latexWriter) marker(mark string) {
	if w.cur.Len() == 0 {
		w.cur.WriteString(strings.Repeat("> ", w.quote))
	}
	w.cur.WriteString(mark)
}

// latexLists are the list environments.
var latexLists = map[string]bool{"itemize": true, "enumerate": true, "description": true, "compactitem": true, "compactenum": true}

// latexRaw are the environments whose text is written as it is, as code
// (verbatim, listings) or not at all (comment).
var latexRaw = map[string]bool{"verbatim": true, "Verbatim": true, "lstlisting": true, "minted": true, "comment": true, "alltt": true}

// latexMath are the environments of displayed mathematics.
var latexMath = map[string]bool{"equation": true, "align": true, "gather": true, "multline": true, "eqnarray": true,
	"displaymath": true, "math": true, "flalign": true, "alignat": true}

// begin writes an environment's beginning at s[i:], past its name, and
// returns where its arguments end (for verbatim text and mathematics,
// where the environment ends).
func (w *latexWriter) begin(env, s string, i int) int {
	base := strings.TrimSuffix(env, "*")
	switch {
	case latexRaw[base] || latexMath[base]:
		return w.raw(env, s, i)
	case latexTables[base]:
		w.row = false
		i = skipTableArgs(base, s, i)
	case base == "quote" || base == "quotation" || base == "verse":
		w.quote++
	case base == "abstract" || base == "thebibliography":
		title := "Abstract"
		if base == "thebibliography" {
			title = "References"
			_, i = latexArg(s, i)
		}
		w.put(strings.Repeat("#", w.topLevel()) + " " + title)
	case base == "minipage" || base == "multicols" || base == "wrapfigure":
		_, i = latexOptional(s, i)
		_, i = latexArg(s, i)
	case base == "proof":
		opt, next := latexOptional(s, i)
		i = next
		w.put("*" + strings.TrimSpace("Proof "+w.flat(opt)) + ".* ")
	case w.n.theorems[base][0] != "":
		i = w.theorem(base, s, i)
	case latexLists[base]:
		w.items = append(w.items, 0)
		_, i = latexOptional(s, i) // enumitem's labels
	default:
		_, i = latexOptional(s, i) // a float's placement, a list's labels
	}
	w.envs = append(w.envs, env)
	return i
}

// topLevel is the level of the text's top headings.
func (w *latexWriter) topLevel() int {
	if w.n.chapters {
		return 2
	}
	return 1
}

// skipTableArgs skips a table environment's position and columns.
func skipTableArgs(env, s string, i int) int {
	if env == "tabularx" || env == "tabulary" {
		_, i = latexArg(s, i) // its width
	}
	_, i = latexOptional(s, i)
	_, i = latexArg(s, i)
	return i
}

// theorem writes a theorem's label as it prints: "**Definition 2
// (Range).** ".
func (w *latexWriter) theorem(env, s string, i int) int {
	label, counter := w.n.theorems[env][0], w.n.theorems[env][1]
	opt, next := latexOptional(s, i)
	w.n.counters["theorem:"+counter]++
	w.n.last = strconv.Itoa(w.n.counters["theorem:"+counter])
	head := label + " " + w.n.last
	if opt != "" {
		head += " (" + w.flat(opt) + ")"
	}
	w.put("**" + head + ".** ")
	return next
}

// raw writes a verbatim or mathematics environment whose text begins at
// s[i:] as a code block (a comment's as nothing), and returns where the
// environment ends.
func (w *latexWriter) raw(env, s string, i int) int {
	closing := `\end{` + env + `}`
	k := strings.Index(s[i:], closing)
	if k < 0 {
		k = len(s) - i
	}
	text := s[i : i+k]
	switch base := strings.TrimSuffix(env, "*"); {
	case base == "comment":
		for range strings.Count(text, "\n") {
			w.newline()
		}
	case latexMath[base]:
		if !strings.HasSuffix(env, "*") {
			w.n.counters["equation"]++
			w.n.last = strconv.Itoa(w.n.counters["equation"])
		}
		w.display(text)
	default:
		if base == "minted" {
			_, j := latexArg(text, 0)
			text = text[j:]
		}
		_, j := latexOptional(text, 0)
		w.block(text[j:], "```")
	}
	return min(len(s), i+k+len(closing))
}

// end writes an environment's end.
func (w *latexWriter) end(env string) {
	for k := len(w.envs) - 1; k >= 0; k-- {
		if w.envs[k] != env {
			continue
		}
		w.envs = w.envs[:k]
		base := strings.TrimSuffix(env, "*")
		switch {
		case base == "quote" || base == "quotation" || base == "verse":
			w.quote = max(0, w.quote-1)
		case latexLists[base] && len(w.items) > 0:
			w.items = w.items[:len(w.items)-1]
		}
		return
	}
}
