package valuestream_test

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Helsinki under js/wasm too

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err) // the tables below are constants
	}
	return d
}

// easterCases are Gregorian Easter Sundays from published tables; the
// extremes, 22 March (1818, 2285) and 25 April (1943, 2038), are those the
// University of Helsinki's Almanac Office gives.
var easterCases = []struct {
	year int
	want string
}{
	{1583, "1583-04-10"}, {1818, "1818-03-22"}, {1943, "1943-04-25"}, {2000, "2000-04-23"},
	{2008, "2008-03-23"}, {2011, "2011-04-24"}, {2019, "2019-04-21"}, {2024, "2024-03-31"},
	{2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"}, {2038, "2038-04-25"},
	{2285, "2285-03-22"},
}

func TestEasterSunday(t *testing.T) {
	for _, tc := range easterCases {
		got := valuestream.EasterSunday(tc.year)
		assert.Equal(t, date(tc.want), got, "%d", tc.year)
		assert.Equal(t, time.Sunday, got.Weekday())
	}
	assert.True(t, valuestream.EasterSunday(0).IsZero())
	for y := 1583; y <= 9999; y++ {
		e := valuestream.EasterSunday(y)
		require.Equal(t, time.Sunday, e.Weekday(), "%d", y)
		require.False(t, e.Before(model.NewDate(y, time.March, 22)) || e.After(model.NewDate(y, time.April, 25)), "%d: %s", y, e)
	}
}

// holidayCases are the movable Finnish holidays of several years, from the
// calendar of the University of Helsinki's Almanac Office.
var holidayCases = []struct {
	year int
	want map[string]string // name → date
}{
	{2020, map[string]string{"pitkäperjantai": "2020-04-10", "helatorstai": "2020-05-21", "helluntaipäivä": "2020-05-31",
		"juhannusaatto": "2020-06-19", "juhannuspäivä": "2020-06-20", "pyhäinpäivä": "2020-10-31"}},
	{2021, map[string]string{"pääsiäispäivä": "2021-04-04", "juhannuspäivä": "2021-06-26", "pyhäinpäivä": "2021-11-06"}},
	{2024, map[string]string{"pitkäperjantai": "2024-03-29", "pääsiäispäivä": "2024-03-31", "2. pääsiäispäivä": "2024-04-01",
		"helatorstai": "2024-05-09", "helluntaipäivä": "2024-05-19", "juhannusaatto": "2024-06-21", "juhannuspäivä": "2024-06-22",
		"pyhäinpäivä": "2024-11-02"}},
	{2025, map[string]string{"pitkäperjantai": "2025-04-18", "pääsiäispäivä": "2025-04-20", "2. pääsiäispäivä": "2025-04-21",
		"helatorstai": "2025-05-29", "helluntaipäivä": "2025-06-08", "juhannusaatto": "2025-06-20", "juhannuspäivä": "2025-06-21",
		"pyhäinpäivä": "2025-11-01"}},
	{2026, map[string]string{"pitkäperjantai": "2026-04-03", "pääsiäispäivä": "2026-04-05", "2. pääsiäispäivä": "2026-04-06",
		"helatorstai": "2026-05-14", "helluntaipäivä": "2026-05-24", "juhannusaatto": "2026-06-19", "juhannuspäivä": "2026-06-20",
		"pyhäinpäivä": "2026-10-31"}},
}

func TestFinnishHolidays(t *testing.T) {
	for _, tc := range holidayCases {
		hs := valuestream.FinnishHolidays(tc.year)
		require.Len(t, hs, 15)
		got := map[string]model.Date{}
		for i, h := range hs {
			got[h.Name] = h.Date
			assert.Equal(t, h.Name == "juhannusaatto" || h.Name == "jouluaatto", h.DeFacto, h.Name)
			if i > 0 {
				assert.True(t, hs[i-1].Date.Before(h.Date), "in date order")
			}
		}
		for name, want := range tc.want {
			assert.Equal(t, date(want), got[name], "%d %s", tc.year, name)
		}
		fixed := map[string]string{"uudenvuodenpäivä": "01-01", "loppiainen": "01-06", "vappu": "05-01",
			"itsenäisyyspäivä": "12-06", "jouluaatto": "12-24", "joulupäivä": "12-25", "tapaninpäivä": "12-26"}
		for name, md := range fixed {
			assert.Equal(t, date(itoa4(tc.year)+"-"+md), got[name], "%d %s", tc.year, name)
		}
	}
	assert.Nil(t, valuestream.FinnishHolidays(0))
	assert.Nil(t, valuestream.FinnishHolidays(10000))
}

func itoa4(y int) string { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

// workingDayCases count working days after from up to and including to.
var workingDayCases = []struct {
	name     string
	from, to string
	want     int
}{
	{"same day", "2025-03-12", "2025-03-12", 0},
	{"Monday to Friday", "2025-03-10", "2025-03-14", 4},
	{"Friday to Monday", "2025-03-14", "2025-03-17", 1},
	{"over Christmas and New Year", "2024-12-20", "2025-01-07", 7},
	{"over Easter 2025", "2025-04-17", "2025-04-22", 1},
	{"over Easter 2024", "2024-03-28", "2024-04-02", 1},
	{"over Midsummer 2026", "2026-06-18", "2026-06-22", 1},
	{"Ascension week 2026", "2026-05-11", "2026-05-15", 3},
	{"year 2024", "2023-12-31", "2024-12-31", 252},
	{"year 2025", "2024-12-31", "2025-12-31", 251},
	{"year 2026", "2025-12-31", "2026-12-31", 252},
}

func TestWorkingDaysBetween(t *testing.T) {
	fi := valuestream.Finnish()
	for _, tc := range workingDayCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fi.WorkingDaysBetween(date(tc.from), date(tc.to))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, naiveWorkingDays(fi, date(tc.from), date(tc.to)), got)
		})
	}
	n, err := valuestream.Calendar{}.WorkingDaysBetween(date("2024-12-20"), date("2025-01-07"))
	require.NoError(t, err)
	assert.Equal(t, 12, n, "without holidays, weekdays only")
	for _, bad := range [][2]model.Date{
		{date("2025-01-02"), date("2025-01-01")},
		{{}, date("2025-01-01")},
		{date("2025-01-01"), {Year: 2025, Month: 2, Day: 30}},
		{model.NewDate(10000, 1, 1), model.NewDate(10000, 1, 2)},
	} {
		_, err := fi.WorkingDaysBetween(bad[0], bad[1])
		assert.ErrorIs(t, err, valuestream.ErrDateRange, "%v", bad)
	}
	full, err := fi.WorkingDaysBetween(model.NewDate(1, 1, 1), model.NewDate(9999, 12, 31))
	require.NoError(t, err)
	assert.Positive(t, full)
}

