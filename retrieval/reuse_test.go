package retrieval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// TestReuseParsesOnlyChangedFiles indexes a folder, changes one file and
// removes another, and indexes it again with the first build as the
// earlier one: only the changed file is parsed, and the removed one is
// gone. In memory the unchanged document is the earlier build's own; a
// build in the cache logs what it parsed.
func TestReuseParsesOnlyChangedFiles(t *testing.T) {
	for _, cached := range []bool{true, false} {
		t.Run(fmt.Sprintf("cached=%v", cached), func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"mill.txt":       "The miller of the parish ground the barley by the river.\n",
				"lighthouse.txt": "The keeper of the lighthouse polished the great lens.\n",
				"orchard.txt":    "The orchard gave apples and pears every autumn.\n",
			}
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ctx := context.Background()
			opts := func() Options {
				if cached {
					return Options{CacheDir: t.TempDir()}
				}
				return Options{}
			}
			first, _, err := Open(ctx, dir, opts())
			if err != nil {
				t.Fatal(err)
			}
			defer first.Close()
			before := map[string]any{}
			for _, d := range first.Corpus().Documents {
				before[d.Name] = d
			}
			os.WriteFile(filepath.Join(dir, "lighthouse.txt"), []byte("The keeper of the lighthouse fed the gulls.\n"), 0o644)
			os.Remove(filepath.Join(dir, "orchard.txt"))
			var log bytes.Buffer
			o := opts()
			o.Reuse, o.Logger = first, slog.New(slog.NewTextHandler(&log, nil))
			second, _, err := Open(ctx, dir, o)
			if err != nil {
				t.Fatal(err)
			}
			defer second.Close()
			var names []string
			for _, d := range second.Corpus().Documents {
				names = append(names, d.Name)
				if reused, want := before[d.Name] == any(d), !cached && d.Name == "mill.txt"; reused != want {
					t.Errorf("%s is the earlier build's document: %v, want %v", d.Name, reused, want)
				}
			}
			if want := []string{"lighthouse.txt", "mill.txt"}; !slices.Equal(names, want) {
				t.Errorf("documents %v, want %v", names, want)
			}
			if cached && !strings.Contains(log.String(), "parsed=1 ") {
				t.Errorf("the build parsed more than the changed file:\n%s", log.String())
			}
			rs, err := second.Ask(ctx, "Who fed the gulls?", 1)
			if err != nil || len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, "gulls") {
				t.Errorf("the changed file is not answered: %+v %v", rs, err)
			}
		})
	}
}

