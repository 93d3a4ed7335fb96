package bridge

import (
	"errors"

	"github.com/sujuva/sujuva/model"
)

// Kind classifies an [Error]. The zero value is unset.
type Kind string

// The kinds of [Error].
const (
	KindInvalid   Kind = "invalid"   // the input was read but does not validate; see Findings
	KindUnknownOp Kind = "unknownOp" // no operation of that name
	KindTooLarge  Kind = "tooLarge"  // the input exceeds MaxInputBytes or a reader's limit
	KindCanceled  Kind = "canceled"  // the context ended before the operation finished
	KindInternal  Kind = "internal"  // a bug (a recovered panic); never caused by data alone
)

// String returns the kind's name.
func (k Kind) String() string { return string(k) }

// Sentinels that an [Error] unwraps to, by kind.
var (
	ErrUnknownOp = errors.New("bridge: unknown operation")
	ErrTooLarge  = errors.New("bridge: input too large")
	ErrInternal  = errors.New("bridge: internal error")
)

// Error is the error every operation returns. Op names the operation,
// Message is for people and never contains the input, Findings hold the
// problems found in the input (for KindInvalid), and Err is the cause, if
// any. It unwraps to Findings (when not empty), to the sentinel of its kind
// and to Err.
type Error struct {
	Op       string         `json:"op,omitempty"`
	Kind     Kind           `json:"kind"`
	Message  string         `json:"message"`
	Findings model.Findings `json:"findings,omitempty"`
	Err      error          `json:"-"`
}

// Error returns "bridge: <op>: <message>".
func (e *Error) Error() string {
	s := "bridge: "
	if e.Op != "" {
		s += e.Op + ": "
	}
	return s + e.Message
}

// Unwrap returns the findings, the kind's sentinel and the cause, those that
// are set.
func (e *Error) Unwrap() []error {
	var errs []error
	if len(e.Findings) > 0 {
		errs = append(errs, e.Findings)
	}
	switch e.Kind {
	case KindUnknownOp:
		errs = append(errs, ErrUnknownOp)
	case KindTooLarge:
		errs = append(errs, ErrTooLarge)
	case KindInternal:
		errs = append(errs, ErrInternal)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}
