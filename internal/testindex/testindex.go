// Package testindex builds the indexes tests search: once per test
// binary, the embedded interview and War and Peace from the shared books;
// and folders of small texts a test writes.
package testindex

import (
	"context"
	"os"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/retrieval"
)

var interview, warAndPeace testsupport.Once[*retrieval.Index]

// Interview is the embedded interview's index, in memory.
func Interview(tb testing.TB) *retrieval.Index {
	tb.Helper()
	return interview.Get(tb, func() (*retrieval.Index, error) {
		c, err := corpus.Default()
		if err != nil {
			return nil, err
		}
		return retrieval.NewMemory(context.Background(), c)
	})
}

// WarAndPeace is War and Peace's index, built in a temporary cache; the
// test skips (or, in CI, fails) without the shared books.
func WarAndPeace(tb testing.TB) *retrieval.Index {
	tb.Helper()
	path := testsupport.SharedCorpus(tb, "war-and-peace.txt")
	return warAndPeace.Get(tb, func() (*retrieval.Index, error) {
		dir, err := os.MkdirTemp("", "lectern-test-cache-")
		if err != nil {
			return nil, err
		}
		ix, _, err := retrieval.Open(context.Background(), path, retrieval.Options{CacheDir: dir})
		return ix, err
	})
}

// Folder writes files (by their paths below the folder) to a new
// temporary folder and indexes it in memory, PDFs read by PDFium; it
// returns the folder and its index.
func Folder(tb testing.TB, files map[string]string) (string, *retrieval.Index) {
	tb.Helper()
	dir := testsupport.WriteTree(tb, files)
	src, err := corpus.ReadSources(context.Background(), dir, corpus.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	pdf := corpus.NewPDFEngine(testsupport.PDFiumCache())
	tb.Cleanup(func() { pdf.Close() })
	c, err := corpus.ParseSources(src, pdf)
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := retrieval.NewMemory(context.Background(), c)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, ix
}
