package eventlog_test

import (
	"encoding/csv"
	"io"
	"math"
	"sort"
	"time"

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

// naive is the reference implementation: the straightforward program
// (encoding/csv, time.Parse, a map of slices, sort), as
// ../shared/bench/peers/naive_go. It is the oracle of the differential
// tests and the baseline of the benchmarks. It reads RFC 3339 timestamps
// with an offset and the default columns only.
func naive(r io.Reader) (*eventlog.Summary, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	ci, ai, ti := col["case_id"], col["activity"], col["timestamp"]
	type event struct {
		activity string
		at       time.Time
	}
	cases := map[string][]event{}
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339, rec[ti])
		if err != nil {
			return nil, err
		}
		cases[rec[ci]] = append(cases[rec[ci]], event{rec[ai], t})
		n++
	}
	s := &eventlog.Summary{Events: n, Cases: len(cases)}
	var leads, all []float64
	type key struct{ from, to string }
	waits := map[key][]float64{}
	for _, evs := range cases {
		sort.Slice(evs, func(i, j int) bool {
			if !evs[i].at.Equal(evs[j].at) {
				return evs[i].at.Before(evs[j].at)
			}
			return evs[i].activity < evs[j].activity
		})
		leads = append(leads, evs[len(evs)-1].at.Sub(evs[0].at).Seconds())
		for i := 1; i < len(evs); i++ {
			w := evs[i].at.Sub(evs[i-1].at).Seconds()
			k := key{evs[i-1].activity, evs[i].activity}
			waits[k] = append(waits[k], w)
			all = append(all, w)
		}
	}
	s.LeadTime = naiveStats(leads)
	s.Waits = naiveStats(all)
	var keys []key
	for k := range waits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].from != keys[j].from {
			return keys[i].from < keys[j].from
		}
		return keys[i].to < keys[j].to
	})
	for _, k := range keys {
		s.Transitions = append(s.Transitions, eventlog.Transition{From: k.from, To: k.to, Stats: naiveStats(waits[k])})
	}
	return s, nil
}

func naiveStats(xs []float64) eventlog.Stats {
	st := eventlog.Stats{Count: len(xs)}
	if len(xs) == 0 {
		return st
	}
	sort.Float64s(xs)
	st.Median, st.P90, st.Max = naivePercentile(xs, 0.5), naivePercentile(xs, 0.9), xs[len(xs)-1]
	return st
}

func naivePercentile(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}
