package aggregate

import (
	"cmp"
	"fmt"
	"slices"
)

// DefaultThreshold is the smallest count published by default: counts 1–4
// are hidden, as in THL's and Statistics Finland's usual practice for small
// groups of people.
const DefaultThreshold = 5

// Table is a two-way table of counts: Cells[i][j] is the count of row Rows[i]
// and column Cols[j]. A one-way table has a single column. The zero value is
// an empty table.
type Table struct {
	Title string   `json:"title"`
	Rows  []string `json:"rows"`
	Cols  []string `json:"cols"`
	Cells [][]int  `json:"cells"`
}

// Published is a table as the organiser may see it: every count, row total,
// column total and the grand total, with nil for a hidden value. Which cells
// were hidden for being small and which to protect others is not told: that
// would tell the small ones apart.
type Published struct {
	Title     string   `json:"title"`
	Rows      []string `json:"rows"`
	Cols      []string `json:"cols"`
	Cells     [][]*int `json:"cells"`
	RowTotals []*int   `json:"rowTotals"`
	ColTotals []*int   `json:"colTotals"`
	Total     *int     `json:"total"`
	Threshold int      `json:"threshold"`
}

// Hidden returns the number of hidden values, totals included.
func (p Published) Hidden() int {
	n := 0
	count := func(v *int) {
		if v == nil {
			n++
		}
	}
	for _, row := range p.Cells {
		for _, v := range row {
			count(v)
		}
	}
	for _, v := range p.RowTotals {
		count(v)
	}
	for _, v := range p.ColTotals {
		count(v)
	}
	count(p.Total)
	return n
}

// Publish hides the small counts of t and enough others that none of them
// can be recovered, by the method in the package documentation. Counts below
// threshold and above zero are small; threshold 1 hides nothing.
//
// It returns [ErrThreshold] for a threshold below 1, [ErrShape] when the
// cells do not match the labels and [ErrNegative] for a negative count.
func (t Table) Publish(threshold int) (Published, error) {
	if threshold < 1 {
		return Published{}, ErrThreshold
	}
	if len(t.Cells) != len(t.Rows) {
		return Published{}, fmt.Errorf("%w: %d rows of cells for %d labels", ErrShape, len(t.Cells), len(t.Rows))
	}
	for i, row := range t.Cells {
		if len(row) != len(t.Cols) {
			return Published{}, fmt.Errorf("%w: row %d has %d cells for %d columns", ErrShape, i, len(row), len(t.Cols))
		}
		for j, v := range row {
			if v < 0 {
				return Published{}, fmt.Errorf("%w: %d in row %d, column %d", ErrNegative, v, i, j)
			}
		}
	}
	g := extend(t.Cells, len(t.Rows), len(t.Cols))
	g.suppress(threshold)
	return g.publish(t, threshold), nil
}

// grid is the table extended by its totals: row R is the column totals,
// column C the row totals, (R, C) the grand total.
type grid struct {
	r, c   int // size of the extended grid: rows+1, cols+1
	value  [][]int
	hidden [][]bool
}

func extend(cells [][]int, rows, cols int) *grid {
	g := &grid{r: rows + 1, c: cols + 1}
	g.value = make([][]int, g.r)
	g.hidden = make([][]bool, g.r)
	for i := range g.r {
		g.value[i] = make([]int, g.c)
		g.hidden[i] = make([]bool, g.c)
	}
	for i := range rows {
		for j := range cols {
			v := cells[i][j]
			g.value[i][j] = v
			g.value[i][cols] += v
			g.value[rows][j] += v
			g.value[rows][cols] += v
		}
	}
	return g
}

type cell struct{ i, j int }

func (g *grid) suppress(threshold int) {
	for i := range g.r {
		for j := range g.c {
			if v := g.value[i][j]; v > 0 && v < threshold {
				g.hidden[i][j] = true
			}
		}
	}
	for {
		if c, ok := g.loneLine(); ok {
			g.hidden[c.i][c.j] = true
			continue
		}
		if c, ok := g.bridgeComplement(); ok {
			g.hidden[c.i][c.j] = true
			continue
		}
		return
	}
}

// loneLine finds a row or column with exactly one hidden cell and returns
// the complement to hide in it.
func (g *grid) loneLine() (cell, bool) {
	for _, line := range g.lines() {
		n := 0
		for _, c := range line {
			if g.hidden[c.i][c.j] {
				n++
			}
		}
		if n == 1 {
			return g.cheapest(line)
		}
	}
	return cell{}, false
}

