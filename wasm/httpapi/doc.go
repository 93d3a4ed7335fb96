// Package httpapi serves Sujuva's operations over HTTP under /api/v1/: a
// plain [net/http.Handler], the same on a server, in tests with httptest and
// in the Cloudflare Worker (wasm/worker), where syumai/workers adapts it.
// [Handler.Serve] gives the same answers to a request handed over whole
// (method, target, header fields, body) without net/http's request and
// header maps: the Worker's path for the API's usual call.
//
// # Routes
//
//	GET     /api/v1/                the index: operations, schemas, the OpenAPI link
//	GET     /api/v1/openapi.json    the OpenAPI 3.1 description (committed, embedded)
//	GET     /api/v1/schemas/…       each JSON Schema at the path of its own $id
//	POST    /api/v1/{op}            one operation of the [Backend]: JSON in, JSON out
//	OPTIONS /api/v1/…               CORS preflight, when [Options.AllowedOrigins] is set
//
// An operation whose input is a CSV event log takes text/csv and is streamed
// to the backend through a size limit instead of being read whole. An
// operation with an SVG variant (an operation named op+".svg") answers SVG
// when the request's Accept header prefers image/svg+xml.
//
// # Errors
//
// Every error answer is JSON, {"error": {"kind", "message", "findings"}}:
// 400 for input that does not validate, with findings whose paths are JSON
// Pointers into the request body; 413 over the size limit; 415 for a wrong
// Content-Type; 404 for an unknown path; 405, with Allow, for a wrong method;
// 406 when Accept admits no representation. Bad input never causes a 500; a
// panic in the backend is recovered into a 500 without a stack trace.
//
// Nothing is stored and request bodies are never logged: [Options.Logf]
// receives only the operation's name and the error class.
//
// Every answer carries Content-Length: the body is complete before the first
// byte is sent, which bounds its size by the backend's and lets the Worker
// runtime use a fixed-length stream.
package httpapi
