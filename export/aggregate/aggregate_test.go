package aggregate_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export/aggregate"
)

// tables holds hand-made tables of the kinds the organiser's report has.
var tables = []aggregate.Table{
	{
		Title: "Members by role and county",
		Rows:  []string{"Pirkanmaa", "Lappi", "Kainuu"},
		Cols:  []string{"client", "professional", "owner", "supervisor"},
		Cells: [][]int{{2, 11, 1, 2}, {1, 9, 1, 1}, {2, 14, 2, 0}},
	},
	{
		Title: "Improvements by measure kind",
		Rows:  []string{"outcome", "process", "balancing"},
		Cols:  []string{"improved"},
		Cells: [][]int{{7}, {3}, {12}},
	},
	{
		Title: "One small cell",
		Rows:  []string{"a", "b", "c"},
		Cols:  []string{"x", "y", "z"},
		Cells: [][]int{{20, 30, 40}, {25, 2, 35}, {50, 60, 70}},
	},
	{
		Title: "Zeros are published",
		Rows:  []string{"a", "b"},
		Cols:  []string{"x", "y"},
		Cells: [][]int{{0, 12}, {9, 0}},
	},
	{
		Title: "Everything small",
		Rows:  []string{"a", "b"},
		Cols:  []string{"x", "y"},
		Cells: [][]int{{1, 1}, {1, 1}},
	},
	{
		Title: "Two small cells in one row",
		Rows:  []string{"a", "b", "c"},
		Cols:  []string{"x", "y", "z"},
		Cells: [][]int{{3, 4, 30}, {10, 20, 30}, {11, 21, 31}},
	},
}

func TestPublishHidesSmallAndCannotBeRecovered(t *testing.T) {
	for _, tab := range tables {
		t.Run(tab.Title, func(t *testing.T) {
			p, err := tab.Publish(aggregate.DefaultThreshold)
			require.NoError(t, err)
			assertProtected(t, tab, p)
		})
	}
}

// TestPublishRandomTables is the property test: for seeded random tables,
// every small count is hidden and no hidden value can be recovered.
func TestPublishRandomTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		rows, cols := 1+rng.IntN(3), 1+rng.IntN(3)
		tab := aggregate.Table{Title: fmt.Sprintf("random %d", n)}
		for i := range rows {
			tab.Rows = append(tab.Rows, fmt.Sprint("r", i))
			row := make([]int, cols)
			for j := range row {
				row[j] = rng.IntN(9)
			}
			tab.Cells = append(tab.Cells, row)
		}
		for j := range cols {
			tab.Cols = append(tab.Cols, fmt.Sprint("c", j))
		}
		p, err := tab.Publish(aggregate.DefaultThreshold)
		require.NoError(t, err)
		if !assertProtected(t, tab, p) {
			t.Logf("table %v", tab.Cells)
			return
		}
	}
}

// TestIntruderRecoversPrimaryOnly proves the intruder works: with only the
// small cells hidden, it recovers them from the totals.
func TestIntruderRecoversPrimaryOnly(t *testing.T) {
	tab := tables[2]
	p, err := tab.Publish(1) // hides nothing
	require.NoError(t, err)
	p.Cells[1][1] = nil // hide only the small cell, as a naive publisher would
	recovered := intrude(p, 1000)
	assert.Equal(t, map[[2]int]int{{1, 1}: 2}, recovered)
}

func assertProtected(t *testing.T, tab aggregate.Table, p aggregate.Published) bool {
	t.Helper()
	ok := true
	full := extended(tab)
	for i, row := range full {
		for j, v := range row {
			shown := value(p, i, j)
			if shown == nil {
				continue
			}
			ok = assert.Equal(t, v, *shown, "published value (%d,%d) is the true one", i, j) && ok
			ok = assert.False(t, v > 0 && v < p.Threshold, "small count %d at (%d,%d) is published", v, i, j) && ok
		}
	}
	grand := full[len(full)-1][len(full[0])-1]
	for cell, v := range intrude(p, grand) {
		ok = assert.Fail(t, "recovered", "hidden value %d at %v can be worked out", v, cell) && ok
	}
	return ok
}

// extended returns the table with its totals: last row column totals, last
// column row totals.
func extended(tab aggregate.Table) [][]int {
	r, c := len(tab.Rows), len(tab.Cols)
	out := make([][]int, r+1)
	for i := range out {
		out[i] = make([]int, c+1)
	}
	for i := range r {
		for j := range c {
			v := tab.Cells[i][j]
			out[i][j], out[i][c], out[r][j], out[r][c] = v, out[i][c]+v, out[r][j]+v, out[r][c]+v
		}
	}
	return out
}

func value(p aggregate.Published, i, j int) *int {
	r, c := len(p.Rows), len(p.Cols)
	switch {
	case i == r && j == c:
		return p.Total
	case i == r:
		return p.ColTotals[j]
	case j == c:
		return p.RowTotals[i]
	}
	return p.Cells[i][j]
}

