package valuestream_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
)

// ideal is referral redrawn as the team would have it: the nurse refers
// directly, the triage step is merged into the first visit, and a phone
// call is added.
var ideal = valuestream.Map{
	Name: "Lähete lastenpsykiatrialle",
	Kind: valuestream.KindIdeal,
	Steps: []valuestream.Step{
		{ID: "contact", Name: "Yhteydenotto", Actor: "terveydenhoitaja", Unit: "neuvola",
			Process: valuestream.Minutes(30), CompleteAccurate: valuestream.Percent(80)},
		{ID: "call", Name: "Puhelinkonsultaatio", Unit: "lastenpsykiatria",
			Wait: valuestream.Days(2), Process: valuestream.Minutes(20), Handoff: true},
		{ID: "visit", Name: "Ensikäynti", Unit: "lastenpsykiatria",
			Wait: valuestream.Days(7), Process: valuestream.Hours(2), CompleteAccurate: valuestream.Percent(95)},
	},
}

func TestCompare(t *testing.T) {
	c, err := valuestream.Compare(referral, ideal)
	require.NoError(t, err)
	sb, err := referral.Summary()
	require.NoError(t, err)
	sa, err := ideal.Summary()
	require.NoError(t, err)
	assert.Equal(t, sb, c.Before)
	assert.Equal(t, sa, c.After)

	assert.Equal(t, valuestream.Change[int]{Before: 4, After: 3, Delta: -1, Percent: -25, HasPercent: true}, c.Steps)
	ltBefore := 42*24*time.Hour + 4*time.Hour
	ltAfter := 9*24*time.Hour + 170*time.Minute
	assert.Equal(t, ltBefore, c.LeadTime.Before)
	assert.Equal(t, ltAfter, c.LeadTime.After)
	assert.Equal(t, ltAfter-ltBefore, c.LeadTime.Delta)
	assert.InDelta(t, 100*float64(ltAfter-ltBefore)/float64(ltBefore), c.LeadTime.Percent, 1e-12)
	assert.Equal(t, valuestream.Change[int]{Before: 2, After: 1, Delta: -1, Percent: -50, HasPercent: true}, c.Handoffs)
	assert.InDelta(t, 100*0.8*0.95-36, c.RolledCompleteAccurate.Delta, 1e-12, "percentage points")
	assert.InDelta(t, sa.ActivityRatio-sb.ActivityRatio, c.ActivityRatio.Delta, 1e-15)
	assert.Equal(t, valuestream.Change[int]{Before: 3, After: 2, Delta: -1, Percent: 100 * -1.0 / 3, HasPercent: true}, c.Units)

	require.Len(t, c.Added, 1)
	assert.Equal(t, "call", c.Added[0].ID)
	require.Len(t, c.Removed, 2)
	assert.Equal(t, []string{"referral", "triage"}, []string{c.Removed[0].ID, c.Removed[1].ID})
	require.Len(t, c.Changed, 1)
	assert.Equal(t, "visit", c.Changed[0].ID)
	assert.Equal(t, []string{"completeAccuratePct"}, c.Changed[0].Fields)
	assert.Zero(t, c.Changed[0].Wait.Delta)

	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "NaN")
}

// compareStepCases change one step of a one-step map and name the fields
// Compare reports.
var compareStepCases = []struct {
	name   string
	change func(s *valuestream.Step)
	want   []string
}{
	{"nothing", func(s *valuestream.Step) {}, nil},
	{"unit entered differently", func(s *valuestream.Step) { s.Wait = valuestream.Minutes(120) }, nil},
	{"name", func(s *valuestream.Step) { s.Name = "B" }, []string{"name"}},
	{"actor and unit", func(s *valuestream.Step) { s.Actor, s.Unit = "x", "y" }, []string{"actor", "unit"}},
	{"wait", func(s *valuestream.Step) { s.Wait = valuestream.Hours(3) }, []string{"wait"}},
	{"process", func(s *valuestream.Step) { s.Process = valuestream.Hours(3) }, []string{"process"}},
	{"%C&A dropped", func(s *valuestream.Step) { s.CompleteAccurate = nil }, []string{"completeAccuratePct"}},
	{"handoff and notes", func(s *valuestream.Step) { s.Handoff, s.Notes = true, "n" }, []string{"handoff", "notes"}},
}

func TestCompareSteps(t *testing.T) {
	base := valuestream.Step{ID: "a", Name: "A", Wait: valuestream.Hours(2), Process: valuestream.Hours(1), CompleteAccurate: valuestream.Percent(70)}
	for _, tc := range compareStepCases {
		t.Run(tc.name, func(t *testing.T) {
			after := base
			tc.change(&after)
			c, err := valuestream.Compare(valuestream.Map{Steps: []valuestream.Step{base}}, valuestream.Map{Steps: []valuestream.Step{after}})
			require.NoError(t, err)
			if tc.want == nil {
				assert.Empty(t, c.Changed)
				return
			}
			require.Len(t, c.Changed, 1)
			assert.Equal(t, tc.want, c.Changed[0].Fields)
		})
	}
}

func TestCompareOrderAndZeroBase(t *testing.T) {
	a := valuestream.Map{Steps: []valuestream.Step{{ID: "x", Name: "X"}, {ID: "y", Name: "Y"}, {ID: "z", Name: "Z"}}}
	b := valuestream.Map{Steps: []valuestream.Step{{ID: "y", Name: "Y"}, {ID: "x", Name: "X"}, {ID: "new", Name: "N", Wait: valuestream.Days(1)}, {ID: "z", Name: "Z"}}}
	c, err := valuestream.Compare(a, b)
	require.NoError(t, err)
	var moved []string
	for _, ch := range c.Changed {
		assert.Equal(t, []string{"order"}, ch.Fields)
		moved = append(moved, ch.ID)
	}
	assert.Equal(t, []string{"y", "x"}, moved, "z keeps its place among the common steps")
	assert.False(t, c.LeadTime.HasPercent, "from a zero lead time the change has no percent")
	assert.Zero(t, c.LeadTime.Percent)
	assert.Equal(t, 24*time.Hour, c.LeadTime.Delta)
}

func TestCompareInvalid(t *testing.T) {
	_, err := valuestream.Compare(valuestream.Map{}, referral)
	require.True(t, errors.Is(err, model.ErrInvalid))
	var fs model.Findings
	require.ErrorAs(t, err, &fs)
	assert.Equal(t, "/before/steps", fs[0].Path)
	_, err = valuestream.Compare(referral, valuestream.Map{Steps: []valuestream.Step{{ID: "a"}}})
	require.ErrorAs(t, err, &fs)
	assert.Equal(t, "/after/steps/0/name", fs[0].Path)
}
