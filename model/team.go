package model

// Role is a member's role in a development team (kehittämistiimi). The zero
// value is unset.
type Role string

const (
	// RoleClient is the client member (asiakas, kehittäjäasiakas): an equal
	// member who represents the client group.
	RoleClient Role = "client"
	// RoleProfessional is a social or health care professional.
	RoleProfessional Role = "professional"
	// RoleOwner is the process owner (prosessin omistaja), who has decision
	// power across the units the process crosses.
	RoleOwner Role = "owner"
	// RoleSupervisor is a supervisor-level member (esihenkilö).
	RoleSupervisor Role = "supervisor"
)

// Roles lists the roles in their conventional order.
func Roles() []Role { return []Role{RoleClient, RoleProfessional, RoleOwner, RoleSupervisor} }

// String returns the role's name.
func (r Role) String() string { return string(r) }

// IsValid reports whether r is a known role.
func (r Role) IsValid() bool {
	switch r {
	case RoleClient, RoleProfessional, RoleOwner, RoleSupervisor:
		return true
	}
	return false
}

// ParseRole returns the role named s, or an [*EnumError].
func ParseRole(s string) (Role, error) {
	if r := Role(s); r.IsValid() {
		return r, nil
	}
	return "", &EnumError{Type: "role", Value: s}
}

// Team is a development team (kehittämistiimi) of the breakthrough method:
// the client process it develops, for which client group, in which county,
// the units its professionals come from, its members and the process owner.
//
// Seeds 000 and 001: a team has 5–8 persons — one client, 4–6 social and
// health care professionals from about three key units, and the process
// owner or a supervisor. [Team.Validate] checks a team against a [Profile]
// that holds those numbers as data.
type Team struct {
	ID          string   `json:"id,omitempty"`
	Name        string   `json:"name" validate:"required"`
	Process     string   `json:"process" validate:"required"`                            // the client process developed
	TargetGroup string   `json:"targetGroup,omitempty" validate:"omitempty,targetgroup"` // a TargetGroup code
	County      string   `json:"county,omitempty" validate:"omitempty,county"`           // a County code
	Units       []Unit   `json:"units,omitempty" validate:"dive"`
	Members     []Member `json:"members" validate:"dive"`
	Owner       Owner    `json:"owner"`
}

// Unit is an organisational unit a team's members come from, such as a
// health centre's reception or the social work of adult services.
type Unit struct {
	ID   string `json:"id" validate:"required"`
	Name string `json:"name" validate:"required"`
}

// Member is a person in a team. Name is optional: a client may be recorded
// by role alone. Unit is the ID of one of the team's units; Profession is
// free text ("sairaanhoitaja", "sosiaaliohjaaja").
type Member struct {
	ID               string `json:"id" validate:"required"`
	Name             string `json:"name,omitempty"`
	Role             Role   `json:"role" validate:"required,enum"`
	Unit             string `json:"unit,omitempty"`
	Profession       string `json:"profession,omitempty"`
	AttendsWorkshops bool   `json:"attendsWorkshops"`
}

// Owner is the named process owner, who has decision power across the units
// the process crosses. The owner may sit outside the team; MemberID names
// the member who is the owner when the owner is in the team.
type Owner struct {
	Name     string `json:"name,omitempty"`
	Title    string `json:"title,omitempty"`
	Unit     string `json:"unit,omitempty"`
	MemberID string `json:"memberId,omitempty"`
}

// IsNamed reports whether the process owner is identified, by name or as a
// member.
func (o Owner) IsNamed() bool { return o.Name != "" || o.MemberID != "" }

// Count returns the number of members with role r.
func (t Team) Count(r Role) int { return countRole(t.Members, r) }

func countRole(members []Member, r Role) int {
	n := 0
	for i := range members {
		if members[i].Role == r {
			n++
		}
	}
	return n
}

// ProfessionalUnits returns the distinct units of the team's professionals,
// in order of first appearance; a professional without a unit is not
// counted.
func (t Team) ProfessionalUnits() []string {
	var units []string
	seen := map[string]bool{}
	for _, m := range t.Members {
		if m.Role != RoleProfessional || m.Unit == "" || seen[m.Unit] {
			continue
		}
		seen[m.Unit] = true
		units = append(units, m.Unit)
	}
	return units
}

// ProfessionalUnitCount is len(t.ProfessionalUnits()), counted without
// building the list.
func (t Team) ProfessionalUnitCount() int { return t.professionalUnits() }

// OwnerIsMember reports whether the process owner takes part in the team: the
// owner names a member, or a member has the owner role.
func (t Team) OwnerIsMember() bool { return t.ownerIsMember() }

// The unexported helpers take *Team: a Team is 192 bytes, copied on
// every call of a method on the value, which in js/wasm was a tenth of
// validating a team.

func (t *Team) ownerIsMember() bool {
	if t.Owner.MemberID != "" && t.memberIndex(t.Owner.MemberID) >= 0 {
		return true
	}
	return countRole(t.Members, RoleOwner) > 0
}

func (t *Team) memberIndex(id string) int {
	for i := range t.Members {
		if t.Members[i].ID == id {
			return i
		}
	}
	return -1
}