// TestStaleCacheLendsItsDocuments checks that a cache built for an
// earlier state of a folder lends its documents to the next build, and
// that one built by another version of Lectern does not.
func TestStaleCacheLendsItsDocuments(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "mill.txt"), []byte("The miller ground the barley.\n"), 0o644)
	ix, _, err := Open(context.Background(), dir, Options{CacheDir: cacheDir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	dc := &diskCache{dir: cacheDir}
	slot := dc.slot(dir)
	if c := dc.earlier(slot); c == nil || len(c.corpus.Documents) != 1 || c.corpus.Documents[0].Name != "mill.txt" {
		t.Fatalf("earlier(%s) = %+v, want the cached mill.txt", slot, c)
	}
	// As if another version had built it: its key no longer matches.
	m, err := readManifest(slot)
	if err != nil {
		t.Fatal(err)
	}
	m.Key = strings.Repeat("0", len(m.Key))
	data, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(slot, manifestName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if c := dc.earlier(slot); c != nil {
		t.Errorf("a cache of another version lent %d documents", len(c.corpus.Documents))
	}
}

// TestReusedAnalysisMatchesAFreshBuild indexes a folder again after its
// last file changed and another was removed, once reading everything and
// once updating the earlier build: the analysed sentences, terms and
// document frequencies, the passages in the search index and the answers
// are the same.
func TestReusedAnalysisMatchesAFreshBuild(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{"interview.txt": corpus.DefaultText(), "zz-notes.txt": []byte("Notes for the first meeting. We read the interview.\n")} {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	paris, err := os.ReadFile(filepath.Join("testdata", "paris-commune.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "paris-commune.md"), paris, 0o644)
	ctx := context.Background()
	earlier, _, err := Open(ctx, dir, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer earlier.Close()
	os.WriteFile(filepath.Join(dir, "zz-notes.txt"), []byte("Notes for the second meeting. We read about the Commune and the soviets.\n"), 0o644)
	os.Remove(filepath.Join(dir, "paris-commune.md"))
	fresh, _, err := Open(ctx, dir, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	var log bytes.Buffer
	reused, _, err := Open(ctx, dir, Options{CacheDir: t.TempDir(), Reuse: earlier, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer reused.Close()
	notes := reused.Corpus().Documents[len(reused.Corpus().Documents)-1]
	// The build logs how many files it parsed and passages it indexed.
	built := regexp.MustCompile(`parsed=(\d+) "passages indexed"=(\d+)`).FindStringSubmatch(log.String())
	if want := []string{"1", strconv.Itoa(len(notes.Passages))}; strings.Contains(log.String(), "anew") || built == nil || !slices.Equal(built[1:], want) {
		t.Errorf("the earlier index was not updated: files parsed and passages indexed %v, want %v (%s's)\n%s", built, want, notes.Name, log.String())
	}
	nf, _ := fresh.bleve.DocCount()
	nr, _ := reused.bleve.DocCount()
	if nf != nr {
		t.Errorf("the updated index holds %d passages, a fresh one %d", nr, nf)
	}
	if got, want := string(describeTable(reused)), string(describeTable(fresh)); got != want {
		t.Fatalf("the sentence table built with reuse differs from a fresh one:\n%s", testsupport.FirstDiff(got, want))
	}
	for _, q := range []string{"Why did the Bolsheviks dissolve the Constituent Assembly?", "When was the Commune proclaimed?", "What are the notes for?", "Who led the National Guard?"} {
		a, _ := fresh.Ask(ctx, q, 3)
		b, _ := reused.Ask(ctx, q, 3)
		if len(a) != len(b) || len(a) > 0 && a[0].Quote.Text != b[0].Quote.Text {
			t.Errorf("%q answered differently with reuse", q)
		}
	}
}

// TestDamagedEarlierIndexIsNotUpdated damages the earlier build's search
// index on disk: the next build does not copy it but builds anew, and
// answers from the changed text.
func TestDamagedEarlierIndexIsNotUpdated(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "mill.txt"), []byte("The miller ground the barley by the river.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "lighthouse.txt"), []byte("The keeper polished the great lens.\n"), 0o644)
	ctx := context.Background()
	earlier, _, err := Open(ctx, dir, Options{CacheDir: cacheDir})
	if err != nil {
		t.Fatal(err)
	}
	defer earlier.Close()
	damaged := 0
	filepath.WalkDir(filepath.Join(earlier.path, indexName), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".zap") {
			os.WriteFile(p, []byte("not a segment"), 0o644)
			damaged++
		}
		return nil
	})
	if damaged == 0 {
		t.Fatal("no segment to damage")
	}
	os.WriteFile(filepath.Join(dir, "lighthouse.txt"), []byte("The keeper fed the gulls with herring.\n"), 0o644)
	next, _, err := Open(ctx, dir, Options{CacheDir: t.TempDir(), Reuse: earlier})
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	for q, want := range map[string]string{"Who fed the gulls?": "gulls", "Who ground the barley?": "barley"} {
		rs, err := next.Ask(ctx, q, 1)
		if err != nil || len(rs) == 0 || !strings.Contains(rs[0].Quote.Text, want) {
			t.Errorf("%q: %+v %v", q, rs, err)
		}
	}
}
