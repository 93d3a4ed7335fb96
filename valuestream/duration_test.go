package valuestream_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/valuestream"
)

// durationCases are JSON durations and what they decode to; err marks input
// refused with a *DurationError, and out (when set) the JSON written back.
var durationCases = []struct {
	name string
	in   string
	want valuestream.Duration
	out  string
	err  bool
}{
	{name: "whole minutes", in: `{"value":90,"unit":"minutes"}`, want: valuestream.Minutes(90)},
	{name: "fraction of hours", in: `{"value":1.5,"unit":"hours"}`, want: valuestream.Duration{Length: 90 * time.Minute, Unit: valuestream.UnitHours}},
	{name: "days", in: `{"value":3,"unit":"days"}`, want: valuestream.Duration{Length: 72 * time.Hour, Unit: valuestream.UnitDays}},
	{name: "exponent", in: `{"value":2e1,"unit":"minutes"}`, want: valuestream.Duration{Length: 20 * time.Minute, Unit: valuestream.UnitMinutes}, out: `{"value":20,"unit":"minutes"}`},
	{name: "third of an hour", in: `{"value":0.333333333333,"unit":"hours"}`, want: valuestream.Duration{Length: 1199999999999, Unit: valuestream.UnitHours}},
	{name: "one nanosecond in days", in: `{"value":0.000000000000011574,"unit":"days"}`, want: valuestream.Duration{Length: 1, Unit: valuestream.UnitDays}, out: `{"value":0.00000000000001,"unit":"days"}`},
	{name: "negative kept for Validate", in: `{"value":-2,"unit":"hours"}`, want: valuestream.Duration{Length: -2 * time.Hour, Unit: valuestream.UnitHours}},
	{name: "negative zero", in: `{"value":-0,"unit":"hours"}`, want: valuestream.Duration{Unit: valuestream.UnitHours}, out: `{"value":0,"unit":"hours"}`},
	{name: "underflow is zero", in: `{"value":1e-400,"unit":"days"}`, want: valuestream.Duration{Unit: valuestream.UnitDays}, out: `{"value":0,"unit":"days"}`},
	{name: "largest in days", in: `{"value":106751,"unit":"days"}`, want: valuestream.Duration{Length: 106751 * 24 * time.Hour, Unit: valuestream.UnitDays}},
	{name: "keys in any order", in: `{"unit":"minutes","value":5}`, want: valuestream.Minutes(5), out: `{"value":5,"unit":"minutes"}`},
	{name: "out of range", in: `{"value":106752,"unit":"days"}`, err: true},
	{name: "huge", in: `{"value":1e308,"unit":"minutes"}`, err: true},
	{name: "beyond float64", in: `{"value":1e400,"unit":"minutes"}`, err: true},
	{name: "no unit", in: `{"value":5}`, err: true},
	{name: "empty unit", in: `{"value":5,"unit":""}`, err: true},
	{name: "no value", in: `{"unit":"hours"}`, err: true},
	{name: "value as string", in: `{"value":"5","unit":"hours"}`, err: true},
	{name: "plain number", in: `5`, err: true},
	{name: "unit not a string", in: `{"value":5,"unit":3}`, err: true},
}

func TestDurationJSON(t *testing.T) {
	for _, tc := range durationCases {
		t.Run(tc.name, func(t *testing.T) {
			var d valuestream.Duration
			err := json.Unmarshal([]byte(tc.in), &d)
			if tc.err {
				var de *valuestream.DurationError
				require.ErrorAs(t, err, &de)
				assert.ErrorIs(t, err, valuestream.ErrDuration)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, d)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			out := tc.out
			if out == "" {
				out = tc.in
			}
			assert.JSONEq(t, out, string(b))
			var back valuestream.Duration
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, d, back, "Decode(Encode(d)) == d")
		})
	}
}

