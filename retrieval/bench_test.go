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
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var bench100MB = flag.Bool("bench100mb", false, "run the 100 MB folder benchmark (slow: builds a 100 MB corpus)")

// warAndPeaceQuestions are questions a reader of the novel might ask.
var warAndPeaceQuestions = []string{
	"Who is Pierre Bezukhov's father?",
	"What happened at the battle of Borodino?",
	"Why did Napoleon invade Russia?",
	"Who did Natasha fall in love with?",
	"How did Prince Andrew die?",
	"What did Kutuzov decide at the council of Fili?",
	"When did the French leave Moscow?",
	"Who was Platon Karataev?",
	"What is the theory of history in the epilogue?",
	"Where did Pierre see the comet?",
	"Why did Moscow burn?",
	"What did Nicholas Rostov lose at cards?",
	"How did Petya Rostov die?",
	"Who married Princess Mary?",
	"What did Prince Andrew see in the sky at Austerlitz?",
	"Kronstadt sailors",
	"freemasons",
	"the old oak tree",
	"wolf hunt",
	"Dolokhov duel",
}

// timeQueries runs find over queries b.N times in all and reports the
// median and 99th percentile latency.
func timeQueries(b *testing.B, find func(context.Context, string, int) ([]Result, error), queries []string) {
	b.Helper()
	ctx := context.Background()
	for _, q := range queries { // warm the sentence caches as a running bot would be
		if _, err := find(ctx, q, 3); err != nil {
			b.Fatal(err)
		}
	}
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

func questionTexts(b *testing.B, file string) []string {
	var out []string
	for _, q := range loadQuestions(b, file) {
		out = append(out, q.Text)
	}
	return out
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

func BenchmarkAskInterview(b *testing.B) {
	timeQueries(b, interview(b).Ask, questionTexts(b, "interview.tsv"))
}

func BenchmarkQuoteInterview(b *testing.B) {
	timeQueries(b, interview(b).Quote, []string{"peace of shame", "Kronstat", "all power to the soviets", "War Communism", "I want to lose space"})
}

func loadWarAndPeace(b *testing.B) *corpus.Corpus {
	b.Helper()
	c, err := corpus.Load(testsupport.SharedCorpus(b, "war-and-peace.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkBuildWarAndPeace is the first build of the on-disk index,
// parsing included.
func BenchmarkBuildWarAndPeace(b *testing.B) {
	path := testsupport.SharedCorpus(b, "war-and-peace.txt")
	for i := 0; i < b.N; i++ {
		c, err := corpus.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		ix, built, err := OpenCached(context.Background(), c, b.TempDir(), nil)
		if err != nil || !built {
			b.Fatalf("built=%v err=%v", built, err)
		}
		ix.Close()
	}
}

// BenchmarkOpenWarAndPeace is what `lectern ask --corpus` pays on every
// start once the index is cached: parse the book, hash it, open the index.
func BenchmarkOpenWarAndPeace(b *testing.B) {
	path := testsupport.SharedCorpus(b, "war-and-peace.txt")
	dir := b.TempDir()
	ix, _, err := OpenCached(context.Background(), loadWarAndPeace(b), dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := corpus.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		ix, built, err := OpenCached(context.Background(), c, dir, nil)
		if err != nil || built {
			b.Fatalf("built=%v err=%v", built, err)
		}
		ix.Close()
	}
}

func BenchmarkAskWarAndPeace(b *testing.B) {
	ix, _, err := OpenCached(context.Background(), loadWarAndPeace(b), b.TempDir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	timeQueries(b, ix.Ask, warAndPeaceQuestions)
}

func BenchmarkQuoteWarAndPeace(b *testing.B) {
	ix, _, err := OpenCached(context.Background(), loadWarAndPeace(b), b.TempDir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	timeQueries(b, ix.Quote, []string{"the old oak", "Borodino", "Kutuzof", "Well, Prince, so Genoa and Lucca", "freemasons"})
}

// Benchmark100MB builds a folder of about 100 MB from the shared books
// (each copy's paragraphs rotated so that no two files are the same), then
// reports the build time, the cached open time, Ask latency and the
// process's peak memory. It runs only with -bench100mb.
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
	for i := 0; i < b.N; i++ {
		os.RemoveAll(cache)
		start := time.Now()
		c, err := corpus.Load(filepath.Join(dir, "texts"))
		if err != nil {
			b.Fatal(err)
		}
		ix, built, err := OpenCached(context.Background(), c, cache, nil)
		if err != nil || !built {
			b.Fatalf("built=%v err=%v", built, err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build-s")
		ix.Close()

		start = time.Now()
		c, err = corpus.Load(filepath.Join(dir, "texts"))
		if err != nil {
			b.Fatal(err)
		}
		ix, _, err = OpenCached(context.Background(), c, cache, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "open-ms")
		var ds []time.Duration
		for round := 0; round < 5; round++ {
			for _, q := range warAndPeaceQuestions {
				t := time.Now()
				if _, err := ix.Ask(context.Background(), q, 3); err != nil {
					b.Fatal(err)
				}
				if round > 0 {
					ds = append(ds, time.Since(t))
				}
			}
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
