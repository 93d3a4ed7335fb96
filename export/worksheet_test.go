package export_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
)

func demoFile(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../examples/worksheet/demo.json")
	if os.IsNotExist(err) {
		t.Skip("../examples/worksheet/demo.json is absent")
	}
	require.NoError(t, err)
	return b
}

// TestWorksheetRoundTrip is the property test: for the demo file with
// random unknown fields added at random places of the top level,
// Encode(Decode(x)) equals x as JSON, and the result validates.
func TestWorksheetRoundTrip(t *testing.T) {
	// The demo as Sujuva writes it (zero fields spelt out), then unknown
	// fields added: nothing Sujuva wrote or did not know may be lost.
	w0, _, fs := export.DecodeWorksheet(demoFile(t))
	require.Empty(t, fs)
	canonical, err := json.Marshal(w0)
	require.NoError(t, err)
	var base map[string]any
	require.NoError(t, json.Unmarshal(canonical, &base))
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 200 {
		doc := map[string]any{}
		for k, v := range base {
			doc[k] = v
		}
		for k := range rng.IntN(4) {
			doc[fmt.Sprintf("future%d_%d", n, k)] = map[string]any{"kept": rng.IntN(1000), "list": []any{"a", 1.5, nil, true}}
		}
		in, err := json.Marshal(doc)
		require.NoError(t, err)
		w, migrated, fs := export.DecodeWorksheet(in)
		require.Empty(t, fs)
		assert.False(t, migrated)
		out, err := json.Marshal(w)
		require.NoError(t, err)
		require.JSONEq(t, string(in), string(out), "case %d", n)
		assert.Empty(t, schema.Validate(schema.Worksheet, out))
	}
}

func TestDecodeWorksheet(t *testing.T) {
	w, migrated, fs := export.DecodeWorksheet([]byte(`{"team": {"name": "T", "process": "P", "members": []}}`))
	require.Empty(t, fs)
	assert.True(t, migrated, "a file without a version is version 0")
	assert.Equal(t, export.WorksheetVersion, w.Version)
	b, err := json.Marshal(w)
	require.NoError(t, err)
	assert.Empty(t, schema.Validate(schema.Worksheet, b))
	_, _, fs = export.DecodeWorksheet([]byte(`{"format": "sujuva.worksheet", "version": 99}`))
	require.Len(t, fs, 1)
	assert.Equal(t, export.CodeWorksheetVersion, fs[0].Code)
	_, _, fs = export.DecodeWorksheet([]byte(`{"team": 5}`))
	assert.True(t, fs.HasErrors())
	assert.Empty(t, export.Messages().Missing(export.Codes()...))
}

// TestDecodeWorksheetV1Measure migrates version 1's one measure, the page's
// object, into version 2's list without losing its name, data or text, and
// the migrated file validates; an empty object becomes an empty list.
func TestDecodeWorksheetV1Measure(t *testing.T) {
	v1 := `{"format":"sujuva.worksheet","version":1,"team":{"name":"T","process":"P","members":[]},"cycles":[],
		"measures":{"name":"Jatkosta sovittu (%)","pasted":"Viikko\tOsuus\n5.1.2026\t42","series":{"observations":[{"period":"2026-01-05","value":42}]}}}`
	w, migrated, fs := export.DecodeWorksheet([]byte(v1))
	require.Empty(t, fs)
	assert.True(t, migrated)
	require.Len(t, w.Measures, 1)
	m := w.Measures[0]
	assert.Equal(t, "m1", m.Measure.ID)
	assert.Equal(t, "Jatkosta sovittu (%)", m.Measure.Name)
	assert.Equal(t, "Viikko\tOsuus\n5.1.2026\t42", m.Pasted)
	require.Len(t, m.Series.Observations, 1)
	assert.Equal(t, 42.0, *m.Series.Observations[0].Value)
	out, err := json.Marshal(w)
	require.NoError(t, err)
	assert.Empty(t, schema.Validate(schema.Worksheet, out))
	assert.Contains(t, string(out), `"version":2`)

	w, _, fs = export.DecodeWorksheet([]byte(`{"version":1,"team":{"name":"T","process":"P","members":[]},"measures":{"name":"","pasted":"","series":{"observations":[]}}}`))
	require.Empty(t, fs)
	assert.Empty(t, w.Measures)
}

// TestMaterialChartsMeasures: the worksheet's material for Draft carries each
// measure's chart, drawn with the team's options, so the evaluation section
// is drafted from the chart's signals.
func TestMaterialChartsMeasures(t *testing.T) {
	w, _, fs := export.DecodeWorksheet(demoFile(t))
	require.Empty(t, fs)
	require.NotEmpty(t, w.Measures)
	m := w.Material()
	require.Len(t, m.Measures, len(w.Measures))
	c := m.Measures[0].Chart
	require.NotNil(t, c, "the demo measure is charted")
	assert.Equal(t, len(w.Measures[0].Series.Observations), len(c.Points))
	assert.Nil(t, w.Measures[0].Chart, "Material does not change the worksheet")
}

func FuzzDecodeWorksheet(f *testing.F) {
	f.Add([]byte(`{"format":"sujuva.worksheet","version":1,"team":{"name":"T"},"x":{"y":[1]}}`))
	f.Add([]byte(`{"version":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, _, fs := export.DecodeWorksheet(data)
		if fs.HasErrors() {
			return
		}
		out, err := json.Marshal(w)
		if err != nil {
			t.Fatalf("decoded worksheet does not encode: %v", err)
		}
		w2, _, fs2 := export.DecodeWorksheet(out)
		if fs2.HasErrors() {
			t.Fatalf("re-decoding failed: %v", fs2)
		}
		out2, _ := json.Marshal(w2)
		if string(out) != string(out2) {
			t.Fatalf("not stable:\n%s\n%s", out, out2)
		}
	})
}

var _ = model.Finnish
