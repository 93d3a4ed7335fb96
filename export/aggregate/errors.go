package aggregate

import "errors"

var (
	// ErrShape is returned for a table whose cells do not match its labels.
	ErrShape = errors.New("aggregate: cells do not match the row and column labels")
	// ErrNegative is returned for a negative count.
	ErrNegative = errors.New("aggregate: negative count")
	// ErrThreshold is returned for a threshold below 1.
	ErrThreshold = errors.New("aggregate: threshold must be at least 1")
)
