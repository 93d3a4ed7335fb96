package valuestream_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

func ExampleMap_Summary() {
	m := valuestream.Map{Steps: []valuestream.Step{
		{ID: "contact", Name: "Yhteydenotto", Unit: "neuvola", Process: valuestream.Minutes(30), CompleteAccurate: valuestream.Percent(80)},
		{ID: "referral", Name: "Lähete", Unit: "terveysasema", Wait: valuestream.Days(14), Process: valuestream.Minutes(30), CompleteAccurate: valuestream.Percent(50), Handoff: true},
		{ID: "visit", Name: "Ensikäynti", Unit: "lastenpsykiatria", Wait: valuestream.Days(21), Process: valuestream.Hours(2), Handoff: true},
	}}
	s, err := m.Summary()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("lead time %.1f days, process time %v\n", s.LeadTimeDays(), s.ProcessTime)
	fmt.Printf("activity ratio %.2f%%, rolled %%C&A %.0f%%\n", 100*s.ActivityRatio, s.RolledCompleteAccurate)
	fmt.Printf("handoffs %d, units %d, bottleneck %s (%.0f%% of lead time)\n",
		s.Handoffs, len(s.Units), m.Steps[s.Bottleneck].Name, 100*s.Shares[s.Bottleneck].Share)
	// Output:
	// lead time 35.1 days, process time 3h0m0s
	// activity ratio 0.36%, rolled %C&A 40%
	// handoffs 2, units 3, bottleneck Ensikäynti (60% of lead time)
}

func ExampleMap_Validate() {
	m := valuestream.Map{Steps: []valuestream.Step{
		{ID: "a", Name: "Ajanvaraus", Wait: valuestream.Hours(-2)},
		{ID: "a", Name: "Käynti", CompleteAccurate: valuestream.Percent(120)},
	}}
	for _, f := range m.Validate() {
		fmt.Println(f)
	}
	_, err := m.Summary()
	fmt.Println(errors.Is(err, model.ErrInvalid))
	// Output:
	// /steps/0/wait: valuestream.duration_negative (error) value=-2 hours
	// /steps/1/completeAccuratePct: valuestream.complete_accurate_range (error) value=120
	// /steps/1/id: id.duplicate (error) first=0 id=a
	// true
}

func ExampleDecode() {
	m, fs := valuestream.Decode([]byte(`{"kind": "current", "steps": [
		{"id": "a", "name": "Ajanvaraus", "wait": {"value": 3, "unit": "days"}, "process": {"value": 15, "unit": "minutes"}},
		{"id": "b", "name": "Käynti", "wait": {"value": 1, "unit": "weeks"}}]}`))
	fmt.Println(m.Steps[0].Wait, "/", m.Steps[0].Process.Length)
	fmt.Println(fs)
	_, fs = valuestream.Decode([]byte(`{"steps": [{"id": "a", "name": "A", "wait": {"value": 3}}]}`))
	fmt.Println(fs)
	// Output:
	// 3 days / 15m0s
	// model: /steps/1/wait/unit: enum.unknown (error) value=weeks
	// model: /steps/0/wait: valuestream.duration_json (error) reason=unit is required value={"value": 3}
}

