package pdsa_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// enumCases list each enum's values and a parse function.
var enumCases = []struct {
	name   string
	values []string
	parse  func(string) (string, error)
}{
	{"phase", []string{"draft", "plan", "do", "study", "act", "closed"}, parseAs(pdsa.ParsePhase)},
	{"cycle type", []string{"collect", "develop", "test", "implement"}, parseAs(pdsa.ParseCycleType)},
	{"decision", []string{"adopt", "adapt", "abandon"}, parseAs(pdsa.ParseDecision)},
	{"node kind", []string{"aim", "primary", "secondary", "change"}, parseAs(pdsa.ParseNodeKind)},
	{"strength", []string{"strong", "weak"}, parseAs(pdsa.ParseStrength)},
	{"ramp status", []string{"active", "completed", "abandoned"}, parseAs(pdsa.ParseRampStatus)},
}

func parseAs[T ~string](f func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := f(s)
		return string(v), err
	}
}

func TestEnums(t *testing.T) {
	for _, tc := range enumCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range tc.values {
				got, err := tc.parse(v)
				require.NoError(t, err)
				assert.Equal(t, v, got)
			}
			for _, bad := range []string{"", "Draft", "unknown"} {
				got, err := tc.parse(bad)
				var ee *model.EnumError
				require.ErrorAs(t, err, &ee)
				assert.ErrorIs(t, err, model.ErrUnknownEnum)
				assert.Equal(t, tc.name, ee.Type)
				assert.Equal(t, bad, ee.Value)
				assert.Empty(t, got)
			}
		})
	}
	assert.Len(t, pdsa.Phases(), 6)
	assert.Equal(t, "study", pdsa.PhaseStudy.String())
	assert.False(t, pdsa.Phase("").IsValid())
	assert.True(t, pdsa.TypeImplement.IsValid())
	assert.Equal(t, "implement", pdsa.TypeImplement.String())
	assert.Equal(t, "adapt", pdsa.DecisionAdapt.String())
	assert.Equal(t, "change", pdsa.KindChange.String())
	assert.Equal(t, "weak", pdsa.StrengthWeak.String())
	assert.Equal(t, "completed", pdsa.RampCompleted.String())
}

func TestMessages(t *testing.T) {
	cat := pdsa.Messages()
	assert.Empty(t, cat.Missing(pdsa.Codes()...), "every code has fi, sv and en")
	assert.Len(t, cat, len(pdsa.Codes()), "no message without a code")
	seen := map[model.Code]bool{}
	for _, c := range pdsa.Codes() {
		assert.True(t, strings.HasPrefix(string(c), "pdsa."), c)
		assert.False(t, seen[c], "duplicate code %s", c)
		seen[c] = true
	}
	f := model.NewError("/plan/questions/1/prediction", pdsa.CodePlanPrediction).With("number", 2)
	assert.Equal(t, "Kysymyksestä 2 puuttuu ennuste.", cat.Text(f, model.Finnish))
	assert.Equal(t, "Fråga 2 saknar förutsägelse.", cat.Text(f, model.Swedish))
	assert.Equal(t, "Question 2 has no prediction.", cat.Text(f, model.English))
	// Every code this package reports, including model's shared ones, has a message.
	all := model.MergeCatalogs(model.Messages(), cat)
	assert.Empty(t, all.Missing(model.CodeRequired, model.CodeEnumUnknown, model.CodeDuplicateID, model.CodeJSONType))
}

// wantCycleJSON is the JSON form of the fixture cycle in act.
const wantCycleJSON = `{
  "id": "c1", "title": "Same-day call-back", "changeIdea": "callback", "number": 1,
  "type": "test", "phase": "act", "created": "2026-03-02T08:00:00Z",
  "plan": {
    "objective": "Call back one new referral the same day",
    "questions": [
      {"text": "Can the nurse reach the client the same day?", "prediction": "Yes, by 15:00", "result": "Reached at 13:40"},
      {"text": "How long does the call take?", "prediction": "Under 15 minutes", "result": "22 minutes"}
    ],
    "tasks": [{"what": "Pick the first referral of the day", "who": "m2", "when": "2026-03-03", "where": "Neuvonta"}],
    "scale": {"text": "one client, one day", "clients": 1, "days": 1},
    "data": {"measures": ["callback-share"], "collector": "m3", "how": "tally sheet"},
    "responsible": "m2", "evaluation": "2026-03-04"
  },
  "do": {"start": "2026-03-03", "end": "2026-03-03", "whatHappened": "The nurse called the client after the morning round.",
    "problems": ["The referral had no phone number"], "observations": ["The client asked for a home visit"]},
  "study": {"summary": "Feasible; the call takes longer than predicted."},
  "act": {"decision": "adapt", "next": "Try for one week"},
  "history": [
    {"from": "draft", "to": "plan", "at": "2026-03-02T09:00:00Z"},
    {"from": "plan", "to": "do", "at": "2026-03-02T10:00:00Z"},
    {"from": "do", "to": "study", "at": "2026-03-02T11:00:00Z"},
    {"from": "study", "to": "act", "at": "2026-03-02T12:00:00Z"}
  ]
}`

