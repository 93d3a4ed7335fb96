package export_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

func TestWriteCSV(t *testing.T) {
	v1, v2 := 2.5, 40.0
	s := metrics.Series{Observations: []metrics.Observation{
		{Period: model.NewDate(2026, 1, 12), Value: &v2},
		{Period: model.NewDate(2026, 1, 5), Value: &v1},
		{Period: model.NewDate(2026, 1, 19)},
	}}
	c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartI})
	require.NoError(t, err)
	m := []export.Measured{{Measure: metrics.Measure{ID: "lt", Name: "Läpimenoaika; vrk", Kind: metrics.KindOutcome}, Series: s, Chart: &c}}
	var b strings.Builder
	require.NoError(t, export.WriteCSV(&b, m, export.CSVOptions{}))
	assert.Equal(t, "measure_id,measure,kind,period,value,numerator,denominator,cl,lcl,ucl,signals\n"+
		"lt,Läpimenoaika; vrk,outcome,2026-01-05,2.5,,,21.25,-78.4840425531915,120.9840425531915,\n"+
		"lt,Läpimenoaika; vrk,outcome,2026-01-12,40,,,21.25,-78.4840425531915,120.9840425531915,\n"+
		"lt,Läpimenoaika; vrk,outcome,2026-01-19,,,,21.25,-78.4840425531915,120.9840425531915,\n", b.String(), "MR 37.5, σ = 37.5/1.128, limits 21.25 ± 3σ")
	b.Reset()
	require.NoError(t, export.WriteCSV(&b, m, export.CSVOptions{FinnishExcel: true}))
	out := b.String()
	assert.True(t, strings.HasPrefix(out, "\ufeffmeasure_id;measure;"))
	assert.Contains(t, out, "lt;\"Läpimenoaika; vrk\";outcome;2026-01-05;2,5;;;21,25;")
	assert.Contains(t, out, "\r\n")
}
