package pdsa_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// transitionCases holds every move of the state machine: each legal move
// with a complete phase and with what is missing, then every other pair of
// phases (built by illegalMoves), each with the findings it must return.
var transitionCases = append([]transitionCase{
	{name: "draft→plan", from: pdsa.PhaseDraft, to: pdsa.PhasePlan},
	{name: "zero phase is draft", from: pdsa.PhaseDraft, edit: func(c *pdsa.Cycle) { c.Phase = "" }, to: pdsa.PhasePlan},
	{name: "draft→plan without change idea or type", from: pdsa.PhaseDraft, to: pdsa.PhasePlan,
		edit: func(c *pdsa.Cycle) { c.ChangeIdea, c.Type = "", "" },
		want: model.Findings{model.NewError("/changeIdea", model.CodeRequired), model.NewError("/type", model.CodeRequired)}},
	{name: "draft→plan with unknown type", from: pdsa.PhaseDraft, to: pdsa.PhasePlan,
		edit: func(c *pdsa.Cycle) { c.Type = "pilot" },
		want: model.Findings{model.NewError("/type", model.CodeEnumUnknown).With("value", "pilot")}},

	{name: "plan→do", from: pdsa.PhasePlan, to: pdsa.PhaseDo},
	{name: "plan→do without tasks", from: pdsa.PhasePlan, to: pdsa.PhaseDo, edit: func(c *pdsa.Cycle) { c.Plan.Tasks = nil }},
	{name: "plan→do with an empty plan", from: pdsa.PhasePlan, to: pdsa.PhaseDo,
		edit: func(c *pdsa.Cycle) { c.Plan = pdsa.Plan{} },
		want: model.Findings{
			model.NewError("/plan/evaluation", pdsa.CodePlanEvaluation),
			model.NewError("/plan/objective", pdsa.CodePlanObjective),
			model.NewError("/plan/questions", pdsa.CodePlanQuestions),
			model.NewError("/plan/responsible", pdsa.CodePlanResponsible),
		}},
	{name: "plan→do with a question without prediction and a task without who", from: pdsa.PhasePlan, to: pdsa.PhaseDo,
		edit: func(c *pdsa.Cycle) {
			c.Plan.Questions[1].Prediction = ""
			c.Plan.Tasks = append(c.Plan.Tasks, pdsa.Task{})
			c.Plan.Tasks[0].Who = ""
		},
		want: model.Findings{
			model.NewError("/plan/questions/1/prediction", pdsa.CodePlanPrediction).With("number", 2),
			model.NewError("/plan/tasks/0/who", model.CodeRequired),
			model.NewError("/plan/tasks/1/what", model.CodeRequired),
			model.NewError("/plan/tasks/1/who", model.CodeRequired),
		}},
	{name: "plan→do with an impossible evaluation date", from: pdsa.PhasePlan, to: pdsa.PhaseDo,
		edit: func(c *pdsa.Cycle) { c.Plan.Evaluation = model.Date{Year: 2026, Month: 2, Day: 30} },
		want: model.Findings{model.NewError("/plan/evaluation", pdsa.CodePlanEvaluation)}},

	{name: "do→study", from: pdsa.PhaseDo, to: pdsa.PhaseStudy},
	{name: "do→study still running", from: pdsa.PhaseDo, to: pdsa.PhaseStudy, edit: func(c *pdsa.Cycle) { c.Do.End = model.Date{} }},
	{name: "do→study without observations", from: pdsa.PhaseDo, to: pdsa.PhaseStudy,
		edit: func(c *pdsa.Cycle) { c.Do = pdsa.Do{} },
		want: model.Findings{
			model.NewError("/do/start", pdsa.CodeDoStart),
			model.NewError("/do/whatHappened", pdsa.CodeDoObservations),
		}},
	{name: "do→study ending before it starts", from: pdsa.PhaseDo, to: pdsa.PhaseStudy,
		edit: func(c *pdsa.Cycle) { c.Do.End = model.NewDate(2026, 3, 1) },
		want: model.Findings{model.NewError("/do/end", pdsa.CodeDoDates).With("start", "2026-03-03").With("end", "2026-03-01")}},

	{name: "study→act", from: pdsa.PhaseStudy, to: pdsa.PhaseAct},
	{name: "study→act without results or summary", from: pdsa.PhaseStudy, to: pdsa.PhaseAct,
		edit: func(c *pdsa.Cycle) {
			c.Plan.Questions[0].Result, c.Plan.Questions[1].Result, c.Study.Summary = "", "", ""
		},
		want: model.Findings{
			model.NewError("/plan/questions/0/result", pdsa.CodeStudyResult).With("number", 1),
			model.NewError("/plan/questions/1/result", pdsa.CodeStudyResult).With("number", 2),
			model.NewError("/study/summary", pdsa.CodeStudySummary),
		}},

	{name: "act→closed", from: pdsa.PhaseAct, to: pdsa.PhaseClosed},
	{name: "act→closed without decision", from: pdsa.PhaseAct, to: pdsa.PhaseClosed,
		edit: func(c *pdsa.Cycle) { c.Act.Decision = "" },
		want: model.Findings{model.NewError("/act/decision", pdsa.CodeActDecision)}},
	{name: "act→closed with unknown decision", from: pdsa.PhaseAct, to: pdsa.PhaseClosed,
		edit: func(c *pdsa.Cycle) { c.Act.Decision = "postpone" },
		want: model.Findings{model.NewError("/act/decision", model.CodeEnumUnknown).With("value", "postpone")}},

	{name: "unknown phase", from: pdsa.PhaseDraft, edit: func(c *pdsa.Cycle) { c.Phase = "review" }, to: pdsa.PhasePlan, illegal: true},
	{name: "to unknown phase", from: pdsa.PhasePlan, to: "review", illegal: true},
	{name: "to zero phase", from: pdsa.PhasePlan, to: "", illegal: true},
}, illegalMoves()...)

