package metrics

import (
	"errors"
	"math"
	"slices"

	"github.com/sujuva/sujuva/model"
)

// RuleSet chooses the rules a chart's runs analysis applies. The zero value
// is Anhøj's.
type RuleSet string

const (
	// RulesAnhoej are Anhøj's rules as qicharts2 applies them (Anhøj &
	// Olesen 2014): an unusually long run or unusually few crossings.
	RulesAnhoej RuleSet = "anhoej"
	// RulesIHI are the IHI run-chart rules (Perla, Provost & Murray 2011):
	// a shift of 6 or more, a trend of 5 or more, too few or too many runs.
	RulesIHI RuleSet = "ihi"
)

// Rule names the rule that flags a point.
type Rule string

const (
	RuleSigma      Rule = "sigma"       // outside the 3-sigma limits (Shewhart)
	RuleLongestRun Rule = "longest-run" // in a run longer than round(log2 n) + 3 (Anhøj)
	RuleCrossings  Rule = "crossings"   // its part crosses the centre line too seldom (Anhøj)
	RuleShift      Rule = "shift"       // in a run of 6 or more on one side (IHI)
	RuleTrend      Rule = "trend"       // in 5 or more points going one way (IHI)
	RuleFewRuns    Rule = "few-runs"    // its part has too few runs (IHI)
	RuleManyRuns   Rule = "many-runs"   // its part has too many runs (IHI)
)

// Options shape a chart. The zero value gives a run chart with Anhøj's
// rules, every point in the baseline, one part and no exclusions.
type Options struct {
	Type ChartType `json:"type"`
	// BaselineEnd freezes the centre line and limits on the points up to and
	// including this period; later points are compared with them. Ignored
	// when PartStarts is set, as in qicharts2, and when it is before the
	// first point.
	BaselineEnd model.Date `json:"baselineEnd"`
	// PartStarts begin a new part (phase) at the first point on or after
	// each date, e.g. when a change was adopted; each part is its own chart.
	PartStarts []model.Date `json:"partStarts,omitempty"`
	// Exclude leaves the points of these periods out of the centre line,
	// the limits and the runs analysis; they are still drawn and checked
	// against the limits.
	Exclude []model.Date `json:"exclude,omitempty"`
	// CentreLine replaces the computed centre line, e.g. a target.
	CentreLine *float64 `json:"centreLine,omitempty"`
	// Multiply scales y, the centre line and the limits (100 for percent);
	// 0 means 1.
	Multiply float64 `json:"multiply,omitempty"`
	// Aggregate combines the values of one period when there are several
	// and no denominators; the mean when unset.
	Aggregate Aggregate `json:"aggregate,omitempty"`
	// Rules chooses the runs rules; Anhøj's when unset.
	Rules RuleSet `json:"rules,omitempty"`
	// NoScreening turns off the screening of large moving ranges (Nelson)
	// in I, T, P′, U′ and I′ charts, which qicharts2 applies when attached.
	NoScreening bool `json:"noScreening,omitempty"`
	// NoNegativeLimits raises negative lower limits to 0 when no value is
	// negative (qicharts2's y.neg = FALSE).
	NoNegativeLimits bool `json:"noNegativeLimits,omitempty"`
}

// Point is one point of a chart. Values a point does not have — the limits
// of a run chart, the y of a missing period — are nil, never NaN.
type Point struct {
	Period      model.Date   `json:"period"`
	Part        int          `json:"part"`
	Baseline    bool         `json:"baseline"`
	Included    bool         `json:"included"`
	N           *float64     `json:"n,omitempty"` // the denominator
	Y           *float64     `json:"y"`
	CL          *float64     `json:"cl"`
	LCL         *float64     `json:"lcl"`
	UCL         *float64     `json:"ucl"`
	LCL2        *float64     `json:"lcl2"` // 2-sigma
	UCL2        *float64     `json:"ucl2"`
	Signals     []Rule       `json:"signals,omitempty"`
	Annotations []Annotation `json:"annotations,omitempty"`
}

// Part is the runs analysis of one part of a chart. The run and crossing
// figures are 0 when the part has no useful observation.
type Part struct {
	Part          int        `json:"part"`
	First         model.Date `json:"first"`
	Last          model.Date `json:"last"`
	Observations  int        `json:"observations"` // included points, missing ones too
	Useful        int        `json:"useful"`       // not missing and not on the centre line
	LongestRun    int        `json:"longestRun"`
	LongestRunMax int        `json:"longestRunMax"`
	Crossings     int        `json:"crossings"`
	CrossingsMin  int        `json:"crossingsMin"`
	RunsMin       int        `json:"runsMin,omitempty"` // IHI: fewer runs is a signal
	RunsMax       int        `json:"runsMax,omitempty"` // IHI: more runs is a signal
	RunsSignal    bool       `json:"runsSignal"`
	SigmaSignals  int        `json:"sigmaSignals"`
}

