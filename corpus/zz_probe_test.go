package corpus

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestProbeFile(t *testing.T) {
	p := os.Getenv("PROBE")
	if p == "" {
		t.Skip()
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var d *Document
	if Detect(p, data) == FormatPDF {
		e := NewPDFEngine("/tmp/lectern-pdfium-cache")
		defer e.Close()
		d, err = e.Parse(p, data)
	} else {
		d, err = Parse(p, data)
	}
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/probe.outline", outline(d), 0o644)
	os.WriteFile("/tmp/probe.describe", describe(d), 0o644)
	var lines []byte
	for i, l := range d.Text {
		lines = append(lines, []byte(fmt.Sprintf("%5d %s\n", i+1, l))...)
	}
	os.WriteFile("/tmp/probe.lines", lines, 0o644)
}

func TestProbeBounds(t *testing.T) {
	s := "Origin of Species, chap. iii, p. 62 of first edition."
	for _, b := range sentenceBounds(s) {
		t.Logf("%q", s[b[0]:b[1]])
	}
}

func TestProbeLines(t *testing.T) {
	p, grep := os.Getenv("PROBE"), os.Getenv("GREP")
	if p == "" || grep == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	e := NewPDFEngine("/tmp/lectern-pdfium-cache")
	defer e.Close()
	pages, _, err := e.pages(data)
	if err != nil {
		t.Fatal(err)
	}
	for i, pg := range pages {
		ls := pageLines(pg, i)
		hit := false
		for _, l := range ls {
			if strings.Contains(l.text, grep) {
				hit = true
			}
		}
		if !hit {
			continue
		}
		for _, l := range ls {
			fmt.Printf("p%d %6.1f-%6.1f x %6.1f-%6.1f size %5.1f bold %v note %d marks %v %q\n", pg.number, l.bottom, l.top, l.left, l.right, l.size, l.bold, l.note, l.marks, l.text)
		}
		break
	}
}

func TestProbeDocs(t *testing.T) {
	dir := os.Getenv("DOCS")
	if dir == "" {
		t.Skip()
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`!!!|\?\?\?|:::|\{\{|\{%|===|^import |<[A-Za-z/]|md:|:material|:octicons|:fontawesome|\{ ?\.|--8<--|highlight-`)
	n := 0
	for _, d := range c.Documents {
		for _, s := range d.Sentences {
			if s.Code {
				continue
			}
			n++
			sym := 0
			for _, r := range s.Text {
				if strings.ContainsRune("{}[]();=<>$|&", r) {
					sym++
				}
			}
			if os.Getenv("SYM") != "" && sym*8 > len(s.Text) {
				fmt.Printf("SYM %s:%d: %s\n", d.Name, s.Lines.Start, s.Text)
			}
			if bad.MatchString(s.Text) && os.Getenv("SYM") == "" {
				fmt.Printf("%s:%d: %s\n", d.Name, s.Lines.Start, s.Text)
			}
		}
	}
	fmt.Println("prose sentences", n, "skipped", c.Skipped)
}
