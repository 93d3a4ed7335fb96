package valuestream_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

// referral is a small current-state map of a referral to a child
// psychiatry clinic, the shape of the maps teams draw in the workshops.
var referral = valuestream.Map{
	Name: "Lähete lastenpsykiatrialle",
	Kind: valuestream.KindCurrent,
	Steps: []valuestream.Step{
		{ID: "contact", Name: "Yhteydenotto", Actor: "terveydenhoitaja", Unit: "neuvola",
			Process: valuestream.Minutes(30), CompleteAccurate: valuestream.Percent(80)},
		{ID: "referral", Name: "Lähete", Actor: "lääkäri", Unit: "terveysasema",
			Wait: valuestream.Days(14), Process: valuestream.Minutes(30), CompleteAccurate: valuestream.Percent(50), Handoff: true},
		{ID: "triage", Name: "Lähetteen käsittely", Unit: "lastenpsykiatria",
			Wait: valuestream.Days(21), Process: valuestream.Hours(1), Handoff: true},
		{ID: "visit", Name: "Ensikäynti", Unit: "lastenpsykiatria",
			Wait: valuestream.Days(7), Process: valuestream.Hours(2), CompleteAccurate: valuestream.Percent(90)},
	},
}

// validateCases are maps and the codes Validate reports, at their paths.
var validateCases = []struct {
	name string
	m    valuestream.Map
	want map[string]model.Code // path → code
}{
	{name: "valid", m: referral, want: map[string]model.Code{}},
	{name: "empty", m: valuestream.Map{}, want: map[string]model.Code{"/steps": valuestream.CodeEmpty}},
	{name: "unknown kind", m: valuestream.Map{Kind: "someday", Steps: referral.Steps},
		want: map[string]model.Code{"/kind": model.CodeEnumUnknown}},
	{name: "missing id and name", m: valuestream.Map{Steps: []valuestream.Step{{}}},
		want: map[string]model.Code{"/steps/0/id": model.CodeRequired, "/steps/0/name": model.CodeRequired}},
	{name: "duplicate id", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "a", Name: "C"}}},
		want: map[string]model.Code{"/steps/2/id": model.CodeDuplicateID}},
	{name: "negative durations", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", Wait: valuestream.Hours(-1), Process: valuestream.Minutes(-5)}}},
		want: map[string]model.Code{"/steps/0/wait": valuestream.CodeNegativeDuration, "/steps/0/process": valuestream.CodeNegativeDuration}},
	{name: "%C&A above 100", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", CompleteAccurate: valuestream.Percent(100.5)}}},
		want: map[string]model.Code{"/steps/0/completeAccuratePct": valuestream.CodeCompleteAccurateRange}},
	{name: "%C&A below 0", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", CompleteAccurate: valuestream.Percent(-1)}}},
		want: map[string]model.Code{"/steps/0/completeAccuratePct": valuestream.CodeCompleteAccurateRange}},
	{name: "%C&A NaN", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", CompleteAccurate: valuestream.Percent(math.NaN())}}},
		want: map[string]model.Code{"/steps/0/completeAccuratePct": valuestream.CodeCompleteAccurateRange}},
	{name: "%C&A at the bounds", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", CompleteAccurate: valuestream.Percent(0)}, {ID: "b", Name: "B", CompleteAccurate: valuestream.Percent(100)}}},
		want: map[string]model.Code{}},
	{name: "unknown unit", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", Wait: valuestream.Duration{Unit: "weeks"}}}},
		want: map[string]model.Code{"/steps/0/wait/unit": model.CodeEnumUnknown}},
	{name: "too long to add up", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", Wait: valuestream.Days(1e5), Process: valuestream.Days(1e5)}}},
		want: map[string]model.Code{"/steps": valuestream.CodeTooLong}},
	{name: "id with a slash", m: valuestream.Map{Steps: []valuestream.Step{{ID: "a/b", Name: "A"}, {ID: "a/b", Name: "B"}}},
		want: map[string]model.Code{"/steps/1/id": model.CodeDuplicateID}},
}

func TestValidate(t *testing.T) {
	for _, tc := range validateCases {
		t.Run(tc.name, func(t *testing.T) {
			fs := tc.m.Validate()
			got := map[string]model.Code{}
			for _, f := range fs {
				got[f.Path] = f.Code
				assert.Equal(t, model.SeverityError, f.Severity)
			}
			assert.Equal(t, tc.want, got)
			if len(tc.want) == 0 {
				assert.Nil(t, fs)
			}
			_, err := tc.m.Summary()
			assert.Equal(t, len(tc.want) > 0, errors.Is(err, model.ErrInvalid))
		})
	}
}

