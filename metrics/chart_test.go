package metrics_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

func f(v float64) *float64 { return &v }

// weekly makes a weekly series from values; NaN is a missing week.
func weekly(values ...float64) metrics.Series {
	s := metrics.Series{Frequency: metrics.FrequencyWeekly}
	start := model.NewDate(2025, 1, 6)
	for i, v := range values {
		o := metrics.Observation{Period: start.AddDays(7 * i)}
		if !math.IsNaN(v) {
			o.Value = f(v)
		}
		s.Observations = append(s.Observations, o)
	}
	return s
}

func signals(c metrics.Chart, rule metrics.Rule) []int {
	var out []int
	for i, p := range c.Points {
		if slices.Contains(p.Signals, rule) {
			out = append(out, i)
		}
	}
	return out
}

var nan = math.NaN()

// The edge cases of spc.md §9 that the reference file does not cover. The
// expected values are derived by hand from the rules of spc.md; the comment
// of each case shows the working.
func TestChartEdgeCases(t *testing.T) {
	t.Run("all equal run chart", func(t *testing.T) {
		// Every point is on the median: no useful observation, no signal.
		c, err := metrics.NewChart(weekly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), metrics.Options{})
		require.NoError(t, err)
		assert.Equal(t, 0, c.Parts[0].Useful)
		assert.False(t, c.Parts[0].RunsSignal)
		assert.Equal(t, 5.0, *c.Points[0].CL)
		assert.Equal(t, []model.Code{metrics.CodeTooFewPoints}, c.Findings.Codes())
	})
	t.Run("all equal I chart has no limits", func(t *testing.T) {
		// Every moving range is 0; screening keeps MR < 3.267·0, none: NaN.
		c, err := metrics.NewChart(weekly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), metrics.Options{Type: metrics.ChartI})
		require.NoError(t, err)
		assert.Nil(t, c.Points[0].UCL)
		assert.Contains(t, c.Findings.Codes(), metrics.CodeNoLimits)
		c, err = metrics.NewChart(weekly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), metrics.Options{Type: metrics.ChartI, NoScreening: true})
		require.NoError(t, err)
		assert.Equal(t, 5.0, *c.Points[0].UCL, "unscreened: limits equal the centre line")
		assert.Empty(t, signals(c, metrics.RuleSigma), "a point on a limit is not a signal")
	})
	t.Run("one point", func(t *testing.T) {
		// No moving range: no limits. n.useful 0 (the point is the mean).
		c, err := metrics.NewChart(weekly(3), metrics.Options{Type: metrics.ChartI})
		require.NoError(t, err)
		assert.Nil(t, c.Points[0].UCL)
		assert.Equal(t, 3.0, *c.Points[0].CL)
	})
	t.Run("missing values neither break nor extend a run", func(t *testing.T) {
		// Median of 1..9 (the NaN week dropped) = 5; the NaN week and the 5
		// are not useful; signs: − − − − + + + + (the NaN between 2 and 3 does
		// not break the first run) → longest run 4 ≤ max 6 (n 8: round(log2
		// 8) + 3 = 6); crossings 1, and qbinom(0.05, 7, ½) = 1 since
		// P(X ≤ 0) = 1/128 < 0.05 ≤ P(X ≤ 1) = 8/128: no signal.
		c, err := metrics.NewChart(weekly(1, 2, nan, 3, 4, 5, 6, 7, 8, 9), metrics.Options{})
		require.NoError(t, err)
		p := c.Parts[0]
		assert.Equal(t, 10, p.Observations)
		assert.Equal(t, 8, p.Useful)
		assert.Equal(t, 4, p.LongestRun)
		assert.Equal(t, 1, p.Crossings)
		assert.Equal(t, 1, p.CrossingsMin)
		assert.False(t, p.RunsSignal)
		assert.Nil(t, c.Points[2].Y)
		assert.Empty(t, signals(c, metrics.RuleCrossings))
	})
	t.Run("longest run equal to and above the limit, n 30", func(t *testing.T) {
		// n = 30: max run round(log2 30) + 3 = 8. Eight low points then
		// alternating: no signal; nine low points: a signal.
		below := func(n int) []float64 {
			var v []float64
			for range n {
				v = append(v, 1)
			}
			for i := n; i < 30; i++ {
				v = append(v, []float64{9, 1}[i%2])
			}
			return v
		}
		for _, tc := range []struct {
			run    int
			signal bool
		}{{8, false}, {9, true}} {
			c, err := metrics.NewChart(weekly(below(tc.run)...), metrics.Options{CentreLine: f(5)})
			require.NoError(t, err)
			assert.Equal(t, 8, c.Parts[0].LongestRunMax)
			assert.Equal(t, tc.signal, len(signals(c, metrics.RuleLongestRun)) > 0, "run of %d", tc.run)
		}
	})
	t.Run("part and freeze", func(t *testing.T) {
		// freeze is ignored when parts are given (spc.md §5).
		s := weekly(1, 2, 3, 4, 5, 6, 20, 21, 22, 23, 24, 25)
		c, err := metrics.NewChart(s, metrics.Options{BaselineEnd: s.Observations[2].Period, PartStarts: []model.Date{s.Observations[6].Period}})
		require.NoError(t, err)
		require.Len(t, c.Parts, 2)
		assert.Equal(t, 3.5, *c.Points[0].CL)
		assert.Equal(t, 22.5, *c.Points[6].CL)
		assert.True(t, c.Points[5].Baseline)
	})
	t.Run("T chart with a zero time", func(t *testing.T) {
		_, err := metrics.NewChart(weekly(3, 0, 5), metrics.Options{Type: metrics.ChartT})
		require.ErrorIs(t, err, model.ErrInvalid)
		var fs model.Findings
		require.ErrorAs(t, err, &fs)
		assert.Equal(t, metrics.CodeTimeBetween, fs[0].Code)
	})
	t.Run("zero denominator", func(t *testing.T) {
		// 2/0 is Inf: its limits are missing and y is nil in the result, but
		// the numerator still counts in ū = (2+1+1+1)/(0+10+10+10).
		s := metrics.Series{}
		for i, nd := range [][2]float64{{2, 0}, {1, 10}, {1, 10}, {1, 10}} {
			s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2025, 1, 6).AddDays(7 * i), Numerator: f(nd[0]), Denominator: f(nd[1])})
		}
		c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartU})
		require.NoError(t, err)
		assert.Nil(t, c.Points[0].Y)
		assert.Nil(t, c.Points[0].UCL)
		assert.InDelta(t, 5.0/30, *c.Points[1].CL, 1e-15)
		_, err = json.Marshal(c)
		require.NoError(t, err, "no NaN or Inf reaches JSON")
	})
	t.Run("unknown chart type and bad series", func(t *testing.T) {
		_, err := metrics.NewChart(weekly(1, 2), metrics.Options{Type: "pie"})
		require.ErrorIs(t, err, model.ErrInvalid)
		s := weekly(1, 2)
		s.Observations[1].Period = s.Observations[0].Period
		_, err = metrics.NewChart(s, metrics.Options{})
		var fs model.Findings
		require.ErrorAs(t, err, &fs)
		assert.Equal(t, metrics.CodeDuplicatePeriod, fs[0].Code)
		_, err = metrics.NewChart(weekly(1, 2), metrics.Options{Type: metrics.ChartP})
		require.ErrorAs(t, err, &fs)
		assert.Equal(t, metrics.CodeDenominator, fs[0].Code)
	})
}

