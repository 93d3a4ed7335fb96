package pdsa

import (
	"errors"
	"fmt"
	"time"

	"github.com/sujuva/sujuva/model"
)

// next gives, for each phase, the one phase [Cycle.Move] may go to.
var next = map[Phase]Phase{
	PhaseDraft: PhasePlan,
	PhasePlan:  PhaseDo,
	PhaseDo:    PhaseStudy,
	PhaseStudy: PhaseAct,
	PhaseAct:   PhaseClosed,
}

// Current returns the cycle's phase, [PhaseDraft] when Phase is unset.
func (c Cycle) Current() Phase {
	if c.Phase == "" {
		return PhaseDraft
	}
	return c.Phase
}

// IsOpen reports whether the cycle is not closed.
func (c Cycle) IsOpen() bool { return c.Current() != PhaseClosed }

// CanMove reports whether the state machine allows a move from one phase to
// another with [Cycle.Move], whatever the cycle holds: only the next phase in
// draft → plan → do → study → act → closed. Reopening (closed → act) is not a
// Move; see [Cycle.Reopen].
func CanMove(from, to Phase) bool {
	n, ok := next[from]
	return ok && n == to
}

// Missing returns what the cycle lacks to leave its current phase, all as
// findings of severity error with paths into the cycle's JSON form, sorted
// by path; nil when it may leave (or is closed). The checks, per phase left:
//
//	draft  the change idea tested (/changeIdea, model.CodeRequired) and a
//	       known type (/type, model.CodeRequired or model.CodeEnumUnknown)
//	plan   an objective (CodePlanObjective), at least one question
//	       (CodePlanQuestions), a prediction for each (CodePlanPrediction),
//	       a responsible person (CodePlanResponsible), a real evaluation date
//	       (CodePlanEvaluation), and for each task what and who
//	       (model.CodeRequired)
//	do     what happened (CodeDoObservations), a real start date
//	       (CodeDoStart), no end before the start (CodeDoDates)
//	study  a result for each question (CodeStudyResult) and a summary
//	       (CodeStudySummary)
//	act    a known decision (CodeActDecision or model.CodeEnumUnknown)
func (c Cycle) Missing() model.Findings {
	var fs model.Findings
	switch c.Current() {
	case PhaseDraft:
		if c.ChangeIdea == "" {
			fs = append(fs, model.NewError("/changeIdea", model.CodeRequired))
		}
		switch {
		case c.Type == "":
			fs = append(fs, model.NewError("/type", model.CodeRequired))
		case !c.Type.IsValid():
			fs = append(fs, model.NewError("/type", model.CodeEnumUnknown).With("value", string(c.Type)))
		}
	case PhasePlan:
		p := c.Plan
		if p.Objective == "" {
			fs = append(fs, model.NewError("/plan/objective", CodePlanObjective))
		}
		if len(p.Questions) == 0 {
			fs = append(fs, model.NewError("/plan/questions", CodePlanQuestions))
		}
		for i, q := range p.Questions {
			if q.Prediction == "" {
				fs = append(fs, model.NewError(model.Pointer("plan", "questions", i, "prediction"), CodePlanPrediction).
					With("number", i+1))
			}
		}
		if p.Responsible == "" {
			fs = append(fs, model.NewError("/plan/responsible", CodePlanResponsible))
		}
		if !p.Evaluation.IsValid() {
			fs = append(fs, model.NewError("/plan/evaluation", CodePlanEvaluation))
		}
		for i, t := range p.Tasks {
			if t.What == "" {
				fs = append(fs, model.NewError(model.Pointer("plan", "tasks", i, "what"), model.CodeRequired))
			}
			if t.Who == "" {
				fs = append(fs, model.NewError(model.Pointer("plan", "tasks", i, "who"), model.CodeRequired))
			}
		}
	case PhaseDo:
		d := c.Do
		if d.WhatHappened == "" {
			fs = append(fs, model.NewError("/do/whatHappened", CodeDoObservations))
		}
		if !d.Start.IsValid() {
			fs = append(fs, model.NewError("/do/start", CodeDoStart))
		} else if !d.End.IsZero() && (!d.End.IsValid() || d.End.Before(d.Start)) {
			fs = append(fs, model.NewError("/do/end", CodeDoDates).
				With("start", d.Start.String()).With("end", d.End.String()))
		}
	case PhaseStudy:
		for i, q := range c.Plan.Questions {
			if q.Result == "" {
				fs = append(fs, model.NewError(model.Pointer("plan", "questions", i, "result"), CodeStudyResult).
					With("number", i+1))
			}
		}
		if c.Study.Summary == "" {
			fs = append(fs, model.NewError("/study/summary", CodeStudySummary))
		}
	case PhaseAct:
		switch {
		case c.Act.Decision == "":
			fs = append(fs, model.NewError("/act/decision", CodeActDecision))
		case !c.Act.Decision.IsValid():
			fs = append(fs, model.NewError("/act/decision", model.CodeEnumUnknown).
				With("value", string(c.Act.Decision)))
		}
	}
	fs.Sort()
	return fs
}