// Chart is a run or control chart of a series.
type Chart struct {
	Type     ChartType      `json:"type"`
	Rules    RuleSet        `json:"rules"`
	Points   []Point        `json:"points"`
	Parts    []Part         `json:"parts"`
	Findings model.Findings `json:"findings,omitempty"` // why the chart says little, if it does
}

// MinUseful is the number of useful observations from which the runs rules
// are reliable (Anhøj & Olesen 2014; qicharts2's vignette). Fewer points
// still get an analysis, with a [CodeTooFewPoints] warning.
const MinUseful = 10

// NewChart computes the chart of s with options o, as qicharts2 0.8.1 does
// (see the package documentation). Observations may come in any order; they
// are sorted by period. It returns a [model.Findings] error (errors.Is(err,
// model.ErrInvalid)) for a series that does not validate for the chart type,
// for an unknown chart type and for a T chart with a time ≤ 0. Thin data are
// not an error: the chart's Findings say why it has no limits or why its
// runs analysis is weak.
func NewChart(s Series, o Options) (Chart, error) {
	if o.Type == "" {
		o.Type = ChartRun
	}
	var fs model.Findings
	if !o.Type.IsValid() {
		fs = append(fs, model.NewError("/type", model.CodeEnumUnknown).With("value", string(o.Type)))
	}
	if !o.Aggregate.IsValid() {
		fs = append(fs, model.NewError("/aggregate", model.CodeEnumUnknown).With("value", string(o.Aggregate)))
	}
	if o.Rules != "" && o.Rules != RulesAnhoej && o.Rules != RulesIHI {
		fs = append(fs, model.NewError("/rules", model.CodeEnumUnknown).With("value", string(o.Rules)))
	}
	if o.CentreLine != nil && !finite(*o.CentreLine) {
		fs = append(fs, model.NewError("/centreLine", CodeNotFinite))
	}
	if !finite(o.Multiply) {
		fs = append(fs, model.NewError("/multiply", CodeNotFinite))
	}
	if fs = append(fs, s.Validate(o.Type)...); fs.HasErrors() {
		return Chart{}, fs
	}
	obs := s.Observations
	byPeriod := func(a, b Observation) int { return a.Period.Compare(b.Period) }
	if !slices.IsSortedFunc(obs, byPeriod) {
		obs = slices.Clone(obs)
		slices.SortFunc(obs, byPeriod)
	}

	rows, periods := toRows(obs, o.Type)
	eo := engineOptions{
		chart: o.Type, hasN: o.Type.HasDenominator(), multiply: o.Multiply, cl: math.NaN(),
		agg: o.Aggregate, noNegLimits: o.NoNegativeLimits, screenMR: !o.NoScreening,
	}
	if o.CentreLine != nil {
		eo.cl = *o.CentreLine
	}
	for i, p := range periods {
		if !o.BaselineEnd.IsZero() && !p.After(o.BaselineEnd) {
			eo.freeze = i + 1
		}
		if slices.Contains(o.Exclude, p) {
			eo.exclude = append(eo.exclude, i+1)
		}
	}
	if !o.BaselineEnd.IsZero() && eo.freeze == 0 {
		eo.freeze = -1 // no point in the baseline: treated as unset
	}
	for _, start := range o.PartStarts {
		for i, p := range periods {
			if !p.Before(start) {
				eo.parts = append(eo.parts, i) // point i begins a part: i is the last of the one before
				break
			}
		}
	}
	pts, stats, err := compute(rows, eo)
	if errors.Is(err, errTimeBetween) {
		return Chart{}, model.Findings{model.NewError("/observations", CodeTimeBetween)}
	}
	if err != nil {
		return Chart{}, model.Findings{model.NewError("/type", model.CodeEnumUnknown).With("value", string(o.Type))}
	}
	c := Chart{Type: o.Type, Rules: o.Rules, Findings: fs}
	if c.Rules == "" {
		c.Rules = RulesAnhoej
	}
	// One backing array holds every optional value: 7 a point, no more.
	slab := make([]float64, 0, 7*len(pts))
	opt := func(v float64) *float64 {
		if !finite(v) {
			return nil
		}
		slab = append(slab, v)
		return &slab[len(slab)-1]
	}
	c.Points = make([]Point, 0, len(pts))
	for i, q := range pts {
		p := Point{
			Period: periods[i], Part: q.part, Baseline: q.baseline, Included: q.include,
			N: opt(q.n), Y: opt(q.y), CL: opt(q.cl), LCL: opt(q.lcl), UCL: opt(q.ucl), LCL2: opt(q.lcl95), UCL2: opt(q.ucl95),
		}
		if q.sigmaSignal {
			p.Signals = append(p.Signals, RuleSigma)
		}
		c.Points = append(c.Points, p)
	}
	for _, st := range stats {
		c.Parts = append(c.Parts, c.runsPart(pts, st))
	}
	attach(c.Points, s.Annotations)
	c.Findings = append(c.Findings, c.thin(pts)...)
	c.Findings.Sort()
	return c, nil
}

