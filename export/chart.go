package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sujuva/sujuva/export/svg"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// ChartStyle sets how [ChartSVG] draws a chart.
type ChartStyle struct {
	Title    string
	Unit     string         // the y axis label
	Language model.Language // of the labels and the description; Finnish when unset
	Width    float64        // in user units; 180 (mm, half an A3 page) when 0
	Height   float64        // 100 when 0
	IDPrefix string         // for the <title>/<desc> ids; "chart" when empty
}

var ruleNames = map[model.Language]map[metrics.Rule]string{
	model.Finnish: {metrics.RuleSigma: "ohjausrajan ulkopuolella", metrics.RuleLongestRun: "pitkä sarja", metrics.RuleCrossings: "liian vähän ylityksiä",
		metrics.RuleShift: "siirtymä", metrics.RuleTrend: "trendi", metrics.RuleFewRuns: "liian vähän sarjoja", metrics.RuleManyRuns: "liian monta sarjaa"},
	model.Swedish: {metrics.RuleSigma: "utanför styrgränserna", metrics.RuleLongestRun: "lång serie", metrics.RuleCrossings: "för få korsningar",
		metrics.RuleShift: "skift", metrics.RuleTrend: "trend", metrics.RuleFewRuns: "för få serier", metrics.RuleManyRuns: "för många serier"},
	model.English: {metrics.RuleSigma: "outside the limits", metrics.RuleLongestRun: "long run", metrics.RuleCrossings: "too few crossings",
		metrics.RuleShift: "shift", metrics.RuleTrend: "trend", metrics.RuleFewRuns: "too few runs", metrics.RuleManyRuns: "too many runs"},
}

var chartWords = map[model.Language][3]string{ // centre line, limits, signals
	model.Finnish: {"keskiviiva", "ohjausrajat", "signaali"},
	model.Swedish: {"mittlinje", "styrgränser", "signal"},
	model.English: {"centre line", "control limits", "signal"},
}

