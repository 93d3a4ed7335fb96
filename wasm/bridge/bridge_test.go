package bridge_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/wasm/bridge"
)

const validTeam = `{"name": "Neuvonnan sujuva alku", "process": "Neuvonnan asiakkaaksi tulo",
	"members": [
		{"id": "m1", "role": "client"},
		{"id": "m2", "role": "professional", "unit": "a"},
		{"id": "m3", "role": "professional", "unit": "a"},
		{"id": "m4", "role": "professional", "unit": "b"},
		{"id": "m5", "role": "professional", "unit": "c"},
		{"id": "m6", "role": "supervisor", "unit": "a"}],
	"owner": {"name": "Päivi Laine"}}`

const twoSteps = `{"steps": [
	{"id": "s1", "name": "Yhteydenotto", "wait": {"value": 0, "unit": "days"}, "process": {"value": 12, "unit": "hours"}, "completeAccuratePct": 80},
	{"id": "s2", "name": "Selvitys", "wait": {"value": 3, "unit": "days"}, "process": {"value": 12, "unit": "hours"}, "completeAccuratePct": 50}]}`

// doCases are operations with their input and what the answer must hold.
var doCases = []struct {
	name, op, in string
	wantJSON     string   // the whole answer, when given
	wantContains []string // substrings of the answer
	wantKind     bridge.Kind
	wantCodes    []model.Code // codes of the error's findings
}{
	{name: "valid team", op: "team.validate", in: `{"team": ` + validTeam + `}`,
		wantJSON: `{"valid": true, "findings": [], "size": 6, "roles": {"client": 1, "professional": 4, "owner": 0, "supervisor": 1}, "units": 3}`},
	{name: "empty team", op: "team.validate", in: `{"team": {}}`,
		wantContains: []string{`"valid":false`, `"/team/members"`, `"team.size"`}},
	{name: "unknown profile", op: "team.validate", in: `{"team": {}, "profile": "nope"}`,
		wantContains: []string{`"path":"/profile"`, `"bridge.profileUnknown"`}},
	{name: "malformed JSON", op: "team.validate", in: `{"team": `, wantKind: bridge.KindInvalid, wantCodes: []model.Code{model.CodeJSONSyntax}},
	{name: "unknown op", op: "team.delete", in: `{}`, wantKind: bridge.KindUnknownOp},
	{name: "round", op: "round.validate", in: `{"round": {}}`, wantContains: []string{`"/round/name"`}},
	{name: "summary", op: "valuestream.summary", in: `{"map": ` + twoSteps + `}`,
		wantContains: []string{`"leadTimeDays":4`, `"activityRatio":0.25`, `"rolledCompleteAccuratePct":40`, `"bottleneck":1`}},
	{name: "summary of an empty map", op: "valuestream.summary", in: `{"map": {"steps": []}}`, wantKind: bridge.KindInvalid, wantCodes: []model.Code{"valuestream.empty"}},
	{name: "compare", op: "valuestream.compare", in: `{"current": ` + twoSteps + `, "ideal": ` + twoSteps + `}`, wantContains: []string{`"before"`, `"after"`}},
	{name: "cycle missing", op: "pdsa.cycle.validate", in: `{"cycle": {"number": 1}}`,
		wantContains: []string{`"phase":"draft"`, `"missing":[{"path":"/cycle/changeIdea"`}},
	{name: "move incomplete", op: "pdsa.cycle.move", in: `{"cycle": {"number": 1}, "to": "plan", "at": "2026-02-02T08:00:00Z"}`,
		wantKind: bridge.KindInvalid, wantCodes: []model.Code{model.CodeRequired, model.CodeRequired}},
	{name: "move never allowed", op: "pdsa.cycle.move", in: `{"cycle": {"number": 1, "changeIdea": "x", "type": "test"}, "to": "closed", "at": "2026-02-02T08:00:00Z"}`,
		wantKind: bridge.KindInvalid, wantCodes: []model.Code{bridge.CodeTransition}},
	{name: "move to plan", op: "pdsa.cycle.move", in: `{"cycle": {"number": 1, "changeIdea": "x", "type": "test"}, "to": "plan", "at": "2026-02-02T08:00:00Z"}`,
		wantContains: []string{`"phase":"plan"`, `"pdsa.plan.objective"`}},
	{name: "paste", op: "metrics.paste", in: `{"text": "Viikko\tArvo\n5.1.2026\t40,5\n2026-01-12;41\nroskaa\n"}`,
		wantJSON: `{"observations": [{"period": "2026-01-05", "value": 40.5}, {"period": "2026-01-12", "value": 41}],
			"findings": [{"path": "/text/3", "code": "bridge.pasteLine", "severity": "error", "params": {"line": "4"}}]}`},
	{name: "run chart", op: "metrics.chart", in: `{"series": {"observations": [` + strings.Repeat(`{"period": "2026-01-05", "value": 1},`, 0) + `
		{"period": "2026-01-05", "value": 1}, {"period": "2026-01-12", "value": 2}, {"period": "2026-01-19", "value": 3}]}}`,
		wantContains: []string{`"type":"run"`, `"signals":[]`}},
	{name: "run chart as SVG", op: "metrics.chart", in: `{"series": {"observations": [
		{"period": "2026-01-05", "value": 1}, {"period": "2026-01-12", "value": 2}, {"period": "2026-01-19", "value": 3}]},
		"style": {"title": "<b>Läpimenoaika</b>", "unit": "vrk", "idPrefix": "c7"}}`,
		wantContains: []string{`"svg":"\u003csvg`, `id=\"c7-title\"`, `\u0026lt;b\u0026gt;Läpimenoaika`}},
	{name: "event log", op: bridge.OpEventLog, in: smallLog, wantContains: []string{`"cases":2`}},
	{name: "event log without header", op: bridge.OpEventLog, in: "", wantKind: bridge.KindInvalid, wantCodes: []model.Code{bridge.CodeEventLogHeader}},
	{name: "innokyla build", op: "innokyla.build", in: `{"basics": {"name": "N", "summary": "S"}, "sections": {"coreIdea": "abc", "nope": "x"}}`,
		wantContains: []string{`"heading":"Ratkaisun perusidea"`, `"path":"/sections/nope"`, `"plain":"abc"`}},
	{name: "innokyla draft", op: "innokyla.draft", in: `{"team": ` + validTeam + `}`,
		wantContains: []string{`"source":"draft"`, `"valid":false`, `innokyla.section.required`}},
	{name: "innokyla draft of a newer worksheet", op: "innokyla.draft", in: `{"version": 99}`,
		wantKind: bridge.KindInvalid, wantCodes: []model.Code{export.CodeWorksheetVersion}},
	{name: "innokyla validate", op: "innokyla.validate", in: `{}`, wantContains: []string{`"valid":false`, `"/basics/name"`}},
	{name: "worksheet v0 migrated", op: "worksheet.check", in: `{"team": ` + validTeam + `}`,
		wantContains: []string{`"format":"sujuva.worksheet"`, `"version":2`, `"migrated":true`, `"valid":true`, `"cycles":[]`}},
	{name: "worksheet from the future", op: "worksheet.check", in: `{"version": 99}`,
		wantKind: bridge.KindInvalid, wantCodes: []model.Code{bridge.CodeWorksheetVersion}},
}

