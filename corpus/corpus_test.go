package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/internal/testformats"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

func TestEmbeddedTextIsTheSharedFile(t *testing.T) {
	want, err := os.ReadFile(testsupport.SharedCorpus(t, "interview.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := sha256.Sum256(DefaultText()); got != sha256.Sum256(want) {
		t.Errorf("embedded interview SHA-256 %x, want %x (the shared file)", got, sha256.Sum256(want))
	}
}

// describe prints a document's structure for golden files.
func describe(d *Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "name %s (%s)\ntitle %s\nlines %d pages %d sentences %d passages %d quotations %d\n", d.Name, d.Format, d.Title, d.Lines, d.Pages, len(d.sentences), len(d.Passages), len(d.Quotations))
	if d.Encoding != "" {
		fmt.Fprintf(&b, "read as %s\n", d.Encoding)
	}
	if e := d.Epigraph; e != nil {
		fmt.Fprintf(&b, "epigraph %s: %s — %s\n", e.Lines, e.Text, e.Attribution)
	}
	for _, f := range d.Footnotes {
		fmt.Fprintf(&b, "footnote %d on line %d", f.Number, f.Line)
		if f.Text != "" {
			fmt.Fprintf(&b, ": %s", f.Text)
		}
		b.WriteByte('\n')
	}
	if d.PageLabels != nil {
		fmt.Fprintf(&b, "page labels %q\n", d.PageLabels)
	}
	if d.LinePages != nil {
		b.WriteString("pages of lines")
		for i := 0; i < len(d.LinePages); {
			j := i
			for j+1 < len(d.LinePages) && d.LinePages[j+1] == d.LinePages[i] {
				j++
			}
			fmt.Fprintf(&b, " %d–%d:p%d", i+1, j+1, d.LinePages[i])
			i = j + 1
		}
		b.WriteByte('\n')
	}
	for _, c := range d.Chapters {
		fmt.Fprintf(&b, "chapter %q (%s): sentences %d–%d, from paragraph %d\n", c.Title, c.Href, c.FirstSentence, c.EndSentence-1, c.FirstParagraph)
	}
	for _, o := range d.Omitted {
		fmt.Fprintf(&b, "omitted %s: %s\n", o.Lines, o.Reason)
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n§%d %q\n  lines %s, pages %d–%d, %d sentences, speakers %q\n  heading: %s\n", s.Number, s.Title, s.Lines, s.FirstPage, s.LastPage, s.EndSentence-s.FirstSentence, s.Speakers, s.Heading)
		if s.Verses {
			b.WriteString("  verses: its paragraphs, from 1\n")
		}
		if s.Anchor != "" {
			fmt.Fprintf(&b, "  anchor: #%s\n", s.Anchor)
		}
		for _, x := range d.sentences[s.FirstSentence:s.EndSentence] {
			fn := ""
			if len(x.Footnotes) > 0 {
				fn = fmt.Sprintf(" [footnotes %v]", x.Footnotes)
			}
			role := " "
			if x.Question {
				role = "Q"
			}
			text := x.Text
			if x.Code {
				role, text = "C", strings.ReplaceAll(text, "\n", "⏎")
			}
			who := ""
			if x.Speaker != "" {
				who = x.Speaker + ": "
			}
			fmt.Fprintf(&b, "  %3d %s p%-2d ¶%-3d %-8s %s%s%s\n", x.Index, role, x.Page, x.Paragraph, x.Lines, who, text, fn)
		}
	}
	b.WriteString("\nquotations\n")
	for _, q := range d.Quotations {
		fmt.Fprintf(&b, "  %-8s %q by %q\n", q.Lines, q.Text, q.Speaker)
	}
	b.WriteString("\npassages\n")
	for i, p := range d.Passages {
		fmt.Fprintf(&b, "  §%d %-8s p%-2d sentences %d–%d, %d words\n", d.Sections[p.Section].Number, p.Lines, p.Page, p.FirstSentence, p.EndSentence-1, WordCount(d.PassageText(i)))
	}
	return b.Bytes()
}

// formatInput is a small text in one layout, testdata/formats/NAME.input,
// parsed as the file NAME.
type formatInput struct {
	name, path string
	doc        *Document
}

// formatInputs parses every format input.
func formatInputs(t *testing.T) []formatInput {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "formats", "*.input"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no inputs in testdata/formats (%v)", err)
	}
	var out []formatInput
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".input")
		d, err := Parse(name, data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, formatInput{name: name, path: path, doc: d})
	}
	return out
}

// TestParserFingerprint keeps a fingerprint of the parse of every format
// input and of the test essay in every format, which the index cache
// stores: it fails when a parse changes while ParserVersion stays the
// same.
func TestParserFingerprint(t *testing.T) {
	var b bytes.Buffer
	for _, in := range formatInputs(t) {
		fmt.Fprintf(&b, "%x %s\n", sha256.Sum256(describe(in.doc)), in.name)
	}
	for _, in := range generatedInputs(t) {
		fmt.Fprintf(&b, "%x %s\n", sha256.Sum256(describe(in.doc)), in.name)
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"essay.docx", testformats.Essay().DOCX()}, {"essay.odt", testformats.Essay().ODT()}, {"essay.rtf", testformats.Essay().RTF()}} {
		if d, err := Parse(in.name, in.data); err == nil {
			fmt.Fprintf(&b, "%x %s\n", sha256.Sum256(describe(d)), in.name)
		} else {
			t.Error(err)
		}
	}
	testsupport.VersionedGolden(t, filepath.Join("testdata", "parser"), "the parse (ParserVersion in parse.go)", ParserVersion, b.Bytes())
}

// TestFormats parses each testdata/formats/NAME.input, a small text in one
// layout (a play, a dialogue, a transcript, Markdown…), as the file NAME
// and compares the whole parse with NAME.golden.
func TestFormats(t *testing.T) {
	for _, in := range formatInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			checkInvariants(t, in.doc)
			testsupport.Golden(t, strings.TrimSuffix(in.path, ".input")+".golden", describe(in.doc))
		})
	}
}

func TestInterviewStructure(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := c.Documents[0]
	testsupport.Golden(t, filepath.Join("testdata", "interview.golden"), describe(d))

	// The facts the issue names, asserted directly as well.
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, fmt.Sprintf("%d:%s", s.Number, s.Lines))
	}
	if got, want := strings.Join(titles, " "), "0:1–2 1:4–57 2:59–189 3:190–308 4:309–571 5:572–620"; got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	pageOf := func(line int) int {
		for _, s := range d.sentences {
			if s.Lines.Start == line {
				return s.Page
			}
		}
		return -1
	}
	for _, tt := range []struct{ line, page int }{{9, 1}, {24, 2}, {351, 11}, {618, 18}} {
		if got := pageOf(tt.line); got != tt.page {
			t.Errorf("sentence starting on line %d is on page %d, want %d", tt.line, got, tt.page)
		}
	}
	for _, s := range d.sentences {
		for _, bad := range []string{"purposes.3", "seen.”1", "1918”5"} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("sentence %d keeps the footnote marker %q: %s", s.Index, bad, s.Text)
			}
		}
	}
}

