package export_test

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

func wellFormed(t *testing.T, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func demoChart(t *testing.T, note string) metrics.Chart {
	t.Helper()
	days := []float64{9, 8, 10, 9, 11, 8, 9, 10, 9, 8, 3, 2, 3, 2, 4, 2, 3, 2, 2, 3}
	s := metrics.Series{}
	for i, d := range days {
		v := d
		s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2026, 1, 5).AddDays(7 * i), Value: &v})
	}
	s.Annotations = []metrics.Annotation{{Date: model.NewDate(2026, 3, 16), Text: note}}
	c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartI, BaselineEnd: model.NewDate(2026, 3, 9)})
	require.NoError(t, err)
	return c
}

func TestChartSVG(t *testing.T) {
	c := demoChart(t, "PDSA 1: takaisinsoitto")
	out := export.ChartSVG(c, export.ChartStyle{Title: "Läpimenoaika", Unit: "vrk"})
	wellFormed(t, out)
	assert.Contains(t, out, "<title id=\"chart-title\">Läpimenoaika</title>")
	assert.Contains(t, out, "signaali: pitkä sarja")
	assert.Contains(t, out, "fill=\"#c62828\"")
	assert.Contains(t, out, "PDSA 1: takaisinsoitto")
	assert.Equal(t, out, export.ChartSVG(c, export.ChartStyle{Title: "Läpimenoaika", Unit: "vrk"}), "deterministic")
	if dir := os.Getenv("SUJUVA_ARTIFACTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "chart.svg"), []byte(out), 0o644))
	}

	hostile := `<img src=x onerror=alert(1)> "><script>`
	out = export.ChartSVG(demoChart(t, hostile), export.ChartStyle{Title: hostile, Unit: hostile, Language: model.English})
	wellFormed(t, out)
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assert.Contains(t, out, "long run")

	empty := export.ChartSVG(metrics.Chart{}, export.ChartStyle{})
	wellFormed(t, empty)
}