func TestDo(t *testing.T) {
	b := bridge.New()
	for _, tc := range doCases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := b.Do(context.Background(), tc.op, []byte(tc.in))
			if tc.wantKind != "" {
				var e *bridge.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tc.wantKind, e.Kind)
				assert.Equal(t, tc.op, e.Op)
				assert.Nil(t, out)
				if tc.wantCodes != nil {
					assert.Equal(t, tc.wantCodes, e.Findings.Codes())
					var fs model.Findings
					require.ErrorAs(t, err, &fs, "the findings are reachable with errors.As")
					assert.ErrorIs(t, err, model.ErrInvalid)
				}
				return
			}
			require.NoError(t, err)
			if tc.wantJSON != "" {
				assert.JSONEq(t, tc.wantJSON, string(out))
			}
			for _, s := range tc.wantContains {
				assert.Contains(t, string(out), s)
			}
		})
	}
}

func TestErrorsUnwrap(t *testing.T) {
	b := bridge.New()
	_, err := b.Do(context.Background(), "nope", nil)
	assert.ErrorIs(t, err, bridge.ErrUnknownOp)
	assert.Equal(t, "bridge: nope: no such operation", err.Error())

	_, err = b.Do(context.Background(), "team.validate", make([]byte, bridge.MaxInputBytes+1))
	assert.ErrorIs(t, err, bridge.ErrTooLarge)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = b.Do(ctx, "team.validate", []byte(`{}`))
	assert.ErrorIs(t, err, context.Canceled)
	var e *bridge.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, bridge.KindCanceled, e.Kind)
}

