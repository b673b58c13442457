package retrieval

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/internal/questiongen"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

var (
	libraryMB  = flag.Int("library", 0, "run BenchmarkLibrary on a generated folder of about this many MB (slow; 1000 takes several minutes)")
	libraryDir = flag.String("library.dir", "", "where BenchmarkLibrary keeps its folder between runs (default: a temporary folder)")
	libraryMem = flag.Int("library.memlimit", 0, "BenchmarkLibrary also serves the library from a cold page cache in a memory cgroup of this many MB, page cache counted (Linux, as root)")
)

// libraryChildEnv tells a child test process what BenchmarkLibrary wants
// of it, and libraryOutEnv where to write what it measured.
const (
	libraryChildEnv  = "LECTERN_LIBRARY_CHILD"
	libraryOutEnv    = "LECTERN_LIBRARY_OUT"
	libraryCgroupEnv = "LECTERN_LIBRARY_CGROUP" // the cgroup.procs file the child joins first
)

// libraryRun is what one child process measured.
type libraryRun struct {
	Seconds       float64 // the build, or the open from the cache
	FirstAnswerMS float64 // from the start of Open to the first answer
	AskP50US      float64
	AskP99US      float64
	RSSMB         int64 // resident at the end
	PeakRSSMB     int64 // the process's high-water mark
	Files         int
	Sentences     int
}

// BenchmarkLibrary measures what a library costs as users pay it, each
// in its own process: a first `lectern index` of a folder of a few hundred
// files (time and peak memory), then a process that opens it from the
// cache and asks 300 distinct questions (time to the first answer,
// latency, memory held after them). The folder is generated from the
// shared books, each file a book with its paragraphs rotated, so sizes
// and vocabulary are real ones. It runs only with -library=MB.
func BenchmarkLibrary(b *testing.B) {
	if *libraryMB <= 0 {
		b.Skip("run with -library=MB, e.g. -library=100")
	}
	dir := *libraryDir
	if dir == "" {
		dir = b.TempDir()
	}
	texts, cache := filepath.Join(dir, "texts"), filepath.Join(dir, "cache")
	mb := generateLibrary(b, texts, *libraryMB)
	for range b.N {
		os.RemoveAll(cache)
		build := runLibraryChild(b, "build", texts, cache, "")
		serve := runLibraryChild(b, "serve", texts, cache, "")
		b.ReportMetric(build.Seconds, "build-s")
		b.ReportMetric(float64(build.PeakRSSMB), "build-peak-MB")
		b.ReportMetric(serve.Seconds*1000, "open-ms")
		b.ReportMetric(serve.FirstAnswerMS, "first-answer-ms")
		b.ReportMetric(serve.AskP50US, "p50-µs")
		b.ReportMetric(serve.AskP99US, "p99-µs")
		b.ReportMetric(float64(serve.RSSMB), "serve-RSS-MB")
		b.ReportMetric(float64(serve.PeakRSSMB), "serve-peak-MB")
		b.ReportMetric(float64(serve.Files), "files")
		b.ReportMetric(float64(serve.Sentences), "sentences")
		if *libraryMem > 0 {
			limited := runLibraryChild(b, "serve", texts, cache, memoryCgroup(b, *libraryMem))
			b.ReportMetric(limited.FirstAnswerMS, "limited-first-answer-ms")
			b.ReportMetric(limited.AskP50US, "limited-p50-µs")
			b.ReportMetric(limited.AskP99US, "limited-p99-µs")
		}
	}
	b.ReportMetric(float64(mb), "MB")
}

