package eventlog

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/sujuva/sujuva/valuestream"
)

// Stats are the percentiles of a set of durations, in seconds. Median and
// P90 interpolate linearly between closest ranks (see the package
// documentation); all are 0 for an empty set.
type Stats struct {
	Count  int     `json:"count"`
	Median float64 `json:"medianSeconds"`
	P90    float64 `json:"p90Seconds"`
	Max    float64 `json:"maxSeconds"`
}

// Transition is the waits between one activity and the next within cases.
type Transition struct {
	From string `json:"from"`
	To   string `json:"to"`
	Stats
}

// ActivityCount is how often an activity occurs: in all, in how many cases,
// and in how many cases more than once (rework).
type ActivityCount struct {
	Activity      string `json:"activity"`
	Events        int    `json:"events"`
	Cases         int    `json:"cases"`
	ReworkCases   int    `json:"reworkCases"`   // cases where it occurs twice or more
	ReworkRepeats int    `json:"reworkRepeats"` // its occurrences beyond the first, summed over cases
}

// Span is the lead time from a start activity to an end activity: over the
// cases that reach the start, from their first start to their first end
// after it. Cases that never reach the end after the start are unfinished.
type Span struct {
	Start      string `json:"start"`
	End        string `json:"end"`
	Finished   Stats  `json:"finished"`
	Unfinished int    `json:"unfinished"`
	NoStart    int    `json:"noStart"` // cases without the start activity
}

// Variant is a path through the process: the activities of a case in order.
type Variant struct {
	Activities []string `json:"activities"`
	Cases      int      `json:"cases"`
}

// Summary is the analysis of an event log.
type Summary struct {
	Events      int             `json:"events"`
	Cases       int             `json:"cases"`
	LeadTime    Stats           `json:"leadTime"`    // per case, last − first
	Waits       Stats           `json:"waits"`       // every transition
	Transitions []Transition    `json:"transitions"` // by (from, to) in byte order
	Activities  []ActivityCount `json:"activities"`  // by name in byte order
	ReworkCases int             `json:"reworkCases"` // cases with any activity repeated
	Span        *Span           `json:"span,omitempty"`
	TopVariant  Variant         `json:"topVariant"` // the most frequent path
	StepWaits   []Stats         `json:"stepWaits"`  // waits before each step of TopVariant, over its cases
	First       time.Time       `json:"first"`      // the earliest instant
	Last        time.Time       `json:"last"`       // the latest instant
	Skipped     int64           `json:"skipped"`    // malformed rows skipped (Options.Lenient)
	Errors      []*LineError    `json:"errors,omitempty"`
}

// WriteTSV writes the summary in the peers' format
// (../shared/bench/peers/README.md), byte for byte comparable with
// pandas', DuckDB's and the naive program's output: hours with 6 decimals,
// transitions sorted by (from, to) in byte order.
func (s *Summary) WriteTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	h := func(sec float64) string { return strconv.FormatFloat(sec/3600, 'f', 6, 64) }
	fmt.Fprintf(bw, "events\t%d\ncases\t%d\n", s.Events, s.Cases)
	fmt.Fprintf(bw, "lead_time_h\t%s\t%s\n", h(s.LeadTime.Median), h(s.LeadTime.P90))
	fmt.Fprintf(bw, "wait_h\t%d\t%s\t%s\n", s.Waits.Count, h(s.Waits.Median), h(s.Waits.P90))
	for _, t := range s.Transitions {
		fmt.Fprintf(bw, "trans\t%s\t%s\t%d\t%s\t%s\n", t.From, t.To, t.Count, h(t.Median), h(t.P90))
	}
	return bw.Flush()
}

