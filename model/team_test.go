package model_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
)

// member builds a member; unit "" leaves it without a unit.
func member(id string, role model.Role, unit string) model.Member {
	return model.Member{ID: id, Name: "Henkilö " + id, Role: role, Unit: unit, AttendsWorkshops: true}
}

// validTeam is a team that passes the default profile with no finding: one
// client, four professionals from three units, the owner as a member.
func validTeam() model.Team {
	return model.Team{
		ID:          "t1",
		Name:        "Neuvonnan sujuva polku",
		Process:     "Palveluneuvonnan asiakasohjaus",
		TargetGroup: "older-gaps-isolation",
		County:      "helsinki",
		Units:       []model.Unit{{ID: "u1", Name: "Palveluneuvonta"}, {ID: "u2", Name: "Kotihoito"}, {ID: "u3", Name: "Sosiaalityö"}},
		Members: []model.Member{
			{ID: "m1", Role: model.RoleClient, AttendsWorkshops: true},
			member("m2", model.RoleProfessional, "u1"),
			member("m3", model.RoleProfessional, "u2"),
			member("m4", model.RoleProfessional, "u3"),
			member("m5", model.RoleProfessional, "u1"),
			member("m6", model.RoleOwner, "u1"),
		},
		Owner: model.Owner{MemberID: "m6", Title: "Palvelupäällikkö"},
	}
}

// with returns validTeam changed by f.
func with(f func(t *model.Team)) model.Team {
	t := validTeam()
	f(&t)
	return t
}

func professionals(n int, units ...string) []model.Member {
	var out []model.Member
	for i := range n {
		out = append(out, member(fmt.Sprintf("p%d", i), model.RoleProfessional, units[i%len(units)]))
	}
	return out
}

// want is one expected finding with its Finnish and English messages.
type want struct {
	path, code string
	severity   model.Severity
	fi, en     string
}

