// Command county shows how a county's own system uses Sujuva end to end —
// the example a county developer copies from:
//
//  1. read the team's roster as exported from the HR system (CSV);
//
//  2. check its composition against the Sujuvat palvelut profile;
//
//  3. analyse the patient or client system's event log and start the
//     team's current value stream map from its most frequent path;
//
//  4. assemble the team's worksheet file;
//
//  5. write the Innokylä description (drafted where the team has not yet
//     written) and the poster.
//
//     go run ./examples/county -roster roster.csv -log events.csv -out out/
//
// The files written are validated against Sujuva's published schemas before
// they are written. Exit code 1 means a file could not be read or written,
// or the roster breaks a rule of the method.
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Helsinki without the system's zoneinfo

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/export/svg"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream/eventlog"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("county", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rosterPath := fs.String("roster", "", "the roster CSV from the HR system: id;name;role;unit;profession")
	logPath := fs.String("log", "", "the event log CSV from the patient or client system")
	outDir := fs.String("out", ".", "where to write worksheet.json, innokyla.json and poster.svg")
	teamName := fs.String("team", "Neuvonnan sujuva alku", "the team's name")
	process := fs.String("process", "Neuvonnan asiakkaaksi tulo", "the client process the team develops")
	county := fs.String("county", "helsinki", "the county's code or name")
	if err := fs.Parse(args); err != nil || *rosterPath == "" || *logPath == "" {
		fmt.Fprintln(stderr, "usage: county -roster FILE.csv -log FILE.csv [-out DIR]")
		return 2
	}
	// Europe/Helsinki reads the local timestamps of Finnish systems, across
	// the DST changes.
	helsinki, err := time.LoadLocation("Europe/Helsinki")
	if err != nil {
		fmt.Fprintln(stderr, "county:", err)
		return 1
	}

	// 1. The roster: one member a row. A client may be listed by role alone.
	team, err := readRoster(*rosterPath)
	if err != nil {
		fmt.Fprintln(stderr, "county:", err)
		return 1
	}
	c, _ := model.LookupCounty(*county)
	team.Name, team.Process, team.County = *teamName, *process, c.Code

	// 2. The composition rules of Sujuvat palvelut, as findings with their
	// messages in Finnish. Errors stop here; warnings are reported.
	findings := team.Validate(model.DefaultProfile())
	for _, f := range findings {
		fmt.Fprintf(stdout, "%s %s: %s\n", f.Severity, f.Path, model.Messages().Text(f, model.Finnish))
	}
	if findings.HasErrors() {
		return 1
	}

	// 3. The event log: lead times and the most frequent path, which becomes
	// the team's first current-state map (process times are for the team to
	// fill in).
	logFile, err := os.Open(*logPath)
	if err != nil {
		fmt.Fprintln(stderr, "county:", err)
		return 1
	}
	defer logFile.Close()
	summary, err := eventlog.Analyze(context.Background(), logFile, eventlog.Options{Location: helsinki, Lenient: true})
	if err != nil {
		fmt.Fprintln(stderr, "county:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d events in %d cases; median lead time %.1f days\n", summary.Events, summary.Cases, summary.LeadTime.Median/86400)

	// 4. The worksheet file, as the browser worksheet opens it.
	w := export.Worksheet{
		Format: export.WorksheetFormat, Version: export.WorksheetVersion, Language: model.Finnish, Profile: "default",
		Team: team, Current: summary.Map("Nykytila tapahtumalokista"), EventLog: summary,
	}
	// 5. The Innokylä description and the poster.
	material := w.Material()
	doc, _ := export.Draft(material, model.Finnish)
	poster := export.Poster(material, svg.A3, model.Finnish)

	files := map[string]any{"worksheet.json": w, "innokyla.json": doc}
	for name, v := range files {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "county:", err)
			return 1
		}
		kind, _ := schema.Detect(b)
		if fs := schema.Validate(kind, b); fs.HasErrors() {
			fmt.Fprintln(stderr, "county: internal error, schema:", fs)
			return 1
		}
		if err := os.WriteFile(filepath.Join(*outDir, name), append(b, '\n'), 0o644); err != nil {
			fmt.Fprintln(stderr, "county:", err)
			return 1
		}
	}
	if err := os.WriteFile(filepath.Join(*outDir, "poster.svg"), []byte(poster), 0o644); err != nil {
		fmt.Fprintln(stderr, "county:", err)
		return 1
	}
	fmt.Fprintln(stdout, "wrote worksheet.json, innokyla.json and poster.svg to", *outDir)
	return 0
}

// readRoster reads "id;name;role;unit;profession" (a comma works too) into
// a team; the units are those the members name.
func readRoster(path string) (model.Team, error) {
	f, err := os.Open(path)
	if err != nil {
		return model.Team{}, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		return model.Team{}, fmt.Errorf("roster: %w", err)
	}
	var team model.Team
	units := map[string]bool{}
	for i, row := range rows {
		if i == 0 || len(row) < 5 {
			continue // the header, or a short row
		}
		m := model.Member{ID: row[0], Name: row[1], Role: model.Role(strings.TrimSpace(row[2])), Unit: row[3], Profession: row[4], AttendsWorkshops: true}
		team.Members = append(team.Members, m)
		if m.Role == model.RoleOwner {
			team.Owner.MemberID = m.ID
		}
		if m.Unit != "" && !units[m.Unit] {
			units[m.Unit] = true
			team.Units = append(team.Units, model.Unit{ID: m.Unit, Name: m.Unit})
		}
	}
	return team, nil
}
