package pdsa_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// runToAct fills the ramp's last cycle and moves it to act, the k-th move
// at start plus k hours.
func runToAct(t *testing.T, r *pdsa.Ramp, start time.Time) {
	t.Helper()
	fill(r.Current())
	for i, p := range []pdsa.Phase{pdsa.PhasePlan, pdsa.PhaseDo, pdsa.PhaseStudy, pdsa.PhaseAct} {
		require.NoError(t, r.Move(p, start.Add(time.Duration(i+1)*time.Hour)))
	}
}

// closeCases close a ramp's first cycle with each decision and type.
var closeCases = []struct {
	name     string
	typ      pdsa.CycleType
	decision pdsa.Decision
	status   pdsa.RampStatus
	cycles   int // after the close
}{
	{name: "adapt a test", typ: pdsa.TypeTest, decision: pdsa.DecisionAdapt, status: pdsa.RampActive, cycles: 2},
	{name: "adopt a test", typ: pdsa.TypeTest, decision: pdsa.DecisionAdopt, status: pdsa.RampActive, cycles: 2},
	{name: "adopt a develop cycle", typ: pdsa.TypeDevelop, decision: pdsa.DecisionAdopt, status: pdsa.RampActive, cycles: 2},
	{name: "adapt an implementation", typ: pdsa.TypeImplement, decision: pdsa.DecisionAdapt, status: pdsa.RampActive, cycles: 2},
	{name: "adopt an implementation", typ: pdsa.TypeImplement, decision: pdsa.DecisionAdopt, status: pdsa.RampCompleted, cycles: 1},
	{name: "abandon a test", typ: pdsa.TypeTest, decision: pdsa.DecisionAbandon, status: pdsa.RampAbandoned, cycles: 1},
	{name: "abandon an implementation", typ: pdsa.TypeImplement, decision: pdsa.DecisionAbandon, status: pdsa.RampAbandoned, cycles: 1},
}

func TestRampClose(t *testing.T) {
	for _, tc := range closeCases {
		t.Run(tc.name, func(t *testing.T) {
			r := pdsa.Ramp{ID: "r1", ChangeIdea: "callback"}
			_, err := r.Add(pdsa.Cycle{}, t0)
			require.NoError(t, err)
			runToAct(t, &r, t0)
			r.Current().Type, r.Current().Act.Decision = tc.typ, tc.decision
			closedAt := hour(10)
			require.NoError(t, r.Move(pdsa.PhaseClosed, closedAt))
			assert.Equal(t, tc.status, r.Status())
			require.Len(t, r.Cycles, tc.cycles)
			assert.Empty(t, r.Validate())
			first := r.Cycles[0]
			if tc.cycles == 1 {
				_, err := r.Add(pdsa.Cycle{}, hour(11))
				require.ErrorIs(t, err, pdsa.ErrRampEnded)
				assert.Empty(t, r.Open())
				return
			}
			next := r.Cycles[1]
			assert.Equal(t, first.Prefill(closedAt), next)
			assert.Equal(t, 2, next.Number)
			assert.Equal(t, pdsa.PhaseDraft, next.Phase)
			assert.Equal(t, closedAt, next.Created)
			assert.Equal(t, first.Plan.Objective, next.Plan.Objective)
			assert.Equal(t, first.Plan.Questions[0].Prediction, next.Plan.Questions[0].Prediction)
			assert.Empty(t, next.Plan.Questions[0].Result)
			assert.True(t, next.Plan.Evaluation.IsZero())
			assert.True(t, next.Plan.Tasks[0].When.IsZero())
			assert.Equal(t, pdsa.Do{}, next.Do)
			assert.Equal(t, pdsa.Act{}, next.Act)
			assert.Empty(t, next.History)
			assert.Equal(t, []pdsa.Cycle{next}, r.Open())
		})
	}
}

func TestPrefillDoesNotShare(t *testing.T) {
	c := complete()
	n := c.Prefill(t0)
	n.Plan.Questions[0].Text = "changed"
	n.Plan.Tasks[0].What = "changed"
	n.Plan.Data.Measures[0] = "changed"
	assert.Equal(t, complete(), c)
}