// intrude is the intruder: it knows every published value, that each row and
// column adds up to its total, and that counts are non-negative integers no
// larger than bound. It enumerates every table consistent with that and
// returns the hidden cells that take one value only, with that value. It
// shares no code with the package.
func intrude(p aggregate.Published, bound int) map[[2]int]int {
	r, c := len(p.Rows)+1, len(p.Cols)+1
	known := make([][]int, r)
	unknown := map[[2]int]bool{}
	var vars [][2]int
	for i := range r {
		known[i] = make([]int, c)
		for j := range c {
			if v := value(p, i, j); v != nil {
				known[i][j] = *v
			} else {
				unknown[[2]int{i, j}] = true
				vars = append(vars, [2]int{i, j})
			}
		}
	}
	// Each line: cells 0..n-2 add up to cell n-1.
	var lines [][][2]int
	for i := range r {
		var l [][2]int
		for j := range c {
			l = append(l, [2]int{i, j})
		}
		lines = append(lines, l)
	}
	for j := range c {
		var l [][2]int
		for i := range r {
			l = append(l, [2]int{i, j})
		}
		lines = append(lines, l)
	}
	assigned := map[[2]int]int{}
	get := func(x [2]int) (int, bool) {
		if !unknown[x] {
			return known[x[0]][x[1]], true
		}
		v, ok := assigned[x]
		return v, ok
	}
	// consistent checks every line: complete lines must add up, partial ones
	// must not already exceed a known total.
	consistent := func() bool {
		for _, l := range lines {
			sum, complete := 0, true
			for _, x := range l[:len(l)-1] {
				if v, ok := get(x); ok {
					sum += v
				} else {
					complete = false
				}
			}
			total, ok := get(l[len(l)-1])
			if ok && sum > total {
				return false
			}
			if complete && ok && sum != total {
				return false
			}
		}
		return true
	}
	seen := make(map[[2]int]map[int]bool, len(vars))
	for _, v := range vars {
		seen[v] = map[int]bool{}
	}
	allAmbiguous := func() bool {
		for _, s := range seen {
			if len(s) < 2 {
				return false
			}
		}
		return true
	}
	var search func(k int) bool // returns true to stop
	search = func(k int) bool {
		if k == len(vars) {
			for _, v := range vars {
				seen[v][assigned[v]] = true
			}
			return allAmbiguous()
		}
		x := vars[k]
		for val := 0; val <= bound; val++ {
			assigned[x] = val
			if consistent() && search(k+1) {
				delete(assigned, x)
				return true
			}
		}
		delete(assigned, x)
		return false
	}
	search(0)
	out := map[[2]int]int{}
	for _, v := range vars {
		if len(seen[v]) == 1 {
			for val := range seen[v] {
				out[v] = val
			}
		}
	}
	return out
}

func TestPublishErrors(t *testing.T) {
	_, err := aggregate.Table{Rows: []string{"a"}, Cols: []string{"x"}, Cells: [][]int{{1}}}.Publish(0)
	assert.ErrorIs(t, err, aggregate.ErrThreshold)
	_, err = aggregate.Table{Rows: []string{"a"}, Cols: []string{"x", "y"}, Cells: [][]int{{1}}}.Publish(5)
	assert.ErrorIs(t, err, aggregate.ErrShape)
	_, err = aggregate.Table{Rows: []string{"a", "b"}, Cols: []string{"x"}, Cells: [][]int{{1}}}.Publish(5)
	assert.ErrorIs(t, err, aggregate.ErrShape)
	_, err = aggregate.Table{Rows: []string{"a"}, Cols: []string{"x"}, Cells: [][]int{{-1}}}.Publish(5)
	assert.ErrorIs(t, err, aggregate.ErrNegative)
	p, err := aggregate.Table{}.Publish(5)
	require.NoError(t, err)
	assert.Equal(t, 0, *p.Total)
}

func TestPublishedJSONHidesValues(t *testing.T) {
	p, err := tables[2].Publish(aggregate.DefaultThreshold)
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	// The 2 is hidden; row b's smallest other count (25), column y's (30)
	// and column x's (20) close a 2×2 cycle; totals stay published.
	assert.Contains(t, string(b), `"cells":[[null,null,40],[null,null,35],[50,60,70]],"rowTotals":[90,62,180]`)
	assert.Equal(t, 4, p.Hidden())
}

func TestPublishIsDeterministic(t *testing.T) {
	for _, tab := range tables {
		a, err := tab.Publish(aggregate.DefaultThreshold)
		require.NoError(t, err)
		b, err := tab.Publish(aggregate.DefaultThreshold)
		require.NoError(t, err)
		assert.Equal(t, a, b)
	}
}
