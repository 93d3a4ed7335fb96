package pdsa_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// Example_ramp tests a same-day call-back to every new referral in three
// cycles of growing scale — one client, then one week, then the whole unit —
// and ends in adopt, which completes the ramp.
func Example_ramp() {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	ramp := pdsa.Ramp{ID: "callback-ramp", ChangeIdea: "callback", Title: "Same-day call-back to new referrals"}

	// Cycle 1: one client, one day.
	c, _ := ramp.Add(pdsa.Cycle{Type: pdsa.TypeTest}, day(2, 8))
	c.Plan = pdsa.Plan{
		Objective: "Call back a new referral the same day",
		Questions: []pdsa.Question{{Text: "Is the client reached the same day?", Prediction: "Yes, before 15:00"}},
		Tasks: []pdsa.Task{{What: "Call the first referral of the day", Who: "nurse-1",
			When: model.NewDate(2026, 3, 3), Where: "Neuvonta"}},
		Scale:       pdsa.Scale{Text: "one client, one day", Clients: 1, Days: 1},
		Data:        pdsa.DataPlan{Measures: []string{"callback-share"}, Collector: "nurse-1"},
		Responsible: "nurse-1",
		Evaluation:  model.NewDate(2026, 3, 4),
	}
	must(ramp.Move(pdsa.PhasePlan, day(2, 9)))
	must(ramp.Move(pdsa.PhaseDo, day(2, 10)))
	c.Do = pdsa.Do{Start: model.NewDate(2026, 3, 3), End: model.NewDate(2026, 3, 3),
		WhatHappened: "Reached at 13:40; the referral lacked a phone number, found in the register."}
	must(ramp.Move(pdsa.PhaseStudy, day(3, 16)))
	c.Plan.Questions[0].Result = "Yes, at 13:40"
	c.Study.Summary = "Feasible for one client; phone numbers are often missing."
	must(ramp.Move(pdsa.PhaseAct, day(4, 9)))
	c.Act = pdsa.Act{Decision: pdsa.DecisionAdapt, ScaleUp: true, Next: "Add the register look-up; try for a week"}
	must(ramp.Move(pdsa.PhaseClosed, day(4, 10))) // opens cycle 2, prefilled

	// Cycle 2: every referral for one week.
	c = ramp.Current()
	c.Plan.Scale = pdsa.Scale{Text: "all new referrals, one week", Clients: 14, Days: 7}
	c.Plan.Evaluation = model.NewDate(2026, 3, 13)
	must(ramp.Move(pdsa.PhasePlan, day(4, 11)))
	must(ramp.Move(pdsa.PhaseDo, day(5, 8)))
	c.Do = pdsa.Do{Start: model.NewDate(2026, 3, 6), End: model.NewDate(2026, 3, 12),
		WhatHappened: "13 of 14 called back the same day."}
	must(ramp.Move(pdsa.PhaseStudy, day(12, 16)))
	c.Plan.Questions[0].Result = "13 of 14 (93 %)"
	c.Study.Summary = "Works for a week; one miss on a day with two nurses ill."
	must(ramp.Move(pdsa.PhaseAct, day(13, 9)))
	c.Act = pdsa.Act{Decision: pdsa.DecisionAdopt, ScaleUp: true, Next: "Make it the unit's practice"}
	must(ramp.Move(pdsa.PhaseClosed, day(13, 10))) // adopt of a test: cycle 3 opens

	// Cycle 3: the whole unit, as its way of working.
	c = ramp.Current()
	c.Type = pdsa.TypeImplement
	c.Plan.Scale = pdsa.Scale{Text: "the whole unit, four weeks", Clients: 60, Days: 28}
	c.Plan.Evaluation = model.NewDate(2026, 4, 15)
	must(ramp.Move(pdsa.PhasePlan, day(16, 9)))
	must(ramp.Move(pdsa.PhaseDo, day(16, 12)))
	c.Do = pdsa.Do{Start: model.NewDate(2026, 3, 17), End: model.NewDate(2026, 4, 13),
		WhatHappened: "57 of 60 called back the same day; a back-up nurse covers absences."}
	must(ramp.Move(pdsa.PhaseStudy, time.Date(2026, 4, 14, 9, 0, 0, 0, time.UTC)))
	c.Plan.Questions[0].Result = "57 of 60 (95 %)"
	c.Study.Summary = "Holds at unit scale with a back-up nurse."
	must(ramp.Move(pdsa.PhaseAct, time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC)))
	c.Act = pdsa.Act{Decision: pdsa.DecisionAdopt}
	must(ramp.Move(pdsa.PhaseClosed, time.Date(2026, 4, 15, 10, 0, 0, 0, time.UTC)))

	for _, l := range ramp.Lessons() {
		fmt.Printf("%d. %s — %s → %s\n", l.Number, l.Scale, l.Summary, l.Decision)
	}
	fmt.Println("status:", ramp.Status(), "cycles:", len(ramp.Cycles), "findings:", len(ramp.Validate()))
	// Output:
	// 1. one client, one day — Feasible for one client; phone numbers are often missing. → adapt
	// 2. all new referrals, one week — Works for a week; one miss on a day with two nurses ill. → adopt
	// 3. the whole unit, four weeks — Holds at unit scale with a back-up nurse. → adopt
	// status: completed cycles: 3 findings: 0
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func ExampleCycle_Move() {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c := pdsa.Cycle{ChangeIdea: "callback", Number: 1, Type: pdsa.TypeTest, Created: now}
	fmt.Println(c.Move(pdsa.PhasePlan, now))

	// Plan → act skips two phases: never allowed.
	err := c.Move(pdsa.PhaseAct, now)
	fmt.Println(errors.Is(err, pdsa.ErrInvalidTransition), err)

	// Plan → do is allowed once the plan is complete.
	c.Plan.Questions = []pdsa.Question{{Text: "Is the client reached the same day?"}}
	err = c.Move(pdsa.PhaseDo, now.Add(time.Hour))
	var te *pdsa.TransitionError
	if errors.As(err, &te) {
		for _, f := range te.Findings {
			fmt.Println(f.Path, pdsa.Messages().Text(f, model.English))
		}
	}
	fmt.Println(c.Phase, len(c.History))
	// Output:
	// <nil>
	// true pdsa: invalid transition plan → act
	// /plan/evaluation The plan has no evaluation date.
	// /plan/objective The plan has no objective.
	// /plan/questions/0/prediction Question 1 has no prediction.
	// /plan/responsible The plan names no responsible person.
	// plan 1
}

