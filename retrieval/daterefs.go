package retrieval

import (
	"regexp"
	"strconv"
	"strings"
)

// Dates name parts too: a diary's entry ("APRIL 11.—"), a dated address
// ("May 26, 1940"), a letter's head ("14 August 1666"). A date is read as
// its month, and its day and year where given beside the month, so "on
// April 11" points to the entry titled "April 11" and "in May 1940" to the
// address titled "May 26, 1940". A month alone is not read: "may" and
// "march" are words.

const (
	dateMonth = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`
	dateDay   = `([12]?\d|3[01])(?:st|nd|rd|th|d)?\b`
	dateYear  = `(1\d{3}|20\d{2})\b`
)

var (
	// monthFirst is "April 11", "October 22,1933", "May 26, 1940" and
	// "May 1940".
	monthFirst = regexp.MustCompile(`(?i)\b` + dateMonth + `\s+(?:` + dateDay + `(?:,?\s*` + dateYear + `)?|` + dateYear + `)`)
	// dayFirst is "14 August 1666" and "the 3rd of April".
	dayFirst = regexp.MustCompile(`(?i)\b` + dateDay + `\s+(?:of\s+)?` + dateMonth + `(?:,?\s*` + dateYear + `)?`)
	// onTheDay is a day with no month: "on the 14th".
	onTheDay = regexp.MustCompile(`(?i)\bon\s+the\s+([12]?\d|3[01])(?:st|nd|rd|th)\b`)
	// inTheYear is a year with no month in a question: "in 1933". Titles
	// are not read for it (a title's year counts beside its month), so it
	// finds dated entries and addresses only, not "BOOK ONE: 1805" or an
	// interviewer's "What happened in 1917?".
	inTheYear = regexp.MustCompile(`(?i)\b(?:in|during)\s+` + dateYear)
)

// monthNumbers gives each month's number by the first three letters of its
// name.
var monthNumbers = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// dated reports whether r is a date dateRefs found ("April 11", "1933"),
// not a numbered part.
func (r sectionRef) dated() bool { return r.kind == "day" || r.kind == "month" || r.kind == "year" }

// dateRefs finds the dates text names, as parts ("month" 4 and "day" 11
// for April 11), and the text without them.
func dateRefs(text string) ([]sectionRef, string) {
	var refs []sectionRef
	take := func(month, day, year string) {
		refs = append(refs, sectionRef{"month", monthNumbers[strings.ToLower(month)[:3]]})
		if n, err := strconv.Atoi(day); err == nil {
			refs = append(refs, sectionRef{"day", n})
		}
		if n, err := strconv.Atoi(year); err == nil {
			refs = append(refs, sectionRef{"year", n})
		}
	}
	rest := dayFirst.ReplaceAllStringFunc(text, func(m string) string {
		sub := dayFirst.FindStringSubmatch(m)
		if strings.TrimSuffix(sub[2], ".") == "may" || sub[2] == "march" {
			return m // "the 12 may vote"
		}
		take(sub[2], sub[1], sub[3])
		return " "
	})
	rest = monthFirst.ReplaceAllStringFunc(rest, func(m string) string {
		sub := monthFirst.FindStringSubmatch(m)
		year := sub[3]
		if year == "" {
			year = sub[4]
		}
		take(sub[1], sub[2], year)
		return " "
	})
	rest = onTheDay.ReplaceAllStringFunc(rest, func(m string) string {
		n, _ := strconv.Atoi(onTheDay.FindStringSubmatch(m)[1])
		refs = append(refs, sectionRef{"day", n})
		return " "
	})
	return refs, rest
}

// questionRefs are the parts a question names (sectionRefs), and a year
// it names alone ("in 1933"), with the question without them.
func questionRefs(text string) ([]sectionRef, string) {
	refs, rest := sectionRefs(text)
	rest = inTheYear.ReplaceAllStringFunc(rest, func(m string) string {
		n, _ := strconv.Atoi(inTheYear.FindStringSubmatch(m)[1])
		refs = append(refs, sectionRef{"year", n})
		return " "
	})
	return refs, strings.Join(strings.Fields(rest), " ")
}
