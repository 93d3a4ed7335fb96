package pdsa

import (
	"fmt"
	"time"

	"github.com/sujuva/sujuva/model"
)

// Ramp is an ordered series of PDSA cycles that test one change idea at a
// growing scale — one client, then one week, then the whole unit (Langley et
// al., The Improvement Guide, ch. 7, "sequential PDSA cycles"). Cycles are
// numbered from 1 in order; all but the last are closed.
//
// Use [Ramp.Add] to open the first cycle and [Ramp.Move] to move the last.
// Closing the last cycle decides what follows: with [DecisionAdapt], or with
// [DecisionAdopt] on a cycle that is not of [TypeImplement], the ramp opens
// the next cycle prefilled from the last ([Cycle.Prefill]); with
// [DecisionAdopt] on a cycle of [TypeImplement] the ramp is completed; with
// [DecisionAbandon] it is abandoned. [Ramp.Status] derives that from the
// cycles. The zero value is an active ramp with no cycles.
type Ramp struct {
	ID         string  `json:"id,omitempty"`
	Title      string  `json:"title,omitempty"`
	ChangeIdea string  `json:"changeIdea"` // id of the change idea tested
	Cycles     []Cycle `json:"cycles"`
}

// Current returns a pointer to the ramp's last cycle, nil when it has none.
// The pointer is valid until the next call that adds a cycle.
func (r *Ramp) Current() *Cycle {
	if len(r.Cycles) == 0 {
		return nil
	}
	return &r.Cycles[len(r.Cycles)-1]
}

// Status returns where the ramp stands, derived from its last cycle: see
// [RampStatus].
func (r Ramp) Status() RampStatus {
	if len(r.Cycles) == 0 {
		return RampActive
	}
	last := r.Cycles[len(r.Cycles)-1]
	if last.Current() != PhaseClosed {
		return RampActive
	}
	switch {
	case last.Act.Decision == DecisionAbandon:
		return RampAbandoned
	case last.Act.Decision == DecisionAdopt && last.Type == TypeImplement:
		return RampCompleted
	}
	return RampActive
}

// Add appends c to the ramp as its next cycle, opened at now: its number
// becomes the next in the ramp, its change idea the ramp's (when the ramp
// has one), its phase [PhaseDraft] with no history, and Created now. It
// returns a pointer to the added cycle, valid until the next cycle is added.
// It refuses with [ErrRampEnded] when the ramp is completed or abandoned,
// and with [ErrCycleOpen] when the last cycle is not closed.
func (r *Ramp) Add(c Cycle, now time.Time) (*Cycle, error) {
	if s := r.Status(); s != RampActive {
		return nil, fmt.Errorf("%w (%s)", ErrRampEnded, s)
	}
	if last := r.Current(); last != nil && last.IsOpen() {
		return nil, fmt.Errorf("%w (cycle %d is in %s)", ErrCycleOpen, last.Number, last.Current())
	}
	c.Number = len(r.Cycles) + 1
	if r.ChangeIdea != "" {
		c.ChangeIdea = r.ChangeIdea
	}
	c.Phase, c.History, c.Created = PhaseDraft, nil, now
	r.Cycles = append(r.Cycles, c)
	return r.Current(), nil
}

// Move moves the ramp's last cycle to phase to at now, as [Cycle.Move]
// does, and returns its errors. When the move closes the cycle and the ramp
// stays active (see [Ramp]), it opens the next cycle, prefilled and dated
// now. It returns [ErrNoCycle] for a ramp without cycles.
func (r *Ramp) Move(to Phase, now time.Time) error {
	c := r.Current()
	if c == nil {
		return ErrNoCycle
	}
	if err := c.Move(to, now); err != nil {
		return err
	}
	if to == PhaseClosed && r.Status() == RampActive {
		r.Cycles = append(r.Cycles, c.Prefill(now))
	}
	return nil
}

// Reopen reopens the ramp's last closed cycle at now with reason, as
// [Cycle.Reopen] does. When the last cycle is an untouched draft (no
// transitions) following a closed one — as a close with adapt leaves it —
// that draft is removed and the closed cycle before it reopened; when the
// last cycle has already moved, Reopen refuses with [ErrReopen]. It returns
// [ErrNoCycle] for a ramp without cycles, and the errors of [Cycle.Reopen],
// changing nothing, when the cycle cannot be reopened.
func (r *Ramp) Reopen(now time.Time, reason string) error {
	n := len(r.Cycles)
	if n == 0 {
		return ErrNoCycle
	}
	target := n - 1
	last := r.Cycles[n-1]
	if last.IsOpen() && n > 1 {
		if len(last.History) > 0 {
			return fmt.Errorf("%w (cycle %d is in %s)", ErrReopen, last.Number, last.Current())
		}
		target = n - 2
	}
	c := r.Cycles[target]
	if err := c.Reopen(now, reason); err != nil {
		return err
	}
	r.Cycles = append(r.Cycles[:target], c)
	return nil
}

