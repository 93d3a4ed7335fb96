package bridge

import (
	"errors"
	"strconv"
	"strings"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// ChartInput is the input of "metrics.chart": a series and the chart's
// options (the zero options give a run chart with Anhøj's rules).
type ChartInput struct {
	Series  metrics.Series  `json:"series"`
	Options metrics.Options `json:"options"`
	// Style, when set, asks for the chart drawn as SVG (export.ChartSVG).
	Style *ChartStyle `json:"style,omitempty"`
}

// ChartStyle is how "metrics.chart" draws its SVG: the title, the y axis's
// unit, the language of its labels and description, and the prefix of its
// <title>/<desc> ids, which must be unique in the page.
type ChartStyle struct {
	Title    string         `json:"title"`
	Unit     string         `json:"unit,omitempty"`
	Language model.Language `json:"language,omitempty"`
	IDPrefix string         `json:"idPrefix,omitempty"`
}

// ChartResult is the answer of "metrics.chart": the chart, and per part
// whether the runs analysis signals a non-random pattern and by which rules,
// and the chart as SVG when a style was given.
type ChartResult struct {
	Chart   metrics.Chart  `json:"chart"`
	Signals []metrics.Rule `json:"signals"` // distinct rules that flag any point, in the order first met
	SVG     string         `json:"svg,omitempty"`
}

// OpChartSVG is the operation that answers the chart of "metrics.chart" as
// SVG (image/svg+xml) instead of JSON; its input is the same [ChartInput],
// and without a style the chart is drawn untitled, in Finnish.
const OpChartSVG = "metrics.chart.svg"

// chartOf decodes a [ChartInput] and computes its chart.
func chartOf(in []byte) (ChartInput, metrics.Chart, error) {
	v, err := chartInput(in)
	if err != nil {
		return v, metrics.Chart{}, err
	}
	c, err := metrics.NewChart(v.Series, v.Options)
	if err != nil {
		var f model.Findings
		if errors.As(err, &f) {
			return v, c, invalid(f.Under("/series"))
		}
		return v, c, err
	}
	return v, c, nil
}

func (b *Bridge) metricsChartSVG(in []byte) (any, error) {
	v, c, err := chartOf(in)
	if err != nil {
		return nil, err
	}
	st := export.ChartStyle{}
	if v.Style != nil {
		st = v.Style.export()
	}
	return rawOutput(export.ChartSVG(c, st)), nil
}

func (st *ChartStyle) export() export.ChartStyle {
	return export.ChartStyle{Title: st.Title, Unit: st.Unit, Language: st.Language, IDPrefix: st.IDPrefix}
}

func (b *Bridge) metricsChart(in []byte) (any, error) {
	v, c, err := chartOf(in)
	if err != nil {
		return nil, err
	}
	signals := []metrics.Rule{}
	for _, p := range c.Points {
		for _, r := range p.Signals {
			if !contains(signals, r) {
				signals = append(signals, r)
			}
		}
	}
	r := ChartResult{Chart: c, Signals: signals}
	if st := v.Style; st != nil {
		r.SVG = export.ChartSVG(c, st.export())
	}
	out, err := appendChartResult(make([]byte, 0, 256+144*len(c.Points)+len(r.SVG)), r)
	if err != nil {
		return nil, &Error{Kind: KindInternal, Message: "cannot encode the result", Err: err}
	}
	return rawOutput(out), nil
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// PasteInput is the input of "metrics.paste": text copied from a
// spreadsheet, one observation a line: a date and a value separated by a tab,
// a semicolon or spaces. Dates are ISO ("2026-01-05") or Finnish
// ("5.1.2026"); values may use a decimal comma. A first line that does not
// parse is taken as a header and skipped.
type PasteInput struct {
	Text string `json:"text"`
}

// PasteResult is the answer of "metrics.paste": the observations read, in
// line order, and a finding per line that could not be read (path
// "/text/<line index>").
type PasteResult struct {
	Observations []metrics.Observation `json:"observations"`
	Findings     model.Findings        `json:"findings"`
}

// CodePasteLine: a pasted line that is not a date and a number (parameter
// "line", 1-based).
const CodePasteLine model.Code = "bridge.pasteLine"

func (b *Bridge) metricsPaste(in []byte) (any, error) {
	var v PasteInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	return Paste(v.Text), nil
}

// Paste reads observations from spreadsheet text as [PasteInput] describes.
func Paste(text string) PasteResult {
	res := PasteResult{Observations: []metrics.Observation{}, Findings: model.Findings{}}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		d, val, ok := pasteLine(line)
		if !ok {
			if i == 0 {
				continue // a header
			}
			res.Findings = append(res.Findings, model.NewError(model.Pointer("text", i), CodePasteLine).With("line", strconv.Itoa(i+1)))
			continue
		}
		res.Observations = append(res.Observations, metrics.Observation{Period: d, Value: &val})
	}
	return res
}

func pasteLine(line string) (model.Date, float64, bool) {
	var fields []string
	switch {
	case strings.Contains(line, "\t"):
		fields = strings.Split(line, "\t")
	case strings.Contains(line, ";"):
		fields = strings.Split(line, ";")
	default:
		fields = strings.Fields(line)
	}
	if len(fields) < 2 {
		return model.Date{}, 0, false
	}
	d, ok := parseDay(strings.TrimSpace(fields[0]))
	if !ok {
		return model.Date{}, 0, false
	}
	s := strings.ReplaceAll(strings.TrimSpace(fields[1]), ",", ".")
	s = strings.ReplaceAll(s, "\u00a0", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e300 || v < -1e300 {
		return model.Date{}, 0, false
	}
	return d, v, true
}

func parseDay(s string) (model.Date, bool) {
	if d, err := model.ParseDate(s); err == nil {
		return d, true
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return model.Date{}, false
	}
	n := make([]int, 3)
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil {
			return model.Date{}, false
		}
		n[i] = x
	}
	d, err := model.ParseDate(pad(n[2], 4) + "-" + pad(n[1], 2) + "-" + pad(n[0], 2))
	return d, err == nil
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