func TestSentenceBounds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"page reference", "See chap. iii, p. 62 of the first edition. It says more.", []string{"See chap. iii, p. 62 of the first edition.", "It says more."}},
		{"plain", "One thing. Another thing.", []string{"One thing.", "Another thing."}},
		{"question and quote", `He asked, “Why?” She left. “Go!” he said.`, []string{`He asked, “Why?”`, "She left.", `“Go!” he said.`}},
		{"quote closes sentence", `As Serge put it, “it had begun.” Lenin arrived.`, []string{`As Serge put it, “it had begun.”`, "Lenin arrived."}},
		{"abbreviations", "Mr. Reed met Gen. Kornilov at St. Petersburg. Then he left.", []string{"Mr. Reed met Gen. Kornilov at St. Petersburg.", "Then he left."}},
		{"initials", "V. I. Lenin spoke. The hall roared.", []string{"V. I. Lenin spoke.", "The hall roared."}},
		{"roman numeral ends sentence", "It led to World War I. The growth of industry followed.", []string{"It led to World War I.", "The growth of industry followed."}},
		{"see also", "(See App. I, Sect. 1) Then more.", []string{"(See App. I, Sect. 1) Then more."}},
		{"lower case after period", "the U.S. army and e.g. this.", []string{"the U.S. army and e.g. this."}},
		{"em-dash", "The class—and its form. Next.", []string{"The class—and its form.", "Next."}},
		{"ellipsis", "Talking Peace.... The Professor was puzzled.", []string{"Talking Peace....", "The Professor was puzzled."}},
		{"decimal", "It was 10.40 P. M. when it ended.", []string{"It was 10.40 P. M. when it ended."}},
		{"decimal ends a sentence", "Its rating was 99.4. Newton led. 2.1. The first results.", []string{"Its rating was 99.4.", "Newton led.", "2.1. The first results."}},
		{"an abbreviation of a numbered thing before a word", "Yes or no. Notable cases exist. See No. 4 and art. IV. Theodore P. Shonts came. Inspire art. Art is more.", []string{"Yes or no.", "Notable cases exist.", "See No. 4 and art. IV.", "Theodore P. Shonts came.", "Inspire art.", "Art is more."}},
		{"a book's volumes, a first name and a title", "See Green's Town Life (2 vols. London, 1894). Ch. Dixon writes so. Sec. Stanton agreed. NO. Global state goes there.", []string{"See Green's Town Life (2 vols. London, 1894).", "Ch. Dixon writes so.", "Sec. Stanton agreed.", "NO.", "Global state goes there."}},
		{"a file or site name ends a sentence", "Create tests/integration_test.rs. Your folder holds it. They sold it on Amazon.com. Then a Ph.D. Student came.", []string{"Create tests/integration_test.rs.", "Your folder holds it.", "They sold it on Amazon.com.", "Then a Ph.D. Student came."}},
		{"list markers", "e. _Yedinstvo._ A small group. 2. The Cadets. IV. Then.", []string{"e. _Yedinstvo._ A small group.", "2. The Cadets.", "IV. Then."}},
		{"section labels", "SEC. 2. No person shall be Governor. Section 3. The Governor shall reside here. Art. IV. Courts.", []string{"SEC. 2. No person shall be Governor.", "Section 3. The Governor shall reside here.", "Art. IV. Courts."}},
		{"captions", "Table 1. Recall by sleep onset group. Fig. 2. The actigraph. Early sleepers recalled 41 pairs (Table 1). The rest recalled fewer.", []string{"Table 1. Recall by sleep onset group.", "Fig. 2. The actigraph.", "Early sleepers recalled 41 pairs (Table 1).", "The rest recalled fewer."}},
		{"section cited at a sentence's end", "As said in Section 3. The next part differs.", []string{"As said in Section 3.", "The next part differs."}},
		{"no-break spaces", "He had collected eighty dollars. \u00a0And a jug of whisky.\u00a0 The king was pleased.", []string{"He had collected eighty dollars.", "And a jug of whisky.", "The king was pleased."}},
		{"cases and abbreviated names", "It led to FCC v. Pacifica Foundation. Wm. H. Herndon was Assistant Dist. Attorney. See ch. v. The end.", []string{"It led to FCC v. Pacifica Foundation.", "Wm. H. Herndon was Assistant Dist. Attorney.", "See ch. v.", "The end."}},
		{"an elision opens a sentence", "It is bitter cold. ’Tis now struck twelve. Go to bed, ’em all.", []string{"It is bitter cold.", "’Tis now struck twelve.", "Go to bed, ’em all."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range sentenceBounds(tt.text) {
				got = append(got, tt.text[b[0]:b[1]])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStripFootnotes(t *testing.T) {
	tests := []struct {
		line string
		want string
		nums []int
	}{
		{"purposes.3 The soviets existed", "purposes. The soviets existed", []int{3}},
		{"been seen.”1", "been seen.”", []int{1}},
		{"1918”5—opposing the treaty", "1918”—opposing the treaty", []int{5}},
		{"at any time.2", "at any time.", []int{2}},
		{"It was 10.40 P. M.", "It was 10.40 P. M.", nil},
		{"published in No.88 of said", "published in No.88 of said", nil},
		{"in 1905 and 1917", "in 1905 and 1917", nil},
		{"the 23d they met", "the 23d they met", nil},
		{"partial pressures.[j] Oxygen toxicity", "partial pressures. Oxygen toxicity", nil},
		{"the Roman Empire[a] and after.[note 2] Then[nb 1]", "the Roman Empire and after. Then", nil},
		{"his novel “Tom”[b] was", "his novel “Tom” was", nil},
		{"choose [a] or [b]", "choose [a] or [b]", nil},
		{"prefixed with `[x]` to check", "prefixed with `[x]` to check", nil},
		{"moribund.[4] No", "moribund. No", []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, marks := stripFootnotes(tt.line)
			var nums []int
			for _, m := range marks {
				nums = append(nums, m.number)
			}
			if got != tt.want || fmt.Sprint(nums) != fmt.Sprint(tt.nums) {
				t.Errorf("got %q %v, want %q %v", got, nums, tt.want, tt.nums)
			}
		})
	}
}

// TestEncodings: a text saved as UTF-16 (with or without a byte-order
// mark) or as Windows-1252 / ISO-8859-1 is read, with the same lines,
// and says what it was read from.
func TestEncodings(t *testing.T) {
	const want = "Chapter 1\n\nThe café was “warm”.\n"
	utf16 := func(order binary.AppendByteOrder, bom bool) []byte {
		var b []byte
		if bom {
			b = order.AppendUint16(b, 0xfeff)
		}
		for _, r := range want {
			b = order.AppendUint16(b, uint16(r))
		}
		return b
	}
	tests := []struct {
		name, encoding string
		data           []byte
	}{
		{"utf-8", "", []byte(want)},
		{"utf-16le with a byte-order mark", EncodingUTF16LE, utf16(binary.LittleEndian, true)},
		{"utf-16be with a byte-order mark", EncodingUTF16BE, utf16(binary.BigEndian, true)},
		{"utf-16le without one", EncodingUTF16LE, utf16(binary.LittleEndian, false)},
		{"windows-1252", EncodingWindows1252, []byte("Chapter 1\r\n\r\nThe caf\xe9 was \x93warm\x94.\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("x.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.encoding {
				t.Errorf("read as %q, want %q", d.Encoding, tt.encoding)
			}
			if got := d.Sentence(0).Text; got != "The café was “warm”." {
				t.Errorf("sentence %q, want %q", got, "The café was “warm”.")
			}
			lines, err := Lines(tt.data)
			if err != nil || len(lines) != 3 || lines[2] != "The café was “warm”." {
				t.Errorf("Lines: %q, %v; want the three lines of the text", lines, err)
			}
			md, err := Parse("x.md", tt.data)
			if err != nil || md.Encoding != tt.encoding {
				t.Errorf("as Markdown: read as %q (%v), want %q", md.Encoding, err, tt.encoding)
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\r\n\t\n"), ErrEmpty},
		{"bom only", []byte("\xef\xbb\xbf\n"), ErrEmpty},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"control characters", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), ErrBinary},
		{"a legacy encoding of another script (Cyrillic, Windows-1251)", []byte("\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0\n"), ErrEncoding},
		{"utf-8 with a stray byte", []byte("The café of the “workers”\xff stood here.\n"), ErrEncoding},
		{"utf-16 cut in the middle of a character", []byte("\xff\xfeH\x00i\x00\n"), ErrUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.txt", tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("Parse: %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	write("bad/book.txt", []byte{0, 1, 2, 3})
	write("bad/good.md", []byte("# Title\n\nSome text here.\n"))
	noText := filepath.Join(dir, "none")
	os.Mkdir(noText, 0o755)
	write("none/image.png", []byte{0x89, 'P', 'N', 'G'})
	write("none/~$minutes.docx", []byte("\x0cA. Tester\x00\x00 a Word lock file"))

	tests := []struct {
		name string
		path string
		want error
		file string // the file the message must name
	}{
		{"empty file", empty, ErrEmpty, "empty.txt"},
		{"binary file in a directory", filepath.Join(dir, "bad"), ErrBinary, "book.txt"},
		{"directory without texts", noText, ErrNoText, "none"},
		{"missing path", filepath.Join(dir, "nope.txt"), os.ErrNotExist, "nope.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Load: %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q does not name %s", err, tt.file)
			}
		})
	}
}

func TestReadSourcesRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "folder", "pipe.txt")
	if err := os.MkdirAll(filepath.Dir(fifo), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), 4000), 0o644); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		path  string
		limit int64
		want  error
	}{
		{"named pipe in a folder", context.Background(), filepath.Dir(fifo), 0, ErrNotRegular},
		{"named pipe", context.Background(), fifo, 0, ErrNotRegular},
		{"device", context.Background(), "/dev/zero", 0, ErrNotRegular},
		{"over the size limit", context.Background(), big, 1000, ErrTooLarge},
		{"cancelled", cancelled, big, 0, context.Canceled},
	}
	reads := map[string]func(context.Context, string, LoadOptions) ([]Source, error){"ReadSources": ReadSources, "ListSources": ListSources}
	for _, tt := range tests {
		for name, read := range reads {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				done := make(chan error, 1)
				go func() {
					_, err := read(tt.ctx, tt.path, LoadOptions{MaxFileSize: tt.limit})
					done <- err
				}()
				select {
				case err := <-done:
					if !errors.Is(err, tt.want) {
						t.Errorf("%s(%s): %v, want %v", name, tt.path, err, tt.want)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("%s(%s) hangs", name, tt.path)
				}
			})
		}
	}
}

// TestSourcesWithoutTheirBytes checks that listing a folder hashes its
// files as reading them does, without keeping their bytes, and that
// parsing lets go of the bytes it has parsed and keeps their hashes.
func TestSourcesWithoutTheirBytes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "The first text. It has two sentences.", "b.md": "# B\n\nThe second text."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	read, err := ReadSources(ctx, dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	listed, err := ListSources(ctx, dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != len(read) {
		t.Fatalf("listed %d files, read %d", len(listed), len(read))
	}
	want := make([]string, len(read))
	for i := range read {
		want[i] = read[i].Hash()
		if got := listed[i]; got.Name != read[i].Name || got.Hash() != want[i] || got.Data != nil {
			t.Errorf("listed %s: hash %s, %d bytes kept; want %s (as read), none kept", got.Name, got.Hash(), len(got.Data), want[i])
		}
	}
	if _, err := ParseSources(read, nil); err != nil {
		t.Fatal(err)
	}
	for i, s := range read {
		if s.Data != nil || s.Hash() != want[i] {
			t.Errorf("after parsing, %s keeps %d bytes and hash %s; want none and %s", s.Name, len(s.Data), s.Hash(), want[i])
		}
	}
}

func TestBooks(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		author    string
		sections  int
		wantTitle []string // section titles that must be present
		notText   string   // licence text that must not be indexed
	}{
		{"ten-days-that-shook-the-world.txt", "Ten Days That Shook the World", "John Reed", 112,
			[]string{"Preface", "Notes and Explanations", "Chapter I: Background", "Chapter XII: The Peasants’ Congress", "APPENDIX TO CHAPTER XII · 1: INSTRUCTION TO PEASANTS"},
			"Project Gutenberg-tm"},
		{"war-and-peace.txt", "War and Peace", "Leo Tolstoy", 365,
			[]string{"BOOK ONE: 1805 · CHAPTER I", "BOOK FIFTEEN: 1812 - 13 · CHAPTER XX", "FIRST EPILOGUE: 1813 - 20 · CHAPTER I", "SECOND EPILOGUE · CHAPTER XII"},
			"Project Gutenberg-tm"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c, err := Load(testsupport.SharedCorpus(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d := c.Documents[0]
			if d.Title != tt.title || d.Author != tt.author {
				t.Errorf("title %q by %q, want %q by %q", d.Title, d.Author, tt.title, tt.author)
			}
			if len(d.Sections) != tt.sections {
				t.Errorf("%d sections, want %d", len(d.Sections), tt.sections)
			}
			have := map[string]bool{}
			for _, s := range d.Sections {
				have[s.Title] = true
			}
			for _, w := range tt.wantTitle {
				if !have[w] {
					t.Errorf("no section titled %q", w)
				}
			}
			for _, s := range d.sentences {
				if strings.Contains(s.Text, tt.notText) {
					t.Fatalf("sentence %d on lines %s is licence text: %s", s.Index, s.Lines, s.Text)
				}
			}
			checkInvariants(t, d)
		})
	}
}

// checkInvariants asserts what must hold of any parse.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	if d.PageLabels != nil && len(d.PageLabels) != d.Pages {
		t.Fatalf("%d page labels for %d pages", len(d.PageLabels), d.Pages)
	}
	for _, o := range d.Omitted {
		if o.Lines.Start < 1 || o.Lines.Start > o.Lines.End || o.Lines.End > d.Lines {
			t.Fatalf("%s left out at lines %s of %d", o.Reason, o.Lines, d.Lines)
		}
	}
	for i, s := range d.sentences {
		if s.Index != i || s.Lines.Start < 1 || s.Lines.End > d.Lines || s.Lines.Start > s.Lines.End {
			t.Fatalf("sentence %d: index %d, lines %s of %d", i, s.Index, s.Lines, d.Lines)
		}
		if i > 0 && s.Lines.Start < d.sentences[i-1].Lines.Start {
			t.Fatalf("sentence %d starts on line %d, before sentence %d", i, s.Lines.Start, i-1)
		}
		if s.Section < 0 || s.Section >= len(d.Sections) {
			t.Fatalf("sentence %d in section %d of %d", i, s.Section, len(d.Sections))
		}
	}
	covered := 0
	for si, s := range d.Sections {
		for i := s.FirstSentence; i < s.EndSentence; i++ {
			if d.sentences[i].Section != si {
				t.Fatalf("section %d lists sentence %d of section %d", si, i, d.sentences[i].Section)
			}
			if sp := d.sentences[i].Speaker; sp != "" && !slices.Contains(s.Speakers, sp) {
				t.Fatalf("sentence %d is spoken by %q, not among section %d's speakers %q", i, sp, si, s.Speakers)
			}
		}
		covered += s.EndSentence - s.FirstSentence
	}
	if covered != len(d.sentences) {
		t.Fatalf("sections hold %d sentences, document %d", covered, len(d.sentences))
	}
	var spoken, want []int
	for i := range d.SpokenSentences() {
		spoken = append(spoken, i)
	}
	for i, s := range d.sentences {
		if s.Speaker != "" {
			want = append(want, i)
		}
	}
	if !slices.Equal(spoken, want) {
		t.Fatalf("SpokenSentences yields %d sentences, %d have a speaker", len(spoken), len(want))
	}
	for _, p := range d.Passages {
		if p.EndSentence <= p.FirstSentence || d.sentences[p.FirstSentence].Section != p.Section || d.sentences[p.EndSentence-1].Section != p.Section {
			t.Fatalf("passage %d spans sentences %d–%d across sections", p.Index, p.FirstSentence, p.EndSentence-1)
		}
	}
}