func TestIHIRules(t *testing.T) {
	// A 6-point rise inside noise: no Anhøj signal, an IHI trend (spc.md §8,
	// syn_trend5_within_noise).
	s := weekly(5, 9, 2, 8, 3, 1, 2, 3, 4, 5, 6, 7, 3, 8, 2, 9, 4, 6)
	a, err := metrics.NewChart(s, metrics.Options{})
	require.NoError(t, err)
	assert.False(t, a.Parts[0].RunsSignal)
	i, err := metrics.NewChart(s, metrics.Options{Rules: metrics.RulesIHI})
	require.NoError(t, err)
	assert.True(t, i.Parts[0].RunsSignal)
	assert.Equal(t, []int{5, 6, 7, 8, 9, 10, 11}, signals(i, metrics.RuleTrend))
	// A shift of six below the median: IHI flags it, Anhøj does not (n 18:
	// max run 7).
	s = weekly(1, 1, 1, 1, 1, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 9, 9, 1)
	i, err = metrics.NewChart(s, metrics.Options{Rules: metrics.RulesIHI, CentreLine: f(5)})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, signals(i, metrics.RuleShift))
	a, err = metrics.NewChart(s, metrics.Options{CentreLine: f(5)})
	require.NoError(t, err)
	assert.Empty(t, signals(a, metrics.RuleLongestRun))
	// Alternating points: too many runs for IHI (20 runs of 20 > 15).
	var alt []float64
	for k := range 20 {
		alt = append(alt, float64(k%2))
	}
	i, err = metrics.NewChart(weekly(alt...), metrics.Options{Rules: metrics.RulesIHI})
	require.NoError(t, err)
	assert.Len(t, signals(i, metrics.RuleManyRuns), 20)
	assert.Equal(t, 7, i.Parts[0].RunsMin)
	assert.Equal(t, 15, i.Parts[0].RunsMax)
}