var teamCases = []struct {
	name string
	team model.Team
	want []want
}{
	{name: "valid", team: validTeam()},
	{
		name: "4 members",
		team: with(func(t *model.Team) { t.Members = t.Members[:4] }),
		want: []want{
			{"/members", "team.professionals", model.SeverityError, "Tiimissä on 3 sosiaali- ja terveydenhuollon ammattilaista; pitää olla 4–6.", "The team has 3 social and health care professionals; it should have 4–6."},
			{"/members", "team.size", model.SeverityError, "Tiimissä on 4 jäsentä; suositus on 5–8.", "The team has 4 members; the recommendation is 5–8."},
			{"/members", "team.supervisor", model.SeverityError, "Prosessin omistaja ei ole tiimissä, ja tiimissä on 0 esihenkilöä; pitää olla ≥ 1.", "The process owner is not in the team, and the team has 0 supervisors; it should have ≥ 1."},
			{"/owner/memberId", "team.owner.member", model.SeverityError, "Prosessin omistajaksi merkittyä jäsentä ”m6” ei ole.", "The member \"m6\" named as process owner does not exist."},
		},
	},
	{name: "5 members", team: with(func(t *model.Team) {
		t.Members = append(t.Members[:1], append(professionals(4, "u1", "u2", "u3")[:3], t.Members[5])...)
		t.Members = append(t.Members, member("p9", model.RoleProfessional, "u1"))
	})},
	{name: "8 members", team: with(func(t *model.Team) {
		t.Members = append(t.Members[:1], append(professionals(6, "u1", "u2", "u3"), t.Members[5])...)
	})},
	{
		name: "9 members",
		team: with(func(t *model.Team) {
			t.Members = append(t.Members[:1], append(professionals(6, "u1", "u2", "u3"), t.Members[5], member("s1", model.RoleSupervisor, "u2"))...)
		}),
		want: []want{{"/members", "team.size", model.SeverityError, "Tiimissä on 9 jäsentä; suositus on 5–8.", "The team has 9 members; the recommendation is 5–8."}},
	},
	{
		name: "0 clients",
		team: with(func(t *model.Team) { t.Members[0] = member("m1", model.RoleProfessional, "u2") }),
		want: []want{{"/members", "team.clients", model.SeverityError, "Tiimissä on 0 asiakasjäsentä; pitää olla 1.", "The team has 0 client members; it should have 1."}},
	},
	{
		name: "2 clients",
		team: with(func(t *model.Team) { t.Members = append(t.Members, model.Member{ID: "m7", Role: model.RoleClient}) }),
		want: []want{{"/members", "team.clients", model.SeverityError, "Tiimissä on 2 asiakasjäsentä; pitää olla 1.", "The team has 2 client members; it should have 1."}},
	},
	{
		name: "7 professionals",
		team: with(func(t *model.Team) {
			t.Members = append(t.Members[:1], professionals(7, "u1", "u2", "u3")...)
			t.Owner = model.Owner{Name: "Outi Omistaja"}
			t.Members = t.Members[:8]
		}),
		want: []want{
			{"/members", "team.professionals", model.SeverityError, "Tiimissä on 7 sosiaali- ja terveydenhuollon ammattilaista; pitää olla 4–6.", "The team has 7 social and health care professionals; it should have 4–6."},
			{"/members", "team.supervisor", model.SeverityError, "Prosessin omistaja ei ole tiimissä, ja tiimissä on 0 esihenkilöä; pitää olla ≥ 1.", "The process owner is not in the team, and the team has 0 supervisors; it should have ≥ 1."},
		},
	},
	{
		name: "owner outside, with supervisor",
		team: with(func(t *model.Team) {
			t.Members[5] = member("m6", model.RoleSupervisor, "u2")
			t.Owner = model.Owner{Name: "Outi Omistaja", Title: "Palvelualuejohtaja"}
		}),
	},
	{
		name: "owner outside, without supervisor",
		team: with(func(t *model.Team) {
			t.Members[5] = member("m6", model.RoleProfessional, "u2")
			t.Owner = model.Owner{Name: "Outi Omistaja"}
		}),
		want: []want{{"/members", "team.supervisor", model.SeverityError, "Prosessin omistaja ei ole tiimissä, ja tiimissä on 0 esihenkilöä; pitää olla ≥ 1.", "The process owner is not in the team, and the team has 0 supervisors; it should have ≥ 1."}},
	},
	{
		name: "no owner named",
		team: with(func(t *model.Team) {
			t.Members[5] = member("m6", model.RoleSupervisor, "u2")
			t.Owner = model.Owner{}
		}),
		want: []want{{"/owner", "team.owner", model.SeverityError, "Prosessin omistajaa ei ole nimetty.", "The process owner has not been named."}},
	},
	{
		name: "2 units",
		team: with(func(t *model.Team) { t.Members[3].Unit = "u1" }),
		want: []want{{"/members", "team.units", model.SeverityWarning, "Ammattilaiset tulevat 2 yksiköstä; suositus on ≥ 3.", "The professionals come from 2 units; the recommendation is ≥ 3."}},
	},
	{
		name: "owner member in another role",
		team: with(func(t *model.Team) { t.Owner.MemberID = "m2" }),
		want: []want{{"/owner/memberId", "team.role.double", model.SeverityError, "Henkilö m2 on tiimissä kahdessa roolissa.", "Henkilö m2 holds two roles in the team."}},
	},
	{
		name: "same person twice",
		team: with(func(t *model.Team) { t.Members[4].Name = " henkilö  M2 " }),
		want: []want{{"/members/4", "team.role.double", model.SeverityError, "henkilö  M2 on tiimissä kahdessa roolissa.", "henkilö  M2 holds two roles in the team."}},
	},
	{
		name: "unknown role, unit, county; duplicate id; missing name",
		team: with(func(t *model.Team) {
			t.Name = ""
			t.County = "atlantis"
			t.Members[2].Role = "boss"
			t.Members[3].Unit = "u9"
			t.Members[4].ID = "m2"
		}),
		want: []want{
			{"/county", "enum.unknown", model.SeverityError, "Tuntematon arvo ”atlantis”.", "Unknown value \"atlantis\"."},
			{"/members", "team.professionals", model.SeverityError, "Tiimissä on 3 sosiaali- ja terveydenhuollon ammattilaista; pitää olla 4–6.", "The team has 3 social and health care professionals; it should have 4–6."},
			{"/members", "team.units", model.SeverityWarning, "Ammattilaiset tulevat 2 yksiköstä; suositus on ≥ 3.", "The professionals come from 2 units; the recommendation is ≥ 3."},
			{"/members/2/role", "enum.unknown", model.SeverityError, "Tuntematon arvo ”boss”.", "Unknown value \"boss\"."},
			{"/members/3/unit", "team.member.unit", model.SeverityError, "Yksikköä ”u9” ei ole tiimin yksiköissä.", "The unit \"u9\" is not one of the team's units."},
			{"/members/4/id", "id.duplicate", model.SeverityError, "Tunniste ”m2” on käytössä useammin kuin kerran.", "The id \"m2\" is used more than once."},
			{"/name", "field.required", model.SeverityError, "Kenttä on pakollinen.", "This field is required."},
		},
	},
}

func TestTeamValidate(t *testing.T) {
	catalog := model.Messages()
	for _, tc := range teamCases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.team.Validate(model.DefaultProfile())
			require.Len(t, got, len(tc.want), "findings: %v", got)
			for i, w := range tc.want {
				assert.Equal(t, w.path, got[i].Path, "path of %d", i)
				assert.Equal(t, model.Code(w.code), got[i].Code, "code of %d", i)
				assert.Equal(t, w.severity, got[i].Severity, "severity of %d", i)
				assert.Equal(t, w.fi, catalog.Text(got[i], model.Finnish), "fi of %d", i)
				assert.Equal(t, w.en, catalog.Text(got[i], model.English), "en of %d", i)
				assert.NotEqual(t, got[i].String(), catalog.Text(got[i], model.Swedish), "sv of %d", i)
			}
		})
	}
}