func TestMarkdownAndPages(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		data     string
		sections string // number:title:lines …
		pages    string // page of each sentence
	}{
		{"markdown headings", "notes.md", "# My Book\n\nIntro text here.\n\n## Part One\nFirst part. Still first.\n\n## Part Two\n\nSecond part.\n",
			"1:My Book:1–3 2:Part One:5–6 3:Part Two:8–10", "0 0 0 0"},
		{"form feeds", "paged.txt", "Page one text.\n\fPage two text.\nMore.\n\f\nPage three.\n",
			"1:paged:1–5", "1 2 2 3"},
		{"bom and crlf", "crlf.txt", "\xef\xbb\xbfFirst line.\r\nSecond line.\r\n\r\nThird.\r\n",
			"1:crlf:1–4", "0 0 0"},
		{"no headings", "plain.txt", "Just one paragraph. Two sentences.\n",
			"1:plain:1", "0 0"},
		{"wiki headings", "wiki.txt", "Intro text here.\n\n== Early life ==\n\nBorn in 1815.\n\n=== Education ===\n\nTaught at home.\n",
			"0:Front matter:1 1:Early life:3–5 2:Early life · Education:7–9", "0 0 0"},
		{"underlined headings", "notes.md", "Title\n=====\n\nIntro.\n\nPart\n----\n\nBody text.\n",
			"1:Title:1–4 2:Part:6–9", "0 0"},
		{"paragraph per line", "flat.txt", "Ada Lovelace\n" + strings.Repeat("An English mathematician who wrote notes. ", 6) + "\nEarly life\n" + strings.Repeat("She was born in 1815 in London. ", 8) + "\n",
			"1:Ada Lovelace:1–2 2:Early life:3–4", "0 0 0 0 0 0 0 0 0 0 0 0 0 0"},
		{"article headings", "article.txt", "Ada Lovelace\n\nAn English mathematician.\nShe wrote notes.\n\nEarly life\n\nShe was born in 1815.\nHer father was Byron.\n\nWork\n\nShe worked with Babbage.\nOn the Analytical Engine.\n",
			"1:Ada Lovelace:1–4 2:Early life:6–9 3:Work:11–14", "0 0 0 0 0 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			var secs, pages []string
			for _, s := range d.Sections {
				secs = append(secs, fmt.Sprintf("%d:%s:%s", s.Number, s.Title, s.Lines))
			}
			for _, s := range d.sentences {
				pages = append(pages, fmt.Sprint(s.Page))
			}
			if got := strings.Join(secs, " "); got != tt.sections {
				t.Errorf("sections %q, want %q", got, tt.sections)
			}
			if got := strings.Join(pages, " "); got != tt.pages {
				t.Errorf("pages %q, want %q", got, tt.pages)
			}
			checkInvariants(t, d)
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("NP: A question?\nSW: An answer.3 More.\n\nNP: Two?\nSW: “Quoted,” he said.\n"))
	f.Add([]byte("# Title\n\nText. More text.\n\f\nCHAPTER I\n\nBody.\n"))
	f.Add([]byte("\xef\xbb\xbf*** START OF THE PROJECT GUTENBERG EBOOK X ***\r\nBody.\r\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\r\n"))
	f.Add([]byte("1\n00:00:01,000 --> 00:00:04,000\n<i>Welcome</i> to the lecture,\n\n2\n00:00:04,500 --> 00:00:08,000\nwhich begins now.\n"))
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ana>Thank you.\n"))
	f.Add(DefaultText()[:2000])
	f.Add([]byte("= Title\nA. Author\n:attr: v\n\n== Part\n\n.Box\n****\nText {attr}.\n****\n\n----\ncode\n----\n\n|===\n| a | b\n|===\n"))
	f.Add([]byte("=====\nTitle\n=====\n\n.. note::\n\n   A note.\n\nText::\n\n    code\n\n.. function:: f(x)\n\n   Return x.\n\n+--+\n| a |\n"))
	f.Add([]byte("CHAPTER I.\n\nText.[1] More [2].\n\n[Footnote 1: A note [with brackets]\nover lines.]\n\nFootnote 2:\n\n  Indented note.\n\n\nTHE END\n"))
	f.Add([]byte("#+TITLE: T\n* TODO [#A] H :tag:\n:PROPERTIES:\n:ID: x\n:END:\n[[a][b]] =c= /d/ [fn:1]\n#+BEGIN_SRC go\n,* x\n#+END_SRC\n| a | b |\n|---+---|\n[fn:1] Note.\n#+BEGIN_QUOTE\n"))
	f.Add([]byte("```{note}\n:class: x\nA note.\n```\n\n(t)=\n% c\n\n<details><summary>Why?</summary>Body.</details>\n\nterm\n: definition\n"))
	f.Add([]byte("INT. A ROOM - DAY\n\n          A lamp.\n\n                    ANA (O.S.)\n          (beat)\n          Hello.\n\nEXT. B - NIGHT\n\nANA\nBye.\n\nBEN\nNo.\n\nANA\nYes.\n\nCUT TO:\n"))
	f.Add([]byte("Q. 1. What is it?\nA. It is.\n\nQ. 2. Why?\nAnswer: Because.\n\nQ. 3. How?\nA.\n"))
	f.Add([]byte("Book (A)\r\n- Your Highlight on page 2 | Location 3-4 | Added on Monday\r\n\r\nText.\r\n==========\r\nBook (A)\r\n- Your Note at location 5 | Added\r\n==========\r\n"))
	f.Add([]byte("0:00\nwelcome back\n0:03\nto the talk\n0:06\non tea\n[00:00:09] ANA: Hi.\n[00:00:12] BEN: Hello.\n"))
	f.Add([]byte("RFC 1   Title   2026\n\n1.  Intro\n\n   Text broken at a line's end with a hy-\n   phen.\n\nDoe   Info   [Page 1]\n\f\nRFC 1   Title   2026\n\n2.  More\n\n   Text.   Cells   Here\n   a   b   c\n   ----   ----\n\nDoe   Info   [Page 2]\n\f\n"))
	ocr := strings.Repeat("Text of the page.\n", 16)
	f.Add([]byte("CHAPTER I.\n\n" + ocr + "\n\n10 THE BOOK. \n\n" + ocr + "ends on a pleas-\n\n\nTHE CHAPTER. 11 \n\nure\n" + ocr + "\n\n12 THE BOOK. \n\n" + ocr + "\n\nTHE CHAPTER. 13 \n\n" + ocr))
	f.Add([]byte("\\documentclass{article}\\title{T}\n\\begin{document}\n\\section{A}\\label{a} x$y\\footnote{n\n\\begin{itemize}\\item[\n\\end{document}\n\\begin{verbatim}\n"))
	f.Add([]byte("Persons Represented\n\nDUNCAN, King of Scotland.\nBANQUO, General.\n\nLADY MACBETH.\n\nACT I\n\nSCENE I. A heath.\n\nBANQUO. Hail.\n\nDUNCAN. Welcome.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"fuzz.txt", "fuzz.rst", "fuzz.adoc", "fuzz.md", "fuzz.org", "fuzz.tex"} {
			if d, err := Parse(name, data); err == nil {
				checkInvariants(t, d)
			}
		}
	})
}

// outline prints a document's structure for review: what was left out,
// then each section with its lines, size, speakers and opening words.
func outline(d *Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "name %s\ntitle %s\nauthor %s\n", d.Name, d.Title, d.Author)
	if d.Translator != "" {
		fmt.Fprintf(&b, "translator %s\n", d.Translator)
	}
	fmt.Fprintf(&b, "lines %d pages %d sections %d sentences %d passages %d\n", d.Lines, d.Pages, len(d.Sections), len(d.sentences), len(d.Passages))
	for _, o := range d.Omitted {
		fmt.Fprintf(&b, "omitted %-12s %s\n", o.Lines, o.Reason)
	}
	for _, s := range d.Sections {
		indent := strings.Repeat("  ", max(s.Level-1, 0))
		anchor := ""
		if s.Anchor != "" {
			anchor = " #" + s.Anchor
		}
		fmt.Fprintf(&b, "\n%s§%d %s%s\n%s    lines %s, %d sentences", indent, s.Number, s.Title, anchor, indent, s.Lines, s.EndSentence-s.FirstSentence)
		if s.Verses {
			b.WriteString(", verses")
		}
		if len(s.Speakers) > 0 {
			sp := s.Speakers
			if len(sp) > 8 {
				sp = append(sp[:8:8], fmt.Sprintf("+%d", len(s.Speakers)-8))
			}
			fmt.Fprintf(&b, ", speakers %s", strings.Join(sp, ", "))
		}
		if s.EndSentence > s.FirstSentence {
			first := d.sentences[s.FirstSentence]
			text := first.Text
			if len([]rune(text)) > 90 {
				text = string([]rune(text)[:90]) + "…"
			}
			who := ""
			if first.Speaker != "" {
				who = first.Speaker + ": "
			}
			fmt.Fprintf(&b, "\n%s    %d: %s%s", indent, first.Lines.Start, who, text)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// TestSharedTextStructure keeps a reviewed outline of every text in
// ../shared/corpus, so that a parser change shows its effect on all of
// them in one diff (go test ./corpus -run SharedText -update; git diff).
func TestSharedTextStructure(t *testing.T) {
	dir := testsupport.SharedDir(t, "corpus")
	var files []string
	for _, pattern := range []string{"*.txt", "library/*.txt", "library/*.md"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found %d texts under %s, want the 3 books and 18 library texts", len(files), dir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if name == "SOURCES" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			d := c.Documents[0]
			checkInvariants(t, d)
			testsupport.Golden(t, filepath.Join("testdata", "structure", name+".golden"), outline(d))
		})
	}
}

