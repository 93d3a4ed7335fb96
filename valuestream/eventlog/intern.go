package eventlog

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"sync"
)

// shardBits sets the number of shards of the case table: 8. Workers intern
// a batch of rows at a time, shard by shard, so a lock is taken once for
// dozens of ids and the two workers rarely meet.
const shardBits = 3

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
	hash   uint64 // the id's hash, so that growing need not rehash
	k0, k1 uint64 // the id's first 16 bytes, zero-padded
}

type caseShard struct {
	mu    sync.Mutex
	slots []slot
	n     int
	long  map[string]uint32 // ids longer than inlineKey, by id
	sink  uint64            // the sum of touched slots, so that the loads stay
	_     [24]byte          // keep shards on separate cache lines
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

// internBatch interns keys (with their hashes) into out, shard by shard:
// for each shard it takes the lock once, first touches the home slot of
// every key so that the processor fetches them in parallel, then probes.
// ok is false when a shard is full.
func (t *caseTable) internBatch(keys [][]byte, hashes []uint64, out []uint32, order []int) bool {
	// Counting sort of the batch by shard.
	var counts [1<<shardBits + 1]int
	for _, h := range hashes {
		counts[h>>(64-shardBits)+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	next := counts
	for i, h := range hashes {
		sh := h >> (64 - shardBits)
		order[next[sh]] = i
		next[sh]++
	}
	for sh := range 1 << shardBits {
		group := order[counts[sh]:counts[sh+1]]
		if len(group) == 0 {
			continue
		}
		s := &t.shards[sh]
		s.mu.Lock()
		var sink uint64
		mask := uint64(len(s.slots) - 1)
		for _, i := range group {
			sink += s.slots[hashes[i]&mask].meta
		}
		s.sink = sink // keep the loads
		for _, i := range group {
			local, ok := s.internLocked(keys[i], hashes[i])
			if !ok {
				s.mu.Unlock()
				return false
			}
			out[i] = local<<shardBits | uint32(sh)
		}
		s.mu.Unlock()
	}
	return true
}

// internLocked is intern's probe, with the shard's lock held.
func (s *caseShard) internLocked(b []byte, h uint64) (uint32, bool) {
	if len(b) > inlineKey {
		if local, ok := s.long[string(b)]; ok {
			return local, true
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
		return local, true
	}
	k0, k1 := keyWords(b)
	want := (h>>40)<<40 | uint64(len(b))<<32
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.meta == 0 {
			if s.n >= 1<<(32-shardBits) {
				return 0, false
			}
			local := s.n
			s.n++
			*sl = slot{meta: want | uint64(local+1), hash: h, k0: k0, k1: k1}
			if 2*s.n > len(s.slots) {
				s.grow()
			}
			return uint32(local), true
		}
		if sl.meta&^0xffffffff == want && sl.k0 == k0 && sl.k1 == k1 {
			return uint32(sl.meta) - 1, true
		}
	}
}

// grow doubles the slots and moves every id to its place in the new ones.
func (s *caseShard) grow() {
	old := s.slots
	s.slots = make([]slot, 2*len(old))
	mask := uint64(len(s.slots) - 1)
	for _, sl := range old {
		if sl.meta == 0 {
			continue
		}
		i := sl.hash & mask
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

// release drops the table's slots once every id is interned; only the
// counts are needed after that.
func (t *caseTable) release() {
	for i := range t.shards {
		t.shards[i].slots, t.shards[i].long = nil, nil
	}
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
