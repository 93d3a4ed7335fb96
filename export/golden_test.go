package export_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// exampleTeams are the three example teams of the golden files: the demo
// team of seed 003, a service-chain core group and a child welfare team
// that writes in Swedish.
func exampleTeams(t *testing.T) map[string]export.Worksheet {
	t.Helper()
	demo, _, fs := export.DecodeWorksheet(demoFile(t))
	require.Empty(t, fs)
	chain := export.Worksheet{
		Format: export.WorksheetFormat, Version: export.WorksheetVersion, Language: model.Finnish, Profile: "serviceChain",
		Team: model.Team{Name: "Muistipolku", Process: "Muistisairaan palveluketju diagnoosista kotihoitoon", County: "keski-suomi",
			TargetGroup: "older-gaps-isolation",
			Units:       []model.Unit{{ID: "ta", Name: "Terveysasema"}, {ID: "mp", Name: "Muistipoliklinikka"}, {ID: "kh", Name: "Kotihoito"}},
			Members: []model.Member{{ID: "a", Role: model.RoleClient}, {ID: "b", Role: model.RoleProfessional, Unit: "ta", Profession: "lääkäri"},
				{ID: "c", Role: model.RoleProfessional, Unit: "mp", Profession: "muistihoitaja"}, {ID: "d", Role: model.RoleOwner, Unit: "kh"}},
			Owner: model.Owner{MemberID: "d"}},
		Aim: &pdsa.Aim{Statement: "Muistisairaan ensikäynti kotihoidossa toteutuu 14 vuorokauden kuluessa diagnoosista 30.9.2026 mennessä."},
		Current: valuestream.Map{Name: "Nykytila", Steps: []valuestream.Step{
			{ID: "1", Name: "Diagnoosi", Process: valuestream.Hours(2)},
			{ID: "2", Name: "Lähete kotihoitoon", Wait: valuestream.Days(12), Process: valuestream.Minutes(30), Handoff: true},
			{ID: "3", Name: "Ensikäynti", Wait: valuestream.Days(30), Process: valuestream.Hours(1.5)},
		}},
		Ideal: valuestream.Map{Name: "Tavoitetila", Steps: []valuestream.Step{
			{ID: "1", Name: "Diagnoosi ja lähete samalla käynnillä", Process: valuestream.Hours(2)},
			{ID: "3", Name: "Ensikäynti", Wait: valuestream.Days(10), Process: valuestream.Hours(1.5)},
		}},
		Cycles: []pdsa.Cycle{},
	}
	welfare := export.Worksheet{
		Format: export.WorksheetFormat, Version: export.WorksheetVersion, Language: model.Swedish, Profile: "default",
		Team: model.Team{Name: "Familjens väg", Process: "Barnskyddsanmälan till bedömning", County: "vantaa-kerava", TargetGroup: "child-welfare",
			Members: []model.Member{{ID: "a", Role: model.RoleClient}, {ID: "b", Role: model.RoleProfessional, Profession: "socialarbetare"},
				{ID: "c", Role: model.RoleProfessional, Profession: "familjearbetare"}, {ID: "d", Role: model.RoleProfessional, Profession: "psykolog"},
				{ID: "e", Role: model.RoleProfessional, Profession: "hälsovårdare"}, {ID: "f", Role: model.RoleSupervisor}},
			Owner: model.Owner{Name: "Servicechef", Title: "servicechef"}},
		Aim:    &pdsa.Aim{Statement: "Bedömningen påbörjas inom sju vardagar för alla anmälningar senast 31.12.2026."},
		Cycles: []pdsa.Cycle{},
		Report: export.Report{Language: model.Swedish, Sections: map[innokyla.SectionKey]string{"coreIdea": "En gemensam bedömningsdag varje vecka."}},
	}
	return map[string]export.Worksheet{"demo": demo, "service-chain": chain, "child-welfare": welfare}
}

func golden(t *testing.T, name string, got []byte, kind schema.Kind) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./export -update")
	assert.Equal(t, string(want), string(got), "%s differs: run go test ./export -update and review the diff", path)
	assert.Empty(t, schema.Validate(kind, want), "%s against the %s schema", path, kind)
}

// TestGoldenExports writes each example team's worksheet and drafted
// Innokylä document, compares them with the golden files and validates
// every golden file against its published schema.
func TestGoldenExports(t *testing.T) {
	for name, w := range exampleTeams(t) {
		t.Run(name, func(t *testing.T) {
			ws, err := json.MarshalIndent(w, "", "  ")
			require.NoError(t, err)
			golden(t, name+".worksheet", append(ws, '\n'), schema.Worksheet)
			d, _ := export.Draft(w.Material(), w.Language)
			doc, err := json.MarshalIndent(d, "", "  ")
			require.NoError(t, err)
			golden(t, name+".innokyla", append(doc, '\n'), schema.Innokyla)
		})
	}
}
