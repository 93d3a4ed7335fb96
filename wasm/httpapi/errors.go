package httpapi

import "errors"

// Error kinds of the JSON error body. Integrators may switch on them; they
// never change meaning.
const (
	KindInvalid          = "invalid"                // 400: the input does not validate; see findings
	KindBadRequest       = "bad_request"            // 400: the request itself is malformed
	KindNotFound         = "not_found"              // 404
	KindMethod           = "method_not_allowed"     // 405
	KindNotAcceptable    = "not_acceptable"         // 406
	KindTooLarge         = "too_large"              // 413
	KindUnsupportedMedia = "unsupported_media_type" // 415
	KindInternal         = "internal"               // 500: a bug, never bad input
)

// ErrTooLarge is what a request body reader returns past the size limit; a
// backend that wraps it lets the handler answer 413.
var ErrTooLarge = errors.New("httpapi: request body too large")
