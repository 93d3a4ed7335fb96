package bridge

import (
	"github.com/sujuva/sujuva/metrics"
)

// decodeChartInput is a fast path for decoding a [ChartInput] as
// encoding/json would, for the input the worksheet page sends after every
// edit: its series' observations are read by hand, and the options and
// style, a few small fields, by encoding/json. Decoding the observations by
// reflection was two thirds of "metrics.chart" in js/wasm.
//
// It reports false for anything outside the plain shape it knows — a key
// it does not spell exactly as the struct tags do, a key twice, a string
// with an escape or a byte outside printable ASCII, a null where a
// string goes, malformed JSON — and the caller then decodes in with
// encoding/json, which also reports the errors: the fast path never does.
func decodeChartInput(in []byte) (ChartInput, bool) {
	var v ChartInput
	d := fastDecoder{in: in}
	var seen [3]bool
	ok := d.object(func(key []byte) bool {
		switch string(key) {
		case "series":
			return once(&seen[0]) && d.series(&v.Series)
		case "options":
			return once(&seen[1]) && d.raw(&v.Options)
		case "style":
			return once(&seen[2]) && d.raw(&v.Style)
		}
		return false
	})
	d.space()
	return v, ok && d.pos == len(in)
}

func (d *fastDecoder) series(s *metrics.Series) bool {
	var seen [4]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "measureId":
			return once(&seen[0]) && d.text(&s.MeasureID)
		case "frequency":
			return once(&seen[1]) && d.text((*string)(&s.Frequency))
		case "observations":
			return once(&seen[2]) && d.observations(&s.Observations)
		case "annotations":
			return once(&seen[3]) && d.raw(&s.Annotations)
		}
		return false
	})
}

func (d *fastDecoder) observations(obs *[]metrics.Observation) bool {
	if d.peek() == 'n' {
		*obs = nil
		return d.literal("null")
	}
	if !d.byte('[') {
		return false
	}
	out := make([]metrics.Observation, 0, len(d.in)/32) // {"period":"2026-01-05","value":40} is 35 bytes
	if d.byte(']') {
		*obs = out
		return true
	}
	for {
		out = append(out, metrics.Observation{}) // read in place: a local would escape through raw
		if !d.observation(&out[len(out)-1]) {
			return false
		}
		if d.byte(']') {
			*obs = out
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

func (d *fastDecoder) observation(o *metrics.Observation) bool {
	var seen [6]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "period":
			b, ok := d.str()
			return once(&seen[0]) && ok && o.Period.UnmarshalText(b) == nil
		case "value":
			return once(&seen[1]) && d.numberPtr(&o.Value)
		case "numerator":
			return once(&seen[2]) && d.numberPtr(&o.Numerator)
		case "denominator":
			return once(&seen[3]) && d.numberPtr(&o.Denominator)
		case "values":
			return once(&seen[4]) && d.raw(&o.Values)
		case "note":
			return once(&seen[5]) && d.text(&o.Note)
		}
		return false
	})
}

// chartInput decodes a [ChartInput], by the fast path when it can.
func chartInput(in []byte) (ChartInput, error) {
	if v, ok := decodeChartInput(in); ok {
		return v, nil
	}
	var v ChartInput
	err := decode(in, &v)
	return v, err
}
