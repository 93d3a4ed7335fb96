package model

import "errors"

// ErrInvalid is matched by [Findings] that contain at least one error, so
// callers can write errors.Is(err, model.ErrInvalid).
var ErrInvalid = errors.New("model: invalid")

// ErrUnknownEnum is wrapped by [*EnumError].
var ErrUnknownEnum = errors.New("model: unknown enum value")

// ErrDate is wrapped by [*DateError].
var ErrDate = errors.New("model: invalid date")

// EnumError reports a name that is not a value of an enum type. It carries
// the input and unwraps to [ErrUnknownEnum].
type EnumError struct {
	Type  string // the enum type, e.g. "role"
	Value string // the input as given
}

func (e *EnumError) Error() string {
	return "model: unknown " + e.Type + " " + quote(e.Value)
}

// Unwrap returns [ErrUnknownEnum].
func (e *EnumError) Unwrap() error { return ErrUnknownEnum }

// DateError reports a civil date that could not be parsed. It carries the
// input and unwraps to [ErrDate].
type DateError struct {
	Value string // the input as given
}

func (e *DateError) Error() string {
	return "model: invalid date " + quote(e.Value) + " (want YYYY-MM-DD)"
}

// Unwrap returns [ErrDate].
func (e *DateError) Unwrap() error { return ErrDate }
