package valuestream

import (
	"slices"
	"time"

	"github.com/sujuva/sujuva/model"
)

// A Holiday is a weekday-independent day off: a public holiday, or an eve
// that is a day off in practice.
type Holiday struct {
	Date model.Date `json:"date"`
	// Name is the day's Finnish name ("pitkäperjantai").
	Name string `json:"name"`
	// DeFacto reports whether the day is not a public holiday in law but a
	// day off in practice (juhannusaatto and jouluaatto in Finland).
	DeFacto bool `json:"deFacto,omitempty"`
}

// FinnishHolidays returns the Finnish public holidays of year, and the two
// eves that are days off in practice, in date order:
//
//	uudenvuodenpäivä    1 January
//	loppiainen          6 January
//	pitkäperjantai      Easter Sunday − 2 days
//	pääsiäispäivä       Easter Sunday
//	2. pääsiäispäivä    Easter Sunday + 1 day
//	vappu               1 May
//	helatorstai         Easter Sunday + 39 days (Thursday)
//	helluntaipäivä      Easter Sunday + 49 days (Sunday)
//	juhannusaatto       the Friday before juhannuspäivä (de facto)
//	juhannuspäivä       the Saturday from 20 to 26 June
//	pyhäinpäivä         the Saturday from 31 October to 6 November
//	itsenäisyyspäivä    6 December
//	jouluaatto          24 December (de facto)
//	joulupäivä          25 December
//	tapaninpäivä        26 December
//
// Easter Sunday is the Gregorian one, by the Meeus/Jones/Butcher algorithm
// (Jean Meeus, Astronomical Algorithms, 2nd ed., 1998, ch. 8), valid for
// every Gregorian year; it gives 2024-03-31, 2025-04-20 and 2026-04-05.
// The days are those of the calendar published by the University of
// Helsinki's Almanac Office (Almanakkatoimisto). That juhannusaatto and
// jouluaatto are not working days follows the Annual Holidays Act
// (vuosilomalaki 162/2005), whose working days (arkipäivät) exclude them,
// with Sundays, the church holidays, itsenäisyyspäivä, pääsiäislauantai
// and vappu, and the collective agreements that give them off. The rules in force since 1991 are applied
// to every year: the years 1973–1990, when loppiainen and helatorstai fell on
// Saturdays, are not modelled. year must be from 1 to 9999; other years give
// nil.
func FinnishHolidays(year int) []Holiday {
	if year < 1 || year > 9999 {
		return nil
	}
	easter := EasterSunday(year)
	midsummer := saturdayFrom(model.NewDate(year, time.June, 20))
	allSaints := saturdayFrom(model.NewDate(year, time.October, 31))
	hs := []Holiday{
		{Date: model.NewDate(year, time.January, 1), Name: "uudenvuodenpäivä"},
		{Date: model.NewDate(year, time.January, 6), Name: "loppiainen"},
		{Date: easter.AddDays(-2), Name: "pitkäperjantai"},
		{Date: easter, Name: "pääsiäispäivä"},
		{Date: easter.AddDays(1), Name: "2. pääsiäispäivä"},
		{Date: model.NewDate(year, time.May, 1), Name: "vappu"},
		{Date: easter.AddDays(39), Name: "helatorstai"},
		{Date: easter.AddDays(49), Name: "helluntaipäivä"},
		{Date: midsummer.AddDays(-1), Name: "juhannusaatto", DeFacto: true},
		{Date: midsummer, Name: "juhannuspäivä"},
		{Date: allSaints, Name: "pyhäinpäivä"},
		{Date: model.NewDate(year, time.December, 6), Name: "itsenäisyyspäivä"},
		{Date: model.NewDate(year, time.December, 24), Name: "jouluaatto", DeFacto: true},
		{Date: model.NewDate(year, time.December, 25), Name: "joulupäivä"},
		{Date: model.NewDate(year, time.December, 26), Name: "tapaninpäivä"},
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// saturdayFrom returns the first Saturday on or after d.
func saturdayFrom(d model.Date) model.Date {
	return d.AddDays((int(time.Saturday) - int(d.Weekday()) + 7) % 7)
}

// EasterSunday returns the date of Easter Sunday in the Gregorian calendar
// in year, by the anonymous Gregorian algorithm of Meeus/Jones/Butcher
// (Jean Meeus, Astronomical Algorithms, 2nd ed., 1998, ch. 8). It is exact
// for every year from 1583 on and extends the Gregorian rule backwards
// (proleptically) for earlier years; year must be at least 1, and the zero
// Date is returned otherwise.
func EasterSunday(year int) model.Date {
	if year < 1 {
		return model.Date{}
	}
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return model.NewDate(year, time.Month(month), day)
}

// A Calendar says which days are working days: Monday to Friday, except
// the days its Holidays function lists. The zero value has no holidays:
// every weekday is a working day. A Calendar is safe for concurrent use
// when its Holidays function is.
type Calendar struct {
	// Holidays returns the days off of a year (any day of the week; those
	// on Saturdays and Sundays change nothing). Nil means none.
	Holidays func(year int) []Holiday
}

// Finnish returns the calendar of Finnish working days: Monday to Friday
// without the days of [FinnishHolidays].
func Finnish() Calendar { return Calendar{Holidays: FinnishHolidays} }

// IsWorkingDay reports whether d is a working day: a valid date from year 1
// to 9999, Monday to Friday, and not one of c's holidays.
func (c Calendar) IsWorkingDay(d model.Date) bool {
	if !inRange(d) {
		return false
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if c.Holidays == nil {
		return true
	}
	for _, h := range c.Holidays(d.Year) {
		if h.Date == d {
			return false
		}
	}
	return true
}

func inRange(d model.Date) bool { return d.IsValid() && d.Year >= 1 && d.Year <= 9999 }

// WorkingDaysBetween returns the number of working days after from up to
// and including to, as lead time in calendar days is to − from: a case
// opened on a Monday and closed on Friday of the same week took 4 working
// days. It returns [ErrDateRange] when to is before from or either date is
// not a valid date of years 1–9999. Its cost grows with the number of years
// spanned, not days.
func (c Calendar) WorkingDaysBetween(from, to model.Date) (int, error) {
	if !inRange(from) || !inRange(to) || to.Before(from) {
		return 0, ErrDateRange
	}
	a, b := dayNumber(from), dayNumber(to)
	n := weekdaysBefore(b+1) - weekdaysBefore(a+1)
	if c.Holidays == nil {
		return n, nil
	}
	for y := from.Year; y <= to.Year; y++ {
		var seen []model.Date
		for _, h := range c.Holidays(y) {
			if !inRange(h.Date) || slices.Contains(seen, h.Date) {
				continue
			}
			seen = append(seen, h.Date)
			if dn := dayNumber(h.Date); dn > a && dn <= b && isWeekday(dn) {
				n--
			}
		}
	}
	return n, nil
}

// WorkingDays returns the working time between the instants start and end
// in working days: each working day (in loc; nil means UTC) counts as one,
// and a day only partly inside [start, end) counts as the part of its
// length inside, so that a day of 23 or 25 hours at a change of daylight
// saving time still counts as one. From Monday 12:00 to Tuesday 12:00 is 1
// working day; from Friday 12:00 to Monday 12:00 is 1 too. It returns
// [ErrDateRange] when end is before start or either lies outside years
// 1–9999 in loc.
func (c Calendar) WorkingDays(start, end time.Time, loc *time.Location) (float64, error) {
	if loc == nil {
		loc = time.UTC
	}
	if end.Before(start) {
		return 0, ErrDateRange
	}
	ds, de := model.DateOf(start.In(loc)), model.DateOf(end.In(loc))
	if !inRange(ds) || !inRange(de) {
		return 0, ErrDateRange
	}
	if ds == de {
		if !c.IsWorkingDay(ds) {
			return 0, nil
		}
		return float64(end.Sub(start)) / float64(dayLength(ds, loc)), nil
	}
	// Whole days strictly between ds and de.
	middle, err := c.WorkingDaysBetween(ds, de)
	if err != nil {
		return 0, err
	}
	total := float64(middle)
	if c.IsWorkingDay(de) {
		total-- // counted in middle, but only partly inside
		total += float64(end.Sub(de.In(loc))) / float64(dayLength(de, loc))
	}
	if c.IsWorkingDay(ds) {
		next := ds.AddDays(1).In(loc)
		total += float64(next.Sub(start)) / float64(dayLength(ds, loc))
	}
	return total, nil
}

// dayLength returns how long d lasts in loc: 24 hours but at changes of
// daylight saving time.
func dayLength(d model.Date, loc *time.Location) time.Duration {
	l := d.AddDays(1).In(loc).Sub(d.In(loc))
	if l <= 0 { // a zone whose midnight does not exist; never in practice
		return 24 * time.Hour
	}
	return l
}

// dayNumber returns the number of days from 0001-01-01 (a Monday in the
// proleptic Gregorian calendar) to d, without time.Time's 292-year limit
// on durations (Howard Hinnant's days_from_civil).
func dayNumber(d model.Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 0 here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	// days from 0000-03-01, shifted to 0001-01-01
	return era*146097 + doe - 306
}

// weekdaysBefore returns how many of the days numbered 0 … n−1 are Monday
// to Friday; day 0 is a Monday.
func weekdaysBefore(n int) int { return n/7*5 + min(n%7, 5) }

func isWeekday(dn int) bool { return dn%7 < 5 }