// generateLibrary writes about mb megabytes of books to dir, unless a
// finished folder of that size is there already, and returns its size in
// MB.
func generateLibrary(tb testing.TB, dir string, mb int) int {
	tb.Helper()
	done := filepath.Join(filepath.Dir(dir), fmt.Sprintf(".texts-%d-MB", mb))
	if _, err := os.Stat(done); err == nil {
		return mb
	}
	var names []string
	for _, pattern := range []string{"*.txt", "library/*.txt"} {
		found, _ := filepath.Glob(filepath.Join(testsupport.SharedDir(tb, "corpus"), pattern))
		names = append(names, found...)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	total := 0
	for i := 0; total < mb<<20; i++ {
		name := names[i%len(names)]
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		text := rotateParagraphs(string(data), i*7919)
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%03d.txt", base, i)), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += len(text)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	return total >> 20
}

// rotateParagraphs starts text at its paragraph shift (modulo their
// number) and goes round, so that no two generated files are the same.
func rotateParagraphs(text string, shift int) string {
	sep := "\n\n"
	if strings.Contains(text, "\r\n\r\n") {
		sep = "\r\n\r\n"
	}
	paras := strings.Split(text, sep)
	shift %= len(paras)
	return strings.Join(append(paras[shift:], paras[:shift]...), sep)
}

// runLibraryChild runs TestLibraryChild in a new process of this test
// binary and returns what it measured.
func runLibraryChild(b *testing.B, mode, texts, cache, cgroup string) libraryRun {
	b.Helper()
	out := filepath.Join(b.TempDir(), "run.json")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLibraryChild$")
	cmd.Env = append(os.Environ(), libraryChildEnv+"="+mode+":"+texts+":"+cache, libraryOutEnv+"="+out, libraryCgroupEnv+"="+cgroup)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", mode, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	var run libraryRun
	if err := json.Unmarshal(data, &run); err != nil {
		b.Fatal(err)
	}
	return run
}

// memoryCgroup makes a memory cgroup of mb megabytes (cgroup v2, or v1's
// memory hierarchy) and empties the page cache, so that what the child
// that joins it reads is charged to it; it returns the cgroup's
// cgroup.procs, and removes the cgroup when the benchmark ends.
func memoryCgroup(b *testing.B, mb int) string {
	b.Helper()
	name := fmt.Sprintf("lectern-bench-%d", os.Getpid())
	dir, limit := filepath.Join("/sys/fs/cgroup", name), "memory.max"
	if _, err := os.Stat("/sys/fs/cgroup/cgroup.controllers"); err != nil {
		dir, limit = filepath.Join("/sys/fs/cgroup/memory", name), "memory.limit_in_bytes"
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		b.Skipf("-library.memlimit needs a memory cgroup (Linux, as root): %v", err)
	}
	b.Cleanup(func() { os.Remove(dir) })
	if err := os.WriteFile(filepath.Join(dir, limit), []byte(strconv.Itoa(mb<<20)), 0o644); err != nil {
		b.Fatalf("setting the memory limit: %v", err)
	}
	if err := exec.Command("sync").Run(); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("3"), 0o644); err != nil {
		b.Fatalf("emptying the page cache: %v", err)
	}
	return filepath.Join(dir, "cgroup.procs")
}

// TestLibraryChild is BenchmarkLibrary's child process; it does nothing
// unless BenchmarkLibrary started it.
func TestLibraryChild(t *testing.T) {
	job := os.Getenv(libraryChildEnv)
	if job == "" {
		t.Skip("started by BenchmarkLibrary only")
	}
	if procs := os.Getenv(libraryCgroupEnv); procs != "" {
		if err := os.WriteFile(procs, []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
			t.Fatalf("joining the memory cgroup: %v", err)
		}
	}
	mode, paths, _ := strings.Cut(job, ":")
	texts, cache, _ := strings.Cut(paths, ":")
	ctx := context.Background()
	start := time.Now()
	ix, info, err := Open(ctx, texts, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if info.Built != (mode == "build") {
		t.Fatalf("%s: built = %v", mode, info.Built)
	}
	run := libraryRun{Seconds: time.Since(start).Seconds(), Files: len(ix.Corpus().Documents), Sentences: ix.table.sentences()}
	if mode == "serve" {
		var ds []time.Duration
		for _, q := range questiongen.Distinct(ix.Corpus(), 300, 5) {
			t0 := time.Now()
			if _, err := ix.Ask(ctx, q, 3); err != nil {
				t.Fatal(err)
			}
			if ds = append(ds, time.Since(t0)); len(ds) == 1 {
				run.FirstAnswerMS = float64(time.Since(start).Milliseconds())
			}
		}
		run.AskP50US, run.AskP99US = percentile(ds, 0.50), percentile(ds, 0.99)
	}
	run.RSSMB, run.PeakRSSMB = procStatus("VmRSS")>>20, procStatus("VmHWM")>>20
	data, _ := json.Marshal(run)
	if err := os.WriteFile(os.Getenv(libraryOutEnv), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
