package model

import (
	"context"
	"strconv"
	"strings"
)

// Rule codes of a team's composition and references. Params are text.
const (
	// CodeTeamSize: the number of members is outside the profile's bounds.
	// Params: count, range.
	CodeTeamSize Code = "team.size"
	// CodeTeamClients: the number of client members is outside the bounds.
	// Params: count, range.
	CodeTeamClients Code = "team.clients"
	// CodeTeamProfessionals: the number of professionals is outside the
	// bounds. Params: count, range.
	CodeTeamProfessionals Code = "team.professionals"
	// CodeTeamOwner: the process owner is not named.
	CodeTeamOwner Code = "team.owner"
	// CodeTeamSupervisor: the owner is not a member and too few supervisors
	// are. Params: count, range.
	CodeTeamSupervisor Code = "team.supervisor"
	// CodeTeamUnits: professionals come from too few distinct units.
	// Params: count, range.
	CodeTeamUnits Code = "team.units"
	// CodeTeamRoleDouble: one person holds two roles. Params: name.
	CodeTeamRoleDouble Code = "team.role.double"
	// CodeTeamMemberUnit: a member's unit is not one of the team's units.
	// Params: unit.
	CodeTeamMemberUnit Code = "team.member.unit"
	// CodeTeamOwnerMember: the owner's memberId names no member. Params: id.
	CodeTeamOwnerMember Code = "team.owner.member"
	// CodeProfileBounds: a profile rule's bounds are negative or Min > Max.
	// Params: min, max.
	CodeProfileBounds Code = "profile.bounds"
)

// Validate checks t against profile p and returns every finding at once:
// required fields, unknown enum names and codes, references between members,
// units and the owner, and the composition rules of p, each with the
// severity p gives it. Paths point into the team's JSON form.
func (t Team) Validate(p Profile) Findings {
	return check(context.WithValue(context.Background(), profileKey{}, p), t)
}

// teamRules is the struct-level validation of Team: the profile's
// composition rules and the references that cross fields. Both engines
// (validate_validator.go, validate_tags.go) call it.
func teamRules(ctx context.Context, v any) []fieldFinding {
	t := v.(Team)
	p, _ := ctx.Value(profileKey{}).(Profile)
	out := t.references()
	for _, r := range p.Rules {
		out = append(out, t.apply(r)...)
	}
	return out
}

// fieldFinding is a finding whose path is still in validator's notation.
type fieldFinding struct {
	field string
	Finding
}

func (t Team) references() []fieldFinding {
	var out []fieldFinding
	units := map[string]bool{}
	for i, u := range t.Units {
		if u.ID != "" && units[u.ID] {
			out = append(out, fieldFinding{index("units", i) + ".id", NewError("", CodeDuplicateID).With("id", u.ID)})
		}
		units[u.ID] = true
	}
	ids := map[string]bool{}
	for i, m := range t.Members {
		if m.ID != "" && ids[m.ID] {
			out = append(out, fieldFinding{index("members", i) + ".id", NewError("", CodeDuplicateID).With("id", m.ID)})
		}
		ids[m.ID] = true
		if m.Unit != "" && len(t.Units) > 0 && !units[m.Unit] {
			out = append(out, fieldFinding{index("members", i) + ".unit", NewError("", CodeTeamMemberUnit).With("unit", m.Unit)})
		}
	}
	if t.Owner.MemberID != "" && !ids[t.Owner.MemberID] {
		out = append(out, fieldFinding{"owner.memberId", NewError("", CodeTeamOwnerMember).With("id", t.Owner.MemberID)})
	}
	return out
}

// apply evaluates one composition rule.
func (t Team) apply(r Rule) []fieldFinding {
	counted := func(code Code, n int) []fieldFinding {
		if !r.outside(n) {
			return nil
		}
		f := Finding{Code: code, Severity: r.Severity}.With("count", n).With("range", r.rangeText())
		return []fieldFinding{{"members", f}}
	}
	switch r.Kind {
	case RuleSize:
		return counted(CodeTeamSize, len(t.Members))
	case RuleClients:
		return counted(CodeTeamClients, t.Count(RoleClient))
	case RuleProfessionals:
		return counted(CodeTeamProfessionals, t.Count(RoleProfessional))
	case RuleUnits:
		return counted(CodeTeamUnits, len(t.ProfessionalUnits()))
	case RuleOwner:
		if !t.Owner.IsNamed() && t.Count(RoleOwner) == 0 {
			return []fieldFinding{{"owner", Finding{Code: CodeTeamOwner, Severity: r.Severity}}}
		}
	case RuleSupervisor:
		if !t.OwnerIsMember() {
			r.Min = max(r.Min, 1)
			return counted(CodeTeamSupervisor, t.Count(RoleSupervisor))
		}
	case RuleSingleRole:
		return t.doubleRoles(r.Severity)
	}
	return nil
}

// doubleRoles finds one person in two roles: the same name on two members
// (compared without case and extra spaces), or an owner who is a member in a
// role other than owner.
func (t Team) doubleRoles(sev Severity) []fieldFinding {
	var out []fieldFinding
	seen := map[string]bool{}
	for i, m := range t.Members {
		key := strings.ToLower(strings.Join(strings.Fields(m.Name), " "))
		if key == "" {
			continue
		}
		if seen[key] {
			out = append(out, fieldFinding{index("members", i), Finding{Code: CodeTeamRoleDouble, Severity: sev}.With("name", strings.TrimSpace(m.Name))})
		}
		seen[key] = true
	}
	if i := t.memberIndex(t.Owner.MemberID); i >= 0 && t.Members[i].Role != RoleOwner {
		m := t.Members[i]
		name := m.Name
		if name == "" {
			name = m.ID
		}
		out = append(out, fieldFinding{"owner.memberId", Finding{Code: CodeTeamRoleDouble, Severity: sev}.With("name", name)})
	}
	return out
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