func TestLinesMatchParse(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"plain", "Title\n\nFirst line.\nSecond line.\n"},
		{"crlf and bom", "\xef\xbb\xbfTitle\r\n\r\nFirst line.\r\nSecond line."},
		{"old mac", "Title\r\rFirst line.\rSecond line.\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, err := Lines([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse("x.txt", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(lines) != doc.Lines {
				t.Errorf("%d lines, Parse counts %d", len(lines), doc.Lines)
			}
			for _, s := range doc.sentences {
				if !strings.Contains(lines[s.Lines.Start-1], strings.Fields(s.Text)[0]) {
					t.Errorf("sentence %q does not start on line %d (%q)", s.Text, s.Lines.Start, lines[s.Lines.Start-1])
				}
			}
		})
	}
	if _, err := Lines([]byte{0, 1, 2}); err == nil {
		t.Error("binary data split into lines")
	}
}

// TestSharedFormatsStructure keeps a reviewed outline of every document
// of ../shared/corpus/formats (PDFs, EPUBs, web pages) and of its
// documentation trees, a golden each.
func TestSharedFormatsStructure(t *testing.T) {
	dir := testsupport.SharedDir(t, "corpus/formats")
	pdf := NewPDFEngine(testsupport.PDFiumCache())
	t.Cleanup(func() { pdf.Close() })
	var paths []string
	for _, pattern := range []string{"html/*", "epub/*", "pdf/*", "docs/*"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil || strings.HasSuffix(path, ".SHA256SUMS") || strings.Contains(path, "image-only") {
			continue
		}
		name := filepath.Base(filepath.Dir(path)) + "-" + strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			src, err := ReadSources(context.Background(), path, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseSources(src, pdf)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			for _, s := range c.Skipped {
				fmt.Fprintf(&b, "skipped %s\n", s)
			}
			for k, d := range c.Documents {
				checkInvariants(t, d)
				if info.IsDir() && k > 0 {
					b.WriteString("\n========\n")
				}
				b.Write(outline(d))
			}
			testsupport.Golden(t, filepath.Join("testdata", "structure", "formats", name+".golden"), b.Bytes())
		})
	}
}