// Map derives a value stream map from the log: the steps of the most
// frequent path, each with the median wait before it over the cases that
// followed that path. Event logs hold no process times, so the steps'
// process times are zero, and %C&A is not measured: the team fills both in.
// A log without events gives an empty map.
func (s *Summary) Map(name string) valuestream.Map {
	m := valuestream.Map{Name: name, Kind: valuestream.KindCurrent}
	for i, a := range s.TopVariant.Activities {
		step := valuestream.Step{ID: "s" + strconv.Itoa(i+1), Name: a}
		if i < len(s.StepWaits) {
			step.Wait = valuestream.Duration{Length: time.Duration(s.StepWaits[i].Median * 1e9)}
		}
		m.Steps = append(m.Steps, step)
	}
	m.Notes = fmt.Sprintf("%d/%d cases followed this path.", s.TopVariant.Cases, s.Cases)
	return m
}

// forceGCEvents is the size of log from which summarise collects the
// parsed rows at once: 1M events, 26 MB of rows.
const forceGCEvents = 1 << 20

// summarise groups the parsed events by case and computes the statistics.
func (e *engine) summarise(all []parts) (*Summary, error) {
	sortedNames, rank := e.acts.ranked()
	nAct := len(sortedNames)
	g, ok := group(all, &e.seed, rank, e.workers)
	if !ok {
		return nil, ErrTooLarge
	}
	start, times, ranks := g.start, g.times, g.ranks
	// The parsed rows (26 bytes an event) are garbage now, but the heap
	// has just grown by the grouped columns, so the collector's next goal
	// is far off and the statistics would allocate beside the garbage: on
	// the 10M-event log the peak RSS was 495–530 MB, 405 MB with this
	// collection, which costs a few milliseconds (the heap is mostly
	// pointer-free). Small logs are not worth one: it made 10k events 40%
	// slower.
	if len(times) >= forceGCEvents {
		runtime.GC()
	}
	nCases, total := len(start)-1, len(times)
	var wg sync.WaitGroup

	s := &Summary{Events: total, Cases: nCases, Skipped: e.skipped, Errors: e.reported}
	if total == 0 {
		return s, nil
	}
	startRank, endRank := -1, -1
	if e.opts.StartActivity != "" && e.opts.EndActivity != "" {
		startRank = slices.Index(sortedNames, e.opts.StartActivity)
		endRank = slices.Index(sortedNames, e.opts.EndActivity)
		if startRank < 0 {
			startRank = nAct // matches no event: every case lacks the start
		}
	}
	// Each worker sorts and measures a range of cases; the builders merge.
	workers := max(1, min(e.workers, nCases/4096+1))
	builders := make([]*statsBuilder, workers)
	ranges := make([]caseRange, workers)
	for w := range workers {
		b := newStatsBuilder(nAct, nCases/workers)
		b.startRank, b.endRank = startRank, endRank
		builders[w] = b
		from, to := nCases*w/workers, nCases*(w+1)/workers
		ranges[w] = caseRange{from: from, to: to}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := from; c < to; c++ {
				lo, hi := start[c], start[c+1] // never empty: a case exists by its events
				sortCase(times[lo:hi], ranks[lo:hi])
				b.addCase(times[lo:hi], ranks[lo:hi], lo)
			}
		}()
	}
	wg.Wait()
	for w, b := range builders {
		ranges[w].transCount = slices.Clone(b.transCount) // merge adds to builders[0]'s
	}
	st := builders[0]
	for _, b := range builders[1:] {
		st.merge(b)
	}
	st.finish(s, sortedNames, e.opts, times, ranks, start, ranges)
	return s, nil
}

// sortCase orders one case's events by (time, activity rank): insertion
// sort, since most cases have a handful of events.
func sortCase(t []int64, r []uint16) {
	if len(t) > 32 {
		idx := make([]int, len(t))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Or(cmp.Compare(t[a], t[b]), cmp.Compare(r[a], r[b])) })
		t2, r2 := slices.Clone(t), slices.Clone(r)
		for i, k := range idx {
			t[i], r[i] = t2[k], r2[k]
		}
		return
	}
	for i := 1; i < len(t); i++ {
		ti, ri := t[i], r[i]
		j := i
		for j > 0 && (t[j-1] > ti || (t[j-1] == ti && r[j-1] > ri)) {
			t[j], r[j] = t[j-1], r[j-1]
			j--
		}
		t[j], r[j] = ti, ri
	}
}
