package model_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
)

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// validRound is round 5 of Sujuvat palvelut in outline: 4 teams, two coach
// pairs of two coaches each, the real workshop dates.
func validRound() model.Round {
	return model.Round{
		ID:     "r5",
		Name:   "Sujuvat palvelut, kierros 5",
		Period: model.Period{Start: date("2024-08-15"), End: date("2025-06-30")},
		Coaches: []model.Coach{
			{ID: "c1", Name: "Valmentaja 1"}, {ID: "c2", Name: "Valmentaja 2"},
			{ID: "c3", Name: "Valmentaja 3"}, {ID: "c4", Name: "Valmentaja 4"},
		},
		CoachPairs: []model.CoachPair{{ID: "p1", Coaches: []string{"c1", "c2"}}, {ID: "p2", Coaches: []string{"c3", "c4"}}},
		Teams: []model.RoundTeam{
			{ID: "t1", Name: "Tiimi 1", County: "pirkanmaa", CoachPair: "p1"},
			{ID: "t2", Name: "Tiimi 2", County: "lappi", CoachPair: "p1"},
			{ID: "t3", Name: "Tiimi 3", County: "helsinki", CoachPair: "p2"},
		},
		Workshops: []model.Workshop{
			{Number: 1, Start: date("2024-09-03"), End: date("2024-09-04")},
			{Number: 2, Start: date("2024-12-10"), End: date("2024-12-11")},
			{Number: 3, Start: date("2025-03-18"), End: date("2025-03-19")},
			{Number: 4, Start: date("2025-05-14"), End: date("2025-05-14")},
		},
	}
}

func withRound(f func(r *model.Round)) model.Round {
	r := validRound()
	f(&r)
	return r
}

// teamsForPairs returns n teams spread over pairs p1..pk, two a pair.
func teamsForPairs(r *model.Round, n int) {
	r.Teams = nil
	r.Coaches = nil
	r.CoachPairs = nil
	for i := range (n + 1) / 2 {
		a, b := fmt.Sprintf("c%da", i), fmt.Sprintf("c%db", i)
		r.Coaches = append(r.Coaches, model.Coach{ID: a, Name: a}, model.Coach{ID: b, Name: b})
		r.CoachPairs = append(r.CoachPairs, model.CoachPair{ID: fmt.Sprintf("p%d", i), Coaches: []string{a, b}})
	}
	for i := range n {
		r.Teams = append(r.Teams, model.RoundTeam{ID: fmt.Sprintf("t%d", i), Name: fmt.Sprintf("Tiimi %d", i), CoachPair: fmt.Sprintf("p%d", i/2)})
	}
}

