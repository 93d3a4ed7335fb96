package metrics

import (
	"errors"
	"math"
	"slices"
)

// This file is the chart engine: a port of qicharts2's qic() pipeline
// (Anhøj, R package qicharts2 0.8.1; its rules, formulas and pitfalls are
// specified in ../shared/reference/spc.md, and the section numbers below
// refer to that file). It works on float64 with NaN for "missing" and may
// produce ±Inf for a zero denominator, as qicharts2 does; the public types in
// chart.go turn those into absent values, so no NaN or Inf leaves the
// package.

// row is one observation before aggregation.
type row struct {
	x    float64 // the sort key of its subgroup; NaN drops the row
	y, n float64 // NaN is missing
}

// engineOptions are qic()'s arguments as the engine needs them.
type engineOptions struct {
	chart       ChartType
	hasN        bool
	freeze      int     // points 1..freeze are the baseline; 0: all
	parts       []int   // breakpoints: a point p is the last of its part
	exclude     []int   // 1-based positions after aggregation
	multiply    float64 // 0 means 1
	cl          float64 // a given centre line; NaN: computed
	agg         Aggregate
	noNegLimits bool // qicharts2's y.neg = FALSE
	screenMR    bool // qicharts2's option qic.screenedmr
	categorical bool // dots.only: no runs signal
}

// pt is one subgroup after aggregation, with its chart values.
type pt struct {
	x                       float64
	part                    int
	baseline, include       bool
	n, ySum                 float64
	yLength                 int
	yMean, ySD              float64
	y, cl, lcl, ucl         float64
	lcl95, ucl95            float64
	sigmaSignal, runsSignal bool
}

// partStats is the runs analysis of one part (spc.md §3).
type partStats struct {
	part, nObs, nUseful                                  int
	longestRun, longestRunMax, nCrossings, nCrossingsMin int // valid when nUseful > 0
	runsSignal                                           bool
	sigmaSignals                                         int
}

// errTimeBetween is qicharts2's stop for a T chart with a time ≤ 0.
var errTimeBetween = errors.New("metrics: time between events must be greater than zero")

var nan = math.NaN()

// compute runs the pipeline of spc.md §1.
func compute(rows []row, o engineOptions) ([]pt, []partStats, error) {
	pts := aggregate(rows, o)
	nPts := len(pts)
	bps := makeParts(o.parts, nPts)
	freeze := o.freeze
	if len(o.parts) > 0 || freeze <= 0 {
		freeze = math.MaxInt
	}
	excluded := map[int]bool{}
	for _, e := range o.exclude {
		excluded[e] = true
	}
	for i := range pts {
		xx := i + 1
		pts[i].part = partOf(bps, xx)
		pts[i].baseline = xx <= freeze
		pts[i].include = !excluded[xx]
	}
	var stats []partStats
	for start := 0; start < nPts; {
		end := start
		for end < nPts && pts[end].part == pts[start].part {
			end++
		}
		part := pts[start:end]
		if err := chartPart(part, o); err != nil {
			return nil, nil, err
		}
		stats = append(stats, runsAnalysis(part))
		start = end
	}
	mult := o.multiply
	if mult == 0 {
		mult = 1
	}
	minY := math.Inf(1)
	for i := range pts {
		p := &pts[i]
		p.y *= mult
		p.cl *= mult
		p.lcl *= mult
		p.ucl *= mult
		p.lcl95 *= mult
		p.ucl95 *= mult
		for _, v := range []*float64{&p.lcl, &p.ucl, &p.lcl95, &p.ucl95} {
			if math.IsInf(*v, 0) {
				*v = nan
			}
		}
		p.sigmaSignal = p.y > p.ucl || p.y < p.lcl
		if !math.IsNaN(p.y) {
			minY = min(minY, p.y)
		}
	}
	for k := range stats {
		for i := range pts {
			if pts[i].part == stats[k].part && pts[i].sigmaSignal {
				stats[k].sigmaSignals++
			}
		}
		if o.categorical || o.chart == ChartMR {
			stats[k].runsSignal = false
		}
		for i := range pts {
			if pts[i].part == stats[k].part {
				pts[i].runsSignal = stats[k].runsSignal
			}
		}
	}
	if o.noNegLimits && minY >= 0 {
		for i := range pts {
			if pts[i].lcl < 0 {
				pts[i].lcl = 0
			}
			if pts[i].lcl95 < 0 {
				pts[i].lcl95 = 0
			}
		}
	}
	return pts, stats, nil
}

