package metrics_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/sujuva/sujuva/metrics"
)

// BenchmarkNewChart measures charts of 10, 1e3 and 1e5 points.
func BenchmarkNewChart(b *testing.B) {
	for _, n := range []int{10, 1_000, 100_000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		values := make([]float64, n)
		for i := range values {
			values[i] = 20 + 5*rng.NormFloat64()
			if i%97 == 13 {
				values[i] = math.NaN()
			}
		}
		s := weekly(values...)
		for _, typ := range []metrics.ChartType{metrics.ChartRun, metrics.ChartI} {
			b.Run(fmt.Sprintf("%s/%d", typ, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := metrics.NewChart(s, metrics.Options{Type: typ}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "points/s")
			})
		}
	}
}
