package eventlog

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Names that share a cache slot (same length and end bytes) and the empty
// name must each keep their own id, however the look-ups interleave.
func TestActivityCache(t *testing.T) {
	names := []string{"", "x"}
	for i := range 40 {
		names = append(names, fmt.Sprintf("a%02dz", i), fmt.Sprintf("Vaihe %d", i))
	}
	table := &activityTable{ids: map[string]uint16{}}
	var c activityCache
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10_000 {
		name := names[rng.IntN(len(names))]
		id, ok := c.lookup([]byte(name), table)
		if !ok {
			t.Fatal("the table is not full")
		}
		if got := table.names[id]; got != name {
			t.Fatalf("lookup(%q) = %d, the id of %q", name, id, got)
		}
	}
	if len(table.names) != len(names) {
		t.Errorf("%d names interned, want %d", len(table.names), len(names))
	}
}