// transitionCase is one move of a cycle: from a complete cycle in phase
// from, changed by edit, to phase to.
type transitionCase struct {
	name    string
	from    pdsa.Phase
	edit    func(*pdsa.Cycle) // applied before the move
	to      pdsa.Phase
	want    model.Findings // what is missing; nil when the move succeeds or is illegal
	illegal bool           // the state machine never allows the move
}

// illegalMoves lists every pair of phases that is not a legal move.
func illegalMoves() []transitionCase {
	var out []transitionCase
	ps := pdsa.Phases()
	for i, from := range ps {
		for j, to := range ps {
			if j == i+1 {
				continue
			}
			out = append(out, transitionCase{name: fmt.Sprintf("%s→%s is illegal", from, to), from: from, to: to, illegal: true})
		}
	}
	return out
}

func TestMove(t *testing.T) {
	require.Len(t, illegalMoves(), 36-5)
	for _, tc := range transitionCases {
		t.Run(tc.name, func(t *testing.T) {
			c := at(t, tc.from)
			if tc.edit != nil {
				tc.edit(&c)
			}
			before := c
			before.History = append([]pdsa.Transition(nil), c.History...)
			err := c.Move(tc.to, hour(100))
			switch {
			case tc.illegal:
				var te *pdsa.TransitionError
				require.ErrorAs(t, err, &te)
				assert.ErrorIs(t, err, pdsa.ErrInvalidTransition)
				assert.NotErrorIs(t, err, pdsa.ErrIncomplete)
				assert.Equal(t, tc.to, te.To)
				assert.Empty(t, te.Findings)
				assert.Equal(t, before, c, "a refused move changes nothing")
			case tc.want != nil:
				var te *pdsa.TransitionError
				require.ErrorAs(t, err, &te)
				assert.ErrorIs(t, err, pdsa.ErrIncomplete)
				assert.ErrorIs(t, err, model.ErrInvalid)
				assert.NotErrorIs(t, err, pdsa.ErrInvalidTransition)
				assert.Equal(t, tc.from, te.From)
				assert.Equal(t, tc.to, te.To)
				assert.Equal(t, tc.want, te.Findings)
				assert.Equal(t, tc.want, c.Missing(), "Missing says the same")
				assert.Equal(t, before, c, "a refused move changes nothing")
			default:
				require.NoError(t, err)
				assert.Empty(t, before.Missing())
				assert.Equal(t, tc.to, c.Phase)
				require.Len(t, c.History, len(before.History)+1)
				assert.Equal(t, pdsa.Transition{From: tc.from, To: tc.to, At: hour(100)}, c.History[len(c.History)-1])
			}
		})
	}
}

