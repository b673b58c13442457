package retrieval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// cacheFixture is a book and a cache directory for it.
type cacheFixture struct {
	t     *testing.T
	book  string
	cache string
	logs  *bytes.Buffer
}

func newCacheFixture(t *testing.T) *cacheFixture {
	t.Helper()
	dir := t.TempDir()
	return &cacheFixture{t: t, book: filepath.Join(dir, "book.txt"), cache: filepath.Join(dir, "cache"), logs: &bytes.Buffer{}}
}

func (f *cacheFixture) write(text string) {
	f.t.Helper()
	if err := os.WriteFile(f.book, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *cacheFixture) open() (*Index, OpenInfo) {
	f.t.Helper()
	ix, info, err := Open(context.Background(), f.book, Options{CacheDir: f.cache, Logger: slog.New(slog.NewTextHandler(f.logs, nil))})
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { ix.Close() })
	return ix, info
}

func (f *cacheFixture) finds(ix *Index, q string) bool {
	f.t.Helper()
	rs, err := ix.Ask(context.Background(), q, 3)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(rs) > 0
}

// slots lists the cache's entries.
func (f *cacheFixture) slots() []string {
	f.t.Helper()
	entries, err := os.ReadDir(f.cache)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestCacheLifecycle(t *testing.T) {
	f := newCacheFixture(t)
	f.write("CHAPTER I\n\nThe lighthouse keeper counted gulls.\n")
	ix, info := f.open()
	if !info.Built || !f.finds(ix, "lighthouse") {
		t.Fatalf("first open: built=%v, want a fresh index that finds the lighthouse", info.Built)
	}
	ix.Close()
	ix, info = f.open()
	if info.Built || !f.finds(ix, "lighthouse") {
		t.Errorf("second open of an unchanged text: built=%v, want the cached index", info.Built)
	}
	ix.Close()

	f.write("CHAPTER I\n\nThe ferryman counted herons.\n")
	ix, info = f.open()
	if !info.Built || !f.finds(ix, "ferryman") || f.finds(ix, "lighthouse") {
		t.Errorf("changed text: built=%v, want a rebuilt index of the new text", info.Built)
	}
	if got := f.slots(); len(got) != 1 {
		t.Errorf("cache holds %v after the text changed, want one slot: the old build replaced", got)
	}
	if !strings.Contains(f.logs.String(), "text has changed") {
		t.Errorf("the rebuild was not logged through the given logger: %q", f.logs.String())
	}
}

// TestCacheKnowsFilesByTheirTimes checks that opening a cached index
// reads again a file whose size or times moved since the build read it:
// the text is changed behind the cache's back, its size kept.
func TestCacheKnowsFilesByTheirTimes(t *testing.T) {
	before := "CHAPTER I\n\nThe lighthouse keeper counted gulls.\n"
	after := "CHAPTER I\n\nThe lighthouse painter counted owls.\n"
	if len(before) != len(after) {
		t.Fatal("the texts must have the same size")
	}
	tests := []struct {
		name     string
		age      time.Duration // of the file's modification time when the build reads it
		sameTime bool          // the change sets the modification time back
	}{
		{"an old file, changed with a new time", time.Hour, false},
		{"an old file, changed with its time set back", time.Hour, true},
		{"a file written just before the build, changed within its time", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newCacheFixture(t)
			f.write(before)
			stamp := time.Now().Add(-tt.age).Truncate(time.Second)
			if err := os.Chtimes(f.book, stamp, stamp); err != nil {
				t.Fatal(err)
			}
			ix, _ := f.open()
			ix.Close()
			f.write(after)
			if tt.sameTime {
				if err := os.Chtimes(f.book, stamp, stamp); err != nil {
					t.Fatal(err)
				}
			}
			// Where the system keeps no change time, a time set back by
			// hand goes unnoticed.
			want := !tt.sameTime || tt.age == 0 || changeTimeKept(t, f.book)
			ix, info := f.open()
			if info.Built != want {
				t.Errorf("built = %v, want %v", info.Built, want)
			}
			if got := f.finds(ix, "owls"); got != want {
				t.Errorf("finds the changed text: got %v, want %v", got, want)
			}
		})
	}
}

