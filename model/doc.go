// Package model is Sujuva's shared vocabulary: the bottom layer every other
// package builds on.
//
// It holds the types that several domain packages need — findings with
// JSON Pointer paths and stable rule codes, their messages in Finnish,
// Swedish and English, civil dates and periods — and the domain of the
// breakthrough collaborative itself: the development team (kehittämistiimi),
// its composition rules as data (profiles), and the collaborative round with
// its teams, coach pairs and workshops.
//
// The package imports only the standard library and
// github.com/go-playground/validator/v10. It does no I/O and never reads the
// clock: callers pass what it needs.
//
// # Findings
//
// Validation never stops at the first problem. Every Validate method returns
// [Findings], a list of [Finding] values, each with a JSON Pointer
// (RFC 6901) to the offending field, a stable [Code], its parameters and a
// [Severity]: an error breaks a rule of the method, a warning departs from a
// recommendation. [Findings.HasErrors] reports whether any is an error.
// Messages for people are looked up from the code with a [Catalog] at the
// edge of the program, in the [Language] the user chose.
//
// # Enums
//
// Enumerations are string types whose zero value means unset. JSON carries
// their names ("client", "warning"). An unknown name decodes without error and
// is kept as it was, so that nothing is lost on a round trip; Validate reports
// it as a finding with code [CodeEnumUnknown] at its path.
package model
