package innokyla

import (
	"embed"
	"encoding/json"
	"slices"
	"sync"

	"github.com/sujuva/sujuva/model"
)

//go:embed data/*.json
var dataFS embed.FS

// PhaseKey is the stable key of a phase of the development path. The zero
// value is unset.
type PhaseKey string

const (
	PhaseUnderstand PhaseKey = "understand" // Oivalla ja ymmärrä
	PhaseExperiment PhaseKey = "experiment" // Kuvittele ja kokeile
	PhaseShare      PhaseKey = "share"      // Kuvaa ja jaa
)

// SectionKey is the stable key of a section, such as "coreIdea" for Ratkaisun
// perusidea. Keys never change; headings are data.
type SectionKey string

// Label is a name in the three languages. Innokylä itself is in Finnish: FI
// is the heading to paste; SV and EN label it in Sujuva's own pages.
type Label struct {
	FI string `json:"fi"`
	SV string `json:"sv"`
	EN string `json:"en"`
}

// In returns the label in language l (English when unset).
func (l Label) In(lang model.Language) string {
	switch lang {
	case model.Finnish:
		return l.FI
	case model.Swedish:
		return l.SV
	}
	return l.EN
}

// Phase is one of the three phases of the development path.
type Phase struct {
	Key PhaseKey `json:"key"`
	Label
}

// Section describes one section of the development path.
type Section struct {
	Key      SectionKey `json:"key"`
	Phase    PhaseKey   `json:"phase"`
	Required bool       `json:"required,omitempty"` // marked ** on the site
	Label               // FI is the exact heading
}

// Field describes one basic field of a description.
type Field struct {
	Key      string `json:"key"`
	Required bool   `json:"required,omitempty"`
	Label
}

// Option is a value of an option list, with a stable code.
type Option struct {
	Code string `json:"code"`
	Label
}

type structure struct {
	Phases            []Phase   `json:"phases"`
	Sections          []Section `json:"sections"`
	BasicFields       []Field   `json:"basicFields"`
	DevelopmentPhases []Option  `json:"developmentPhases"`
	TargetGroups      []Option  `json:"targetGroups"`
}

// data decodes the embedded files once; the tests prove they decode, so a
// failure is a programmer error and panics.
var data = sync.OnceValue(func() structure {
	var s structure
	for _, name := range []string{"data/sections.json", "data/options.json"} {
		b, err := dataFS.ReadFile(name)
		if err == nil {
			err = json.Unmarshal(b, &s)
		}
		if err != nil {
			panic("innokyla: embedded " + name + ": " + err.Error())
		}
	}
	return s
})

// Phases returns the three phases in the site's order.
func Phases() []Phase { return slices.Clone(data().Phases) }

// Sections returns the 20 sections of the development path in the site's
// order: 8 in Oivalla ja ymmärrä, 8 in Kuvittele ja kokeile, 4 in Kuvaa ja
// jaa; four of them required (Toimintaympäristö, Kohderyhmä ja
// asiakasymmärrys, Ratkaisun perusidea, Toimivuuden ja käyttöönoton ehdot).
func Sections() []Section { return slices.Clone(data().Sections) }

// BasicFields returns the basic fields (Perustiedot) in the site's order.
func BasicFields() []Field { return slices.Clone(data().BasicFields) }

// DevelopmentPhases returns the options of Kehittämisen vaihe.
func DevelopmentPhases() []Option { return slices.Clone(data().DevelopmentPhases) }

// TargetGroupOptions returns the options of Kohderyhmä.
func TargetGroupOptions() []Option { return slices.Clone(data().TargetGroups) }

// SectionByKey returns the section with key k and reports whether there is
// one.
func SectionByKey(k SectionKey) (Section, bool) {
	for _, s := range data().Sections {
		if s.Key == k {
			return s, true
		}
	}
	return Section{}, false
}

// PhaseByKey returns the phase with key k and reports whether there is one.
func PhaseByKey(k PhaseKey) (Phase, bool) {
	for _, p := range data().Phases {
		if p.Key == k {
			return p, true
		}
	}
	return Phase{}, false
}
