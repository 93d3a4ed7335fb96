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

// BenchmarkShards measures one shard of two (AnalyzePart and its binary
// form) and the merge of two (decoding both and Merge): with a core each,
// the shards run at once, and the merge after them.
func BenchmarkShards(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		data := genLog(n, 1)
		var encoded [2][]byte
		for k := range encoded {
			p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), eventlog.Options{}, k, 2)
			if err != nil {
				b.Fatal(err)
			}
			encoded[k], _ = p.MarshalBinary()
		}
		b.Run(fmt.Sprintf("part-of-2/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), eventlog.Options{}, 0, 2)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = p.MarshalBinary()
			}
		})
		b.Run(fmt.Sprintf("merge-of-2/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.ReportMetric(float64(len(encoded[0])+len(encoded[1])), "part-bytes")
			for b.Loop() {
				var parts [2]eventlog.Part
				for k := range parts {
					if err := parts[k].UnmarshalBinary(encoded[k]); err != nil {
						b.Fatal(err)
					}
				}
				if _, err := eventlog.Merge(eventlog.Options{}, &parts[0], &parts[1]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
