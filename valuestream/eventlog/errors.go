package eventlog

import (
	"cmp"
	"errors"
	"fmt"
)

var (
	// ErrHeader is returned when the header lacks a column Options names.
	ErrHeader = errors.New("eventlog: header")
	// ErrMalformed is wrapped by every [*LineError].
	ErrMalformed = errors.New("eventlog: malformed row")
	// ErrLocation is returned for a local timestamp when Options.Location
	// is nil.
	ErrLocation = errors.New("eventlog: a local timestamp needs Options.Location")
	// ErrTooLarge is returned when the input has more events or activities
	// than the engine indexes (2³² − 1 events, 1,024 activities) or a longer
	// line than MaxLineBytes.
	ErrTooLarge = errors.New("eventlog: input too large")
	// ErrParts is returned by [Merge] for parts that are not every shard
	// of one analysis once, by [AnalyzePart] for a shard out of range, and
	// by [Part.UnmarshalBinary] for bytes that are not a part.
	ErrParts = errors.New("eventlog: parts")
)

// maxActivities is how many distinct activities a log may have. The
// transitions are counted in a table of activities × activities, 8 MB at
// this size per table: a log of 30,000 activities made the engine ask for
// gigabytes and die (found in review). Process logs have tens to a few
// hundred; the largest public hospital log known to us, 624.
const maxActivities = 1 << 10

// maxShards is how many shards a log may be analysed in: the parts'
// decoder refuses more, so AnalyzePart does too.
const maxShards = 1 << 16

// LineError reports a malformed row: its 1-based line number in the input
// (the header is line 1), the column, and the text that could not be read.
type LineError struct {
	Line   int64  `json:"line"`
	Column string `json:"column,omitempty"`
	Value  string `json:"value,omitempty"` // at most 80 bytes of it
	Reason string `json:"reason"`
}

func (e *LineError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("eventlog: line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("eventlog: line %d: column %s: %s %q", e.Line, e.Column, e.Reason, e.Value)
}

// Unwrap returns [ErrMalformed].
func (e *LineError) Unwrap() error { return ErrMalformed }

func lineError(line int64, column string, value []byte, reason string) *LineError {
	if len(value) > 80 {
		value = value[:80]
	}
	return &LineError{Line: line, Column: column, Value: string(value), Reason: reason}
}

func byLine(a, b *LineError) int { return cmp.Compare(a.Line, b.Line) }
