// Package pdsa is the Model for Improvement in code: what a team is trying to
// accomplish (the [Aim]), how it will know that a change is an improvement
// (the measures the aim names), what changes it can make (the
// [DriverDiagram] and its change ideas), and the Plan–Do–Study–Act cycles
// that test those changes one after another in a [Ramp].
//
// Sources: Langley, Moen, Nolan, Nolan, Norman, Provost, The Improvement
// Guide (2nd ed., 2009) for the three questions, PDSA cycles and ramps;
// IHI's PDSA Worksheet for Testing Change for the fields of a cycle; THL's
// Sujuvat palvelut coaching (seeds 001 and 003) for the rule that a PDSA plan
// records the actions, a responsible person, a schedule and when the tested
// change is evaluated.
//
// The package imports only the standard library and model. It does no I/O
// and never reads the clock: every operation that records a time takes
// now time.Time from the caller. Values are not safe for concurrent
// mutation; methods with value receivers may be called concurrently.
//
// # The cycle as a state machine
//
// A [Cycle] moves through the phases
//
//	draft → plan → do → study → act → closed
//
// one step at a time with [Cycle.Move]. Leaving a phase checks that the phase
// is complete and refuses the move with a [*TransitionError] that holds every
// missing item as a [model.Finding]: no Do without an objective, a prediction
// for every question, a responsible person and an evaluation date; no Study
// without observations; no Act without a result for every prediction and a
// summary; no close without a decision. Any other move (plan → act) is
// refused with a [*TransitionError] that unwraps to [ErrInvalidTransition].
// A closed cycle comes back to act only through [Cycle.Reopen], which records
// its reason. Every accepted move is kept in [Cycle.History] with the time
// the caller gave; [Replay] recomputes the phase from that history.
//
// # Ramps
//
// A [Ramp] is an ordered series of cycles that test one change idea at a
// growing scale (one client, one week, the whole unit). Closing a cycle with
// [DecisionAdapt] opens the next cycle prefilled from the last
// ([Cycle.Prefill]); closing with [DecisionAdopt] does the same, to scale up,
// unless the cycle is of [TypeImplement], which completes the ramp; closing
// with [DecisionAbandon] ends it. [Ramp.Status] is derived from the cycles,
// never stored.
//
// # Findings, enums and JSON
//
// Validate methods return [model.Findings] with JSON Pointer paths into the
// value's JSON form and codes defined in this package ([Messages] has their
// text in Finnish, Swedish and English). Enums are string types whose zero
// value means unset; an unknown name decodes without error and Validate
// reports it with [model.CodeEnumUnknown]. JSON round-trips: times are
// RFC 3339, civil dates "2006-01-02", enums their names.
package pdsa
