// Package schema publishes the JSON Schemas (draft 2020-12) of Sujuva's
// exports — the worksheet file a team keeps and the Innokylä toimintamalli
// document — and validates documents against them. Its one job is the
// schemas and their validation.
//
// The schemas are embedded files (worksheet.json, innokyla.json beside this
// file), each with an absolute $id under https://sujuva.fi/api/v1/schemas/,
// the path at which Sujuva's HTTP API serves it. [Validate] compiles each
// schema once, on first use, from the embedded bytes registered under its
// $id, and refuses to load anything else — no network, no files, no working
// directory — so it works the same in a browser, in a Worker and on a
// server. It reports problems as model.Findings with the JSON Pointer of the
// offending value; the validator's own error types never leave the package.
//
// The Innokylä schema fixes the 20 sections of the development path in the
// site's order, each with its key and its exact Finnish heading, so an
// integrator can rely on the document's shape without Sujuva's code.
package schema
