package retrieval

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

var bench100MB = flag.Bool("bench100mb", false, "run the 100 MB folder benchmark (slow: builds a 100 MB corpus)")

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
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
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

// Benchmark100MB builds a folder of about 100 MB from the shared books
// (each copy's paragraphs rotated so that no two files are the same), then
// reports the build time, the cached open time, Ask latency over distinct
// questions and the process's peak memory. It runs only with -bench100mb.
func Benchmark100MB(b *testing.B) {
	if !*bench100MB {
		b.Skip("run with -bench100mb")
	}
	dir := b.TempDir()
	var books [][]byte
	for _, name := range []string{"war-and-peace.txt", "ten-days-that-shook-the-world.txt"} {
		data, err := os.ReadFile(testsupport.SharedCorpus(b, name))
		if err != nil {
			b.Fatal(err)
		}
		books = append(books, data)
	}
	total := 0
	for i := 0; total < 100<<20; i++ {
		src := books[i%len(books)]
		paras := strings.Split(string(src), "\r\n\r\n")
		shift := (i * 7919) % len(paras)
		text := strings.Join(append(paras[shift:], paras[:shift]...), "\r\n\r\n")
		name := filepath.Join(dir, "texts", fmt.Sprintf("book-%03d.txt", i))
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		total += len(text)
	}
	cache := filepath.Join(dir, "cache")
	texts := filepath.Join(dir, "texts")
	for i := 0; i < b.N; i++ {
		os.RemoveAll(cache)
		start := time.Now()
		ix, info, err := Open(context.Background(), texts, Options{CacheDir: cache})
		if err != nil || !info.Built {
			b.Fatalf("built=%v err=%v", info.Built, err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build-s")
		ix.Close()

		start = time.Now()
		ix, _, err = Open(context.Background(), texts, Options{CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "open-ms")
		var ds []time.Duration
		for _, q := range questiongen.Distinct(ix.Corpus(), 300, 5) {
			t := time.Now()
			if _, err := ix.Ask(context.Background(), q, 3); err != nil {
				b.Fatal(err)
			}
			ds = append(ds, time.Since(t))
		}
		reportPercentiles(b, ds)
		ix.Close()
	}
	b.ReportMetric(float64(total>>20), "MB")
	b.ReportMetric(float64(peakRSS()>>20), "peak-RSS-MB")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys>>20), "go-sys-MB")
}

// peakRSS reads the process's high-water resident set size from /proc, or
// 0 where there is none.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
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
