package bridge

import (
	"encoding/json"
	"strconv"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

// Worksheet file format. A file without "version" is read as version 0,
// the page's first drafts, and migrated.
const (
	WorksheetFormat  = "sujuva.worksheet"
	WorksheetVersion = 1
)

// Worksheet is everything one team keeps, as the browser saves it to its
// storage and to a file: the team and rule profile, the aim, the current and
// ideal value stream maps, the PDSA cycles and the Innokylä report. Measures
// are carried unchanged until the metrics package defines them.
//
// It is the bridge's own envelope until export defines the worksheet
// document; the page reads and writes only through "worksheet.check".
type Worksheet struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Language model.Language  `json:"language,omitempty"`
	Profile  string          `json:"profile,omitempty"`
	Team     model.Team      `json:"team"`
	Aim      *pdsa.Aim       `json:"aim,omitempty"`
	Current  valuestream.Map `json:"current"`
	Ideal    valuestream.Map `json:"ideal"`
	Cycles   []pdsa.Cycle    `json:"cycles"`
	Measures json.RawMessage `json:"measures,omitempty"`
	Report   Report          `json:"report"`
}

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
	if w.Report.Basics.Name != "" {
		d, rfs := buildReport(w.Report)
		fs = append(fs, rfs.Under("/report")...)
		fs = append(fs, d.Validate().Under("/report/document")...)
	}
	return WorksheetCheck{Worksheet: w, Migrated: migrated, Check: check(fs)}, nil
}
