package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/svg"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

func stream(n int) valuestream.Map {
	m := valuestream.Map{Name: "virta"}
	for i := range n {
		m.Steps = append(m.Steps, valuestream.Step{ID: fmt.Sprint(i), Name: "Palvelutarpeenarvioinnin käynnistäminen " + fmt.Sprint(i),
			Wait: valuestream.Duration{Length: time.Duration(i+1) * 24 * time.Hour}})
	}
	return m
}

// TestPosterLayouts composes the poster for 2 to 30 steps and 1 to 6
// measures, on A3 and A4, in each language: always well-formed, never a
// personal name. Text fitting is proven by export/svg's tests (every line
// of a box fits its width, every box its height).
func TestPosterLayouts(t *testing.T) {
	base := demoMaterial(t)
	for _, steps := range []int{2, 7, 30} {
		for _, measures := range []int{1, 6} {
			for _, page := range []svg.Page{svg.A3, svg.A4} {
				for _, lang := range model.Languages() {
					m := base
					m.Current, m.Ideal = stream(steps), stream(max(2, steps/2))
					m.Measures = nil
					for i := range measures {
						x := base.Measures[0]
						x.Measure.Name = fmt.Sprintf("Mittari %d: asiakasohjauksen läpimenoaika yhteydenotosta", i+1)
						m.Measures = append(m.Measures, x)
					}
					out := export.Poster(m, page, lang)
					wellFormed(t, out)
					assert.NotContains(t, out, "Asta Asiakas")
					assert.Contains(t, out, fmt.Sprintf(`width="%smm"`, svg.Num(page.WidthMM)))
				}
			}
		}
	}
}

// TestPosterArtifact writes the demo team's A3 poster (SVG) for the PNG
// rendering of the browser suite, when SUJUVA_ARTIFACTS names a directory.
func TestPosterArtifact(t *testing.T) {
	m := demoMaterial(t)
	out := export.Poster(m, svg.A3, model.Finnish)
	wellFormed(t, out)
	assert.Contains(t, out, "Neuvonnan sujuva alku")
	assert.Contains(t, out, "signaali: pitkä sarja")
	if dir := os.Getenv("SUJUVA_ARTIFACTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "poster.svg"), []byte(out), 0o644))
	}
	_ = metrics.ChartRun
}
