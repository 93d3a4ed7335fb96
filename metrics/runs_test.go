package metrics_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sujuva/sujuva/metrics"
)

// runsTable is the table of ../shared/reference/spc.md §8, computed there
// from the exact runs distribution (Swed–Eisenhart) with 2.5% in each tail.
var runsTable = []struct{ n, lower, upper int }{
	{10, 3, 9}, {12, 4, 10}, {14, 4, 12}, {16, 5, 13}, {18, 6, 14}, {20, 7, 15}, {22, 8, 16},
	{24, 8, 18}, {26, 9, 19}, {28, 10, 20}, {30, 11, 21}, {40, 15, 27}, {50, 19, 33}, {60, 24, 38},
}

func TestRunsBounds(t *testing.T) {
	for _, r := range runsTable {
		lo, hi := metrics.RunsBounds(r.n)
		assert.Equal(t, r.lower, lo, "lower for n %d", r.n)
		assert.Equal(t, r.upper, hi, "upper for n %d", r.n)
	}
	lo, hi := metrics.RunsBounds(1)
	assert.Zero(t, lo+hi)
}

// TestAnhoejTable checks the thresholds against the table of spc.md §3.
func TestAnhoejTable(t *testing.T) {
	for _, r := range []struct{ n, longest, crossings int }{
		{10, 6, 2}, {12, 7, 3}, {15, 7, 4}, {20, 7, 6}, {24, 8, 8}, {30, 8, 10}, {36, 8, 13}, {50, 9, 19}, {100, 10, 41},
	} {
		assert.Equal(t, r.longest, metrics.LongestRunMax(r.n), "n %d", r.n)
		assert.Equal(t, r.crossings, metrics.CrossingsMin(r.n), "n %d", r.n)
	}
}
