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
