package model

import (
	"context"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
//
// It applies the struct tags of Team, Unit, Member and Owner by hand
// (team_validate.go): the reflection engines (validate.go) give the same
// findings in the same order and are its tests' oracle.
func (t Team) Validate(p Profile) Findings { return t.validate(p) } // t is addressable: one copy of Team, not one per helper

// teamRules is the struct-level validation of Team for the reflection
// engines (validate_validator.go, validate_tags.go): the findings of
// [Team.ruleFindings], with their paths in validator's notation.
func teamRules(ctx context.Context, v any) []fieldFinding {
	p, _ := ctx.Value(profileKey{}).(Profile)
	var out []fieldFinding
	t := v.(Team)
	for _, f := range t.ruleFindings(nil, p) {
		out = append(out, fieldFinding{f.at.notation(), f.Finding})
	}
	return out
}

// fieldFinding is a finding whose path is still in validator's notation.
type fieldFinding struct {
	field string
	Finding
}

// teamFinding is a finding of a team's struct-level rules, with where it
// is.
type teamFinding struct {
	at place
	Finding
}

// place is where in a team a struct-level rule reports: the field list
// ("members", "units", "owner"), the element index when it is >= 0, and the
// element's field when it is not empty.
type place struct {
	list  string
	index int
	field string
}

// notation writes the place in validator's notation: "members[2].id".
func (p place) notation() string {
	s := p.list
	if p.index >= 0 {
		s = index(s, p.index)
	}
	if p.field != "" {
		s += "." + p.field
	}
	return s
}

// pointer writes the place as a JSON Pointer: "/members/2/id".
func (p place) pointer() string {
	b := make([]byte, 0, 1+len(p.list)+4+1+len(p.field))
	b = append(b, '/')
	b = append(b, p.list...)
	if p.index >= 0 {
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(p.index), 10)
	}
	if p.field != "" {
		b = append(b, '/')
		b = append(b, p.field...)
	}
	return string(b)
}

// ruleFindings appends to out the findings of a team's struct-level
// rules: the references that cross fields, then p's composition rules in
// p's order.
func (t *Team) ruleFindings(out []teamFinding, p Profile) []teamFinding {
	out = t.references(out)
	for _, r := range p.Rules {
		out = t.apply(out, r)
	}
	return out
}

// smallSet is the largest list that the rules search by scanning it again
// instead of building a map: a team has about ten members, and a map per
// list was most of what checking a valid team allocated.
const smallSet = 32

// ids indexes the ids of a list longer than smallSet: the first index of
// each. It is nil for a shorter list, which is scanned.
type ids map[string]int

func idsOf[T any](s []T, id func(*T) string) ids {
	if len(s) <= smallSet {
		return nil
	}
	m := make(ids, len(s))
	for j := len(s) - 1; j >= 0; j-- {
		m[id(&s[j])] = j
	}
	return m
}

// unitIndex returns the index of the first unit with id, or -1; idx is
// idsOf(t.Units).
func (t *Team) unitIndex(idx ids, id string) int {
	if idx != nil {
		if j, ok := idx[id]; ok {
			return j
		}
		return -1
	}
	for j := range t.Units {
		if t.Units[j].ID == id {
			return j
		}
	}
	return -1
}

// memberIndexIn is memberIndex with idx, idsOf(t.Members).
func (t *Team) memberIndexIn(idx ids, id string) int {
	if idx != nil {
		if j, ok := idx[id]; ok {
			return j
		}
		return -1
	}
	return t.memberIndex(id)
}

func (t *Team) references(out []teamFinding) []teamFinding {
	units := idsOf(t.Units, func(u *Unit) string { return u.ID })
	members := idsOf(t.Members, func(m *Member) string { return m.ID })
	for i := range t.Units {
		u := &t.Units[i]
		if u.ID != "" && t.unitIndex(units, u.ID) < i {
			out = append(out, teamFinding{place{"units", i, "id"}, errorWith(CodeDuplicateID, "id", u.ID)})
		}
	}
	for i := range t.Members {
		m := &t.Members[i]
		if m.ID != "" && t.memberIndexIn(members, m.ID) < i {
			out = append(out, teamFinding{place{"members", i, "id"}, errorWith(CodeDuplicateID, "id", m.ID)})
		}
		if m.Unit != "" && len(t.Units) > 0 && t.unitIndex(units, m.Unit) < 0 {
			out = append(out, teamFinding{place{"members", i, "unit"}, errorWith(CodeTeamMemberUnit, "unit", m.Unit)})
		}
	}
	if t.Owner.MemberID != "" && t.memberIndexIn(members, t.Owner.MemberID) < 0 {
		out = append(out, teamFinding{place{"owner", -1, "memberId"}, errorWith(CodeTeamOwnerMember, "id", t.Owner.MemberID)})
	}
	return out
}

// errorWith is NewError("", code).With(name, value) with one map.
func errorWith(code Code, name, value string) Finding {
	return Finding{Code: code, Severity: SeverityError, Params: map[string]string{name: value}}
}

