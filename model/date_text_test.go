package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// String writes dates digit by digit; it must agree with the %04d-%02d-%02d
// it replaced for every date, valid or not, and round-trip through JSON
// text for valid ones.
func TestDateStringMatchesPrintf(t *testing.T) {
	dates := []Date{{}, {Year: 0, Month: 1, Day: 1}, {Year: 9999, Month: 12, Day: 31}, {Year: 10000, Month: 1, Day: 1},
		{Year: -1, Month: 1, Day: 1}, {Year: 2026, Month: 13, Day: 1}, {Year: 2026, Month: 0, Day: 5}, {Year: 2026, Month: 2, Day: 0},
		{Year: 2026, Month: 2, Day: 100}, {Year: 2026, Month: 2, Day: -3}}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		dates = append(dates, Date{Year: r.IntN(12000) - 1000, Month: time.Month(r.IntN(15) - 1), Day: r.IntN(120) - 10})
	}
	for _, d := range dates {
		want := ""
		if !d.IsZero() {
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		}
		assert.Equal(t, want, d.String(), "%#v", d)
		text, err := d.MarshalText()
		assert.NoError(t, err)
		assert.Equal(t, want, string(text))
		appended, err := d.AppendText([]byte("x"))
		assert.NoError(t, err)
		assert.Equal(t, "x"+want, string(appended))
		if d.IsValid() && d.Year >= 1 && d.Year <= 9999 {
			var back Date
			assert.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, d, back)
		}
	}
}

// dateTexts seed FuzzParseDate: dates valid and not, near every check
// time.Parse(time.DateOnly) makes.
var dateTexts = []string{"2026-01-05", "0000-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29",
	"2026-04-31", "2026-04-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-05", "2026-01-5", "26-01-05",
	"+026-01-05", "-026-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05", "2026-01-05T00:00:00Z", "", "2026-0a-05", "２０２６-01-05"}

// FuzzParseDate holds ParseDate and UnmarshalText to time.Parse with
// time.DateOnly, which they replaced.
func FuzzParseDate(f *testing.F) {
	for _, s := range dateTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, terr := time.Parse(time.DateOnly, s)
		d, err := ParseDate(s)
		var u Date
		uerr := u.UnmarshalText([]byte(s))
		if terr != nil {
			assert.Error(t, err, "%q", s)
			if s != "" {
				assert.Error(t, uerr, "%q", s)
			}
			return
		}
		want := DateOf(tm)
		assert.NoError(t, err, "%q", s)
		assert.Equal(t, want, d, "%q", s)
		assert.NoError(t, uerr, "%q", s)
		assert.Equal(t, want, u, "%q", s)
	})
}

func TestParseDateEveryDay(t *testing.T) {
	for d := NewDate(1895, 1, 1); d.Year < 2105; d = d.AddDays(1) {
		got, err := ParseDate(d.String())
		assert.NoError(t, err)
		assert.Equal(t, d, got)
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		b := []byte(fmt.Sprintf("%04d-%02d-%02d", r.IntN(10000), r.IntN(14), r.IntN(33)))
		if r.IntN(4) == 0 {
			b[r.IntN(len(b))] = "0-9 a/+"[r.IntN(7)]
		}
		tm, terr := time.Parse(time.DateOnly, string(b))
		d, err := ParseDate(string(b))
		if assert.Equal(t, terr == nil, err == nil, "%q", b) && terr == nil {
			assert.Equal(t, DateOf(tm), d, "%q", b)
		}
	}
}

// TestDateCompareMatchesTime holds Compare's field-by-field path to the
// comparison of the instants, for real days and for dates that
// time.Date normalises (31 April, month 13, day 0, the zero date).
func TestDateCompareMatchesTime(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	some := func() Date {
		if r.IntN(3) == 0 {
			return Date{Year: 1990 + r.IntN(3), Month: time.Month(r.IntN(15) - 1), Day: r.IntN(34) - 1}
		}
		return NewDate(1990+r.IntN(3), 1, 1).AddDays(r.IntN(3 * 366))
	}
	for range 100000 {
		d, e := some(), some()
		assert.Equal(t, d.utc().Compare(e.utc()), d.Compare(e), "%#v %#v", d, e)
	}
	assert.Equal(t, 0, Date{2026, 4, 31}.Compare(Date{2026, 5, 1}))
	assert.Equal(t, -1, Date{}.Compare(Date{1, 1, 1}))
}