func TestValidateParams(t *testing.T) {
	m := valuestream.Map{Steps: []valuestream.Step{
		{ID: "a", Name: "A", Wait: valuestream.Hours(-2)},
		{ID: "a", Name: "B", CompleteAccurate: valuestream.Percent(120)},
	}}
	fs := m.Validate()
	require.Len(t, fs, 3)
	byPath := map[string]model.Finding{}
	for _, f := range fs {
		byPath[f.Path] = f
	}
	assert.Equal(t, "-2 hours", byPath["/steps/0/wait"].Params["value"])
	assert.Equal(t, map[string]string{"id": "a", "first": "0"}, byPath["/steps/1/id"].Params)
	assert.Equal(t, "120", byPath["/steps/1/completeAccuratePct"].Params["value"])
}

func TestMessagesCoverEveryCode(t *testing.T) {
	c := valuestream.Messages()
	assert.Empty(t, c.Missing(valuestream.Codes()...))
	assert.Len(t, c, len(valuestream.Codes()))
	for _, code := range valuestream.Codes() {
		m := c[code]
		for _, l := range model.Languages() {
			assert.NotEmpty(t, m.In(l), "%s in %s", code, l)
		}
	}
	// The codes Validate borrows from model have model's messages.
	assert.Empty(t, model.Messages().Missing(model.CodeRequired, model.CodeDuplicateID, model.CodeEnumUnknown))
}

// decodeCases are JSON documents and the codes Decode reports.
var decodeCases = []struct {
	name string
	in   string
	want []model.Code
}{
	{name: "valid", in: `{"name":"x","kind":"ideal","steps":[{"id":"a","name":"A","wait":{"value":2,"unit":"days"},"process":{"value":30,"unit":"minutes"},"completeAccuratePct":75,"handoff":true}]}`},
	{name: "no steps", in: `{"steps":[]}`, want: []model.Code{valuestream.CodeEmpty}},
	{name: "negative", in: `{"steps":[{"id":"a","name":"A","wait":{"value":-1,"unit":"hours"}}]}`, want: []model.Code{valuestream.CodeNegativeDuration}},
	{name: "unknown unit", in: `{"steps":[{"id":"a","name":"A","wait":{"value":1,"unit":"weeks"}}]}`, want: []model.Code{model.CodeEnumUnknown}},
	{name: "unknown kind", in: `{"kind":"x","steps":[{"id":"a","name":"A"}]}`, want: []model.Code{model.CodeEnumUnknown}},
	{name: "duplicate", in: `{"steps":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}`, want: []model.Code{model.CodeDuplicateID}},
	{name: "syntax", in: `{"steps":[`, want: []model.Code{model.CodeJSONSyntax}},
	{name: "wrong type", in: `{"steps":[{"id":1,"name":"A"}]}`, want: []model.Code{model.CodeJSONType}},
	{name: "duration without unit", in: `{"steps":[{"id":"a","name":"A","wait":{"value":1}}]}`, want: []model.Code{valuestream.CodeDurationJSON}},
	{name: "duration out of range", in: `{"steps":[{"id":"a","name":"A","process":{"value":1e300,"unit":"days"}}]}`, want: []model.Code{valuestream.CodeDurationJSON}},
	{name: "not an object", in: `[1,2]`, want: []model.Code{model.CodeJSONType}},
	{name: "empty input", in: ``, want: []model.Code{model.CodeJSONSyntax}},
}

func TestDecode(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			m, fs := valuestream.Decode([]byte(tc.in))
			if len(tc.want) == 0 {
				assert.Empty(t, fs.Codes())
			} else {
				assert.Equal(t, tc.want, fs.Codes())
			}
			if len(tc.want) == 0 {
				assert.Nil(t, fs)
				b, err := json.Marshal(m)
				require.NoError(t, err)
				assert.JSONEq(t, tc.in, string(b))
			}
		})
	}
}

func TestDecodeDurationPath(t *testing.T) {
	_, fs := valuestream.Decode([]byte(`{"steps":[{"id":"a","name":"A","wait":{"value":1,"unit":"hours"}},` +
		`{"id":"b","name":"B","wait":{"value":1,"unit":"hours"},"process":{"value":"x","unit":"hours"}}]}`))
	require.Len(t, fs, 1)
	assert.Equal(t, "/steps/1/process", fs[0].Path)
	assert.Equal(t, valuestream.CodeDurationJSON, fs[0].Code)
	assert.Equal(t, "value must be a number", fs[0].Params["reason"])
}