// aggregate drops rows with a missing x, groups the rest by x in ascending
// order and summarises each group (spc.md §1.4.2).
func aggregate(rows []row, o engineOptions) []pt {
	kept := make([]row, 0, len(rows))
	for _, r := range rows {
		if math.IsNaN(r.x) {
			continue
		}
		if o.hasN && (math.IsNaN(r.y) || math.IsNaN(r.n)) {
			r.y, r.n = nan, nan
		}
		kept = append(kept, r)
	}
	byX := func(a, b row) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(kept, byX) { // NewChart's rows come sorted
		slices.SortStableFunc(kept, byX)
	}
	pts := make([]pt, 0, len(kept))
	for i := 0; i < len(kept); {
		j := i
		for j < len(kept) && kept[j].x == kept[i].x {
			j++
		}
		pts = append(pts, summarise(kept[i:j], o))
		i = j
	}
	return pts
}

func summarise(g []row, o engineOptions) pt {
	var one [1]float64
	ys := one[:0] // most groups hold one row: no allocation
	sumY, sumN := 0.0, 0.0
	for _, r := range g {
		if !math.IsNaN(r.y) {
			ys = append(ys, r.y)
			sumY += r.y
		}
		if !math.IsNaN(r.n) {
			sumN += r.n
		}
	}
	p := pt{x: g[0].x, yLength: len(ys), yMean: mean(ys), ySD: sd(ys)}
	p.ySum = sumY
	if len(g) == 1 {
		p.ySum = g[0].y // sum(y, na.rm = FALSE) for a single row
	}
	if o.hasN {
		p.n = sumN
		p.y = sumY / sumN
		return p
	}
	p.n = nan
	switch o.agg {
	case AggregateMedian:
		p.y = median(ys)
	case AggregateSum:
		p.y = sumY
	case AggregateSD:
		p.y = p.ySD
	default:
		p.y = p.yMean
	}
	return p
}

// makeParts returns the sorted breakpoints in [0, n): qicharts2's makeparts.
func makeParts(parts []int, n int) []int {
	bps := []int{0}
	for _, p := range parts {
		if p > 0 && p < n && !slices.Contains(bps, p) {
			bps = append(bps, p)
		}
	}
	slices.Sort(bps)
	return bps
}

// partOf numbers the part of 1-based position xx: the breakpoints below it.
func partOf(bps []int, xx int) int {
	k := 0
	for _, b := range bps {
		if b < xx {
			k++
		}
	}
	return k
}