// changeTimeKept reports whether the system keeps a change time for the
// file at path.
func changeTimeKept(t *testing.T, path string) bool {
	t.Helper()
	src, err := corpus.ListSources(context.Background(), path, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return !src[0].Stamp().Changed.IsZero()
}

// TestCacheTrustsStampsOfSettledFiles checks that a file last changed
// well before the build read it is not read again when its stamp is the
// same: the manifest's hash for it is taken as it is, so a false one
// there makes the text look changed and the index is built again.
func TestCacheTrustsStampsOfSettledFiles(t *testing.T) {
	t.Parallel()
	f := newCacheFixture(t)
	f.write("CHAPTER I\n\nThe lighthouse keeper counted gulls.\n")
	time.Sleep(racyWindow + 100*time.Millisecond) // the file settles
	ix, _ := f.open()
	ix.Close()
	slot := (&diskCache{dir: f.cache}).slot(f.book)
	m, err := readManifest(slot)
	if err != nil {
		t.Fatal(err)
	}
	mark, ok := m.Sources["book.txt"]
	if !ok {
		t.Fatalf("the manifest holds no stamp of a settled file: %+v", m.Sources)
	}
	mark.Hash = strings.Repeat("0", 64)
	m.Sources["book.txt"] = mark
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(slot, manifestName), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, info := f.open(); !info.Built {
		t.Error("the file was read again: its stamp was not trusted")
	}
}

func TestCacheDetectsDamage(t *testing.T) {
	damage := []struct {
		name string
		do   func(t *testing.T, slot string)
	}{
		{"every file truncated", func(t *testing.T, slot string) {
			filepath.WalkDir(slot, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					os.WriteFile(p, []byte("garbage"), 0o644)
				}
				return nil
			})
		}},
		{"64 random bytes in a segment", func(t *testing.T, slot string) {
			segs, _ := filepath.Glob(filepath.Join(slot, indexName, "store", "*.zap"))
			if len(segs) == 0 {
				entries, _ := os.ReadDir(filepath.Join(slot, indexName))
				t.Fatalf("no segment files to damage: %v", entries)
			}
			data, err := os.ReadFile(segs[0])
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewSource(7))
			at := rng.Intn(len(data) - 64)
			for i := range 64 {
				data[at+i] = byte(rng.Intn(256))
			}
			os.WriteFile(segs[0], data, 0o644)
		}},
		{"a byte of the data file changed, its times set back", func(t *testing.T, slot string) {
			p := filepath.Join(slot, dataName)
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 0xff
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(p, info.ModTime(), info.ModTime())
		}},
		{"data file removed", func(t *testing.T, slot string) { os.Remove(filepath.Join(slot, dataName)) }},
		{"data file of another version, intact by its manifest", func(t *testing.T, slot string) {
			p := filepath.Join(slot, dataName)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			copy(data, "LECTERN-DATA-01\n")
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := readManifest(slot)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(slot, manifestName))
			if err := writeManifest(slot, m); err != nil { // its checksums as an old build's are
				t.Fatal(err)
			}
		}},
		{"manifest corrupt", func(t *testing.T, slot string) { os.WriteFile(filepath.Join(slot, manifestName), []byte("{"), 0o644) }},
	}
	for _, tt := range damage {
		t.Run(tt.name, func(t *testing.T) {
			f := newCacheFixture(t)
			f.write("CHAPTER I\n\nThe ferryman counted herons on the river.\n")
			ix, info := f.open()
			ix.Close()
			tt.do(t, info.Path)
			ix, info = f.open()
			if !info.Built || !f.finds(ix, "ferryman") {
				t.Errorf("after damage: built=%v, want the index rebuilt and working", info.Built)
			}
			if !strings.Contains(f.logs.String(), "level=WARN msg=\"index cache is damaged; rebuilding\"") {
				t.Errorf("the damage was not logged as a warning through the given logger: %q", f.logs.String())
			}
		})
	}
}

