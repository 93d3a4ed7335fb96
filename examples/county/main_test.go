package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export/schema"
)

func TestCounty(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-roster", "testdata/roster.csv", "-log", "testdata/events.csv", "-out", out}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "14 events in 4 cases")
	for name, kind := range map[string]schema.Kind{"worksheet.json": schema.Worksheet, "innokyla.json": schema.Innokyla} {
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		assert.Empty(t, schema.Validate(kind, b), name)
	}
	poster, err := os.ReadFile(filepath.Join(out, "poster.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(poster), "yhteydenotto")
	assert.NotContains(t, string(poster), "Aino Virtanen", "the poster names no one")

	// A roster that breaks the rules stops the run with findings.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id;name;role;unit;profession\na;;client;;\n"), 0o600))
	stdout.Reset()
	assert.Equal(t, 1, run([]string{"-roster", bad, "-log", "testdata/events.csv", "-out", out}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "Tiimissä on 1 jäsentä")
	assert.Equal(t, 2, run(nil, &stdout, &stderr))
}
