package innokyla_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/model"
)

// headings are the section headings of ARCHITECTURE.md, in the site's order,
// phase by phase; "**" marks the required ones.
var headings = map[innokyla.PhaseKey][]string{
	innokyla.PhaseUnderstand: {"Toimintaympäristö**", "Lähtötilanne ja strategiset liittymäkohdat", "Kehitystyön lähtökohtana olevat tarpeet", "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen", "Tavoiteltu muutos", "Muutoksen mittaaminen", "Toteutussuunnitelma", "Kohderyhmä ja asiakasymmärrys**"},
	innokyla.PhaseExperiment: {"Muiden kehittämien ratkaisujen hyödyntäminen", "Ideointi", "Idean valinta", "Idean konkretisointi ja visualisointi", "Idean testaus asiakkaalla", "Ratkaisun testaaminen", "Kokeilun tavoitteet", "Kokeilussa opittua"},
	innokyla.PhaseShare:      {"Ratkaisun perusidea**", "Toimivuuden ja käyttöönoton ehdot**", "Vinkit toimintamallin soveltajille", "Arvioinnin tulokset tiivistettynä"},
}

func TestStructure(t *testing.T) {
	phases := innokyla.Phases()
	require.Len(t, phases, 3)
	assert.Equal(t, []string{"Oivalla ja ymmärrä", "Kuvittele ja kokeile", "Kuvaa ja jaa"}, []string{phases[0].FI, phases[1].FI, phases[2].FI})
	sections := innokyla.Sections()
	require.Len(t, sections, 20)
	got := map[innokyla.PhaseKey][]string{}
	keys := map[innokyla.SectionKey]bool{}
	for _, s := range sections {
		h := s.FI
		if s.Required {
			h += "**"
		}
		got[s.Phase] = append(got[s.Phase], h)
		assert.False(t, keys[s.Key], "duplicate key %s", s.Key)
		keys[s.Key] = true
		assert.NotEmpty(t, s.SV, s.Key)
		assert.NotEmpty(t, s.EN, s.Key)
	}
	assert.Equal(t, headings, got)
	assert.Len(t, innokyla.BasicFields(), 12)
	assert.NotEmpty(t, innokyla.DevelopmentPhases())
	assert.NotEmpty(t, innokyla.TargetGroupOptions())
}

func TestReportName(t *testing.T) {
	pirkanmaa, _ := model.LookupCounty("pirkanmaa")
	helsinki, _ := model.LookupCounty("helsinki")
	vantaa, _ := model.LookupCounty("vantaa-kerava")
	for _, tc := range []struct {
		team   string
		county model.County
		code   string
		want   string
	}{
		{"Sujuva neuvonta", pirkanmaa, innokyla.DefaultInvestmentCode, "Sujuva neuvonta, Pirkanmaan HVA (RRP, P4, I1)"},
		{" Omaishoitajan polku ", vantaa, "RRP, P4, I2", "Omaishoitajan polku, Vantaan ja Keravan HVA (RRP, P4, I2)"},
		{"Neuvonnan sujuva polku", helsinki, innokyla.DefaultInvestmentCode, "Neuvonnan sujuva polku, Helsingin kaupunki (RRP, P4, I1)"},
		{"Tiimi", model.County{}, "", "Tiimi"},
	} {
		assert.Equal(t, tc.want, innokyla.ReportName(tc.team, tc.county, tc.code))
	}
}

func complete() innokyla.Document {
	d := innokyla.New(model.Finnish, innokyla.Basics{
		Name:    "Neuvonnan sujuva polku, Helsingin kaupunki (RRP, P4, I1)",
		Summary: "Palveluneuvonnan yhteydenottoon vastataan samana päivänä.",
		Regions: []string{"Helsingin kaupunki"},
		Funders: []string{"Sosiaali- ja terveysministeriö (STM)"},
		Created: model.NewDate(2025, 5, 14),
		Attachments: []innokyla.Attachment{
			{Kind: innokyla.AttachmentImage, Title: "Posteri", Caption: "Tiimin posteri", Href: "poster.svg", MediaType: "image/svg+xml"},
		},
		DevelopmentPhase: "inUse",
		TargetGroups:     []string{"older-people"},
	})
	for _, s := range innokyla.Sections() {
		if s.Required {
			if err := d.SetSection(s.Key, "Teksti osioon "+s.FI+".", innokyla.SourceTeam); err != nil {
				panic(err)
			}
		}
	}
	return d
}

