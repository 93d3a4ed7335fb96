package metrics

// The conformance test runs every vector of qicharts2_datasets.json (61
// results of qicharts2 0.8.1, see ../shared/reference/spc.md §9) through the
// engine and compares every point and every part by the file's rule:
// |got − want| ≤ max(1e-12, 1e-9·|want|), missing matches missing, booleans
// exactly. It is an internal test because it checks the engine's raw values,
// including the infinities of zero denominators that the public types hide.

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const referenceFile = "../../shared/reference/qicharts2_datasets.json"

// num decodes the file's numbers: null is missing, "Inf"/"-Inf" infinities.
type num float64

func (n *num) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "null":
		*n = num(math.NaN())
	case `"Inf"`:
		*n = num(math.Inf(1))
	case `"-Inf"`:
		*n = num(math.Inf(-1))
	default:
		var f float64
		if err := json.Unmarshal(b, &f); err != nil {
			return err
		}
		*n = num(f)
	}
	return nil
}

type vector struct {
	ID    string `json:"id"`
	Input struct {
		Chart    ChartType         `json:"chart"`
		XKind    string            `json:"x_kind"`
		X        []json.RawMessage `json:"x"`
		XLevels  []string          `json:"x_levels"`
		Y        []num             `json:"y"`
		N        []num             `json:"n"`
		Freeze   *int              `json:"freeze"`
		Part     json.RawMessage   `json:"part"`
		Exclude  []int             `json:"exclude"`
		Multiply float64           `json:"multiply"`
		CL       *num              `json:"cl"`
		AggFun   Aggregate         `json:"agg_fun"`
		YNeg     bool              `json:"y_neg"`
		Options  struct {
			Screened bool `json:"qic.screenedmr"`
		} `json:"options"`
	} `json:"input"`
	Expected struct {
		Error  *string `json:"error"`
		Points []struct {
			Part              int  `json:"part"`
			Baseline, Include bool `json:"-"`
			BaselineJ         bool `json:"baseline"`
			IncludeJ          bool `json:"include"`
			Y                 num  `json:"y"`
			CL                num  `json:"cl"`
			LCL               num  `json:"lcl"`
			UCL               num  `json:"ucl"`
			LCL95             num  `json:"lcl_95"`
			UCL95             num  `json:"ucl_95"`
			SigmaSignal       bool `json:"sigma_signal"`
			RunsSignal        bool `json:"runs_signal"`
		} `json:"points"`
		Parts []struct {
			Part          int  `json:"part"`
			NObs          int  `json:"n_obs"`
			NUseful       int  `json:"n_useful"`
			LongestRun    *int `json:"longest_run"`
			LongestRunMax *int `json:"longest_run_max"`
			NCrossings    *int `json:"n_crossings"`
			NCrossingsMin *int `json:"n_crossings_min"`
			RunsSignal    bool `json:"runs_signal"`
			SigmaSignals  int  `json:"sigma_signals"`
		} `json:"parts"`
	} `json:"expected"`
}

type referenceFileT struct {
	RunsLimits []struct {
		NUseful       int `json:"n_useful"`
		LongestRunMax int `json:"longest_run_max"`
		NCrossingsMin int `json:"n_crossings_min"`
	} `json:"runs_limits_table"`
	Vectors []vector `json:"vectors"`
}

func loadReference(t *testing.T) referenceFileT {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(referenceFile))
	if os.IsNotExist(err) {
		t.Skipf("reference file %s is absent", referenceFile)
	}
	require.NoError(t, err)
	var ref referenceFileT
	require.NoError(t, json.Unmarshal(b, &ref))
	return ref
}

