package model_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
)

func TestMessagesCoverEveryCode(t *testing.T) {
	catalog := model.Messages()
	assert.Empty(t, catalog.Missing(model.Codes()...), "codes without fi, sv and en messages")
	assert.Len(t, catalog, len(model.Codes()), "every message belongs to a listed code")
	for _, code := range model.Codes() {
		f := model.NewError("/x", code).With("count", 4).With("range", "5–8")
		for _, l := range model.Languages() {
			assert.NotEqual(t, f.String(), catalog.Text(f, l), "%s in %s", code, l)
		}
	}
}

func TestCatalogText(t *testing.T) {
	c := model.Messages()
	f := model.NewWarning("/members", model.CodeTeamSize).With("count", 4).With("range", "5–8")
	assert.Equal(t, "Tiimissä on 4 jäsentä; suositus on 5–8.", c.Text(f, model.Finnish))
	assert.Equal(t, "Teamet har 4 medlemmar; rekommendationen är 5–8.", c.Text(f, model.Swedish))
	assert.Equal(t, "The team has 4 members; the recommendation is 5–8.", c.Text(f, ""), "unset language falls back to English")
	unknown := model.NewError("/a", "nobody.knows")
	assert.Equal(t, "/a: nobody.knows (error)", c.Text(unknown, model.Finnish))
	merged := model.MergeCatalogs(c, model.Catalog{model.CodeTeamSize: {FI: "x", SV: "y", EN: "z"}})
	assert.Equal(t, "x", merged.Text(f, model.Finnish), "later catalogs win")
}

func TestFindings(t *testing.T) {
	fs := model.Findings{
		model.NewWarning("/members/10", model.CodeTeamUnits),
		model.NewError("/members/9/role", model.CodeEnumUnknown).With("value", "boss"),
		model.NewError("", model.CodeJSONSyntax),
	}
	assert.True(t, fs.HasErrors())
	assert.False(t, fs.Warnings().HasErrors())
	assert.Len(t, fs.Errors(), 2)
	fs.Sort()
	assert.Equal(t, []string{"", "/members/9/role", "/members/10"}, []string{fs[0].Path, fs[1].Path, fs[2].Path})
	assert.Equal(t, "/team/members/9/role", fs.Under("/team")[1].Path)
	var err error = fs
	assert.True(t, errors.Is(err, model.ErrInvalid))
	assert.False(t, errors.Is(model.Findings{model.NewWarning("", model.CodeTeamUnits)}, model.ErrInvalid))
	assert.Contains(t, err.Error(), "/members/9/role: enum.unknown (error) value=boss")
	assert.Equal(t, "/a~1b/0/c~0d", model.Pointer("a/b", 0, "c~d"))
	assert.Equal(t, "", model.Pointer())
}