// toRows turns observations into the engine's rows: one per value, x the
// observation's index (periods are distinct and sorted).
func toRows(obs []Observation, t ChartType) ([]row, []model.Date) {
	rows := make([]row, 0, len(obs))
	periods := make([]model.Date, 0, len(obs))
	for i, o := range obs {
		x := float64(i)
		periods = append(periods, o.Period)
		switch {
		case t.HasDenominator():
			r := row{x: x, y: math.NaN(), n: math.NaN()}
			if o.Numerator != nil && o.Denominator != nil {
				r.y, r.n = *o.Numerator, *o.Denominator
			}
			rows = append(rows, r)
		case len(o.Values) > 0:
			for _, v := range o.Values {
				rows = append(rows, row{x: x, y: v, n: math.NaN()})
			}
		case o.Value != nil:
			rows = append(rows, row{x: x, y: *o.Value, n: math.NaN()})
		default:
			rows = append(rows, row{x: x, y: math.NaN(), n: math.NaN()})
		}
	}
	return rows, periods
}

// runsPart turns the engine's runs analysis of one part into a Part and
// marks the points each runs rule flags.
func (c *Chart) runsPart(pts []pt, st partStats) Part {
	var idx []int // the part's included, useful points, in order
	var first, last model.Date
	for i, q := range pts {
		if q.part != st.part {
			continue
		}
		if first.IsZero() {
			first = c.Points[i].Period
		}
		last = c.Points[i].Period
		if q.include && !math.IsNaN(q.y-q.cl) && q.y != q.cl {
			idx = append(idx, i)
		}
	}
	p := Part{Part: st.part, First: first, Last: last, Observations: st.nObs, Useful: st.nUseful,
		LongestRun: st.longestRun, LongestRunMax: st.longestRunMax, Crossings: st.nCrossings,
		CrossingsMin: st.nCrossingsMin, SigmaSignals: st.sigmaSignals}
	side := func(i int) bool { return pts[i].y > pts[i].cl }
	flagRuns := func(minLen int, rule Rule) bool {
		found := false
		for a := 0; a < len(idx); {
			b := a
			for b < len(idx) && side(idx[b]) == side(idx[a]) {
				b++
			}
			if b-a >= minLen {
				found = true
				for _, i := range idx[a:b] {
					c.Points[i].Signals = append(c.Points[i].Signals, rule)
				}
			}
			a = b
		}
		return found
	}
	flagAll := func(rule Rule) {
		for _, i := range idx {
			c.Points[i].Signals = append(c.Points[i].Signals, rule)
		}
	}
	runsOff := c.Type == ChartMR
	if c.Rules == RulesIHI {
		if len(idx) > 0 {
			p.RunsMin, p.RunsMax = RunsBounds(len(idx))
		}
		shift := flagRuns(6, RuleShift)
		trend := c.flagTrend(pts, st.part)
		runs := st.nCrossings + 1
		few := len(idx) >= 2 && runs < p.RunsMin
		many := len(idx) >= 2 && runs > p.RunsMax
		if few {
			flagAll(RuleFewRuns)
		}
		if many {
			flagAll(RuleManyRuns)
		}
		p.RunsSignal = !runsOff && (shift || trend || few || many)
	} else if st.nUseful > 0 {
		long := flagRuns(st.longestRunMax+1, RuleLongestRun)
		crossings := st.nCrossings < st.nCrossingsMin
		if crossings {
			flagAll(RuleCrossings)
		}
		p.RunsSignal = !runsOff && (long || crossings)
	}
	if runsOff {
		for _, i := range idx {
			c.Points[i].Signals = slices.DeleteFunc(c.Points[i].Signals, func(r Rule) bool { return r != RuleSigma })
		}
	}
	return p
}

