package pdsa

import (
	"errors"
	"fmt"

	"github.com/sujuva/sujuva/model"
)

// Sentinel errors. Callers match them with errors.Is.
var (
	// ErrInvalidTransition is wrapped by a [*TransitionError] for a move the
	// state machine does not allow at all, such as plan → act.
	ErrInvalidTransition = errors.New("pdsa: invalid transition")
	// ErrIncomplete is wrapped by a [*TransitionError] for a legal move refused
	// because the phase being left is incomplete; the error's Findings say what
	// is missing.
	ErrIncomplete = errors.New("pdsa: phase incomplete")
	// ErrClock is returned when a move is dated before the cycle's last
	// recorded transition, or before it was created: the caller's clock went
	// backwards.
	ErrClock = errors.New("pdsa: transition dated before the last one")
	// ErrNoCycle is returned by a [Ramp] operation that needs a cycle when the
	// ramp has none.
	ErrNoCycle = errors.New("pdsa: ramp has no cycle")
	// ErrRampEnded is returned when a cycle is added to a ramp that is
	// completed or abandoned.
	ErrRampEnded = errors.New("pdsa: ramp has ended")
	// ErrCycleOpen is returned when a cycle is added to a ramp whose last
	// cycle is not closed.
	ErrCycleOpen = errors.New("pdsa: the ramp's last cycle is still open")
	// ErrReopen is returned when a ramp cannot reopen its last closed cycle
	// because a later cycle has already begun.
	ErrReopen = errors.New("pdsa: a later cycle has already begun")
)

// TransitionError reports a move of a [Cycle] that was refused. When
// Findings is empty the move is not allowed at all and the error unwraps to
// [ErrInvalidTransition]; otherwise the move is allowed but the phase being
// left is incomplete, Findings (all of severity error) say what is missing,
// and the error unwraps to both [ErrIncomplete] and the findings, so that
// errors.Is(err, model.ErrInvalid) holds too.
type TransitionError struct {
	From     Phase          // the cycle's phase
	To       Phase          // the phase asked for
	Findings model.Findings // what is missing; empty for a move never allowed
}

func (e *TransitionError) Error() string {
	if len(e.Findings) == 0 {
		return fmt.Sprintf("pdsa: invalid transition %s → %s", phaseName(e.From), phaseName(e.To))
	}
	return fmt.Sprintf("pdsa: cannot move %s → %s: %d missing: %s",
		phaseName(e.From), phaseName(e.To), len(e.Findings), e.Findings.Error())
}

// Unwrap returns [ErrInvalidTransition], or [ErrIncomplete] and the findings.
func (e *TransitionError) Unwrap() []error {
	if len(e.Findings) == 0 {
		return []error{ErrInvalidTransition}
	}
	return []error{ErrIncomplete, e.Findings}
}

func phaseName(p Phase) string {
	if p == "" {
		return `""`
	}
	return string(p)
}
