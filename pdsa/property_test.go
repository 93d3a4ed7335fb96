package pdsa_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// sequenceSeeds are operation sequences (see applyCycleOp) that seed the
// fuzz targets: a straight run to closed, an illegal jump, incomplete
// phases, reopening with and without reason, a clock going back.
var sequenceSeeds = [][]byte{
	{0, 0, 0, 0, 0},
	{0, 1 | 3<<3, 0, 0},
	{5, 0, 4, 0, 5 | 1<<3, 0, 4, 0},
	{0, 0, 0, 0, 0, 2, 0, 3, 5 | 4<<3, 0},
	{0, 7, 0, 6 | 5<<3, 0, 0, 0},
	{4, 0, 0, 0, 0, 0, 2, 5 | 4<<3, 0, 4, 0, 2, 0},
}

// cycleOp is the outcome of one operation on a cycle.
type cycleOp struct {
	moved bool  // a transition was recorded
	err   error // the error of a move or reopening, if one was tried
	tried bool  // a move or reopening was tried
}

// applyCycleOp applies the operation b to c at *now: the low three bits
// choose it, the rest is its argument.
func applyCycleOp(c *pdsa.Cycle, now *time.Time, b byte) cycleOp {
	arg := int(b >> 3)
	all := append(pdsa.Phases(), "", "review")
	switch b & 7 {
	case 0: // the next phase
		i := indexOf(pdsa.Phases(), c.Current())
		to := pdsa.PhaseClosed
		if i >= 0 && i+1 < len(pdsa.Phases()) {
			to = pdsa.Phases()[i+1]
		}
		err := c.Move(to, *now)
		return cycleOp{moved: err == nil, err: err, tried: true}
	case 1: // any phase
		err := c.Move(all[arg%len(all)], *now)
		return cycleOp{moved: err == nil, err: err, tried: true}
	case 2:
		err := c.Reopen(*now, "reconsider")
		return cycleOp{moved: err == nil, err: err, tried: true}
	case 3:
		err := c.Reopen(*now, "")
		return cycleOp{moved: err == nil, err: err, tried: true}
	case 4:
		fill(c)
	case 5:
		breakField(c, arg)
	case 6:
		*now = now.Add(time.Duration(arg) * time.Hour)
	case 7:
		*now = now.Add(-time.Hour)
	}
	return cycleOp{}
}

func indexOf(ps []pdsa.Phase, p pdsa.Phase) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

// fill gives c every field of the complete fixture, keeping its identity,
// phase and history.
func fill(c *pdsa.Cycle) {
	f := complete()
	f.ID, f.Number, f.ChangeIdea, f.Created, f.Phase, f.History = c.ID, c.Number, c.ChangeIdea, c.Created, c.Phase, c.History
	if f.ChangeIdea == "" {
		f.ChangeIdea = "callback"
	}
	*c = f
}

// breakField empties one field that some phase needs.
func breakField(c *pdsa.Cycle, which int) {
	switch which % 7 {
	case 0:
		c.Plan.Objective = ""
	case 1:
		if len(c.Plan.Questions) > 0 {
			c.Plan.Questions[0].Prediction = ""
		}
	case 2:
		c.Do.WhatHappened = ""
	case 3:
		c.Study.Summary = ""
	case 4:
		c.Act.Decision = ""
	case 5:
		c.Type = ""
	case 6:
		c.Plan.Evaluation = model.Date{}
	}
}

// checkCycleSequence applies ops to a fresh draft and checks after every
// step that the cycle is consistent: its history replays to its phase, a
// refused operation changed neither, an accepted one recorded exactly one
// transition at the caller's time, a refused legal move lists exactly what
// Missing lists; at the end, the history replays through Move and Reopen to
// the same phase and history, and the cycle survives a JSON round trip.
func checkCycleSequence(t *testing.T, ops []byte) {
	c := pdsa.Cycle{ChangeIdea: "callback", Number: 1, Created: t0}
	now := t0
	for step, b := range ops {
		phase, n := c.Current(), len(c.History)
		missing := c.Missing()
		out := applyCycleOp(&c, &now, b)
		switch {
		case out.moved:
			require.Len(t, c.History, n+1, "step %d", step)
			last := c.History[n]
			assert.Equal(t, phase, last.From)
			assert.Equal(t, c.Phase, last.To)
			assert.True(t, last.At.Equal(now))
			if !last.IsReopen() {
				assert.Empty(t, missing, "a move leaves only a complete phase")
			}
		case out.tried:
			require.Error(t, out.err)
			assert.Equal(t, phase, c.Current(), "step %d: a refused operation keeps the phase", step)
			assert.Len(t, c.History, n)
			var te *pdsa.TransitionError
			if b&7 == 0 && assertAs(out.err, &te) && len(te.Findings) > 0 {
				assert.Equal(t, missing, te.Findings)
			}
		}
		got, err := pdsa.Replay(c.History)
		require.NoError(t, err, "step %d", step)
		require.Equal(t, c.Current(), got, "step %d: the history replays to the phase", step)
		require.True(t, c.Current().IsValid())
		require.Empty(t, c.Validate(), "step %d", step)
	}
	replayThroughAPI(t, c)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	back, fs := pdsa.Decode[pdsa.Cycle](data)
	require.Empty(t, fs)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(data), string(again))
	require.Equal(t, c.Current(), back.Current())
	require.Len(t, back.History, len(c.History))
}

