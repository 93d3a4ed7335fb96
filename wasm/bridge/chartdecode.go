package bridge

import (
	"encoding/json"
	"strconv"

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

// once reports whether *seen was false, and sets it.
func once(seen *bool) bool {
	first := !*seen
	*seen = true
	return first
}

// fastDecoder reads JSON from in at pos.
type fastDecoder struct {
	in   []byte
	pos  int
	slab []float64 // backing store of the values that pointers point to
}

func (d *fastDecoder) space() {
	for d.pos < len(d.in) {
		switch d.in[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *fastDecoder) peek() byte {
	d.space()
	if d.pos < len(d.in) {
		return d.in[d.pos]
	}
	return 0
}

func (d *fastDecoder) byte(c byte) bool {
	if d.peek() != c {
		return false
	}
	d.pos++
	return true
}

// object reads an object, calling member for each key with d just before
// the key's value; member reads the value.
func (d *fastDecoder) object(member func(key []byte) bool) bool {
	if !d.byte('{') {
		return false
	}
	if d.byte('}') {
		return true
	}
	for {
		key, ok := d.str()
		if !ok || !d.byte(':') || !member(key) {
			return false
		}
		if d.byte('}') {
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

// str reads a string of printable ASCII without escapes, returning its
// bytes in in.
func (d *fastDecoder) str() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.pos
	for d.pos < len(d.in) {
		c := d.in[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.in[start : d.pos-1], true
		case c == '\\' || c < 0x20 || c >= 0x7f:
			return nil, false
		}
		d.pos++
	}
	return nil, false
}

func (d *fastDecoder) literal(s string) bool {
	d.space()
	if len(d.in)-d.pos < len(s) || string(d.in[d.pos:d.pos+len(s)]) != s {
		return false
	}
	d.pos += len(s)
	return true
}

// number reads a JSON number (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?) that
// a float64 holds; encoding/json refuses the ones out of its range.
func (d *fastDecoder) number() (float64, bool) {
	d.space()
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.in) && d.in[d.pos] >= '0' && d.in[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.pos < len(d.in) && d.in[d.pos] == '-' {
		d.pos++
	}
	if d.pos < len(d.in) && d.in[d.pos] == '0' {
		d.pos++
	} else if digits() == 0 {
		return 0, false
	}
	if d.pos < len(d.in) && d.in[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return 0, false
		}
	}
	if d.pos < len(d.in) && (d.in[d.pos] == 'e' || d.in[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.in) && (d.in[d.pos] == '+' || d.in[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(d.in[start:d.pos]), 64)
	return f, err == nil
}

// numberPtr reads a number or null into *p; the numbers share slabs of 64
// rather than one allocation each.
func (d *fastDecoder) numberPtr(p **float64) bool {
	if d.peek() == 'n' {
		*p = nil
		return d.literal("null")
	}
	f, ok := d.number()
	if !ok {
		return false
	}
	if len(d.slab) == cap(d.slab) {
		d.slab = make([]float64, 0, 64)
	}
	d.slab = append(d.slab, f)
	*p = &d.slab[len(d.slab)-1]
	return true
}

// raw reads any value and decodes it into v with encoding/json.
func (d *fastDecoder) raw(v any) bool {
	d.space()
	start := d.pos
	if !d.skip() {
		return false
	}
	return json.Unmarshal(d.in[start:d.pos], v) == nil
}

// skip passes over one value, up to the delimiter or white space after it,
// checking only enough to find its end: json.Unmarshal of the value, which
// must then be exactly one value, checks the rest.
func (d *fastDecoder) skip() bool {
	depth := 0
	for ; d.pos < len(d.in); d.pos++ {
		switch d.in[d.pos] {
		case '"':
			for d.pos++; d.pos < len(d.in) && d.in[d.pos] != '"'; d.pos++ {
				if d.in[d.pos] == '\\' {
					d.pos++
				}
			}
			if d.pos >= len(d.in) {
				return false
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return true
			}
			depth--
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return true
			}
		}
	}
	return depth == 0
}

func (d *fastDecoder) series(s *metrics.Series) bool {
	var seen [4]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "measureId":
			return once(&seen[0]) && d.text(&s.MeasureID)
		case "frequency":
			f, ok := d.str()
			s.Frequency = metrics.Frequency(f)
			return once(&seen[1]) && ok
		case "observations":
			return once(&seen[2]) && d.observations(&s.Observations)
		case "annotations":
			return once(&seen[3]) && d.raw(&s.Annotations)
		}
		return false
	})
}

func (d *fastDecoder) text(s *string) bool {
	v, ok := d.str()
	*s = string(v)
	return ok
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