// flagTrend marks IHI trends: 5 or more consecutive included points all
// going up or all going down, equal neighbours neither counting nor
// breaking the trend (Perla, Provost & Murray 2011).
func (c *Chart) flagTrend(pts []pt, part int) bool {
	var idx []int
	for i, q := range pts {
		if q.part == part && q.include && finite(q.y) {
			idx = append(idx, i)
		}
	}
	found := false
	start, dir := 0, 0
	mark := func(from, to int) {
		// Points from..to (indexes into idx) with distinct values count.
		distinct := 1
		for k := from + 1; k <= to; k++ {
			if pts[idx[k]].y != pts[idx[k-1]].y {
				distinct++
			}
		}
		if distinct >= 5 {
			found = true
			for _, i := range idx[from : to+1] {
				c.Points[i].Signals = append(c.Points[i].Signals, RuleTrend)
			}
		}
	}
	for k := 1; k < len(idx); k++ {
		d := pts[idx[k]].y - pts[idx[k-1]].y
		switch {
		case d == 0:
			continue
		case dir == 0 || (d > 0) == (dir > 0):
			if dir == 0 {
				dir = sign(d)
			}
		default:
			mark(start, k-1)
			// The new trend starts at the last point of the old one, before
			// any equal neighbours.
			s := k - 1
			for s > 0 && pts[idx[s-1]].y == pts[idx[s]].y {
				s--
			}
			start, dir = s, sign(d)
		}
	}
	if len(idx) > 0 {
		mark(start, len(idx)-1)
	}
	return found
}

func sign(d float64) int {
	if d > 0 {
		return 1
	}
	return -1
}

// attach carries each annotation to the last point whose period began on or
// before its date; annotations before the first point go to the first.
func attach(points []Point, notes []Annotation) {
	if len(points) == 0 {
		return
	}
	for _, a := range notes {
		k := 0
		for i, p := range points {
			if !p.Period.After(a.Date) {
				k = i
			}
		}
		points[k].Annotations = append(points[k].Annotations, a)
	}
}

// thin explains a chart that says little: no values at all, too few useful
// observations for the runs rules, or a control chart part without limits.
func (c *Chart) thin(pts []pt) model.Findings {
	var fs model.Findings
	any := false
	for _, q := range pts {
		if finite(q.y) {
			any = true
		}
	}
	if !any {
		return model.Findings{model.NewWarning("/observations", CodeNoData)}
	}
	for _, p := range c.Parts {
		if p.Useful < MinUseful {
			fs = append(fs, model.NewWarning(model.Pointer("parts", p.Part-1), CodeTooFewPoints).With("count", p.Useful).With("min", MinUseful))
		}
		if c.Type == ChartRun {
			continue
		}
		limits := false
		for _, pt := range c.Points {
			if pt.Part == p.Part && (pt.UCL != nil || pt.LCL != nil) {
				limits = true
			}
		}
		if !limits {
			fs = append(fs, model.NewWarning(model.Pointer("parts", p.Part-1), CodeNoLimits).With("part", p.Part))
		}
	}
	return fs
}

// RunsBounds returns the fewest and the most runs about the median expected
// by chance among n useful observations: the 2.5% and 97.5% points of the
// exact distribution of the number of runs (Swed & Eisenhart 1943) with
// n1 = ⌊n/2⌋ points below and n2 = ⌈n/2⌉ above. Fewer than min or more than
// max runs is a signal in the IHI rules (Perla, Provost & Murray 2011). The
// tables those rules publish may differ from these by one at some n
// (../shared/reference/spc.md §8). n < 2 gives 0, 0.
func RunsBounds(n int) (minRuns, maxRuns int) {
	if n < 2 {
		return 0, 0
	}
	n1, n2 := n/2, n-n/2
	lc := func(a, b int) float64 { // log C(a, b)
		if b < 0 || b > a {
			return math.Inf(-1)
		}
		x, _ := math.Lgamma(float64(a + 1))
		y, _ := math.Lgamma(float64(b + 1))
		z, _ := math.Lgamma(float64(a - b + 1))
		return x - y - z
	}
	total := lc(n, n1)
	prob := func(r int) float64 {
		k := r / 2
		if r%2 == 0 {
			return 2 * math.Exp(lc(n1-1, k-1)+lc(n2-1, k-1)-total)
		}
		return math.Exp(lc(n1-1, k)+lc(n2-1, k-1)-total) + math.Exp(lc(n1-1, k-1)+lc(n2-1, k)-total)
	}
	maxPossible := 2*n1 + 1
	if n1 == n2 {
		maxPossible = 2 * n1
	}
	cdf := 0.0
	minRuns = 2
	for r := 2; r <= maxPossible; r++ {
		if cdf+prob(r) > 0.025 {
			minRuns = r
			break
		}
		cdf += prob(r)
	}
	tail := 0.0
	maxRuns = maxPossible
	for r := maxPossible; r >= 2; r-- {
		if tail+prob(r) > 0.025 {
			maxRuns = r
			break
		}
		tail += prob(r)
	}
	return minRuns, maxRuns
}