func TestCycleJSON(t *testing.T) {
	c := at(t, pdsa.PhaseAct)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, wantCycleJSON, string(data))
	back, fs := pdsa.Decode[pdsa.Cycle](data)
	require.Empty(t, fs)
	assert.Equal(t, c, back)
}

func TestRampJSON(t *testing.T) {
	r := twoCycles(t)
	data, err := json.Marshal(r)
	require.NoError(t, err)
	back, fs := pdsa.Decode[pdsa.Ramp](data)
	require.Empty(t, fs)
	assert.Equal(t, r, back)
}

// decodeCases are JSON inputs and what Decode must report.
var decodeCases = []struct {
	name string
	json string
	want model.Findings
}{
	{name: "aim", json: `{"statement":"s","measure":"m","baseline":40,"target":90,"by":"2026-05-31","clientGroup":"g"}`},
	{name: "aim without number or date", json: `{"statement":"s","measure":"m","baseline":40,"clientGroup":"g"}`,
		want: model.Findings{model.NewWarning("/by", pdsa.CodeAimDate), model.NewWarning("/target", pdsa.CodeAimNumber)}},
	{name: "syntax", json: `{"statement":`, want: model.Findings{model.NewError("", model.CodeJSONSyntax).With("offset", 13)}},
	{name: "wrong type", json: `{"statement":5}`,
		want: model.Findings{model.NewError("/statement", model.CodeJSONType).With("want", "string").With("got", "number")}},
	{name: "bad date", json: `{"statement":"s","by":"31.5.2026"}`,
		want: model.Findings{model.NewError("", model.CodeJSONType).With("want", "date").With("got", "31.5.2026")}},
}

func TestDecode(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			_, fs := pdsa.Decode[pdsa.Aim]([]byte(tc.json))
			assert.Equal(t, tc.want, fs)
		})
	}
	// Unknown enum names decode and are reported by Validate.
	c, fs := pdsa.Decode[pdsa.Cycle]([]byte(`{"number":1,"phase":"review","type":"pilot","act":{"decision":"later"}}`))
	assert.Equal(t, pdsa.Phase("review"), c.Phase)
	assert.Equal(t, model.Findings{
		model.NewError("/act/decision", model.CodeEnumUnknown).With("value", "later"),
		model.NewError("/phase", model.CodeEnumUnknown).With("value", "review"),
		model.NewError("/phase", pdsa.CodeCyclePhase).With("phase", "review").With("history", "draft"),
		model.NewError("/type", model.CodeEnumUnknown).With("value", "pilot"),
	}, fs)
}

// FuzzDecode decodes arbitrary bytes as each document type: no panic, and
// whatever decodes re-encodes to JSON that decodes to the same encoding,
// with the same findings.
func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.json))
	}
	f.Add([]byte(wantCycleJSON))
	d, _ := json.Marshal(diagram())
	f.Add(d)
	f.Add([]byte(`{"changeIdea":"x","cycles":[{"number":1,"phase":"closed","act":{"decision":"abandon"}},{"number":2}]}`))
	f.Add([]byte(`{"history":[{"from":"draft","to":"plan","at":"2026-03-02T09:00:00+02:00"}],"phase":"plan"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[pdsa.Aim](t, data)
		roundTrip[pdsa.DriverDiagram](t, data)
		roundTrip[pdsa.Cycle](t, data)
		roundTrip[pdsa.Ramp](t, data)
	})
}

func roundTrip[T pdsa.Document](t *testing.T, data []byte) {
	v, fs := pdsa.Decode[T](data)
	for _, f := range fs {
		require.True(t, f.Severity.IsValid())
		require.NotEmpty(t, f.Code)
	}
	if fs.HasErrors() && len(fs) == 1 && (fs[0].Code == model.CodeJSONSyntax || fs[0].Code == model.CodeJSONType) {
		return // not decoded
	}
	enc, err := json.Marshal(v)
	if err != nil {
		// Only times outside what RFC 3339 can write fail to encode.
		require.Contains(t, err.Error(), "Time.MarshalJSON")
		return
	}
	back, fs2 := pdsa.Decode[T](enc)
	require.Equal(t, fs, fs2, "same findings after a round trip")
	enc2, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(enc), string(enc2))
}
