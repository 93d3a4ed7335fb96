package eventlog

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"
)

// caseKeyOf loads overlapping words; it must equal the plain reading: the
// id copied into 15 zero bytes, then its length.
func TestCaseKeyOf(t *testing.T) {
	for n := range inlineKey + 3 {
		for _, fill := range []byte{0, 'x', 0xff} {
			b := bytes.Repeat([]byte{fill}, n)
			for i := range b {
				b[i] += byte(i) // every byte distinct from its neighbours
			}
			k, ok := caseKeyOf(b)
			if ok != (n <= inlineKey) {
				t.Fatalf("len %d: ok %v", n, ok)
			}
			if !ok {
				continue
			}
			var buf [16]byte
			copy(buf[:], b)
			buf[15] = byte(n)
			want := caseKey{binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])}
			if k != want {
				t.Fatalf("caseKeyOf(%q) = %x, want %x", b, k, want)
			}
		}
	}
}

// Ids that differ only in trailing zero bytes, ids longer than inlineKey
// and enough ids to grow the table many times all keep their own index.
func TestCaseTable(t *testing.T) {
	ids := [][]byte{{}, {0}, {0, 0}, []byte("a"), []byte("a\x00"), []byte("0123456789abcde"), []byte("0123456789abcdef"), []byte("0123456789abcdef0")}
	for i := range 100_000 {
		ids = append(ids, fmt.Appendf(nil, "REF-%07d", i), fmt.Appendf(nil, "a-much-longer-case-id-%d", i))
	}
	var tab caseTable
	tab.reset(0)
	seed := newHashSeed()
	intern := func(id []byte) uint32 {
		if k, ok := caseKeyOf(id); ok {
			return tab.intern(k, hashKey(k, &seed.words))
		}
		return tab.internLong(id)
	}
	seen := map[uint32]string{}
	for _, id := range ids {
		c := intern(id)
		if prev, dup := seen[c]; dup {
			t.Fatalf("%q and %q share index %d", prev, id, c)
		}
		seen[c] = string(id)
	}
	for _, id := range ids {
		if c := intern(id); seen[c] != string(id) {
			t.Fatalf("%q: index %d, first given to %q", id, c, seen[c])
		}
	}
	if tab.n != len(ids) {
		t.Fatalf("count %d, want %d", tab.n, len(ids))
	}
}

// Names that share a slot of the cache, and the empty name, keep their ids.
func TestActivityCache(t *testing.T) {
	names := []string{"", "a", "ab", "b", "abcdefgh", "xbcdefgh", "decision", "assessment"}
	for i := range 100 {
		names = append(names, fmt.Sprint("activity ", i))
	}
	c := activityCache{all: map[string]cachedActivity{}}
	for round := range 3 {
		for i, n := range names {
			id, ok := c.lookup([]byte(n))
			if round == 0 && i%2 == 0 {
				if ok {
					t.Fatalf("%q found before it was added", n)
				}
				c.add([]byte(n), uint16(i))
				continue
			}
			if round == 0 {
				c.add([]byte(n), uint16(i))
				continue
			}
			if !ok || id != uint16(i) {
				t.Fatalf("round %d: %q: %d %v, want %d", round, n, id, ok, i)
			}
		}
	}
}