// lines returns every row, then every column, of the grid as cells.
func (g *grid) lines() [][]cell {
	var out [][]cell
	for i := range g.r {
		line := make([]cell, g.c)
		for j := range g.c {
			line[j] = cell{i, j}
		}
		out = append(out, line)
	}
	for j := range g.c {
		line := make([]cell, g.r)
		for i := range g.r {
			line[i] = cell{i, j}
		}
		out = append(out, line)
	}
	return out
}

// cheapest returns the visible candidate that loses least to hide: the
// smallest non-zero count, inner cells before totals, then the first in
// row-major order; a zero only when there is nothing else.
func (g *grid) cheapest(candidates []cell) (cell, bool) {
	var visible []cell
	for _, c := range candidates {
		if !g.hidden[c.i][c.j] {
			visible = append(visible, c)
		}
	}
	if len(visible) == 0 {
		return cell{}, false
	}
	return slices.MinFunc(visible, func(a, b cell) int {
		va, vb := g.value[a.i][a.j], g.value[b.i][b.j]
		return cmp.Or(
			cmp.Compare(boolInt(va == 0), boolInt(vb == 0)),
			cmp.Compare(va, vb),
			cmp.Compare(boolInt(g.isTotal(a)), boolInt(g.isTotal(b))),
			cmp.Compare(a.i, b.i),
			cmp.Compare(a.j, b.j),
		)
	}), true
}

func (g *grid) isTotal(c cell) bool { return c.i == g.r-1 || c.j == g.c-1 }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bridgeComplement finds the first hidden cell, in row-major order, that is a
// bridge of the graph of hidden cells, and returns a visible cell that closes
// a cycle through it: one joining a row on the bridge's column side to a
// column on its row side.
func (g *grid) bridgeComplement() (cell, bool) {
	for i := range g.r {
		for j := range g.c {
			if !g.hidden[i][j] {
				continue
			}
			g.hidden[i][j] = false
			rowSide := g.reach(i)
			g.hidden[i][j] = true
			if rowSide[g.r+j] {
				continue // j is reachable without the edge: not a bridge
			}
			var candidates []cell
			colSide := g.componentOfCol(j, i)
			for r := range g.r {
				if !colSide[r] {
					continue
				}
				for c := range g.c {
					if rowSide[g.r+c] {
						candidates = append(candidates, cell{r, c})
					}
				}
			}
			if c, ok := g.cheapest(candidates); ok {
				return c, true
			}
		}
	}
	return cell{}, false
}

// componentOfCol returns the nodes reachable from column j without the edge
// (bridgeRow, j).
func (g *grid) componentOfCol(j, bridgeRow int) []bool {
	g.hidden[bridgeRow][j] = false
	defer func() { g.hidden[bridgeRow][j] = true }()
	return g.reach(g.r + j)
}

// reach returns the nodes reachable from node start through hidden cells:
// index k < g.r is row k, g.r+j is column j.
func (g *grid) reach(start int) []bool {
	seen := make([]bool, g.r+g.c)
	seen[start] = true
	stack := []int{start}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n < g.r {
			for j := range g.c {
				if g.hidden[n][j] && !seen[g.r+j] {
					seen[g.r+j] = true
					stack = append(stack, g.r+j)
				}
			}
			continue
		}
		j := n - g.r
		for i := range g.r {
			if g.hidden[i][j] && !seen[i] {
				seen[i] = true
				stack = append(stack, i)
			}
		}
	}
	return seen
}

func (g *grid) publish(t Table, threshold int) Published {
	rows, cols := g.r-1, g.c-1
	show := func(i, j int) *int {
		if g.hidden[i][j] {
			return nil
		}
		v := g.value[i][j]
		return &v
	}
	p := Published{
		Title:     t.Title,
		Rows:      slices.Clone(t.Rows),
		Cols:      slices.Clone(t.Cols),
		Cells:     make([][]*int, rows),
		RowTotals: make([]*int, rows),
		ColTotals: make([]*int, cols),
		Total:     show(rows, cols),
		Threshold: threshold,
	}
	for i := range rows {
		p.Cells[i] = make([]*int, cols)
		for j := range cols {
			p.Cells[i][j] = show(i, j)
		}
		p.RowTotals[i] = show(i, cols)
	}
	for j := range cols {
		p.ColTotals[j] = show(rows, j)
	}
	return p
}