// chartPart computes the centre line and limits of one part in place.
func chartPart(p []pt, o engineOptions) error {
	for i := range p {
		p[i].lcl, p[i].ucl, p[i].lcl95, p[i].ucl95 = nan, nan, nan, nan
	}
	given := !math.IsNaN(o.cl)
	base := func(f func(q pt) float64) []float64 {
		var out []float64
		for _, q := range p {
			if q.baseline && q.include {
				out = append(out, f(q))
			}
		}
		return out
	}
	setCL := func(v float64) {
		for i := range p {
			p[i].cl = v
		}
	}
	switch o.chart {
	case ChartRun:
		if given {
			setCL(o.cl)
		} else {
			setCL(median(dropNaN(base(func(q pt) float64 { return q.y }))))
		}
	case ChartI:
		chartI(p, o, given)
	case ChartMR:
		prev := nan
		for i := range p {
			y := p[i].y
			p[i].y = math.Abs(y - prev)
			prev = y
		}
		cl := mean(dropNaN(base(func(q pt) float64 { return q.y })))
		for i := range p {
			p[i].cl = cl
			p[i].ucl = 3.267 * cl
			p[i].ucl95 = 3.267 / 3 * 2 * cl
			p[i].lcl, p[i].lcl95 = 0, 0
		}
	case ChartXbar, ChartS:
		chartXbarS(p, o, given)
	case ChartT:
		for _, q := range p {
			if !math.IsNaN(q.y) && q.y <= 0 {
				return errTimeBetween
			}
		}
		for i := range p {
			p[i].y = math.Pow(p[i].y, 1/3.6)
		}
		chartI(p, o, given)
		for i := range p {
			q := &p[i]
			q.y = math.Pow(q.y, 3.6)
			q.cl = math.Pow(q.cl, 3.6)
			q.ucl = math.Pow(q.ucl, 3.6)
			q.ucl95 = math.Pow(q.ucl95, 3.6)
			q.lcl95 = math.Pow(q.lcl95, 3.6)
			q.lcl = math.Pow(q.lcl, 3.6)
			if q.lcl < 0 || math.IsNaN(q.lcl) {
				q.lcl = 0
			}
		}
	case ChartP, ChartPP, ChartU, ChartUP:
		chartRate(p, o, given, base)
	case ChartC:
		cl := o.cl
		if !given {
			cl = mean(dropNaN(base(func(q pt) float64 { return q.ySum })))
		}
		for i := range p {
			p[i].y = p[i].ySum
			p[i].cl = cl
			s := math.Sqrt(cl)
			p[i].ucl, p[i].lcl = cl+3*s, cl-3*s
			p[i].ucl95, p[i].lcl95 = cl+2*s, cl-2*s
			clipLow(&p[i])
		}
	case ChartG:
		m := o.cl
		ys := dropNaN(base(func(q pt) float64 { return q.y }))
		cl := median(ys)
		if given {
			cl = 0.693 * m
		} else {
			m = mean(ys)
		}
		s := math.Sqrt(m * (m + 1))
		for i := range p {
			p[i].cl = cl
			p[i].ucl, p[i].ucl95 = m+3*s, m+2*s
			p[i].lcl, p[i].lcl95 = max(0, m-3*s), max(0, m-2*s)
		}
	case ChartIP:
		chartIP(p, o, given, base)
	default:
		return errors.New("metrics: unknown chart type " + string(o.chart))
	}
	return nil
}

func clipLow(q *pt) {
	if !math.IsInf(q.lcl, 0) && q.lcl < 0 {
		q.lcl = 0
	}
	if !math.IsInf(q.lcl95, 0) && q.lcl95 < 0 {
		q.lcl95 = 0
	}
}

// chartI is qic.i: mean centre line, limits from the average moving range of
// the baseline points after the excluded ones are removed (bridged), NA not
// bridged, with Nelson's screening when on (spc.md §4, "Notes on the I
// chart").
func chartI(p []pt, o engineOptions, given bool) {
	var yb, clb []float64
	for _, q := range p {
		if q.baseline && q.include {
			yb = append(yb, q.y)
		}
	}
	cl := o.cl
	if !given {
		cl = mean(dropNaN(yb))
	}
	for i := range p {
		p[i].cl = cl
	}
	for range yb {
		clb = append(clb, cl)
	}
	var mr []float64
	for i := 1; i < len(yb); i++ {
		mr = append(mr, math.Abs((yb[i]-clb[i])-(yb[i-1]-clb[i-1])))
	}
	s := averageMR(dropNaN(mr), o.screenMR, 3.267) / 1.128
	for i := range p {
		p[i].ucl, p[i].lcl = cl+3*s, cl-3*s
		p[i].ucl95, p[i].lcl95 = cl+2*s, cl-2*s
	}
}

// chartXbarS is qic.xbar and qic.s.
func chartXbarS(p []pt, o engineOptions, given bool) {
	lengths := map[int]bool{}
	for _, q := range p {
		lengths[q.yLength] = true
	}
	varN := len(lengths) > 1
	var sumNY, sumN, num, den float64
	var sds []float64
	for _, q := range p {
		if !(q.baseline && q.include) {
			continue
		}
		n := float64(q.yLength)
		if v := n * q.yMean; !math.IsNaN(v) {
			sumNY += v
			sumN += n
		}
		if v := (n - 1) * q.ySD * q.ySD; !math.IsNaN(v) {
			num += v
		}
		den += n - 1
		if !math.IsNaN(q.ySD) {
			sds = append(sds, q.ySD)
		}
	}
	s := mean(sds)
	if varN {
		s = math.Sqrt(num / den)
	}
	if o.chart == ChartXbar {
		cl := o.cl
		if !given {
			cl = sumNY / sumN
		}
		for i := range p {
			n := float64(p[i].yLength)
			p[i].cl = cl
			p[i].ucl, p[i].lcl = cl+a3(n, 3)*s, cl-a3(n, 3)*s
			p[i].ucl95, p[i].lcl95 = cl+a3(n, 2)*s, cl-a3(n, 2)*s
		}
		return
	}
	cl := o.cl
	if !given {
		cl = s
	}
	for i := range p {
		n := float64(p[i].yLength)
		p[i].y = p[i].ySD
		p[i].cl = cl
		p[i].ucl, p[i].lcl = b4(n, 3)*cl, b3(n, 3)*cl
		p[i].ucl95, p[i].lcl95 = b4(n, 2)*cl, b3(n, 2)*cl
	}
}

