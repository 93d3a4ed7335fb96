package bridge

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// weeks is a series' observations of n weeks, as the page sends them.
func weeks(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"period":"%s","value":%d}`, time.Date(2022, time.January, 3+7*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), 40+(i*7)%13)
	}
	return "[" + b.String() + "]"
}

// chartInputs are inputs of "metrics.chart": fast marks those the fast path
// must take (the page's), the others it may leave to encoding/json.
var chartInputs = []fastCase{
	{"page, 200 weeks", `{"series":{"observations":` + weeks(200) + `},"options":{"type":"run"}}`, true},
	{"page, empty", `{"series":{"observations":[]},"options":{"type":"run"}}`, true},
	{"every field", ` { "series" : { "measureId" : "m1" , "frequency" : "weekly" , "observations" : [ { "period" : "2026-01-05" , "value" : -0 , "numerator" : 1.5e3 , "denominator" : 2E+1 , "values" : [ 1 , 2.25 ] , "note" : "x y" } , { "period" : "" , "value" : null } ] , "annotations" : [ { "date" : "2026-01-05" , "text" : "PDSA 1 \u00e4" } ] } , "options" : { "type" : "p" , "baselineEnd" : "2026-03-23" , "exclude" : [ "2026-01-12" ] , "centreLine" : 0.5 } , "style" : { "title" : "T\"itle", "language" : "sv" } }` + "\n", true},
	{"numbers", `{"series":{"observations":[{"period":"2026-01-05","value":0.1},{"period":"2026-01-12","value":1e308},{"period":"2026-01-19","value":-12.50e-3},{"period":"2026-01-26","value":123456789012345678901234567890}]}}`, true},
	{"style null", `{"series":{"observations":[]},"style":null,"options":null}`, true},
	{"observations null", `{"series":{"observations":null}}`, true},
	{"out of range", `{"series":{"observations":[{"period":"2026-01-05","value":1e400}]}}`, false},
	{"leading zero", `{"series":{"observations":[{"period":"2026-01-05","value":01}]}}`, false},
	{"plus sign", `{"series":{"observations":[{"period":"2026-01-05","value":+1}]}}`, false},
	{"bare point", `{"series":{"observations":[{"period":"2026-01-05","value":1.}]}}`, false},
	{"NaN", `{"series":{"observations":[{"period":"2026-01-05","value":NaN}]}}`, false},
	{"hex", `{"series":{"observations":[{"period":"2026-01-05","value":0x10}]}}`, false},
	{"string value", `{"series":{"observations":[{"period":"2026-01-05","value":"1"}]}}`, false},
	{"bad date", `{"series":{"observations":[{"period":"2026-02-30","value":1}]}}`, false},
	{"other case", `{"series":{"observations":[{"Period":"2026-01-05","VALUE":1}]}}`, false},
	{"unknown key", `{"series":{"observations":[{"period":"2026-01-05","value":1,"extra":[1,{"a":"]"}]}]},"more":1}`, false},
	{"key twice", `{"series":{"observations":[{"period":"2026-01-05","value":1,"value":2}]}}`, false},
	{"series twice", `{"series":{"observations":[]},"series":{"observations":[{"period":"2026-01-05","value":1}]}}`, false},
	{"escaped note", `{"series":{"observations":[{"period":"2026-01-05","value":1,"note":"a\nb"}]}}`, false},
	{"non-ASCII note", `{"series":{"observations":[{"period":"2026-01-05","value":1,"note":"Päivä ✓ 𝄞"}]}}`, true},
	{"invalid UTF-8 note", "{\"series\":{\"observations\":[{\"period\":\"2026-01-05\",\"value\":1,\"note\":\"P\xe4iv\xe4\"}]}}", false},
	{"DEL in a note", "{\"series\":{\"observations\":[{\"period\":\"2026-01-05\",\"value\":1,\"note\":\"a\x7fb\"}]}}", false},
	{"trailing garbage", `{"series":{"observations":[]}}x`, false},
	{"two values", `{"series":{"observations":[]}} {}`, false},
	{"truncated", `{"series":{"observations":[{"period":"2026-01-05","value":1`, false},
	{"trailing comma", `{"series":{"observations":[{"period":"2026-01-05","value":1},]}}`, false},
	{"bad options", `{"series":{"observations":[]},"options":{"type":"run"}}}`, false},
	{"options string", `{"series":{"observations":[]},"options":"run"}`, false},
	{"null", `null`, false},
	{"array", `[]`, false},
	{"empty", ``, false},
}

// TestDecodeChartInputMatchesJSON: whatever the fast path decodes, it
// decodes as encoding/json does; and it takes the page's input.
func TestDecodeChartInputMatchesJSON(t *testing.T) {
	ins := chartInputs
	var ws struct {
		Measures []struct {
			Series  json.RawMessage `json:"series"`
			Options json.RawMessage `json:"chartOptions"`
		} `json:"measures"`
	}
	demoWorksheet(t, &ws)
	require.NotEmpty(t, ws.Measures)
	for _, m := range ws.Measures {
		ins = append(ins, fastCase{"demo", `{"series":` + string(m.Series) + `,"options":` + string(m.Options) + `}`, true})
	}
	requireLikeJSON(t, ins, decodeChartInput)
}

// FuzzDecodeChartInput: the fast path decodes nothing encoding/json
// refuses, and nothing differently.
func FuzzDecodeChartInput(f *testing.F) {
	fuzzLikeJSON(f, chartInputs, decodeChartInput)
}