// apply appends the findings of one composition rule to out.
func (t *Team) apply(out []teamFinding, r Rule) []teamFinding {
	counted := func(code Code, n int) []teamFinding {
		if !r.outside(n) {
			return out
		}
		f := Finding{Code: code, Severity: r.Severity, Params: map[string]string{"count": strconv.Itoa(n), "range": r.rangeText()}}
		return append(out, teamFinding{place{"members", -1, ""}, f})
	}
	switch r.Kind {
	case RuleSize:
		return counted(CodeTeamSize, len(t.Members))
	case RuleClients:
		return counted(CodeTeamClients, countRole(t.Members, RoleClient))
	case RuleProfessionals:
		return counted(CodeTeamProfessionals, countRole(t.Members, RoleProfessional))
	case RuleUnits:
		return counted(CodeTeamUnits, t.professionalUnits())
	case RuleOwner:
		if !t.Owner.IsNamed() && countRole(t.Members, RoleOwner) == 0 {
			return append(out, teamFinding{place{"owner", -1, ""}, Finding{Code: CodeTeamOwner, Severity: r.Severity}})
		}
	case RuleSupervisor:
		if !t.ownerIsMember() {
			r.Min = max(r.Min, 1)
			return counted(CodeTeamSupervisor, countRole(t.Members, RoleSupervisor))
		}
	case RuleSingleRole:
		return t.doubleRoles(out, r.Severity)
	}
	return out
}

// professionalUnits returns len(t.ProfessionalUnits()) without building
// the list.
func (t *Team) professionalUnits() int {
	if len(t.Members) > smallSet {
		return len(t.ProfessionalUnits())
	}
	n := 0
	for i := range t.Members {
		m := &t.Members[i]
		if m.Role != RoleProfessional || m.Unit == "" {
			continue
		}
		first := true
		for j := range i {
			o := &t.Members[j]
			if o.Role == RoleProfessional && o.Unit == m.Unit {
				first = false
				break
			}
		}
		if first {
			n++
		}
	}
	return n
}

// doubleRoles appends to out the findings of one person in two roles: the
// same name on two members (compared without case and extra spaces, see
// [nameKey]), or an owner who is a member in a role other than owner.
func (t *Team) doubleRoles(out []teamFinding, sev Severity) []teamFinding {
	double := func(i int) {
		f := Finding{Code: CodeTeamRoleDouble, Severity: sev, Params: map[string]string{"name": strings.TrimSpace(t.Members[i].Name)}}
		out = append(out, teamFinding{place{"members", i, ""}, f})
	}
	if len(t.Members) <= smallSet {
		for i := range t.Members {
			m := &t.Members[i]
			if isBlank(m.Name) {
				continue
			}
			for j := range i {
				o := &t.Members[j]
				if sameName(o.Name, m.Name) {
					double(i)
					break
				}
			}
		}
	} else {
		seen := map[string]bool{}
		for i := range t.Members {
			m := &t.Members[i]
			key := nameKey(m.Name)
			if key == "" {
				continue
			}
			if seen[key] {
				double(i)
			}
			seen[key] = true
		}
	}
	if i := t.memberIndex(t.Owner.MemberID); i >= 0 && t.Members[i].Role != RoleOwner {
		m := t.Members[i]
		name := m.Name
		if name == "" {
			name = m.ID
		}
		out = append(out, teamFinding{place{"owner", -1, "memberId"}, Finding{Code: CodeTeamRoleDouble, Severity: sev, Params: map[string]string{"name": name}}})
	}
	return out
}

// nameKey is the form in which two members' names are compared: lower case,
// white space trimmed and runs of it as one space.
func nameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// isBlank reports whether nameKey(s) is empty.
func isBlank(s string) bool {
	n := nameRunes{s: s}
	_, ok := n.next()
	return !ok
}

// sameName reports whether nameKey(a) == nameKey(b), without building them.
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	// Most pairs of names differ in their first letter.
	if a != "" && b != "" && a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf && !asciiSpace[a[0]] && !asciiSpace[b[0]] &&
		lowerASCII(a[0]) != lowerASCII(b[0]) {
		return false
	}
	x, y := nameRunes{s: a}, nameRunes{s: b}
	for {
		ra, okA := x.next()
		rb, okB := y.next()
		if okA != okB || ra != rb {
			return false
		}
		if !okA {
			return true
		}
	}
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// nameRunes yields the runes of nameKey(s) one by one.
type nameRunes struct {
	s       string
	started bool // a rune has been yielded
	space   bool // white space was passed over since the last rune
}

func (n *nameRunes) next() (rune, bool) {
	for len(n.s) > 0 {
		var r rune
		var size int
		var space bool
		if c := n.s[0]; c < utf8.RuneSelf {
			r, size, space = rune(lowerASCII(c)), 1, asciiSpace[c]
		} else {
			r, size = utf8.DecodeRuneInString(n.s)
			space = unicode.IsSpace(r)
			r = unicode.ToLower(r)
		}
		if space {
			n.s = n.s[size:]
			n.space = n.started
			continue
		}
		if n.space {
			n.space = false
			return ' ', true // the rune stays in s for the next call
		}
		n.s = n.s[size:]
		n.started = true
		return r, true
	}
	return 0, false
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
