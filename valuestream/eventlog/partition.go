package eventlog

import (
	"hash/maphash"
	"math"
	"sync"
	"sync/atomic"
)

// Looking a case id up in one table of every case costs a cache miss per
// row once the table outgrows the cache (1.6M cases: 128 MB of slots), and
// that was most of the parsing time. So the workers do not intern while
// parsing: they radix-partition the rows by the hash of their case id into
// numParts partitions, appending to each in order, and afterwards each
// partition's ids are interned in a table of its own that stays in cache,
// and its rows grouped by case there too. A case's global index is its
// partition's first index plus its index in the partition.
const (
	partBits = 8
	numParts = 1 << partBits
	// A partition's first rowChunk holds minChunk rows, each next one
	// twice as many up to maxChunk: small inputs stay small, and no column
	// is ever copied to grow.
	minChunk, maxChunk = 64, 2048
)

// rowChunk holds rows of one partition parsed by one worker.
type rowChunk struct {
	keys  []caseKey // longKey for an id longer than inlineKey
	arena []byte    // the long ids, one after another
	ends  []int     // where each long id ends in arena
	times []int64   // Unix nanoseconds
	acts  []uint16
}

func newRowChunk(rows int) rowChunk {
	return rowChunk{keys: make([]caseKey, 0, rows), times: make([]int64, 0, rows), acts: make([]uint16, 0, rows)}
}

// longKey stands in a rowChunk for an id longer than inlineKey: no id's
// caseKey has length 255.
var longKey = caseKey{hi: math.MaxUint64}

// hashSeed seeds the case ids' hashes of one analysis.
type hashSeed struct {
	words [3]uint64    // of hashKey
	long  maphash.Seed // of ids longer than inlineKey
}

func newHashSeed() hashSeed {
	s := hashSeed{long: maphash.MakeSeed()}
	for i := range s.words {
		// maphash gives a random seed; its hash of a constant is a random
		// word derived from it.
		s.words[i] = maphash.Comparable(maphash.MakeSeed(), i)
	}
	return s
}

// parts are one worker's rows by partition.
type parts struct {
	// open is the chunk each partition appends to, kept inline so that
	// finding it costs no cache miss; full are the partitions' filled
	// chunks, and seal adds the open ones to them.
	open [numParts]rowChunk
	full [numParts][]rowChunk
}

// add appends a row whose case id is id to its partition.
func (p *parts) add(seed *hashSeed, id []byte, ns int64, act uint16) {
	k, ok := caseKeyOf(id)
	var h uint64
	if ok {
		h = hashKey(k, &seed.words)
	} else {
		h = maphash.Bytes(seed.long, id)
	}
	part := h >> (64 - partBits)
	c := &p.open[part]
	if len(c.keys) == cap(c.keys) {
		rows := minChunk
		if cap(c.keys) > 0 {
			p.full[part] = append(p.full[part], *c)
			rows = min(2*cap(c.keys), maxChunk)
		}
		*c = newRowChunk(rows)
	}
	if ok {
		c.keys = append(c.keys, k)
	} else {
		c.keys = append(c.keys, longKey)
		c.arena = append(c.arena, id...)
		c.ends = append(c.ends, len(c.arena))
	}
	c.times = append(c.times, ns)
	c.acts = append(c.acts, act)
}

// seal moves the open chunks to the full ones, once the rows are all added.
func (p *parts) seal() {
	for part := range p.open {
		if len(p.open[part].keys) > 0 {
			p.full[part] = append(p.full[part], p.open[part])
		}
		p.open[part] = rowChunk{}
	}
}

// grouped is the events grouped by case: case c's events are
// times[start[c]:start[c+1]] and ranks[...], in no particular order.
type grouped struct {
	start []uint32
	times []int64
	ranks []uint16
}

// group interns each partition's case ids and groups the events by case,
// partitions shared among workers goroutines. rank maps activity ids to
// their rank. It frees the chunks as it goes. ok is false when there are
// more events than the uint32 positions of grouped reach.
func group(all []parts, seed *hashSeed, rank []uint16, workers int) (grouped, bool) {
	// Where each partition's events go.
	var firstEvent [numParts + 1]int
	for p := range numParts {
		rows := 0
		for w := range all {
			for _, c := range all[w].full[p] {
				rows += len(c.keys)
			}
		}
		firstEvent[p+1] = firstEvent[p] + rows
	}
	total := firstEvent[numParts]
	if uint64(total) > math.MaxUint32 {
		return grouped{}, false
	}
	g := grouped{times: make([]int64, total), ranks: make([]uint16, total)}
	// Each partition's ids are interned, and its events placed by a
	// counting sort on their case, into its stretch of the columns; its
	// cases' starts are joined afterwards.
	var starts [numParts][]uint32
	forEachPart(workers, func(p int, sc *scratch) {
		rows := firstEvent[p+1] - firstEvent[p]
		t := &sc.table
		t.reset(rows)
		cases := sc.cases[:0] // each row's case, in order
		for w := range all {
			for _, c := range all[w].full[p] {
				start, j := 0, 0
				for _, k := range c.keys {
					if k == longKey {
						cases = append(cases, t.internLong(c.arena[start:c.ends[j]]))
						start = c.ends[j]
						j++
						continue
					}
					cases = append(cases, t.intern(k, hashKey(k, &seed.words)))
				}
			}
		}
		// next[l+1] counts case l's events; summed, next[l] is where case
		// l's events start. start[l] is where its next event goes.
		next := make([]uint32, t.n+1)
		for _, l := range cases {
			next[l+1]++
		}
		next[0] = uint32(firstEvent[p])
		for l := 1; l <= t.n; l++ {
			next[l] += next[l-1]
		}
		start := append(sc.start[:0], next[:t.n]...)
		i := 0
		for w := range all {
			for _, c := range all[w].full[p] {
				for k := range c.keys {
					l := cases[i]
					i++
					j := start[l]
					start[l]++
					g.times[j] = c.times[k]
					g.ranks[j] = rank[c.acts[k]]
				}
			}
			all[w].full[p] = nil
		}
		starts[p] = next[:t.n]
		sc.cases, sc.start = cases, start
	})
	nCases := 0
	for _, s := range starts {
		nCases += len(s)
	}
	g.start = make([]uint32, 0, nCases+1)
	for _, s := range starts {
		g.start = append(g.start, s...)
	}
	g.start = append(g.start, uint32(total))
	return g, true
}

// scratch is the memory a goroutine of group reuses from partition to
// partition, so that it allocates little beyond the results.
type scratch struct {
	table        caseTable
	cases, start []uint32
}

// forEachPart calls f for every partition, on up to workers goroutines.
func forEachPart(workers int, f func(p int, sc *scratch)) {
	var next atomic.Int32
	var wg sync.WaitGroup
	for range max(1, min(workers, numParts)) {
		wg.Go(func() {
			var sc scratch
			for p := int(next.Add(1) - 1); p < numParts; p = int(next.Add(1) - 1) {
				f(p, &sc)
			}
		})
	}
	wg.Wait()
}