func TestCanMove(t *testing.T) {
	legal := 0
	for _, from := range append(pdsa.Phases(), "", "review") {
		for _, to := range append(pdsa.Phases(), "", "review") {
			if pdsa.CanMove(from, to) {
				legal++
			}
		}
	}
	assert.Equal(t, 5, legal)
	assert.True(t, pdsa.CanMove(pdsa.PhaseAct, pdsa.PhaseClosed))
	assert.False(t, pdsa.CanMove(pdsa.PhaseClosed, pdsa.PhaseAct), "reopening is not a move")
	assert.False(t, pdsa.CanMove(pdsa.PhasePlan, pdsa.PhaseAct))
}

// reopenCases covers Cycle.Reopen from every phase.
var reopenCases = []struct {
	name   string
	from   pdsa.Phase
	reason string
	err    error          // the sentinel the error wraps; nil for success
	want   model.Findings // findings of an incomplete reopening
}{
	{name: "closed with a reason", from: pdsa.PhaseClosed, reason: "The unit asked to retest"},
	{name: "closed without a reason", from: pdsa.PhaseClosed, err: pdsa.ErrIncomplete,
		want: model.Findings{model.NewError("/history", pdsa.CodeReopenReason)}},
	{name: "draft", from: pdsa.PhaseDraft, reason: "x", err: pdsa.ErrInvalidTransition},
	{name: "plan", from: pdsa.PhasePlan, reason: "x", err: pdsa.ErrInvalidTransition},
	{name: "do", from: pdsa.PhaseDo, reason: "x", err: pdsa.ErrInvalidTransition},
	{name: "study", from: pdsa.PhaseStudy, reason: "x", err: pdsa.ErrInvalidTransition},
	{name: "act", from: pdsa.PhaseAct, reason: "x", err: pdsa.ErrInvalidTransition},
}

func TestReopen(t *testing.T) {
	for _, tc := range reopenCases {
		t.Run(tc.name, func(t *testing.T) {
			c := at(t, tc.from)
			n := len(c.History)
			err := c.Reopen(hour(50), tc.reason)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				var te *pdsa.TransitionError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, tc.want, te.Findings)
				assert.Equal(t, tc.from, c.Phase)
				assert.Len(t, c.History, n)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, pdsa.PhaseAct, c.Phase)
			require.Len(t, c.History, n+1)
			last := c.History[n]
			assert.Equal(t, pdsa.Transition{From: pdsa.PhaseClosed, To: pdsa.PhaseAct, At: hour(50), Reason: tc.reason}, last)
			assert.True(t, last.IsReopen())
			// The decision can be changed and the cycle closed again.
			c.Act.Decision = pdsa.DecisionAbandon
			require.NoError(t, c.Move(pdsa.PhaseClosed, hour(51)))
			phase, err := pdsa.Replay(c.History)
			require.NoError(t, err)
			assert.Equal(t, pdsa.PhaseClosed, phase)
			assert.Empty(t, c.Validate())
		})
	}
}

func TestMoveClock(t *testing.T) {
	c := at(t, pdsa.PhaseDo) // last move at hour(2)
	err := c.Move(pdsa.PhaseStudy, hour(1))
	require.ErrorIs(t, err, pdsa.ErrClock)
	assert.Equal(t, pdsa.PhaseDo, c.Phase)
	require.NoError(t, c.Move(pdsa.PhaseStudy, hour(2)), "the same instant is allowed")

	closed := at(t, pdsa.PhaseClosed)
	require.ErrorIs(t, closed.Reopen(hour(0), "late"), pdsa.ErrClock)
}