func TestAnnotationsAndBucket(t *testing.T) {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	// Sunday 2025-03-30 23:30 UTC is Monday 02:30 in Helsinki (DST began):
	// week 14, not week 13.
	records := []metrics.Record{
		{At: time.Date(2025, 3, 24, 9, 0, 0, 0, hel), Value: 4},
		{At: time.Date(2025, 3, 30, 23, 30, 0, 0, time.UTC), Value: 6},
		{At: time.Date(2025, 4, 16, 9, 0, 0, 0, hel), Value: 2},
		{At: time.Date(2025, 4, 17, 9, 0, 0, 0, hel), Value: math.NaN()},
	}
	obs := metrics.Bucket(records, metrics.FrequencyWeekly, hel, metrics.AggregateMean, false)
	require.Len(t, obs, 4)
	assert.Equal(t, "2025-03-24", obs[0].Period.String())
	assert.Equal(t, 4.0, *obs[0].Value)
	assert.Equal(t, "2025-03-31", obs[1].Period.String())
	assert.Equal(t, 6.0, *obs[1].Value)
	assert.True(t, obs[2].IsMissing(), "an empty week stays missing")
	assert.Equal(t, 2.0, *obs[3].Value)
	monthly := metrics.Bucket(records, metrics.FrequencyMonthly, hel, metrics.AggregateSum, true)
	require.Len(t, monthly, 2)
	assert.Equal(t, 10.0, *monthly[0].Value, "the Sunday-night record is 31 March in Helsinki")
	assert.Equal(t, []float64{2}, monthly[1].Values)
	assert.Nil(t, metrics.Bucket(nil, metrics.FrequencyWeekly, hel, "", false))

	s := weekly(1, 2, 3, 4)
	s.Annotations = []metrics.Annotation{{Date: model.NewDate(2025, 1, 15), Text: "PDSA 1", Ref: "c1"}}
	c, err := metrics.NewChart(s, metrics.Options{})
	require.NoError(t, err)
	assert.Equal(t, "PDSA 1", c.Points[1].Annotations[0].Text, "the week of 13 January holds the 15th")
}

