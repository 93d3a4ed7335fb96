package valuestream_test

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/valuestream"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenJSON pins the JSON form of a map, its summary and a comparison,
// the shapes the worksheet and the export schema rely on. Refresh with
// go test ./valuestream -run Golden -update.
func TestGoldenJSON(t *testing.T) {
	s, err := referral.Summary()
	require.NoError(t, err)
	c, err := valuestream.Compare(referral, ideal)
	require.NoError(t, err)
	for _, g := range []struct {
		file string
		v    any
	}{
		{"testdata/map.golden.json", referral},
		{"testdata/summary.golden.json", s},
		{"testdata/compare.golden.json", c},
	} {
		got, err := json.MarshalIndent(g.v, "", "  ")
		require.NoError(t, err)
		got = append(got, '\n')
		if *update {
			require.NoError(t, os.WriteFile(g.file, got, 0o644))
		}
		want, err := os.ReadFile(g.file)
		require.NoError(t, err, "run with -update to create it")
		assert.Equal(t, string(want), string(got), g.file)
	}
	// The map's golden file decodes back to the same map.
	b, err := os.ReadFile("testdata/map.golden.json")
	require.NoError(t, err)
	m, fs := valuestream.Decode(b)
	require.Nil(t, fs)
	assert.Equal(t, referral, m)
}
