package bridge

import (
	"encoding/json"
	"strconv"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// Worksheet file format: export's. A file without "version" is read as
// version 0, the page's first drafts, and migrated.
const (
	WorksheetFormat  = export.WorksheetFormat
	WorksheetVersion = export.WorksheetVersion
)

// Worksheet is everything one team keeps: export.Worksheet, which keeps the
// fields it does not know so that nothing is lost on a round trip.
type Worksheet = export.Worksheet

// WorksheetCheck is the answer of "worksheet.check": the worksheet in the
// current version and every finding of its parts, at paths into it.
type WorksheetCheck struct {
	Worksheet Worksheet `json:"worksheet"`
	Migrated  bool      `json:"migrated"` // the input was of an older version
	Check
}

func (b *Bridge) worksheetCheck(in []byte) (any, error) {
	var w Worksheet
	if err := decode(in, &w); err != nil {
		return nil, err
	}
	if w.Version > WorksheetVersion || w.Version < 0 {
		return nil, invalid(model.Findings{model.NewError("/version", CodeWorksheetVersion).With("version", strconv.Itoa(w.Version))})
	}
	migrated := w.Version < WorksheetVersion
	w.Format, w.Version = WorksheetFormat, WorksheetVersion
	if w.Cycles == nil {
		w.Cycles = []pdsa.Cycle{}
	}
	var fs model.Findings
	if p, ok := profile(w.Profile); ok {
		fs = w.Team.Validate(p).Under("/team")
	} else {
		fs = model.Findings{model.NewError("/profile", CodeProfileUnknown).With("profile", w.Profile)}
	}
	if w.Aim != nil {
		fs = append(fs, w.Aim.Validate().Under("/aim")...)
	}
	if len(w.Current.Steps) > 0 {
		fs = append(fs, w.Current.Validate().Under("/current")...)
	}
	if len(w.Ideal.Steps) > 0 {
		fs = append(fs, w.Ideal.Validate().Under("/ideal")...)
	}
	for i, c := range w.Cycles {
		fs = append(fs, c.Validate().Under(model.Pointer("cycles", i))...)
	}
	for i, m := range w.Measures {
		fs = append(fs, m.Measure.Validate().Under(model.Pointer("measures", i, "measure"))...)
		t := m.Measure.ChartType()
		if m.Options != nil && m.Options.Type != "" {
			t = m.Options.Type
		}
		if t == "" {
			t = metrics.ChartRun
		}
		fs = append(fs, m.Series.Validate(t).Under(model.Pointer("measures", i, "series"))...)
	}
	if w.Report.Basics.Name != "" {
		d, rfs := buildReport(w.Report)
		fs = append(fs, rfs.Under("/report")...)
		fs = append(fs, d.Validate().Under("/report/document")...)
	}
	return WorksheetCheck{Worksheet: w, Migrated: migrated, Check: check(fs)}, nil
}

// AggregateInput is the input of "round.aggregate": the worksheets of a
// round's teams, as their files hold them (older versions are migrated), and
// the smallest count published (5 when 0).
type AggregateInput struct {
	Worksheets []json.RawMessage `json:"worksheets"`
	Threshold  int               `json:"threshold,omitempty"`
}

// roundAggregate builds the organiser's anonymised aggregate of a round
// (export.Aggregate): counts of members by role, of measures by kind and
// dimension, and of improvements by kind, every small count hidden so that
// none can be recovered. A worksheet that cannot be read makes the whole
// input invalid, with findings under its index.
func (b *Bridge) roundAggregate(in []byte) (any, error) {
	var v AggregateInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	var fs model.Findings
	if v.Threshold < 0 {
		fs = append(fs, model.NewError("/threshold", CodeThreshold).With("threshold", strconv.Itoa(v.Threshold)))
	}
	teams := make([]export.TeamData, 0, len(v.Worksheets))
	for i, raw := range v.Worksheets {
		w, _, wfs := export.DecodeWorksheet(raw)
		if wfs.HasErrors() {
			fs = append(fs, wfs.Under(model.Pointer("worksheets", i))...)
			continue
		}
		teams = append(teams, export.TeamData{Team: w.Team, Measures: w.Material().Measures})
	}
	if fs.HasErrors() {
		return nil, invalid(fs)
	}
	r, err := export.Aggregate(teams, v.Threshold)
	if err != nil {
		return nil, invalid(model.Findings{model.NewError("/threshold", CodeThreshold).With("threshold", strconv.Itoa(v.Threshold))})
	}
	return r, nil
}
