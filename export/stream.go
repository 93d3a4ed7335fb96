package export

import (
	"fmt"

	"github.com/sujuva/sujuva/export/svg"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

// StreamSVG draws value stream maps one above the other — the current state
// and the ideal, say — each as a row of process boxes with Martin &
// Osterling's lead-time ladder beneath: the wait before each step on the
// upper rung, its process time on the lower, and the totals (lead time,
// process time, activity ratio) at the end. Every text fits its box; a <title>
// and <desc> tell a screen reader the totals. Widths are in millimetres
// (270 when 0).
func StreamSVG(maps []valuestream.Map, labels []string, lang model.Language, width float64) string {
	lang = lang.Or(model.Finnish)
	t := texts[lang]
	words := posterWords[lang]
	if width == 0 {
		width = 270
	}
	rowH := 46.0
	cv := svg.New(width, rowH*float64(max(1, len(maps)))+4)
	cv.SetLanguage(string(lang))
	desc := ""
	for i, m := range maps {
		label := ""
		if i < len(labels) {
			label = labels[i]
		}
		s, err := m.Summary()
		if err == nil && s.Steps > 0 {
			desc += fmt.Sprintf("%s: %d, %s %s %s. ", label, s.Steps, words["lead"], t.days(s.LeadTime.Hours()), words["days"])
		}
	}
	cv.SetTitle(words["current"]+" / "+words["ideal"], desc)
	cv.Rect(0, 0, cv.Width(), cv.Height(), svg.Attrs("fill", "#ffffff")...)
	for i, m := range maps {
		y := 2 + rowH*float64(i)
		label := ""
		if i < len(labels) {
			label = labels[i]
		}
		cv.Group(label)
		cv.TextBox(svg.Box{X: 2, Y: y, W: width - 4, H: 6}, label, svg.TextStyle{Size: 4, MinSize: 3, Bold: true, Fill: "#0b4f8a"})
		totalsW := 46.0
		stripW := width - 4 - totalsW
		n := len(m.Steps)
		if n > 0 {
			gap := min(3, stripW/float64(n)/4)
			bw := (stripW - gap*float64(n-1)) / float64(n)
			for k, st := range m.Steps {
				x := 2 + float64(k)*(bw+gap)
				cv.Rect(x, y+8, bw, 14, svg.Attrs("fill", "#e3f2fd", "stroke", "#0b4f8a", "stroke-width", "0.3")...)
				cv.TextBox(svg.Box{X: x + 0.8, Y: y + 9, W: bw - 1.6, H: 12}, st.Name, svg.TextStyle{Size: 3, MinSize: 1.5})
				// The ladder: wait on the upper rung, process time on the lower.
				cv.Line(x, y+27, x+bw, y+27, svg.Attrs("stroke", "#6a1b9a", "stroke-width", "0.5")...)
				cv.Line(x, y+35, x+bw, y+35, svg.Attrs("stroke", "#1b5e20", "stroke-width", "0.5")...)
				cv.Line(x+bw, y+27, x+bw, y+35, svg.Attrs("stroke", "#999", "stroke-width", "0.3")...)
				cv.TextBox(svg.Box{X: x, Y: y + 23, W: bw, H: 4}, t.days(st.Wait.Length.Hours())+" "+words["days"], svg.TextStyle{Size: 2.6, MinSize: 1.4, Fill: "#6a1b9a"})
				cv.TextBox(svg.Box{X: x, Y: y + 36, W: bw, H: 4}, fmt.Sprintf("%s h", t.num(st.Process.Length.Hours())), svg.TextStyle{Size: 2.6, MinSize: 1.4, Fill: "#1b5e20"})
			}
		}
		if s, err := m.Summary(); err == nil && s.Steps > 0 {
			totals := fmt.Sprintf("%s %s %s\nPT %s h\n%s", words["lead"], t.days(s.LeadTime.Hours()), words["days"],
				t.num(s.ProcessTime.Hours()), t.pct(100*s.ActivityRatio))
			cv.TextBox(svg.Box{X: width - totalsW + 1, Y: y + 23, W: totalsW - 3, H: 18}, totals, svg.TextStyle{Size: 3, MinSize: 2})
		}
		cv.End()
	}
	return cv.String()
}
