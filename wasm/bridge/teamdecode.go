package bridge

import "github.com/sujuva/sujuva/model"

// The JSON names of the fields the fast path reads, for ignore.
var (
	teamInputKeys = jsonNames[TeamInput]()
	teamKeys      = jsonNames[model.Team]()
	unitKeys      = jsonNames[model.Unit]()
	memberKeys    = jsonNames[model.Member]()
	ownerKeys     = jsonNames[model.Owner]()
)

// decodeTeamInput is the fast path of "team.validate" (see fastDecoder):
// a team as the page and the API's callers send it, every key spelled as
// the struct tags spell it, at most once, strings in plain UTF-8; other
// keys are passed over as encoding/json does (see ignore). Decoding it by
// reflection was a quarter of the operation in js/wasm.
func decodeTeamInput(in []byte) (TeamInput, bool) {
	var v TeamInput
	// One copy of the input holds every string of the team: a team of
	// eight has some forty.
	d := fastDecoder{in: in, src: string(in)}
	var seen [2]bool
	ok := d.object(func(key []byte) bool {
		switch string(key) {
		case "team":
			return once(&seen[0]) && d.team(&v.Team)
		case "profile":
			return once(&seen[1]) && d.text(&v.Profile)
		}
		return d.ignore(key, teamInputKeys)
	})
	d.space()
	return v, ok && d.pos == len(in)
}

func (d *fastDecoder) team(t *model.Team) bool {
	var seen [8]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return once(&seen[0]) && d.text(&t.ID)
		case "name":
			return once(&seen[1]) && d.text(&t.Name)
		case "process":
			return once(&seen[2]) && d.text(&t.Process)
		case "targetGroup":
			return once(&seen[3]) && d.text(&t.TargetGroup)
		case "county":
			return once(&seen[4]) && d.text(&t.County)
		case "units":
			return once(&seen[5]) && d.units(&t.Units)
		case "members":
			return once(&seen[6]) && d.members(&t.Members)
		case "owner":
			return once(&seen[7]) && d.owner(&t.Owner)
		}
		return d.ignore(key, teamKeys)
	})
}

func (d *fastDecoder) unit(u *model.Unit) bool {
	var seen [2]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return once(&seen[0]) && d.text(&u.ID)
		case "name":
			return once(&seen[1]) && d.text(&u.Name)
		}
		return d.ignore(key, unitKeys)
	})
}

func (d *fastDecoder) member(m *model.Member) bool {
	var seen [6]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return once(&seen[0]) && d.text(&m.ID)
		case "name":
			return once(&seen[1]) && d.text(&m.Name)
		case "role":
			return once(&seen[2]) && d.text((*string)(&m.Role))
		case "unit":
			return once(&seen[3]) && d.text(&m.Unit)
		case "profession":
			return once(&seen[4]) && d.text(&m.Profession)
		case "attendsWorkshops":
			return once(&seen[5]) && d.boolean(&m.AttendsWorkshops)
		}
		return d.ignore(key, memberKeys)
	})
}

func (d *fastDecoder) owner(o *model.Owner) bool {
	var seen [4]bool
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "name":
			return once(&seen[0]) && d.text(&o.Name)
		case "title":
			return once(&seen[1]) && d.text(&o.Title)
		case "unit":
			return once(&seen[2]) && d.text(&o.Unit)
		case "memberId":
			return once(&seen[3]) && d.text(&o.MemberID)
		}
		return d.ignore(key, ownerKeys)
	})
}

// units and members read an array of objects into a new slice. An empty
// array is an empty slice and null is refused, as encoding/json would keep
// what the slice held. They are written out, not one generic function
// taking the element's reader: the reader, called through a function
// value, made the decoder escape to the heap.
func (d *fastDecoder) units(s *[]model.Unit) bool {
	if !d.byte('[') {
		return false
	}
	if d.byte(']') {
		*s = []model.Unit{}
		return true
	}
	out := make([]model.Unit, 0, 4)
	for {
		out = append(out, model.Unit{})
		if !d.unit(&out[len(out)-1]) {
			return false
		}
		if d.byte(']') {
			*s = out
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

func (d *fastDecoder) members(s *[]model.Member) bool {
	if !d.byte('[') {
		return false
	}
	if d.byte(']') {
		*s = []model.Member{}
		return true
	}
	out := make([]model.Member, 0, 8) // a team's usual size, grown past it
	for {
		out = append(out, model.Member{})
		if !d.member(&out[len(out)-1]) {
			return false
		}
		if d.byte(']') {
			*s = out
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

// teamInput decodes a [TeamInput], by the fast path when it can.
func teamInput(in []byte) (TeamInput, error) {
	if v, ok := decodeTeamInput(in); ok {
		return v, nil
	}
	var v TeamInput
	err := decode(in, &v)
	return v, err
}
