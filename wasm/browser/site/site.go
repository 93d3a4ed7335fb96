// Package site holds the browser worksheet's static files — the HTML page,
// its CSS and ES modules, and the accessibility statement — embedded, so
// that a server (examples/worksheet) can serve them beside the wasm built
// from wasm/browser and wasm_exec.js from the Go distribution.
//
// The page holds no domain logic: every check and figure comes from the
// bridge (wasm/bridge) through globalThis.sujuva.call. It expects to find
// "sujuva.wasm" and "wasm_exec.js" beside index.html, and optionally
// "demo.json", a worksheet it loads when the browser has none saved.
package site

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// FS returns the static files, index.html at the root.
func FS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded directory exists: a programmer error
	}
	return sub
}
