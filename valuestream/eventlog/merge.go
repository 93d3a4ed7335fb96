package eventlog

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// mergedVariant is a path over all parts: its activities as ranks in the
// merged byte order, its cases, and their waits, a run from each part.
type mergedVariant struct {
	seq   []uint16
	cases int
	waits [][]int64 // each run case by case, len(seq)−1 waits a case
}

// Merge combines the parts of every shard of one log, from [AnalyzePart],
// into the [Summary] that [Analyze] gives for the whole log, exactly. Of
// o it reads StartActivity and EndActivity only; the parts were read with
// the rest. It returns [ErrParts] unless parts are shards 0 to n−1 of n,
// each once, of the same log read with the same options (as far as a
// fingerprint of the header, the options and the first rows tells); [ErrLocation] when a part met a local timestamp without a
// location; [ErrTooLarge] past the engine's limits; else the earliest
// malformed row of all parts when they were not lenient (a [*LineError]).
// That is Analyze's error, with one exception: in a strict log whose
// malformed row comes before a local timestamp without a location, or
// before the activities overflow, Analyze stops reading after the row's
// block and reports the row, while a shard that did not have the row read
// on and Merge reports the other.
func Merge(o Options, parts ...*Part) (*Summary, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: none", ErrParts)
	}
	n := max(parts[0].shards, 1)
	seen := make([]bool, n)
	for _, p := range parts {
		k := p.shard
		if max(p.shards, 1) != n || k < 0 || k >= n || seen[k] {
			return nil, fmt.Errorf("%w: shard %d of %d among shards of %d", ErrParts, k, p.shards, n)
		}
		if p.source != parts[0].source {
			return nil, fmt.Errorf("%w: shard %d is of another log, or was read with other options", ErrParts, k)
		}
		seen[k] = true
	}
	if len(parts) != n {
		return nil, fmt.Errorf("%w: %d of %d shards", ErrParts, len(parts), n)
	}
	var lineErr *LineError
	var skipped int64
	var reported []*LineError
	for _, p := range parts {
		if p.location {
			return nil, ErrLocation
		}
		if p.lineErr != nil && (lineErr == nil || p.lineErr.Line < lineErr.Line) {
			lineErr = p.lineErr
		}
		skipped += p.skipped
		reported = append(reported, p.reported...)
	}
	// The activities of all parts in byte order: past the engine's limit,
	// an error that wins over a malformed row, as in Analyze.
	var names []string
	for _, p := range parts {
		names = append(names, p.names...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) > maxActivities {
		return nil, ErrTooLarge
	}
	if lineErr != nil {
		return nil, lineErr
	}
	slices.SortStableFunc(reported, byLine)
	if len(reported) > maxReported {
		reported = reported[:maxReported]
	}
	s := &Summary{Skipped: skipped, Errors: reported}

	// The activities of all parts in byte order, and each part's in them.
	nAct := len(names)
	var variants []*mergedVariant
	byPath := map[string]*mergedVariant{}
	var key []byte
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	var events uint64
	for _, p := range parts {
		rank := make([]uint16, len(p.names))
		for i, name := range p.names {
			r, _ := slices.BinarySearch(names, name)
			rank[i] = uint16(r)
		}
		at := 0
		for _, pv := range p.variants {
			key = key[:0]
			for _, a := range pv.acts {
				key = append(key, byte(rank[a]), byte(rank[a]>>8))
			}
			mv := byPath[string(key)]
			if mv == nil {
				mv = &mergedVariant{seq: make([]uint16, len(pv.acts))}
				for i, a := range pv.acts {
					mv.seq[i] = rank[a]
				}
				byPath[string(key)] = mv
				variants = append(variants, mv)
			}
			mv.cases += pv.cases
			w := pv.cases * (len(pv.acts) - 1)
			mv.waits = append(mv.waits, p.waits[at:at+w])
			at += w
			events += uint64(pv.cases) * uint64(len(pv.acts))
		}
		if len(p.variants) > 0 {
			first, last = min(first, p.first), max(last, p.last)
		}
	}
	if events > math.MaxUint32 {
		return nil, ErrTooLarge
	}
	if events == 0 {
		return s, nil
	}
	s.Events = int(events)
	for _, v := range variants {
		s.Cases += v.cases
	}
	s.First, s.Last = time.Unix(0, first).UTC(), time.Unix(0, last).UTC()

	// Counts by variant: of activities, rework, transitions.
	acts := make([]ActivityCount, nAct)
	for r, name := range names {
		acts[r].Activity = name
	}
	transCount := make([]int, nAct*nAct)
	occ := make([]int, nAct)
	for _, v := range variants {
		clear(occ)
		for i, a := range v.seq {
			occ[a]++
			if i > 0 {
				transCount[int(v.seq[i-1])*nAct+int(a)] += v.cases
			}
		}
		rework := false
		for _, a := range v.seq {
			if occ[a] == 0 {
				continue // counted at its first occurrence
			}
			ac := &acts[a]
			ac.Events += v.cases * occ[a]
			ac.Cases += v.cases
			if occ[a] > 1 {
				ac.ReworkCases += v.cases
				ac.ReworkRepeats += v.cases * (occ[a] - 1)
				rework = true
			}
			occ[a] = 0
		}
		if rework {
			s.ReworkCases += v.cases
		}
	}
	s.Activities = acts

	// Every wait by transition, each case's lead time (the sum of its
	// waits) and its span.
	off := make([]int, len(transCount)+1)
	for k, c := range transCount {
		off[k+1] = off[k] + c
	}
	all := make([]int64, off[len(transCount)])
	next := slices.Clone(off[:len(transCount)])
	leads := make([]int64, 0, s.Cases)
	span := o.StartActivity != "" && o.EndActivity != ""
	var spans []int64
	var unfinished, noStart int
	startRank, endRank := -1, -1
	if span {
		if r, ok := slices.BinarySearch(names, o.StartActivity); ok {
			startRank = r
		}
		if r, ok := slices.BinarySearch(names, o.EndActivity); ok {
			endRank = r
		}
	}
	steps := make([]int, 0, 16)
	for _, v := range variants {
		steps = steps[:0]
		for i := 1; i < len(v.seq); i++ {
			steps = append(steps, int(v.seq[i-1])*nAct+int(v.seq[i]))
		}
		// The span's first start i and first end j after it, as steps.
		from, to := -1, -1
		if span {
			if i := slices.Index(v.seq, uint16(startRank)); startRank >= 0 && i >= 0 {
				from = i
				if j := slices.Index(v.seq[i+1:], uint16(endRank)); endRank >= 0 && j >= 0 {
					to = i + 1 + j
				}
			}
			switch {
			case from < 0:
				noStart += v.cases
			case to < 0:
				unfinished += v.cases
			}
		}
		if len(steps) == 0 {
			// A path of one activity: no waits, a lead time of 0 a case.
			for range v.cases {
				leads = append(leads, 0)
			}
			continue
		}
		for _, run := range v.waits {
			for len(run) >= len(steps) && len(run) > 0 {
				w := run[:len(steps)]
				run = run[len(steps):]
				var lead int64
				for i, k := range steps {
					all[next[k]] = w[i]
					next[k]++
					lead += w[i]
				}
				leads = append(leads, lead)
				if to >= 0 {
					var d int64
					for _, x := range w[from:to] {
						d += x
					}
					spans = append(spans, d)
				}
			}
		}
	}
	transStats := make(map[int]Stats)
	for k, c := range transCount {
		if c > 0 {
			st := stats(all[off[k]:off[k+1]])
			transStats[k] = st
			s.Transitions = append(s.Transitions, Transition{From: names[k/nAct], To: names[k%nAct], Stats: st})
		}
	}
	s.Waits = stats(all)
	s.LeadTime = stats(leads)
	if span {
		s.Span = &Span{Start: o.StartActivity, End: o.EndActivity, Finished: stats(spans), Unfinished: unfinished, NoStart: noStart}
	}

	// The most frequent path (ties: the first in activity order) and the
	// waits before each of its steps.
	top := slices.MinFunc(variants, func(a, b *mergedVariant) int {
		if a.cases != b.cases {
			return b.cases - a.cases
		}
		return slices.Compare(a.seq, b.seq)
	})
	for _, r := range top.seq {
		s.TopVariant.Activities = append(s.TopVariant.Activities, names[r])
	}
	s.TopVariant.Cases = top.cases
	s.StepWaits = make([]Stats, len(top.seq))
	stepWaits := make([]int64, top.cases)
	for i := 1; i < len(top.seq); i++ {
		// A transition that only the top path takes, once, has exactly the
		// waits of its step: as in most logs with one main path.
		k := int(top.seq[i-1])*nAct + int(top.seq[i])
		if transCount[k] == top.cases && countStep(top.seq, top.seq[i-1], top.seq[i]) == 1 {
			s.StepWaits[i] = transStats[k]
			continue
		}
		stepWaits = stepWaits[:0]
		for _, run := range top.waits {
			for j := i - 1; j < len(run); j += len(top.seq) - 1 {
				stepWaits = append(stepWaits, run[j])
			}
		}
		s.StepWaits[i] = stats(stepWaits)
	}
	return s, nil
}

// countStep returns how many times seq steps from a to b.
func countStep(seq []uint16, a, b uint16) int {
	n := 0
	for i := 1; i < len(seq); i++ {
		if seq[i-1] == a && seq[i] == b {
			n++
		}
	}
	return n
}