// Move takes the cycle to phase to at time now and records the transition
// in History. It refuses, changing nothing:
//   - a move the state machine does not allow ([CanMove]) or from an unknown
//     phase, with a [*TransitionError] that unwraps to [ErrInvalidTransition];
//   - a move out of an incomplete phase, with a [*TransitionError] whose
//     Findings are [Cycle.Missing] and that unwraps to [ErrIncomplete];
//   - a move dated before the last transition (or, for a cycle that has not
//     moved, before Created), with an error wrapping [ErrClock].
func (c *Cycle) Move(to Phase, now time.Time) error {
	from := c.Current()
	if !CanMove(from, to) {
		return &TransitionError{From: from, To: to}
	}
	if err := c.checkClock(now); err != nil {
		return err
	}
	if fs := c.Missing(); len(fs) > 0 {
		return &TransitionError{From: from, To: to, Findings: fs}
	}
	c.record(Transition{From: from, To: to, At: now})
	return nil
}

// Reopen takes a closed cycle back to [PhaseAct] at time now, so that its
// decision can be reconsidered, and records the transition with its reason.
// It refuses a cycle that is not closed with a [*TransitionError] wrapping
// [ErrInvalidTransition], an empty reason with one wrapping [ErrIncomplete]
// whose finding is [CodeReopenReason], and a time before the last transition
// with an error wrapping [ErrClock].
func (c *Cycle) Reopen(now time.Time, reason string) error {
	if c.Current() != PhaseClosed {
		return &TransitionError{From: c.Current(), To: PhaseAct}
	}
	if err := c.checkClock(now); err != nil {
		return err
	}
	if reason == "" {
		return &TransitionError{From: PhaseClosed, To: PhaseAct,
			Findings: model.Findings{model.NewError("/history", CodeReopenReason)}}
	}
	c.record(Transition{From: PhaseClosed, To: PhaseAct, At: now, Reason: reason})
	return nil
}

func (c *Cycle) checkClock(now time.Time) error {
	if last := c.EnteredAt(); !last.IsZero() && now.Before(last) {
		return fmt.Errorf("%w: %s is before %s", ErrClock, now.Format(time.RFC3339), last.Format(time.RFC3339))
	}
	return nil
}

func (c *Cycle) record(t Transition) {
	c.History = append(c.History, t)
	c.Phase = t.To
}

// Replay recomputes the phase a cycle reaches through history, starting from
// [PhaseDraft]: each transition must start where the previous one ended, be
// a move [CanMove] allows or a reopening with a reason, and not be dated
// before the previous one. It returns the final phase, or a
// [*ReplayError] naming the first transition that breaks a rule.
func Replay(history []Transition) (Phase, error) {
	phase := PhaseDraft
	var last time.Time
	for i, t := range history {
		var why string
		switch {
		case t.From != phase:
			why = fmt.Sprintf("starts at %s, not at %s", phaseName(t.From), phase)
		case t.IsReopen() && (t.To != PhaseAct || t.Reason == ""):
			why = "a reopening must go to act and give a reason"
		case !t.IsReopen() && !CanMove(t.From, t.To):
			why = fmt.Sprintf("%s → %s is not allowed", phaseName(t.From), phaseName(t.To))
		case i > 0 && t.At.Before(last):
			why = "dated before the previous transition"
		}
		if why != "" {
			return phase, &ReplayError{Index: i, Reason: why}
		}
		phase, last = t.To, t.At
	}
	return phase, nil
}

// ReplayError reports the first transition of a history that [Replay]
// cannot accept. It unwraps to [ErrInvalidTransition].
type ReplayError struct {
	Index  int    // index of the transition in the history
	Reason string // what is wrong with it, in English
}

func (e *ReplayError) Error() string {
	return fmt.Sprintf("pdsa: history[%d] %s", e.Index, e.Reason)
}

// Unwrap returns [ErrInvalidTransition].
func (e *ReplayError) Unwrap() error { return ErrInvalidTransition }

// PhaseDurations returns how long the cycle has spent in each phase it has
// been in, up to now: from Created (or the first transition when Created is
// unset) through every transition, the current phase counting until now.
// Time in [PhaseClosed] counts only between a close and a reopening. A span
// that would be negative (now before the last transition) counts as zero.
// Divide by 24*time.Hour for days.
func (c Cycle) PhaseDurations(now time.Time) map[Phase]time.Duration {
	out := make(map[Phase]time.Duration)
	start := c.Created
	if start.IsZero() && len(c.History) > 0 {
		start = c.History[0].At
	}
	if start.IsZero() {
		return out
	}
	phase := PhaseDraft
	for _, t := range c.History {
		out[phase] += max(t.At.Sub(start), 0)
		phase, start = t.To, t.At
	}
	if phase != PhaseClosed {
		out[phase] += max(now.Sub(start), 0)
	}
	return out
}

