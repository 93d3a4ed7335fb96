package pdsa

import (
	"math"
	"slices"

	"github.com/sujuva/sujuva/model"
)

// Aim answers the three questions of the Model for Improvement (Langley et
// al., The Improvement Guide, ch. 1):
//
//  1. What are we trying to accomplish? — Statement, made measurable by
//     Measure, Baseline, Target, By and ClientGroup.
//  2. How will we know that a change is an improvement? — Measure and the
//     further Measures (process and balancing measures).
//  3. What change can we make that will result in improvement? — Changes,
//     the change ideas (ids of [KindChange] nodes of a [DriverDiagram]).
//
// A good aim statement names how much, by when, for whom: "the share of new
// referrals called back the same day rises from 40 % to 90 % by 31 May 2026
// for older people with service gaps". Baseline and Target are in the unit
// of the measure (Unit, free text: "%", "days"); nil means not given. The
// zero value is an empty aim, which [Aim.Validate] reports.
type Aim struct {
	ID          string     `json:"id,omitempty"`
	Statement   string     `json:"statement"`             // what the team is trying to accomplish
	Measure     string     `json:"measure,omitempty"`     // id of the outcome measure the aim moves
	Baseline    *float64   `json:"baseline,omitempty"`    // the measure's value now
	Target      *float64   `json:"target,omitempty"`      // the value aimed at
	Unit        string     `json:"unit,omitempty"`        // unit of Baseline and Target
	By          model.Date `json:"by"`                    // the date by which Target is reached
	ClientGroup string     `json:"clientGroup,omitempty"` // for whom; a model.TargetGroup code or free text
	Measures    []string   `json:"measures,omitempty"`    // ids of further measures (process, balancing)
	Changes     []string   `json:"changes,omitempty"`     // ids of change ideas
}

// Validate reports what the aim lacks. An empty statement is an error
// ([model.CodeRequired] at /statement); a target that is NaN or infinite is
// an error ([CodeNotFinite]). The rest are warnings, because an aim is still
// usable while it is being sharpened: no target number ([CodeAimNumber]), no
// baseline ([CodeAimBaseline]), no date ([CodeAimDate]), no measure
// ([CodeAimMeasure]), no client group ([CodeAimClientGroup]). A date that is
// not a real calendar day is an error ([model.CodeJSONType] with want
// "date").
func (a Aim) Validate() model.Findings {
	var fs model.Findings
	if a.Statement == "" {
		fs = append(fs, model.NewError("/statement", model.CodeRequired))
	}
	if a.Measure == "" {
		fs = append(fs, model.NewWarning("/measure", CodeAimMeasure))
	}
	switch {
	case a.Baseline == nil:
		fs = append(fs, model.NewWarning("/baseline", CodeAimBaseline))
	case !finite(*a.Baseline):
		fs = append(fs, model.NewError("/baseline", CodeNotFinite))
	}
	switch {
	case a.Target == nil:
		fs = append(fs, model.NewWarning("/target", CodeAimNumber))
	case !finite(*a.Target):
		fs = append(fs, model.NewError("/target", CodeNotFinite))
	}
	switch {
	case a.By.IsZero():
		fs = append(fs, model.NewWarning("/by", CodeAimDate))
	case !a.By.IsValid():
		fs = append(fs, badDate("/by", a.By))
	}
	if a.ClientGroup == "" {
		fs = append(fs, model.NewWarning("/clientGroup", CodeAimClientGroup))
	}
	fs = append(fs, emptyIDs("/measures", a.Measures)...)
	fs = append(fs, emptyIDs("/changes", a.Changes)...)
	fs.Sort()
	return fs
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func badDate(path string, d model.Date) model.Finding {
	return model.NewError(path, model.CodeJSONType).With("want", "date").With("got", d.String())
}

// emptyIDs reports empty strings in a list of ids as required fields, and
// repeated ids as duplicates.
func emptyIDs(path string, ids []string) model.Findings {
	var fs model.Findings
	var seen map[string]bool // only for long lists; short ones are searched
	if len(ids) > 16 {
		seen = make(map[string]bool, len(ids))
	}
	for i, id := range ids {
		var dup bool
		if seen != nil {
			dup, seen[id] = seen[id], true
		} else {
			dup = slices.Contains(ids[:i], id)
		}
		switch {
		case id == "":
			fs = append(fs, model.NewError(path+model.Pointer(i), model.CodeRequired))
		case dup:
			fs = append(fs, model.NewError(path+model.Pointer(i), model.CodeDuplicateID).With("id", id))
		}
	}
	return fs
}
