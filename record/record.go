// Package record is what Lectern keeps of what readers ask and what they
// think of the answers: each question, the answer given (its file and
// lines), how many answers were found, 👍/👎 ratings, and the reports
// an owner reads. User IDs are kept only as a salted hash. The stores
// that keep it are in its subpackages (record/sqlite); a front end that
// records depends on this package's types alone.
//
// Recording never stops the bot: a store that fails makes Asked and
// Rated return an error, which the caller logs.
package record

import (
	"errors"
	"time"
)

// Question is one question a reader asked.
type Question struct {
	At      time.Time
	User    string // Discord user ID; stored only as a salted hash
	Command string // ask, quote, find
	Query   string
	// Source, Start and End say where the first answer stands; Source is
	// "" when nothing was found.
	Source     string
	Start, End int
	Results    int
	Took       time.Duration
}

// ErrUnknownQuestion means a rating names a question the record does not
// hold (recorded by another replica, or before the database was reset).
var ErrUnknownQuestion = errors.New("record: no such question")
