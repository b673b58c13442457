package retrieval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/questiongen"
	"github.com/lectern-bot/lectern/internal/testbooks"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// timeQueries asks each of queries once, in order, cycling when b.N is
// larger, and reports the median and 99th percentile latency.
func timeQueries(b *testing.B, find func(context.Context, string, int) ([]Result, error), queries []string) {
	b.Helper()
	ctx := context.Background()
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := find(ctx, queries[i%len(queries)], 3); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, durations)
}

func reportPercentiles(b *testing.B, ds []time.Duration) {
	b.ReportMetric(percentile(ds, 0.50), "p50-µs")
	b.ReportMetric(percentile(ds, 0.99), "p99-µs")
}

// percentile is the p-th fraction of ds in microseconds, sorting ds.
func percentile(ds []time.Duration, p float64) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[int(p*float64(len(ds)-1))].Microseconds())
}

func BenchmarkIndexInterview(b *testing.B) {
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		ix, err := NewMemory(context.Background(), c)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

func BenchmarkParseInterview(b *testing.B) {
	data := corpus.DefaultText()
	for i := 0; i < b.N; i++ {
		if _, err := corpus.Parse("interview.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAskInterview asks 300 distinct questions of the interview.
func BenchmarkAskInterview(b *testing.B) {
	ix := interview(b)
	timeQueries(b, ix.Ask, questiongen.Distinct(ix.Corpus(), 300, 1))
}

func BenchmarkQuoteInterview(b *testing.B) {
	ix := interview(b)
	timeQueries(b, ix.Quote, questiongen.Distinct(ix.Corpus(), 300, 2))
}

// openWarAndPeace opens War and Peace from a fresh cache.
func openWarAndPeace(b *testing.B) *Index {
	b.Helper()
	ix, _, err := Open(context.Background(), testsupport.SharedCorpus(b, "war-and-peace.txt"), Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkBuildWarAndPeace is the first build of the on-disk index:
// reading, parsing, analysing, indexing and writing the cache.
func BenchmarkBuildWarAndPeace(b *testing.B) {
	path := testsupport.SharedCorpus(b, "war-and-peace.txt")
	for i := 0; i < b.N; i++ {
		ix, info, err := Open(context.Background(), path, Options{CacheDir: b.TempDir()})
		if err != nil || !info.Built {
			b.Fatalf("built=%v err=%v", info.Built, err)
		}
		ix.Close()
	}
}

// BenchmarkOpenWarAndPeace is what `lectern ask --corpus` pays on every
// start once the index is cached: read and hash the book, load the cached
// parse and sentence table, open the index.
func BenchmarkOpenWarAndPeace(b *testing.B) {
	path := testsupport.SharedCorpus(b, "war-and-peace.txt")
	dir := b.TempDir()
	ix, _, err := Open(context.Background(), path, Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix, info, err := Open(context.Background(), path, Options{CacheDir: dir})
		if err != nil || info.Built {
			b.Fatalf("built=%v err=%v", info.Built, err)
		}
		ix.Close()
	}
}

// BenchmarkAskWarAndPeace asks 300 distinct questions of War and Peace.
func BenchmarkAskWarAndPeace(b *testing.B) {
	ix := openWarAndPeace(b)
	timeQueries(b, ix.Ask, questiongen.Distinct(ix.Corpus(), 300, 3))
}

func BenchmarkQuoteWarAndPeace(b *testing.B) {
	ix := openWarAndPeace(b)
	timeQueries(b, ix.Quote, questiongen.Distinct(ix.Corpus(), 300, 4))
}

// procStatus reads a size in bytes from the process's /proc status
// ("VmHWM", the high-water resident set; "VmRSS", the resident set now),
// or 0 where there is none.
func procStatus(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkIndexBook reads and indexes the same 500-page book as a text
// file and as a PDF (PDFium in WebAssembly, compiled once beforehand).
func BenchmarkIndexBook(b *testing.B) {
	pdf, text := testbooks.Pages(b, testsupport.SharedCorpus(b, "war-and-peace.txt"), 500)
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	b.Cleanup(func() { engine.Close() })
	if _, err := engine.Parse("warm.pdf", pdf[:0:0]); err == nil {
		b.Log("an empty PDF parsed")
	}
	for _, tt := range []struct {
		name  string
		parse func() (*corpus.Document, error)
	}{
		{"text", func() (*corpus.Document, error) { return corpus.Parse("book.txt", text) }},
		{"pdf", func() (*corpus.Document, error) { return engine.Parse("book.pdf", pdf) }},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				d, err := tt.parse()
				if err != nil {
					b.Fatal(err)
				}
				ix, err := NewMemory(context.Background(), &corpus.Corpus{Documents: []*corpus.Document{d}})
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
	}
}

// BenchmarkRebuildOneFile is what serve pays when one small file of a
// folder changes: the folder holds three PDFs and two EPUBs of the shared
// formats and a note; "full" parses every file again, "reuse" takes the
// unchanged documents from the build before (Options.Reuse).
func BenchmarkRebuildOneFile(b *testing.B) {
	dir := b.TempDir()
	for _, f := range []string{"pdf/james-pragmatism.pandoc-lualatex.pdf", "pdf/jerome-three-men-in-a-boat.chromium-no-header.pdf",
		"pdf/paine-common-sense.chromium-header-footer.pdf", "epub/kropotkin-mutual-aid.epub", "epub/wells-the-war-of-the-worlds.epub"} {
		data, err := os.ReadFile(testsupport.SharedCorpus(b, "formats/"+f))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	note := filepath.Join(dir, "note.txt")
	engine := corpus.NewPDFEngine(testsupport.PDFiumCache())
	defer engine.Close()
	ctx := context.Background()
	os.WriteFile(note, []byte("A note on the reading group's schedule.\n"), 0o644)
	earlier, _, err := Open(ctx, dir, Options{PDF: engine, CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer earlier.Close()
	for _, mode := range []string{"full", "reuse"} {
		b.Run(mode, func(b *testing.B) {
			for i := range b.N {
				os.WriteFile(note, []byte(fmt.Sprintf("A note on meeting %d of the reading group.\n", i)), 0o644)
				opts := Options{PDF: engine, CacheDir: b.TempDir()}
				if mode == "reuse" {
					opts.Reuse = earlier
				}
				ix, info, err := Open(ctx, dir, opts)
				if err != nil || !info.Built {
					b.Fatalf("built=%v err=%v", info.Built, err)
				}
				ix.Close()
			}
		})
	}
}