func ExampleCompare() {
	current := valuestream.Map{Steps: []valuestream.Step{
		{ID: "referral", Name: "Lähete", Wait: valuestream.Days(14), Process: valuestream.Minutes(30)},
		{ID: "triage", Name: "Käsittely", Wait: valuestream.Days(21), Process: valuestream.Hours(1)},
		{ID: "visit", Name: "Ensikäynti", Wait: valuestream.Days(7), Process: valuestream.Hours(2)},
	}}
	ideal := valuestream.Map{Steps: []valuestream.Step{
		{ID: "referral", Name: "Lähete", Wait: valuestream.Days(2), Process: valuestream.Minutes(30)},
		{ID: "visit", Name: "Ensikäynti", Wait: valuestream.Days(7), Process: valuestream.Hours(2)},
	}}
	c, err := valuestream.Compare(current, ideal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("lead time %.1f → %.1f days (%+.0f%%)\n",
		c.LeadTime.Before.Hours()/24, c.LeadTime.After.Hours()/24, c.LeadTime.Percent)
	fmt.Printf("activity ratio %+.2f percentage points\n", 100*c.ActivityRatio.Delta)
	fmt.Println("removed:", c.Removed[0].ID, "changed:", c.Changed[0].ID, c.Changed[0].Fields, c.Changed[0].Wait.Delta)
	// Output:
	// lead time 42.1 → 9.1 days (-78%)
	// activity ratio +0.80 percentage points
	// removed: triage changed: referral [wait] -288h0m0s
}

func ExampleFinnishHolidays() {
	for _, h := range valuestream.FinnishHolidays(2026) {
		note := ""
		if h.DeFacto {
			note = " (de facto)"
		}
		fmt.Printf("%s %s %s%s\n", h.Date, h.Date.Weekday().String()[:3], h.Name, note)
	}
	// Output:
	// 2026-01-01 Thu uudenvuodenpäivä
	// 2026-01-06 Tue loppiainen
	// 2026-04-03 Fri pitkäperjantai
	// 2026-04-05 Sun pääsiäispäivä
	// 2026-04-06 Mon 2. pääsiäispäivä
	// 2026-05-01 Fri vappu
	// 2026-05-14 Thu helatorstai
	// 2026-05-24 Sun helluntaipäivä
	// 2026-06-19 Fri juhannusaatto (de facto)
	// 2026-06-20 Sat juhannuspäivä
	// 2026-10-31 Sat pyhäinpäivä
	// 2026-12-06 Sun itsenäisyyspäivä
	// 2026-12-24 Thu jouluaatto (de facto)
	// 2026-12-25 Fri joulupäivä
	// 2026-12-26 Sat tapaninpäivä
}

func ExampleEasterSunday() {
	for _, y := range []int{2024, 2025, 2026} {
		fmt.Println(valuestream.EasterSunday(y))
	}
	// Output:
	// 2024-03-31
	// 2025-04-20
	// 2026-04-05
}

func ExampleCalendar_WorkingDaysBetween() {
	fi := valuestream.Finnish()
	from, to := model.NewDate(2024, time.December, 20), model.NewDate(2025, time.January, 7)
	n, _ := fi.WorkingDaysBetween(from, to)
	fmt.Println(to.DaysSince(from), "calendar days,", n, "working days")
	fmt.Println(fi.IsWorkingDay(model.NewDate(2025, time.June, 20)))
	_, err := fi.WorkingDaysBetween(to, from)
	fmt.Println(err)
	// Output:
	// 18 calendar days, 7 working days
	// false
	// valuestream: date outside the supported range
}

func ExampleCalendar_WorkingDays() {
	helsinki := time.FixedZone("EET", 2*60*60)                      // in real use time.LoadLocation("Europe/Helsinki")
	start := time.Date(2025, time.April, 17, 12, 0, 0, 0, helsinki) // Thursday before Easter
	end := time.Date(2025, time.April, 22, 18, 0, 0, 0, helsinki)   // Tuesday after
	n, _ := valuestream.Finnish().WorkingDays(start, end, helsinki)
	fmt.Printf("%.2f working days\n", n)
	// Output:
	// 1.25 working days
}

func ExampleSummary_LeadTimeWorkingDays() {
	m := valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "Hakemus", Wait: valuestream.Days(10), Process: valuestream.Hours(4)}}}
	s, _ := m.Summary()
	start := time.Date(2025, time.December, 15, 8, 0, 0, 0, time.UTC) // a Monday
	wd, _ := s.LeadTimeWorkingDays(start, time.UTC, valuestream.Finnish())
	fmt.Printf("%.2f calendar days, %.2f working days\n", s.LeadTimeDays(), wd)
	// Output:
	// 10.17 calendar days, 6.67 working days
}

func ExampleDuration() {
	d, err := valuestream.NewDuration(1.5, valuestream.UnitHours)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.Marshal(d)
	fmt.Println(d.Length, string(b))
	b, _ = json.Marshal(valuestream.Duration{Length: 48 * time.Hour})
	fmt.Println(string(b))
	_, err = valuestream.NewDuration(1e6, valuestream.UnitDays)
	fmt.Println(err)
	// Output:
	// 1h30m0s {"value":1.5,"unit":"hours"}
	// {"value":2,"unit":"days"}
	// valuestream: invalid duration "1e+06": out of range
}

func ExampleHours() {
	fmt.Println(valuestream.Minutes(45), valuestream.Hours(1.5).Length, valuestream.Days(2).Value())
	// Output:
	// 45 minutes 1h30m0s 2
}

func ExampleParseKind() {
	k, err := valuestream.ParseKind("ideal")
	fmt.Println(k, err)
	_, err = valuestream.ParseKind("someday")
	fmt.Println(err, errors.Is(err, model.ErrUnknownEnum))
	u, _ := valuestream.ParseTimeUnit("days")
	fmt.Println(u.Length(), valuestream.TimeUnits(), valuestream.Kinds())
	// Output:
	// ideal <nil>
	// model: unknown map kind "someday" true
	// 24h0m0s [minutes hours days] [current ideal future]
}

func ExampleMessages() {
	c := valuestream.Messages()
	f := model.NewError("/steps/0/wait", valuestream.CodeNegativeDuration).With("value", "-2 hours")
	fmt.Println(c.Text(f, model.Finnish))
	fmt.Println(c.Text(f, model.English))
	fmt.Println(len(valuestream.Codes()) == len(c))
	// Output:
	// Kesto ei voi olla negatiivinen (-2 hours).
	// A duration cannot be negative (-2 hours).
	// true
}
