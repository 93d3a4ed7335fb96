package model

import (
	"context"
	"time"
)

// MaxTeamsPerRound is the largest number of teams in one coaching round
// (valmennuskierros; seed 001: "enintään 10 tiimiä").
const MaxTeamsPerRound = 10

// MaxTeamsPerPair is the number of teams one coach pair coaches at most
// (seed 001: a coach pair, valmentajatyöpari, coaches two teams).
const MaxTeamsPerPair = 2

// Round is one coaching round (valmennuskierros) of a breakthrough
// collaborative: its period (about 12 months, 12–15 with summer breaks), at
// most 10 teams, the coaches and coach pairs, and the workshops.
type Round struct {
	ID         string      `json:"id,omitempty"`
	Name       string      `json:"name" validate:"required"`
	Period     Period      `json:"period"`
	Teams      []RoundTeam `json:"teams" validate:"dive"`
	Coaches    []Coach     `json:"coaches" validate:"dive"`
	CoachPairs []CoachPair `json:"coachPairs" validate:"dive"`
	Workshops  []Workshop  `json:"workshops"`
}

// RoundTeam is a team's place in a round: its coach pair by id.
type RoundTeam struct {
	ID        string `json:"id" validate:"required"`
	Name      string `json:"name" validate:"required"`
	County    string `json:"county,omitempty" validate:"omitempty,county"`
	CoachPair string `json:"coachPair"`
}

// Coach is a coach (valmentaja) of the round.
type Coach struct {
	ID   string `json:"id" validate:"required"`
	Name string `json:"name" validate:"required"`
}

// CoachPair is a coach pair (valmentajatyöpari): exactly two distinct
// coaches, by id.
type CoachPair struct {
	ID      string   `json:"id" validate:"required"`
	Coaches []string `json:"coaches"`
}

// Workshop is a workshop day or days (työpaja) of a round, numbered from 1 in
// order. Start and End are both included.
type Workshop struct {
	Number int  `json:"number"`
	Start  Date `json:"start"`
	End    Date `json:"end"`
}

// Days returns the number of calendar days the workshop spans.
func (w Workshop) Days() int { return Period{w.Start, w.End}.Days() }

// Rule codes of a round.
const (
	// CodeRoundTeams: more teams than [MaxTeamsPerRound]. Params: count, max.
	CodeRoundTeams Code = "round.teams"
	// CodeRoundPeriod: the round ends before it starts, or has no dates.
	CodeRoundPeriod Code = "round.period"
	// CodeRoundLength: the round is shorter than 10 or longer than 15
	// months (a warning). Params: months.
	CodeRoundLength Code = "round.length"
	// CodeRoundPairSize: a coach pair does not have exactly two distinct
	// coaches. Params: count.
	CodeRoundPairSize Code = "round.pair.size"
	// CodeRoundPairCoach: a coach pair names an unknown coach. Params: id.
	CodeRoundPairCoach Code = "round.pair.coach"
	// CodeRoundPairTeams: a coach pair has more than [MaxTeamsPerPair] teams.
	// Params: count, max.
	CodeRoundPairTeams Code = "round.pair.teams"
	// CodeRoundTeamPair: a team has no coach pair or an unknown one.
	// Params: id.
	CodeRoundTeamPair Code = "round.team.pair"
	// CodeRoundWorkshopOrder: workshops are not numbered 1, 2, … in date
	// order. Params: number, want.
	CodeRoundWorkshopOrder Code = "round.workshop.order"
	// CodeRoundWorkshopDates: a workshop ends before it starts or has no
	// dates. Params: number.
	CodeRoundWorkshopDates Code = "round.workshop.dates"
	// CodeRoundWorkshopOverlap: a workshop overlaps the one before it.
	// Params: number, other.
	CodeRoundWorkshopOverlap Code = "round.workshop.overlap"
	// CodeRoundWorkshopOutside: a workshop falls outside the round's period.
	// Params: number.
	CodeRoundWorkshopOutside Code = "round.workshop.outside"
)

// Validate checks the round and returns every finding at once: required
// fields, at most 10 teams, every team with a known coach pair, every pair
// with exactly two distinct known coaches and at most two teams, workshops
// numbered in order inside the period without overlaps, and a warning when
// the round is shorter than 10 or longer than 15 months (seed 001: about 12
// months, 12–15 with summer breaks).
func (r Round) Validate() Findings { return check(context.Background(), r) }

func roundRules(_ context.Context, v any) []fieldFinding { return v.(Round).rules() }