func TestDurationUnknownUnit(t *testing.T) {
	var d valuestream.Duration
	require.NoError(t, json.Unmarshal([]byte(`{"value":2.50,"unit":"weeks"}`), &d))
	assert.Equal(t, valuestream.TimeUnit("weeks"), d.Unit)
	assert.Zero(t, d.Length)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `{"value":2.50,"unit":"weeks"}`, string(b), "written back as read")
	assert.Equal(t, "2.50 weeks", d.String())
	require.Error(t, json.Unmarshal([]byte(`{"value":"x","unit":"weeks"}`), &d))
}

func TestDurationNull(t *testing.T) {
	d := valuestream.Hours(2)
	require.NoError(t, json.Unmarshal([]byte(`null`), &d))
	assert.Equal(t, valuestream.Hours(2), d)
}

func TestDurationUnsetUnit(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, `{"value":0,"unit":"minutes"}`},
		{48 * time.Hour, `{"value":2,"unit":"days"}`},
		{5 * time.Hour, `{"value":5,"unit":"hours"}`},
		{90 * time.Second, `{"value":1.5,"unit":"minutes"}`},
		{-3 * time.Hour, `{"value":-3,"unit":"hours"}`},
	} {
		b, err := json.Marshal(valuestream.Duration{Length: tc.d})
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(b))
	}
	assert.True(t, valuestream.Duration{}.IsZero())
	assert.False(t, valuestream.Minutes(0).IsZero(), "a unit makes it non-zero")
}

func TestNewDuration(t *testing.T) {
	d, err := valuestream.NewDuration(2.25, valuestream.UnitDays)
	require.NoError(t, err)
	assert.Equal(t, 54*time.Hour, d.Length)
	assert.Equal(t, "2.25 days", d.String())
	assert.InDelta(t, 2.25, d.Value(), 1e-12)
	for _, bad := range []struct {
		v float64
		u valuestream.TimeUnit
	}{{math.NaN(), valuestream.UnitHours}, {math.Inf(1), valuestream.UnitHours}, {1, "weeks"}, {1e6, valuestream.UnitDays}} {
		_, err := valuestream.NewDuration(bad.v, bad.u)
		assert.ErrorIs(t, err, valuestream.ErrDuration, "%v %s", bad.v, bad.u)
	}
}

func TestConstructorsClamp(t *testing.T) {
	assert.Equal(t, time.Duration(math.MaxInt64), valuestream.Days(1e9).Length)
	assert.Equal(t, time.Duration(math.MinInt64), valuestream.Days(-1e9).Length)
	assert.Equal(t, time.Duration(0), valuestream.Hours(math.NaN()).Length)
	assert.Equal(t, 30*time.Minute, valuestream.Hours(0.5).Length)
	assert.Equal(t, "0.5 hours", valuestream.Hours(0.5).String())
}

func TestTimeUnitAndKindEnums(t *testing.T) {
	for _, u := range valuestream.TimeUnits() {
		got, err := valuestream.ParseTimeUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, got)
		assert.Positive(t, u.Length())
	}
	_, err := valuestream.ParseTimeUnit("weeks")
	assert.True(t, errors.Is(err, modelErrUnknownEnum()))
	assert.Zero(t, valuestream.TimeUnit("weeks").Length())
	for _, k := range valuestream.Kinds() {
		got, err := valuestream.ParseKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back valuestream.Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	_, err = valuestream.ParseKind("someday")
	assert.True(t, errors.Is(err, modelErrUnknownEnum()))
}

// FuzzDurationRoundTrip checks that every length in every unit is written
// as a decimal that reads back to exactly the same length.
func FuzzDurationRoundTrip(f *testing.F) {
	for _, tc := range durationCases {
		if !tc.err {
			f.Add(int64(tc.want.Length), uint8(0))
		}
	}
	f.Add(int64(math.MaxInt64), uint8(2))
	f.Add(int64(math.MinInt64), uint8(1))
	f.Add(int64(1), uint8(2))
	units := valuestream.TimeUnits()
	f.Fuzz(func(t *testing.T, n int64, u uint8) {
		d := valuestream.Duration{Length: time.Duration(n), Unit: units[int(u)%len(units)]}
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back valuestream.Duration
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		require.Equal(t, d, back, "%s", b)
	})
}
