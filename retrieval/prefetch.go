package retrieval

// A library served from the cache reads its sentences from a file whose
// pages the kernel brings in when they are first touched (see
// mappedFile). A question touches a few hundred pages scattered over the
// file; touched one at a time, each waits for the disk in turn. So the
// question asks for them all first, and the disk reads them side by side.
// At 1 GB, opened with none of the file in memory, 300 questions used to
// wait on the disk 107,000 times and now wait 2,700 times; p50 went from
// 40–73 ms to 35–40 ms, and p99 from 124–198 ms to 94–107 ms
// (BenchmarkLibrary).

// sentenceRun is the sentences from ≤ i < to of document doc.
type sentenceRun struct{ doc, from, to int }

// prefetchTables starts reading the small tables a question reads at
// random, in whole: where each sentence's tokens start, its words and
// flags, and where each term's postings start (44 MB at 1 GB). Read a
// page at a time, they cost 6,000 waits on the disk in 300 questions.
func (ix *Index) prefetchTables() {
	ix.file.willNeed(bytesOf(ix.table.start), bytesOf(ix.table.words), bytesOf(ix.table.flags), bytesOf(ix.postings.start))
}

// prefetch starts reading what ranking reads of the runs' sentences:
// the records and tokens of the sentences and of those about them whose
// words count for them (contextWindow), then, as the records come in,
// the texts of the sentences and their neighbours, which a quote may
// take in. An index built in memory, or from a file held whole, has
// nothing to ask for.
func (ix *Index) prefetch(runs []sentenceRun) {
	if !ix.file.advised() {
		return
	}
	type wide struct {
		sentenceRun
		store *storedSentences
	}
	wides := make([]wide, 0, len(runs))
	parts := make([][]byte, 0, 2*len(runs))
	for _, r := range runs {
		s, ok := ix.corpus.Documents[r.doc].SentenceStore().(*storedSentences)
		if !ok || r.from >= r.to {
			continue
		}
		from, to := max(r.from-contextWindow, 0), min(r.to+contextWindow, s.Len())
		lo, _ := ix.table.tokens(ix.table.global(r.doc, from))
		_, hi := ix.table.tokens(ix.table.global(r.doc, to-1))
		parts = append(parts, s.recordBytes(from, to), bytesOf(ix.table.toks[lo:hi]))
		wides = append(wides, wide{sentenceRun{r.doc, max(r.from-1, 0), min(r.to+1, s.Len())}, s})
	}
	ix.file.willNeed(parts...)
	parts = parts[:0]
	for _, w := range wides {
		parts = append(parts, w.store.textBytes(w.from, w.to))
	}
	ix.file.willNeed(parts...)
}

// runsOf groups candidates, in the order they were found, into runs of
// sentences next to each other.
func runsOf(cands []candidate) []sentenceRun {
	var runs []sentenceRun
	for _, c := range cands {
		if n := len(runs); n > 0 && runs[n-1].doc == c.doc && runs[n-1].to == c.sent {
			runs[n-1].to++
			continue
		}
		runs = append(runs, sentenceRun{c.doc, c.sent, c.sent + 1})
	}
	return runs
}
