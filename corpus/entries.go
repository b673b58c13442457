package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// Diaries, journals, logs and letter collections open each entry with its
// date at the start of a paragraph:
//
//	APRIL 3.—Tradesmen called for custom, …
//	APRIL 8, Sunday.—After Church, …
//	Aug. 14th. Up betimes, …
//	14 August 1666. To the office …
//	14th. (Lord's day.) Up …          (the month carried from before)
//
// Each entry starts a section titled by its full date, the month and year
// carried from the entries and headings before it, so that a reader can
// ask what happened on the 14th and a citation names the day. The date
// does not stay in the quote.

var (
	// entryMonthDay opens an entry with a month and a day: "APRIL 3.—",
	// "Aug. 14th.", "April 8, Sunday.—", "May 2, 1943."
	entryMonthDay = regexp.MustCompile(`^(` + monthName + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?:,?\s+(` + weekday + `|Bank\s+Holiday|Lord's\s+[Dd]ay))?(?:\s*\([^)]{1,40}\))?\s*(?:\.?\s*(?:—|--|:)|\.)\s*`)
	// entryDayMonth opens an entry with a day and a month: "14 August
	// 1666.", "3rd October.—".
	entryDayMonth = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthName + `)(?:,?\s+(\d{4}))?\s*(?:\.?\s*(?:—|--|:)|\.)\s*`)
	// entryDay opens an entry with a day alone: "14th.", "Monday, 3rd.—".
	entryDay = regexp.MustCompile(`^(?:(` + weekday + `),?\s+)?(\d{1,2})(?:st|nd|rd|th)\.?\s*(?:\([^)]{1,40}\)\.?)?\s*(?:—|--|\.)\s*`)
	// monthYear finds a month and a year in a heading or a running title:
	// "DIARY OF SAMUEL PEPYS — SEPTEMBER 1666".
	monthYear = regexp.MustCompile(`(` + monthName + `),?\s+(\d{4})\b`)
	yearAlone = regexp.MustCompile(`\b(1[0-9]\d\d)\b`)
)

// weekday is a day of the week, written out or abbreviated.
const weekday = `(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues\.|Wed\.|Thurs\.|Fri\.|Sat\.|Sun\.)`

// minEntries is how many dated paragraphs make a text of entries, and
// entryShare the share of its paragraphs they must be at least (one in
// twenty): a chronicle that dates a few dispatches is no diary.
const (
	minEntries = 5
	entryShare = 20
)

// entryDate is the date that opens an entry: as much as it says.
type entryDate struct {
	month, day, year, weekday string
	skip                      int // bytes of the date at the start of the line
}

// readEntryDate reads the date that opens a paragraph's first line.
func readEntryDate(line string) (entryDate, bool) {
	if m := entryMonthDay.FindStringSubmatch(line); m != nil {
		return entryDate{month: m[1], day: m[2], year: m[3], weekday: m[4], skip: len(m[0])}, true
	}
	if m := entryDayMonth.FindStringSubmatch(line); m != nil {
		return entryDate{day: m[1], month: m[2], year: m[3], skip: len(m[0])}, true
	}
	if m := entryDay.FindStringSubmatch(line); m != nil {
		return entryDate{weekday: m[1], day: m[2], skip: len(m[0])}, true
	}
	return entryDate{}, false
}

// datedEntries makes each dated entry of a diary or journal a section,
// below the chapters and months it stands in. It does nothing to a text
// with fewer than minEntries dated paragraphs whose month is known.
func (p *parser) datedEntries(blocks []*block) []*block {
	if !p.entriesDated(blocks) {
		return blocks
	}
	out := make([]*block, 0, 2*len(blocks))
	var month, year string
	rank := 2
	for _, b := range blocks {
		if b.role == roleHeading {
			rank = max(rank, min(b.head.rank+1, 3))
			if m := monthYear.FindStringSubmatch(b.head.title); m != nil {
				month, year = m[1], m[2]
			} else if y := yearAlone.FindString(b.head.title); y != "" {
				year = y
			}
		}
		d, ok := readEntryDate(p.text[b.first()])
		if b.role != roleBody || b.speaker != "" || !ok || d.month == "" && month == "" {
			out = append(out, b)
			continue
		}
		if d.month != "" {
			month = d.month
		}
		if d.year != "" {
			year = d.year
		}
		title := entryTitle(month, d.day, year, d.weekday)
		out = append(out, &block{lines: []int{b.first()}, role: roleHeading, head: &heading{style: styleDate, rank: rank, title: title, entry: true}})
		b.skip = d.skip
		out = append(out, b)
	}
	return out
}

// entriesDated reports whether the blocks are a text of dated entries:
// at least minEntries paragraphs, and one in entryShare, open with a
// date whose month they name or a heading or entry before them named
// ("JANUARY 1659-1660" over "Jan. 1st …", "2nd. In the morning …").
func (p *parser) entriesDated(blocks []*block) bool {
	dated, body, month := 0, 0, false
	for _, b := range blocks {
		if b.role == roleHeading && monthYear.MatchString(b.head.title) {
			month = true
		}
		if b.role != roleBody || b.speaker != "" {
			continue
		}
		body++
		if d, ok := readEntryDate(p.text[b.first()]); ok && (d.month != "" || month) {
			dated++
			month = true
		}
	}
	return dated >= minEntries && dated*entryShare >= body
}

// entryTitle writes an entry's date: "April 3", "August 14, 1666",
// "April 8, Sunday".
func entryTitle(month, day, year, weekday string) string {
	m := strings.TrimSuffix(month, ".")
	m = strings.ToUpper(m[:1]) + strings.ToLower(m[1:])
	if full, ok := monthNames[strings.ToLower(m)]; ok {
		m = full
	}
	n, _ := strconv.Atoi(day)
	t := m + " " + strconv.Itoa(n)
	if year != "" {
		t += ", " + year
	}
	if weekday != "" {
		t += ", " + strings.TrimSpace(weekday)
	}
	return t
}

// monthNames writes out abbreviated months.
var monthNames = map[string]string{"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
	"aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November", "dec": "December"}
