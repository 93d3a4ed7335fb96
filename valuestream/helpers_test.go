package valuestream_test

import (
	"math/rand/v2"
	"strconv"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

func modelErrUnknownEnum() error { return model.ErrUnknownEnum }

// generated returns a valid map of n steps from a seeded generator: waits
// up to 30 days, process times up to 8 hours, 40 units visited in turn,
// every third step with a %C&A and every fifth a handoff.
func generated(n int) valuestream.Map {
	r := rand.New(rand.NewPCG(uint64(n), 42))
	m := valuestream.Map{Name: "generated", Kind: valuestream.KindCurrent, Steps: make([]valuestream.Step, n)}
	for i := range m.Steps {
		s := valuestream.Step{
			ID:      "s" + strconv.Itoa(i),
			Name:    "Step " + strconv.Itoa(i),
			Unit:    "unit-" + strconv.Itoa(i%40),
			Wait:    valuestream.Minutes(float64(r.IntN(30 * 24 * 60))),
			Process: valuestream.Minutes(float64(1 + r.IntN(8*60))),
			Handoff: i%5 == 4,
		}
		if i%3 == 0 {
			s.CompleteAccurate = valuestream.Percent(float64(50 + r.IntN(51)))
		}
		m.Steps[i] = s
	}
	return m
}
