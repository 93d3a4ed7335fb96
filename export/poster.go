package export

import (
	"fmt"
	"strings"

	"github.com/sujuva/sujuva/export/svg"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

var posterWords = map[model.Language]map[string]string{
	model.Finnish: {"aim": "Tavoite", "current": "Nykytila", "ideal": "Tavoitetila", "lead": "läpimenoaika", "days": "vrk",
		"wait": "odotus", "chart": "Mittari", "lessons": "Opittua", "team": "Kehittämistiimi", "measures": "Mittarit", "nolessons": "PDSA-syklien opit kirjataan tähän."},
	model.Swedish: {"aim": "Mål", "current": "Nuläge", "ideal": "Målläge", "lead": "genomloppstid", "days": "dygn",
		"wait": "väntan", "chart": "Mått", "lessons": "Lärdomar", "team": "Utvecklingsteam", "measures": "Mått", "nolessons": "PDSA-cyklernas lärdomar skrivs här."},
	model.English: {"aim": "Aim", "current": "Current state", "ideal": "Ideal state", "lead": "lead time", "days": "days",
		"wait": "wait", "chart": "Measure", "lessons": "Lessons", "team": "Development team", "measures": "Measures", "nolessons": "The lessons of the PDSA cycles go here."},
}

var roleWords = map[model.Language]map[model.Role]string{
	model.Finnish: {model.RoleClient: "kehittäjäasiakas", model.RoleProfessional: "ammattilaista", model.RoleOwner: "prosessin omistaja", model.RoleSupervisor: "esihenkilö"},
	model.Swedish: {model.RoleClient: "klientutvecklare", model.RoleProfessional: "yrkesutbildade", model.RoleOwner: "processägare", model.RoleSupervisor: "chef"},
	model.English: {model.RoleClient: "client developer", model.RoleProfessional: "professionals", model.RoleOwner: "process owner", model.RoleSupervisor: "supervisor"},
}

// Poster composes the team's poster for the coaching's poster round
// (workshop 4) and for Innokylä's Liitteet ja linkit: one print-ready page
// (svg.A3 or svg.A4, portrait) with the team's name and county, the aim,
// the current and ideal value streams with their lead times, the key chart
// (the first measure with a chart) with its signals and PDSA annotations,
// the lessons of the PDSA cycles, the measures, and the team by roles — no
// personal names. Every text is fitted into its box: it wraps, shrinks and,
// at the last, ends in "…"; it never overflows. Value streams of 2 to 30
// steps and 1 to 6 measures keep the layout.
func Poster(m Material, page svg.Page, lang model.Language) string {
	lang = lang.Or(model.Finnish)
	words := posterWords[lang]
	t := texts[lang]
	cv := svg.NewPage(page)
	cv.SetLanguage(string(lang))
	W, H := page.WidthMM, page.HeightMM
	k := W / 297 // scale: sizes are designed for A3
	margin := 12 * k
	inner := W - 2*margin
	county, _ := model.LookupCounty(m.Team.County)
	cv.SetTitle(m.Team.Name, fmt.Sprintf("%s – %s", words["team"], county.Name(lang)))
	cv.Rect(0, 0, W, H, svg.Attrs("fill", "#ffffff")...)

	// Header band.
	cv.Rect(0, 0, W, 38*k, svg.Attrs("fill", "#0b4f8a")...)
	cv.TextBox(svg.Box{X: margin, Y: 6 * k, W: inner, H: 18 * k}, m.Team.Name, svg.TextStyle{Size: 13 * k, MinSize: 7 * k, Bold: true, Fill: "#ffffff"})
	cv.TextBox(svg.Box{X: margin, Y: 25 * k, W: inner, H: 10 * k}, strings.TrimSpace(m.Team.Process+" · "+county.Name(lang)), svg.TextStyle{Size: 5.5 * k, MinSize: 3.5 * k, Fill: "#e3f2fd"})

	y := 44 * k
	heading := func(text string) {
		cv.Text(margin, y+5*k, text, svg.TextStyle{Size: 6 * k, Bold: true, Fill: "#0b4f8a"})
		y += 8 * k
	}
	// Aim.
	heading(words["aim"])
	aim := ""
	if m.Aim != nil {
		aim = m.Aim.Statement
	}
	cv.TextBox(svg.Box{X: margin, Y: y, W: inner, H: 22 * k}, aim, svg.TextStyle{Size: 6 * k, MinSize: 3.5 * k})
	y += 26 * k

	// Value streams.
	for _, v := range []struct {
		label string
		m     valuestream.Map
	}{{words["current"], m.Current}, {words["ideal"], m.Ideal}} {
		s, err := v.m.Summary()
		label := v.label
		if err == nil && s.Steps > 0 {
			label += fmt.Sprintf(" – %s %s %s", words["lead"], t.days(s.LeadTime.Hours()), words["days"])
		}
		heading(label)
		streamStrip(cv, v.m, svg.Box{X: margin, Y: y, W: inner, H: 30 * k}, k, words, t)
		y += 36 * k
	}

	// The key chart.
	for _, x := range m.Measures {
		if x.Chart == nil {
			continue
		}
		heading(words["chart"] + ": " + x.Measure.Name)
		ch := ChartSVG(*x.Chart, ChartStyle{Title: x.Measure.Name, Unit: x.Measure.Unit, Language: lang, Width: inner, Height: 105 * k, IDPrefix: "poster-chart"})
		cv.Raw(fmt.Sprintf(`<g transform="translate(%s,%s)">`, svg.Num(margin), svg.Num(y)) + ch + "</g>\n")
		y += 110 * k
		break
	}

	// Lessons and measures side by side.
	colW := (inner - 8*k) / 2
	boxH := H - y - 40*k
	heading(words["lessons"])
	var lessons []string
	for _, c := range m.Cycles {
		if s := strings.TrimSpace(c.Study.Summary); s != "" {
			lessons = append(lessons, "• "+s)
		}
	}
	if len(lessons) == 0 {
		lessons = []string{words["nolessons"]}
	}
	cv.TextBox(svg.Box{X: margin, Y: y, W: colW, H: boxH}, strings.Join(lessons, "\n"), svg.TextStyle{Size: 4.5 * k, MinSize: 2.8 * k})
	var measures []string
	for _, x := range m.Measures {
		measures = append(measures, "• "+x.Measure.Name)
	}
	cv.Text(margin+colW+8*k, y-3*k, words["measures"], svg.TextStyle{Size: 6 * k, Bold: true, Fill: "#0b4f8a"})
	cv.TextBox(svg.Box{X: margin + colW + 8*k, Y: y, W: colW, H: boxH}, strings.Join(measures, "\n"), svg.TextStyle{Size: 4.5 * k, MinSize: 2.8 * k})
	y += boxH + 4*k

	// The team by roles, without names.
	cv.Rect(0, H-30*k, W, 30*k, svg.Attrs("fill", "#eef4fa")...)
	var roles []string
	for _, r := range model.Roles() {
		if n := m.Team.Count(r); n > 0 {
			roles = append(roles, fmt.Sprintf("%d %s", n, roleWords[lang][r]))
		}
	}
	var units []string
	for _, u := range m.Team.Units {
		units = append(units, u.Name)
	}
	team := words["team"] + ": " + strings.Join(roles, ", ")
	if len(units) > 0 {
		team += " · " + strings.Join(units, ", ")
	}
	cv.TextBox(svg.Box{X: margin, Y: H - 26*k, W: inner, H: 22 * k}, team, svg.TextStyle{Size: 5 * k, MinSize: 3 * k})
	return cv.String()
}

// streamStrip draws a value stream as a row of step boxes with the wait
// before each above it.
func streamStrip(cv *svg.Canvas, m valuestream.Map, box svg.Box, k float64, words map[string]string, t phrases) {
	n := len(m.Steps)
	if n == 0 {
		cv.Rect(box.X, box.Y, box.W, box.H, svg.Attrs("fill", "none", "stroke", "#bbb", "stroke-dasharray", "2,2")...)
		return
	}
	gap := min(4*k, box.W/float64(n)/4)
	bw := (box.W - gap*float64(n-1)) / float64(n)
	for i, s := range m.Steps {
		x := box.X + float64(i)*(bw+gap)
		cv.Group(s.Name)
		cv.TextBox(svg.Box{X: x, Y: box.Y, W: bw, H: 8 * k}, words["wait"]+" "+t.days(s.Wait.Length.Hours())+" "+words["days"],
			svg.TextStyle{Size: 3.2 * k, MinSize: 1.6 * k, Fill: "#6a1b9a"})
		fill := "#e3f2fd"
		if s.Handoff {
			fill = "#fff3e0"
		}
		cv.Rect(x, box.Y+9*k, bw, box.H-9*k, svg.Attrs("fill", fill, "stroke", "#0b4f8a", "stroke-width", svg.Num(0.4*k))...)
		cv.TextBox(svg.Box{X: x + 1*k, Y: box.Y + 10*k, W: bw - 2*k, H: box.H - 11*k}, s.Name, svg.TextStyle{Size: 3.8 * k, MinSize: 1.6 * k})
		cv.End()
	}
}
