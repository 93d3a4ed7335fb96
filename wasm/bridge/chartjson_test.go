package bridge

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// floatCases are the values where encoding/json's float format changes:
// the exponent form's thresholds, the exponent's dropped zero, signed zero,
// the smallest and largest float64.
var floatCases = []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, 40.5, 1e-6, 9.99999e-7, 1e-7, -1e-7, 1.5e-10,
	1e20, 1e21, 1.2345e21, -1e21, 1e100, 5e-324, math.MaxFloat64, -math.MaxFloat64, 123456789012345678, 1e-300}

func TestAppendFloatMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	fs := append([]float64{}, floatCases...)
	for range 20000 {
		fs = append(fs, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, f := range fs {
		want, err := json.Marshal(f)
		got, ok := appendFloat([]byte("x"), f)
		if err != nil {
			assert.False(t, ok, "%v", f)
			continue
		}
		require.True(t, ok, "%v", f)
		require.Equal(t, "x"+string(want), string(got), "%v (%x)", f, math.Float64bits(f))
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, ok := appendFloat(nil, f)
		assert.False(t, ok, "%v", f)
	}
}

// filledPoint returns a point with every field set, found by reflection, so
// that a field added to metrics.Point and not to appendPoint fails
// TestAppendPointMatchesJSON.
func filledPoint(t *testing.T, r *rand.Rand) metrics.Point {
	var p metrics.Point
	v := reflect.ValueOf(&p).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Interface().(type) {
		case model.Date:
			f.Set(reflect.ValueOf(model.NewDate(1990+r.IntN(60), 1, 1).AddDays(r.IntN(366))))
		case int:
			f.SetInt(int64(r.IntN(5)))
		case bool:
			f.SetBool(r.IntN(2) == 1)
		case *float64:
			if r.IntN(5) > 0 {
				x := floatCases[r.IntN(len(floatCases))] * r.Float64()
				f.Set(reflect.ValueOf(&x))
			}
		case []metrics.Rule:
			if r.IntN(2) == 1 {
				f.Set(reflect.ValueOf([]metrics.Rule{metrics.RuleLongestRun, metrics.RuleSigma}[:1+r.IntN(2)]))
			}
		case []metrics.Annotation:
			if r.IntN(2) == 1 {
				f.Set(reflect.ValueOf([]metrics.Annotation{{Date: model.NewDate(2026, 1, 5), Text: `PDSA 2: <takaisinsoitto> & "sama päivä"`, Ref: "c2"}}))
			}
		default:
			t.Fatalf("metrics.Point.%s (%s): unknown to this test and maybe to appendPoint", v.Type().Field(i).Name, f.Type())
		}
	}
	return p
}

func TestAppendPointMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		p := filledPoint(t, r)
		want, err := json.Marshal(p)
		require.NoError(t, err)
		got, ok := appendPoint(nil, &p)
		require.True(t, ok)
		require.Equal(t, string(want), string(got))
	}
	nan := math.NaN()
	_, ok := appendPoint(nil, &metrics.Point{UCL: &nan})
	assert.False(t, ok)
}

// TestAppendChartResultMatchesJSON: the hand-written encoding of a chart
// result is json.Marshal's, byte for byte, for charts of every type, with
// parts, exclusions, annotations, findings and SVG, and for the zero result.
func TestAppendChartResultMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	results := []ChartResult{{}, {Chart: metrics.Chart{Points: []metrics.Point{}}, Signals: []metrics.Rule{}, SVG: "<svg>&</svg>"}}
	for _, typ := range metrics.ChartTypes() {
		for _, n := range []int{0, 1, 5, 30, 200} {
			s := metrics.Series{}
			start := model.NewDate(2025, 1, 6)
			for i := range n {
				o := metrics.Observation{Period: start.AddDays(7 * i)}
				switch {
				case i%11 == 7: // missing
				case typ == metrics.ChartXbar || typ == metrics.ChartS:
					o.Values = []float64{r.NormFloat64() * 3, r.NormFloat64()*3 + 1, 2}
				case typ.HasDenominator():
					num, den := float64(r.IntN(40)), float64(40+r.IntN(20))
					o.Numerator, o.Denominator = &num, &den
				default:
					v := math.Round(20+8*r.NormFloat64()*100) / 100
					if typ == metrics.ChartC || typ == metrics.ChartG || typ == metrics.ChartT {
						v = math.Abs(math.Round(v))
					}
					o.Value = &v
				}
				s.Observations = append(s.Observations, o)
			}
			s.Annotations = []metrics.Annotation{{Date: start.AddDays(14), Text: "PDSA 1 <muutos>", Ref: "c1"}}
			opts := metrics.Options{Type: typ, Rules: []metrics.RuleSet{metrics.RulesAnhoej, metrics.RulesIHI}[n%2]}
			if n > 20 {
				opts.PartStarts = []model.Date{start.AddDays(7 * 15)}
				opts.Exclude = []model.Date{start.AddDays(7 * 3)}
				opts.Multiply = 100
			}
			c, err := metrics.NewChart(s, opts)
			if err != nil {
				continue // a type this series does not suit
			}
			res := ChartResult{Chart: c, Signals: []metrics.Rule{}}
			for _, p := range c.Points {
				for _, rule := range p.Signals {
					if !contains(res.Signals, rule) {
						res.Signals = append(res.Signals, rule)
					}
				}
			}
			results = append(results, res)
		}
	}
	require.Greater(t, len(results), 40)
	var withFindings, withSignals int
	for _, res := range results {
		want, err := json.Marshal(res)
		require.NoError(t, err)
		got, err := appendChartResult(nil, res)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "%s chart of %d points", res.Chart.Type, len(res.Chart.Points))
		if len(res.Chart.Findings) > 0 {
			withFindings++
		}
		if len(res.Signals) > 0 {
			withSignals++
		}
	}
	assert.Positive(t, withFindings, "some charts carry findings")
	assert.Positive(t, withSignals, "some charts signal")

	nan := math.NaN()
	_, err := appendChartResult(nil, ChartResult{Chart: metrics.Chart{Points: []metrics.Point{{Y: &nan}}}})
	assert.Error(t, err)
}
