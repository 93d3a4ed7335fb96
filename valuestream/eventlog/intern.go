package eventlog

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"sync"
)

// shardBits sets the number of shards of the case table: 8. Workers intern
// a batch of rows at a time, shard by shard, so a lock is taken once for
// dozens of ids and the two workers rarely meet.
const shardBits = 3

// inlineKey is the longest case id kept in the table's slot itself; longer
// ids live in a map per shard.
const inlineKey = 15

// caseKey is a case id of up to inlineKey bytes in 16 bytes: the id
// zero-padded to 15 bytes (little-endian words), then its length, so that
// ids that differ only in trailing zero bytes stay apart.
type caseKey struct{ lo, hi uint64 }

// caseKeyOf returns b's caseKey; ok is false when b is too long for one.
// It loads whole words, overlapping where b is shorter than two, instead of
// copying b into a padded buffer: this runs once per row.
func caseKeyOf(b []byte) (k caseKey, ok bool) {
	n := len(b)
	switch {
	case n > inlineKey:
		return caseKey{}, false
	case n >= 8:
		// The last 8 bytes, shifted so that b[8] lands in the lowest byte;
		// for n == 8 the shift is 64 and leaves 0.
		k.lo = binary.LittleEndian.Uint64(b)
		k.hi = binary.LittleEndian.Uint64(b[n-8:]) >> (8 * (16 - n))
	case n >= 4:
		// Likewise with two 4-byte loads into lo.
		k.lo = uint64(binary.LittleEndian.Uint32(b)) |
			uint64(binary.LittleEndian.Uint32(b[n-4:]))>>(8*(8-n))<<32
	default:
		for i, c := range b {
			k.lo |= uint64(c) << (8 * i)
		}
	}
	k.hi |= uint64(n) << 56
	return k, true
}

// hashKey hashes a caseKey with the table's seed: two rounds of the
// multiply-and-fold mixer of wyhash, cheaper than maphash over the bytes.
func hashKey(k caseKey, seed *[3]uint64) uint64 {
	return mix(mix(k.lo^seed[0], k.hi^seed[1]), seed[2])
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// caseTable interns case ids: an open-addressing hash table (linear
// probing, at most half full) per shard. A slot holds the id's hash, the
// case's index + 1 and the id's [caseKey], so that a look-up usually
// touches one cache line. A case's global index is its index in its shard
// shifted left by shardBits, or'd with the shard (the top bits of the
// hash).
type caseTable struct {
	seed     [3]uint64    // of hashKey
	longSeed maphash.Seed // of ids longer than inlineKey
	shards   [1 << shardBits]caseShard
}

type slot struct {
	hash  uint64 // so that growing need not rehash
	index uint32 // the case's index + 1; 0 is empty
	_     uint32
	key   caseKey
}

type caseShard struct {
	mu    sync.Mutex
	slots []slot
	n     int
	long  map[string]uint32 // ids longer than inlineKey, by id
	sink  uint64            // the sum of touched slots, so that the loads stay
	_     [24]byte          // keep shards on separate cache lines
}

// maxShardCases is how many cases a shard indexes: 2³² cases in all.
const maxShardCases = 1 << (32 - shardBits)

func newCaseTable() *caseTable {
	t := &caseTable{longSeed: maphash.MakeSeed()}
	for i := range t.seed {
		// maphash gives a random seed; its hash of a constant is a random
		// word derived from it.
		t.seed[i] = maphash.Comparable(maphash.MakeSeed(), i)
	}
	for i := range t.shards {
		t.shards[i].slots = make([]slot, 1024)
	}
	return t
}

// internBatch interns keys (with their hashes) into out, shard by shard:
// for each shard it takes the lock once, first touches the home slot of
// every key so that the processor fetches them in parallel, then probes.
// Rows whose long[i] is non-nil have ids longer than inlineKey, interned by
// their bytes. ok is false when a shard is full.
func (t *caseTable) internBatch(keys []caseKey, long [][]byte, hashes []uint64, out []uint32, order []int) bool {
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
			sink += s.slots[hashes[i]&mask].hash
		}
		s.sink = sink // keep the loads
		for _, i := range group {
			var local uint32
			var ok bool
			if long[i] != nil {
				local, ok = s.internLong(long[i])
			} else {
				local, ok = s.intern(keys[i], hashes[i])
			}
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

// intern returns k's index in the shard, adding it if new; the shard's
// lock must be held.
func (s *caseShard) intern(k caseKey, h uint64) (uint32, bool) {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.index == 0 {
			if s.n >= maxShardCases {
				return 0, false
			}
			local := uint32(s.n)
			s.n++
			*sl = slot{hash: h, index: local + 1, key: k}
			if 2*s.n > len(s.slots) {
				s.grow()
			}
			return local, true
		}
		if sl.hash == h && sl.key == k {
			return sl.index - 1, true
		}
	}
}

// internLong interns an id longer than inlineKey.
func (s *caseShard) internLong(b []byte) (uint32, bool) {
	if local, ok := s.long[string(b)]; ok {
		return local, true
	}
	if s.n >= maxShardCases {
		return 0, false
	}
	if s.long == nil {
		s.long = map[string]uint32{}
	}
	local := uint32(s.n)
	s.n++
	s.long[string(b)] = local
	return local, true
}

// grow doubles the slots and moves every id to its place in the new ones.
func (s *caseShard) grow() {
	old := s.slots
	s.slots = make([]slot, 2*len(old))
	mask := uint64(len(s.slots) - 1)
	for _, sl := range old {
		if sl.index == 0 {
			continue
		}
		i := sl.hash & mask
		for s.slots[i].index != 0 {
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

// activityTable interns activity names. Workers keep an activityCache in
// front of it, so the lock is taken once per worker and name.
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

// activityCache is a worker's copy of the activity ids it has seen. Logs
// name a few activities in every row, so a direct-mapped array indexed by
// the name's length, first and last byte answers most look-ups with one
// string comparison, cheaper than a map's hashing; the map holds them all.
type activityCache struct {
	recent [64]cachedActivity // by activitySlot
	all    map[string]cachedActivity
}

type cachedActivity struct {
	name string
	id   uint16
	ok   bool // false for an empty entry of recent
}

func activitySlot(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	return (5*len(b) + int(b[0]) + 3*int(b[len(b)-1])) % 64
}

func (c *activityCache) lookup(b []byte) (uint16, bool) {
	r := &c.recent[activitySlot(b)]
	if r.ok && r.name == string(b) {
		return r.id, true
	}
	a, ok := c.all[string(b)]
	if ok {
		*r = a
	}
	return a.id, ok
}

func (c *activityCache) add(b []byte, id uint16) {
	a := cachedActivity{name: string(b), id: id, ok: true}
	c.all[a.name] = a
	c.recent[activitySlot(b)] = a
}
