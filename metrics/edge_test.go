package metrics_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// More edge cases of ../shared/reference/spc.md §9, with expected values
// derived by hand from the formulas of spc.md §4 (the working is in the
// comments).

func ratios(pairs ...[2]float64) metrics.Series {
	s := metrics.Series{}
	for i, p := range pairs {
		n, d := p[0], p[1]
		s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2025, 1, 6).AddDays(7 * i), Numerator: &n, Denominator: &d})
	}
	return s
}

func TestMoreEdgeCases(t *testing.T) {
	t.Run("P limits clipped to 0 and 1", func(t *testing.T) {
		// p̄ = (4+5+4+5)/(5·4) = 0.9; σ = sqrt(0.9·0.1/5) = 0.13416;
		// ucl = 0.9 + 0.40249 = 1.30 → 1; lcl = 0.9 − 0.40249 = 0.4975.
		c, err := metrics.NewChart(ratios([2]float64{4, 5}, [2]float64{5, 5}, [2]float64{4, 5}, [2]float64{5, 5}), metrics.Options{Type: metrics.ChartP})
		require.NoError(t, err)
		assert.Equal(t, 1.0, *c.Points[0].UCL)
		assert.InDelta(t, 0.9-3*math.Sqrt(0.9*0.1/5), *c.Points[0].LCL, 1e-12)
		assert.Empty(t, signals(c, metrics.RuleSigma), "a point on the clipped limit is not a signal")
	})
	t.Run("G chart: median centre line, limits from the mean, lcl 0", func(t *testing.T) {
		// y = 1, 2, 3, 10: median 2.5, mean 4; sd = sqrt(4·5) = 4.4721;
		// ucl = 4 + 13.416 = 17.416; lcl = max(0, 4 − 13.4) = 0.
		c, err := metrics.NewChart(weekly(1, 2, 3, 10), metrics.Options{Type: metrics.ChartG})
		require.NoError(t, err)
		assert.Equal(t, 2.5, *c.Points[0].CL)
		assert.InDelta(t, 4+3*math.Sqrt(20), *c.Points[0].UCL, 1e-12)
		assert.Equal(t, 0.0, *c.Points[0].LCL)
	})
	t.Run("T chart: negative lower limit is 0, its 2-sigma line missing", func(t *testing.T) {
		// y^(1/3.6) of 1, 50, 2, 60 spreads widely, so the transformed lcl is
		// negative: lcl becomes 0 and lcl.95 (negative^3.6 = NaN) missing.
		c, err := metrics.NewChart(weekly(1, 50, 2, 60), metrics.Options{Type: metrics.ChartT})
		require.NoError(t, err)
		assert.Equal(t, 0.0, *c.Points[0].LCL)
		assert.Nil(t, c.Points[0].LCL2)
		assert.NotNil(t, c.Points[0].UCL)
	})
	t.Run("Xbar with a subgroup of one has no limits there", func(t *testing.T) {
		// A3(1) is undefined (c4 needs n ≥ 2): that point's limits are nil,
		// the others have them.
		s := metrics.Series{}
		for i, vs := range [][]float64{{10, 12, 11}, {9}, {11, 13, 12}, {10, 11, 12}} {
			s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2025, 1, 6).AddDays(7 * i), Values: vs})
		}
		c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartXbar})
		require.NoError(t, err)
		assert.Nil(t, c.Points[1].UCL)
		assert.NotNil(t, c.Points[0].UCL)
	})
	t.Run("excluded point keeps its sigma signal but leaves the centre line", func(t *testing.T) {
		// Without the 100: mean of 10, 11, 9, 10, 10, 11, 9 = 10; MRs 1, 2, 1,
		// 0, 1, 2 (the 100 bridged), mean 7/6, σ = 1.0343, ucl 13.1: the 100
		// is outside and flagged, though excluded.
		s := weekly(10, 11, 9, 100, 10, 10, 11, 9)
		c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartI, Exclude: []model.Date{s.Observations[3].Period}})
		require.NoError(t, err)
		assert.InDelta(t, 10.0, *c.Points[0].CL, 1e-12)
		assert.InDelta(t, 10+3*(7.0/6)/1.128, *c.Points[0].UCL, 1e-12)
		assert.False(t, c.Points[3].Included)
		assert.Contains(t, c.Points[3].Signals, metrics.RuleSigma)
	})
	t.Run("no negative limits when asked", func(t *testing.T) {
		c, err := metrics.NewChart(weekly(1, 5, 1, 6, 0, 5), metrics.Options{Type: metrics.ChartI, NoNegativeLimits: true})
		require.NoError(t, err)
		assert.Equal(t, 0.0, *c.Points[0].LCL)
	})
	t.Run("a part start after the last point is ignored", func(t *testing.T) {
		c, err := metrics.NewChart(weekly(1, 2, 3, 4), metrics.Options{PartStarts: []model.Date{model.NewDate(2030, 1, 1)}})
		require.NoError(t, err)
		assert.Len(t, c.Parts, 1)
	})
	t.Run("200 points", func(t *testing.T) {
		v := make([]float64, 200)
		for i := range v {
			v[i] = float64(i % 7)
		}
		c, err := metrics.NewChart(weekly(v...), metrics.Options{})
		require.NoError(t, err)
		// n.useful 200 − the points on the median 3 (every 7th): 171;
		// max run round(log2 171) + 3 = 10.
		assert.Equal(t, 171, c.Parts[0].Useful)
		assert.Equal(t, 10, c.Parts[0].LongestRunMax)
	})
}
