package model

import (
	"fmt"
	"time"
)

// Date is a civil date — a day in the calendar with no time of day and no
// time zone — such as a workshop day or the start of a round. Its text and
// JSON form is "2006-01-02". The zero value is unset ([Date.IsZero]);
// it marshals as "".
//
// Date is comparable with == and safe for concurrent use.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalised as time.Date normalises
// (31 April becomes 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses "2006-01-02". It returns a [*DateError] for anything else,
// including dates that do not exist (2025-02-29).
func ParseDate(s string) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return Date{}, &DateError{Value: s}
	}
	return d, nil
}

// parseDate reads "2006-01-02" as time.Parse(time.DateOnly, s) does —
// exactly four digits of year, two of month (01–12) and two of day, a day
// the month has — without its allocations and layout scanning: a chart's
// input has a date per observation, and time.Parse was a seventh of
// decoding one in js/wasm. The differential test holds it to time.Parse.
func parseDate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := 0
	for i := range len(s) {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return Date{}, false
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, time.Month(n/100%100), n%100
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// daysIn returns the number of days of month m in year y (proleptic
// Gregorian).
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a real calendar day.
func (d Date) IsValid() bool { return !d.IsZero() && NewDate(d.Year, d.Month, d.Day) == d }

// In returns the instant d begins in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return d.In(time.UTC) }

// AddDays returns the date n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n)) }

// AddMonths returns the date n calendar months after d, normalised as
// time.Time.AddDate normalises.
func (d Date) AddMonths(n int) Date { return DateOf(d.utc().AddDate(0, n, 0)) }

// DaysSince returns the number of days from e to d: positive when d is later.
func (d Date) DaysSince(e Date) int {
	// Unix seconds, unlike time.Duration, do not saturate across centuries.
	return int((d.utc().Unix() - e.utc().Unix()) / 86400)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	if d.isDay() && e.isDay() {
		// Real calendar days compare field by field, without the two
		// time.Date calls that charts made for every pair of periods.
		switch {
		case d.Year != e.Year:
			return cmpInt(d.Year, e.Year)
		case d.Month != e.Month:
			return cmpInt(int(d.Month), int(e.Month))
		}
		return cmpInt(d.Day, e.Day)
	}
	return d.utc().Compare(e.utc()) // normalised as time.Date normalises
}

// isDay reports whether d is a day of the calendar as written, with no
// normalising: a month of 1–12 and a day that month has.
func (d Date) isDay() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.Month, d.Year)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns "2006-01-02", or "" for the zero date.
func (d Date) String() string { return string(d.appendText(nil)) }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return d.appendText(nil), nil }

// AppendText implements encoding.TextAppender: it appends d as
// [Date.MarshalText] writes it to b. It never fails.
func (d Date) AppendText(b []byte) ([]byte, error) { return d.appendText(b), nil }

// appendText appends d as String formats it. Charts and worksheets
// marshal a date per observation, and fmt was most of that time in wasm,
// so the usual four-digit year is written digit by digit.
func (d Date) appendText(b []byte) []byte {
	switch {
	case d.IsZero():
		return b
	case d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99:
		return fmt.Appendf(b, "%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	y, m := d.Year, int(d.Month)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// UnmarshalText implements encoding.TextUnmarshaler; "" is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, ok := parseDate(string(b)) // no copy: the string does not escape
	if !ok {
		return &DateError{Value: string(b)}
	}
	*d = v
	return nil
}

// Period is a span of whole days, Start to End, both included. The zero
// value is unset.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
}

// IsZero reports whether p is unset.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// Days returns the number of days in p, both ends included; 0 when End is
// before Start.
func (p Period) Days() int {
	n := p.End.DaysSince(p.Start) + 1
	return max(n, 0)
}

// Contains reports whether d falls within p.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool { return !p.End.Before(q.Start) && !q.End.Before(p.Start) }
