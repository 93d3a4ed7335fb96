package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

// Measured is a measure with its data: as the worksheet keeps it (the
// measure's definition, its series, the chart settings the team chose and
// the spreadsheet text the data were pasted from), and with its chart once
// one is drawn ([Worksheet.Material] draws them; the file does not keep
// charts).
type Measured struct {
	Measure metrics.Measure `json:"measure"`
	Series  metrics.Series  `json:"series"`
	// Options are the chart's settings: its type (the measure's ChartType
	// when empty), a frozen baseline, parts after changes.
	Options *metrics.Options `json:"chartOptions,omitempty"`
	// Pasted is the text the team pasted the data from, kept so that the
	// page can show it again; the series is what counts.
	Pasted string         `json:"pasted,omitempty"`
	Chart  *metrics.Chart `json:"chart,omitempty"`
}

// Charted returns m with its chart drawn from its series and options, or m
// unchanged when it has no observations or already has a chart. A series
// the chart cannot be drawn from (see metrics.NewChart) leaves Chart nil.
func (m Measured) Charted() Measured {
	if m.Chart != nil || len(m.Series.Observations) == 0 {
		return m
	}
	var o metrics.Options
	if m.Options != nil {
		o = *m.Options
	}
	if o.Type == "" {
		o.Type = m.Measure.ChartType()
	}
	if c, err := metrics.NewChart(m.Series, o); err == nil {
		m.Chart = &c
	}
	return m
}

// seriesOf returns m's observations sorted by period.
func seriesOf(m Measured) []metrics.Observation {
	obs := slices.Clone(m.Series.Observations)
	slices.SortFunc(obs, func(a, b metrics.Observation) int { return a.Period.Compare(b.Period) })
	return obs
}

// Material is what a team has recorded, from which [Draft] writes the
// sections the team has not written itself.
type Material struct {
	Team     model.Team
	Aim      *pdsa.Aim
	Current  valuestream.Map
	Ideal    valuestream.Map
	Cycles   []pdsa.Cycle // in the order they were run
	Measures []Measured
	// Sections hold the team's own texts; a non-empty one always wins.
	Sections map[innokyla.SectionKey]string
	// Basics are the basic fields as the team set them; Draft fills an
	// empty name and short description.
	Basics innokyla.Basics
	// InvestmentCode goes in the report name; innokyla.DefaultInvestmentCode
	// when empty.
	InvestmentCode string
	// ShowNames lets the coDevelopment draft name the professionals; the
	// client is never named.
	ShowNames bool
}

// Draft builds the Innokylä description in language lang (Finnish when
// unset): the team's own text for every section it wrote, and for the rest a
// draft from its data, marked innokyla.SourceDraft — the composition by
// roles and units, the aim, the measures with their operational definitions,
// the current value stream against the ideal, the PDSA cycles and their
// lessons in order, and the evaluation from the charts' signals. Sections
// the data say nothing about stay empty. The findings are the document's own
// (innokyla's Validate): for example required sections still empty.
func Draft(m Material, lang model.Language) (innokyla.Document, model.Findings) {
	lang = lang.Or(model.Finnish)
	t := texts[lang]
	b := m.Basics
	county, _ := model.LookupCounty(m.Team.County)
	if b.Name == "" {
		code := m.InvestmentCode
		if code == "" {
			code = innokyla.DefaultInvestmentCode
		}
		b.Name = innokyla.ReportName(m.Team.Name, county, code)
	}
	if b.Summary == "" && m.Aim != nil {
		b.Summary = m.Aim.Statement
	}
	if len(b.Regions) == 0 && county.Code != "" {
		b.Regions = []string{county.Name(lang)}
	}
	d := innokyla.New(lang, b)
	drafts := map[innokyla.SectionKey]string{
		"operatingEnvironment": operatingEnvironment(m, t, county, lang),
		"coDevelopment":        coDevelopment(m, t),
		"targetGroup":          targetGroup(m, t, lang),
		"intendedChange":       intendedChange(m, t),
		"measuringChange":      measuring(m, t),
		"startingPoint":        startingPoint(m, t),
		"coreIdea":             coreIdea(m, t),
		"solutionTesting":      solutionTesting(m, t),
		"pilotLessons":         lessons(m),
		"evaluationSummary":    evaluation(m, t),
	}
	for _, s := range innokyla.Sections() {
		if own := strings.TrimSpace(m.Sections[s.Key]); own != "" {
			_ = d.SetSection(s.Key, own, innokyla.SourceTeam)
			continue
		}
		if text := strings.TrimSpace(drafts[s.Key]); text != "" {
			_ = d.SetSection(s.Key, text, innokyla.SourceDraft)
		}
	}
	return d, d.Validate()
}

