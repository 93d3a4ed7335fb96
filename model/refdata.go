package model

import (
	"embed"
	"encoding/json"
	"strings"
	"sync"
)

//go:embed data/*.json data/profiles/*.json
var dataFS embed.FS

// County is a wellbeing services county (hyvinvointialue, välfärdsområde) or
// the City of Helsinki, which organises its own services. Code is Sujuva's
// stable slug ("pirkanmaa"); FI and SV are the short names ("Pirkanmaa",
// "Birkaland"); FIGenitive is the Finnish genitive used in report names
// ("Pirkanmaan HVA").
type County struct {
	Code       string `json:"code"`
	FI         string `json:"fi"`
	FIGenitive string `json:"fiGenitive"`
	SV         string `json:"sv"`
	City       bool   `json:"city,omitempty"` // the City of Helsinki, not a county
}

// Name returns the county's name in language l (Finnish for English, which
// has no official names of its own).
func (c County) Name(l Language) string {
	if l == Swedish {
		return c.SV
	}
	return c.FI
}

// TargetGroup is one of the target client groups of the Sujuvat palvelut
// coaching (seed 001), with its name in each language.
type TargetGroup struct {
	Code string `json:"code"`
	FI   string `json:"fi"`
	SV   string `json:"sv"`
	EN   string `json:"en"`
}

// Name returns the group's name in language l.
func (g TargetGroup) Name(l Language) string { return pick(l, g.FI, g.SV, g.EN) }

// Funder is a value of Innokylä's field Toimintamallin rahoittaja.
type Funder struct {
	Code string `json:"code"`
	FI   string `json:"fi"`
	SV   string `json:"sv"`
	EN   string `json:"en"`
}

// Name returns the funder's name in language l.
func (f Funder) Name(l Language) string { return pick(l, f.FI, f.SV, f.EN) }

func pick(l Language, fi, sv, en string) string {
	switch l {
	case Finnish:
		return fi
	case Swedish:
		return sv
	default:
		return en
	}
}

type refData struct {
	Counties     []County      `json:"counties"`
	TargetGroups []TargetGroup `json:"targetGroups"`
	Funders      []Funder      `json:"funders"`
}

// refdata decodes the embedded files once, on first use. A decoding failure
// is a programmer error in the embedded files, caught by the tests, so it
// panics.
var refdata = sync.OnceValue(func() refData {
	var all refData
	for _, name := range []string{"data/counties.json", "data/targetgroups.json", "data/funders.json"} {
		b, err := dataFS.ReadFile(name)
		if err != nil {
			panic("model: embedded " + name + ": " + err.Error())
		}
		if err := json.Unmarshal(b, &all); err != nil {
			panic("model: embedded " + name + ": " + err.Error())
		}
	}
	return all
})

// Counties returns the 21 wellbeing services counties and the City of
// Helsinki, in the order of the official list. The slice is a copy.
func Counties() []County { return append([]County(nil), refdata().Counties...) }

// TargetGroups returns the eight target client groups of seed 001. The
// slice is a copy.
func TargetGroups() []TargetGroup { return append([]TargetGroup(nil), refdata().TargetGroups...) }

// Funders returns the funder values known from Innokylä. The slice is a copy.
func Funders() []Funder { return append([]Funder(nil), refdata().Funders...) }

// LookupCounty finds a county by its code or by its Finnish, genitive or
// Swedish name, ignoring case and a trailing "hyvinvointialue",
// "välfärdsområde" or "HVA". It reports whether one was found.
func LookupCounty(s string) (County, bool) {
	key := normaliseName(s)
	for _, c := range refdata().Counties {
		if c.Code == key || normaliseName(c.FI) == key || normaliseName(c.FIGenitive) == key || normaliseName(c.SV) == key {
			return c, true
		}
	}
	return County{}, false
}

// LookupTargetGroup finds a target group by its code or its name in any
// language, ignoring case. It reports whether one was found.
func LookupTargetGroup(s string) (TargetGroup, bool) {
	key := normaliseName(s)
	for _, g := range refdata().TargetGroups {
		if g.Code == key || normaliseName(g.FI) == key || normaliseName(g.SV) == key || normaliseName(g.EN) == key {
			return g, true
		}
	}
	return TargetGroup{}, false
}

// LookupFunder finds a funder by its code or its name in any language,
// ignoring case. It reports whether one was found.
func LookupFunder(s string) (Funder, bool) {
	key := normaliseName(s)
	for _, f := range refdata().Funders {
		if f.Code == key || normaliseName(f.FI) == key || normaliseName(f.SV) == key || normaliseName(f.EN) == key {
			return f, true
		}
	}
	return Funder{}, false
}

func normaliseName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, suffix := range []string{" hyvinvointialue", " hva", " välfärdsområde"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return s
}
