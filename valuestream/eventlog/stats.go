package eventlog

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"time"
)

type variantInfo struct {
	count int
	lo    uint32 // where its first case starts in the grouped columns
	n     uint32
}

// statsBuilder accumulates the per-case figures in one pass over the
// grouped cases.
type statsBuilder struct {
	nAct                 int
	leads                []int64
	transCount           []int // by transition key from*nAct + to
	actEvents, actCases  []int
	actRework, actRepeat []int
	stamp                []int32
	occ                  []int32
	caseNo               int32
	reworkCases          int
	variants             map[uint64]*variantInfo
	first, last          int64
	startRank, endRank   int
	spans                []int64
	unfinished, noStart  int
}

func newStatsBuilder(nAct, nCases int) *statsBuilder {
	b := &statsBuilder{
		nAct:       nAct,
		leads:      make([]int64, 0, nCases),
		transCount: make([]int, nAct*nAct),
		actEvents:  make([]int, nAct), actCases: make([]int, nAct),
		actRework: make([]int, nAct), actRepeat: make([]int, nAct),
		stamp: make([]int32, nAct), occ: make([]int32, nAct),
		variants: map[uint64]*variantInfo{},
		first:    math.MaxInt64, last: math.MinInt64,
		startRank: -1, endRank: -1,
	}
	for i := range b.stamp {
		b.stamp[i] = -1
	}
	return b
}

func (b *statsBuilder) addCase(t []int64, r []uint16, lo uint32) {
	n := len(t)
	b.leads = append(b.leads, t[n-1]-t[0])
	b.first = min(b.first, t[0])
	b.last = max(b.last, t[n-1])
	h := uint64(14695981039346656037)
	rework := false
	for i, a := range r {
		h = (h ^ uint64(a)) * 1099511628211
		b.actEvents[a]++
		if b.stamp[a] != b.caseNo {
			b.stamp[a], b.occ[a] = b.caseNo, 1
			b.actCases[a]++
		} else {
			b.occ[a]++
			b.actRepeat[a]++
			if b.occ[a] == 2 {
				b.actRework[a]++
				rework = true
			}
		}
		if i > 0 {
			b.transCount[int(r[i-1])*b.nAct+int(a)]++
		}
	}
	if rework {
		b.reworkCases++
	}
	b.caseNo++
	if v := b.variants[h]; v != nil {
		v.count++
	} else {
		b.variants[h] = &variantInfo{count: 1, lo: lo, n: uint32(n)}
	}
	if b.startRank >= 0 {
		i := slices.Index(r, uint16(b.startRank))
		switch {
		case i < 0:
			b.noStart++
		default:
			j := slices.Index(r[i+1:], uint16(b.endRank))
			if j < 0 || b.endRank < 0 {
				b.unfinished++
			} else {
				b.spans = append(b.spans, t[i+1+j]-t[i])
			}
		}
	}
}

// merge adds the figures of o, built over other cases, to b.
func (b *statsBuilder) merge(o *statsBuilder) {
	b.leads = append(b.leads, o.leads...)
	for k, n := range o.transCount {
		b.transCount[k] += n
	}
	for a := range o.actEvents {
		b.actEvents[a] += o.actEvents[a]
		b.actCases[a] += o.actCases[a]
		b.actRework[a] += o.actRework[a]
		b.actRepeat[a] += o.actRepeat[a]
	}
	b.reworkCases += o.reworkCases
	for h, v := range o.variants {
		if mine := b.variants[h]; mine != nil {
			mine.count += v.count
		} else {
			b.variants[h] = v
		}
	}
	b.first, b.last = min(b.first, o.first), max(b.last, o.last)
	b.spans = append(b.spans, o.spans...)
	b.unfinished += o.unfinished
	b.noStart += o.noStart
}

// caseRange is a range of cases measured by one statsBuilder, with its
// transitions' counts.
type caseRange struct {
	from, to   int
	transCount []int
}

