package eventlog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Part is one shard's share of an analysis: the paths its cases took, with
// their counts and waits, and its malformed rows. Parts of every shard of
// a log, from [AnalyzePart], make the log's [Summary] with [Merge]; they
// cross process or Web Worker boundaries in the binary form of
// [Part.MarshalBinary]. The zero value is an empty part of shard 0 of 1.
// A Part is not changed by the functions that read it and may be read by
// several goroutines at once.
type Part struct {
	shard, shards int
	names         []string      // the shard's activities in byte order
	variants      []partVariant // its paths
	// waits are its cases' waits by variant, then case, then step: a
	// variant of n activities and c cases has c·(n−1) of them.
	waits       []int64
	first, last int64 // its earliest and latest instants (Unix ns), when it has events
	skipped     int64
	reported    []*LineError // its first maxReported malformed rows by line
	lineErr     *LineError   // its earliest malformed row, unless lenient
	location    bool         // whether it met a local timestamp with no Options.Location
	source      uint64       // the fingerprint of its input and options (see engine.sourceOf)
}

// partVariant is a path: its activities, as indices into Part.names, and
// how many cases took it.
type partVariant struct {
	acts  []uint16
	cases int
}

// AnalyzePart analyses shard shard of shards of the CSV event log in r:
// it reads all of r, but keeps only the rows of the cases whose id hashes
// to that shard, so that n processes, each with its own part of the work,
// analyse a log with n times the cores. A row whose case id cannot be read
// (an unterminated quote, too few fields) belongs to shard 0. [Merge] of
// the parts of shards 0 to shards−1 equals [Analyze] of r.
//
// The parts hold the malformed rows and the errors of rows (the earliest
// [*LineError] unless o.Lenient, [ErrLocation]), for Merge to report as
// Analyze would. AnalyzePart returns the errors that every shard meets
// alike: an unreadable header ([ErrHeader]), [ErrTooLarge], a read error
// and ctx's cancellation; and [ErrParts] when shard is not in [0, shards)
// or shards is more than 65,536.
// o.StartActivity and o.EndActivity are not used: Merge's options are.
func AnalyzePart(ctx context.Context, r io.Reader, o Options, shard, shards int) (*Part, error) {
	if shards < 1 || shards > maxShards || shard < 0 || shard >= shards {
		return nil, fmt.Errorf("%w: shard %d of %d", ErrParts, shard, shards)
	}
	e, results, err := parse(ctx, r, o, shard, shards)
	if err != nil {
		return nil, err
	}
	p := &Part{shard: shard, shards: shards, skipped: e.skipped, reported: e.reported, source: e.source}
	// A part that ends in an error still names the activities it met, for
	// Merge to find too many of them in all, as Analyze does in one.
	var rank []uint16
	p.names, rank = e.acts.ranked()
	switch {
	case errors.Is(e.fatal, ErrLocation):
		p.location = true
		return p, nil
	case e.fatal != nil:
		return nil, e.fatal
	case e.firstErr != nil:
		p.lineErr = e.firstErr
		return p, nil
	case e.stopErr != nil:
		return nil, e.stopErr
	}
	g, ok := group(results, &e.seed, rank, e.workers)
	if !ok {
		return nil, ErrTooLarge
	}
	p.addCases(g)
	return p, nil
}

// addCases sorts each grouped case's events and gathers the cases by path,
// with their waits.
func (p *Part) addCases(g grouped) {
	nCases := len(g.start) - 1
	if nCases <= 0 {
		return
	}
	// Each case's variant, found by a hash of its path, its candidates
	// compared in full.
	caseVariant := make([]uint32, nCases)
	byHash := map[uint64][]uint32{}
	nWaits := 0
	p.first, p.last = g.times[g.start[0]], g.times[g.start[0]]
	for c := range nCases {
		lo, hi := g.start[c], g.start[c+1]
		t, r := g.times[lo:hi], g.ranks[lo:hi]
		sortCase(t, r)
		p.first, p.last = min(p.first, t[0]), max(p.last, t[len(t)-1])
		h := uint64(14695981039346656037)
		for _, a := range r {
			h = (h ^ uint64(a)) * 1099511628211
		}
		v := -1
		for _, i := range byHash[h] {
			if slices.Equal(p.variants[i].acts, r) {
				v = int(i)
				break
			}
		}
		if v < 0 {
			v = len(p.variants)
			p.variants = append(p.variants, partVariant{acts: slices.Clone(r)})
			byHash[h] = append(byHash[h], uint32(v))
		}
		p.variants[v].cases++
		caseVariant[c] = uint32(v)
		nWaits += len(r) - 1
	}
	// Where each variant's waits start, then each case's waits there.
	next := make([]int, len(p.variants))
	at := 0
	for v, pv := range p.variants {
		next[v] = at
		at += pv.cases * (len(pv.acts) - 1)
	}
	if nWaits > 0 {
		p.waits = make([]int64, nWaits)
	}
	for c, v := range caseVariant {
		lo, hi := g.start[c], g.start[c+1]
		j := next[v]
		for i := lo + 1; i < hi; i++ {
			p.waits[j] = g.times[i] - g.times[i-1]
			j++
		}
		next[v] = j
	}
}
