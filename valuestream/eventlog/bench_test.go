package eventlog_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

// BenchmarkAnalyze measures the engine against the naive reference on
// seeded logs of 1e4, 1e5 and 1e6 events.
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		data := genLog(n, 1)
		b.Run(fmt.Sprintf("engine/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eventlog.Analyze(context.Background(), bytes.NewReader(data), eventlog.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
		b.Run(fmt.Sprintf("naive/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := naive(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