func operatingEnvironment(m Material, t phrases, county model.County, lang model.Language) string {
	if m.Team.Process == "" {
		return ""
	}
	var units []string
	for _, u := range m.Team.Units {
		units = append(units, u.Name)
	}
	s := fmt.Sprintf(t.environment, m.Team.Process, county.Name(lang))
	if len(units) > 0 {
		s += " " + fmt.Sprintf(t.units, t.list(units))
	}
	return s
}

func coDevelopment(m Material, t phrases) string {
	team := m.Team
	if len(team.Members) == 0 {
		return ""
	}
	var professions []string
	for _, mem := range team.Members {
		if mem.Role != model.RoleProfessional {
			continue
		}
		p := mem.Profession
		if m.ShowNames && mem.Name != "" {
			p = strings.TrimSpace(mem.Name + " (" + p + ")")
		}
		if p != "" {
			professions = append(professions, p)
		}
	}
	s := fmt.Sprintf(t.team, len(team.Members), team.Count(model.RoleClient), team.Count(model.RoleProfessional))
	if n := len(team.ProfessionalUnits()); n > 0 {
		s += " " + fmt.Sprintf(t.teamUnits, n)
	}
	if len(professions) > 0 {
		s += " " + fmt.Sprintf(t.professions, t.list(professions))
	}
	if team.OwnerIsMember() {
		s += " " + t.ownerIn
	} else if team.Owner.IsNamed() {
		s += " " + t.ownerOut
	}
	return s
}

func targetGroup(m Material, t phrases, lang model.Language) string {
	g, ok := model.LookupTargetGroup(m.Team.TargetGroup)
	if !ok {
		return ""
	}
	s := fmt.Sprintf(t.targetGroup, lowerFirst(g.Name(lang)))
	if m.Team.Count(model.RoleClient) > 0 {
		s += " " + t.clientMember
	}
	return s
}

func intendedChange(m Material, t phrases) string {
	if m.Aim == nil || m.Aim.Statement == "" {
		return ""
	}
	s := m.Aim.Statement
	if a := m.Aim; a.Baseline != nil && a.Target != nil && !a.By.IsZero() {
		s += " " + fmt.Sprintf(t.aimNumbers, t.num(*a.Baseline), a.Unit, t.num(*a.Target), a.Unit, t.date(a.By))
	}
	return s
}

func measuring(m Material, t phrases) string {
	var lines []string
	for _, x := range m.Measures {
		me := x.Measure
		line := "- " + me.Name + " (" + t.kinds[me.Kind] + ")"
		if def := me.Definition; def.Numerator != "" && def.Denominator != "" {
			line += ": " + def.Numerator + " / " + def.Denominator
		} else if def.Description != "" {
			line += ": " + def.Description
		}
		src := me.Source.System
		if me.Source.ByHand {
			src = t.byHand
		}
		if src != "" {
			line += "; " + t.source + " " + src
		}
		if f := t.frequency[me.Frequency]; f != "" {
			line += "; " + f
		}
		lines = append(lines, line+".")
	}
	if len(lines) == 0 {
		return ""
	}
	return t.measuresIntro + "\n\n" + strings.Join(lines, "\n")
}

func startingPoint(m Material, t phrases) string {
	s, err := m.Current.Summary()
	if err != nil || s.Steps == 0 {
		return ""
	}
	text := fmt.Sprintf(t.current, s.Steps, t.days(s.LeadTime.Hours()), t.days(s.WaitTime.Hours()), t.pct(100*s.ActivityRatio))
	if s.Bottleneck >= 0 && s.Bottleneck < len(m.Current.Steps) {
		text += " " + fmt.Sprintf(t.bottleneck, m.Current.Steps[s.Bottleneck].Name)
	}
	return text
}