func ExampleCycle_Missing() {
	c := pdsa.Cycle{Phase: pdsa.PhaseAct}
	for _, f := range c.Missing() {
		fmt.Println(f.Path, pdsa.Messages().Text(f, model.Finnish))
	}
	// Output:
	// /act/decision Päätös puuttuu: omaksutaanko, muokataanko vai hylätäänkö muutos?
}

func ExampleCycle_Reopen() {
	c := closedCycle()
	fmt.Println(c.Reopen(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), ""))
	fmt.Println(c.Reopen(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), "The coach asked to reconsider"))
	last := c.History[len(c.History)-1]
	fmt.Println(c.Phase, last.IsReopen(), last.Reason)
	// Output:
	// pdsa: cannot move closed → act: 1 missing: model: /history: pdsa.reopen.reason (error)
	// <nil>
	// act true The coach asked to reconsider
}

// closedCycle returns a cycle that went through every phase on 2 March 2026.
func closedCycle() pdsa.Cycle {
	c := pdsa.Cycle{ChangeIdea: "callback", Number: 1, Type: pdsa.TypeTest,
		Created: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		Plan: pdsa.Plan{Objective: "o", Questions: []pdsa.Question{{Text: "q", Prediction: "p", Result: "r"}},
			Responsible: "m1", Evaluation: model.NewDate(2026, 3, 4)},
		Do:    pdsa.Do{Start: model.NewDate(2026, 3, 3), WhatHappened: "w"},
		Study: pdsa.Study{Summary: "s"},
		Act:   pdsa.Act{Decision: pdsa.DecisionAdopt}}
	for i, p := range pdsa.Phases()[1:] {
		must(c.Move(p, c.Created.Add(time.Duration(i+1)*time.Hour)))
	}
	return c
}

func ExampleReplay() {
	c := closedCycle()
	phase, err := pdsa.Replay(c.History)
	fmt.Println(phase, err)
	c.History[2].To = pdsa.PhaseAct // study skipped
	phase, err = pdsa.Replay(c.History)
	fmt.Println(phase, err)
	// Output:
	// closed <nil>
	// do pdsa: history[2] do → act is not allowed
}

func ExampleCanMove() {
	fmt.Println(pdsa.CanMove(pdsa.PhaseDo, pdsa.PhaseStudy), pdsa.CanMove(pdsa.PhasePlan, pdsa.PhaseAct))
	// Output: true false
}

func ExampleCycle_PhaseDurations() {
	c := closedCycle()
	d := c.PhaseDurations(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))
	for _, p := range pdsa.Phases() {
		fmt.Printf("%s %.2f days\n", p, d[p].Hours()/24)
	}
	// Output:
	// draft 0.04 days
	// plan 0.04 days
	// do 0.04 days
	// study 0.04 days
	// act 0.04 days
	// closed 0.00 days
}

func ExampleCycle_Prefill() {
	c := closedCycle()
	next := c.Prefill(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	fmt.Println(next.Number, next.Phase, next.Plan.Objective, next.Plan.Questions[0].Prediction,
		next.Plan.Questions[0].Result == "", next.Plan.Evaluation.IsZero())
	// Output: 2 draft o p true true
}

func ExampleCycle_IsOverdue() {
	c := closedCycle()
	must(c.Reopen(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), "retest")) // act: evaluated
	fmt.Println(c.IsOverdue(time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC)))
	open := pdsa.Cycle{Phase: pdsa.PhaseDo, Plan: pdsa.Plan{Evaluation: model.NewDate(2026, 3, 4)}}
	fmt.Println(open.IsOverdue(time.Date(2026, 3, 4, 23, 0, 0, 0, time.UTC)),
		open.IsOverdue(time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)))
	// Output:
	// false
	// false true
}