func TestSummary(t *testing.T) {
	s, err := referral.Summary()
	require.NoError(t, err)
	pt := 30*time.Minute + 30*time.Minute + time.Hour + 2*time.Hour
	wait := 42 * 24 * time.Hour
	assert.Equal(t, 4, s.Steps)
	assert.Equal(t, pt, s.ProcessTime)
	assert.Equal(t, wait, s.WaitTime)
	assert.Equal(t, pt+wait, s.LeadTime)
	assert.InDelta(t, 4.0/(4+42*24), s.ActivityRatio, 1e-15)
	assert.InDelta(t, 100*0.8*0.5*0.9, s.RolledCompleteAccurate, 1e-12)
	assert.Equal(t, 3, s.CompleteAccurateMeasured)
	assert.Equal(t, 2, s.Handoffs)
	assert.Equal(t, []string{"neuvola", "terveysasema", "lastenpsykiatria"}, s.Units)
	assert.Equal(t, 2, s.UnitChanges)
	assert.Equal(t, 2, s.Bottleneck, "the 21-day wait for triage")
	require.Len(t, s.Shares, 4)
	sum := 0.0
	for i, sh := range s.Shares {
		assert.Equal(t, referral.Steps[i].ID, sh.ID)
		sum += sh.Share
	}
	assert.InDelta(t, 1, sum, 1e-12)
	assert.InDelta(t, float64(21*24+1)/float64(42*24+4), s.Shares[2].Share, 1e-15)
	assert.InDelta(t, 42+4.0/24, s.LeadTimeDays(), 1e-12)
}

// summaryCases are edge cases of Summary.
var summaryCases = []struct {
	name  string
	steps []valuestream.Step
	check func(t *testing.T, s valuestream.Summary)
}{
	{name: "all zero", steps: []valuestream.Step{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Zero(t, s.LeadTime)
		assert.Zero(t, s.ActivityRatio, "0, not NaN, for a zero lead time")
		assert.Equal(t, -1, s.Bottleneck, "no step waits")
		assert.Zero(t, s.Shares[0].Share)
		assert.Zero(t, s.RolledCompleteAccurate)
		assert.Zero(t, s.CompleteAccurateMeasured)
		assert.Empty(t, s.Units)
	}},
	{name: "tie in the longest wait picks the first", steps: []valuestream.Step{
		{ID: "a", Name: "A", Wait: valuestream.Hours(1)}, {ID: "b", Name: "B", Wait: valuestream.Hours(3)}, {ID: "c", Name: "C", Wait: valuestream.Minutes(180)},
	}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Equal(t, 1, s.Bottleneck)
		assert.Zero(t, s.ActivityRatio)
	}},
	{name: "only process time", steps: []valuestream.Step{{ID: "a", Name: "A", Process: valuestream.Hours(1)}}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Equal(t, 1.0, s.ActivityRatio)
		assert.Equal(t, 1.0, s.Shares[0].Share)
	}},
	{name: "a zero %C&A", steps: []valuestream.Step{{ID: "a", Name: "A", CompleteAccurate: valuestream.Percent(0)}, {ID: "b", Name: "B", CompleteAccurate: valuestream.Percent(90)}}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Zero(t, s.RolledCompleteAccurate)
		assert.Equal(t, 2, s.CompleteAccurateMeasured)
	}},
	{name: "unit gaps do not count as changes", steps: []valuestream.Step{
		{ID: "a", Name: "A", Unit: "x"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C", Unit: "x"}, {ID: "d", Name: "D", Unit: "y"}, {ID: "e", Name: "E", Unit: "x"},
	}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Equal(t, []string{"x", "y"}, s.Units)
		assert.Equal(t, 2, s.UnitChanges)
	}},
	{name: "largest lead time that adds up", steps: []valuestream.Step{
		{ID: "a", Name: "A", Wait: valuestream.Duration{Length: math.MaxInt64 - 1}, Process: valuestream.Duration{Length: 1}},
	}, check: func(t *testing.T, s valuestream.Summary) {
		assert.Equal(t, time.Duration(math.MaxInt64), s.LeadTime)
		assert.InDelta(t, 0, s.ActivityRatio, 1e-18)
	}},
}

func TestSummaryEdges(t *testing.T) {
	for _, tc := range summaryCases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := valuestream.Map{Steps: tc.steps}.Summary()
			require.NoError(t, err)
			tc.check(t, s)
		})
	}
}

func TestSummaryManyUnits(t *testing.T) {
	m := generated(100)
	s, err := m.Summary()
	require.NoError(t, err)
	assert.Len(t, s.Units, 40, "generated maps cycle through 40 units")
	assert.Equal(t, 99, s.UnitChanges)
}

func TestSummaryJSON(t *testing.T) {
	s, err := valuestream.Map{Steps: []valuestream.Step{{ID: "a", Name: "A", Wait: valuestream.Hours(1), Process: valuestream.Hours(1)}}}.Summary()
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"steps":1,"leadTimeNs":7200000000000,"processTimeNs":3600000000000,"waitTimeNs":3600000000000,
		"activityRatio":0.5,"rolledCompleteAccuratePct":0,"completeAccurateMeasured":0,"handoffs":0,"units":[],"unitChanges":0,
		"bottleneck":0,"shares":[{"id":"a","name":"A","leadTimeNs":7200000000000,"share":1}]}`, string(b))
}
