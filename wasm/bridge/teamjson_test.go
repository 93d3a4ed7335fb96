package bridge

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
)

// The answer of "team.validate" is written by hand (teamjson.go);
// encoding/json is its oracle, here on random answers and, through the whole
// operation, on random teams against the operation as first written
// (naiveTeamValidate).

// randomText returns short text from every part of the byte range: the
// escapes, HTML's characters, DEL, invalid UTF-8, U+2028 and U+2029.
func randomText(r *rand.Rand) string {
	pieces := []string{"", "a", "Åsa", "<b>", "&", `"`, `\`, "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f",
		"\xff", "\xe2\x80", "\u2028", "\u2029", "\ufffd", "😀", "/", "~", " "}
	var b strings.Builder
	for range r.IntN(6) {
		if r.IntN(4) == 0 {
			b.WriteByte(byte(r.IntN(256)))
			continue
		}
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestAppendStringMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 15))
	cases := []string{"", "plain", "<&>", "\u2028\u2029", "\xff\xfe", string([]byte{0xed, 0xa0, 0x80})}
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}), "x"+string(rune(c))+"y")
	}
	for range 20000 {
		cases = append(cases, randomText(r))
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendString(nil, s)), "%q", s)
	}
}

func randomFindings(r *rand.Rand) model.Findings {
	fs := model.Findings{}
	for range r.IntN(5) {
		f := model.Finding{Path: randomText(r), Code: model.Code(randomText(r)), Severity: model.Severity(randomText(r))}
		n := r.IntN(4)
		if r.IntN(10) == 0 {
			n = 9 + r.IntN(4) // more keys than appendFindings sorts on its stack
		}
		if n > 0 || r.IntN(2) == 0 {
			f.Params = map[string]string{} // empty: omitted, as nil is
			for range n {
				f.Params[randomText(r)] = randomText(r)
			}
		}
		fs = append(fs, f)
	}
	return fs
}

func TestAppendTeamCheckMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 17))
	for range 5000 {
		c := TeamCheck{Check: Check{Valid: r.IntN(2) == 0, Findings: randomFindings(r)}, Size: r.IntN(1000) - 1, Roles: map[model.Role]int{}, Units: r.IntN(20)}
		for _, role := range model.Roles() {
			c.Roles[role] = r.IntN(12)
		}
		count := func(role model.Role) int { return c.Roles[role] }
		want, err := json.Marshal(c)
		require.NoError(t, err)
		got := appendTeamCheck(nil, c.Valid, c.Findings, "", c.Size, count, c.Units)
		require.Equal(t, string(want), string(got))
		// With a prefix, valid UTF-8, before every path.
		prefix := []string{"/team", "/x~1<y>", "/é\u2028"}[r.IntN(3)]
		under := c
		under.Findings = c.Findings.Under(prefix)
		want, err = json.Marshal(under)
		require.NoError(t, err)
		got = appendTeamCheck(nil, c.Valid, c.Findings, prefix, c.Size, count, c.Units)
		require.Equal(t, string(want), string(got))
		require.True(t, json.Valid(got))
	}
}

// naiveTeamValidate is "team.validate" as first written: decoded by
// encoding/json, the roles counted into a map, the answer encoded by
// json.Marshal.
func naiveTeamValidate(in []byte) ([]byte, error) {
	var v TeamInput
	if err := decode(in, &v); err != nil {
		return nil, err
	}
	var fs model.Findings
	if p, ok := profile(v.Profile); ok {
		fs = v.Team.Validate(p).Under("/team")
	} else {
		fs = model.Findings{model.NewError("/profile", CodeProfileUnknown).With("profile", v.Profile)}
	}
	roles := map[model.Role]int{}
	for _, r := range model.Roles() {
		roles[r] = v.Team.Count(r)
	}
	return json.Marshal(TeamCheck{Check: check(fs), Size: len(v.Team.Members), Roles: roles, Units: len(v.Team.ProfessionalUnits())})
}

func pick(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }

// randomTeamInput returns the JSON input of "team.validate" for a random
// team: valid, incomplete, or with odd text.
func randomTeamInput(r *rand.Rand) []byte {
	team := model.Team{ID: pick(r, "", "t1"), Name: pick(r, "", "Neuvonta", randomText(r)), Process: pick(r, "", "neuvonta"),
		TargetGroup: pick(r, "", "older-gaps-isolation", "x<y"), County: pick(r, "", "helsinki", randomText(r))}
	for i := range r.IntN(5) {
		team.Units = append(team.Units, model.Unit{ID: pick(r, "", "u1", "u2", "u3", "u"+string(rune('0'+i))), Name: pick(r, "", "Kotihoito")})
	}
	for i := range r.IntN(12) {
		team.Members = append(team.Members, model.Member{ID: pick(r, "", "m1", "m"+string(rune('0'+i))), Name: pick(r, "", "Aino", "aino ", randomText(r)),
			Role: model.Role(pick(r, "", "client", "professional", "professional", "owner", "supervisor", "boss", randomText(r))), Unit: pick(r, "", "u1", "u2", "u3", "u9")})
	}
	team.Owner = model.Owner{Name: pick(r, "", "Päällikkö"), MemberID: pick(r, "", "m1", "m3", "zz")}
	b, _ := json.Marshal(TeamInput{Team: team, Profile: pick(r, "", "", "default", "serviceChain", "nope", randomText(r))})
	return b
}

func requireTeamValidateLikeNaive(t *testing.T, b *Bridge, in []byte) {
	t.Helper()
	want, wantErr := naiveTeamValidate(in)
	got, err := b.Do(context.Background(), "team.validate", in)
	if wantErr != nil {
		require.Error(t, err, "%q", in)
		return
	}
	require.NoError(t, err, "%q", in)
	require.Equal(t, string(want), string(got), "%q", in)
}

func TestTeamValidateMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 19))
	b := New()
	for range 3000 {
		requireTeamValidateLikeNaive(t, b, randomTeamInput(r))
	}
	var ws struct {
		Team model.Team `json:"team"`
	}
	demoWorksheet(t, &ws)
	in, err := json.Marshal(TeamInput{Team: ws.Team})
	require.NoError(t, err)
	requireTeamValidateLikeNaive(t, b, in)
	for _, in := range []string{`{}`, `{"team":null}`, `{"team":{"members":[]}}`, `{"team":{"members":[{"role":7}]}}`, `nope`} {
		requireTeamValidateLikeNaive(t, b, []byte(in))
	}
}

func FuzzTeamValidateMatchesNaive(f *testing.F) {
	r := rand.New(rand.NewPCG(20, 21))
	for range 8 {
		f.Add(randomTeamInput(r))
	}
	b := New()
	f.Fuzz(func(t *testing.T, in []byte) {
		requireTeamValidateLikeNaive(t, b, in)
	})
}
