package valuestream

import (
	"errors"
	"strconv"
)

// Sentinel errors. Callers match them with errors.Is.
var (
	// ErrDuration is wrapped by a [*DurationError]: a duration in JSON that
	// is not a number with a unit, or lies outside time.Duration's range.
	ErrDuration = errors.New("valuestream: invalid duration")
	// ErrDateRange is returned by a [Calendar] when the dates or instants it
	// is given are in the wrong order or lie outside years 1–9999.
	ErrDateRange = errors.New("valuestream: date outside the supported range")
)

// DurationError reports a duration in JSON that cannot be read: a value
// that is not a finite number, or one whose length in nanoseconds does not
// fit in a time.Duration (about ±292 years). It carries the input and
// unwraps to [ErrDuration].
type DurationError struct {
	Value  string // the JSON text of the value as given
	Reason string // what is wrong, in English
}

func (e *DurationError) Error() string {
	return "valuestream: invalid duration " + strconv.Quote(e.Value) + ": " + e.Reason
}

// Unwrap returns [ErrDuration].
func (e *DurationError) Unwrap() error { return ErrDuration }
