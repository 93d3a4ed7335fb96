package eventlog

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

// inlineKey is the longest case id kept in the table's slot itself; longer
// ids live in a map per table.
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

// hashKey hashes a caseKey with an analysis's seed: two rounds of the
// multiply-and-fold mixer of wyhash, cheaper than maphash over the bytes.
func hashKey(k caseKey, seed *[3]uint64) uint64 {
	return mix(mix(k.lo^seed[0], k.hi^seed[1]), seed[2])
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// caseTable interns the case ids of one partition (see rowChunk): an
// open-addressing hash table (linear probing, at most half full). A slot
// holds the id's hash, the case's index + 1 and the id's [caseKey], so that
// a look-up touches one cache line; a partition's table is small enough to
// stay in cache.
type caseTable struct {
	slots []slot
	n     int
	long  map[string]uint32 // ids longer than inlineKey, by id
}

type slot struct {
	hash  uint64 // so that growing need not rehash
	index uint32 // the case's index + 1; 0 is empty
	_     uint32
	key   caseKey
}

// reset empties the table for a partition of rows rows, keeping its slots
// when they are large enough. Few logs have more cases than a quarter of
// their rows; the table grows if they do.
func (t *caseTable) reset(rows int) {
	n := 64
	for n < rows/2 {
		n *= 2
	}
	if cap(t.slots) >= n {
		t.slots = t.slots[:n]
		clear(t.slots)
	} else {
		t.slots = make([]slot, n)
	}
	t.n = 0
	clear(t.long) // kept for the next partition, like the slots
}

// intern returns k's index, adding it if new.
func (t *caseTable) intern(k caseKey, h uint64) uint32 {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.index == 0 {
			local := uint32(t.n)
			t.n++
			*sl = slot{hash: h, index: local + 1, key: k}
			if 2*t.n > len(t.slots) {
				t.grow()
			}
			return local
		}
		if sl.hash == h && sl.key == k {
			return sl.index - 1
		}
	}
}

// internLong interns an id longer than inlineKey.
func (t *caseTable) internLong(b []byte) uint32 {
	if local, ok := t.long[string(b)]; ok {
		return local
	}
	if t.long == nil {
		t.long = map[string]uint32{}
	}
	local := uint32(t.n)
	t.n++
	t.long[string(b)] = local
	return local
}

// grow doubles the slots and moves every id to its place in the new ones.
func (t *caseTable) grow() {
	old := t.slots
	t.slots = make([]slot, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, sl := range old {
		if sl.index == 0 {
			continue
		}
		i := sl.hash & mask
		for t.slots[i].index != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
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
	if len(a.names) >= maxActivities {
		return 0, false
	}
	id := uint16(len(a.names))
	name := string(b)
	a.ids[name] = id
	a.names = append(a.names, name)
	return id, true
}

// ranked returns the activities in byte order, and each one's rank in it
// by its id: activities are ranked by name wherever they are compared or
// listed.
func (a *activityTable) ranked() (sorted []string, rank []uint16) {
	if len(a.names) == 0 {
		return nil, nil
	}
	order := make([]int, len(a.names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(a.names[x], a.names[y]) })
	sorted = make([]string, len(order))
	rank = make([]uint16, len(order))
	for r, id := range order {
		sorted[r] = a.names[id]
		rank[id] = uint16(r)
	}
	return sorted, rank
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