func TestMeasure(t *testing.T) {
	m := metrics.Measure{
		ID: "m1", Name: "Takaisinsoitto samana päivänä", Kind: metrics.KindProcess, Dimension: metrics.DimensionClient,
		DataType: metrics.DataProportion, Direction: metrics.DirectionUp, Frequency: metrics.FrequencyWeekly,
		Definition: metrics.Definition{Numerator: "soitot samana päivänä", Denominator: "yhteydenotot"},
		Source:     metrics.Source{ByHand: true, Collector: "m2"},
		Baseline:   &metrics.Goal{Value: 0.4}, Target: &metrics.Goal{Value: 0.9},
	}
	assert.Empty(t, m.Validate())
	assert.Equal(t, metrics.ChartP, m.ChartType())
	m.Target.Value = 0.3
	m.Definition.Denominator = ""
	m.Dimension = "joy"
	var got []string
	for _, f := range m.Validate() {
		got = append(got, fmt.Sprint(f.Path, " ", f.Code, " ", f.Severity))
	}
	assert.Equal(t, []string{
		"/definition/denominator metrics.definition.missing error",
		"/dimension enum.unknown error",
		"/target/value metrics.target.direction warning",
	}, got)
	for dt, want := range map[metrics.DataType]metrics.ChartType{
		metrics.DataCount: metrics.ChartC, metrics.DataRate: metrics.ChartU, metrics.DataProportion: metrics.ChartP,
		metrics.DataMeasurement: metrics.ChartI, metrics.DataTimeBetween: metrics.ChartT, metrics.DataCasesBetween: metrics.ChartG, "": metrics.ChartRun,
	} {
		assert.Equal(t, want, dt.SuggestedChart(), dt)
	}
}

func TestMessagesCoverEveryCode(t *testing.T) {
	assert.Empty(t, metrics.Messages().Missing(metrics.Codes()...))
}

func FuzzChart(f *testing.F) {
	f.Add([]byte(`{"observations":[{"period":"2025-01-06","value":1},{"period":"2025-01-13","value":3}]}`), "i")
	f.Add([]byte(`{"observations":[{"period":"2025-01-06","numerator":1,"denominator":0},{"period":"2025-01-13","numerator":0,"denominator":0}]}`), "pp")
	f.Add([]byte(`{"observations":[{"period":"2025-01-06","values":[1,2,3]},{"period":"2025-01-13","values":[4]}]}`), "s")
	for _, t := range metrics.ChartTypes() {
		f.Add([]byte(`{"observations":[{"period":"2025-01-06","value":5},{"period":"2025-01-13","value":-2},{"period":"2025-01-20"}]}`), string(t))
	}
	f.Fuzz(func(t *testing.T, data []byte, chart string) {
		var s metrics.Series
		if fs := model.DecodeJSON(data, &s); len(fs) > 0 {
			return
		}
		for _, rules := range []metrics.RuleSet{metrics.RulesAnhoej, metrics.RulesIHI} {
			c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartType(chart), Rules: rules})
			if err != nil {
				var fs model.Findings
				if !assert.ErrorAs(t, err, &fs) {
					t.FailNow()
				}
				continue
			}
			if _, err := json.Marshal(c); err != nil {
				t.Fatalf("chart does not marshal (NaN or Inf?): %v", err)
			}
		}
	})
}

// TestValidateDuplicatePeriods: a period twice is found whatever the order,
// in order (no map needed) or not.
func TestValidateDuplicatePeriods(t *testing.T) {
	for _, tc := range []struct {
		name  string
		order []int // week numbers of the observations
		want  []string
	}{
		{"increasing", []int{0, 1, 2, 3}, nil},
		{"unsorted", []int{2, 0, 3, 1}, nil},
		{"twice in order", []int{0, 1, 1, 2}, []string{"/observations/2/period"}},
		{"twice apart", []int{1, 0, 2, 1}, []string{"/observations/3/period"}},
		{"three times", []int{0, 0, 0}, []string{"/observations/1/period", "/observations/2/period"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := metrics.Series{}
			for _, w := range tc.order {
				v := float64(w)
				s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2026, 1, 5).AddDays(7 * w), Value: &v})
			}
			var got []string
			for _, f := range s.Validate(metrics.ChartRun) {
				if f.Code == metrics.CodeDuplicatePeriod {
					got = append(got, f.Path)
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