var validateCases = []struct {
	name   string
	change func(d *innokyla.Document)
	want   []string // path code
}{
	{name: "complete", change: func(*innokyla.Document) {}},
	{
		name: "required sections empty",
		change: func(d *innokyla.Document) {
			_ = d.SetSection("coreIdea", "  ", innokyla.SourceTeam)
			_ = d.SetSection("targetGroup", "", innokyla.SourceDraft)
		},
		want: []string{"/sections/7/text innokyla.section.required", "/sections/16/text innokyla.section.required"},
	},
	{
		name: "basics",
		change: func(d *innokyla.Document) {
			d.Basics.Name = ""
			d.Basics.DevelopmentPhase = "finished"
			d.Basics.Attachments[0].Caption = ""
			d.Basics.TargetGroups = []string{"aliens"}
		},
		want: []string{
			"/basics/attachments/0/caption innokyla.attachment.caption",
			"/basics/developmentPhase enum.unknown",
			"/basics/name field.required",
			"/basics/targetGroups/0 enum.unknown",
		},
	},
	{
		name: "order, heading, missing",
		change: func(d *innokyla.Document) {
			d.Sections[0], d.Sections[1] = d.Sections[1], d.Sections[0]
			d.Sections[2].Heading = "Tarpeet"
			d.Sections = d.Sections[:19]
		},
		want: []string{
			"/sections innokyla.section.missing",
			"/sections/1/key innokyla.section.order",
			"/sections/2/heading innokyla.section.heading",
		},
	},
}

func TestValidate(t *testing.T) {
	catalog := innokyla.Messages()
	for _, tc := range validateCases {
		t.Run(tc.name, func(t *testing.T) {
			d := complete()
			tc.change(&d)
			var got []string
			for _, f := range d.Validate() {
				got = append(got, f.Path+" "+string(f.Code))
				if strings.HasPrefix(string(f.Code), "innokyla.") {
					assert.NotEqual(t, f.String(), catalog.Text(f, model.Finnish))
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
	var err *innokyla.UnknownSectionError
	d := complete()
	require.ErrorAs(t, d.SetSection("poem", "x", innokyla.SourceTeam), &err)
	assert.ErrorIs(t, err, innokyla.ErrUnknownSection)
}

func TestMessagesCoverEveryCode(t *testing.T) {
	assert.Empty(t, innokyla.Messages().Missing(innokyla.Codes()...))
}

func TestCopies(t *testing.T) {
	copies := complete().Copies()
	require.Len(t, copies, 5+20)
	assert.Equal(t, "Toimintamallin nimi", copies[0].Heading)
	assert.Equal(t, "Toimintaympäristö", copies[5].Heading)
	assert.Equal(t, "Oivalla ja ymmärrä", copies[5].Phase)
	assert.Equal(t, "Arvioinnin tulokset tiivistettynä", copies[24].Heading)
	assert.Equal(t, "Kuvaa ja jaa", copies[24].Phase)
}

func TestMarkdown(t *testing.T) {
	d := complete()
	_ = d.SetSection("coreIdea", "", "")
	_ = d.SetSection("ideation", "- soitto samana päivänä\n- **tekstiviesti**", innokyla.SourceTeam)
	md := d.Markdown()
	assert.Contains(t, md, "## Kuvittele ja kokeile\n\n### Ideointi\n\n- soitto samana päivänä\n- **tekstiviesti**\n")
	assert.Contains(t, md, "### Ratkaisun perusidea **\n\n(puuttuu)\n")
	assert.NotContains(t, md, "Kokeilussa opittua", "empty optional sections are left out")
	plain := d.PlainText()
	assert.Contains(t, plain, "Ideointi\n\n• soitto samana päivänä\n• tekstiviesti\n")
}

var plainCases = []struct{ in, want string }{
	{"**lihavoitu** ja *kursiivi*", "lihavoitu ja kursiivi"},
	{"## Otsikko", "Otsikko"},
	{"- yksi\n  * kaksi", "• yksi\n  • kaksi"},
	{"[THL](https://thl.fi) ja `koodi`", "THL (https://thl.fi) ja koodi"},
	{"2 * 3 * 4", "2 * 3 * 4"},
	{"", ""},
}

func TestPlain(t *testing.T) {
	for _, tc := range plainCases {
		assert.Equal(t, tc.want, innokyla.Plain(tc.in), tc.in)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	d := complete()
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var back innokyla.Document
	require.Empty(t, model.DecodeJSON(b, &back))
	assert.Equal(t, d, back)
	assert.Contains(t, string(b), `"heading":"Kohderyhmä ja asiakasymmärrys","required":true`)
}

func FuzzPlain(f *testing.F) {
	for _, tc := range plainCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = innokyla.Plain(s)
	})
}

func FuzzDecodeValidate(f *testing.F) {
	b, _ := json.Marshal(complete())
	f.Add(b)
	f.Add([]byte(`{"sections":[{"key":"x"},{"key":"coreIdea"},{"key":"coreIdea"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d innokyla.Document
		if len(model.DecodeJSON(data, &d)) > 0 {
			return
		}
		for _, f := range d.Validate() {
			if f.Code == "" || !f.Severity.IsValid() {
				t.Fatalf("malformed finding %v", f)
			}
		}
		_ = d.Markdown()
		_ = d.Copies()
	})
}