// replayThroughAPI replays c's history with Move and Reopen on a complete
// copy of c that starts over in draft, and requires the copy to end in the
// same phase with the same history.
func replayThroughAPI(t *testing.T, c pdsa.Cycle) {
	r := c
	r.Phase, r.History = pdsa.PhaseDraft, nil
	fill(&r)
	for i, tr := range c.History {
		var err error
		if tr.IsReopen() {
			err = r.Reopen(tr.At, tr.Reason)
		} else {
			err = r.Move(tr.To, tr.At)
		}
		require.NoError(t, err, "transition %d", i)
	}
	require.Equal(t, c.Current(), r.Current())
	require.Equal(t, c.History, r.History)
}

func assertAs(err error, te **pdsa.TransitionError) bool {
	e, ok := err.(*pdsa.TransitionError)
	if ok {
		*te = e
	}
	return ok
}

func TestCycleSequences(t *testing.T) {
	for _, ops := range sequenceSeeds {
		checkCycleSequence(t, ops)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		ops := make([]byte, r.IntN(40))
		for i := range ops {
			// Favour "next phase" and "fill" so sequences get far.
			switch r.IntN(3) {
			case 0:
				ops[i] = 0
			case 1:
				ops[i] = 4
			default:
				ops[i] = byte(r.IntN(256))
			}
		}
		checkCycleSequence(t, ops)
	}
}

func FuzzCycleSequences(f *testing.F) {
	for _, ops := range sequenceSeeds {
		f.Add(ops)
	}
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 200 {
			ops = ops[:200]
		}
		checkCycleSequence(t, ops)
	})
}

// checkRampSequence drives a ramp with ops: 0 moves the last cycle on,
// 1 fills it, 2 sets its decision, 3 sets its type, 4 reopens, 5 adds a
// cycle, 6 lets time pass. After every step the ramp must validate without
// errors, its status must follow from its last cycle, and only its last
// cycle may be open.
func checkRampSequence(t *testing.T, ops []byte) {
	r := pdsa.Ramp{ID: "r1", ChangeIdea: "callback"}
	now := t0
	_, err := r.Add(pdsa.Cycle{}, now)
	require.NoError(t, err)
	for step, b := range ops {
		arg := int(b >> 3)
		status, n := r.Status(), len(r.Cycles)
		switch b % 7 {
		case 0:
			c := r.Current()
			i := indexOf(pdsa.Phases(), c.Current())
			if i+1 < len(pdsa.Phases()) {
				err := r.Move(pdsa.Phases()[i+1], now)
				if err == nil && pdsa.Phases()[i+1] == pdsa.PhaseClosed {
					if r.Status() == pdsa.RampActive {
						require.Len(t, r.Cycles, n+1, "step %d: closing opens the next cycle", step)
						assert.Equal(t, pdsa.PhaseDraft, r.Current().Phase)
					} else {
						require.Len(t, r.Cycles, n)
					}
				}
			} else {
				require.ErrorIs(t, r.Move(pdsa.PhaseAct, now), pdsa.ErrInvalidTransition)
			}
		case 1:
			fill(r.Current())
		case 2:
			r.Current().Act.Decision = pdsa.Decisions()[arg%3]
		case 3:
			r.Current().Type = pdsa.CycleTypes()[arg%4]
		case 4:
			if err := r.Reopen(now, "reconsider"); err == nil {
				assert.Equal(t, pdsa.PhaseAct, r.Current().Phase)
				assert.Equal(t, pdsa.RampActive, r.Status())
			}
		case 5:
			_, err := r.Add(pdsa.Cycle{}, now)
			if status != pdsa.RampActive {
				require.ErrorIs(t, err, pdsa.ErrRampEnded)
			} else if r.Cycles[n-1].IsOpen() {
				require.ErrorIs(t, err, pdsa.ErrCycleOpen)
			} else {
				require.NoError(t, err)
			}
		case 6:
			now = now.Add(time.Duration(arg) * time.Hour)
		}
		require.False(t, r.Validate().HasErrors(), "step %d: %v", step, r.Validate())
		require.NotEmpty(t, r.Cycles)
		require.Len(t, r.Open(), boolInt(r.Current().IsOpen()))
		for _, c := range r.Cycles {
			got, err := pdsa.Replay(c.History)
			require.NoError(t, err)
			require.Equal(t, c.Current(), got)
		}
	}
	for _, c := range r.Cycles {
		replayThroughAPI(t, c)
	}
	data, err := json.Marshal(r)
	require.NoError(t, err)
	back, fs := pdsa.Decode[pdsa.Ramp](data)
	require.False(t, fs.HasErrors())
	require.Equal(t, r.Status(), back.Status())
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(data), string(again))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rampSeeds are operation sequences for checkRampSequence.
var rampSeeds = [][]byte{
	{1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0},
	{1, 3 | 3<<3, 2 | 0<<3, 0, 0, 0, 0, 0, 5, 4, 0},
	{1, 2 | 2<<3, 0, 0, 0, 0, 0, 5, 4, 2 | 1<<3, 0, 5},
	{1, 0, 0, 0, 0, 0, 4, 0, 0, 1, 0, 4},
}

func TestRampSequences(t *testing.T) {
	for _, ops := range rampSeeds {
		checkRampSequence(t, ops)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		ops := make([]byte, r.IntN(60))
		for i := range ops {
			switch r.IntN(3) {
			case 0:
				ops[i] = 0
			case 1:
				ops[i] = 1
			default:
				ops[i] = byte(r.IntN(256))
			}
		}
		checkRampSequence(t, ops)
	}
}

func FuzzRampSequences(f *testing.F) {
	for _, ops := range rampSeeds {
		f.Add(ops)
	}
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 300 {
			ops = ops[:300]
		}
		checkRampSequence(t, ops)
	})
}
