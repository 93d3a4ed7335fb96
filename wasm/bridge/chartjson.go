package bridge

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/sujuva/sujuva/metrics"
)

// appendChartResult appends r as encoding/json marshals it, byte for byte,
// writing the points by hand: the points are nearly all of a chart's JSON,
// and encoding them by reflection was a quarter of "metrics.chart" in
// js/wasm (a redraw of the page's chart after every edit). The parts,
// findings, signals, annotations and SVG, few and small, still go through
// encoding/json. It fails as json.Marshal would, on a NaN or an infinity.
func appendChartResult(b []byte, r ChartResult) ([]byte, error) {
	c := r.Chart
	b = append(b, `{"chart":{"type":`...)
	b = appendJSON(b, c.Type)
	b = append(b, `,"rules":`...)
	b = appendJSON(b, c.Rules)
	b = append(b, `,"points":`...)
	if c.Points == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range c.Points {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendPoint(b, &c.Points[i]); !ok {
				return nil, &json.UnsupportedValueError{Str: "NaN or infinity in a chart point"}
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"parts":`...)
	b = appendJSON(b, c.Parts)
	if len(c.Findings) > 0 {
		b = append(b, `,"findings":`...)
		b = appendJSON(b, c.Findings)
	}
	b = append(b, `},"signals":`...)
	b = appendJSON(b, r.Signals)
	if r.SVG != "" {
		b = append(b, `,"svg":`...)
		b = appendJSON(b, r.SVG)
	}
	return append(b, '}'), nil
}

// appendPoint appends p as encoding/json marshals a [metrics.Point]; it
// reports false for a value json.Marshal refuses.
func appendPoint(b []byte, p *metrics.Point) ([]byte, bool) {
	b = append(b, `{"period":"`...)
	b, _ = p.Period.AppendText(b) // digits and '-' only: nothing to escape
	b = append(b, `","part":`...)
	b = strconv.AppendInt(b, int64(p.Part), 10)
	b = append(b, `,"baseline":`...)
	b = strconv.AppendBool(b, p.Baseline)
	b = append(b, `,"included":`...)
	b = strconv.AppendBool(b, p.Included)
	ok := true
	if p.N != nil {
		b = append(b, `,"n":`...)
		b, ok = appendFloat(b, *p.N)
	}
	for _, f := range [...]struct {
		key string
		v   *float64
	}{{`,"y":`, p.Y}, {`,"cl":`, p.CL}, {`,"lcl":`, p.LCL}, {`,"ucl":`, p.UCL}, {`,"lcl2":`, p.LCL2}, {`,"ucl2":`, p.UCL2}} {
		b = append(b, f.key...)
		if f.v == nil {
			b = append(b, "null"...)
			continue
		}
		var fine bool
		b, fine = appendFloat(b, *f.v)
		ok = ok && fine
	}
	if len(p.Signals) > 0 {
		b = append(b, `,"signals":`...)
		b = appendJSON(b, p.Signals)
	}
	if len(p.Annotations) > 0 {
		b = append(b, `,"annotations":`...)
		b = appendJSON(b, p.Annotations)
	}
	return append(b, '}'), ok
}

// appendFloat appends f as encoding/json writes a float64: the shortest
// decimal that reads back as f, in exponent form below 1e-6 and from 1e21
// on, with the exponent's leading zero dropped ("1e-07" becomes "1e-7").
// It reports false for NaN and the infinities, which JSON cannot carry.
func appendFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSON appends v as json.Marshal writes it. The values given are the
// chart's small parts, all of types json.Marshal encodes without error.
func appendJSON(b []byte, v any) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		panic("bridge: " + err.Error()) // a programmer error: these types always encode
	}
	return append(b, out...)
}