func TestTransitionErrorMessage(t *testing.T) {
	c := at(t, pdsa.PhasePlan)
	err := c.Move(pdsa.PhaseAct, hour(9))
	assert.EqualError(t, err, "pdsa: invalid transition plan → act")
	c.Plan.Objective = ""
	err = c.Move(pdsa.PhaseDo, hour(9))
	assert.EqualError(t, err, "pdsa: cannot move plan → do: 1 missing: model: /plan/objective: pdsa.plan.objective (error)")
	var fs model.Findings
	require.True(t, errors.As(err, &fs), "the findings are reachable with errors.As")
	assert.Equal(t, c.Missing(), fs)
}

// replayCases are histories Replay must accept or refuse.
var replayCases = []struct {
	name    string
	history []pdsa.Transition
	want    pdsa.Phase
	index   int // of the refused transition; -1 when accepted
}{
	{name: "empty", want: pdsa.PhaseDraft, index: -1},
	{name: "to act", want: pdsa.PhaseAct, index: -1, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "plan", To: "do", At: hour(2)},
		{From: "do", To: "study", At: hour(3)}, {From: "study", To: "act", At: hour(3)}}},
	{name: "reopened", want: pdsa.PhaseClosed, index: -1, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "plan", To: "do", At: hour(2)},
		{From: "do", To: "study", At: hour(3)}, {From: "study", To: "act", At: hour(4)},
		{From: "act", To: "closed", At: hour(5)}, {From: "closed", To: "act", At: hour(6), Reason: "r"},
		{From: "act", To: "closed", At: hour(7)}}},
	{name: "skips a phase", want: pdsa.PhasePlan, index: 1, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "plan", To: "act", At: hour(2)}}},
	{name: "broken chain", want: pdsa.PhasePlan, index: 1, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "do", To: "study", At: hour(2)}}},
	{name: "does not start at draft", want: pdsa.PhaseDraft, index: 0, history: []pdsa.Transition{
		{From: "plan", To: "do", At: hour(1)}}},
	{name: "time goes back", want: pdsa.PhasePlan, index: 1, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(2)}, {From: "plan", To: "do", At: hour(1)}}},
	{name: "reopen without reason", want: pdsa.PhaseClosed, index: 5, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "plan", To: "do", At: hour(2)},
		{From: "do", To: "study", At: hour(3)}, {From: "study", To: "act", At: hour(4)},
		{From: "act", To: "closed", At: hour(5)}, {From: "closed", To: "act", At: hour(6)}}},
	{name: "reopen to plan", want: pdsa.PhaseClosed, index: 5, history: []pdsa.Transition{
		{From: "draft", To: "plan", At: hour(1)}, {From: "plan", To: "do", At: hour(2)},
		{From: "do", To: "study", At: hour(3)}, {From: "study", To: "act", At: hour(4)},
		{From: "act", To: "closed", At: hour(5)}, {From: "closed", To: "plan", At: hour(6), Reason: "r"}}},
}

func TestReplay(t *testing.T) {
	for _, tc := range replayCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := pdsa.Replay(tc.history)
			assert.Equal(t, tc.want, got)
			if tc.index < 0 {
				require.NoError(t, err)
				return
			}
			var re *pdsa.ReplayError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.index, re.Index)
			assert.ErrorIs(t, err, pdsa.ErrInvalidTransition)
		})
	}
}

func TestMoveBeforeCreated(t *testing.T) {
	c := pdsa.Cycle{ChangeIdea: "x", Type: pdsa.TypeTest, Number: 1, Created: t0}
	require.ErrorIs(t, c.Move(pdsa.PhasePlan, t0.Add(-time.Second)), pdsa.ErrClock)
	require.NoError(t, c.Move(pdsa.PhasePlan, t0))
	c.Created = hour(1) // edited by hand after the move
	assert.Equal(t, model.Findings{model.NewError("/history/0", pdsa.CodeCycleHistory).
		With("reason", "dated before the cycle was created")}, c.Validate())
}
