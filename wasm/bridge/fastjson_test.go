package bridge

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fastCase is an input of a fast path: fast marks those it must take, the
// others it must leave to encoding/json.
type fastCase struct {
	name, in string
	fast     bool
}

// requireLikeJSON runs decode, a fast path, on every case: it takes the
// cases marked fast and no other, and decodes what it takes as
// encoding/json does.
func requireLikeJSON[T any](t *testing.T, cases []fastCase, decode func([]byte) (T, bool)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := decode([]byte(c.in))
			assert.Equal(t, c.fast, ok, "taken by the fast path")
			var want T
			err := json.Unmarshal([]byte(c.in), &want)
			if ok {
				require.NoError(t, err)
				require.Equal(t, want, got)
			}
		})
	}
}

// fuzzLikeJSON fuzzes decode, a fast path, from the cases: it decodes
// nothing encoding/json refuses, and nothing differently.
func fuzzLikeJSON[T any](f *testing.F, cases []fastCase, decode func([]byte) (T, bool)) {
	for _, c := range cases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := decode([]byte(in))
		if !ok {
			return
		}
		var want T
		require.NoError(t, json.Unmarshal([]byte(in), &want), "%q", in)
		require.Equal(t, want, got, "%q", in)
	})
}

// demoWorksheet decodes the demo team's worksheet (examples/worksheet) into
// v: its data are the page's usual input.
func demoWorksheet(t *testing.T, v any) {
	t.Helper()
	demo, err := os.ReadFile("../../examples/worksheet/demo.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(demo, v))
}
