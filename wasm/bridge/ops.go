package bridge

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

// Profile names accepted by "team.validate" and the worksheet.
const (
	ProfileDefault      = "default"      // model.DefaultProfile: a Sujuvat palvelut development team
	ProfileServiceChain = "serviceChain" // model.ServiceChainProfile: a service-chain core group
)

func profile(name string) (model.Profile, bool) {
	switch name {
	case "", ProfileDefault:
		return defaultProfile(), true
	case ProfileServiceChain:
		return serviceChainProfile(), true
	}
	return model.Profile{}, false
}

// The profiles are shared, not cloned for each call: validation only reads
// them.
var (
	defaultProfile      = sync.OnceValue(model.DefaultProfile)
	serviceChainProfile = sync.OnceValue(model.ServiceChainProfile)
)

// TeamInput is the input of "team.validate". Profile is a profile name; the
// zero value is [ProfileDefault].
type TeamInput struct {
	Team    model.Team `json:"team"`
	Profile string     `json:"profile,omitempty"`
}

// TeamCheck is the answer of "team.validate": the [Check] and the counts the
// page shows beside the roster.
type TeamCheck struct {
	Check
	Size  int                `json:"size"`  // number of members
	Roles map[model.Role]int `json:"roles"` // members per known role
	Units int                `json:"units"` // distinct units of the professionals
}

func (b *Bridge) teamValidate(in []byte) (any, error) {
	v, err := teamInput(in)
	if err != nil {
		return nil, err
	}
	// The team's findings, sorted by Validate, keep their order under the
	// prefix, which appendTeamCheck writes.
	var fs model.Findings
	prefix := "/team"
	if p, ok := profile(v.Profile); ok {
		fs = v.Team.Validate(p)
	} else {
		fs, prefix = model.Findings{model.NewError("/profile", CodeProfileUnknown).With("profile", v.Profile)}, ""
	}
	out := make([]byte, 0, 256+128*len(fs))
	count := func(r model.Role) int { return v.Team.Count(r) }
	return rawOutput(appendTeamCheck(out, !fs.HasErrors(), fs, prefix, len(v.Team.Members), count, v.Team.ProfessionalUnitCount())), nil
}

// RoundInput is the input of "round.validate".
type RoundInput struct {
	Round model.Round `json:"round"`
}

func (b *Bridge) roundValidate(in []byte) (any, error) {
	var v RoundInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	return check(v.Round.Validate().Under("/round")), nil
}

// MapInput is the input of "valuestream.summary".
type MapInput struct {
	Map valuestream.Map `json:"map"`
}

// MapSummary is the answer of "valuestream.summary": the summary, its lead
// time in days for display, and the map's warnings.
type MapSummary struct {
	Summary      valuestream.Summary `json:"summary"`
	LeadTimeDays float64             `json:"leadTimeDays"`
	Findings     model.Findings      `json:"findings"`
}

func (b *Bridge) vsSummary(in []byte) (any, error) {
	var v MapInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	fs := v.Map.Validate().Under("/map")
	if fs.HasErrors() {
		return nil, invalid(fs)
	}
	s, err := v.Map.Summary()
	if err != nil {
		var f model.Findings
		if errors.As(err, &f) {
			return nil, invalid(f.Under("/map"))
		}
		return nil, err
	}
	return MapSummary{Summary: s, LeadTimeDays: s.LeadTime.Hours() / 24, Findings: check(fs).Findings}, nil
}

// CompareInput is the input of "valuestream.compare".
type CompareInput struct {
	Current valuestream.Map `json:"current"`
	Ideal   valuestream.Map `json:"ideal"`
}

func (b *Bridge) vsCompare(in []byte) (any, error) {
	var v CompareInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	c, err := valuestream.Compare(v.Current, v.Ideal)
	if err != nil {
		var f model.Findings
		if errors.As(err, &f) {
			return nil, invalid(f)
		}
		return nil, err
	}
	return c, nil
}

// CycleInput is the input of "pdsa.cycle.validate".
type CycleInput struct {
	Cycle pdsa.Cycle `json:"cycle"`
}

// CycleCheck is the answer of "pdsa.cycle.validate": the cycle's findings
// and, apart, what it lacks to leave its current phase.
type CycleCheck struct {
	Check
	Phase   pdsa.Phase     `json:"phase"`
	Missing model.Findings `json:"missing"`
}

func (b *Bridge) cycleValidate(in []byte) (any, error) {
	var v CycleInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	return CycleCheck{
		Check:   check(v.Cycle.Validate().Under("/cycle")),
		Phase:   v.Cycle.Current(),
		Missing: check(v.Cycle.Missing().Under("/cycle")).Findings,
	}, nil
}

