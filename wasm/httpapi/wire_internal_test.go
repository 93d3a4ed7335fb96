package httpapi

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWireHeaderGet: wireHeader's Get answers as http.Header's, for the
// fields the handler reads and any other, names in any case, repeated.
func TestWireHeaderGet(t *testing.T) {
	names := []string{"content-type", "Content-Type", "CONTENT-TYPE", "accept", "Accept", "origin", "ORIGIN", "x-other", "X-Other", "accept-encoding"}
	r := rand.New(rand.NewPCG(28, 29))
	for range 2000 {
		var lines []string
		want := http.Header{}
		for range r.IntN(6) {
			name, value := names[r.IntN(len(names))], []string{"", "a", "application/json", "b: c"}[r.IntN(4)]
			lines = append(lines, name+": "+value)
			want.Add(name, value)
		}
		h := wireHeader{text: strings.Join(lines, "\n")}
		h.scan()
		for _, name := range []string{"Content-Type", "Accept", "Origin", "X-Other", "Accept-Encoding", "Vary"} {
			require.Equal(t, want.Get(name), h.Get(name), "%s in %q", name, lines)
		}
	}
}
