package valuestream

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/sujuva/sujuva/model"
)

// Kind says which state of the process a [Map] draws. The zero value is
// unset, which is allowed.
type Kind string

const (
	// KindCurrent: the process as it runs today (Martin & Osterling's
	// current state).
	KindCurrent Kind = "current"
	// KindIdeal: the process as the team would have it with no constraints.
	KindIdeal Kind = "ideal"
	// KindFuture: the process the team commits to reach next (Martin &
	// Osterling's future state).
	KindFuture Kind = "future"
)

// Kinds lists the kinds of map.
func Kinds() []Kind { return []Kind{KindCurrent, KindIdeal, KindFuture} }

// String returns the kind's name.
func (k Kind) String() string { return string(k) }

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return slices.Contains(Kinds(), k) }

// ParseKind returns the kind named s, or a [*model.EnumError].
func ParseKind(s string) (Kind, error) {
	if k := Kind(s); k.IsValid() {
		return k, nil
	}
	return "", &model.EnumError{Type: "map kind", Value: s}
}

// MarshalText returns the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText sets k to the name in b. Unknown names are kept, not
// refused: [Map.Validate] reports them.
func (k *Kind) UnmarshalText(b []byte) error {
	*k = Kind(b)
	return nil
}

// A Step is one box of a value stream map: a piece of work one actor or
// unit does to the case, preceded by the time the case waits for it
// (a process block of Martin & Osterling, Value Stream Mapping, 2014, with
// its part of the timeline below the blocks).
//
// The zero value is not a valid step: ID and Name are required.
type Step struct {
	// ID identifies the step within its map; [Compare] matches steps of
	// two maps by it. Required, unique within the map.
	ID string `json:"id"`
	// Name is the work done, in the team's words ("Ajanvaraus"). Required.
	Name string `json:"name"`
	// Actor is who does the work: a role or a person ("sairaanhoitaja").
	Actor string `json:"actor,omitempty"`
	// Unit is the organisational unit the work is done in; units crossed
	// are counted from it. Empty means unknown.
	Unit string `json:"unit,omitempty"`
	// Wait is the time the case waits before this step begins (the
	// "lead time" line between boxes in Martin & Osterling). Not negative.
	Wait Duration `json:"wait,omitzero"`
	// Process is the process time (PT): the hands-on time the step's work
	// takes, touch time and thinking time included. Not negative.
	Process Duration `json:"process,omitzero"`
	// CompleteAccurate is the step's percent complete and accurate (%C&A),
	// 0–100: the share of cases the next step can use as they are, without
	// correcting, adding or clarifying. Nil means not measured; such steps
	// are left out of the rolled %C&A.
	CompleteAccurate *float64 `json:"completeAccuratePct,omitempty"`
	// Handoff reports whether the step hands the case off to another unit.
	Handoff bool `json:"handoff,omitempty"`
	// Notes hold anything else the team wants to remember.
	Notes string `json:"notes,omitempty"`
}

// A Map is a value stream map: the steps of one process in order, from the
// client's first contact to the end (Martin & Osterling, Value Stream
// Mapping, 2014).
//
// The zero value is an empty map, which [Map.Validate] reports.
type Map struct {
	// Name names the process or the map ("Lasten mielenterveyspolku").
	Name string `json:"name,omitempty"`
	// Kind says which state the map draws; zero is unset.
	Kind Kind `json:"kind,omitempty"`
	// Steps are in the order the case passes them.
	Steps []Step `json:"steps"`
	// Notes hold anything else the team wants to remember.
	Notes string `json:"notes,omitempty"`
}

// Percent returns a pointer to p, for [Step.CompleteAccurate].
func Percent(p float64) *float64 { return &p }