// MoveInput is the input of "pdsa.cycle.move": the cycle, the phase asked
// for and the time of the move (RFC 3339).
type MoveInput struct {
	Cycle pdsa.Cycle `json:"cycle"`
	To    pdsa.Phase `json:"to"`
	At    time.Time  `json:"at"`
}

// MoveResult is the answer of "pdsa.cycle.move": the moved cycle and what it
// lacks to leave its new phase.
type MoveResult struct {
	Cycle   pdsa.Cycle     `json:"cycle"`
	Missing model.Findings `json:"missing"`
}

// CodeTransition: a move the PDSA state machine never allows (parameters
// "from" and "to").
const CodeTransition model.Code = "bridge.transition"

func (b *Bridge) cycleMove(in []byte) (any, error) {
	var v MoveInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	c := v.Cycle
	if err := c.Move(v.To, v.At); err != nil {
		var te *pdsa.TransitionError
		switch {
		case errors.As(err, &te) && len(te.Findings) > 0:
			return nil, invalid(te.Findings.Under("/cycle"))
		case errors.As(err, &te):
			return nil, invalid(model.Findings{model.NewError("/to", CodeTransition).With("from", string(te.From)).With("to", string(te.To))})
		case errors.Is(err, pdsa.ErrClock):
			return nil, invalid(model.Findings{model.NewError("/at", CodeMoveTime)})
		}
		return nil, invalid(model.Findings{model.NewError("/to", CodeTransition).With("from", string(c.Current())).With("to", string(v.To))})
	}
	return MoveResult{Cycle: c, Missing: check(c.Missing().Under("/cycle")).Findings}, nil
}

// CodeMoveTime: a PDSA move dated before the cycle's last transition.
const CodeMoveTime model.Code = "bridge.moveTime"

// Report is a team's Innokylä description as the worksheet keeps it.
type Report = export.Report

// Built is the answer of "innokyla.build".
type Built struct {
	Document innokyla.Document `json:"document"`
	Check
	Copies   []innokyla.Copy `json:"copies"`
	Markdown string          `json:"markdown"`
}

func buildReport(r Report) (innokyla.Document, model.Findings) {
	lang := r.Language
	if lang == "" {
		lang = model.Finnish
	}
	d := innokyla.New(lang, r.Basics)
	var fs model.Findings
	for _, s := range innokyla.Sections() {
		text, ok := r.Sections[s.Key]
		if !ok || text == "" {
			continue
		}
		if err := d.SetSection(s.Key, text, innokyla.SourceTeam); err != nil {
			fs = append(fs, model.NewError(model.Pointer("sections", string(s.Key)), model.CodeEnumUnknown).With("value", string(s.Key)))
		}
	}
	for k := range r.Sections {
		if _, ok := innokyla.SectionByKey(k); !ok {
			fs = append(fs, model.NewError(model.Pointer("sections", string(k)), model.CodeEnumUnknown).With("value", string(k)))
		}
	}
	return d, fs
}

func (b *Bridge) innokylaBuild(in []byte) (any, error) {
	var r Report
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	d, fs := buildReport(r)
	fs = append(fs, d.Validate().Under("/document")...)
	if doc, err := json.Marshal(d); err == nil {
		fs = append(fs, schema.Validate(schema.Innokyla, doc).Under("/document")...)
	}
	return Built{Document: d, Check: check(fs), Copies: d.Copies(), Markdown: d.Markdown()}, nil
}

// innokylaDraft drafts the description from a worksheet with export.Draft,
// every measure charted (export.Worksheet.Material).
func (b *Bridge) innokylaDraft(in []byte) (any, error) {
	// Decoded as a worksheet file: migrated, and refused when it is of a
	// version this Sujuva cannot read.
	w, _, wfs := export.DecodeWorksheet(in)
	if wfs.HasErrors() {
		return nil, invalid(wfs)
	}
	lang := w.Report.Language
	if lang == "" {
		lang = w.Language
	}
	d, fs := export.Draft(w.Material(), lang)
	if doc, err := json.Marshal(d); err == nil {
		fs = append(fs, schema.Validate(schema.Innokyla, doc)...)
	}
	fs.Sort()
	return Built{Document: d, Check: check(fs.Under("/document")), Copies: d.Copies(), Markdown: d.Markdown()}, nil
}

func (b *Bridge) innokylaValidate(in []byte) (any, error) {
	// The published JSON Schema first, so that a document an integrator
	// could not validate is never called valid; then Sujuva's own rules.
	fs := schema.Validate(schema.Innokyla, in)
	var d innokyla.Document
	if err := decode(in, &d); err != nil {
		return nil, err
	}
	fs = append(fs, d.Validate()...)
	fs.Sort()
	return check(fs), nil
}