func TestRampAdd(t *testing.T) {
	var r pdsa.Ramp
	require.ErrorIs(t, r.Move(pdsa.PhasePlan, t0), pdsa.ErrNoCycle)
	require.ErrorIs(t, r.Reopen(t0, "x"), pdsa.ErrNoCycle)
	assert.Nil(t, r.Current())
	assert.Equal(t, pdsa.RampActive, r.Status())

	r.ChangeIdea = "callback"
	c, err := r.Add(pdsa.Cycle{ChangeIdea: "other", Number: 7, Phase: pdsa.PhaseAct,
		History: []pdsa.Transition{{From: "draft", To: "plan"}}}, t0)
	require.NoError(t, err)
	assert.Equal(t, pdsa.Cycle{ChangeIdea: "callback", Number: 1, Phase: pdsa.PhaseDraft, Created: t0}, *c)
	_, err = r.Add(pdsa.Cycle{}, t0)
	require.ErrorIs(t, err, pdsa.ErrCycleOpen)

	var free pdsa.Ramp // a ramp without a change idea keeps the cycle's
	c, err = free.Add(pdsa.Cycle{ChangeIdea: "x"}, t0)
	require.NoError(t, err)
	assert.Equal(t, "x", c.ChangeIdea)
}

func TestRampReopen(t *testing.T) {
	r := pdsa.Ramp{ChangeIdea: "callback"}
	_, err := r.Add(pdsa.Cycle{}, t0)
	require.NoError(t, err)
	require.ErrorIs(t, r.Reopen(hour(1), "x"), pdsa.ErrInvalidTransition, "an open cycle cannot be reopened")
	runToAct(t, &r, t0)
	require.NoError(t, r.Move(pdsa.PhaseClosed, hour(5))) // adapt: cycle 2 opens
	require.Len(t, r.Cycles, 2)

	// The untouched draft goes away when its predecessor is reopened.
	require.NoError(t, r.Reopen(hour(6), "wrong decision"))
	require.Len(t, r.Cycles, 1)
	assert.Equal(t, pdsa.PhaseAct, r.Current().Phase)
	r.Current().Act.Decision = pdsa.DecisionAbandon
	require.NoError(t, r.Move(pdsa.PhaseClosed, hour(7)))
	assert.Equal(t, pdsa.RampAbandoned, r.Status())

	// Reopening the abandoning cycle makes the ramp active again.
	require.NoError(t, r.Reopen(hour(8), "the unit changed its mind"))
	assert.Equal(t, pdsa.RampActive, r.Status())
	r.Current().Act.Decision = pdsa.DecisionAdapt
	require.NoError(t, r.Move(pdsa.PhaseClosed, hour(9)))
	require.Len(t, r.Cycles, 2)

	// Once the next cycle has moved, its predecessor stays closed.
	fill(r.Current())
	require.NoError(t, r.Move(pdsa.PhasePlan, hour(10)))
	require.ErrorIs(t, r.Reopen(hour(11), "too late"), pdsa.ErrReopen)
	assert.Empty(t, r.Validate())
}

// threeCycles returns a ramp of the call-back change with two cycles: the
// first closed with adapt on day 3 after t0, the second (one week, 12
// clients) in do since day 5, to be evaluated on 2026-03-13.
func twoCycles(t *testing.T) pdsa.Ramp {
	r := pdsa.Ramp{ID: "r1", ChangeIdea: "callback"}
	_, err := r.Add(pdsa.Cycle{}, t0)
	require.NoError(t, err)
	fill(r.Current())
	day := func(d int, h int) time.Time {
		return t0.Add(time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour)
	}
	require.NoError(t, r.Move(pdsa.PhasePlan, day(0, 1)))
	require.NoError(t, r.Move(pdsa.PhaseDo, day(1, 0)))
	require.NoError(t, r.Move(pdsa.PhaseStudy, day(2, 0)))
	require.NoError(t, r.Move(pdsa.PhaseAct, day(2, 6)))
	require.NoError(t, r.Move(pdsa.PhaseClosed, day(3, 0)))
	c := r.Current()
	c.Plan.Evaluation = model.NewDate(2026, 3, 13)
	c.Plan.Scale = pdsa.Scale{Text: "one week", Clients: 12, Days: 7}
	require.NoError(t, r.Move(pdsa.PhasePlan, day(4, 0)))
	require.NoError(t, r.Move(pdsa.PhaseDo, day(5, 0)))
	return r
}

