package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
	"github.com/sujuva/sujuva/valuestream/eventlog"
)

// The worksheet file's format name and the version this package writes.
const (
	WorksheetFormat  = "sujuva.worksheet"
	WorksheetVersion = 2
)

// Report is a team's Innokylä description as the worksheet keeps it: the
// language of its texts, the basic fields, and the team's own text of each
// section it has written.
type Report struct {
	Language model.Language                 `json:"language,omitempty"`
	Basics   innokyla.Basics                `json:"basics"`
	Sections map[innokyla.SectionKey]string `json:"sections,omitempty"`
}

// Worksheet is everything one team keeps, in one versioned JSON file
// (schema: export/schema, kind "worksheet"): the team and the rule profile
// it is checked against, the aim, the current and ideal value stream maps,
// the PDSA cycles, the measures with their data, and the texts of the
// Innokylä report.
//
// Fields the file has and this version does not know — written by a newer
// Sujuva, or by an integrator — are kept in Extra and written back, so a
// file opened and saved by an older version loses nothing.
type Worksheet struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Language model.Language `json:"language,omitempty"`
	Profile  string         `json:"profile,omitempty"`
	Team     model.Team     `json:"team"`
	Aim      *pdsa.Aim      `json:"aim,omitempty"`
	// Drivers is the team's driver diagram, Ramps its PDSA ramps (cycles
	// grouped by change idea); Cycles are the page's flat list.
	Drivers *pdsa.DriverDiagram `json:"driverDiagram,omitempty"`
	Ramps   []pdsa.Ramp         `json:"ramps,omitempty"`
	Current valuestream.Map     `json:"current"`
	Ideal   valuestream.Map     `json:"ideal"`
	Cycles  []pdsa.Cycle        `json:"cycles"`
	// Measures are the team's measures with their data (version 1 files
	// held the page's one measure as an object; DecodeWorksheet migrates
	// it).
	Measures []Measured `json:"measures,omitempty"`
	// EventLog is the summary of the event log the current map came from.
	EventLog *eventlog.Summary `json:"eventLog,omitempty"`
	Report   Report            `json:"report"`
	// Extra holds the top-level fields this version does not know, by name.
	Extra map[string]json.RawMessage `json:"-"`
}

type worksheetFields Worksheet // without the methods, for encoding/json

var knownFields = []string{"format", "version", "language", "profile", "team", "aim", "driverDiagram", "ramps", "current", "ideal", "cycles", "measures", "eventLog", "report"}

// UnmarshalJSON reads the known fields and keeps the rest in Extra.
func (w *Worksheet) UnmarshalJSON(b []byte) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err == nil {
		if m, ok := measuresV1(all["measures"]); ok {
			all["measures"] = m
			b, _ = json.Marshal(all)
		}
	}
	var f worksheetFields
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	for _, k := range knownFields {
		delete(all, k)
	}
	f.Extra = nil
	if len(all) > 0 {
		f.Extra = all
	}
	*w = Worksheet(f)
	return nil
}

// measuresV1 converts version 1's measures — the page's one measure as an
// object {name, pasted, series} — to version 2's list, giving the measure
// the id "m1". ok is false when raw is not such an object.
func measuresV1(raw json.RawMessage) (json.RawMessage, bool) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return nil, false
	}
	var v1 struct {
		Name   string         `json:"name"`
		Pasted string         `json:"pasted"`
		Series metrics.Series `json:"series"`
	}
	if json.Unmarshal(raw, &v1) != nil {
		return nil, false
	}
	if v1.Name == "" && v1.Pasted == "" && len(v1.Series.Observations) == 0 {
		return json.RawMessage("[]"), true
	}
	m, err := json.Marshal([]Measured{{Measure: metrics.Measure{ID: "m1", Name: v1.Name}, Series: v1.Series, Pasted: v1.Pasted}})
	return m, err == nil
}

// Material is what [Draft] and [Poster] need of the worksheet, with every
// measure's chart drawn (see [Measured.Charted]).
func (w Worksheet) Material() Material {
	m := Material{Team: w.Team, Aim: w.Aim, Current: w.Current, Ideal: w.Ideal, Cycles: w.Cycles,
		Sections: w.Report.Sections, Basics: w.Report.Basics}
	for _, x := range w.Measures {
		m.Measures = append(m.Measures, x.Charted())
	}
	return m
}

// MarshalJSON writes the known fields, then the Extra ones in name order.
// No cycles are written as an empty list, as the schema wants.
func (w Worksheet) MarshalJSON() ([]byte, error) {
	if w.Cycles == nil {
		w.Cycles = []pdsa.Cycle{}
	}
	b, err := json.Marshal(worksheetFields(w))
	if err != nil || len(w.Extra) == 0 {
		return b, err
	}
	keys := make([]string, 0, len(w.Extra))
	for k := range w.Extra {
		if !slices.Contains(knownFields, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1]) // without the closing brace
	for _, k := range keys {
		name, _ := json.Marshal(k)
		buf.WriteByte(',')
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(w.Extra[k])
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// CodeWorksheetVersion: the file is of a version this Sujuva cannot read.
// Params: version.
const CodeWorksheetVersion model.Code = "export.worksheet.version"

// DecodeWorksheet reads a worksheet file and migrates it to the current
// version: a file without "version" (version 0, the first drafts of the
// page) gets its format and version set and empty lists made explicit; a
// version 1 file's one measure, an object, becomes a list of one.
// migrated reports that the file was older. A file of a newer version, or
// one that is not JSON of the worksheet's shape, gives findings with errors
// and no worksheet.
func DecodeWorksheet(data []byte) (w Worksheet, migrated bool, fs model.Findings) {
	if fs := model.DecodeJSON(data, &w); fs.HasErrors() {
		return Worksheet{}, false, fs
	}
	if w.Version > WorksheetVersion || w.Version < 0 {
		return Worksheet{}, false, model.Findings{model.NewError("/version", CodeWorksheetVersion).With("version", strconv.Itoa(w.Version))}
	}
	migrated = w.Version < WorksheetVersion
	w.Format, w.Version = WorksheetFormat, WorksheetVersion
	if w.Cycles == nil {
		w.Cycles = []pdsa.Cycle{}
	}
	return w, migrated, nil
}

// Messages returns the catalog of this package's codes.
func Messages() model.Catalog {
	return model.Catalog{
		CodeWorksheetVersion: {
			FI: "Työkirjatiedoston versiota {version} ei tunneta; se on tehty uudemmalla Sujuvalla.",
			SV: "Arbetsbokens filversion {version} är okänd; den har gjorts med en nyare Sujuva.",
			EN: "Worksheet file version {version} is not known; it was made by a newer Sujuva.",
		},
	}
}

// Codes returns every rule code this package defines.
func Codes() []model.Code { return []model.Code{CodeWorksheetVersion} }
