package bridge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sujuva/sujuva/wasm/bridge"
)

// pageChartInput is what the worksheet page sends "metrics.chart" after an
// edit of a measure: the pasted observations of n weeks and a run chart.
func pageChartInput(n int) []byte {
	obs := make([]map[string]any, n)
	for i := range obs {
		obs[i] = map[string]any{"period": time.Date(2022, time.January, 3+7*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), "value": 40 + (i*7)%13}
	}
	in, err := json.Marshal(map[string]any{"series": map[string]any{"observations": obs}, "options": map[string]any{"type": "run"}})
	if err != nil {
		panic(err)
	}
	return in
}

// BenchmarkChart is the bridge call the worksheet makes to redraw a run
// chart after an edit, at 10, 200 (the browser budget's chart) and 1000
// points. Run it natively and under js/wasm, where the page runs it:
//
//	go test -run x -bench Chart -benchmem ./wasm/bridge
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run x -bench Chart -benchmem ./wasm/bridge
func BenchmarkChart(b *testing.B) {
	br := bridge.New()
	for _, n := range []int{10, 200, 1000} {
		in := pageChartInput(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := br.Do(context.Background(), "metrics.chart", in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
