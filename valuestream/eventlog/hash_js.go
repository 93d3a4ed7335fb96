//go:build js

package eventlog

import (
	"encoding/binary"
	"math/rand/v2"
)

// idSeed seeds hashID, so that no fixed set of ids collides in every run.
var idSeed = rand.Uint64()

// hashID hashes a case id for the case table. On js/wasm hash/maphash runs
// the portable wyhash, whose 64×64→128-bit multiplies Go builds from 32-bit
// halves there: with its calls it took 6% of an analysis under V8. This
// mixes the id a word at a time with wasm's native 64-bit multiply and ends
// with murmur3's finaliser, so that the high bits (the shard and the slot's
// tag) and the low bits (the slot) all depend on every byte.
func (t *caseTable) hashID(b []byte) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := idSeed ^ uint64(len(b))*m
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * m
		h ^= h >> 29
		b = b[8:]
	}
	if len(b) > 0 {
		var w uint64
		for i, c := range b {
			w |= uint64(c) << (8 * i)
		}
		h = (h ^ w) * m
		h ^= h >> 29
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
