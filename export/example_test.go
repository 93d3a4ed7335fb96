package export_test

import (
	"fmt"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/model"
)

func ExampleDraft() {
	team := model.Team{
		Name: "Sujuva neuvonta", Process: "Neuvonnan asiakkaaksi tulo", County: "pirkanmaa", TargetGroup: "informal-carers",
		Units: []model.Unit{{ID: "n", Name: "Neuvonta"}, {ID: "k", Name: "Kotihoito"}},
	}
	d, findings := export.Draft(export.Material{Team: team}, model.Finnish)
	fmt.Println(d.Basics.Name)
	for _, key := range []innokyla.SectionKey{"operatingEnvironment", "targetGroup"} {
		s, _ := d.Section(key)
		fmt.Println(s.Source, s.Text)
	}
	fmt.Println(findings.Codes())
	// Output:
	// Sujuva neuvonta, Pirkanmaan HVA (RRP, P4, I1)
	// draft Kehittämisen kohteena on prosessi ”Neuvonnan asiakkaaksi tulo” (Pirkanmaa). Prosessissa ovat mukana yksiköt Neuvonta ja Kotihoito.
	// draft Kohderyhmänä ovat omaishoitajat.
	// [field.required innokyla.section.required innokyla.section.required]
}