// TestMySTRoles checks how MyST's roles read: a reference as its text, a
// term as its word, a name or a formula as code, and nothing inside a
// code span touched.
func TestMySTRoles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"see {ref}`the guide <guide>` first", "see the guide first"},
		{"the {term}`cache` is kept", "the cache is kept"},
		{"call {py:func}`~tool.install`", "call `tool.install`"},
		{"where {math}`x^2 + 1` grows", "where `x^2 + 1` grows"},
		{"read {doc}`usage`", "read `usage`"},
		{"written ``{term}`cache` `` here", "written ``{term}`cache` `` here"},
		{"`{not}` then {abbr}`LIFO (last in, first out)`", "`{not}` then LIFO (last in, first out)"},
		{"no role {here} at all", "no role {here} at all"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mystRoles(tt.in); got != tt.want {
				t.Errorf("mystRoles(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestDocumentKind checks the kind of file a document says it came from.
func TestDocumentKind(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"guide.rst", "Guide\n=====\n\nText here.\n", "reStructuredText"},
		{"guide.adoc", "= Guide\n\nText here.\n", "AsciiDoc"},
		{"report.qmd", "# Report\n\nText here.\n", "Quarto"},
		{"notes.org", "* Notes\nText here.\n", "Org"},
		{"paper.tex", "\\section{Notes}\nText here.\n", "LaTeX"},
		{"page.mdx", "# Page\n\nText here.\n", "MDX"},
		{"notes.md", "# Notes\n\nText here.\n", "markdown"},
		{"talk.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nText here.\n", "subtitles"},
		{"episode.txt", "[00:00:05] Text here.\n[00:00:09] And here.\n[00:00:14] And there.\n", "timed transcript"},
		{"book.txt", "Text here.\n", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.name, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Kind(); got != tt.want {
				t.Errorf("Kind() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextNotes checks which lines of a plain text are Project
// Gutenberg's notes and what each note's text is.
func TestTextNotes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []textNote
		clean []string
	}{
		{"in brackets over two lines", []string{"[Footnote 1: A note [with brackets]", "over two lines.] After."},
			[]textNote{{1, 1, "A note [with brackets] over two lines."}}, []string{"A note [with brackets]", "over two lines.  After."}},
		{"under a label", []string{"Footnote 2:", "", "  The note.", "", "Text."},
			[]textNote{{2, 1, "The note."}}, []string{"", "", "  The note.", "", "Text."}},
		{"a bracket that never closes", []string{"[Footnote 3: Never closed.", "", "Then [a] paragraph.]"},
			[]textNote{{3, 1, "Never closed."}}, []string{"Never closed.", "", "Then [a] paragraph.]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n textNotes
			var clean []string
			for i, l := range tt.lines {
				clean = append(clean, n.clean(i, l))
			}
			n.end()
			if !slices.Equal(n.found, tt.want) || !slices.Equal(clean, tt.clean) {
				t.Errorf("got notes %v and lines %q, want %v and %q", n.found, clean, tt.want, tt.clean)
			}
		})
	}
}

// TestPartTitles reads a work bound after the chapters, its title in
// capitals set apart as every chapter heading is, as a part of its own,
// and leaves a line in capitals set closer to its text as text.
func TestPartTitles(t *testing.T) {
	para := "The prince must learn to be feared rather than loved, and he must learn it early in his reign.\n"
	chapters := "CHAPTER I\n\n" + para + "\n\n\n\nCHAPTER II\n\n" + para
	tests := []struct {
		name, text string
		want       []string
		notQuoted  string
	}{
		{"a work set apart as the chapters are",
			chapters + "\n\n\n\nTHE LIFE OF CASTRUCCIO CASTRACANI\n\nWRITTEN BY NICOLO MACHIAVELLI\n\n" + para,
			[]string{"CHAPTER I", "CHAPTER II", "THE LIFE OF CASTRUCCIO CASTRACANI"}, "WRITTEN BY"},
		{"capitals set as close as a paragraph",
			chapters + "\nTHE DUKE SPEAKS\n\n" + para,
			[]string{"CHAPTER I", "CHAPTER II"}, ""},
		{"chapters set as close as paragraphs",
			"CHAPTER I\n\n" + para + "\nCHAPTER II\n\n" + para + "\nTHE LIFE OF CASTRUCCIO\n\n" + para,
			[]string{"CHAPTER I", "CHAPTER II"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := wantSections(t, "prince.txt", tt.text, tt.want)
			for _, s := range d.AllSentences() {
				if tt.notQuoted != "" && strings.Contains(s.Text, tt.notQuoted) {
					t.Errorf("the byline %q is a sentence", s.Text)
				}
			}
		})
	}
}

// TestExclaimedPoemTitles reads a poem's title that exclaims ("O Captain!
// My Captain!") as a title where it stands apart as the others do, and as
// a line of text where it stands as close as a stanza.
func TestExclaimedPoemTitles(t *testing.T) {
	stanza := "  The ship has weather'd every rack, the prize we sought is won,\n  The port is near, the bells I hear, the people all exulting,\n"
	var poems strings.Builder
	for _, title := range []string{"Song of the Open Road", "Crossing the Ferry", "A Farm Picture", "The Ox-Tamer", "Sea-Drift"} {
		poems.WriteString("\n\n\n\n" + title + "\n\n" + stanza)
	}
	tests := []struct {
		name, gap string
		want      bool
	}{
		{"set apart as the other titles", "\n\n\n\n", true},
		{"as close as a stanza", "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("poems.txt", []byte(poems.String()+tt.gap+"O Captain! My Captain!\n\n"+stanza))
			if err != nil {
				t.Fatal(err)
			}
			titles := sectionTitles(d)
			if got := slices.Contains(titles, "O Captain! My Captain!"); got != tt.want {
				t.Errorf("got sections %q; want the exclaimed title among them: %v", titles, tt.want)
			}
		})
	}
}

// TestCapsHeadingOverTwoParagraphs joins a title in capitals set over two
// paragraphs, the first ending in a comma, into one heading.
func TestCapsHeadingOverTwoParagraphs(t *testing.T) {
	para := "Until recently the great majority of naturalists believed that species were immutable productions.\n"
	text := "AN HISTORICAL SKETCH OF THE PROGRESS OF OPINION ON THE ORIGIN OF\nSPECIES,\n\nPREVIOUSLY TO THE PUBLICATION OF THIS WORK.\n\n" + para +
		"\n\n\nVARIATION UNDER DOMESTICATION\n\n" + para + "\n\n\nVARIATION UNDER NATURE\n\n" + para
	want := []string{"AN HISTORICAL SKETCH OF THE PROGRESS OF OPINION ON THE ORIGIN OF SPECIES, PREVIOUSLY TO THE PUBLICATION OF THIS WORK", "VARIATION UNDER DOMESTICATION", "VARIATION UNDER NATURE"}
	wantSections(t, "origin.txt", text, want)
}

// TestItalicEmphasisIsText reads a sentence set in italics inside a
// letter as a sentence of the letter, where the letters' titles, also in
// italics, head sections.
func TestItalicEmphasisIsText(t *testing.T) {
	para := "I would save the Union, and I would save it in the shortest way under the Constitution.\n"
	var text strings.Builder
	for _, title := range []string{"_Letter to Colonel Robert Allen. June 21, 1836_", "_Letter to W.G. Anderson. October 31, 1840_", "_His Letter to Horace Greeley. August 22, 1862_"} {
		text.WriteString("\n\n\n\n" + title + "\n\n" + para)
	}
	text.WriteString("\n_My paramount object in this struggle is to save the Union, and not\neither to save or to destroy slavery._\n\n" + para)
	want := []string{"Letter to Colonel Robert Allen. June 21, 1836", "Letter to W.G. Anderson. October 31, 1840", "His Letter to Horace Greeley. August 22, 1862"}
	d := wantSections(t, "letters.txt", text.String(), want)
	found := false
	for _, s := range d.AllSentences() {
		found = found || strings.HasPrefix(s.Text, "My paramount object")
	}
	if !found {
		t.Error("the sentence in italics is not a sentence of the letter")
	}
}

// TestItalicSubtitle reads a line in italics right under a title in
// capitals as the title's subtitle, not as a section of its own that
// leaves the title with nothing under it.
func TestItalicSubtitle(t *testing.T) {
	para := "They gathered around the President, ran ahead, and hovered about the flanks of the little company.\n"
	titles := [][2]string{{"HIS ENTRY INTO RICHMOND", "As Described by a Writer in the \"Atlantic Monthly\""}, {"HIS JOY IN GIVING A PARDON", "As Told by Schuyler Colfax"}, {"HIS DEMOCRATIC BEARING", "As Remembered by a Visitor"}}
	var text strings.Builder
	var want []string
	for _, tt := range titles {
		text.WriteString("\n\n\n" + tt[0] + "\n\n_" + tt[1] + "_\n\n" + para)
		want = append(want, tt[0]+": "+tt[1])
	}
	wantSections(t, "anecdotes.txt", text.String(), want)
}

// TestTitleLosesLeadingDash: a heading whose markup before a dash is left
// out ("### <!-- md:version --> – Version") is titled by its words.
func TestTitleLosesLeadingDash(t *testing.T) {
	text := "# Conventions\n\n## Symbols\n\n### <!-- md:version --> – Version { #version }\n\nThe tag symbol shows the version a feature was added in.\n"
	d, err := Parse("conventions.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	titles := sectionTitles(d)
	if got, want := titles[len(titles)-1], "Symbols · Version"; got != want {
		t.Errorf("got the last section titled %q, want %q", got, want)
	}
}

// TestItalicSignature reads two lines in italics that sign a document
// ("_Military Revolutionary Committee_" / "_Petrograd Soviet…_") as text,
// where titles in italics head sections.
func TestItalicSignature(t *testing.T) {
	para := "The Provisional Government is deposed, and the power of State has passed into the hands of the Soviet.\n"
	var text strings.Builder
	titles := []string{"Proclamation of the Fall of the Government", "Decree on Land", "Decree on Peace"}
	for _, title := range titles {
		text.WriteString("\n\n\n\n_" + title + "_\n\n" + para)
	}
	text.WriteString("\n_Military Revolutionary Committee_\n\n_Petrograd Soviet of Workers’ and Soldiers’ Deputies._\n\n" + para)
	wantSections(t, "proclamations.txt", text.String(), titles)
}

// TestPlateNotesLeftOut leaves out where a plate is bound ("To face page
// 112") and a transcriber's note of a graphic, which are no sentences of
// the text.
func TestPlateNotesLeftOut(t *testing.T) {
	text := "We had not known one another while free.\n\n[Graphic, page 33: text of placard in russian, translation follows]\n\nTo face page 112\n\nWe met in prison like old friends.\n"
	got := sentenceTexts(t, "memoir.txt", text)
	if want := []string{"We had not known one another while free.", "We met in prison like old friends."}; !slices.Equal(got, want) {
		t.Errorf("got sentences %q, want %q", got, want)
	}
}

// TestNumberedPiecesOfCollections reads the numbered pieces of a
// collection as sections: stories, sonnets, psalms.
func TestNumberedPiecesOfCollections(t *testing.T) {
	prose := "To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other name.\n"
	verse := "  From fairest creatures we desire increase,\n  That thereby beauty's rose might never die,\n"
	tests := []struct {
		name, piece string
		heads       []string
	}{
		{"stories", prose, []string{"ADVENTURE I. A SCANDAL IN BOHEMIA", "ADVENTURE II. THE RED-HEADED LEAGUE", "ADVENTURE III. A CASE OF IDENTITY"}},
		{"sonnets", verse, []string{"SONNET I", "SONNET II", "SONNET III"}},
		{"psalms", verse, []string{"PSALM 1", "PSALM 2", "PSALM 3"}},
		{"suras", prose, []string{"SURA I. THE OPENING", "SURA II. THE COW", "SURA III. THE FAMILY OF IMRAN"}},
		{"meditations", prose, []string{"MEDITATION XVI", "MEDITATION XVII", "MEDITATION XVIII"}},
		{"odes", verse, []string{"ODE I", "ODE II", "ODE III"}},
		{"eclogues", verse, []string{"ECLOGUE I", "ECLOGUE II", "ECLOGUE III"}},
		{"fits", verse, []string{"FIT THE FIRST", "FIT THE SECOND", "FIT THE THIRD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text strings.Builder
			var want []string
			for _, h := range tt.heads {
				text.WriteString("\n\n" + h + "\n\n" + tt.piece)
				want = append(want, strings.Replace(h, ". ", ": ", 1))
			}
			wantSections(t, "collection.txt", text.String(), want)
		})
	}
}

// TestNumberedTitleLines reads a numeral and a title on one line ("I. The
// Period") as a chapter's heading under its book, and a numbered point
// that is a sentence as text.
func TestNumberedTitleLines(t *testing.T) {
	p := "It was the best of times, it was the worst of times, it was the age of wisdom.\n"
	text := "\n\n\nBook the First--Recalled to Life\n\n\n\nI. The Period\n\n" + p + "\n\n\nII. The Mail\n\n" + p + "\n\n\nIII. The Night Shadows\n\n" + p +
		"\nI. that the people of the town, having met in the square, agreed to it.\n\n" + p
	book := "Book the First: Recalled to Life · "
	want := []string{book + "I. The Period", book + "II. The Mail", book + "III. The Night Shadows"}
	wantSections(t, "two-cities.txt", text, want)
}

// TestOrdinalHeadings reads headings that number their part with an
// ordinal after the keyword, as Les Misérables and Dickens do, and leaves
// a sentence opening with a keyword and an ordinal as text.
func TestOrdinalHeadings(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"BOOK FIRST.—A JUST MAN", "BOOK FIRST: A JUST MAN"},
		{"Chapter the Twenty-First", "Chapter the Twenty-First"},
		{"PART SECOND", "PART SECOND"},
		{"Part first of all was the hardest.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h, ok := strongHeading(tt.line)
			if got := map[bool]string{true: h.title}[ok]; got != tt.want {
				t.Errorf("got heading %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFirstHeadingOverShortParagraphs keeps the first chapter of a text
// whose paragraphs are short numbered ones, as The Art of War's are: its
// heading opens the text and is no title page's line.
func TestFirstHeadingOverShortParagraphs(t *testing.T) {
	chapter := func(title string) string {
		return "\n\n" + title + "\n\n1. Sun Tzu said: The art of war is of vital importance to the State.\n\n" +
			"2. It is a matter of life and death, a road either to safety or to ruin.\n\n" +
			"3. The art of war, then, is governed by five constant factors, to be\ntaken into account in one's deliberations, when seeking to determine the\nconditions obtaining in the field.\n"
	}
	text := "THE ART OF WAR\n\nBy Sun Tzu\n\nTranslated by Lionel Giles\n\n" + chapter("I. LAYING PLANS") + chapter("II. WAGING WAR") + chapter("III. ATTACK BY STRATAGEM")
	want := []string{"I. LAYING PLANS", "II. WAGING WAR", "III. ATTACK BY STRATAGEM"}
	wantSections(t, "art-of-war.txt", text, want)
}

// TestContentsBeforeALetter ends a contents list, its entries indented a
// line each, at the first letter's heading, though the letter's addressee
// and date stand between the heading and its text.
func TestContentsBeforeALetter(t *testing.T) {
	letter := "You will rejoice to hear that no disaster has accompanied the\ncommencement of an enterprise which you have regarded with such evil\nforebodings. I arrived here yesterday.\n"
	text := "Frankenstein;\n\nor, the Modern Prometheus\n\n\n CONTENTS\n\n Letter 1\n Letter 2\n Chapter 1\n Chapter 2\n\n\n\n\n" +
		"Letter 1\n\n_To Mrs. Saville, England._\n\n\nSt. Petersburgh, Dec. 11th, 17—.\n\n\n" + letter +
		"\n\n\n\nLetter 2\n\n_To Mrs. Saville, England._\n\n\nArchangel, 28th March, 17—.\n\n\n" + letter +
		"\n\n\n\nChapter 1\n\n\n" + letter
	wantSections(t, "frankenstein.txt", text, []string{"Letter 1", "Letter 2", "Chapter 1"})
}

// wantSections parses text as the file name and checks the titles of its
// sections.
func wantSections(t *testing.T, name, text string, want []string) *Document {
	t.Helper()
	d, err := Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := sectionTitles(d); !slices.Equal(got, want) {
		t.Errorf("got sections %q, want %q", got, want)
	}
	return d
}

// TestTimesAreNoVerses keeps a paragraph whole where a wrapped line opens
// with a time ("10:30 the train left"), as a verse label would: only a
// text most of whose lines open so is verse-numbered.
func TestTimesAreNoVerses(t *testing.T) {
	text := "We waited on the platform until half past ten, and at\n10:30 the train left without us. Nobody on the platform knew\nwhy, and the stationmaster would not say.\n\nThe next train came at noon.\n"
	d, err := Parse("journey.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Sentence(1).Paragraph; got != d.Sentence(0).Paragraph {
		t.Errorf("the line opening with a time began paragraph %d; want it in the first", got)
	}
}

// TestTitlePageUnderTitle leaves out a web page's title page set under
// its title heading, short lines until the next heading, and keeps a
// Markdown page's points under its title.
func TestTitlePageUnderTitle(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"common-sense.html", "<html><body><h1>COMMON SENSE;</h1><p>addressed to the</p><p>INHABITANTS</p><p>of</p><p>AMERICA,</p>" +
			"<h2>INTRODUCTION</h2><p>Perhaps the sentiments contained in the following pages are not yet sufficiently fashionable to procure them general favor.</p></body></html>",
			[]string{"Perhaps the sentiments contained in the following pages are not yet sufficiently fashionable to procure them general favor."}},
		{"quick-start.md", "# Redux Toolkit Quick Start\n\n- How to set up and use Redux Toolkit\n\n## Introduction\n\nWelcome to the Redux Toolkit Quick Start tutorial.\n",
			[]string{"How to set up and use Redux Toolkit", "Welcome to the Redux Toolkit Quick Start tutorial."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(t, tt.name, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("got sentences %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlayLayouts reads plays as Project Gutenberg sets them, older and
// newer: an act and its scene on one line ("ACT I. Scene I."), speakers
// abbreviated and indented ("  Samp. Gregory, …") and spelled out from
// the persons of the play, a contents list of acts and scenes before
// "Dramatis Personæ", Wilde's list of the acts' scenes ("ACT I.
// Algernon Moncrieff’s Flat…") before "FIRST ACT", and stage directions
// set without brackets, which are nobody's lines and head nothing;
// Shaw's names over how a line is said ("THE MOTHER [to Clara] Give it
// to me."), Ibsen's translators' ("Nora. Hide the Christmas Tree…",
// "Helmer (calls out from his room). Is that…"), and the First Folio's
// ("Actus Primus. Scoena Prima.", speeches begun in mid-paragraph).
func TestPlayLayouts(t *testing.T) {
	older := "Dramatis Personae\n\n  Sampson, servant to Capulet.\n  Gregory, servant to Capulet.\n  Tybalt, nephew to Lady Capulet.\n\n\n\n" +
		"ACT I. Scene I.\nVerona. A public place.\n\nEnter Sampson and Gregory.\n\n\n" +
		"  Samp. Gregory, on my word, we'll not carry coals.\n\n  Greg. No, for then we should be colliers.\n\n" +
		"  Samp. I mean, an we be in choler, we'll draw.\n\n  Greg. Ay, while you live, draw your neck out of collar.\n\n" +
		"                          Enter Tybalt.\n\n" +
		"  Samp. I strike quickly, being moved.\n\n  Greg. But thou art not quickly moved to strike.\n\n" +
		"                             Exeunt.\n\n\n\n\nScene II.\nA Street.\n\n" +
		"  Samp. A dog of the house of Montague moves me.\n\n  Greg. To move is to stir, and to be valiant is to stand.\n    Therefore, if thou art moved, thou runn'st away.\n"
	contents := "ACT I\nScene I. Elsinore. A platform before the Castle.\nScene II. Elsinore. A room of state in the Castle.\n"
	newer := "Contents\n\n" + contents + "\n\n\nDramatis Personæ\n\nHAMLET, Prince of Denmark.\nHORATIO, Friend to Hamlet.\nMARCELLUS, an Officer.\n\nSCENE. Elsinore.\n\n\n\n" +
		"ACT I\n\nSCENE I. Elsinore. A platform before the Castle.\n\n Enter Horatio and Marcellus.\n\n" +
		"MARCELLUS.\nWhat, has this thing appear’d again tonight?\n\nHORATIO.\nTush, tush, ’twill not appear.\n\n Enter Ghost.\n\n" +
		"MARCELLUS.\nPeace, break thee off. Look where it comes again.\n\nHORATIO.\nMost like. It harrows me with fear and wonder.\n\n" +
		"SCENE II. Elsinore. A room of state in the Castle.\n\n Enter Hamlet.\n\n" +
		"HAMLET.\nO that this too too solid flesh would melt.\n\nHORATIO.\nHail to your lordship!\n\nHAMLET.\nI am glad to see you well.\n\nMARCELLUS.\nMy good lord.\n\n" +
		"HAMLET.\nBut what, in faith, make you from Wittenberg?\n\nHORATIO.\nA truant disposition, good my lord.\n\nHAMLET.\nI would not hear your enemy say so.\n"
	wilde := "THE PERSONS OF THE PLAY\n\nAlgernon Moncrieff\nLane, Manservant\n\n\nTHE SCENES OF THE PLAY\n\n" +
		"ACT I.  Algernon Moncrieff’s Flat in Half-Moon Street, W.\n\nACT II.  The Garden at the Manor House, Woolton.\n\nACT III.  Drawing-Room at the Manor House, Woolton.\n\nTIME: The Present.\n\n\n" +
		"FIRST ACT\n\n\nSCENE\n\nMorning-room in Algernon’s flat in Half-Moon Street.  The room is\nluxuriously and artistically furnished.\n\n" +
		"Algernon.  Did you hear what I was playing, Lane?\n\nLane.  I didn’t think it polite to listen, sir.\n\nAlgernon.  I’m sorry for that.\n\nLane.  Yes, sir.\n\n" +
		"\nSECOND ACT\n\n\nSCENE\n\nGarden at the Manor House.\n\nAlgernon.  Why is it that the servants invariably drink the champagne?\n\n" +
		"Lane.  I attribute it to the superior quality of the wine, sir.\n\nAlgernon.  Good heavens!\n\nLane.  Yes, sir.\n"
	shaw := "ACT I\n\nCovent Garden at 11.15 p.m. Torrents of heavy summer rain. Cab whistles\nblowing frantically in all directions.\n\n" +
		"THE DAUGHTER [in the space between the central pillars, close to the one on\nher left] I'm getting chilled to the bone. He's been gone twenty minutes.\n\n" +
		"THE MOTHER [on her daughter's right] Not so long. But he ought to have got\nus a cab by this.\n\n" +
		"THE MOTHER. But we must have a cab. It's too bad.\n\nTHE DAUGHTER. If Freddy had a bit of gumption, he would have got one.\n\n" +
		"THE MOTHER. What could he have done, poor boy?\n\nTHE DAUGHTER. Other people got cabs. Why couldn't he?\n\n" +
		"THE MOTHER [to Clara] Give it to me. Have you any pennies?\n\nTHE DAUGHTER [reluctantly] No. I've nothing smaller than sixpence.\n"
	ibsen := "ACT I\n\n(SCENE.--A room furnished comfortably and tastefully, but not\nextravagantly.)\n\n" +
		"Nora. Hide the Christmas Tree carefully, Helen. (To the PORTER, taking out her\npurse.) How much?\n\nPorter. Sixpence.\n\n" +
		"Nora. There is a shilling. No, keep the change.\n\nHelmer (calls out from his room). Is that my little lark twittering out\nthere?\n\n" +
		"Nora (busy opening some of the parcels). Yes, it is!\n\nHelmer. Is it my little squirrel bustling about?\n\nNora. Yes!\n\n" +
		"Helmer. When did my squirrel come home?\n\nNora. Just now. Come in here, Torvald, and see what I have bought.\n\n" +
		"Helmer. Don't disturb me. Bought, did you say? All these things?\n"
	var web strings.Builder
	web.WriteString("<html><body><h1>HAMLET</h1><div class=\"chapter\"><h2>ACT I</h2><h3>SCENE I. Elsinore. A platform before the Castle.</h3>")
	for _, turn := range []string{"BARNARDO.<br/>Who’s there?", "FRANCISCO.<br/>Nay, answer me.", "BARNARDO.<br/>Long live the King!", "FRANCISCO.<br/>Barnardo?", "BARNARDO.<br/>He.", "FRANCISCO.<br/>You come most carefully upon your hour."} {
		web.WriteString("<p>" + turn + "</p>")
	}
	web.WriteString("<h3>SCENE II. Elsinore. A room of state in the Castle.</h3>")
	for _, turn := range []string{"KING.<br/>The memory be green.", "HAMLET.<br/>A little more than kin, and less than kind.", "KING.<br/>How is it that the clouds still hang on you?", "HAMLET.<br/>Not so, my lord.", "KING.<br/>Why seems it so particular with thee?", "HAMLET.<br/>Seems, madam!"} {
		web.WriteString("<p>" + turn + "</p>")
	}
	web.WriteString("</div></body></html>")
	folio := `Actus Primus. Scoena Prima.

Enter Barnardo and Francisco two Centinels.

  Barnardo. Who's there?
  Fran. Nay answer me: Stand & vnfold your selfe

   Bar. Long liue the King

   Fran. Barnardo?
  Bar. He

   Fran. You come most carefully vpon your houre

   Bar. 'Tis now strook twelue, get thee to bed Francisco

   Fran. For this releefe much thankes: 'Tis bitter cold,
And I am sicke at heart

Scena Secunda.

Enter Claudius King of Denmarke, Gertrude the Queene, Hamlet.

  King. Though yet of Hamlet our deere Brothers death
The memory be greene

   Ham. A little more then kin, and lesse then kinde

   King. How is it that the Clouds still hang on you?
  Ham. Not so my Lord, I am too much i'th' Sun

Actus Secundus. Scena Prima.

Enter Polonius, and Reynoldo.

  Polon. Giue him his money, and these notes Reynoldo

   Reynol. I will my Lord

   Polon. You shall doe maruels wisely: good Reynoldo
`
	tests := []struct {
		name, text string
		sections   []string
		spoken     map[string]string // a sentence → its speaker ("" for nobody's)
	}{
		{"ibsen", ibsen, []string{"ACT I"}, map[string]string{
			"Sixpence.": "Porter",
			"Is that my little lark twittering out there?": "Helmer",
			"Yes, it is!": "Nora",
		}},
		{"web", web.String(), []string{"ACT I · SCENE I. Elsinore. A platform before the Castle", "ACT I · SCENE II. Elsinore. A room of state in the Castle"}, map[string]string{
			"Who’s there?": "Barnardo",
			"A little more than kin, and less than kind.": "Hamlet",
		}},
		{"folio", folio, []string{"Actus Primus · Scoena Prima", "Actus Primus · Scena Secunda", "Actus Secundus · Scena Prima"}, map[string]string{
			"Who's there?": "Barnardo",
			"Nay answer me: Stand & vnfold your selfe":                      "Francisco",
			"Enter Claudius King of Denmarke, Gertrude the Queene, Hamlet.": "",
		}},
		{"shaw", shaw, []string{"ACT I"}, map[string]string{
			"He's been gone twenty minutes.":         "The Daughter",
			"[on her daughter's right] Not so long.": "The Mother",
		}},
		{"older", older, []string{"Dramatis Personae", "ACT I · Scene I: Verona. A public place", "ACT I · Scene II: A Street"}, map[string]string{
			"Tybalt, nephew to Lady Capulet.":                    "",
			"Gregory, on my word, we'll not carry coals.":        "Sampson",
			"No, for then we should be colliers.":                "Gregory",
			"Enter Tybalt.":                                      "",
			"I strike quickly, being moved.":                     "Sampson",
			"To move is to stir, and to be valiant is to stand.": "Gregory",
		}},
		// The older layout set in by tabs, not spaces: a tab before each
		// label, three before a stage direction.
		{"tabbed", regexp.MustCompile(`(?m)^ {20,}`).ReplaceAllString(regexp.MustCompile(`(?m)^  (\S)`).ReplaceAllString(older, "\t$1"), "\t\t\t"), []string{"Dramatis Personae", "ACT I · Scene I: Verona. A public place", "ACT I · Scene II: A Street"}, map[string]string{
			"Gregory, on my word, we'll not carry coals.": "Sampson",
			"Enter Tybalt.": "",
			"To move is to stir, and to be valiant is to stand.": "Gregory",
		}},
		{"wilde", wilde, []string{"FIRST ACT", "SECOND ACT"}, map[string]string{
			"Morning-room in Algernon’s flat in Half-Moon Street.":     "",
			"I attribute it to the superior quality of the wine, sir.": "Lane",
		}},
		{"newer", newer, []string{"Dramatis Personæ", "ACT I · SCENE I: Elsinore. A platform before the Castle", "ACT I · SCENE II: Elsinore. A room of state in the Castle"}, map[string]string{
			"HAMLET, Prince of Denmark.":                  "",
			"Enter Horatio and Marcellus.":                "",
			"Tush, tush, ’twill not appear.":              "Horatio",
			"Enter Ghost.":                                "",
			"O that this too too solid flesh would melt.": "Hamlet",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.name + ".txt"
			if tt.name == "web" {
				name = "hamlet.html"
			}
			d := wantSections(t, name, tt.text, tt.sections)
			got := map[string]string{}
			for _, s := range d.AllSentences() {
				got[s.Text] = s.Speaker
			}
			for text, want := range tt.spoken {
				if sp, ok := got[text]; !ok {
					t.Errorf("no sentence %q among %q", text, slices.Collect(maps.Keys(got)))
				} else if sp != want {
					t.Errorf("%q is spoken by %q, want %q", text, sp, want)
				}
			}
		})
	}
}

// TestConstitutionParts reads a constitution's preamble and numbered
// amendments as its parts; a line of prose opening with "The preamble
// of" heads nothing.
func TestConstitutionParts(t *testing.T) {
	text := "Preamble\n\nWe the People of the United States, in Order to form a more perfect Union, do ordain and establish this Constitution.\n\n" +
		"Article I\n\nSection 1. All legislative Powers herein granted shall be vested in a Congress of the United States.\n\n" +
		"Amendment I\n\nCongress shall make no law respecting an establishment of religion.\n\n" +
		"Amendment II\n\nThe preamble of the federal constitution says\n\n\"We the People\" and not \"We the white male citizens\".\n"
	wantSections(t, "constitution.txt", text, []string{"Preamble", "Article I", "Amendment I", "Amendment II"})
}

// TestDiaryEntriesUnderMonths reads a diary as Pepys's is set: a heading
// for each month, its first entry naming the month ("Jan. 1st (Lord's
// day).") and the rest the day alone ("2nd."). Each entry heads a
// section by its full date, though few name their month.
func TestDiaryEntriesUnderMonths(t *testing.T) {
	text := "JANUARY 1659-1660\n\nBlessed be God, at the end of the last year I was in very good health,\nwithout any sense of my old pain, but upon taking of cold.\n\n" +
		"Jan. 1st (Lord's day). This morning (we living lately in the garret,) I\nrose, put on my suit with great skirts, having not lately worn any other.\n\n" +
		"2nd. In the morning before I went forth old East brought me a dozen of\nbottles of sack, and I gave him a shilling for his pains.\n\n" +
		"3rd. All the morning at home, in the afternoon I went to my Lord's\nlodgings, and the Doctor paid for the calf's head at the Swan.\n\n" +
		"4th. Early came Mr. Vanly to me for his half-year's rent, which I had not\nin the house, but took his man to my office and there paid him.\n\n" +
		"FEBRUARY 1659-60\n\nFeb. 1st. Took boat at Whitehall for Westminster, where I found the\nParliament sitting and a great crowd about the door.\n\n" +
		"2nd. Up early and to my office, where I found all the soldiers in arms\nin the streets, for the Parliament had ordered them out of town.\n\n" +
		"SEPTEMBER 1666\n\nSeptember 2nd (Lord's day). Some of our mayds sitting up late last night,\nJane called us up about three in the morning, to tell us of a great fire.\n\n" +
		"3rd. About four o'clock in the morning, my Lady Batten sent me a cart to\ncarry away all my money, and plate, and best things.\n"
	wantSections(t, "diary.txt", text, []string{"JANUARY 1659-1660",
		"JANUARY 1659-1660 · January 1, 1659", "JANUARY 1659-1660 · January 2, 1659", "JANUARY 1659-1660 · January 3, 1659", "JANUARY 1659-1660 · January 4, 1659",
		"FEBRUARY 1659-60 · February 1, 1659", "FEBRUARY 1659-60 · February 2, 1659",
		"SEPTEMBER 1666 · September 2, 1666", "SEPTEMBER 1666 · September 3, 1666"})
}

// TestNumberedPoemsInGroups reads a collection as Dickinson's poems are
// set: groups titled "I. LIFE." over poems numbered anew in each, a poem
// titled under its numeral ("I." / "SUCCESS.") or untitled ("II."). An
// untitled poem is a section of its own, and the group titles its poems.
func TestNumberedPoemsInGroups(t *testing.T) {
	poem := "Success is counted sweetest\nBy those who ne'er succeed.\nTo comprehend a nectar\nRequires sorest need.\n"
	text := "I. LIFE.\n\n\nI.\n\nSUCCESS.\n\n" + poem + "\n\nII.\n\n" + poem + "\n\nIII.\n\nROUGE ET NOIR.\n\n" + poem +
		"\n\nII. LOVE.\n\n\nI.\n\nMINE.\n\n" + poem + "\n\nII.\n\nBEQUEST.\n\n" + poem
	wantSections(t, "poems.txt", text, []string{"I. LIFE · I: SUCCESS", "I. LIFE · II", "I. LIFE · III: ROUGE ET NOIR", "II. LOVE · I: MINE", "II. LOVE · II: BEQUEST"})
}

// TestBoldQuestionsHeadAnswers reads a Markdown FAQ that sets its
// questions in bold, with "Q:" and "A:" labels in one paragraph or
// without: each question heads its answer, and neither the question nor
// a label is a sentence to quote. (A web page so set reads as an
// interview, a section for each question.)
func TestBoldQuestionsHeadAnswers(t *testing.T) {
	qs := []string{"When am I charged?", "Can I change my username?", "Do you offer refunds?"}
	as := []string{"On the first day of each month, for the month ahead.", "Yes, once every thirty days, from the profile page.", "Within fourteen days of a payment, in full."}
	var labelled, plain strings.Builder
	labelled.WriteString("# FAQ\n\n")
	plain.WriteString("# FAQ\n\n")
	for i := range qs {
		fmt.Fprintf(&labelled, "**Q: %s**\nA: %s\n\n", qs[i], as[i])
		fmt.Fprintf(&plain, "**%s**\n\n%s\n\n", qs[i], as[i])
	}
	var want []string
	for _, q := range qs {
		want = append(want, "FAQ · "+q)
	}
	for _, tt := range []struct{ name, text string }{{"faq.md", labelled.String()}, {"faq2.md", plain.String()}} {
		t.Run(tt.name, func(t *testing.T) {
			if got := textsOf(wantSections(t, tt.name, tt.text, want)); !slices.Equal(got, as) {
				t.Errorf("got sentences %q, want %q", got, as)
			}
		})
	}
}

// TestPersonsListedInTheirParagraph leaves out the persons of a dialogue
// listed after their heading's words over several lines, as Jowett's
// Republic sets them; the scene under them stays text, and the work's
// title over them heads it.
func TestPersonsListedInTheirParagraph(t *testing.T) {
	text := "INTRODUCTION AND ANALYSIS.\n\nThe Republic of Plato is the longest of his works with the exception of the\nLaws, and is certainly the greatest of them.\n\n" +
		"THE REPUBLIC.\n\nPERSONS OF THE DIALOGUE: Socrates, who is the narrator, Glaucon,\nAdeimantus, Polemarchus, Cephalus, Thrasymachus, Cleitophon, and others who\nare mute auditors.\n\n" +
		"The scene is laid in the house of Cephalus at the Piraeus; and the whole\ndialogue is narrated by Socrates the day after it actually took place to\nTimaeus, Hermocrates, Critias, and a nameless person, who are introduced in\nthe Timaeus.\n\n\n" +
		"BOOK I.\n\nI went down yesterday to the Piraeus with Glaucon the son of Ariston, that\nI might offer up my prayer to the goddess.\n\n" +
		"BOOK II.\n\nWith these words I was thinking that I had made an end of the discussion;\nbut the end, in truth, proved to be only a beginning.\n"
	d := wantSections(t, "republic.txt", text, []string{"INTRODUCTION AND ANALYSIS", "THE REPUBLIC", "BOOK I", "BOOK II"})
	for _, s := range d.AllSentences() {
		if strings.Contains(s.Text, "PERSONS OF THE DIALOGUE") {
			t.Errorf("the persons are a sentence: %q", s.Text)
		}
	}
}

// TestEnumerationsAreNoSpeakers keeps as text the paragraphs that open
// as a play's abbreviated speakers do without being turns: an argument's
// points ("First. The…") and testimony's questions and answers ("Q. Mr.
// Jones, where…").
func TestEnumerationsAreNoSpeakers(t *testing.T) {
	var b strings.Builder
	for range 3 {
		b.WriteString("First. The powers delegated to the federal government are few and defined.\n\n" +
			"Second. Those which are to remain in the State governments are numerous.\n\n" +
			"Q. Mr. Jones, where do you reside?\n\nA. Mrs. Leyden keeps the house in the eighth ward.\n\n")
	}
	d, err := Parse("points.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.AllSentences() {
		if s.Speaker != "" && s.Speaker != "Mr. Jones" {
			t.Errorf("%q is spoken by %q", s.Text, s.Speaker)
		}
	}
}

// TestDatedTitlesOverAddresses reads a collection of addresses titled as
// Project Gutenberg's State of the Union addresses are: the address's
// name, who gave it and its date on three lines, over a salutation. Each
// heads its address, the first too, where the block had been quoted as
// a sentence; a line that introduces a list is no salutation.
func TestDatedTitlesOverAddresses(t *testing.T) {
	body := "I embrace with great satisfaction the opportunity which now presents itself\nof congratulating you on the present favorable prospects of our public\naffairs, and on the abundant fruits of another year.\n\n"
	var b strings.Builder
	var want []string
	b.WriteString("State of the Union Addresses\n\n\n")
	for _, a := range [][2]string{{"George Washington", "January 8, 1790"}, {"Thomas Jefferson", "December 8, 1801"}, {"Abraham Lincoln", "December 1, 1862"}} {
		fmt.Fprintf(&b, "***\n\nState of the Union Address\n%s\n%s\n\nFellow-Citizens of the Senate and House of Representatives:\n\n%s", a[0], a[1], body)
		want = append(want, "State of the Union Address, "+a[0]+", "+a[1])
	}
	wantSections(t, "addresses.txt", b.String(), want)
	var letters strings.Builder
	for _, n := range []string{"TO JOSHUA SPEED", "TO MARY TODD", "TO HORACE GREELEY"} {
		fmt.Fprintf(&letters, "%s\n\n%s%sYour friend,\nA. Lincoln.\nMarch 3, 1862.\n\n\n", n, body, body)
	}
	wantSections(t, "letters.txt", letters.String(), []string{"TO JOSHUA SPEED", "TO MARY TODD", "TO HORACE GREELEY"}) // a close is no title
	if !salutes("Fellow-Citizens of the Senate and House of Representatives:") || salutes("The following is a list of Lincoln's published works:") {
		t.Error("salutes reads the addressees and the list's introduction alike")
	}
}

// TestRomanNumeralsAlonePartTheText reads numerals alone on their lines,
// I, II, III (or 1, 2, 3) over parts of several paragraphs each, as the parts of a
// text that has no other headings (Heart of Darkness); numerals that
// number single paragraphs stay out of the outline.
func TestRomanNumeralsAlonePartTheText(t *testing.T) {
	para := "The Nellie, a cruising yawl, swung to her anchor without a flutter of the sails,\nand was at rest. The flood had made, the wind was nearly calm.\n\n"
	var parts, points strings.Builder
	parts.WriteString("HEART OF DARKNESS\n\nBy Joseph Conrad\n\n\n")
	points.WriteString("MAXIMS\n\nBy an Author\n\n\n")
	for _, n := range []string{"I", "II", "III"} {
		parts.WriteString("\n" + n + "\n\n" + para + para + para + para)
		points.WriteString("\n" + n + "\n\n" + para)
	}
	wantSections(t, "heart.txt", parts.String(), []string{"I", "II", "III"})
	arabic := strings.NewReplacer("\nIII\n", "\n3\n", "\nII\n", "\n2\n", "\nI\n", "\n1\n").Replace(parts.String())
	wantSections(t, "heart-1.txt", arabic, []string{"1", "2", "3"})
	wantSections(t, "maxims.txt", points.String(), []string{"maxims"}) // one section, titled by the file
}

// TestLetterDatelines adds to a letter's title the line under it that
// says where and when it was written, under its addressee or not; the
// line is no sentence.
func TestLetterDatelines(t *testing.T) {
	body := "In the first place I hope you will live twenty-three years longer. We had an\nexceeding good ball last night, and I was very much disappointed.\n\nJ. A.\n\n\n"
	text := "LETTER I.\n\nTO CASSANDRA AUSTEN.\n\nSteventon, Saturday (January 9, 1796).\n\n" + body +
		"LETTER II.\n\nCork Street, Tuesday morn (August, 1796).\n\n" + body +
		"LETTER III.\n\nTO CASSANDRA AUSTEN.\n\nHere I am once more in this scene of dissipation and vice.\n\n" + body
	d := wantSections(t, "letters.txt", text, []string{"LETTER I: TO CASSANDRA AUSTEN, Steventon, Saturday (January 9, 1796)",
		"LETTER II: Cork Street, Tuesday morn (August, 1796)", "LETTER III: TO CASSANDRA AUSTEN"})
	for _, s := range d.AllSentences() {
		if strings.Contains(s.Text, "1796") {
			t.Errorf("the dateline is a sentence: %q", s.Text)
		}
	}
}

// TestCastListQuoted keeps a play's persons listed a line each with who
// they are, however long the list, as a section of their own, each a
// sentence that no one speaks: "Who is Juliet?" is answered there.
func TestCastListQuoted(t *testing.T) {
	text := "Dramatis Personae\n\n  Chorus.\n\n  Escalus, Prince of Verona.\n  Paris, a young Count, kinsman to the Prince.\n  Montague, heads of two houses at variance with each other.\n" +
		"  Romeo, son to Montague.\n  Mercutio, kinsman to the Prince and friend to Romeo.\n  Tybalt, nephew to Lady Capulet.\n  Juliet, daughter to Capulet.\n\n\n\n" +
		"ACT I. Scene I.\nVerona. A public place.\n\n  Samp. Gregory, on my word, we'll not carry coals.\n\n  Greg. No, for then we should be colliers.\n\n" +
		"  Samp. I mean, an we be in choler, we'll draw.\n\n  Greg. Ay, while you live, draw your neck out of collar.\n\n" +
		"  Samp. I strike quickly, being moved.\n\n  Greg. But thou art not quickly moved to strike.\n"
	d := wantSections(t, "romeo.txt", text, []string{"Dramatis Personae", "ACT I · Scene I: Verona. A public place"})
	want := map[string]bool{"Escalus, Prince of Verona.": true, "Juliet, daughter to Capulet.": true}
	for _, s := range d.AllSentences() {
		if want[s.Text] {
			delete(want, s.Text)
			if s.Speaker != "" {
				t.Errorf("%q is spoken by %s, want no one", s.Text, s.Speaker)
			}
		}
	}
	for s := range want {
		t.Errorf("%q is no sentence, want the cast quotable", s)
	}
}

// TestPreludeHeads reads a novel's "PRELUDE." as its named part, as a
// preface is, where it had been front matter.
func TestPreludeHeads(t *testing.T) {
	text := "PRELUDE.\n\nWho that cares much to know the history of man has not dwelt on the life of\nSaint Theresa, and smiled at the little girl who went forth to seek martyrdom?\n\n\n" +
		"CHAPTER I.\n\nMiss Brooke had that kind of beauty which seems to be thrown into relief by\npoor dress, and her sister Celia had more common-sense.\n\n\n" +
		"CHAPTER II.\n\nSir Humphry Davy? said Mr. Brooke, over the soup, in his easy smiling way.\n"
	wantSections(t, "middlemarch.txt", text, []string{"PRELUDE", "CHAPTER I", "CHAPTER II"})
}

// TestTestimonyLabels gives testimony's questions and answers their
// speakers however the record labels them: "Q. ", "Q: ", "Q--", "A—".
func TestTestimonyLabels(t *testing.T) {
	for _, form := range []struct{ q, a string }{{"Q. ", "A. "}, {"Q: ", "A: "}, {"Q--", "A--"}, {"Q—", "A—"}} {
		t.Run(strings.TrimSpace(form.q), func(t *testing.T) {
			var b strings.Builder
			b.WriteString("JOHN T. SCOPES, a witness, being duly sworn, testified as follows:\n\nExamined by Mr. Darrow:\n\n")
			for range 5 {
				b.WriteString(form.q + "Where did you teach in the spring of that year?\n\n" + form.a + "At the high school in Dayton.\n\n")
			}
			d, err := Parse("trial.txt", []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range d.AllSentences() {
				want := "John T. Scopes"
				if strings.HasPrefix(s.Text, "Where") {
					want = "Mr. Darrow"
				}
				if s.Speaker != want || testimonyLabel.MatchString(s.Text) {
					t.Errorf("%q spoken by %q; want %q, without its label", s.Text, s.Speaker, want)
				}
			}
		})
	}
}

// TestNumberedLinesAreParagraphs makes each line of a paragraph that
// numbers its lines one after another a paragraph of its own, so that no
// sentence ends in the next line's number; a wrapped line of prose that
// happens to open with a number stays in its sentence.
func TestNumberedLinesAreParagraphs(t *testing.T) {
	text := "SURAH I\n\nTHE OPENING\n\n1. Praise be to Allah, Lord of the Worlds,\n2. The Beneficent, the Merciful.\n3. Owner of the Day of Judgment,\n\n" +
		"The verses were counted again in the year of the council, and the scribes wrote\n1. as the number of the first of them.\n"
	got := sentenceTexts(t, "opening.txt", text)
	want := []string{"1. Praise be to Allah, Lord of the Worlds,", "2. The Beneficent, the Merciful.", "3. Owner of the Day of Judgment,",
		"The verses were counted again in the year of the council, and the scribes wrote 1. as the number of the first of them."}
	if !slices.Equal(got, want) {
		t.Errorf("got sentences %q, want %q", got, want)
	}
}

// TestShortSceneUnderItsCast gives a short scene's lines their speakers,
// too few turns to tell a dialogue by, where its list of persons names
// everyone who speaks; without the list, or with a speaker it does not
// name, the labels are not taken for speakers on so little.
func TestShortSceneUnderItsCast(t *testing.T) {
	cast := "Persons Represented\n\nDUNCAN, King of Scotland.\nMACBETH, General in the King's Army.\nBANQUO, General in the King's Army.\n\n"
	scene := "ACT I\n\nSCENE I. A heath.\n\nBANQUO. The earth hath bubbles, as the water has.\n\nMACBETH. Into the air.\n\n" +
		"BANQUO. Were such things here as we do speak about?\n\nMACBETH. Your children shall be kings.\n\nDUNCAN. There's no art to find the mind's construction in the face.\n"
	tests := []struct {
		name, text string
		want       string // who speaks "Into the air."
	}{
		{"under its cast", cast + scene, "Macbeth"},
		{"without a cast", scene, ""},
		{"a speaker the cast does not name", cast + scene + "\nLENNOX. What a haste looks through his eyes!\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("scene.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got, found := "", false
			for _, s := range d.AllSentences() {
				if strings.HasSuffix(s.Text, "Into the air.") {
					got, found = s.Speaker, true
				}
			}
			if !found || got != tt.want {
				t.Errorf("\"Into the air.\" spoken by %q (found %v), want %q", got, found, tt.want)
			}
		})
	}
}

// TestTranslator reads who translated a text from its Project Gutenberg
// header or its title page, never from its text.
func TestTranslator(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a Gutenberg header", "The Project Gutenberg EBook of The Prince, by Nicolo Machiavelli\n\n" +
			"Title: The Prince\n\nAuthor: Nicolo Machiavelli\n\nTranslator: W. K. Marriott\n\n" +
			"*** START OF THIS PROJECT GUTENBERG EBOOK THE PRINCE ***\n\n\n\nTHE PRINCE\n\n\n\nCHAPTER I\n\n" +
			"All states, all powers, that have held and hold rule over men have been and are either republics or principalities.\n\n" +
			"CHAPTER II\n\nI will leave out all discussion on republics, inasmuch as in another place I have written of them at length.\n\n" +
			"*** END OF THIS PROJECT GUTENBERG EBOOK THE PRINCE ***\n", "W. K. Marriott"},
		{"a title page", "THE CONDITION OF THE WORKING-CLASS IN ENGLAND\n\n\nby\nFREDERICK ENGELS\n\n_Translated by Florence Kelley Wischnewetzky_\n\n\n\n" +
			"PREFACE\n\nThe book, an English translation of which is here republished, was first issued in Germany in 1845. It was translated into English by an American lady and published in New York.\n\n" +
			"INTRODUCTION\n\nThe history of the proletariat in England begins with the invention of the steam-engine and of machinery for working cotton.\n", "Florence Kelley Wischnewetzky"},
		{"a title page in capitals", "SIXTEEN YEARS IN SIBERIA\n\n\nBY LEO DEUTSCH\n\nTRANSLATED FROM THE RUSSIAN BY HELEN CHISHOLM\n\n\n\n" +
			"CHAPTER I\n\nIn the spring of 1884 I was arrested in Freiburg, and kept in gaol for some weeks while the government decided what to do with me.\n\n" +
			"CHAPTER II\n\nThe journey to the frontier took three days, and I was watched day and night by two gendarmes.\n", "HELEN CHISHOLM"},
		{"only the text says", "A PREFACE\n\nThe book was translated by Mrs. Kelley in 1885, and published in the following year in New York.\n\n" +
			"CHAPTER I\n\nThe history of the proletariat in England begins with the invention of the steam-engine.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("book.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if d.Translator != tt.want {
				t.Errorf("translator %q, want %q", d.Translator, tt.want)
			}
		})
	}
}
