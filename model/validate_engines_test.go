//go:build !js

package model

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The two engines must agree: validator/v10 (check, on the host) and the tag
// engine (checkTags, in js/wasm builds). These tests are the tag engine's
// oracle; under Node the package's whole suite also runs on the tag engine.

func TestEnginesAgreeOnRandomTeamsAndRounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	profiles := []Profile{DefaultProfile(), ServiceChainProfile()}
	for i := range 3000 {
		team := randomTeam(rng)
		ctx := context.WithValue(context.Background(), profileKey{}, profiles[i%2])
		requireSameFindings(t, check(ctx, team), checkTags(ctx, team), team)
		round := randomRound(rng)
		requireSameFindings(t, check(context.Background(), round), checkTags(context.Background(), round), round)
	}
}

func TestEnginesAgreeOnTheTables(t *testing.T) {
	for _, v := range []any{Team{}, Round{}, Team{Members: []Member{{}}}, Round{Teams: []RoundTeam{{County: "x"}}}} {
		ctx := context.WithValue(context.Background(), profileKey{}, DefaultProfile())
		requireSameFindings(t, check(ctx, v), checkTags(ctx, v), v)
	}
}

func FuzzEnginesAgree(f *testing.F) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 8 {
		b, _ := json.Marshal(randomTeam(rng))
		f.Add(b)
		b, _ = json.Marshal(randomRound(rng))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var team Team
		if DecodeJSON(data, &team) == nil {
			ctx := context.WithValue(context.Background(), profileKey{}, DefaultProfile())
			requireSameFindings(t, check(ctx, team), checkTags(ctx, team), team)
		}
		var round Round
		if DecodeJSON(data, &round) == nil {
			requireSameFindings(t, check(context.Background(), round), checkTags(context.Background(), round), round)
		}
	})
}

// requireSameFindings compares the findings as multisets: Sort orders by
// path, code and severity, not by parameters.
func requireSameFindings(t *testing.T, want, got Findings, v any) {
	t.Helper()
	key := func(fs Findings) map[string]int {
		m := map[string]int{}
		for _, f := range fs {
			b, _ := json.Marshal(f)
			m[string(b)]++
		}
		return m
	}
	if len(want) == 0 && len(got) == 0 {
		return
	}
	require.Equal(t, key(want), key(got), "input %+v", v)
}

func anyOf[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

func randomTeam(rng *rand.Rand) Team {
	t := Team{
		Name:        anyOf(rng, "", "Neuvonnan tiimi", "<b>x</b>"),
		Process:     anyOf(rng, "", "neuvonta", "kotiutus"),
		TargetGroup: anyOf(rng, "", "youth-mental-substance", "adult-mental-substance", "tuntematon"),
		County:      anyOf(rng, "", "pirkanmaa", "lappi", "atlantis"),
	}
	ids := []string{"", "u1", "u2", "u3", "u1"}
	for i := range rng.IntN(5) {
		t.Units = append(t.Units, Unit{ID: ids[(i+rng.IntN(2))%len(ids)], Name: anyOf(rng, "", "Vastaanotto", "Sosiaalityö")})
	}
	for i := range rng.IntN(11) {
		t.Members = append(t.Members, Member{
			ID:   anyOf(rng, "", "m"+strconv.Itoa(i), "m0"),
			Name: anyOf(rng, "", "Aino", "Ville"),
			Role: anyOf(rng, "", RoleClient, RoleProfessional, RoleProfessional, RoleOwner, RoleSupervisor, Role("coach")),
			Unit: anyOf(rng, "", "u1", "u2", "u3", "u9"),
		})
	}
	t.Owner = Owner{Name: anyOf(rng, "", "Palvelupäällikkö"), MemberID: anyOf(rng, "", "m1", "m7", "zz"), Unit: anyOf(rng, "", "u1")}
	return t
}

func randomRound(rng *rand.Rand) Round {
	start := NewDate(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	r := Round{
		Name:   anyOf(rng, "", "Kierros 5"),
		Period: Period{Start: anyOf(rng, Date{}, start), End: anyOf(rng, Date{}, start.AddMonths(rng.IntN(20)-2))},
	}
	for i := range rng.IntN(13) {
		r.Teams = append(r.Teams, RoundTeam{ID: anyOf(rng, "", "t"+strconv.Itoa(i), "t0"), Name: anyOf(rng, "", "Tiimi"),
			County: anyOf(rng, "", "keski-suomi", "nowhere"), CoachPair: anyOf(rng, "", "p1", "p2", "p9")})
	}
	for i := range rng.IntN(5) {
		r.Coaches = append(r.Coaches, Coach{ID: anyOf(rng, "", "c"+strconv.Itoa(i), "c0"), Name: anyOf(rng, "", "Valmentaja")})
	}
	for i := range rng.IntN(4) {
		r.CoachPairs = append(r.CoachPairs, CoachPair{ID: anyOf(rng, "", "p"+strconv.Itoa(i+1)), Coaches: []string{anyOf(rng, "c0", "c1", "c9"), anyOf(rng, "c1", "c2")}[:rng.IntN(3)%3]})
	}
	d := start
	for i := range rng.IntN(6) {
		n := anyOf(rng, i+1, i+1, i+3)
		r.Workshops = append(r.Workshops, Workshop{Number: n, Start: d, End: d.AddDays(rng.IntN(3) - 1)})
		d = d.AddDays(rng.IntN(90) - 5)
	}
	return r
}