// rowsAndOptions turns a vector's input into the engine's.
func rowsAndOptions(t *testing.T, v vector) ([]row, engineOptions) {
	in := v.Input
	o := engineOptions{
		chart: in.Chart, hasN: in.N != nil, multiply: in.Multiply, cl: math.NaN(), agg: in.AggFun,
		noNegLimits: !in.YNeg, screenMR: in.Options.Screened, categorical: in.XKind == "category",
		exclude: in.Exclude,
	}
	if in.CL != nil {
		o.cl = float64(*in.CL)
	}
	if in.Freeze != nil {
		o.freeze = *in.Freeze
	}
	rows := make([]row, len(in.Y))
	var xs []string // x as text, in input order
	for i := range in.Y {
		rows[i].y = float64(in.Y[i])
		rows[i].n = math.NaN()
		if in.N != nil {
			rows[i].n = float64(in.N[i])
		}
		raw := in.X[i]
		rows[i].x = math.NaN()
		xs = append(xs, string(raw))
		if string(raw) == "null" {
			continue
		}
		switch in.XKind {
		case "number":
			var f float64
			require.NoError(t, json.Unmarshal(raw, &f))
			rows[i].x = f
		case "date":
			var s string
			require.NoError(t, json.Unmarshal(raw, &s))
			d, err := time.Parse(time.DateOnly, s)
			require.NoError(t, err)
			rows[i].x = float64(d.Unix() / 86400)
		case "category":
			var s string
			require.NoError(t, json.Unmarshal(raw, &s))
			rows[i].x = float64(slices.Index(in.XLevels, s))
		}
	}
	if len(in.Part) > 0 && string(in.Part) != "null" {
		var bps []int
		if err := json.Unmarshal(in.Part, &bps); err == nil {
			o.parts = bps
		} else {
			// One label per row: breakpoints before the first appearance of each
			// label among the de-duplicated x, in input order (qic.R:231-234).
			var labels []string
			require.NoError(t, json.Unmarshal(in.Part, &labels))
			seenX := map[string]bool{}
			var dedup []string
			for i, x := range xs {
				if !seenX[x] {
					seenX[x] = true
					dedup = append(dedup, labels[i])
				}
			}
			seenL := map[string]bool{}
			for i, l := range dedup {
				if !seenL[l] {
					seenL[l] = true
					o.parts = append(o.parts, i)
				}
			}
		}
	}
	return rows, o
}

func close(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return math.Abs(got-want) <= max(1e-12, 1e-9*math.Abs(want))
}

func TestQicharts2Vectors(t *testing.T) {
	ref := loadReference(t)
	require.Len(t, ref.Vectors, 61)
	for _, v := range ref.Vectors {
		t.Run(v.ID, func(t *testing.T) {
			rows, o := rowsAndOptions(t, v)
			pts, parts, err := compute(rows, o)
			if v.Expected.Error != nil {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Len(t, pts, len(v.Expected.Points))
			for i, w := range v.Expected.Points {
				g := pts[i]
				assert.Equal(t, w.Part, g.part, "part of %d", i)
				assert.Equal(t, w.BaselineJ, g.baseline, "baseline of %d", i)
				assert.Equal(t, w.IncludeJ, g.include, "include of %d", i)
				for _, c := range []struct {
					name      string
					got, want float64
				}{{"y", g.y, float64(w.Y)}, {"cl", g.cl, float64(w.CL)}, {"lcl", g.lcl, float64(w.LCL)}, {"ucl", g.ucl, float64(w.UCL)}, {"lcl95", g.lcl95, float64(w.LCL95)}, {"ucl95", g.ucl95, float64(w.UCL95)}} {
					assert.True(t, close(c.got, c.want), "%s of point %d: got %v, want %v", c.name, i, c.got, c.want)
				}
				assert.Equal(t, w.SigmaSignal, g.sigmaSignal, "sigma signal of %d", i)
				assert.Equal(t, w.RunsSignal, g.runsSignal, "runs signal of %d", i)
			}
			require.Len(t, parts, len(v.Expected.Parts))
			for k, w := range v.Expected.Parts {
				g := parts[k]
				assert.Equal(t, w.Part, g.part)
				assert.Equal(t, w.NObs, g.nObs, "n_obs")
				assert.Equal(t, w.NUseful, g.nUseful, "n_useful")
				if w.NUseful > 0 {
					assert.Equal(t, *w.LongestRun, g.longestRun, "longest_run")
					assert.Equal(t, *w.LongestRunMax, g.longestRunMax, "longest_run_max")
					assert.Equal(t, *w.NCrossings, g.nCrossings, "n_crossings")
					assert.Equal(t, *w.NCrossingsMin, g.nCrossingsMin, "n_crossings_min")
				}
				assert.Equal(t, w.RunsSignal, g.runsSignal, "runs_signal")
				assert.Equal(t, w.SigmaSignals, g.sigmaSignals, "sigma_signals")
			}
		})
	}
}

func TestRunsLimitsTable(t *testing.T) {
	ref := loadReference(t)
	require.Len(t, ref.RunsLimits, 300)
	for _, r := range ref.RunsLimits {
		assert.Equal(t, r.LongestRunMax, LongestRunMax(r.NUseful), "longest run max for n %d", r.NUseful)
		assert.Equal(t, r.NCrossingsMin, CrossingsMin(r.NUseful), "crossings min for n %d", r.NUseful)
	}
}