func ExampleRamp_Move() {
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	r := pdsa.Ramp{ChangeIdea: "callback"}
	c, _ := r.Add(pdsa.Cycle{Type: pdsa.TypeImplement}, now)
	*c = closedCycle()
	c.Phase, c.History, c.Type = pdsa.PhaseAct, c.History[:4], pdsa.TypeImplement
	c.Act.Decision = pdsa.DecisionAbandon
	fmt.Println(r.Move(pdsa.PhaseClosed, now.Add(5*time.Hour)), r.Status(), len(r.Cycles))
	_, err := r.Add(pdsa.Cycle{}, now.Add(6*time.Hour))
	fmt.Println(errors.Is(err, pdsa.ErrRampEnded), err)
	// Output:
	// <nil> abandoned 1
	// true pdsa: ramp has ended (abandoned)
}

func ExampleRamp_Overdue() {
	r := pdsa.Ramp{ChangeIdea: "callback", Cycles: []pdsa.Cycle{closedCycle()}}
	r.Cycles = append(r.Cycles, r.Cycles[0].Prefill(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)))
	r.Cycles[1].Plan.Evaluation = model.NewDate(2026, 3, 13)
	for _, c := range r.Overdue(time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)) {
		fmt.Println("cycle", c.Number, "was to be evaluated on", c.Plan.Evaluation)
	}
	fmt.Println(len(r.Open()), "open")
	// Output:
	// cycle 2 was to be evaluated on 2026-03-13
	// 1 open
}

func ExampleAim_Validate() {
	target := 90.0
	aim := pdsa.Aim{
		Statement:   "New referrals are called back the same day",
		Measure:     "callback-share",
		Target:      &target,
		Unit:        "%",
		ClientGroup: "older-people",
	}
	for _, f := range aim.Validate() {
		fmt.Println(f.Severity, f.Path, pdsa.Messages().Text(f, model.English))
	}
	// Output:
	// warning /baseline The aim has no baseline.
	// warning /by The aim has no date: by when?
}

func ExampleDriverDiagram_Validate() {
	d := pdsa.DriverDiagram{
		Nodes: []pdsa.Node{
			{ID: "aim", Kind: pdsa.KindAim, Text: "90 % called back the same day"},
			{ID: "p1", Kind: pdsa.KindPrimary, Text: "Reliable intake"},
			{ID: "s1", Kind: pdsa.KindSecondary, Text: "Referrals read before noon"},
			{ID: "callback", Kind: pdsa.KindChange, Text: "Duty nurse calls back"},
			{ID: "leaflet", Kind: pdsa.KindChange, Text: "A leaflet"},
		},
		Links: []pdsa.Link{
			{From: "p1", To: "aim", Strength: pdsa.StrengthStrong},
			{From: "s1", To: "p1"},
			{From: "callback", To: "s1"},
			{From: "aim", To: "leaflet"},
		},
	}
	for _, f := range d.Validate() {
		fmt.Println(f.Path, pdsa.Messages().Text(f, model.English))
	}
	fmt.Println(d.Reaches("callback"), d.Drives("s1"))
	// Output:
	// /links/3 The link from aim to change points the wrong way.
	// /nodes/4 No path leads from the change idea "leaflet" to the aim.
	// true [p1]
}

func ExampleDecode() {
	data := []byte(`{"changeIdea":"callback","cycles":[
	  {"changeIdea":"callback","number":1,"type":"test","phase":"plan",
	   "history":[{"from":"draft","to":"plan","at":"2026-03-02T09:00:00+02:00"}]},
	  {"changeIdea":"callback","number":2,"type":"pilot"}]}`)
	r, fs := pdsa.Decode[pdsa.Ramp](data)
	fmt.Println(len(r.Cycles), r.Status())
	for _, f := range fs {
		fmt.Println(f)
	}
	_, fs = pdsa.Decode[pdsa.Ramp]([]byte(`{"cycles":{}}`))
	fmt.Println(fs)
	// Output:
	// 2 active
	// /cycles/0/phase: pdsa.ramp.open (error) number=1
	// /cycles/1/type: enum.unknown (error) value=pilot
	// model: /cycles: json.type (error) got=object want=[]pdsa.Cycle
}

func ExampleMessages() {
	f := model.NewError("/plan/responsible", pdsa.CodePlanResponsible)
	for _, l := range model.Languages() {
		fmt.Println(l, pdsa.Messages().Text(f, l))
	}
	// Output:
	// fi Suunnitelmasta puuttuu vastuuhenkilö.
	// sv Planen saknar ansvarsperson.
	// en The plan names no responsible person.
}
