//go:build !js

package eventlog

import "bytes"

// scanBlock returns the number of '\n' bytes in b and whether b has a '"'
// (see count_js.go).
func scanBlock(b []byte) (lines int, quoted bool) {
	return bytes.Count(b, []byte{'\n'}), bytes.IndexByte(b, '"') >= 0
}