// chartRate is qic.p, qic.pp, qic.u and qic.up.
func chartRate(p []pt, o engineOptions, given bool, base func(func(pt) float64) []float64) {
	cl := o.cl
	if !given {
		cl = sum(dropNaN(base(func(q pt) float64 { return q.ySum }))) / sum(dropNaN(base(func(q pt) float64 { return q.n })))
	}
	isP := o.chart == ChartP || o.chart == ChartPP
	sigma := func(n float64) float64 {
		if isP {
			return math.Sqrt(cl * (1 - cl) / n)
		}
		return math.Sqrt(cl / n)
	}
	sz := 1.0
	if o.chart == ChartPP || o.chart == ChartUP {
		var z []float64
		for _, q := range p {
			if q.baseline && q.include {
				z = append(z, (q.y-cl)/sigma(q.n))
			}
		}
		if o.categorical {
			sz = sd(z) // without na.rm: NaN when any z is
			for _, v := range z {
				if math.IsNaN(v) {
					sz = nan
				}
			}
		} else {
			var mr []float64
			for i := 1; i < len(z); i++ {
				mr = append(mr, math.Abs(z[i]-z[i-1]))
			}
			sz = averageMR(dropNaN(mr), o.screenMR, 3.267) / 1.128
		}
	}
	for i := range p {
		q := &p[i]
		s := sigma(q.n) * sz
		q.cl = cl
		q.ucl, q.lcl = cl+3*s, cl-3*s
		q.ucl95, q.lcl95 = cl+2*s, cl-2*s
		if isP {
			if !math.IsInf(q.ucl, 0) && q.ucl > 1 {
				q.ucl = 1
			}
			if !math.IsInf(q.ucl95, 0) && q.ucl95 > 1 {
				q.ucl95 = 1
			}
		}
		clipLow(q)
	}
}

// chartIP is qic.ip, Laney's I′ chart for rates.
func chartIP(p []pt, o engineOptions, given bool, base func(func(pt) float64) []float64) {
	allNA := true
	for _, q := range p {
		if !math.IsNaN(q.n) {
			allNA = false
		}
	}
	ns := make([]float64, len(p))
	for i, q := range p {
		ns[i] = q.n
		if allNA {
			ns[i] = float64(q.yLength)
		}
	}
	cl := o.cl
	if !given {
		var num, den float64
		for i, q := range p {
			if q.baseline && q.include && !math.IsNaN(q.y*ns[i]) {
				num += q.y * ns[i]
				den += ns[i]
			}
		}
		cl = num / den
	}
	var s []float64
	for j := 0; j+1 < len(p); j++ {
		v := math.Sqrt(math.Pi/2) * math.Abs(p[j+1].y-p[j].y) / math.Sqrt(1/ns[j]+1/ns[j+1])
		if !math.IsNaN(v) {
			s = append(s, v)
		}
	}
	ms := averageMR(s, o.screenMR, 3.2665)
	for i := range p {
		sdi := ms * math.Sqrt(1/ns[i])
		p[i].cl = cl
		p[i].ucl, p[i].lcl = cl+3*sdi, cl-3*sdi
		p[i].ucl95, p[i].lcl95 = cl+2*sdi, cl-2*sdi
	}
}

// averageMR returns the mean of the moving ranges mr; with screening on,
// ranges of limit times that mean or more are dropped once and the mean is
// taken again (Nelson's screening as qicharts2 applies it: 3.267 for I, T,
// P′ and U′ charts, 3.2665 for I′; spc.md §4).
func averageMR(mr []float64, screen bool, limit float64) float64 {
	amr := mean(mr)
	if !screen {
		return amr
	}
	var kept []float64
	for _, v := range mr {
		if v < limit*amr {
			kept = append(kept, v)
		}
	}
	return mean(kept)
}

