package model

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync"
)

// RuleKind names a composition rule a [Profile] may hold. The zero value is
// unset.
type RuleKind string

const (
	// RuleSize bounds the number of members.
	RuleSize RuleKind = "size"
	// RuleClients bounds the number of client members.
	RuleClients RuleKind = "clients"
	// RuleProfessionals bounds the number of professional members.
	RuleProfessionals RuleKind = "professionals"
	// RuleOwner requires a named process owner.
	RuleOwner RuleKind = "owner"
	// RuleSupervisor requires at least Min supervisor members when the process
	// owner does not take part in the team.
	RuleSupervisor RuleKind = "supervisor"
	// RuleUnits requires professionals from at least Min distinct units.
	RuleUnits RuleKind = "units"
	// RuleSingleRole forbids one person holding two roles: the same member id
	// or the same name twice, or an owner who is a member in another role.
	RuleSingleRole RuleKind = "singleRole"
)

// String returns the rule kind's name.
func (k RuleKind) String() string { return string(k) }

// IsValid reports whether k is a known rule kind.
func (k RuleKind) IsValid() bool {
	switch k {
	case RuleSize, RuleClients, RuleProfessionals, RuleOwner, RuleSupervisor, RuleUnits, RuleSingleRole:
		return true
	}
	return false
}

// ParseRuleKind returns the rule kind named s, or an [*EnumError].
func ParseRuleKind(s string) (RuleKind, error) {
	if k := RuleKind(s); k.IsValid() {
		return k, nil
	}
	return "", &EnumError{Type: "rule", Value: s}
}

// Rule is one composition rule of a profile. Min and Max bound a count,
// both included; 0 means no bound on that side. Severity is error for a
// rule of the method and warning for a recommendation.
type Rule struct {
	Kind     RuleKind `json:"rule"`
	Min      int      `json:"min,omitempty"`
	Max      int      `json:"max,omitempty"`
	Severity Severity `json:"severity"`
}

// rangeText formats the rule's bounds for messages: "5–8", "1", "≥ 3", "≤ 8".
func (r Rule) rangeText() string {
	switch {
	case r.Min > 0 && r.Max > 0 && r.Min == r.Max:
		return strconv.Itoa(r.Min)
	case r.Min > 0 && r.Max > 0:
		return strconv.Itoa(r.Min) + "–" + strconv.Itoa(r.Max)
	case r.Min > 0:
		return "≥ " + strconv.Itoa(r.Min)
	case r.Max > 0:
		return "≤ " + strconv.Itoa(r.Max)
	}
	return ""
}

// outside reports whether n breaks the rule's bounds.
func (r Rule) outside(n int) bool {
	return (r.Min > 0 && n < r.Min) || (r.Max > 0 && n > r.Max)
}

// Profile is a set of composition rules for a team, held as data so that the
// same engine carries the formats of the seeds: [DefaultProfile] for a
// Sujuvat palvelut development team, [ServiceChainProfile] for a
// service-chain core group, or one loaded with [ParseProfile].
//
// The zero Profile has no rules: every team passes it.
type Profile struct {
	ID     string  `json:"id"`
	Name   Message `json:"name"`
	Source string  `json:"source,omitempty"` // where the rules come from
	Rules  []Rule  `json:"rules"`
}

// Rule returns the profile's rule of kind k and reports whether it has one.
func (p Profile) Rule(k RuleKind) (Rule, bool) {
	for _, r := range p.Rules {
		if r.Kind == k {
			return r, true
		}
	}
	return Rule{}, false
}

// Validate checks the profile itself: a known kind and severity for every
// rule, Min ≤ Max, no kind twice. Findings point into the profile's JSON
// form ("/rules/2/max").
func (p Profile) Validate() Findings {
	var fs Findings
	if p.ID == "" {
		fs = append(fs, NewError(Pointer("id"), CodeRequired))
	}
	seen := map[RuleKind]bool{}
	for i, r := range p.Rules {
		if !r.Kind.IsValid() {
			fs = append(fs, NewError(Pointer("rules", i, "rule"), CodeEnumUnknown).With("value", string(r.Kind)))
		} else if seen[r.Kind] {
			fs = append(fs, NewError(Pointer("rules", i, "rule"), CodeDuplicateID).With("id", string(r.Kind)))
		}
		seen[r.Kind] = true
		if !r.Severity.IsValid() {
			fs = append(fs, NewError(Pointer("rules", i, "severity"), CodeEnumUnknown).With("value", string(r.Severity)))
		}
		if r.Min < 0 || r.Max < 0 || (r.Max > 0 && r.Min > r.Max) {
			fs = append(fs, NewError(Pointer("rules", i, "max"), CodeProfileBounds).With("min", r.Min).With("max", r.Max))
		}
	}
	fs.Sort()
	return fs
}

// ParseProfile decodes a profile from JSON and validates it. It returns the
// findings of decoding or validation as its error (a [Findings], matched by
// errors.Is(err, ErrInvalid)) when the profile cannot be used.
func ParseProfile(data []byte) (Profile, error) {
	var p Profile
	if fs := DecodeJSON(data, &p); fs.HasErrors() {
		return Profile{}, fs
	}
	if fs := p.Validate(); fs.HasErrors() {
		return Profile{}, fs
	}
	return p, nil
}

// DefaultProfile returns the Sujuvat palvelut development team profile
// (seeds 000 and 001): 5–8 members; exactly one client; 4–6 professionals; a
// named process owner; at least one supervisor member when the owner is not
// a member; professionals from at least 3 distinct units (a warning: the
// seeds recommend "about three", noin kolmesta keskeisestä yksiköstä); no
// member holds two roles.
func DefaultProfile() Profile { return defaultProfile().clone() }

// ServiceChainProfile returns the profile of a service-chain core group
// (palveluketjutyön ydintyöryhmä, seed 004): about 4–10 persons (a warning),
// a named process owner, no member in two roles.
func ServiceChainProfile() Profile { return serviceChainProfile().clone() }

// The built-in profiles are decoded once: every validation of a team asks
// for one, and decoding it took a quarter of team.validate's time.
var (
	defaultProfile      = sync.OnceValue(func() Profile { return builtinProfile("data/profiles/sujuvat-palvelut.json") })
	serviceChainProfile = sync.OnceValue(func() Profile { return builtinProfile("data/profiles/service-chain.json") })
)

// clone returns p with its own rules, so that a caller's change stays its own.
func (p Profile) clone() Profile {
	p.Rules = slices.Clone(p.Rules)
	return p
}

// builtinProfile decodes an embedded profile; the tests prove each one
// decodes and validates, so a failure is a programmer error and panics.
func builtinProfile(name string) Profile {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic("model: " + err.Error())
	}
	var p Profile
	if err := json.Unmarshal(b, &p); err != nil {
		panic("model: " + name + ": " + err.Error())
	}
	return p
}