func coreIdea(m Material, t phrases) string {
	var parts []string
	if c, err := valuestream.Compare(m.Current, m.Ideal); err == nil && c.Before.Steps > 0 && c.After.Steps > 0 {
		parts = append(parts, fmt.Sprintf(t.ideal, t.days(c.Before.LeadTime.Hours()), t.days(c.After.LeadTime.Hours()),
			c.Before.Steps, c.After.Steps, t.pct(100*c.After.ActivityRatio)))
	}
	var adopted []string
	for _, c := range m.Cycles {
		if c.Act.Decision == pdsa.DecisionAdopt && c.Plan.Objective != "" {
			adopted = append(adopted, c.Plan.Objective)
		}
	}
	if len(adopted) > 0 {
		parts = append(parts, t.adopted+" "+strings.Join(adopted, "; ")+".")
	}
	return strings.Join(parts, " ")
}

func solutionTesting(m Material, t phrases) string {
	var lines []string
	for i, c := range m.Cycles {
		if c.Plan.Objective == "" {
			continue
		}
		line := fmt.Sprintf("%d. %s", i+1, c.Plan.Objective)
		if s := c.Plan.Scale.Text; s != "" {
			line += " (" + s + ")"
		}
		if d := t.decisions[c.Act.Decision]; d != "" {
			line += " – " + d
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return ""
	}
	return fmt.Sprintf(t.cycles, len(lines)) + "\n\n" + strings.Join(lines, "\n")
}

func lessons(m Material) string {
	var lines []string
	for _, c := range m.Cycles {
		if s := strings.TrimSpace(c.Study.Summary); s != "" {
			lines = append(lines, "- "+s)
		}
	}
	return strings.Join(lines, "\n")
}

// evaluation writes one sentence per charted measure with a signal: the
// centre line before and after (of the first and last parts, or of the
// frozen baseline and the later points' median) and the rule that makes the
// change significant.
func evaluation(m Material, t phrases) string {
	var out []string
	for _, x := range m.Measures {
		c := x.Chart
		if c == nil || len(c.Points) == 0 || len(c.Parts) == 0 {
			continue
		}
		before, after, ok := beforeAfter(c)
		if !ok {
			continue
		}
		verb := t.rose
		if after < before {
			verb = t.fell
		}
		s := fmt.Sprintf(t.change, x.Measure.Name, verb, t.num(before), t.num(after), x.Measure.Unit)
		switch p := c.Parts[len(c.Parts)-1]; {
		case p.LongestRun > p.LongestRunMax && p.LongestRunMax > 0:
			side := t.above
			if after < before {
				side = t.below
			}
			s += " " + fmt.Sprintf(t.significantRun, p.LongestRun, side)
		case p.SigmaSignals > 0:
			s += " " + fmt.Sprintf(t.significantSigma, p.SigmaSignals)
		case p.Crossings < p.CrossingsMin:
			s += " " + t.significantCrossings
		default:
			s += " " + t.notSignificant
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n\n")
}

func beforeAfter(c *metrics.Chart) (before, after float64, ok bool) {
	firstCL := func(part int) (float64, bool) {
		for _, p := range c.Points {
			if p.Part == part && p.CL != nil {
				return *p.CL, true
			}
		}
		return 0, false
	}
	if len(c.Parts) > 1 {
		b, ok1 := firstCL(c.Parts[0].Part)
		a, ok2 := firstCL(c.Parts[len(c.Parts)-1].Part)
		return b, a, ok1 && ok2
	}
	var later []float64
	for _, p := range c.Points {
		if !p.Baseline && p.Y != nil {
			later = append(later, *p.Y)
		}
	}
	b, okb := firstCL(c.Parts[0].Part)
	if len(later) == 0 || !okb {
		return 0, 0, false
	}
	return b, medianOf(later), true
}

func medianOf(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j-1] > s[j]; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// list joins items as a sentence does: "a, b ja c".
func (t phrases) list(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + t.and + " " + items[len(items)-1]
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (t phrases) days(hours float64) string { return t.num(hours / 24) }

// date formats d as the language writes it: "31.5.2026" in Finnish and
// Swedish, "31 May 2026" in English.
func (t phrases) date(d model.Date) string {
	if t.decimalPoint {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	}
	return fmt.Sprintf("%d.%d.%d", d.Day, int(d.Month), d.Year)
}

func (t phrases) pct(v float64) string { return t.num(v) + " %" }

// num formats v with at most one decimal, with the language's decimal
// mark: "2,5" in Finnish and Swedish, "2.5" in English.
func (t phrases) num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	v = math.Round(v*10) / 10
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	s := fmt.Sprintf("%.1f", v)
	if t.decimalPoint {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}