// runsAnalysis applies Anhøj's rules to one part (spc.md §3): points on the
// centre line and missing points are dropped; a signal when the longest run
// exceeds round(log2(n)) + 3 or the crossings fall below qbinom(0.05, n−1,
// 0.5), n the useful observations.
func runsAnalysis(p []pt) partStats {
	st := partStats{part: p[0].part}
	var signs []int
	for _, q := range p {
		if !q.include {
			continue
		}
		st.nObs++
		d := q.y - q.cl
		switch {
		case d > 0:
			signs = append(signs, 1)
		case d < 0:
			signs = append(signs, -1)
		}
	}
	st.nUseful = len(signs)
	if st.nUseful == 0 {
		return st
	}
	runs, run := 1, 1
	st.longestRun = 1
	for i := 1; i < len(signs); i++ {
		if signs[i] == signs[i-1] {
			run++
		} else {
			runs++
			run = 1
		}
		st.longestRun = max(st.longestRun, run)
	}
	st.nCrossings = runs - 1
	st.longestRunMax = LongestRunMax(st.nUseful)
	st.nCrossingsMin = CrossingsMin(st.nUseful)
	st.runsSignal = st.longestRun > st.longestRunMax || st.nCrossings < st.nCrossingsMin
	return st
}

// LongestRunMax returns the longest run of points on one side of the centre
// line expected by chance among n useful observations (Anhøj & Olesen 2014):
//
//	round(log2(n)) + 3
//
// A longer run signals a shift. It returns 0 for n < 1.
func LongestRunMax(n int) int {
	if n < 1 {
		return 0
	}
	return int(math.Round(math.Log2(float64(n)))) + 3
}

// CrossingsMin returns the fewest crossings of the centre line expected by
// chance among n useful observations (Anhøj & Olesen 2014): the 5th
// percentile of the binomial distribution,
//
//	qbinom(0.05, n − 1, 0.5) = min{k : P(Bin(n−1, ½) ≤ k) ≥ 0.05}
//
// Fewer crossings signal a shift. It returns 0 for n < 2.
func CrossingsMin(n int) int {
	m := n - 1
	if m < 1 {
		return 0
	}
	lnHalf := float64(m) * math.Log(0.5)
	cdf := 0.0
	for k := 0; k <= m; k++ {
		lc, _ := math.Lgamma(float64(m + 1))
		lk, _ := math.Lgamma(float64(k + 1))
		lmk, _ := math.Lgamma(float64(m - k + 1))
		cdf += math.Exp(lc - lk - lmk + lnHalf)
		if cdf >= 0.05*(1-64*2.220446049250313e-16) {
			return k
		}
	}
	return m
}

// c4 and friends are the bias-correction constants of the Xbar and S charts
// (Montgomery, Introduction to Statistical Quality Control, App. VI;
// qicharts2 helper.functions.R:494-520). They are NaN for n ≤ 1.
func c4(n float64) float64 {
	if n <= 1 {
		return nan
	}
	a, _ := math.Lgamma(n / 2)
	b, _ := math.Lgamma((n - 1) / 2)
	return math.Sqrt(2/(n-1)) * math.Exp(a-b)
}

func c5(n float64) float64 { c := c4(n); return math.Sqrt(1 - c*c) }

func a3(n, k float64) float64 { return k / (c4(n) * math.Sqrt(n)) }

func b3(n, k float64) float64 {
	v := 1 - k*c5(n)/c4(n)
	if math.IsNaN(v) {
		return v
	}
	return max(0, v)
}

func b4(n, k float64) float64 { return 1 + k*c5(n)/c4(n) }

func dropNaN(xs []float64) []float64 {
	out := xs[:0:0]
	for _, x := range xs {
		if !math.IsNaN(x) {
			out = append(out, x)
		}
	}
	return out
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// mean is NaN for no values, as R's mean of an empty vector.
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return nan
	}
	return sum(xs) / float64(len(xs))
}

// sd is the sample standard deviation; NaN for fewer than 2 values.
func sd(xs []float64) float64 {
	if len(xs) < 2 {
		return nan
	}
	m := mean(xs)
	ss := 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}

// median is R's median: NaN for no values; Inf is kept.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return nan
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