var roundCases = []struct {
	name  string
	round model.Round
	want  []want
}{
	{name: "valid", round: validRound()},
	{name: "10 teams", round: withRound(func(r *model.Round) { teamsForPairs(r, 10) })},
	{
		name:  "11 teams",
		round: withRound(func(r *model.Round) { teamsForPairs(r, 11) }),
		want:  []want{{"/teams", "round.teams", model.SeverityError, "Kierroksella on 11 tiimiä; enintään 10.", "The round has 11 teams; at most 10."}},
	},
	{
		name:  "pair with 3 teams",
		round: withRound(func(r *model.Round) { r.Teams[2].CoachPair = "p1" }),
		want:  []want{{"/coachPairs/0", "round.pair.teams", model.SeverityError, "Valmentajatyöparilla on 3 tiimiä; enintään 2.", "The coach pair has 3 teams; at most 2."}},
	},
	{
		name:  "pair of one coach twice",
		round: withRound(func(r *model.Round) { r.CoachPairs[1].Coaches = []string{"c3", "c3"} }),
		want:  []want{{"/coachPairs/1/coaches", "round.pair.size", model.SeverityError, "Valmentajatyöparissa on 1 eri valmentajaa; pitää olla 2.", "The coach pair has 1 distinct coaches; it should have 2."}},
	},
	{
		name:  "pair with unknown coach, team without pair",
		round: withRound(func(r *model.Round) { r.CoachPairs[1].Coaches[1] = "c9"; r.Teams[1].CoachPair = "" }),
		want: []want{
			{"/coachPairs/1/coaches/1", "round.pair.coach", model.SeverityError, "Valmentajaa ”c9” ei ole kierroksen valmentajissa.", "The coach \"c9\" is not one of the round's coaches."},
			{"/teams/1/coachPair", "round.team.pair", model.SeverityError, "Tiimillä ei ole valmentajatyöparia (””).", "The team has no coach pair (\"\")."},
		},
	},
	{
		name: "workshops numbered right, dates reversed",
		round: withRound(func(r *model.Round) {
			r.Workshops[2].Start, r.Workshops[2].End = date("2024-10-01"), date("2024-10-02")
		}),
		want: []want{{"/workshops/2/number", "round.workshop.order", model.SeverityError, "Työpaja 3 on väärässä järjestyksessä; odotettiin numeroa 3.", "Workshop 3 is out of order; expected number 3."}},
	},
	{
		name:  "overlapping workshops",
		round: withRound(func(r *model.Round) { r.Workshops[1].Start = date("2024-09-04") }),
		want:  []want{{"/workshops/1", "round.workshop.overlap", model.SeverityError, "Työpaja 2 on päällekkäin työpajan 1 kanssa.", "Workshop 2 overlaps workshop 1."}},
	},
	{
		name:  "workshops out of order",
		round: withRound(func(r *model.Round) { r.Workshops[2], r.Workshops[3] = r.Workshops[3], r.Workshops[2] }),
		want: []want{
			{"/workshops/2/number", "round.workshop.order", model.SeverityError, "Työpaja 4 on väärässä järjestyksessä; odotettiin numeroa 3.", "Workshop 4 is out of order; expected number 3."},
			{"/workshops/3/number", "round.workshop.order", model.SeverityError, "Työpaja 3 on väärässä järjestyksessä; odotettiin numeroa 4.", "Workshop 3 is out of order; expected number 4."},
		},
	},
	{
		name:  "workshop outside the round",
		round: withRound(func(r *model.Round) { r.Period.End = date("2025-05-13") }),
		want: []want{
			{"/period", "round.length", model.SeverityWarning, "Kierros kestää 8 kuukautta; tavallisesti 12 (10–15).", "The round lasts 8 months; usually 12 (10–15)."},
			{"/workshops/3", "round.workshop.outside", model.SeverityError, "Työpaja 4 on kierroksen ajanjakson ulkopuolella.", "Workshop 4 falls outside the round's period."},
		},
	},
	{name: "15 months", round: withRound(func(r *model.Round) { r.Period.End = date("2025-11-15") })},
	{
		name:  "16 months",
		round: withRound(func(r *model.Round) { r.Period.End = date("2025-12-15") }),
		want:  []want{{"/period", "round.length", model.SeverityWarning, "Kierros kestää 16 kuukautta; tavallisesti 12 (10–15).", "The round lasts 16 months; usually 12 (10–15)."}},
	},
	{
		name:  "no period",
		round: withRound(func(r *model.Round) { r.Period = model.Period{}; r.Name = "" }),
		want: []want{
			{"/name", "field.required", model.SeverityError, "Kenttä on pakollinen.", "This field is required."},
			{"/period", "round.period", model.SeverityError, "Kierroksen alku- ja loppupäivä puuttuvat tai ovat väärässä järjestyksessä.", "The round's start and end dates are missing or in the wrong order."},
		},
	},
}

func TestRoundValidate(t *testing.T) {
	catalog := model.Messages()
	for _, tc := range roundCases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.round.Validate()
			require.Len(t, got, len(tc.want), "findings: %v", got)
			for i, w := range tc.want {
				assert.Equal(t, w.path, got[i].Path, "path of %d", i)
				assert.Equal(t, model.Code(w.code), got[i].Code, "code of %d", i)
				assert.Equal(t, w.severity, got[i].Severity, "severity of %d", i)
				assert.Equal(t, w.fi, catalog.Text(got[i], model.Finnish), "fi of %d", i)
				assert.Equal(t, w.en, catalog.Text(got[i], model.English), "en of %d", i)
			}
		})
	}
}

// TestDefaultScheduleRound5 checks the template against the fifth round's
// real dates (THL, Sujuvat palvelut, seed 001).
func TestDefaultScheduleRound5(t *testing.T) {
	got := model.DefaultTemplate().Schedule(date("2024-09-03"))
	want := validRound().Workshops
	assert.Equal(t, want, got)
	days := 0
	for _, w := range got {
		days += w.Days()
	}
	assert.Equal(t, 7, days, "2+2+2+1 workshop days")
	r := validRound()
	r.Workshops = got
	assert.Empty(t, r.Validate())
}

func TestScheduleSkipsWeekends(t *testing.T) {
	// Friday 2025-01-03: the first workshop runs Friday and Monday; the
	// second, 98 days later, would start on a Friday again.
	got := model.Template{Workshops: []model.TemplateWorkshop{{OffsetDays: 0, Days: 2}, {OffsetDays: 1, Days: 1}}}.Schedule(date("2025-01-03"))
	assert.Equal(t, []model.Workshop{
		{Number: 1, Start: date("2025-01-03"), End: date("2025-01-06")},
		{Number: 2, Start: date("2025-01-06"), End: date("2025-01-06")},
	}, got)
	for _, w := range got {
		for d := w.Start; !d.After(w.End); d = d.AddDays(1) {
			if d == w.Start || d == w.End {
				assert.NotContains(t, []string{"Saturday", "Sunday"}, d.Weekday().String())
			}
		}
	}
}
