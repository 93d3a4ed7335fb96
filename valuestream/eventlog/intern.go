package eventlog

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"sync"
)

// shardBits sets the number of shards of the case table: 64, so that the
// workers rarely wait for one another's lock.
const shardBits = 6

// inlineKey is the longest case id kept in the table's slot itself; longer
// ids live in an arena and are compared there.
const inlineKey = 16

// caseTable interns case ids: an open-addressing hash table (linear
// probing, at most half full) per shard. A slot holds 24 bits of the id's
// hash, its length and the case's index + 1, and ids of up to 16 bytes
// inline, so that a look-up usually touches one cache line. A case's global
// index is its index in its shard shifted left by shardBits, or'd with the
// shard.
type caseTable struct {
	seed   maphash.Seed
	shards [1 << shardBits]caseShard
}

type slot struct {
	meta   uint64 // tag<<40 | len<<32 | index+1; 0 is empty
	k0, k1 uint64 // the id's first 16 bytes, zero-padded
}

type caseShard struct {
	mu    sync.Mutex
	slots []slot
	n     int
	long  map[string]uint32 // ids longer than inlineKey, by id
	_     [32]byte          // keep shards on separate cache lines
}

func newCaseTable() *caseTable {
	t := &caseTable{seed: maphash.MakeSeed()}
	for i := range t.shards {
		t.shards[i].slots = make([]slot, 1024)
	}
	return t
}

func keyWords(b []byte) (uint64, uint64) {
	var buf [inlineKey]byte
	copy(buf[:], b)
	return binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
}

// intern returns the global index of case id b, adding it if new. ok is
// false when a shard holds 2²⁶ cases.
func (t *caseTable) intern(b []byte) (uint32, bool) {
	h := maphash.Bytes(t.seed, b)
	shard := h >> (64 - shardBits)
	s := &t.shards[shard]
	if len(b) > inlineKey {
		return s.internLong(b, uint32(shard))
	}
	k0, k1 := keyWords(b)
	want := (h>>40)<<40 | uint64(len(b))<<32
	s.mu.Lock()
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.meta == 0 {
			if s.n >= 1<<(32-shardBits) {
				s.mu.Unlock()
				return 0, false
			}
			local := s.n
			s.n++
			*sl = slot{meta: want | uint64(local+1), k0: k0, k1: k1}
			if 2*s.n > len(s.slots) {
				s.grow(t.seed)
			}
			s.mu.Unlock()
			return uint32(local)<<shardBits | uint32(shard), true
		}
		if sl.meta&^0xffffffff == want && sl.k0 == k0 && sl.k1 == k1 {
			local := uint32(sl.meta) - 1
			s.mu.Unlock()
			return local<<shardBits | uint32(shard), true
		}
	}
}

func (s *caseShard) internLong(b []byte, shard uint32) (uint32, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if local, ok := s.long[string(b)]; ok {
		return local<<shardBits | shard, true
	}
	if s.n >= 1<<(32-shardBits) {
		return 0, false
	}
	if s.long == nil {
		s.long = map[string]uint32{}
	}
	local := uint32(s.n)
	s.n++
	s.long[string(bytes.Clone(b))] = local
	return local<<shardBits | shard, true
}

// grow doubles the slots and reinserts every inline id, rehashing it from
// the bytes the slot holds.
func (s *caseShard) grow(seed maphash.Seed) {
	old := s.slots
	s.slots = make([]slot, 2*len(old))
	mask := uint64(len(s.slots) - 1)
	var buf [inlineKey]byte
	for _, sl := range old {
		if sl.meta == 0 {
			continue
		}
		binary.LittleEndian.PutUint64(buf[:8], sl.k0)
		binary.LittleEndian.PutUint64(buf[8:], sl.k1)
		n := int(sl.meta>>32) & 0xff
		i := maphash.Bytes(seed, buf[:n]) & mask
		for s.slots[i].meta != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}

// count returns the number of cases and the size of the global index
// space (one past the largest global index).
func (t *caseTable) count() (cases int, space int) {
	maxLocal := 0
	for i := range t.shards {
		cases += t.shards[i].n
		maxLocal = max(maxLocal, t.shards[i].n)
	}
	return cases, maxLocal << shardBits
}

// activityTable interns activity names. Workers keep their own map in
// front of it (see engine.work), so the lock is taken once per worker and
// name.
type activityTable struct {
	mu    sync.Mutex
	ids   map[string]uint16
	names []string
}

func (a *activityTable) intern(b []byte) (uint16, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if id, ok := a.ids[string(b)]; ok {
		return id, true
	}
	if len(a.names) >= 1<<16 {
		return 0, false
	}
	id := uint16(len(a.names))
	name := string(b)
	a.ids[name] = id
	a.names = append(a.names, name)
	return id, true
}
