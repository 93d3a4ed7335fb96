package eventlog

import (
	"slices"
	"strconv"
	"testing"
)

// hashID (maphash natively, a word-at-a-time hash on js/wasm) must spread
// ids that differ in a digit over the shards, which take the top bits, and
// over a shard's slots, which take the low bits.
func TestHashIDSpread(t *testing.T) {
	table := newCaseTable()
	const n = 1 << 16
	var shards [1 << shardBits]int
	var low [1024]int
	seen := make(map[uint64]bool, n)
	for i := range n {
		h := table.hashID([]byte("case-" + strconv.Itoa(i)))
		if seen[h] {
			t.Fatalf("a collision at case-%d", i)
		}
		seen[h] = true
		shards[h>>(64-shardBits)]++
		low[h%uint64(len(low))]++
	}
	for sh, k := range shards {
		if want := n / len(shards); k < want*9/10 || k > want*11/10 {
			t.Errorf("shard %d has %d ids, want about %d", sh, k, want)
		}
	}
	empty := 0
	for _, k := range low {
		if k == 0 {
			empty++
		}
	}
	// 64 ids a slot on average: an empty slot or one with twice that means
	// the low bits ignore some bytes.
	if fullest := slices.Max(low[:]); empty > 0 || fullest > 128 {
		t.Errorf("the low 10 bits are uneven: %d empty, the fullest has %d", empty, fullest)
	}
}