func TestDate(t *testing.T) {
	d, err := model.ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-03-01", d.AddDays(1).String())
	assert.Equal(t, 366, model.Period{Start: date("2024-01-01"), End: date("2024-12-31")}.Days())
	assert.Equal(t, 0, model.Period{Start: date("2024-01-02"), End: date("2024-01-01")}.Days())
	assert.True(t, d.IsValid())
	assert.Equal(t, 365*400+97, date("2400-01-01").DaysSince(date("2000-01-01")), "400 Gregorian years, no saturation")
	assert.False(t, model.Date{Year: 2025, Month: 2, Day: 29}.IsValid())
	for _, bad := range []string{"2025-02-29", "29.2.2024", "2024-2-1", "x"} {
		_, err := model.ParseDate(bad)
		var de *model.DateError
		require.ErrorAs(t, err, &de, bad)
		assert.Equal(t, bad, de.Value)
		assert.ErrorIs(t, err, model.ErrDate)
	}
	b, err := json.Marshal(struct {
		D model.Date `json:"d"`
		Z model.Date `json:"z"`
	}{D: d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2024-02-29","z":""}`, string(b))
	p := model.Period{Start: date("2024-09-03"), End: date("2024-09-04")}
	assert.True(t, p.Overlaps(model.Period{Start: date("2024-09-04"), End: date("2024-09-10")}))
	assert.False(t, p.Overlaps(model.Period{Start: date("2024-09-05"), End: date("2024-09-10")}))
}

func TestEnums(t *testing.T) {
	for _, r := range model.Roles() {
		got, err := model.ParseRole(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	_, err := model.ParseRole("boss")
	var ee *model.EnumError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "boss", ee.Value)
	assert.ErrorIs(t, err, model.ErrUnknownEnum)
	_, err = model.ParseLanguage("de")
	assert.ErrorIs(t, err, model.ErrUnknownEnum)
	_, err = model.ParseSeverity("fatal")
	assert.ErrorIs(t, err, model.ErrUnknownEnum)
	_, err = model.ParseRuleKind("size")
	assert.NoError(t, err)
	assert.Equal(t, model.English, model.Language("de").Or(model.English))
}

func TestReferenceData(t *testing.T) {
	counties := model.Counties()
	require.Len(t, counties, 22, "21 wellbeing services counties and the City of Helsinki")
	codes := map[string]bool{}
	for _, c := range counties {
		assert.False(t, codes[c.Code], "duplicate code %s", c.Code)
		codes[c.Code] = true
		assert.NotEmpty(t, c.FI)
		assert.NotEmpty(t, c.SV)
		assert.NotEmpty(t, c.FIGenitive)
		for _, name := range []string{c.Code, c.FI, c.SV, c.FIGenitive + " HVA", c.FI + " hyvinvointialue"} {
			got, ok := model.LookupCounty(name)
			assert.True(t, ok, name)
			assert.Equal(t, c.Code, got.Code, name)
		}
	}
	c, ok := model.LookupCounty("birkaland")
	require.True(t, ok)
	assert.Equal(t, "Pirkanmaa", c.Name(model.Finnish))
	_, ok = model.LookupCounty("Ahvenanmaa")
	assert.False(t, ok, "Åland has no wellbeing services county")

	groups := model.TargetGroups()
	require.Len(t, groups, 8, "the eight target groups of seed 001")
	g, ok := model.LookupTargetGroup("omaishoitajat")
	require.True(t, ok)
	assert.Equal(t, "Närståendevårdare", g.Name(model.Swedish))

	f, ok := model.LookupFunder("Sosiaali- ja terveysministeriö (STM)")
	require.True(t, ok)
	assert.Equal(t, "stm", f.Code)
	assert.Len(t, model.Funders(), 3)
}

func TestProfiles(t *testing.T) {
	for _, p := range []model.Profile{model.DefaultProfile(), model.ServiceChainProfile()} {
		assert.Empty(t, p.Validate(), p.ID)
		b, err := json.Marshal(p)
		require.NoError(t, err)
		back, err := model.ParseProfile(b)
		require.NoError(t, err)
		assert.Equal(t, p, back)
	}
	// A core group of 4 passes the service-chain profile but not the default.
	team := with(func(t *model.Team) { t.Members = append(t.Members[1:4], t.Members[5]) })
	assert.Empty(t, team.Validate(model.ServiceChainProfile()))
	assert.True(t, team.Validate(model.DefaultProfile()).HasErrors())
	big := with(func(t *model.Team) { t.Members = append(t.Members, professionals(5, "u1")...) })
	fs := big.Validate(model.ServiceChainProfile())
	require.Len(t, fs, 1)
	assert.Equal(t, model.CodeTeamSize, fs[0].Code)
	assert.Equal(t, model.SeverityWarning, fs[0].Severity, "'noin 4-10' is a recommendation")

	_, err := model.ParseProfile([]byte(`{"id":"x","rules":[{"rule":"size","min":9,"max":3,"severity":"error"},{"rule":"colour","severity":"fatal"}]}`))
	var fsErr model.Findings
	require.ErrorAs(t, err, &fsErr)
	assert.Equal(t, []model.Code{model.CodeProfileBounds, model.CodeEnumUnknown, model.CodeEnumUnknown}, fsErr.Codes())
	assert.Equal(t, "/rules/0/max", fsErr[0].Path)
	_, err = model.ParseProfile([]byte(`{"id":`))
	assert.ErrorIs(t, err, model.ErrInvalid)
}

func TestJSONRoundTrip(t *testing.T) {
	for _, v := range []any{validTeam(), validRound(), model.DefaultProfile()} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		back := newOf(v)
		require.Empty(t, model.DecodeJSON(b, back))
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(b2))
	}
	b, err := json.Marshal(validTeam())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"role":"client"`, "enums travel as names")
}

func newOf(v any) any {
	switch v.(type) {
	case model.Team:
		return new(model.Team)
	case model.Round:
		return new(model.Round)
	default:
		return new(model.Profile)
	}
}

var decodeCases = []struct {
	name, in string
	want     model.Finding
}{
	{"syntax", `{"name": }`, model.NewError("", model.CodeJSONSyntax).With("offset", 10)},
	{"type", `{"teams": [{"id": 3}]}`, model.NewError("/teams/id", model.CodeJSONType).With("want", "string").With("got", "number")},
	{"date", `{"period": {"start": "3.9.2024"}}`, model.NewError("", model.CodeJSONType).With("want", "date").With("got", "3.9.2024")},
	{"time", `{"at": "3.9.2024 12.00"}`, model.NewError("", model.CodeJSONType).With("want", "time").With("got", "3.9.2024 12.00")},
}

func TestDecodeJSON(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			var r struct {
				Period model.Period      `json:"period"`
				Teams  []model.RoundTeam `json:"teams"`
				At     time.Time         `json:"at"`
			}
			got := model.DecodeJSON([]byte(tc.in), &r)
			require.Len(t, got, 1)
			assert.Equal(t, tc.want, got[0])
		})
	}
	var team model.Team
	require.Empty(t, model.DecodeJSON([]byte(`{"name":"x","process":"y","members":[{"id":"a","role":"chief"}]}`), &team))
	fs := team.Validate(model.Profile{})
	require.Len(t, fs, 1, "an unknown enum name decodes and is a finding: %v", fs)
	assert.Equal(t, "/members/0/role", fs[0].Path)
	assert.Equal(t, "chief", fs[0].Params["value"])
}

func FuzzDecodeValidate(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.in))
	}
	for _, v := range []any{validTeam(), validRound()} {
		b, _ := json.Marshal(v)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var team model.Team
		if fs := model.DecodeJSON(data, &team); len(fs) == 0 {
			for _, f := range team.Validate(model.DefaultProfile()) {
				if !f.Severity.IsValid() || f.Code == "" {
					t.Fatalf("malformed finding %v", f)
				}
			}
		}
		var round model.Round
		if fs := model.DecodeJSON(data, &round); len(fs) == 0 {
			for _, f := range round.Validate() {
				if !f.Severity.IsValid() || f.Code == "" {
					t.Fatalf("malformed finding %v", f)
				}
			}
		}
	})
}
