package aggregate_test

import (
	"fmt"

	"github.com/sujuva/sujuva/export/aggregate"
)

func ExampleTable_Publish() {
	members := aggregate.Table{
		Title: "Members by role",
		Rows:  []string{"Team A", "Team B"},
		Cols:  []string{"client", "professional", "supervisor"},
		Cells: [][]int{{1, 6, 1}, {1, 5, 0}},
	}
	p, err := members.Publish(aggregate.DefaultThreshold)
	if err != nil {
		fmt.Println(err)
		return
	}
	show := func(v *int) string {
		if v == nil {
			return "·"
		}
		return fmt.Sprint(*v)
	}
	for i, row := range p.Cells {
		fmt.Print(p.Rows[i], ":")
		for _, v := range row {
			fmt.Print(" ", show(v))
		}
		fmt.Println(" |", show(p.RowTotals[i]))
	}
	fmt.Print("total:")
	for _, v := range p.ColTotals {
		fmt.Print(" ", show(v))
	}
	fmt.Println(" |", show(p.Total))

	_, err = aggregate.Table{Rows: []string{"a"}, Cols: []string{"x"}, Cells: [][]int{{-1}}}.Publish(5)
	fmt.Println(err)
	// Output:
	// Team A: · · · | 8
	// Team B: · · 0 | 6
	// total: · 11 · | 14
	// aggregate: negative count: -1 in row 0, column 0
}
