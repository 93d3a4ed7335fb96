package valuestream_test

import (
	"strconv"
	"testing"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

// BenchmarkSummary measures Map.Summary (validation included) on generated
// maps of 10 and 1000 steps.
func BenchmarkSummary(b *testing.B) {
	for _, n := range []int{10, 1000} {
		m := generated(n)
		b.Run("steps="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Summary(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "steps/s")
		})
	}
}

// BenchmarkCompare measures Compare of a generated map with a copy whose
// every other step is changed.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{10, 1000} {
		before := generated(n)
		after := generated(n)
		after.Steps = append([]valuestream.Step(nil), after.Steps...)
		for i := 0; i < n; i += 2 {
			after.Steps[i].Wait = valuestream.Hours(1)
		}
		b.Run("steps="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := valuestream.Compare(before, after); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWorkingDaysBetween counts Finnish working days over one and
// over a hundred years.
func BenchmarkWorkingDaysBetween(b *testing.B) {
	fi := valuestream.Finnish()
	from := model.NewDate(2000, 1, 1)
	for _, years := range []int{1, 100} {
		to := from.AddMonths(12 * years)
		b.Run("years="+strconv.Itoa(years), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := fi.WorkingDaysBetween(from, to); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
