package pdsa_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// t0 is the time the fixtures' cycles are created.
var t0 = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

// hour returns t0 plus n hours.
func hour(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }

// complete returns a cycle with every field the state machine asks for.
func complete() pdsa.Cycle {
	return pdsa.Cycle{
		ID:         "c1",
		Title:      "Same-day call-back",
		ChangeIdea: "callback",
		Number:     1,
		Type:       pdsa.TypeTest,
		Created:    t0,
		Plan: pdsa.Plan{
			Objective: "Call back one new referral the same day",
			Questions: []pdsa.Question{
				{Text: "Can the nurse reach the client the same day?", Prediction: "Yes, by 15:00", Result: "Reached at 13:40"},
				{Text: "How long does the call take?", Prediction: "Under 15 minutes", Result: "22 minutes"},
			},
			Tasks: []pdsa.Task{
				{What: "Pick the first referral of the day", Who: "m2", When: model.NewDate(2026, 3, 3), Where: "Neuvonta"},
			},
			Scale:       pdsa.Scale{Text: "one client, one day", Clients: 1, Days: 1},
			Data:        pdsa.DataPlan{Measures: []string{"callback-share"}, Collector: "m3", How: "tally sheet"},
			Responsible: "m2",
			Evaluation:  model.NewDate(2026, 3, 4),
		},
		Do: pdsa.Do{
			Start:        model.NewDate(2026, 3, 3),
			End:          model.NewDate(2026, 3, 3),
			WhatHappened: "The nurse called the client after the morning round.",
			Problems:     []string{"The referral had no phone number"},
			Observations: []string{"The client asked for a home visit"},
		},
		Study: pdsa.Study{Summary: "Feasible; the call takes longer than predicted."},
		Act:   pdsa.Act{Decision: pdsa.DecisionAdapt, Next: "Try for one week"},
	}
}

// at returns the complete cycle moved through the legal moves to phase p,
// the k-th move at hour(k+1).
func at(t testing.TB, p pdsa.Phase) pdsa.Cycle {
	t.Helper()
	c := complete()
	c.Phase = pdsa.PhaseDraft
	for i, q := range pdsa.Phases() {
		if q == p {
			return c
		}
		require.NoError(t, c.Move(pdsa.Phases()[i+1], hour(i+1)))
	}
	t.Fatalf("unknown phase %q", p)
	return c
}
