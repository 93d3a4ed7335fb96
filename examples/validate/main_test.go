package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.json", `{"format":"sujuva.worksheet","version":1,"team":{"name":"T","process":"P","members":[]}}`)
	bad := write("bad.json", `{"format":"sujuva.worksheet","version":1,"team":{"name":"T","members":[]}}`)
	junk := write("junk.json", `{"x":`)
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{good}, &out, &errOut))
	assert.Contains(t, out.String(), "good.json: worksheet valid")
	out.Reset()
	assert.Equal(t, 1, run([]string{"-lang", "fi", good, bad, junk}, &out, &errOut))
	assert.Contains(t, out.String(), "error /team schema.invalid: Ei vastaa skeemaa (required)")
	assert.Contains(t, out.String(), "junk.json:  invalid")
	assert.Equal(t, 2, run([]string{good, filepath.Join(dir, "missing.json")}, &out, &errOut))
	assert.Equal(t, 2, run(nil, &out, &errOut))
	if _, err := os.Stat("../worksheet/demo.json"); err == nil {
		out.Reset()
		assert.Equal(t, 0, run([]string{"../worksheet/demo.json"}, &out, &errOut), out.String())
	}
}