func TestOpsAndDescribe(t *testing.T) {
	b := bridge.New()
	names := b.Ops()
	ops := b.Describe()
	require.Len(t, ops, len(names))
	seen := map[string]bool{}
	for i, op := range ops {
		assert.Equal(t, names[i], op.Name)
		assert.NotEmpty(t, op.Summary, op.Name)
		if op.Name == bridge.OpEventLog {
			assert.Equal(t, "text/csv", op.Input)
		} else {
			assert.Equal(t, "application/json", op.Input)
		}
		assert.False(t, seen[op.Name], "duplicate %s", op.Name)
		seen[op.Name] = true
		// Every operation answers {} without a panic: a result or a typed error.
		out, err := b.Do(context.Background(), op.Name, []byte(`{}`))
		if err != nil {
			var e *bridge.Error
			require.ErrorAs(t, err, &e, op.Name)
			assert.NotEqual(t, bridge.KindInternal, e.Kind, op.Name)
		} else if op.Output == "image/svg+xml" {
			assert.True(t, bytes.HasPrefix(out, []byte("<svg")), "%s: %.80s", op.Name, out)
		} else {
			assert.Equal(t, "application/json", op.Output, op.Name)
			assert.True(t, json.Valid(out), op.Name)
		}
	}
	assert.Equal(t, "image/svg+xml", ops[slices.IndexFunc(ops, func(o bridge.Op) bool { return o.Name == bridge.OpChartSVG })].Output)
	assert.Equal(t, map[string]string{bridge.OpEventLog: "text/csv"}, b.StreamOps())
}

func TestMessagesCoverEveryCode(t *testing.T) {
	b := bridge.New()
	cat := b.Messages()
	for _, c := range bridge.Codes() {
		m, ok := cat[c]
		require.True(t, ok, "%s has no message", c)
		assert.NotEmpty(t, m.FI, c)
		assert.NotEmpty(t, m.SV, c)
		assert.NotEmpty(t, m.EN, c)
	}
	// Every code the bridge's operations reported above has a message.
	for _, tc := range doCases {
		out, err := b.Do(context.Background(), tc.op, []byte(tc.in))
		var fs model.Findings
		if err != nil {
			errors.As(err, &fs)
		} else {
			var res struct {
				Findings model.Findings `json:"findings"`
			}
			_ = json.Unmarshal(out, &res)
			fs = res.Findings
		}
		for _, f := range fs {
			assert.Contains(t, cat, f.Code, "%s: %s", tc.name, f.Code)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	b := bridge.New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			tc := doCases[i%len(doCases)]
			_, _ = b.Do(context.Background(), tc.op, []byte(tc.in))
			_ = b.Messages()
		})
	}
	wg.Wait()
}

func TestDemoWorksheet(t *testing.T) {
	const path = "../../examples/worksheet/demo.json"
	in, err := os.ReadFile(path)
	require.NoError(t, err, path)
	out, err := bridge.New().Do(context.Background(), "worksheet.check", in)
	require.NoError(t, err)
	var res bridge.WorksheetCheck
	require.NoError(t, json.Unmarshal(out, &res))
	assert.False(t, res.Migrated)
	for _, f := range res.Findings.Errors() {
		// The demo is unfinished work: only the report's required sections may be missing.
		assert.Contains(t, f.Path, "/report/document/sections/", f.String())
	}
	for _, f := range res.Findings {
		assert.False(t, strings.HasPrefix(f.Path, "/team/"), "the demo team is well formed: %s", f)
	}
}