// naiveWorkingDays counts day by day: the oracle of WorkingDaysBetween.
func naiveWorkingDays(c valuestream.Calendar, from, to model.Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

func TestIsWorkingDay(t *testing.T) {
	fi := valuestream.Finnish()
	for d, want := range map[string]bool{
		"2025-12-24": false, "2025-12-23": true, "2025-06-20": false, "2025-06-19": true,
		"2025-12-06": false, "2026-01-06": false, "2026-01-07": true, "2025-05-29": false,
		"2025-03-15": false, "2025-03-16": false, "2025-03-17": true,
	} {
		assert.Equal(t, want, fi.IsWorkingDay(date(d)), d)
	}
	assert.False(t, fi.IsWorkingDay(model.Date{}))
	assert.True(t, valuestream.Calendar{}.IsWorkingDay(date("2025-12-24")))
}

func TestWorkingDaysInstants(t *testing.T) {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	at := func(s string) time.Time {
		tt, err := time.ParseInLocation("2006-01-02 15:04", s, hel)
		require.NoError(t, err)
		return tt
	}
	fi := valuestream.Finnish()
	for _, tc := range []struct {
		name       string
		start, end string
		want       float64
	}{
		{"half a day", "2025-03-12 06:00", "2025-03-12 18:00", 0.5},
		{"Monday noon to Tuesday noon", "2025-03-10 12:00", "2025-03-11 12:00", 1},
		{"Friday noon to Monday noon", "2025-03-14 12:00", "2025-03-17 12:00", 1},
		{"across the change to summer time", "2025-03-28 12:00", "2025-03-31 12:00", 1},
		{"within a holiday", "2025-12-24 08:00", "2025-12-24 16:00", 0},
		{"Monday to Monday", "2025-03-10 00:00", "2025-03-17 00:00", 5},
		{"over Christmas 2025", "2025-12-23 00:00", "2025-12-29 00:00", 1},
		{"empty", "2025-03-12 06:00", "2025-03-12 06:00", 0},
	} {
		got, err := fi.WorkingDays(at(tc.start), at(tc.end), hel)
		require.NoError(t, err, tc.name)
		assert.InDelta(t, tc.want, got, 1e-12, tc.name)
	}
	// The same instants with days taken in UTC: Helsinki's midnight is
	// 22:00 UTC, so the span is 2 hours of Sunday and 22 of Monday.
	got, err := fi.WorkingDays(at("2025-03-10 00:00"), at("2025-03-11 00:00"), nil)
	require.NoError(t, err)
	assert.InDelta(t, 22.0/24, got, 1e-12)
	_, err = fi.WorkingDays(at("2025-03-11 00:00"), at("2025-03-10 00:00"), hel)
	assert.ErrorIs(t, err, valuestream.ErrDateRange)
	_, err = fi.WorkingDays(time.Time{}.Add(-time.Hour), at("2025-03-10 00:00"), nil)
	assert.ErrorIs(t, err, valuestream.ErrDateRange)
}

func TestLeadTimeWorkingDays(t *testing.T) {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	s, err := valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", Wait: valuestream.Days(7)}}}.Summary()
	require.NoError(t, err)
	start := time.Date(2025, time.December, 19, 0, 0, 0, 0, hel) // a Friday
	wd, err := s.LeadTimeWorkingDays(start, hel, valuestream.Finnish())
	require.NoError(t, err)
	// Fri 19, Mon 22, Tue 23 work; 24–26 off; 27–28 weekend.
	assert.InDelta(t, 3, wd, 1e-12)
	assert.InDelta(t, 7, s.LeadTimeDays(), 1e-12)
}

// FuzzWorkingDaysBetween compares the arithmetic count with a count day
// by day over random spans of up to about three years.
func FuzzWorkingDaysBetween(f *testing.F) {
	for _, tc := range workingDayCases {
		a, b := date(tc.from), date(tc.to)
		f.Add(int32(a.Year*400+int(a.Month)*31+a.Day), uint16(b.DaysSince(a)))
	}
	fi := valuestream.Finnish()
	f.Fuzz(func(t *testing.T, seed int32, span uint16) {
		from := model.NewDate(1, 1, 1).AddDays(int(uint32(seed) % 3_600_000))
		if from.Year > 9995 {
			return
		}
		to := from.AddDays(int(span % 1100))
		got, err := fi.WorkingDaysBetween(from, to)
		require.NoError(t, err)
		require.Equal(t, naiveWorkingDays(fi, from, to), got, "%s – %s", from, to)
	})
}
