package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lectern-bot/lectern/bot/discordtest"
	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/retrieval"
)

func choiceNames(r *discordtest.Response) []string {
	var out []string
	for _, c := range r.Data.Choices {
		out = append(out, c.Name)
	}
	return out
}

func TestAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	tests := []struct {
		name    string
		command string
		option  discordtest.Option
		check   func(t *testing.T, names []string)
	}{
		{"a partial last word is completed", "quote", discordtest.String("phrase", "kronst"), func(t *testing.T, names []string) {
			if !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "Kronstadt") }) {
				t.Errorf("kronst offers %q, want Kronstadt", names)
			}
		}},
		{"quotations come first", "quote", discordtest.String("phrase", "peace of sh"), func(t *testing.T, names []string) {
			if len(names) == 0 || !strings.Contains(names[0], "peace of shame") {
				t.Errorf("peace of sh offers %q, want the quotation first", names)
			}
		}},
		{"nothing typed offers quotations", "quote", discordtest.String("phrase", ""), func(t *testing.T, names []string) {
			if len(names) == 0 {
				t.Error("no choices for an empty phrase")
			}
		}},
		{"no near-duplicates", "quote", discordtest.String("phrase", "the"), func(t *testing.T, names []string) {
			seen := map[string]bool{}
			for _, n := range names {
				k := dedupeKey(n)
				if seen[k] {
					t.Errorf("%q offered twice", n)
				}
				seen[k] = true
			}
		}},
		{"section titles", "section", discordtest.String("section", "decisive"), func(t *testing.T, names []string) {
			if len(names) != 1 || !strings.Contains(names[0], "decisive moments") {
				t.Errorf("decisive offers %q", names)
			}
		}},
		{"a section number", "section", discordtest.String("section", "4"), func(t *testing.T, names []string) {
			if len(names) == 0 || !strings.HasPrefix(names[0], "§4 ") {
				t.Errorf("4 offers %q, want §4 first", names)
			}
		}},
		{"gibberish offers nothing", "quote", discordtest.String("phrase", "qqqqzzz"), func(t *testing.T, names []string) {
			if len(names) != 0 {
				t.Errorf("qqqqzzz offers %q", names)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := response(t)(h.fake.Autocomplete(alice, tt.command, discordtest.Focused(tt.option)))
			if r.Type != 8 {
				t.Fatalf("response type %d, want 8", r.Type)
			}
			tt.check(t, choiceNames(r))
		})
	}
}

// folder indexes a folder of n small texts, each with three sections.
func folder(t testing.TB, n int) *retrieval.Index {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Text Number %d\n\n", i+1)
		for s := 1; s <= 3; s++ {
			fmt.Fprintf(&b, "CHAPTER %d\n\nThis is chapter %d of text %d. It tells of the river and the mill in part %d.\n\n", s, s, i+1, s)
		}
		files[fmt.Sprintf("text-%02d.txt", i+1)] = b.String()
	}
	_, ix := testindex.Folder(t, files)
	return ix
}

// TestSectionInAFolderOfTwelve picks a section of the twelfth file by
// autocomplete and shows it: the value names the file and the section,
// whatever their numbers.
func TestSectionInAFolderOfTwelve(t *testing.T) {
	t.Parallel()
	ix := folder(t, 12)
	h := start(t, setup{search: ix})
	r := response(t)(h.fake.Autocomplete(alice, "section", discordtest.Focused(discordtest.String("section", "text-12 chapter 2"))))
	if len(r.Data.Choices) == 0 {
		t.Fatal("no choice for the twelfth file")
	}
	value, ok := r.Data.Choices[0].Value.(string)
	if !ok {
		t.Fatalf("choice value %v (%T), want a string", r.Data.Choices[0].Value, r.Data.Choices[0].Value)
	}
	m := answer(t)(h.fake.Command(alice, "section", discordtest.String("section", value)))
	if len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Footer.Text, "text-12.txt") || !strings.Contains(m.Embeds[0].Description, "chapter 2 of text 12") {
		t.Errorf("section %q shows %+v", value, m)
	}
	lines := answer(t)(h.fake.Command(alice, "lines", discordtest.String("at", "5"), discordtest.String("text", "text-11")))
	if len(lines.Embeds) == 0 || !strings.Contains(lines.Embeds[0].Footer.Text, "text-11.txt") {
		t.Errorf("/lines in text-11 shows %+v", lines)
	}
}

