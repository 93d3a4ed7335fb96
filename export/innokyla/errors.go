package innokyla

import "errors"

// ErrUnknownSection is wrapped by [*UnknownSectionError].
var ErrUnknownSection = errors.New("innokyla: unknown section")
