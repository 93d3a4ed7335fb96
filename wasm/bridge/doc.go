// Package bridge is the plain-Go edge between Sujuva's domain packages and
// the places that cannot call Go directly: the browser worksheet (through the
// js/wasm main in wasm/browser) and the HTTP API (wasm/httpapi). Every
// operation takes a JSON document and returns one, so the page's JavaScript
// and an integrator's HTTP client see the same contract.
//
// # Operations
//
// [Bridge.Ops] lists the operation names and [Bridge.Describe] their
// summaries. [Bridge.Do] runs one. Operations that check something
// ("team.validate") answer with the findings as data, valid or not;
// operations that compute something ("valuestream.summary") refuse input that
// does not validate with an [*Error] of kind [KindInvalid] carrying the
// findings. Messages for people are not produced here: the "messages"
// operation returns the fi/sv/en catalog of every code, and the caller looks
// findings up in the language its user chose.
//
// # Errors
//
// Every error returned by Do is an [*Error] with a [Kind]. It unwraps to its
// findings (a model.Findings, so errors.As finds them and errors.Is(err,
// model.ErrInvalid) holds for invalid input) and to its cause.
//
// # Concurrency and cost
//
// A Bridge is safe for concurrent use. New builds nothing: the operation
// table is a constant switch and the message catalog is merged on first use.
// The package holds no clock; operations that record a time take it in
// their input ("at").
package bridge
