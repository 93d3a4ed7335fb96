package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const log = "case_id,activity,timestamp\nA,in,2024-03-01T09:00:00+02:00\nA,out,2024-03-03T09:00:00+02:00\nB,in,2024-03-02 10:00\n"

func TestRun(t *testing.T) {
	file := filepath.Join(t.TempDir(), "log.csv")
	require.NoError(t, os.WriteFile(file, []byte(log), 0o600))
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "tsv", file}, &out, &errOut), errOut.String())
	assert.Equal(t, "events\t3\ncases\t2\nlead_time_h\t24.000000\t43.200000\nwait_h\t1\t48.000000\t48.000000\ntrans\tin\tout\t1\t48.000000\t48.000000\n", out.String())
	out.Reset()
	require.Equal(t, 0, run([]string{"-start", "in", "-end", "out", file}, &out, &errOut))
	assert.Contains(t, out.String(), "3 events in 2 cases")
	assert.Contains(t, out.String(), "From in to out: 1 cases, median 2.0 d")
	assert.Equal(t, 1, run([]string{filepath.Join(t.TempDir(), "missing.csv")}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-format", "xml", file}, &out, &errOut))
}
