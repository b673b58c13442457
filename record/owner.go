package record

import (
	"hash/fnv"
	"strings"
	"time"
)

// Day is one day of the record, in UTC, for the owner's overview.
type Day struct {
	Date      time.Time      // midnight UTC
	ByCommand map[string]int // questions by command (ask, quote, find)
	Nothing   int            // questions that found nothing
	Up, Down  int            // ratings given that day
	// P50 and P95 are the answer times of the day's questions.
	P50, P95 time.Duration
}

// Questions is how many questions were asked that day.
func (d Day) Questions() int {
	n := 0
	for _, c := range d.ByCommand {
		n += c
	}
	return n
}

// Overview is the record over a period: one Day for each day of it,
// oldest first, and the questions most asked in it.
type Overview struct {
	Since, Until time.Time
	Days         []Day
	MostAsked    []Asked
}

// Review is a question that found nothing or that a reader marked 👎,
// for the owner to mark where the text answers it.
type Review struct {
	ID      int64
	At      time.Time
	Command string
	Query   string
	// Source, Start and End are what was answered ("" when nothing was
	// found).
	Source     string
	Start, End int
	Down       int   // 👎 ratings
	Mark       *Mark // the owner's mark, nil when not marked yet
}

// Mark is the owner's answer to a question: the lines of a file that
// answer it, or NotInText.
type Mark struct {
	QuestionID int64
	Query      string // filled in when marks are read
	Source     string
	Start, End int
	NotInText  bool
	At         time.Time
}

// Run is one evaluation of the owner's marked questions.
type Run struct {
	ID        int64
	At        time.Time
	Version   string // Lectern's version that answered
	Questions int    // marked with lines (questions not in the text are not scored)
	HitAt1    float64
	HitAt3    float64
	MRR       float64
	Misses    []string // the questions whose first quote missed
}

// DayLength is a UTC day, the unit of the overview; stores count days
// as Unix milliseconds divided by it.
const DayLength = 24 * time.Hour

// NewOverview is an overview of the whole UTC days from since's to
// until's, each day empty; Until is the last millisecond of the last.
func NewOverview(since, until time.Time) *Overview {
	since = since.UTC().Truncate(DayLength)
	until = until.UTC().Truncate(DayLength).Add(DayLength - time.Millisecond)
	o := &Overview{Since: since, Until: until}
	for t := since; t.Before(until); t = t.Add(DayLength) {
		o.Days = append(o.Days, Day{Date: t, ByCommand: map[string]int{}})
	}
	return o
}

// Day is the day of the overview holding t, nil when t is outside it.
func (o *Overview) Day(t time.Time) *Day {
	if t.Before(o.Since) || t.After(o.Until) {
		return nil
	}
	return &o.Days[int(t.Sub(o.Since)/DayLength)]
}

// QueryKey groups questions that differ only in case and surrounding
// space: 63 bits of the FNV-1a hash of the question so cleaned.
func QueryKey(q string) int64 {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(q))))
	return int64(h.Sum64() >> 1)
}