// ChartSVG draws a run or control chart: the points joined by a line, the
// centre line of each part, the 3-sigma limits where the chart has them, the
// points a rule flags in red with the rule named in their tooltip, the
// annotations (PDSA cycles) as marked dates, the title and the axis labels;
// a <title> and <desc> tell a screen reader what the chart shows. The
// output is deterministic.
func ChartSVG(c metrics.Chart, st ChartStyle) string {
	lang := st.Language.Or(model.Finnish)
	w, h := st.Width, st.Height
	if w == 0 {
		w = 180
	}
	if h == 0 {
		h = 100
	}
	cv := svg.New(w, h)
	if st.IDPrefix == "" {
		st.IDPrefix = "chart"
	}
	cv.SetIDPrefix(st.IDPrefix)
	cv.SetLanguage(string(lang))
	cv.SetTitle(st.Title, chartDescription(c, st, lang))
	left, right, top, bottom := 16.0, 4.0, 12.0, 14.0
	pw, ph := w-left-right, h-top-bottom
	cv.Rect(0, 0, w, h, svg.Attrs("fill", "#ffffff")...)
	cv.TextBox(svg.Box{X: left, Y: 1, W: pw, H: 9}, st.Title, svg.TextStyle{Size: 4.2, MinSize: 3, Bold: true})

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range c.Points {
		for _, v := range []*float64{p.Y, p.CL, p.LCL, p.UCL} {
			if v != nil {
				lo, hi = min(lo, *v), max(hi, *v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.08
	lo, hi = lo-pad, hi+pad
	n := len(c.Points)
	x := func(i int) float64 {
		if n < 2 {
			return left + pw/2
		}
		return left + pw*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return top + ph*(hi-v)/(hi-lo) }

	// Axes, y ticks and labels.
	cv.Group("", svg.Attrs("class", "axes")...)
	cv.Line(left, top, left, top+ph, svg.Attrs("stroke", "#555", "stroke-width", "0.3")...)
	cv.Line(left, top+ph, left+pw, top+ph, svg.Attrs("stroke", "#555", "stroke-width", "0.3")...)
	for k := 0; k <= 4; k++ {
		v := lo + (hi-lo)*float64(k)/4
		cv.Line(left-1, y(v), left, y(v), svg.Attrs("stroke", "#555", "stroke-width", "0.3")...)
		cv.Text(left-1.5, y(v)+1, tick(v), svg.TextStyle{Size: 2.6, Align: "end", Fill: "#333"})
	}
	step := max(1, n/6)
	for i := 0; i < n; i += step {
		cv.Text(x(i), top+ph+4, c.Points[i].Period.String(), svg.TextStyle{Size: 2.4, Align: "middle", Fill: "#333"})
	}
	if st.Unit != "" {
		cv.Text(2, top-2, st.Unit, svg.TextStyle{Size: 2.8, Fill: "#333"})
	}
	cv.End()

	// Centre lines and limits, part by part.
	words := chartWords[lang]
	for _, part := range c.Parts {
		var cl, ucl, lcl []svg.Point
		for i, p := range c.Points {
			if p.Part != part.Part {
				continue
			}
			if p.CL != nil {
				cl = append(cl, svg.Point{X: x(i), Y: y(*p.CL)})
			}
			if p.UCL != nil {
				ucl = append(ucl, svg.Point{X: x(i), Y: y(*p.UCL)})
			}
			if p.LCL != nil {
				lcl = append(lcl, svg.Point{X: x(i), Y: y(*p.LCL)})
			}
		}
		cv.Group(words[0], svg.Attrs("class", "centre-line")...)
		drawLine(cv, cl, "#1b5e20", "")
		cv.End()
		if len(ucl)+len(lcl) > 0 {
			cv.Group(words[1], svg.Attrs("class", "limits")...)
			drawLine(cv, ucl, "#9e9e9e", "1.5,1")
			drawLine(cv, lcl, "#9e9e9e", "1.5,1")
			cv.End()
		}
	}

	// The data line and its points.
	var line []svg.Point
	for i, p := range c.Points {
		if p.Y != nil {
			line = append(line, svg.Point{X: x(i), Y: y(*p.Y)})
		} else {
			drawLine(cv, line, "#0b4f8a", "")
			line = nil
		}
	}
	drawLine(cv, line, "#0b4f8a", "")
	for i, p := range c.Points {
		if p.Y == nil {
			continue
		}
		label := fmt.Sprintf("%s: %s", p.Period, tick(*p.Y))
		fill := "#0b4f8a"
		if len(p.Signals) > 0 {
			var rules []string
			for _, r := range p.Signals {
				rules = append(rules, ruleNames[lang][r])
			}
			label += " – " + words[2] + ": " + strings.Join(rules, ", ")
			fill = "#c62828"
		}
		cv.Group(label)
		cv.Circle(x(i), y(*p.Y), 1, svg.Attrs("fill", fill)...)
		cv.End()
	}

	// Annotations: a marked date and its text.
	for i, p := range c.Points {
		for k, a := range p.Annotations {
			cv.Group(a.Text, svg.Attrs("class", "annotation")...)
			cv.Line(x(i), top, x(i), top+ph, svg.Attrs("stroke", "#6a1b9a", "stroke-width", "0.3", "stroke-dasharray", "0.8,0.8")...)
			cv.TextBox(svg.Box{X: x(i) + 0.8, Y: top + 0.5 + 4*float64(k), W: min(40, left+pw-x(i)-1), H: 4}, a.Text, svg.TextStyle{Size: 2.4, MinSize: 2, Fill: "#6a1b9a"})
			cv.End()
		}
	}
	return cv.String()
}

func drawLine(cv *svg.Canvas, pts []svg.Point, colour, dash string) {
	attrs := svg.Attrs("stroke", colour, "stroke-width", "0.5")
	if dash != "" {
		attrs = append(attrs, svg.Attr{Name: "stroke-dasharray", Value: dash})
	}
	if len(pts) == 1 {
		cv.Circle(pts[0].X, pts[0].Y, 0.4, svg.Attrs("fill", colour)...)
		return
	}
	cv.Polyline(pts, attrs...)
}

func tick(v float64) string {
	switch a := math.Abs(v); {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// chartDescription says in words what the chart shows, for screen readers.
func chartDescription(c metrics.Chart, st ChartStyle, lang model.Language) string {
	flagged := 0
	var rules []string
	for _, p := range c.Points {
		if len(p.Signals) > 0 {
			flagged++
		}
		for _, r := range p.Signals {
			if name := ruleNames[lang][r]; !slices.Contains(rules, name) {
				rules = append(rules, name)
			}
		}
	}
	var s string
	switch lang {
	case model.Swedish:
		s = fmt.Sprintf("%s-diagram med %d punkter i %d delar; %d punkter med signal", c.Type, len(c.Points), len(c.Parts), flagged)
	case model.English:
		s = fmt.Sprintf("A %s chart of %d points in %d parts; %d points flagged", c.Type, len(c.Points), len(c.Parts), flagged)
	default:
		s = fmt.Sprintf("%s-kaavio, %d pistettä, %d jaksoa; signaali %d pisteessä", c.Type, len(c.Points), len(c.Parts), flagged)
	}
	if len(rules) > 0 {
		s += ": " + strings.Join(rules, ", ")
	}
	return s + "."
}