func FuzzDo(f *testing.F) {
	for _, tc := range doCases {
		f.Add(tc.op, []byte(tc.in))
	}
	b := bridge.New()
	f.Fuzz(func(t *testing.T, op string, in []byte) {
		out, err := b.Do(context.Background(), op, in)
		if err != nil {
			var e *bridge.Error
			if !errors.As(err, &e) {
				t.Fatalf("untyped error %v", err)
			}
			if e.Kind == bridge.KindInternal {
				t.Fatalf("internal error on data: %v", err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON out: %s", out)
		}
	})
}

const smallLog = "case_id,activity,timestamp\n" +
	"c1,Yhteydenotto,2026-01-05T08:00:00+02:00\n" +
	"c1,Selvitys,2026-01-07T08:00:00+02:00\n" +
	"c2,Yhteydenotto,2026-01-05T09:00:00+02:00\n" +
	"c2,Selvitys,2026-01-05T21:00:00+02:00\n"

var eventLogCases = []struct {
	name, csv string
	opts      bridge.EventLogOptions
	wantKind  bridge.Kind
	wantCode  model.Code
	want      []string
}{
	{name: "two cases", csv: smallLog, want: []string{`"events":4`, `"cases":2`, `"medianSeconds":108000`, `"steps":[{"id":`}},
	{name: "bad header", csv: "a,b\n1,2\n", wantKind: bridge.KindInvalid, wantCode: bridge.CodeEventLogHeader},
	{name: "bad row", csv: "case_id,activity,timestamp\nc1,A,eilen\n", wantKind: bridge.KindInvalid, wantCode: bridge.CodeEventLogLine},
	{name: "local time, no location", csv: "case_id,activity,timestamp\nc1,A,2026-01-05 08:00\n", wantKind: bridge.KindInvalid, wantCode: bridge.CodeEventLogLocation},
	{name: "unknown location", csv: smallLog, opts: bridge.EventLogOptions{Location: "Mars/Olympus"}, wantKind: bridge.KindInvalid, wantCode: bridge.CodeEventLogLocation},
	{name: "lenient", csv: "case_id,activity,timestamp\nc1,A,eilen\nc1,A,2026-01-05T08:00:00Z\n", opts: bridge.EventLogOptions{Lenient: true}, want: []string{`"skipped":1`}},
}

func TestAnalyzeEventLog(t *testing.T) {
	b := bridge.New()
	for _, tc := range eventLogCases {
		t.Run(tc.name, func(t *testing.T) {
			var seen int64
			out, err := b.AnalyzeEventLog(context.Background(), strings.NewReader(tc.csv), tc.opts, func(n int64) { seen = n })
			if tc.wantKind != "" {
				var e *bridge.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tc.wantKind, e.Kind)
				require.NotEmpty(t, e.Findings)
				assert.Equal(t, tc.wantCode, e.Findings[0].Code)
				assert.Contains(t, b.Messages(), tc.wantCode)
				return
			}
			require.NoError(t, err)
			for _, s := range tc.want {
				assert.Contains(t, string(out), s)
			}
			assert.Positive(t, seen, "progress was reported")
		})
	}
}

// TestEventLogShards: the parts of every shard, merged, answer exactly as
// AnalyzeEventLog of the whole log, errors included.
func TestEventLogShards(t *testing.T) {
	b := bridge.New()
	cases := append(slices.Clone(eventLogCases), struct {
		name, csv string
		opts      bridge.EventLogOptions
		wantKind  bridge.Kind
		wantCode  model.Code
		want      []string
	}{name: "lenient, many cases", csv: smallLog + strings.Repeat("c3,Selvitys,eilen\nc4,Yhteydenotto,2026-01-06T09:00:00+02:00\n", 50),
		opts: bridge.EventLogOptions{Lenient: true, StartActivity: "Yhteydenotto", EndActivity: "Selvitys", MapName: "m"}})
	for _, tc := range cases {
		want, wantErr := b.AnalyzeEventLog(context.Background(), strings.NewReader(tc.csv), tc.opts, nil)
		for n := 1; n <= 3; n++ {
			t.Run(fmt.Sprintf("%s/%d", tc.name, n), func(t *testing.T) {
				var parts [][]byte
				var err error
				for k := range n {
					var part []byte
					if part, err = b.AnalyzeEventLogPart(context.Background(), strings.NewReader(tc.csv), tc.opts, k, n, nil); err != nil {
						break
					}
					parts = append(parts, part)
				}
				var got []byte
				if err == nil {
					got, err = b.MergeEventLog(parts, tc.opts)
				}
				if wantErr != nil {
					var we, ge *bridge.Error
					require.ErrorAs(t, wantErr, &we)
					require.ErrorAs(t, err, &ge)
					assert.Equal(t, we.Kind, ge.Kind)
					assert.Equal(t, we.Message, ge.Message)
					assert.Equal(t, we.Findings, ge.Findings)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got))
			})
		}
	}
	part, err := b.AnalyzeEventLogPart(context.Background(), strings.NewReader(smallLog), bridge.EventLogOptions{}, 0, 2, nil)
	require.NoError(t, err)
	for name, parts := range map[string][][]byte{"one of two": {part}, "not a part": {[]byte("case_id")}} {
		_, err = b.MergeEventLog(parts, bridge.EventLogOptions{})
		var e *bridge.Error
		require.ErrorAs(t, err, &e, name)
		assert.Equal(t, bridge.KindInvalid, e.Kind, name)
	}
	_, err = b.AnalyzeEventLogPart(context.Background(), strings.NewReader(smallLog), bridge.EventLogOptions{}, 2, 2, nil)
	var e *bridge.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, bridge.KindInvalid, e.Kind)
}