// TestAutocompleteBurst sends 300 autocompletes at once while a reader
// asks a question: every autocomplete is answered within Discord's 3 s
// and the question is not held up.
// TestAutocompleteWhileTablesAreBuilt checks a text just opened, whose
// autocomplete tables are still being built: autocomplete offers
// nothing rather than wait, and offers choices once they are built.
func TestAutocompleteWhileTablesAreBuilt(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	search := h.bot.searcher()
	pending := &completer{search: search, ready: make(chan struct{}), busy: make(chan struct{}, 8)}
	h.bot.lib.Store(&library{search: search, complete: pending})
	choices := func() []string {
		t.Helper()
		ac, err := h.fake.Autocomplete(alice, "quote", discordtest.Focused(discordtest.String("phrase", "peace of sh")))
		if err != nil {
			t.Fatal(err)
		}
		r, err := ac.Response(waitCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		return choiceNames(r)
	}
	if got := choices(); len(got) != 0 {
		t.Errorf("while the tables are built: got %q, want no choices", got)
	}
	pending.build(search.Corpus())
	close(pending.ready)
	if got := choices(); len(got) == 0 || !strings.Contains(got[0], "peace of shame") {
		t.Errorf("once they are built: got %q, want the quotation first", got)
	}
}

func TestAutocompleteBurst(t *testing.T) {
	if testing.Short() {
		t.Skip("a burst of 300 interactions")
	}
	t.Parallel()
	h := start(t, setup{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	late := 0
	typed := "the revolution of the soviets and the peasants"
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, err := h.fake.Autocomplete(alice, "quote", discordtest.Focused(discordtest.String("phrase", typed[:1+i%len(typed)])))
			if err != nil {
				t.Error(err)
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			if _, err := in.Response(ctx); err != nil {
				mu.Lock()
				late++
				mu.Unlock()
			}
		}()
	}
	asked := time.Now()
	in, err := h.fake.Command(bob, "ask", discordtest.String("question", "Why did Lenin want peace?"))
	if err != nil {
		t.Fatal(err)
	}
	response(t)(in, nil)
	took := time.Since(asked)
	wg.Wait()
	if late > 0 {
		t.Errorf("%d of 300 autocompletes not answered within 3 s", late)
	}
	if took > time.Second {
		t.Errorf("a question during the burst took %s", took)
	}
}

// TestNoLeakPerInteraction sends 50,000 interactions (autocompletes: the
// commonest) and bounds how much live heap they leave behind: nothing is
// kept per interaction token.
func TestNoLeakPerInteraction(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 interactions")
	}
	h := start(t, setup{})
	send := func(n int) {
		var wg sync.WaitGroup
		work := make(chan int)
		for range 32 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range work {
					in, err := h.fake.Autocomplete(alice, "quote", discordtest.Focused(discordtest.String("phrase", "peace"[:1+i%5])))
					if err != nil {
						t.Error(err)
						return
					}
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					_, err = in.Response(ctx)
					cancel()
					if err != nil {
						t.Error(err)
						return
					}
					in.Forget()
				}
			}()
		}
		for i := range n {
			work <- i
		}
		close(work)
		wg.Wait()
	}
	heap := func() uint64 {
		time.Sleep(100 * time.Millisecond) // idle connections and goroutines settle
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	send(2000) // warm up: connection pools, caches
	before := heap()
	send(50000)
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("live heap %d KB before, %d KB after 50,000 interactions (%+d KB)", before>>10, after>>10, growth>>10)
	if growth > 4<<20 {
		t.Errorf("live heap grew %d KB over 50,000 interactions; something is kept per interaction", growth>>10)
	}
}

// TestEmbedsStayWithinTheirTotal: a file deep in a folder (a path of
// about 1,450 characters), a 300-character heading and a sentence of
// 5,000 characters each fit their own limits in an embed, but not
// together; Discord would refuse the Context embed of such an answer.
func TestEmbedsStayWithinTheirTotal(t *testing.T) {
	t.Parallel()
	dir := ""
	for i := range 6 {
		dir += strings.Repeat(string(rune('a'+i)), 240) + "/"
	}
	heading := "# The " + strings.Repeat("long ", 60) + "heading"
	sentence := "The zanzibar ledger " + strings.Repeat("records one more barrel of cloves, ", 140) + "and ends."
	_, ix := testindex.Folder(t, map[string]string{dir + "t.md": heading + "\n\n" + sentence + "\n\nA short second paragraph follows it.\n"})
	h := start(t, setup{search: ix})
	q := "What does the zanzibar ledger record " + strings.Repeat("about the barrels ", 11) + "?"
	m := answer(t)(h.fake.Command(alice, "ask", discordtest.String("question", q)))
	ctx := answer(t)(h.fake.Click(alice, m, buttonID(t, m, "Context")))
	if len(ctx.Embeds) != 1 || !strings.Contains(ctx.Embeds[0].Description, "zanzibar") {
		t.Fatalf("context %+v", ctx)
	}
	e := ctx.Embeds[0]
	total := utf8.RuneCountInString(e.Title + e.Description + e.Author.Name + e.Footer.Text)
	if total > maxEmbeds || utf8.RuneCountInString(e.Footer.Text) < 1400 {
		t.Errorf("context embed of %d characters, footer %d; want the long path cited and at most %d in all", total, utf8.RuneCountInString(e.Footer.Text), maxEmbeds)
	}
}