func (r Round) rules() []fieldFinding {
	var out []fieldFinding
	add := func(field string, f Finding) { out = append(out, fieldFinding{field, f}) }

	if len(r.Teams) > MaxTeamsPerRound {
		add("teams", NewError("", CodeRoundTeams).With("count", len(r.Teams)).With("max", MaxTeamsPerRound))
	}
	switch {
	case r.Period.Start.IsZero() || r.Period.End.IsZero() || r.Period.End.Before(r.Period.Start):
		add("period", NewError("", CodeRoundPeriod))
	default:
		if months := monthsBetween(r.Period.Start, r.Period.End); months < 10 || months > 15 {
			add("period", NewWarning("", CodeRoundLength).With("months", months))
		}
	}

	coaches := map[string]bool{}
	for i, c := range r.Coaches {
		if coaches[c.ID] {
			add(index("coaches", i)+".id", NewError("", CodeDuplicateID).With("id", c.ID))
		}
		coaches[c.ID] = true
	}
	pairs := map[string]int{} // pair id → teams
	for i, p := range r.CoachPairs {
		if _, dup := pairs[p.ID]; dup {
			add(index("coachPairs", i)+".id", NewError("", CodeDuplicateID).With("id", p.ID))
		}
		pairs[p.ID] = 0
		distinct := map[string]bool{}
		for j, c := range p.Coaches {
			distinct[c] = true
			if !coaches[c] {
				add(index("coachPairs", i)+"."+index("coaches", j), NewError("", CodeRoundPairCoach).With("id", c))
			}
		}
		if len(p.Coaches) != 2 || len(distinct) != 2 {
			add(index("coachPairs", i)+".coaches", NewError("", CodeRoundPairSize).With("count", len(distinct)))
		}
	}
	teams := map[string]bool{}
	for i, t := range r.Teams {
		if teams[t.ID] {
			add(index("teams", i)+".id", NewError("", CodeDuplicateID).With("id", t.ID))
		}
		teams[t.ID] = true
		if _, ok := pairs[t.CoachPair]; !ok {
			add(index("teams", i)+".coachPair", NewError("", CodeRoundTeamPair).With("id", t.CoachPair))
			continue
		}
		pairs[t.CoachPair]++
	}
	for i, p := range r.CoachPairs {
		if n := pairs[p.ID]; n > MaxTeamsPerPair {
			add(index("coachPairs", i), NewError("", CodeRoundPairTeams).With("count", n).With("max", MaxTeamsPerPair))
			pairs[p.ID] = 0 // report a duplicated id once
		}
	}

	for i, w := range r.Workshops {
		field := index("workshops", i)
		numbered := w.Number == i+1
		if !numbered {
			add(field+".number", NewError("", CodeRoundWorkshopOrder).With("number", w.Number).With("want", i+1))
		}
		if w.Start.IsZero() || w.End.IsZero() || w.End.Before(w.Start) {
			add(field, NewError("", CodeRoundWorkshopDates).With("number", w.Number))
			continue
		}
		if i > 0 {
			prev := r.Workshops[i-1]
			if !prev.Start.IsZero() && !prev.End.Before(prev.Start) {
				if (Period{prev.Start, prev.End}).Overlaps(Period{w.Start, w.End}) {
					add(field, NewError("", CodeRoundWorkshopOverlap).With("number", w.Number).With("other", prev.Number))
				} else if numbered && w.Start.Before(prev.Start) {
					add(field+".number", NewError("", CodeRoundWorkshopOrder).With("number", w.Number).With("want", i+1))
				}
			}
		}
		if !r.Period.IsZero() && (!r.Period.Contains(w.Start) || !r.Period.Contains(w.End)) {
			add(field, NewError("", CodeRoundWorkshopOutside).With("number", w.Number))
		}
	}
	return out
}

// monthsBetween returns the whole calendar months from a to b, counting a
// month only when b reaches the same day of the month (1.9.2024–31.8.2025
// is 11 months and 30 days: 11).
func monthsBetween(a, b Date) int {
	m := (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
	if b.Day < a.Day {
		m--
	}
	return m
}

// Template describes a round's default workshop schedule relative to its
// start: for each workshop, the offset of its first day in days from the
// round's first workshop day and its length in working days.
type Template struct {
	Workshops []TemplateWorkshop `json:"workshops"`
}

// TemplateWorkshop is one workshop of a [Template].
type TemplateWorkshop struct {
	OffsetDays int `json:"offsetDays"`
	Days       int `json:"days"`
}

// DefaultTemplate returns the schedule of the Sujuvat palvelut coaching:
// four workshops of 2, 2, 2 and 1 days (seed 001: 7 workshop days), the
// second and third 14 weeks after the one before, the fourth 8 weeks and a
// day after the third. The gaps are those of the fifth round (3.–4.9.2024,
// 10.–11.12.2024, 18.–19.3.2025, 14.5.2025).
func DefaultTemplate() Template {
	return Template{Workshops: []TemplateWorkshop{
		{OffsetDays: 0, Days: 2},
		{OffsetDays: 98, Days: 2},
		{OffsetDays: 196, Days: 2},
		{OffsetDays: 253, Days: 1},
	}}
}

// Schedule returns the workshops of tmpl for a round whose first workshop
// day is start. A workshop whose first day falls on a Saturday or Sunday
// moves to the Monday after, and a workshop's days are consecutive working
// days (a two-day workshop starting on a Friday ends on the Monday), so no
// workshop day is on a weekend. Public holidays are not skipped.
func (tmpl Template) Schedule(start Date) []Workshop {
	out := make([]Workshop, 0, len(tmpl.Workshops))
	for i, tw := range tmpl.Workshops {
		first := nextWorkday(start.AddDays(tw.OffsetDays))
		last := first
		for d := 1; d < tw.Days; d++ {
			last = nextWorkday(last.AddDays(1))
		}
		out = append(out, Workshop{Number: i + 1, Start: first, End: last})
	}
	return out
}

func nextWorkday(d Date) Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(1)
	}
	return d
}
