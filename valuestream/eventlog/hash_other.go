//go:build !js

package eventlog

import "hash/maphash"

// hashID hashes a case id for the case table (see hash_js.go).
func (t *caseTable) hashID(b []byte) uint64 { return maphash.Bytes(t.seed, b) }
