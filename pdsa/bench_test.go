package pdsa_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sujuva/sujuva/pdsa"
)

// wideDiagram returns a valid diagram of n nodes: one aim, n/20 primary
// drivers, n/4 secondary drivers each feeding two primaries (one when there
// is only one), and change ideas, each with a measure, feeding one
// secondary each.
func wideDiagram(n int) pdsa.DriverDiagram {
	d := pdsa.DriverDiagram{Nodes: []pdsa.Node{{ID: "aim", Kind: pdsa.KindAim, Text: "aim"}}}
	primaries := max(1, n/20)
	secondaries := max(1, n/4)
	changes := max(1, n-1-primaries-secondaries)
	for i := range primaries {
		id := fmt.Sprintf("p%d", i)
		d.Nodes = append(d.Nodes, pdsa.Node{ID: id, Kind: pdsa.KindPrimary, Text: id})
		d.Links = append(d.Links, pdsa.Link{From: id, To: "aim", Strength: pdsa.StrengthStrong})
	}
	for i := range secondaries {
		id := fmt.Sprintf("s%d", i)
		d.Nodes = append(d.Nodes, pdsa.Node{ID: id, Kind: pdsa.KindSecondary, Text: id})
		d.Links = append(d.Links, pdsa.Link{From: id, To: fmt.Sprintf("p%d", i%primaries)})
		if primaries > 1 {
			d.Links = append(d.Links, pdsa.Link{From: id, To: fmt.Sprintf("p%d", (i+1)%primaries)})
		}
	}
	for i := range changes {
		id := fmt.Sprintf("c%d", i)
		d.Nodes = append(d.Nodes, pdsa.Node{ID: id, Kind: pdsa.KindChange, Text: id, Measures: []string{"m"}})
		d.Links = append(d.Links, pdsa.Link{From: id, To: fmt.Sprintf("s%d", i%secondaries)})
	}
	return d
}

func BenchmarkDriverDiagramValidate(b *testing.B) {
	for _, n := range []int{10, 1_000, 100_000} {
		d := wideDiagram(n)
		if fs := d.Validate(); len(fs) > 0 {
			b.Fatal(fs)
		}
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = d.Validate()
			}
		})
	}
}

// BenchmarkCycleLifecycle runs one cycle from draft to closed: five checked
// moves.
func BenchmarkCycleLifecycle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := complete()
		for i, p := range pdsa.Phases()[1:] {
			if err := c.Move(p, t0.Add(time.Duration(i+1)*time.Hour)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDecodeRamp(b *testing.B) {
	r := pdsa.Ramp{ID: "r", ChangeIdea: "callback"}
	for i := range 10 {
		c := complete()
		c.Number = i + 1
		for j, p := range pdsa.Phases()[1:] {
			if err := c.Move(p, t0.Add(time.Duration(10*i+j+1)*time.Hour)); err != nil {
				b.Fatal(err)
			}
		}
		r.Cycles = append(r.Cycles, c)
	}
	data, err := json.Marshal(r)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, fs := pdsa.Decode[pdsa.Ramp](data); fs.HasErrors() {
			b.Fatal(fs)
		}
	}
}