// EnteredAt returns when the cycle last entered its current phase: the time
// of the last transition, or Created for a cycle that has not moved.
func (c Cycle) EnteredAt() time.Time {
	if n := len(c.History); n > 0 {
		return c.History[n-1].At
	}
	return c.Created
}

// IsOverdue reports whether the cycle is overdue for evaluation on the date
// of now (in now's location): it has an evaluation date before that date
// and has not yet reached [PhaseAct], so its Study is not done.
func (c Cycle) IsOverdue(now time.Time) bool {
	switch c.Current() {
	case PhaseAct, PhaseClosed:
		return false
	}
	e := c.Plan.Evaluation
	return e.IsValid() && e.Before(model.DateOf(now))
}

// Prefill returns the next cycle of a ramp prefilled from c, opened at now:
// the same change idea, title and type, number one higher, and a copy of
// the plan (objective, questions with their predictions, tasks, scale, data
// plan, responsible person) without what belongs to c's own run — results,
// task dates and the evaluation date. Do, Study, Act and History start
// empty; the phase is [PhaseDraft].
func (c Cycle) Prefill(now time.Time) Cycle {
	n := Cycle{
		Title:      c.Title,
		ChangeIdea: c.ChangeIdea,
		Number:     c.Number + 1,
		Type:       c.Type,
		Phase:      PhaseDraft,
		Created:    now,
		Plan: Plan{
			Objective:   c.Plan.Objective,
			Scale:       c.Plan.Scale,
			Responsible: c.Plan.Responsible,
			Data: DataPlan{
				Measures:  cloneStrings(c.Plan.Data.Measures),
				Collector: c.Plan.Data.Collector,
				How:       c.Plan.Data.How,
			},
		},
	}
	for _, q := range c.Plan.Questions {
		n.Plan.Questions = append(n.Plan.Questions, Question{Text: q.Text, Prediction: q.Prediction})
	}
	for _, t := range c.Plan.Tasks {
		n.Plan.Tasks = append(n.Plan.Tasks, Task{What: t.What, Who: t.Who, Where: t.Where})
	}
	return n
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// Validate checks the cycle's structure, sorted by path: a number of at
// least 1 ([CodeCycleNumber]); known phase, type and decision
// ([model.CodeEnumUnknown]); a history that [Replay] accepts
// ([CodeCycleHistory] at the transition), that does not begin before
// Created (the same code) and that ends in the cycle's phase
// ([CodeCyclePhase]); real dates ([model.CodeJSONType]); no empty or repeated
// measure id. It does not ask that the current phase be complete: that is
// [Cycle.Missing].
func (c Cycle) Validate() model.Findings {
	var fs model.Findings
	if c.Number < 1 {
		fs = append(fs, model.NewError("/number", CodeCycleNumber).With("number", c.Number))
	}
	if c.Phase != "" && !c.Phase.IsValid() {
		fs = append(fs, model.NewError("/phase", model.CodeEnumUnknown).With("value", string(c.Phase)))
	}
	if c.Type != "" && !c.Type.IsValid() {
		fs = append(fs, model.NewError("/type", model.CodeEnumUnknown).With("value", string(c.Type)))
	}
	if c.Act.Decision != "" && !c.Act.Decision.IsValid() {
		fs = append(fs, model.NewError("/act/decision", model.CodeEnumUnknown).With("value", string(c.Act.Decision)))
	}
	phase, err := Replay(c.History)
	var re *ReplayError
	if errors.As(err, &re) {
		fs = append(fs, model.NewError(model.Pointer("history", re.Index), CodeCycleHistory).With("reason", re.Reason))
	} else if n := len(c.History); n > 0 && !c.Created.IsZero() && c.History[0].At.Before(c.Created) {
		fs = append(fs, model.NewError(model.Pointer("history", 0), CodeCycleHistory).
			With("reason", "dated before the cycle was created"))
	} else if phase != c.Current() {
		fs = append(fs, model.NewError("/phase", CodeCyclePhase).With("phase", c.Current().String()).With("history", phase.String()))
	}
	dates := []struct {
		path string
		d    model.Date
	}{{"/plan/evaluation", c.Plan.Evaluation}, {"/do/start", c.Do.Start}, {"/do/end", c.Do.End}}
	for i, t := range c.Plan.Tasks {
		dates = append(dates, struct {
			path string
			d    model.Date
		}{model.Pointer("plan", "tasks", i, "when"), t.When})
	}
	for _, d := range dates {
		if !d.d.IsZero() && !d.d.IsValid() {
			fs = append(fs, badDate(d.path, d.d))
		}
	}
	if c.Plan.Scale.Clients < 0 {
		fs = append(fs, model.NewError("/plan/scale/clients", CodeNegative).With("value", c.Plan.Scale.Clients))
	}
	if c.Plan.Scale.Days < 0 {
		fs = append(fs, model.NewError("/plan/scale/days", CodeNegative).With("value", c.Plan.Scale.Days))
	}
	fs = append(fs, emptyIDs("/plan/data/measures", c.Plan.Data.Measures)...)
	fs.Sort()
	return fs
}