// Open returns the ramp's cycles that are not closed, in order.
func (r Ramp) Open() []Cycle {
	var out []Cycle
	for _, c := range r.Cycles {
		if c.IsOpen() {
			out = append(out, c)
		}
	}
	return out
}

// Overdue returns the ramp's cycles that are overdue for evaluation on the
// date of now ([Cycle.IsOverdue]), in order.
func (r Ramp) Overdue(now time.Time) []Cycle {
	var out []Cycle
	for _, c := range r.Cycles {
		if c.IsOverdue(now) {
			out = append(out, c)
		}
	}
	return out
}

// Lesson is what one cycle of a ramp taught: its Study summary and, once
// decided, its decision.
type Lesson struct {
	Number   int      `json:"number"`
	Scale    string   `json:"scale,omitempty"`
	Summary  string   `json:"summary"`
	Decision Decision `json:"decision,omitempty"`
}

// Lessons returns the lessons of the ramp in cycle order: one for each cycle
// with a Study summary that has left [PhaseStudy] (so reached act or closed).
func (r Ramp) Lessons() []Lesson {
	var out []Lesson
	for _, c := range r.Cycles {
		if c.Study.Summary == "" {
			continue
		}
		if p := c.Current(); p != PhaseAct && p != PhaseClosed {
			continue
		}
		out = append(out, Lesson{Number: c.Number, Scale: c.Plan.Scale.Text, Summary: c.Study.Summary, Decision: c.Act.Decision})
	}
	return out
}

// PhaseDurations returns the time the ramp's cycles have spent in each
// phase up to now, summed over the cycles ([Cycle.PhaseDurations]).
func (r Ramp) PhaseDurations(now time.Time) map[Phase]time.Duration {
	out := make(map[Phase]time.Duration)
	for _, c := range r.Cycles {
		for p, d := range c.PhaseDurations(now) {
			out[p] += d
		}
	}
	return out
}

// Validate checks the ramp and each of its cycles ([Cycle.Validate], at
// /cycles/i), sorted by path: cycles numbered 1, 2, 3… in order
// ([CodeRampNumber]); each testing the ramp's change idea when the ramp
// names one ([CodeRampChangeIdea]); every cycle but the last closed
// ([CodeRampOpen]); no cycle after one that ended the ramp
// ([CodeRampEnded]); and, as a warning, no cycle smaller in clients or days
// than the one before it ([CodeRampScale]).
func (r Ramp) Validate() model.Findings {
	var fs model.Findings
	for i, c := range r.Cycles {
		p := model.Pointer("cycles", i)
		fs = append(fs, c.Validate().Under(p)...)
		if c.Number != i+1 {
			fs = append(fs, model.NewError(p+"/number", CodeRampNumber).With("number", c.Number).With("want", i+1))
		}
		if r.ChangeIdea != "" && c.ChangeIdea != r.ChangeIdea {
			fs = append(fs, model.NewError(p+"/changeIdea", CodeRampChangeIdea).
				With("id", c.ChangeIdea).With("want", r.ChangeIdea))
		}
		if i == len(r.Cycles)-1 {
			continue
		}
		if c.IsOpen() {
			fs = append(fs, model.NewError(p+"/phase", CodeRampOpen).With("number", c.Number))
		} else if s := (Ramp{Cycles: r.Cycles[:i+1]}).Status(); s != RampActive {
			fs = append(fs, model.NewError(model.Pointer("cycles", i+1), CodeRampEnded).
				With("number", c.Number).With("status", s.String()))
		}
		next := r.Cycles[i+1].Plan.Scale
		if shrinks(c.Plan.Scale.Clients, next.Clients) || shrinks(c.Plan.Scale.Days, next.Days) {
			fs = append(fs, model.NewWarning(model.Pointer("cycles", i+1, "plan", "scale"), CodeRampScale).
				With("number", i+2))
		}
	}
	fs.Sort()
	return fs
}

func shrinks(before, after int) bool { return before > 0 && after > 0 && after < before }

// CycleRef is one cycle found among several ramps: the ramp's id and index
// in the list given, and a copy of the cycle.
type CycleRef struct {
	Ramp  string `json:"ramp"`      // the ramp's ID
	Index int    `json:"rampIndex"` // the ramp's index in the list searched
	Cycle Cycle  `json:"cycle"`
}

// OpenCycles returns the cycles of all ramps that are not closed, ramp by
// ramp in the order given, as a team's list of work in progress.
func OpenCycles(ramps []Ramp) []CycleRef {
	var out []CycleRef
	for i, r := range ramps {
		for _, c := range r.Open() {
			out = append(out, CycleRef{Ramp: r.ID, Index: i, Cycle: c})
		}
	}
	return out
}

// OverdueCycles returns the cycles of all ramps that are overdue for
// evaluation on the date of now ([Cycle.IsOverdue]), ramp by ramp in the
// order given.
func OverdueCycles(ramps []Ramp, now time.Time) []CycleRef {
	var out []CycleRef
	for i, r := range ramps {
		for _, c := range r.Overdue(now) {
			out = append(out, CycleRef{Ramp: r.ID, Index: i, Cycle: c})
		}
	}
	return out
}
