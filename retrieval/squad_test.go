package retrieval

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/internal/testsupport"
)

// squadArticle is one SQuAD article laid out as ../shared/data/README.md
// says: its title, a blank line, then its paragraphs separated by blank
// lines.
type squadArticle struct {
	Title     string
	Text      []byte
	Questions []squadQuestion
}

type squadQuestion struct {
	Text    string
	Answers []string
}

// loadSQuAD reads the SQuAD v1.1 file at path.
func loadSQuAD(t testing.TB, path string) []squadArticle {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Data []struct {
			Title      string `json:"title"`
			Paragraphs []struct {
				Context string `json:"context"`
				QAs     []struct {
					Question string `json:"question"`
					Answers  []struct {
						Text string `json:"text"`
					} `json:"answers"`
				} `json:"qas"`
			} `json:"paragraphs"`
		} `json:"data"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []squadArticle
	for _, a := range raw.Data {
		title := strings.ReplaceAll(a.Title, "_", " ")
		var b strings.Builder
		b.WriteString(title + "\n")
		art := squadArticle{Title: title}
		for _, p := range a.Paragraphs {
			b.WriteString("\n" + strings.Join(strings.Fields(p.Context), " ") + "\n")
			for _, q := range p.QAs {
				sq := squadQuestion{Text: q.Question}
				for _, ans := range q.Answers {
					sq.Answers = append(sq.Answers, ans.Text)
				}
				art.Questions = append(art.Questions, sq)
			}
		}
		art.Text = []byte(b.String())
		out = append(out, art)
	}
	return out
}

// squadHit is the README's scoring rule: a gold answer string, ignoring
// case and spacing, lies inside the quote.
func squadHit(quote string, answers []string) bool {
	q := squash(quote)
	for _, a := range answers {
		if a := squash(a); a != "" && strings.Contains(q, a) {
			return true
		}
	}
	return false
}

func squash(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(normalize(s))), " ")
}

// squadScore asks every question of the articles and returns the share
// whose first quote holds the answer, and the mean quote length.
func squadScore(t testing.TB, articles []squadArticle, build func(*corpus.Corpus) (*Index, error)) (hit1 float64, meanLen float64) {
	t.Helper()
	n, hits, chars := 0, 0, 0
	for _, a := range articles {
		doc, err := corpus.Parse(a.Title+".txt", a.Text)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := build(&corpus.Corpus{Documents: []*corpus.Document{doc}})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range a.Questions {
			rs, err := ix.Ask(context.Background(), q.Text, 1)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if len(rs) > 0 {
				chars += len([]rune(rs[0].Quote.Text))
				if squadHit(rs[0].Quote.Text, q.Answers) {
					hits++
				}
			}
		}
		ix.Close()
	}
	return float64(hits) / float64(n), float64(chars) / float64(n)
}

func TestSQuAD(t *testing.T) {
	articles := loadSQuAD(t, testsupport.SharedData(t, "squad-v1.1-dev-even.json"))
	hit1, mean := squadScore(t, articles, func(c *corpus.Corpus) (*Index, error) { return NewMemory(context.Background(), c) })
	t.Logf("SQuAD-even: %d articles, quote@1 %.3f, mean quote %.0f characters", len(articles), hit1, mean)
	if hit1 < 0.81 || mean > maxMeanQuote {
		t.Errorf("quote@1 %.3f with quotes of %.0f characters on average; want at least 0.81 and at most %d", hit1, mean, maxMeanQuote)
	}
}
