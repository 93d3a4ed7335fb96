package model_test

import (
	"fmt"

	"github.com/sujuva/sujuva/model"
)

func ExampleTeam_Validate() {
	team := model.Team{
		Name:    "Neuvonnan sujuva polku",
		Process: "Palveluneuvonnan asiakasohjaus",
		County:  "helsinki",
		Members: []model.Member{
			{ID: "m1", Role: model.RoleClient},
			{ID: "m2", Role: model.RoleProfessional, Unit: "neuvonta"},
			{ID: "m3", Role: model.RoleProfessional, Unit: "kotihoito"},
			{ID: "m4", Role: model.RoleProfessional, Unit: "neuvonta"},
		},
		Owner: model.Owner{Name: "Outi Omistaja"},
	}
	catalog := model.Messages()
	for _, f := range team.Validate(model.DefaultProfile()) {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Path, catalog.Text(f, model.Finnish))
	}
	// Output:
	// error /members: Tiimissä on 3 sosiaali- ja terveydenhuollon ammattilaista; pitää olla 4–6.
	// error /members: Tiimissä on 4 jäsentä; suositus on 5–8.
	// error /members: Prosessin omistaja ei ole tiimissä, ja tiimissä on 0 esihenkilöä; pitää olla ≥ 1.
	// warning /members: Ammattilaiset tulevat 2 yksiköstä; suositus on ≥ 3.
}

func ExampleTeam_ProfessionalUnitCount() {
	team := model.Team{Members: []model.Member{
		{ID: "m1", Role: model.RoleClient, Unit: "asiakas"},
		{ID: "m2", Role: model.RoleProfessional, Unit: "neuvonta"},
		{ID: "m3", Role: model.RoleProfessional, Unit: "kotihoito"},
		{ID: "m4", Role: model.RoleProfessional, Unit: "neuvonta"},
		{ID: "m5", Role: model.RoleProfessional},
	}}
	fmt.Println(team.ProfessionalUnits(), team.ProfessionalUnitCount())
	// Output: [neuvonta kotihoito] 2
}

func ExampleRound_Validate() {
	round := model.Round{
		Name:       "Kierros 6",
		Period:     model.Period{Start: model.NewDate(2025, 9, 1), End: model.NewDate(2026, 8, 31)},
		Coaches:    []model.Coach{{ID: "c1", Name: "Valmentaja A"}, {ID: "c2", Name: "Valmentaja B"}},
		CoachPairs: []model.CoachPair{{ID: "p1", Coaches: []string{"c1", "c2"}}},
		Teams: []model.RoundTeam{
			{ID: "t1", Name: "Tiimi 1", CoachPair: "p1"},
			{ID: "t2", Name: "Tiimi 2", CoachPair: "p1"},
			{ID: "t3", Name: "Tiimi 3", CoachPair: "p1"},
		},
		Workshops: model.DefaultTemplate().Schedule(model.NewDate(2025, 9, 2)),
	}
	for _, f := range round.Validate() {
		fmt.Println(f.Path, model.Messages().Text(f, model.English))
	}
	// Output:
	// /coachPairs/0 The coach pair has 3 teams; at most 2.
}

func ExampleTemplate_Schedule() {
	for _, w := range model.DefaultTemplate().Schedule(model.NewDate(2024, 9, 3)) {
		fmt.Println(w.Number, w.Start, w.End, w.Days())
	}
	// Output:
	// 1 2024-09-03 2024-09-04 2
	// 2 2024-12-10 2024-12-11 2
	// 3 2025-03-18 2025-03-19 2
	// 4 2025-05-14 2025-05-14 1
}

func ExampleParseProfile() {
	_, err := model.ParseProfile([]byte(`{"id": "pilot", "rules": [{"rule": "size", "min": 8, "max": 4, "severity": "error"}]}`))
	fmt.Println(err)
	// Output:
	// model: /rules/0/max: profile.bounds (error) max=4 min=8
}

func ExampleLookupCounty() {
	c, ok := model.LookupCounty("Birkaland")
	fmt.Println(c.Code, c.FI, c.FIGenitive+" HVA", ok)
	// Output:
	// pirkanmaa Pirkanmaa Pirkanmaan HVA true
}

func ExampleDecodeJSON() {
	var team model.Team
	fmt.Println(model.DecodeJSON([]byte(`{"name": "Tiimi", "members": 5}`), &team))
	// Output:
	// model: /members: json.type (error) got=number want=[]model.Member
}

func ExamplePointer() {
	fmt.Println(model.Pointer("members", 2, "role"))
	// Output:
	// /members/2/role
}