func TestRampQueries(t *testing.T) {
	r := twoCycles(t)
	require.Len(t, r.Cycles, 2)
	assert.Equal(t, []pdsa.Lesson{{Number: 1, Scale: "one client, one day",
		Summary: "Feasible; the call takes longer than predicted.", Decision: pdsa.DecisionAdapt}}, r.Lessons())

	open := r.Open()
	require.Len(t, open, 1)
	assert.Equal(t, 2, open[0].Number)

	assert.Empty(t, r.Overdue(time.Date(2026, 3, 13, 23, 59, 0, 0, time.UTC)), "due on the day itself")
	overdue := r.Overdue(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	require.Len(t, overdue, 1)
	assert.Equal(t, 2, overdue[0].Number)
	// Helsinki is two hours ahead: at 23:00 UTC on the 13th it is already the 14th there.
	helsinki := time.FixedZone("EET", 2*60*60)
	assert.Len(t, r.Overdue(time.Date(2026, 3, 13, 23, 0, 0, 0, time.UTC).In(helsinki)), 1)

	now := t0.Add(7 * 24 * time.Hour)
	got := r.PhaseDurations(now)
	assert.Equal(t, map[pdsa.Phase]time.Duration{
		pdsa.PhaseDraft: 1*time.Hour + 24*time.Hour, // cycle 1: 1 h; cycle 2: day 3 → day 4
		pdsa.PhasePlan:  23*time.Hour + 24*time.Hour,
		pdsa.PhaseDo:    24*time.Hour + 2*24*time.Hour, // cycle 2 still in do at day 7
		pdsa.PhaseStudy: 6 * time.Hour,
		pdsa.PhaseAct:   18 * time.Hour,
	}, got)
	assert.Empty(t, r.Validate())
}

func TestCyclePhaseDurations(t *testing.T) {
	assert.Empty(t, pdsa.Cycle{}.PhaseDurations(t0), "no start, no time")
	c := at(t, pdsa.PhaseClosed) // moves at hours 1..5
	require.NoError(t, c.Reopen(hour(8), "retest"))
	got := c.PhaseDurations(hour(10))
	assert.Equal(t, map[pdsa.Phase]time.Duration{
		pdsa.PhaseDraft: time.Hour, pdsa.PhasePlan: time.Hour, pdsa.PhaseDo: time.Hour,
		pdsa.PhaseStudy: time.Hour, pdsa.PhaseAct: 3 * time.Hour, pdsa.PhaseClosed: 3 * time.Hour,
	}, got)
	assert.Equal(t, hour(8), c.EnteredAt())
	assert.Equal(t, time.Hour, c.PhaseDurations(hour(7))[pdsa.PhaseAct], "now before the reopening adds no negative span")
}

// rampCases are ramps and exactly what Validate must report.
var rampCases = []struct {
	name string
	edit func(*pdsa.Ramp)
	want model.Findings
}{
	{name: "valid"},
	{name: "numbers out of order", edit: func(r *pdsa.Ramp) { r.Cycles[1].Number = 5 },
		want: model.Findings{model.NewError("/cycles/1/number", pdsa.CodeRampNumber).With("number", 5).With("want", 2)}},
	{name: "number zero", edit: func(r *pdsa.Ramp) { r.Cycles[0].Number = 0 },
		want: model.Findings{
			model.NewError("/cycles/0/number", pdsa.CodeCycleNumber).With("number", 0),
			model.NewError("/cycles/0/number", pdsa.CodeRampNumber).With("number", 0).With("want", 1),
		}},
	{name: "another change idea", edit: func(r *pdsa.Ramp) { r.Cycles[1].ChangeIdea = "slot" },
		want: model.Findings{model.NewError("/cycles/1/changeIdea", pdsa.CodeRampChangeIdea).With("id", "slot").With("want", "callback")}},
	{name: "an earlier cycle open", edit: func(r *pdsa.Ramp) {
		r.Cycles[0].Phase = pdsa.PhaseAct
		r.Cycles[0].History = r.Cycles[0].History[:4]
	}, want: model.Findings{model.NewError("/cycles/0/phase", pdsa.CodeRampOpen).With("number", 1)}},
	{name: "a cycle after the ramp ended", edit: func(r *pdsa.Ramp) { r.Cycles[0].Act.Decision = pdsa.DecisionAbandon },
		want: model.Findings{model.NewError("/cycles/1", pdsa.CodeRampEnded).With("number", 1).With("status", "abandoned")}},
	{name: "sizes not given are not compared", edit: func(r *pdsa.Ramp) {
		r.Cycles[1].Plan.Scale.Days = 0
		r.Cycles[1].Plan.Scale.Clients = 0
		r.Cycles[0].Plan.Scale.Days = 14
	},
		want: nil},
	{name: "smaller next cycle", edit: func(r *pdsa.Ramp) { r.Cycles[0].Plan.Scale = pdsa.Scale{Text: "two weeks", Clients: 20, Days: 14} },
		want: model.Findings{model.NewWarning("/cycles/1/plan/scale", pdsa.CodeRampScale).With("number", 2)}},
	{name: "cycle findings under the cycle", edit: func(r *pdsa.Ramp) {
		r.Cycles[1].Phase = pdsa.PhaseStudy
		r.Cycles[1].Plan.Scale.Clients = -1
		r.Cycles[1].Type = "pilot"
		r.Cycles[1].Plan.Tasks[0].When = model.Date{Year: 2026, Month: 4, Day: 31}
	}, want: model.Findings{
		model.NewError("/cycles/1/phase", pdsa.CodeCyclePhase).With("phase", "study").With("history", "do"),
		model.NewError("/cycles/1/plan/scale/clients", pdsa.CodeNegative).With("value", -1),
		model.NewError("/cycles/1/plan/tasks/0/when", model.CodeJSONType).With("want", "date").With("got", "2026-04-31"),
		model.NewError("/cycles/1/type", model.CodeEnumUnknown).With("value", "pilot"),
	}},
	{name: "broken history", edit: func(r *pdsa.Ramp) { r.Cycles[1].History[1].From = pdsa.PhaseDraft },
		want: model.Findings{model.NewError("/cycles/1/history/1", pdsa.CodeCycleHistory).With("reason", "starts at draft, not at plan")}},
}

func TestRampValidate(t *testing.T) {
	for _, tc := range rampCases {
		t.Run(tc.name, func(t *testing.T) {
			r := twoCycles(t)
			if tc.edit != nil {
				tc.edit(&r)
			}
			assert.Equal(t, tc.want, r.Validate())
		})
	}
}

func TestAcrossRamps(t *testing.T) {
	done := pdsa.Ramp{ID: "done", Cycles: []pdsa.Cycle{at(t, pdsa.PhaseClosed)}}
	running := twoCycles(t)
	ramps := []pdsa.Ramp{done, running, {ID: "empty"}}
	open := pdsa.OpenCycles(ramps)
	if assert.Len(t, open, 1) {
		assert.Equal(t, "r1", open[0].Ramp)
		assert.Equal(t, 1, open[0].Index)
		assert.Equal(t, 2, open[0].Cycle.Number)
	}
	assert.Empty(t, pdsa.OverdueCycles(ramps, time.Date(2026, 3, 13, 12, 0, 0, 0, time.UTC)))
	late := pdsa.OverdueCycles(ramps, time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC))
	if assert.Len(t, late, 1) {
		assert.Equal(t, model.NewDate(2026, 3, 13), late[0].Cycle.Plan.Evaluation)
	}
	assert.Empty(t, pdsa.OpenCycles(nil))
}