// finish computes the statistics into s. times, ranks and start are the
// grouped columns, for the second pass over the top variant's cases, and
// ranges the builders' ranges of cases, for the second pass over every
// wait. The lead times and the top variant are computed beside the waits,
// and the waits, then the transitions' percentiles, by one goroutine for
// each range.
func (b *statsBuilder) finish(s *Summary, names []string, o Options, times []int64, ranks []uint16, start []uint32, ranges []caseRange) {
	var side sync.WaitGroup
	side.Go(func() {
		s.LeadTime = stats(b.leads)
		b.topVariant(s, names, times, ranks, start)
	})
	s.First, s.Last = time.Unix(0, b.first).UTC(), time.Unix(0, b.last).UTC()
	// Second pass: every wait into one array, grouped by transition; each
	// range's waits go after the earlier ranges' in their group.
	off := make([]int, len(b.transCount)+1)
	for k, n := range b.transCount {
		off[k+1] = off[k] + n
	}
	all := make([]int64, off[len(b.transCount)])
	fill := slices.Clone(off[:len(b.transCount)])
	var wg sync.WaitGroup
	for _, r := range ranges {
		next := slices.Clone(fill)
		for k, n := range r.transCount {
			fill[k] += n
		}
		wg.Go(func() {
			for c := r.from; c < r.to; c++ {
				lo, hi := start[c], start[c+1]
				for i := lo + 1; i < hi; i++ {
					k := int(ranks[i-1])*b.nAct + int(ranks[i])
					all[next[k]] = times[i] - times[i-1]
					next[k]++
				}
			}
		})
	}
	wg.Wait()
	var keys []int
	for k, n := range b.transCount {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	s.Transitions = make([]Transition, len(keys))
	workers := len(ranges)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(keys); i += workers {
				k := keys[i]
				s.Transitions[i] = Transition{From: names[k/b.nAct], To: names[k%b.nAct], Stats: stats(all[off[k]:off[k+1]])}
			}
		})
	}
	wg.Wait()
	if len(s.Transitions) == 0 {
		s.Transitions = nil
	}
	s.Waits = stats(all)
	for a, name := range names {
		s.Activities = append(s.Activities, ActivityCount{Activity: name, Events: b.actEvents[a], Cases: b.actCases[a],
			ReworkCases: b.actRework[a], ReworkRepeats: b.actRepeat[a]})
	}
	s.ReworkCases = b.reworkCases
	if o.StartActivity != "" && o.EndActivity != "" {
		s.Span = &Span{Start: o.StartActivity, End: o.EndActivity, Finished: stats(b.spans), Unfinished: b.unfinished, NoStart: b.noStart}
	}
	side.Wait()
}

// topVariant finds the most frequent path (ties: the first in activity
// order) and the waits before each of its steps over its cases.
func (b *statsBuilder) topVariant(s *Summary, names []string, times []int64, ranks []uint16, start []uint32) {
	var best *variantInfo
	seq := func(v *variantInfo) []uint16 { return ranks[v.lo : v.lo+v.n] }
	for _, v := range b.variants {
		if best == nil || v.count > best.count || (v.count == best.count && slices.Compare(seq(v), seq(best)) < 0) {
			best = v
		}
	}
	if best == nil {
		return
	}
	top := seq(best)
	for _, r := range top {
		s.TopVariant.Activities = append(s.TopVariant.Activities, names[r])
	}
	waits := make([][]int64, len(top))
	for c := 0; c+1 < len(start); c++ {
		lo, hi := start[c], start[c+1]
		if hi-lo != uint32(len(top)) || !slices.Equal(ranks[lo:hi], top) {
			continue
		}
		s.TopVariant.Cases++
		for i := 1; i < len(top); i++ {
			waits[i] = append(waits[i], times[lo+uint32(i)]-times[lo+uint32(i)-1])
		}
	}
	s.StepWaits = make([]Stats, len(top))
	for i := 1; i < len(top); i++ {
		s.StepWaits[i] = stats(waits[i])
	}
}

// seconds converts nanoseconds to seconds, exactly for whole seconds.
func seconds(ns int64) float64 {
	return float64(ns/1e9) + float64(ns%1e9)/1e9
}

// stats computes count, median, p90 and max of ns by selection; it reorders
// ns.
func stats(ns []int64) Stats {
	st := Stats{Count: len(ns)}
	if len(ns) == 0 {
		return st
	}
	st.Max = seconds(slices.Max(ns))
	st.Median = percentile(ns, 0.5, 0)
	lo := int(math.Floor(float64(len(ns)-1) * 0.5))
	st.P90 = percentile(ns, 0.9, lo)
	return st
}

// percentile returns the p-quantile of ns in seconds, by linear
// interpolation between closest ranks. ns[:from] must hold only values no
// larger than the rest (an earlier, lower selection).
func percentile(ns []int64, p float64, from int) float64 {
	h := float64(len(ns)-1) * p
	f := math.Floor(h)
	i := int(f)
	selectKth(ns[from:], i-from)
	if i+1 >= len(ns) {
		return seconds(ns[i])
	}
	next := slices.Min(ns[i+1:])
	lo, hi := seconds(ns[i]), seconds(next)
	return lo + (h-f)*(hi-lo)
}

// selectKth reorders x so that x[k] is the value it would have if x were
// sorted, with no larger value before it and no smaller after (Hoare's
// quickselect, median-of-three pivots; it falls back to sorting after
// 2·log2(n) rounds so that no input makes it quadratic).
func selectKth(x []int64, k int) {
	limit := 2 * bits.Len(uint(len(x)))
	lo, hi := 0, len(x)-1
	for hi > lo {
		if limit == 0 || hi-lo < 16 {
			slices.Sort(x[lo : hi+1])
			return
		}
		limit--
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // j < k < i: x[k] equals the pivot and is in place
		}
	}
}
