package export_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

func TestStreamSVG(t *testing.T) {
	m := demoMaterial(t)
	out := export.StreamSVG([]valuestream.Map{m.Current, m.Ideal}, []string{"Nykytila", "Tavoitetila"}, model.Finnish, 0)
	wellFormed(t, out)
	assert.Contains(t, out, "Nykytila: 6, läpimenoaika 16,3 vrk.")
	assert.Contains(t, out, m.Current.Steps[0].Name[:10])
	for _, n := range []int{2, 30} {
		wellFormed(t, export.StreamSVG([]valuestream.Map{stream(n)}, []string{`<b>"x"</b>`}, model.English, 0))
	}
	if dir := os.Getenv("SUJUVA_ARTIFACTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "stream.svg"), []byte(out), 0o644))
	}
}
