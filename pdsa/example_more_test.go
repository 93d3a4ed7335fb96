package pdsa_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// adaptedRamp returns a ramp whose first cycle closed with adapt on 2 March
// 2026, so that its second, prefilled cycle waits in draft.
func adaptedRamp() pdsa.Ramp {
	first := closedCycle()
	first.Act.Decision = pdsa.DecisionAdapt
	closedAt := first.History[len(first.History)-1].At
	return pdsa.Ramp{ID: "r1", ChangeIdea: "callback", Cycles: []pdsa.Cycle{first, first.Prefill(closedAt)}}
}

func ExampleRamp_Add() {
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	r := pdsa.Ramp{ID: "r1", ChangeIdea: "callback"}
	c, err := r.Add(pdsa.Cycle{Type: pdsa.TypeTest, Title: "One client"}, now)
	fmt.Println(err, c.Number, c.ChangeIdea, c.Phase, c.Created.Format(time.RFC3339))
	_, err = r.Add(pdsa.Cycle{}, now)
	fmt.Println(errors.Is(err, pdsa.ErrCycleOpen), err)
	// Output:
	// <nil> 1 callback draft 2026-03-02T08:00:00Z
	// true pdsa: the ramp's last cycle is still open (cycle 1 is in draft)
}

func ExampleRamp_Reopen() {
	r := adaptedRamp()
	fmt.Println(len(r.Cycles), r.Cycles[1].Phase)
	// The untouched draft of cycle 2 is dropped and cycle 1 is back in act.
	err := r.Reopen(time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC), "Adopt instead: the unit is ready")
	fmt.Println(err, len(r.Cycles), r.Current().Phase)
	// Output:
	// 2 draft
	// <nil> 1 act
}

func ExampleRamp_Lessons() {
	for _, l := range adaptedRamp().Lessons() {
		fmt.Println(l.Number, l.Summary, l.Decision)
	}
	// Output: 1 s adapt
}

func ExampleRamp_Status() {
	r := adaptedRamp()
	fmt.Println(r.Status())
	r.Cycles = r.Cycles[:1]
	r.Cycles[0].Act.Decision = pdsa.DecisionAbandon
	fmt.Println(r.Status())
	// Output:
	// active
	// abandoned
}

func ExampleRamp_PhaseDurations() {
	r := adaptedRamp()
	d := r.PhaseDurations(time.Date(2026, 3, 4, 13, 0, 0, 0, time.UTC))
	fmt.Println(d[pdsa.PhaseDraft], d[pdsa.PhasePlan])
	// Output: 49h0m0s 1h0m0s
}

func ExampleRamp_Validate() {
	r := adaptedRamp()
	r.Cycles[1].Number = 3
	r.Cycles[1].Plan.Scale = pdsa.Scale{Text: "one client", Clients: 1}
	r.Cycles[0].Plan.Scale = pdsa.Scale{Text: "a week", Clients: 10}
	for _, f := range r.Validate() {
		fmt.Println(f)
	}
	// Output:
	// /cycles/1/number: pdsa.ramp.number (error) number=3 want=2
	// /cycles/1/plan/scale: pdsa.ramp.scale (warning) number=2
}

func ExampleCycle_Validate() {
	c := closedCycle()
	c.Phase = pdsa.PhaseStudy // edited by hand, not moved
	for _, f := range c.Validate() {
		fmt.Println(f)
	}
	// Output:
	// /phase: pdsa.cycle.phase (error) history=closed phase=study
}

func ExampleCycle_Check() {
	c := closedCycle()
	c.Plan.Tasks = []pdsa.Task{{What: "Call", Who: "m9"}}
	refs := pdsa.RefsOf([]string{"m1", "m2"}, []string{"callback-share"}, []string{"callback"})
	for _, f := range c.Check(refs) {
		fmt.Println(f.Path, pdsa.Messages().Text(f, model.Swedish))
	}
	// Output:
	// /plan/tasks/0/who Personen ”m9” är inte medlem i teamet.
}

func ExampleRefsOf() {
	aim := pdsa.Aim{Statement: "s", Measure: "callback-share", Changes: []string{"callback", "leaflet"}}
	d := pdsa.DriverDiagram{Nodes: []pdsa.Node{{ID: "callback", Kind: pdsa.KindChange, Text: "Call back"}}}
	fmt.Println(aim.Check(pdsa.RefsOf(nil, []string{"callback-share"}, d.ChangeIdeaIDs())))
	// Output: model: /changes/1: pdsa.ref.changeIdea (error) id=leaflet
}

func ExampleOpenCycles() {
	ramps := []pdsa.Ramp{{ID: "done", Cycles: []pdsa.Cycle{closedCycle()}}, adaptedRamp()}
	for _, ref := range pdsa.OpenCycles(ramps) {
		fmt.Println(ref.Ramp, ref.Cycle.Number, ref.Cycle.Phase)
	}
	// Output: r1 2 draft
}

func ExampleOverdueCycles() {
	r := adaptedRamp()
	r.Cycles[1].Plan.Evaluation = model.NewDate(2026, 3, 10)
	now := time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC)
	for _, ref := range pdsa.OverdueCycles([]pdsa.Ramp{r}, now) {
		fmt.Println(ref.Ramp, ref.Cycle.Number, ref.Cycle.Plan.Evaluation)
	}
	// Output: r1 2 2026-03-10
}

func ExampleParsePhase() {
	p, err := pdsa.ParsePhase("study")
	fmt.Println(p, err)
	_, err = pdsa.ParsePhase("review")
	fmt.Println(errors.Is(err, model.ErrUnknownEnum), err)
	// Output:
	// study <nil>
	// true model: unknown phase "review"
}

func ExampleDriverDiagram_Reaches() {
	d := pdsa.DriverDiagram{
		Nodes: []pdsa.Node{
			{ID: "aim", Kind: pdsa.KindAim, Text: "a"},
			{ID: "p1", Kind: pdsa.KindPrimary, Text: "p"},
			{ID: "s1", Kind: pdsa.KindSecondary, Text: "s"},
			{ID: "c1", Kind: pdsa.KindChange, Text: "c"},
			{ID: "c2", Kind: pdsa.KindChange, Text: "c"},
		},
		Links: []pdsa.Link{{From: "p1", To: "aim"}, {From: "s1", To: "p1"}, {From: "c1", To: "s1"}},
	}
	for _, c := range d.ChangeIdeas() {
		fmt.Println(c.ID, d.Reaches(c.ID))
	}
	// Output:
	// c1 true
	// c2 false
}
