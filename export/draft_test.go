package export_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

// demoMaterial reads the worksheet server's demo team (the advisory-service
// intake of seed 003) and adds a lead-time measure whose weekly series
// shifts after the change.
func demoMaterial(t *testing.T) export.Material {
	t.Helper()
	b, err := os.ReadFile("../examples/worksheet/demo.json")
	if os.IsNotExist(err) {
		t.Skip("../examples/worksheet/demo.json is absent")
	}
	require.NoError(t, err)
	var w struct {
		Team    model.Team      `json:"team"`
		Aim     *pdsa.Aim       `json:"aim"`
		Current valuestream.Map `json:"current"`
		Ideal   valuestream.Map `json:"ideal"`
		Cycles  []pdsa.Cycle    `json:"cycles"`
	}
	require.Empty(t, model.DecodeJSON(b, &w))
	days := []float64{9, 8, 10, 9, 11, 8, 9, 10, 9, 8, 3, 2, 3, 2, 4, 2, 3, 2, 2, 3}
	s := metrics.Series{Frequency: metrics.FrequencyWeekly}
	for i, d := range days {
		v := d
		s.Observations = append(s.Observations, metrics.Observation{Period: model.NewDate(2026, 1, 5).AddDays(7 * i), Value: &v})
	}
	c, err := metrics.NewChart(s, metrics.Options{BaselineEnd: model.NewDate(2026, 3, 9)})
	require.NoError(t, err)
	m := metrics.Measure{
		ID: "lt", Name: "Läpimenoaika yhteydenotosta jatkosta sopimiseen", Kind: metrics.KindOutcome,
		DataType: metrics.DataMeasurement, Unit: "vrk", Direction: metrics.DirectionDown, Frequency: metrics.FrequencyWeekly,
		Definition: metrics.Definition{Description: "arkipäivät yhteydenotosta siihen, kun jatkosta on sovittu"},
		Source:     metrics.Source{System: "asiakastietojärjestelmä"},
	}
	for i := range w.Team.Members {
		if w.Team.Members[i].Role == model.RoleClient {
			w.Team.Members[i].Name = "Asta Asiakas"
		}
	}
	return export.Material{ShowNames: true, Team: w.Team, Aim: w.Aim, Current: w.Current, Ideal: w.Ideal, Cycles: w.Cycles,
		Measures: []export.Measured{{Measure: m, Chart: &c}},
		Sections: map[innokyla.SectionKey]string{"adoptionConditions": "Yhteinen ajanvarauskalenteri ja sovittu vastuuhenkilö jokaisessa yksikössä."}}
}

func TestDraftDemo(t *testing.T) {
	m := demoMaterial(t)
	for _, lang := range model.Languages() {
		t.Run(string(lang), func(t *testing.T) {
			d, fs := export.Draft(m, lang)
			assert.False(t, fs.HasErrors(), "%v", fs)
			for _, key := range []innokyla.SectionKey{"operatingEnvironment", "coDevelopment", "targetGroup", "intendedChange", "measuringChange", "startingPoint", "coreIdea", "solutionTesting", "evaluationSummary"} {
				s, _ := d.Section(key)
				assert.NotEmpty(t, s.Text, key)
				assert.Equal(t, innokyla.SourceDraft, s.Source, key)
				assert.NotContains(t, s.Text, "%!", key)
			}
			own, _ := d.Section("adoptionConditions")
			assert.Equal(t, innokyla.SourceTeam, own.Source, "the team's own text wins")
			b, err := json.Marshal(d)
			require.NoError(t, err)
			assert.Empty(t, schema.Validate(schema.Innokyla, b))
			assert.NotContains(t, d.Markdown(), "Asta Asiakas", "the client is never named, even with ShowNames")
		})
	}
	d, _ := export.Draft(m, model.Finnish)
	ev, _ := d.Section("evaluationSummary")
	assert.Contains(t, ev.Text, "laski: 9 → 2,5 vrk")
	assert.Contains(t, ev.Text, "Muutos on merkitsevä: 11 peräkkäistä pistettä keskiviivan alapuolella.")
	assert.True(t, strings.HasSuffix(d.Basics.Name, "(RRP, P4, I1)"))
	en, _ := export.Draft(m, model.English)
	ev, _ = en.Section("evaluationSummary")
	assert.Contains(t, ev.Text, "fell: 9 → 2.5 vrk")
}

func TestDraftEmpty(t *testing.T) {
	d, fs := export.Draft(export.Material{}, "")
	assert.Equal(t, model.Finnish, d.Language)
	assert.True(t, fs.HasErrors(), "required sections are empty")
	for _, s := range d.Sections {
		assert.Empty(t, s.Text, s.Key)
	}
}
