package model

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// Team.Validate applies Team's struct tags by hand (team_validate.go); the
// reflection engines are its oracle: check (validator/v10 on the host, the
// tag engine in js/wasm) and, on every platform, the tag engine itself.

// teamTags are the validate tags Team.validate was taught, by struct and
// field. A tag added to one of these structs fails TestTeamTagsAreKnown
// until it is added here and to Team.validate.
var teamTags = map[string]string{
	"Team.Name":        "required",
	"Team.Process":     "required",
	"Team.TargetGroup": "omitempty,targetgroup",
	"Team.County":      "omitempty,county",
	"Team.Units":       "dive",
	"Team.Members":     "dive",
	"Unit.ID":          "required",
	"Unit.Name":        "required",
	"Member.ID":        "required",
	"Member.Role":      "required,enum",
}

func TestTeamTagsAreKnown(t *testing.T) {
	got := map[string]string{}
	for _, typ := range []reflect.Type{reflect.TypeFor[Team](), reflect.TypeFor[Unit](), reflect.TypeFor[Member](), reflect.TypeFor[Owner]()} {
		for f := range typ.Fields() {
			if tag := f.Tag.Get("validate"); tag != "" {
				got[typ.Name()+"."+f.Name] = tag
			}
		}
	}
	require.Equal(t, teamTags, got, "a validate tag changed: teach Team.validate (team_validate.go) and teamTags")
	// Team.validate applies Team's struct-level rules itself, and no other
	// type's: a rule for Unit, Member or Owner would be skipped.
	for typ := range structRules {
		require.Contains(t, []reflect.Type{reflect.TypeFor[Team](), reflect.TypeFor[Round]()}, typ,
			"a struct-level rule for %s: teach Team.validate (team_validate.go) if a team holds it", typ)
	}
}

// strs are the values a random team's string fields take: empty, known and
// unknown codes, roles, ids and units that match or do not, names equal
// without case and extra spaces, and text with escapes, invalid UTF-8 and
// characters whose case mapping is unusual.
var strs = []string{"", "", "x", "m1", "m2", "m1", "u1", "u2", "u9",
	"client", "professional", "professional", "owner", "supervisor", "coach",
	"pirkanmaa", "helsinki", "atlantis", "youth-mental-substance", "older-gaps-isolation",
	"Aino Virtanen", " aino  VIRTANEN ", "AINO\tvirtanen", "Åsa Öberg", "åsa öberg", "\u00a0Åsa\u2003Öberg",
	"a/b~c", "\xff\xfe", "\ufffd\ufffd", "KELVIN \u212a", "kelvin k", "ſ", "S", "   ", "İ", "i̇"}

// fill sets every field of v (a struct, a slice or a basic value) to a
// random value, found by reflection, so that a field added to Team, Unit,
// Member or Owner is exercised; a kind it does not know fails the test.
func fill(t testing.TB, r *rand.Rand, v reflect.Value, big bool) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(strs[r.IntN(len(strs))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, r, v.Field(i), big)
		}
	case reflect.Slice:
		n := r.IntN(12)
		if big && r.IntN(3) == 0 {
			n = smallSet - 2 + r.IntN(30)
		}
		if n == 0 && r.IntN(2) == 0 {
			return // nil
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(t, r, s.Index(i), false)
		}
		v.Set(s)
	default:
		t.Fatalf("%s: a kind this test does not fill, and maybe Team.validate does not check", v.Type())
	}
}

func randomFilledTeam(t testing.TB, r *rand.Rand) Team {
	var team Team
	fill(t, r, reflect.ValueOf(&team).Elem(), true)
	return team
}

// randomProfile returns a profile of random rules: kinds twice, in any
// order, odd bounds, both severities.
func randomProfile(r *rand.Rand) Profile {
	kinds := []RuleKind{RuleSize, RuleClients, RuleProfessionals, RuleOwner, RuleSupervisor, RuleUnits, RuleSingleRole, "other"}
	var p Profile
	for range r.IntN(10) {
		p.Rules = append(p.Rules, Rule{Kind: kinds[r.IntN(len(kinds))], Min: r.IntN(5), Max: r.IntN(10),
			Severity: []Severity{SeverityError, SeverityWarning}[r.IntN(2)]})
	}
	return p
}

// requireValidateMatchesEngines checks Team.Validate against the engines:
// the same findings in the same order.
func requireValidateMatchesEngines(t testing.TB, team Team, p Profile) {
	t.Helper()
	ctx := context.WithValue(context.Background(), profileKey{}, p)
	got := team.Validate(p)
	require.Equal(t, check(ctx, team), got, "check; team %+v, profile %+v", team, p)
	require.Equal(t, checkTags(ctx, team), got, "checkTags; team %+v, profile %+v", team, p)
}

func TestValidateMatchesEngines(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	profiles := []Profile{DefaultProfile(), ServiceChainProfile(), {}}
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		team := randomFilledTeam(t, r)
		p := randomProfile(r)
		if i%2 == 0 {
			p = profiles[i/2%len(profiles)]
		}
		requireValidateMatchesEngines(t, team, p)
	}
	for _, team := range []Team{{}, {Members: []Member{{}}}, {Units: []Unit{{}}, Members: []Member{{Unit: "u"}}}} {
		requireValidateMatchesEngines(t, team, DefaultProfile())
	}
}

func FuzzValidateMatchesEngines(f *testing.F) {
	r := rand.New(rand.NewPCG(10, 11))
	for range 8 {
		b, _ := json.Marshal(randomFilledTeam(f, r))
		f.Add(b, uint8(r.IntN(4)))
	}
	f.Fuzz(func(t *testing.T, data []byte, profile uint8) {
		var team Team
		if DecodeJSON(data, &team) != nil {
			return
		}
		p := []Profile{DefaultProfile(), ServiceChainProfile(), {}, randomProfile(rand.New(rand.NewPCG(uint64(len(data)), 1)))}[profile%4]
		requireValidateMatchesEngines(t, team, p)
	})
}
