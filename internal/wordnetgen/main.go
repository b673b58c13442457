// Command wordnetgen writes the table of related words that retrieval
// embeds (retrieval/wordnet.txt), and the list of English stems beside it
// (retrieval/english.txt), from WordNet 3.0 as Debian's wordnet-base
// package installs it (/usr/share/wordnet):
//
//	go run ./internal/wordnetgen -dict /usr/share/wordnet -out retrieval/wordnet.txt
//
// Each line is a word's stem, a tab, and the stems of the words related to
// it, separated by spaces: the other words of its two most frequent senses
// in each part of speech (synonyms) and their derivationally related forms
// (marry/marriage). Stems are those of the index's English analyzer, so the
// table is looked up with the stems of a question's words. Words of several
// parts ("ice_cream") are left out.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
)

// senses is how many of a word's most frequent senses count, per part of
// speech.
const senses = 2

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordnetgen: "+err.Error())
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("wordnetgen", flag.ContinueOnError)
	dict := fs.String("dict", "/usr/share/wordnet", "WordNet 3.0 dictionary directory (Debian package wordnet-base)")
	out := fs.String("out", "retrieval/wordnet.txt", "table to write")
	english := fs.String("english", "retrieval/english.txt", "list of English stems to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	an := bleve.NewIndexMapping().AnalyzerNamed(en.AnalyzerName)
	related := map[string]map[string]bool{}
	parts := map[string]byte{"noun": 'n', "verb": 'v', "adj": 'a', "adv": 'r'}
	data := map[byte]map[string]synset{}
	for name, letter := range parts {
		d, err := readData(filepath.Join(*dict, "data."+name))
		if err != nil {
			return err
		}
		data[letter] = d
	}
	data['s'] = data['a'] // adjective satellites
	for _, name := range []string{"noun", "verb", "adj", "adv"} {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readIndex(filepath.Join(*dict, "index."+name), data[parts[name]], data, an, related); err != nil {
			return err
		}
	}
	keys := make([]string, 0, len(related))
	for k := range related {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	lines := 0
	for _, k := range keys {
		rel := make([]string, 0, len(related[k]))
		for r := range related[k] {
			rel = append(rel, r)
		}
		if len(rel) == 0 {
			continue
		}
		sort.Strings(rel)
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(rel, " "))
		lines++
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d stems to %s\n", lines, *out)
	n, err := writeEnglish(*dict, *english, an)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d stems to %s\n", n, *english)
	return nil
}

// functionWords are words of English that WordNet leaves out, as it
// lists only nouns, verbs, adjectives and adverbs, and the analyzer keeps
// (it drops the commonest: "which", "would", "between").
var functionWords = []string{
	"amongst", "whilst", "although", "though", "unless", "whereas", "towards", "toward", "upon",
	"within", "without", "beneath", "beside", "besides", "despite", "throughout", "whether",
	"whom", "whose", "whoever", "whomever", "whatever", "whichever", "wherever", "whenever",
	"however", "therefore", "thereby", "whereby", "wherein", "herself", "himself", "itself",
	"themselves", "ourselves", "yourself", "yourselves", "myself", "everybody", "everyone",
	"someone", "somebody", "anyone", "anybody", "nobody", "something", "anything", "nothing",
	"everything", "across", "along", "alongside", "among", "around", "behind", "beyond", "except",
	"inside", "outside", "since", "until", "unlike", "versus", "via",
}

// menPlural is the plural of a word ending in "man" ("women"), which
// WordNet forms by rule and lists nowhere; "" for other words.
func menPlural(word string) string {
	if base, ok := strings.CutSuffix(word, "man"); ok {
		return base + "men"
	}
	return ""
}

// writeEnglish writes the stems of the single words WordNet knows, one a
// line, sorted: its lemmas and their irregular forms ("women", "shown"),
// so that a word of English can be told from a typo.
func writeEnglish(dict, out string, an analysis.Analyzer) (int, error) {
	set := map[string]bool{}
	for _, name := range []string{"index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc"} {
		f, err := os.Open(filepath.Join(dict, name))
		if err != nil {
			return 0, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			word, _, _ := strings.Cut(sc.Text(), " ")
			if word == "" || strings.Trim(word, "abcdefghijklmnopqrstuvwxyz") != "" {
				continue // the licence header, words of several parts, numbers
			}
			for _, w := range []string{word, menPlural(word)} {
				if s := stem(an, w); s != "" {
					set[s] = true
				}
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
	}
	for _, w := range functionWords {
		if s := stem(an, w); s != "" {
			set[s] = true
		}
	}
	stems := make([]string, 0, len(set))
	for s := range set {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	return len(stems), os.WriteFile(out, []byte(strings.Join(stems, "\n")+"\n"), 0o644)
}

// synset is one WordNet synset: its words and derivation pointers.
type synset struct {
	words []string
	deriv []pointer
}

// pointer is a lexical pointer from one word of a synset (source, 1-based)
// to a word of another synset.
type pointer struct {
	source int
	pos    byte
	offset string
	target int
}

// readData reads a data.POS file into synsets by offset.
func readData(path string) (map[string]synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]synset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		fields := strings.Fields(strings.SplitN(line, "|", 2)[0])
		if len(fields) < 4 {
			continue
		}
		n, err := strconv.ParseInt(fields[3], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("%s: word count %q: %w", path, fields[3], err)
		}
		var s synset
		i := 4
		for range n {
			s.words = append(s.words, strings.ToLower(fields[i]))
			i += 2
		}
		if i >= len(fields) {
			return nil, errors.New(path + ": truncated line")
		}
		p, _ := strconv.Atoi(fields[i])
		i++
		for range p {
			if i+3 >= len(fields) {
				break
			}
			sym, off, pos, st := fields[i], fields[i+1], fields[i+2], fields[i+3]
			i += 4
			if sym != "+" || len(st) != 4 {
				continue
			}
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			s.deriv = append(s.deriv, pointer{source: int(src), pos: pos[0], offset: off, target: int(dst)})
		}
		out[fields[0]] = s
	}
	return out, sc.Err()
}

// readIndex reads an index.POS file and relates each word to the words of
// its most frequent senses and their derived forms.
func readIndex(path string, own map[string]synset, data map[byte]map[string]synset, an analysis.Analyzer, related map[string]map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 || strings.ContainsAny(fields[0], "_-.'0123456789") {
			continue
		}
		lemma := fields[0]
		synsets, _ := strconv.Atoi(fields[2])
		ptrs, _ := strconv.Atoi(fields[3])
		offsets := fields[4+ptrs+2:]
		if len(offsets) > synsets {
			offsets = offsets[:synsets]
		}
		key := stem(an, lemma)
		if key == "" {
			continue
		}
		for _, off := range offsets[:min(len(offsets), senses)] {
			s, ok := own[off]
			if !ok {
				continue
			}
			me := 0
			for i, w := range s.words {
				if strings.SplitN(w, "(", 2)[0] == lemma {
					me = i + 1
				}
				relate(an, related, key, w)
			}
			for _, p := range s.deriv {
				if p.source != me && p.source != 0 {
					continue
				}
				if t, ok := data[p.pos][p.offset]; ok && p.target >= 1 && p.target <= len(t.words) {
					relate(an, related, key, t.words[p.target-1])
				}
			}
		}
	}
	return sc.Err()
}

// relate adds word's stem to key's related stems.
func relate(an analysis.Analyzer, related map[string]map[string]bool, key, word string) {
	word = strings.SplitN(word, "(", 2)[0] // adjective markers: "big(a)"
	if strings.ContainsAny(word, "_-.'0123456789") {
		return
	}
	s := stem(an, word)
	if s == "" || s == key {
		return
	}
	if related[key] == nil {
		related[key] = map[string]bool{}
	}
	related[key][s] = true
}

func stem(an analysis.Analyzer, word string) string {
	ts := an.Analyze([]byte(word))
	if len(ts) != 1 {
		return ""
	}
	return string(ts[0].Term)
}