// Validate reports every problem of m at once, sorted by path; nil when
// there is none. Errors: an empty map ([CodeEmpty]); a step without id or
// name ([model.CodeRequired]); an id used twice ([model.CodeDuplicateID], at
// the second use); a negative wait or process time ([CodeNegativeDuration]);
// a %C&A that is not a number from 0 to 100 ([CodeCompleteAccurateRange]);
// an unknown kind or time unit ([model.CodeEnumUnknown]); total durations
// too long to add up in a time.Duration ([CodeTooLong]).
func (m Map) Validate() model.Findings {
	var fs model.Findings
	if m.Kind != "" && !m.Kind.IsValid() {
		fs = append(fs, model.NewError("/kind", model.CodeEnumUnknown).With("value", string(m.Kind)))
	}
	if len(m.Steps) == 0 {
		fs = append(fs, model.NewError("/steps", CodeEmpty))
	}
	seen := make(map[string]int, len(m.Steps))
	var total time.Duration
	overflow := false
	for i := range m.Steps {
		s := &m.Steps[i] // a Step is large: no copy
		if s.ID == "" {
			fs = append(fs, model.NewError(model.Pointer("steps", i, "id"), model.CodeRequired))
		} else if first, dup := seen[s.ID]; dup {
			fs = append(fs, model.NewError(model.Pointer("steps", i, "id"), model.CodeDuplicateID).
				With("id", s.ID).With("first", first))
		} else {
			seen[s.ID] = i
		}
		if s.Name == "" {
			fs = append(fs, model.NewError(model.Pointer("steps", i, "name"), model.CodeRequired))
		}
		for _, d := range [2]struct {
			field string
			d     *Duration
		}{{"wait", &s.Wait}, {"process", &s.Process}} {
			switch {
			case d.d.Unit != "" && !d.d.Unit.IsValid():
				fs = append(fs, model.NewError(model.Pointer("steps", i, d.field, "unit"), model.CodeEnumUnknown).
					With("value", string(d.d.Unit)))
			case d.d.Length < 0:
				fs = append(fs, model.NewError(model.Pointer("steps", i, d.field), CodeNegativeDuration).
					With("value", d.d.String()))
			default:
				if !overflow {
					var ok bool
					total, ok = addDuration(total, d.d.Length)
					overflow = !ok
				}
			}
		}
		if p := s.CompleteAccurate; p != nil && (math.IsNaN(*p) || *p < 0 || *p > 100) {
			fs = append(fs, model.NewError(model.Pointer("steps", i, "completeAccuratePct"), CodeCompleteAccurateRange).
				With("value", strconv.FormatFloat(*p, 'g', -1, 64)))
		}
	}
	if overflow {
		fs = append(fs, model.NewError("/steps", CodeTooLong))
	}
	fs.Sort()
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// locateDuration returns the JSON Pointer of the first step's wait or
// process time in data that does not decode, or "" when none can be
// pointed at (encoding/json does not say where an Unmarshaler failed).
func locateDuration(data []byte) string {
	var doc struct {
		Steps []struct {
			Wait    json.RawMessage `json:"wait"`
			Process json.RawMessage `json:"process"`
		} `json:"steps"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return ""
	}
	for i, s := range doc.Steps {
		for _, f := range []struct {
			name string
			raw  json.RawMessage
		}{{"wait", s.Wait}, {"process", s.Process}} {
			var d Duration
			if len(f.raw) > 0 && d.UnmarshalJSON(f.raw) != nil {
				return model.Pointer("steps", i, f.name)
			}
		}
	}
	return ""
}

// addDuration returns a+b for non-negative a and b, and whether it fits.
func addDuration(a, b time.Duration) (time.Duration, bool) {
	if b > math.MaxInt64-a {
		return math.MaxInt64, false
	}
	return a + b, true
}

// Decode reads a [Map] from JSON and validates it. Problems that stop
// decoding (malformed JSON, a value of the wrong type, a malformed
// duration) come alone, with the zero Map; otherwise the result is the
// decoded map and its [Map.Validate] findings, nil when there are none.
// Unknown enum names decode and are reported by Validate.
func Decode(data []byte) (Map, model.Findings) {
	var m Map
	err := json.Unmarshal(data, &m)
	if err == nil {
		return m, m.Validate()
	}
	var de *DurationError
	if errors.As(err, &de) {
		return Map{}, model.Findings{model.NewError(locateDuration(data), CodeDurationJSON).
			With("value", de.Value).With("reason", de.Reason)}
	}
	var again Map
	if fs := model.DecodeJSON(data, &again); fs != nil {
		return Map{}, fs
	}
	return Map{}, model.Findings{model.NewError("", model.CodeJSONSyntax).With("offset", 0)}
}
