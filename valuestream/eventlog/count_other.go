//go:build !js

package eventlog

import "bytes"

// countLines returns the number of '\n' bytes in b (see count_js.go).
func countLines(b []byte) int { return bytes.Count(b, []byte{'\n'}) }
