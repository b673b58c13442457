// Package recordtest holds the tests every store of the record passes
// (record/sqlite, record/postgres): what the bot, the report and the
// owner's pages rely on, whatever keeps it.
package recordtest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/record"
)

// Store is a store of the record.
type Store interface {
	Asked(ctx context.Context, q record.Question) (int64, error)
	Rated(ctx context.Context, id int64, user string, helpful bool) error
	Report(ctx context.Context, limit int) (*record.Report, error)
	Overview(ctx context.Context, since, until time.Time, limit int) (*record.Overview, error)
	Reviews(ctx context.Context, limit int) ([]record.Review, error)
	SetMark(ctx context.Context, m record.Mark) error
	Marks(ctx context.Context) ([]record.Mark, error)
	AddRun(ctx context.Context, r record.Run) (int64, error)
	Runs(ctx context.Context) ([]record.Run, error)
}

// Run runs the contract on stores that open makes, a new empty one for
// each test.
func Run(t *testing.T, open func(t *testing.T) Store) {
	for _, tt := range []struct {
		name string
		test func(t *testing.T, s Store)
	}{
		{"ratings and the report", ratingsAndReport},
		{"overview counts days", overviewCountsDays},
		{"reviews, marks and runs", marksAndRuns},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open(t)) })
	}
}

// Question is a question asked now by one reader.
func Question(q string) record.Question {
	return record.Question{At: time.Now(), User: "123456789012345678", Command: "ask", Query: q, Source: "interview.txt", Start: 1, End: 2, Results: 3}
}

func ratingsAndReport(t *testing.T, s Store) {
	ctx := context.Background()
	id, err := s.Asked(ctx, Question("Why did Lenin want peace?"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Asked(ctx, Question("  why did lenin want PEACE?")); err != nil {
		t.Fatal(err)
	}
	nothing := Question("Who won the 1954 World Cup?")
	nothing.Source, nothing.Results = "", 0
	if _, err := s.Asked(ctx, nothing); err != nil {
		t.Fatal(err)
	}
	for _, helpful := range []bool{true, false} { // changed their mind
		if err := s.Rated(ctx, id, "999", helpful); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Rated(ctx, id+100, "999", true); !errors.Is(err, record.ErrUnknownQuestion) {
		t.Errorf("rating an unknown question: %v, want ErrUnknownQuestion", err)
	}
	rep, err := s.Report(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 3 || len(rep.MostAsked) != 2 || rep.MostAsked[0].Times != 2 {
		t.Errorf("report %+v: want 3 questions, the two forms of Lenin's together", rep)
	}
	if len(rep.MarkedDown) != 1 || rep.MarkedDown[0].Down != 1 || rep.MarkedDown[0].Up != 0 {
		t.Errorf("marked down %+v: want one 👎, the 👍 replaced", rep.MarkedDown)
	}
	if len(rep.NothingFound) != 1 || rep.NothingFound[0].Query != nothing.Query {
		t.Errorf("found nothing %+v", rep.NothingFound)
	}
}

func overviewCountsDays(t *testing.T, s Store) {
	ctx := context.Background()
	today := time.Now().UTC().Truncate(24 * time.Hour).Add(12 * time.Hour)
	for i, q := range []struct {
		daysAgo int
		command string
		results int
		took    time.Duration
	}{
		{0, "ask", 3, 10 * time.Millisecond}, {0, "ask", 0, 30 * time.Millisecond}, {0, "quote", 3, 1000 * time.Millisecond},
		{2, "ask", 3, 20 * time.Millisecond}, {40, "ask", 3, 20 * time.Millisecond},
	} {
		qq := Question(fmt.Sprint("question ", i%2))
		qq.At, qq.Command, qq.Results, qq.Took = today.AddDate(0, 0, -q.daysAgo), q.command, q.results, q.took
		if _, err := s.Asked(ctx, qq); err != nil {
			t.Fatal(err)
		}
	}
	o, err := s.Overview(ctx, today.AddDate(0, 0, -6), today, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Days) != 7 {
		t.Fatalf("got %d days, want 7", len(o.Days))
	}
	last := o.Days[6]
	if last.Questions() != 3 || last.ByCommand["quote"] != 1 || last.Nothing != 1 || last.P50 != 30*time.Millisecond || last.P95 != time.Second {
		t.Errorf("today: %+v, want 3 questions (1 quote), 1 found nothing, p50 30ms, p95 1s", last)
	}
	if got := o.Days[4].Questions(); got != 1 {
		t.Errorf("two days ago: %d questions, want 1", got)
	}
	total := 0
	for _, a := range o.MostAsked {
		total += a.Times
	}
	if total != 4 {
		t.Errorf("most asked count %d questions in the week, want 4 (the one 40 days ago is outside)", total)
	}
}

func marksAndRuns(t *testing.T, s Store) {
	ctx := context.Background()
	id, err := s.Asked(ctx, Question("What was War Communism?"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Rated(ctx, id, "7", false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMark(ctx, record.Mark{QuestionID: id + 100, NotInText: true, At: time.Now()}); !errors.Is(err, record.ErrUnknownQuestion) {
		t.Errorf("marking an unknown question: %v, want ErrUnknownQuestion", err)
	}
	for _, m := range []record.Mark{{QuestionID: id, NotInText: true}, {QuestionID: id, Source: "interview.txt", Start: 400, End: 402}} {
		m.At = time.Now()
		if err := s.SetMark(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	marks, err := s.Marks(ctx)
	if err != nil || len(marks) != 1 || marks[0].NotInText || marks[0].Start != 400 || marks[0].Query != "What was War Communism?" {
		t.Errorf("marks %+v (%v): want the second mark replacing the first", marks, err)
	}
	reviews, err := s.Reviews(ctx, 10)
	if err != nil || len(reviews) != 1 || reviews[0].Down != 1 || reviews[0].Mark == nil || reviews[0].Mark.Start != 400 {
		t.Errorf("reviews %+v (%v): want the 👎 question with its mark", reviews, err)
	}
	run := record.Run{At: time.Now(), Version: "v1", Questions: 1, HitAt1: 1, HitAt3: 1, MRR: 1, Misses: []string{"a", "b"}}
	if _, err := s.AddRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(ctx)
	if err != nil || len(runs) != 1 || runs[0].Version != "v1" || len(runs[0].Misses) != 2 {
		t.Errorf("runs %+v (%v)", runs, err)
	}
}
