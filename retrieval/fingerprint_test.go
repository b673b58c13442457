package retrieval

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// fingerprintText exercises what analysis marks: names, numbers, years,
// decades, months and weekdays, definitions (a term with its complement, a plural term
// without an article, a quoted term after a naming, and what is none: a place in an order, a name
// someone calls), quotations with their speakers, reasons, places, an
// interviewer's question and speakers' turns.
const fingerprintText = `NP: Why did the Bolsheviks dissolve the Constituent Assembly in January 1918?

SW: The Assembly, a body elected in November 1917, met at the Tauride Palace on a Friday, as few bodies had since the 1790s. They dissolved it because the soviets held power; Lenin said, “The Constituent Assembly is dead.” About 700 delegates had been chosen, and the Socialist Revolutionaries (SRs) held a majority.

NP: What came after that?

SW: What followed was called War Communism, which lasted three years. Lenin was the first to speak, and they called Trotsky. The power of a soviet is the will of its delegates. Soviets are councils that workers elected. The policy, called “grain requisitioning”, took the harvest.
`

// fingerprintGlossary is a glossary, whose entries define their terms.
const fingerprintGlossary = `NOTES

_Vikzhel._ All-Russian Central Committee of the Railway Workers' Union.

_Red Guards._ The armed factory workers of Russia.
`

// fingerprintDocs is documentation, whose options and operators are
// searched as written.
const fingerprintDocs = `# Options

Use := to assign once, and pass --no-root to skip the project.
`

// describeTable writes the sentence table and the lexicon, a line per
// sentence and a line per token.
func describeTable(ix *Index) []byte {
	var b bytes.Buffer
	t := ix.table
	for g := 0; g+1 < len(t.start); g++ {
		fmt.Fprintf(&b, "sentence %d: %d words, flags %016b\n", g, t.words[g], t.flags[g])
		lo, hi := t.tokens(g)
		for k := lo; k < hi; k++ {
			fmt.Fprintf(&b, "  %-14s pos %-5d kind %06b\n", ix.lex.terms[t.toks[k].term], t.toks[k].pos, t.toks[k].kind)
		}
	}
	for i, ids := range t.titles {
		words := make([]string, len(ids))
		for k, id := range ids {
			words[k] = ix.lex.terms[id]
		}
		fmt.Fprintf(&b, "title %d: %s\n", i, strings.Join(words, " "))
	}
	for id, term := range ix.lex.terms {
		fmt.Fprintf(&b, "term %-14s as %q, in %d sentences, %d titles\n", term, ix.lex.surface[id], ix.lex.df[id], ix.lex.titleDF[id])
	}
	return b.Bytes()
}

// TestAnalysisFingerprint keeps the analysed sentence table of a small
// text, which the cache stores: it fails when the analysis changes while
// analysisVersion stays the same.
func TestAnalysisFingerprint(t *testing.T) {
	interview, err := corpus.Parse("fingerprint.txt", []byte(fingerprintText))
	if err != nil {
		t.Fatal(err)
	}
	glossary, err := corpus.Parse("glossary.txt", []byte(fingerprintGlossary))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := corpus.Parse("options.md", []byte(fingerprintDocs))
	if err != nil {
		t.Fatal(err)
	}
	ix := docIndex(t, interview, glossary, docs)
	testsupport.VersionedGolden(t, filepath.Join("testdata", "analysis"), "the analysis of sentences (analysisVersion in cache.go)", analysisVersion, describeTable(ix))
}