var errLimit = errors.New("limit")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errLimit }

func TestDoStream(t *testing.T) {
	b := bridge.New()
	out, err := b.DoStream(context.Background(), bridge.OpEventLog, strings.NewReader(smallLog))
	require.NoError(t, err)
	assert.Contains(t, string(out), `"cases":2`)
	_, err = b.DoStream(context.Background(), bridge.OpEventLog, failingReader{})
	assert.ErrorIs(t, err, errLimit, "a reader's error stays visible")
	_, err = b.DoStream(context.Background(), "nope", strings.NewReader(""))
	assert.ErrorIs(t, err, bridge.ErrUnknownOp)
}

func FuzzAnalyzeEventLog(f *testing.F) {
	for _, tc := range eventLogCases {
		f.Add(tc.csv)
	}
	b := bridge.New()
	f.Fuzz(func(t *testing.T, csv string) {
		out, err := b.AnalyzeEventLog(context.Background(), strings.NewReader(csv), bridge.EventLogOptions{Lenient: true}, nil)
		if err != nil {
			var e *bridge.Error
			if !errors.As(err, &e) || e.Kind == bridge.KindInternal {
				t.Fatalf("error %v", err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON")
		}
	})
}

// TestRoundAggregate: the organiser's aggregate of six teams' worksheets
// (the demo team six times) publishes the counts of five or more and hides
// the rest with complementary suppression; no name of a team or a person
// appears in it. A worksheet that cannot be read, or a negative threshold,
// is invalid input.
func TestRoundAggregate(t *testing.T) {
	demo, err := os.ReadFile("../../examples/worksheet/demo.json")
	require.NoError(t, err)
	var ws []string
	for range 5 {
		ws = append(ws, string(demo))
	}
	// The sixth team's supervisor is its owner: one owner and five
	// supervisors in the round, a count to hide and one to hide with it.
	ws = append(ws, strings.Replace(string(demo), `"role": "supervisor"`, `"role": "owner"`, 1))
	b := bridge.New()
	out, err := b.Do(context.Background(), "round.aggregate", []byte(`{"worksheets": [`+strings.Join(ws, ",")+`]}`))
	require.NoError(t, err)
	var r export.RoundReport
	require.NoError(t, json.Unmarshal(out, &r))
	assert.Equal(t, 6, r.Teams)
	require.Equal(t, []string{"client", "professional", "owner", "supervisor"}, r.Members.Rows)
	require.NotNil(t, r.Members.Cells[0][0], "six clients are published")
	assert.Equal(t, 6, *r.Members.Cells[0][0])
	assert.Nil(t, r.Members.Cells[2][0], "one owner is hidden")
	assert.Nil(t, r.Members.Cells[3][0], "and the supervisors with it, or the total would give it away")
	for _, name := range []string{"Neuvonnan sujuva alku", "Päivi", "Jatkosta sovittu"} {
		assert.NotContains(t, string(out), name)
	}

	_, err = b.Do(context.Background(), "round.aggregate", []byte(`{"worksheets": [`+ws[0]+`, {"version": 99}]}`))
	var e *bridge.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, bridge.KindInvalid, e.Kind)
	require.NotEmpty(t, e.Findings)
	assert.Equal(t, "/worksheets/1/version", e.Findings[0].Path)

	_, err = b.Do(context.Background(), "round.aggregate", []byte(`{"worksheets": [], "threshold": -1}`))
	require.ErrorAs(t, err, &e)
	assert.Equal(t, bridge.CodeThreshold, e.Findings[0].Code)
}