func TestFileMarkStamped(t *testing.T) {
	at := time.Date(2026, 12, 5, 10, 0, 0, 123456789, time.UTC)
	mark := fileMark{fileTimes{Size: 10, Modified: at, Changed: at.Add(time.Millisecond)}, 1}
	tests := []struct {
		name  string
		mark  fileMark
		stamp corpus.Stamp
		want  bool
	}{
		{"the same size and times", mark, corpus.Stamp{Size: 10, Modified: at, Changed: at.Add(time.Millisecond)}, true},
		{"changed since (ctime)", mark, corpus.Stamp{Size: 10, Modified: at, Changed: at.Add(time.Second)}, false},
		{"modified since", mark, corpus.Stamp{Size: 10, Modified: at.Add(time.Nanosecond), Changed: at.Add(time.Millisecond)}, false},
		{"another size", mark, corpus.Stamp{Size: 11, Modified: at, Changed: at.Add(time.Millisecond)}, false},
		{"no change time kept", fileMark{fileTimes: fileTimes{Size: 10, Modified: at}}, corpus.Stamp{Size: 10, Modified: at}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.mark.stamped(tt.stamp); got != tt.want {
				t.Errorf("stamped = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCachedStatisticsMatchMemory opens a text from the cache, whose
// lexicon's document frequencies and mean sentence length are read from
// the data file, and requires the same table and statistics as the text
// indexed in memory, where they are counted.
func TestCachedStatisticsMatchMemory(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "interview.txt"), corpus.DefaultText(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 { // built, then read from the cache
		cached, _, err := Open(ctx, dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		defer cached.Close()
		memory, err := NewMemory(ctx, cached.Corpus())
		if err != nil {
			t.Fatal(err)
		}
		defer memory.Close()
		if got, want := string(describeTable(cached)), string(describeTable(memory)); got != want {
			t.Fatalf("the table read from the cache differs from the one counted in memory:\n%s", testsupport.FirstDiff(got, want))
		}
		if cached.lex.n != memory.lex.n || cached.lex.avgLen != memory.lex.avgLen {
			t.Errorf("from the cache: %d sentences of %.3f tokens on average; in memory: %d of %.3f", cached.lex.n, cached.lex.avgLen, memory.lex.n, memory.lex.avgLen)
		}
	}
}

func TestCacheSweepsWhatNoTextUses(t *testing.T) {
	f := newCacheFixture(t)
	f.write("CHAPTER I\n\nThe ferryman counted herons.\n")
	ix, _ := f.open()
	ix.Close()
	old := time.Now().Add(-2 * staleAfter)
	mk := func(name string, age time.Time) {
		p := filepath.Join(f.cache, name)
		os.MkdirAll(filepath.Join(p, "index"), 0o755)
		os.WriteFile(filepath.Join(p, "index", "x.zap"), []byte("half"), 0o644)
		os.Chtimes(p, age, age)
	}
	mk(".build-111", old)                      // a build killed an hour ago
	mk(".build-222", time.Now())               // a build running now
	mk("0123456789abcdef01234567", time.Now()) // an older Lectern's cache
	// A slot whose text is gone.
	other := filepath.Join(t.TempDir(), "gone.txt")
	os.WriteFile(other, []byte("CHAPTER I\n\nA heron.\n"), 0o644)
	ix2, info2, err := Open(context.Background(), other, Options{CacheDir: f.cache})
	if err != nil {
		t.Fatal(err)
	}
	ix2.Close()
	os.Remove(other)
	os.WriteFile(filepath.Join(f.cache, "notes.txt"), []byte("mine"), 0o644) // not the cache's

	ix, _ = f.open()
	got := strings.Join(f.slots(), " ")
	for _, gone := range []string{".build-111", "0123456789abcdef01234567", filepath.Base(info2.Path)} {
		if strings.Contains(got, gone) {
			t.Errorf("cache still holds %s: %s", gone, got)
		}
	}
	for _, kept := range []string{".build-222", "notes.txt"} {
		if !strings.Contains(got, kept) {
			t.Errorf("cache lost %s, which it must leave alone: %s", kept, got)
		}
	}
	if !f.finds(ix, "ferryman") {
		t.Error("the corpus's own index no longer answers")
	}
}

func TestCacheSharedByReaders(t *testing.T) {
	f := newCacheFixture(t)
	f.write("CHAPTER I\n\nThe ferryman counted herons.\n")
	first, _ := f.open() // held open, as a running bot holds it
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix, _, err := Open(context.Background(), f.book, Options{CacheDir: f.cache})
			if err != nil {
				errs <- err
				return
			}
			defer ix.Close()
			if rs, err := ix.Ask(context.Background(), "ferryman", 1); err != nil || len(rs) == 0 {
				errs <- errors.New("a reader found nothing")
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("readers of a shared cache are blocked")
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// The text changes while the first reader still has the old build open.
	f.write("CHAPTER I\n\nThe lighthouse keeper counted gulls.\n")
	second, info := f.open()
	if !info.Built || !f.finds(second, "lighthouse") {
		t.Errorf("rebuild beside an open reader: built=%v", info.Built)
	}
	if !f.finds(first, "ferryman") {
		t.Error("the reader of the old build stopped answering when the text was rebuilt")
	}
}

func TestOpenFallsBackToMemory(t *testing.T) {
	f := newCacheFixture(t)
	f.write("CHAPTER I\n\nThe ferryman counted herons.\n")
	if err := os.WriteFile(f.cache, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, info := f.open()
	if info.Path != "" || !f.finds(ix, "ferryman") {
		t.Errorf("unwritable cache: path %q, want an in-memory index that works", info.Path)
	}
	if !strings.Contains(f.logs.String(), "indexing in memory") {
		t.Errorf("the fallback was not logged: %q", f.logs.String())
	}
}

func TestSourcesKeyChangesWithText(t *testing.T) {
	a := []corpus.Source{{Name: "a.txt", Data: []byte("One text.\n")}}
	b := []corpus.Source{{Name: "a.txt", Data: []byte("Another text.\n")}}
	if sourcesKey(a) == sourcesKey(b) {
		t.Error("different texts share a cache key")
	}
	if sourcesKey(a) != sourcesKey([]corpus.Source{{Name: "a.txt", Data: []byte("One text.\n")}}) {
		t.Error("the same text gave two cache keys")
	}
}

// TestDataRoundTrip writes every format's parse and table and reads them
// back unchanged.
func TestDataRoundTrip(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("..", "corpus", "testdata", "formats", "*.input"))
	c := &corpus.Corpus{}
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		d, err := corpus.Parse(strings.TrimSuffix(filepath.Base(in), ".input"), data)
		if err != nil {
			t.Fatal(err)
		}
		c.Documents = append(c.Documents, d)
	}
	interview, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	c.Documents = append(c.Documents, interview.Documents...)
	// What only some texts give is kept too.
	c.Documents[0].Translator = "Louise and Aylmer Maude"
	for _, d := range essayDocuments(t) { // a PDF's pages and labels, an EPUB's chapters, notes
		c.Documents = append(c.Documents, d)
	}
	ix, err := NewMemory(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	want := &cachedData{Corpus: c, Terms: ix.lex.terms, Surface: ix.lex.surface, DF: ix.lex.df, DocStart: ix.table.docStart, Start: ix.table.start,
		Tokens: ix.table.toks, Words: ix.table.words, Flags: ix.table.flags,
		SecStart: ix.table.secStart, Titles: ix.table.titles, PostStart: ix.postings.start, PostSent: ix.postings.sent}
	raw := encodeData(want)
	var streamed bytes.Buffer
	if err := encodeDataTo(&streamed, want); err != nil || !bytes.Equal(streamed.Bytes(), raw) {
		t.Fatalf("written as it is encoded: %d bytes (err %v), want the %d bytes of encodeData", streamed.Len(), err, len(raw))
	}
	// Tables are read in place where the file's bytes are aligned, and
	// copied where they are not: both must read the same.
	for _, shift := range []int{0, 1} {
		t.Run(fmt.Sprintf("read %d bytes off alignment", shift), func(t *testing.T) {
			buf := append(make([]byte, shift), raw...)[shift:]
			got, err := decodeData(buf)
			if err != nil {
				t.Fatal(err)
			}
			inPlace := uintptr(unsafe.Pointer(&got.Tokens[0])) >= uintptr(unsafe.Pointer(&buf[0])) &&
				uintptr(unsafe.Pointer(&got.Tokens[0])) < uintptr(unsafe.Pointer(&buf[0]))+uintptr(len(buf))
			if wantInPlace := littleEndian && shift == 0; inPlace != wantInPlace {
				t.Errorf("token table read in place: got %v, want %v", inPlace, wantInPlace)
			}
			if len(got.Corpus.Documents) != len(want.Corpus.Documents) {
				t.Fatalf("got %d documents, want %d", len(got.Corpus.Documents), len(want.Corpus.Documents))
			}
			for i, d := range want.Corpus.Documents {
				if !sameDocument(got.Corpus.Documents[i], d) {
					t.Errorf("document %s differs after a round trip", d.Name)
				}
			}
			gotRest, wantRest := *got, *want
			gotRest.Corpus, wantRest.Corpus = &corpus.Corpus{Skipped: got.Corpus.Skipped}, &corpus.Corpus{Skipped: want.Corpus.Skipped}
			if !reflect.DeepEqual(gotRest, wantRest) {
				t.Fatal("cached data differs after a round trip")
			}
		})
	}
	for _, cut := range []int{0, 10, len(raw) / 2, len(raw) - 1} {
		if _, err := decodeData(raw[:cut]); err == nil {
			t.Errorf("a data file cut to %d of %d bytes decoded without error", cut, len(raw))
		}
	}
}

// FuzzDecodeData checks that a damaged data file is an error, never a
// panic, however it is damaged (the cache's checksums catch most damage
// before decoding; this is what remains).
func FuzzDecodeData(f *testing.F) {
	var seeds [][]byte
	for _, text := range []string{"A first sentence. A second one.\n", "# Title\n\nA note with `code`.\n\n## More\n\nThe end.\n"} {
		d, err := corpus.Parse("seed.md", []byte(text))
		if err != nil {
			f.Fatal(err)
		}
		ix, err := NewMemory(context.Background(), &corpus.Corpus{Documents: []*corpus.Document{d}})
		if err != nil {
			f.Fatal(err)
		}
		raw := encodeData(&cachedData{Corpus: ix.corpus, Terms: ix.lex.terms, Surface: ix.lex.surface, DF: ix.lex.df, DocStart: ix.table.docStart,
			Start: ix.table.start, Tokens: ix.table.toks, Words: ix.table.words,
			Flags: ix.table.flags, SecStart: ix.table.secStart, Titles: ix.table.titles, PostStart: ix.postings.start, PostSent: ix.postings.sent})
		ix.Close()
		seeds = append(seeds, raw, raw[:len(raw)/2])
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if d, err := decodeData(raw); err == nil && d.Corpus == nil {
			t.Fatal("decoded without error to no corpus")
		}
	})
}

// sameDocument reports whether two documents hold the same, their
// sentences compared one by one whether they are held as a slice or by a
// store.
func sameDocument(a, b *corpus.Document) bool {
	if a.SentenceCount() != b.SentenceCount() {
		return false
	}
	for i, s := range a.AllSentences() {
		if !reflect.DeepEqual(s, b.Sentence(i)) {
			return false
		}
	}
	ac, bc := *a, *b
	ac.SetSentenceStore(nil)
	bc.SetSentenceStore(nil)
	return reflect.DeepEqual(ac, bc)
}
