package valuestream

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/sujuva/sujuva/model"
)

// TimeUnit is the unit a person entered a duration in. It decides how a
// [Duration] is written in JSON and shown, never its length. The zero value
// is unset: a [Duration] with no unit is written in the largest unit that
// holds it exactly.
type TimeUnit string

const (
	// UnitMinutes: 60 seconds.
	UnitMinutes TimeUnit = "minutes"
	// UnitHours: 60 minutes.
	UnitHours TimeUnit = "hours"
	// UnitDays: 24 hours of elapsed time (a calendar day, not a working
	// day; see [Calendar] for working days).
	UnitDays TimeUnit = "days"
)

// TimeUnits lists the units from the shortest to the longest.
func TimeUnits() []TimeUnit { return []TimeUnit{UnitMinutes, UnitHours, UnitDays} }

// String returns the unit's name.
func (u TimeUnit) String() string { return string(u) }

// IsValid reports whether u is a known unit.
func (u TimeUnit) IsValid() bool {
	return u == UnitMinutes || u == UnitHours || u == UnitDays
}

// ParseTimeUnit returns the unit named s ("minutes", "hours", "days"), or a
// [*model.EnumError].
func ParseTimeUnit(s string) (TimeUnit, error) {
	if u := TimeUnit(s); u.IsValid() {
		return u, nil
	}
	return "", &model.EnumError{Type: "time unit", Value: s}
}

// MarshalText returns the unit's name.
func (u TimeUnit) MarshalText() ([]byte, error) { return []byte(u), nil }

// UnmarshalText sets u to the name in b. Unknown names are kept, not
// refused: [Map.Validate] reports them.
func (u *TimeUnit) UnmarshalText(b []byte) error {
	*u = TimeUnit(b)
	return nil
}

// Length returns the length of one u; 0 for an unset or unknown unit.
func (u TimeUnit) Length() time.Duration {
	switch u {
	case UnitMinutes:
		return time.Minute
	case UnitHours:
		return time.Hour
	case UnitDays:
		return 24 * time.Hour
	}
	return 0
}

// Duration is a length of time as a person entered it: the length as a
// time.Duration and the unit it was entered in.
//
// In JSON a Duration is an object with a number and a unit,
// {"value": 1.5, "unit": "hours"}; the unit is required there, and the value
// may have a fraction and is rounded to the nearest nanosecond. A unit that
// is not one of [TimeUnits] decodes without error, with Length 0, and is
// reported by [Map.Validate]; its value is kept and written back unchanged.
// Values that are not finite numbers or do not fit in a time.Duration
// (about ±292 years) are refused with a [*DurationError]. Writing picks the
// shortest decimal that reads back to exactly the same Length, so
// Decode(Encode(d)) == d.
//
// The zero value is a zero length with no unit; it is written as
// {"value": 0, "unit": "minutes"}.
type Duration struct {
	Length time.Duration // the length; negative lengths are reported by Validate
	Unit   TimeUnit      // the unit entered; zero picks one when written

	raw string // the JSON value when Unit is unknown, written back as read
}

// NewDuration returns value units long, rounded to the nearest nanosecond,
// or a [*DurationError] when value is not finite, the unit is not known, or
// the length does not fit in a time.Duration.
func NewDuration(value float64, unit TimeUnit) (Duration, error) {
	text := strconv.FormatFloat(value, 'g', -1, 64)
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return Duration{}, &DurationError{Value: text, Reason: "not a finite number"}
	}
	if !unit.IsValid() {
		return Duration{}, &DurationError{Value: text, Reason: "unknown unit " + strconv.Quote(string(unit))}
	}
	l, err := lengthOf(text, unit)
	if err != nil {
		return Duration{}, err
	}
	return Duration{Length: l, Unit: unit}, nil
}

// Minutes returns a duration of n minutes, entered in minutes. n is rounded
// to the nearest nanosecond; a length out of time.Duration's range is
// clamped to it and NaN gives 0. Use [NewDuration] to have those refused.
func Minutes(n float64) Duration { return clamped(n, UnitMinutes) }

// Hours returns a duration of n hours, entered in hours, as [Minutes] does.
func Hours(n float64) Duration { return clamped(n, UnitHours) }

// Days returns a duration of n 24-hour days, entered in days, as [Minutes]
// does.
func Days(n float64) Duration { return clamped(n, UnitDays) }

func clamped(n float64, u TimeUnit) Duration {
	switch ns := n * float64(u.Length()); {
	case math.IsNaN(ns):
		return Duration{Unit: u}
	case ns >= math.MaxInt64:
		return Duration{Length: math.MaxInt64, Unit: u}
	case ns <= math.MinInt64:
		return Duration{Length: math.MinInt64, Unit: u}
	}
	d, err := NewDuration(n, u)
	if err != nil { // only at the very edge of the range, after rounding
		if n > 0 {
			return Duration{Length: math.MaxInt64, Unit: u}
		}
		return Duration{Length: math.MinInt64, Unit: u}
	}
	return d
}

// IsZero reports whether d is the zero Duration, so that JSON fields tagged
// omitzero leave it out.
func (d Duration) IsZero() bool { return d == Duration{} }

// Value returns the length in d's unit (in the unit [Duration.MarshalJSON]
// would pick when the unit is unset or unknown), as a float64.
func (d Duration) Value() float64 {
	return float64(d.Length) / float64(d.unitForOutput().Length())
}

// String formats d as its value and unit, "1.5 hours"; a unit that is not
// known is shown with the value as read, "2 weeks".
func (d Duration) String() string {
	if d.Unit != "" && !d.Unit.IsValid() {
		raw := d.raw
		if raw == "" {
			raw = "0"
		}
		return raw + " " + string(d.Unit)
	}
	u := d.unitForOutput()
	return formatLength(d.Length, u) + " " + string(u)
}

func (d Duration) unitForOutput() TimeUnit {
	if d.Unit.IsValid() {
		return d.Unit
	}
	switch {
	case d.Length != 0 && d.Length%(24*time.Hour) == 0:
		return UnitDays
	case d.Length != 0 && d.Length%time.Hour == 0:
		return UnitHours
	}
	return UnitMinutes
}

type durationJSON struct {
	Value json.RawMessage `json:"value"`
	Unit  *string         `json:"unit"`
}

// MarshalJSON writes {"value": v, "unit": u}, v being the shortest decimal
// that reads back to d.Length exactly.
func (d Duration) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"value":`)
	if d.Unit != "" && !d.Unit.IsValid() {
		raw := d.raw
		if raw == "" {
			raw = "0"
		}
		b.WriteString(raw)
		b.WriteString(`,"unit":`)
		u, err := json.Marshal(string(d.Unit))
		if err != nil {
			return nil, err
		}
		b.Write(u)
		b.WriteByte('}')
		return b.Bytes(), nil
	}
	u := d.unitForOutput()
	b.WriteString(formatLength(d.Length, u))
	b.WriteString(`,"unit":"`)
	b.WriteString(string(u))
	b.WriteString(`"}`)
	return b.Bytes(), nil
}

// UnmarshalJSON reads {"value": v, "unit": u}. JSON null leaves d unchanged.
// A missing value or unit, a value that is not a number, or a length out of
// range is a [*DurationError]; an unknown unit is kept for Validate.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	var in durationJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return &DurationError{Value: truncate(string(b)), Reason: "want an object {\"value\": number, \"unit\": name}"}
	}
	text := string(bytes.TrimSpace(in.Value))
	if text == "" || text == "null" || (text[0] != '-' && (text[0] < '0' || text[0] > '9')) {
		return &DurationError{Value: truncate(string(b)), Reason: "value must be a number"}
	}
	if in.Unit == nil || *in.Unit == "" {
		return &DurationError{Value: truncate(string(b)), Reason: "unit is required"}
	}
	unit := TimeUnit(*in.Unit)
	if !unit.IsValid() {
		if _, err := strconv.ParseFloat(text, 64); err != nil && !isRange(err) {
			return &DurationError{Value: truncate(text), Reason: "value must be a number"}
		}
		*d = Duration{Unit: unit, raw: text}
		return nil
	}
	l, err := lengthOf(text, unit)
	if err != nil {
		return err
	}
	*d = Duration{Length: l, Unit: unit}
	return nil
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

var (
	maxRat = new(big.Rat).SetInt64(math.MaxInt64)
	minRat = new(big.Rat).SetInt64(math.MinInt64)
)

// lengthOf converts the decimal text of a number of units to nanoseconds,
// exactly, rounding half away from zero.
func lengthOf(text string, u TimeUnit) (time.Duration, error) {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		if isRange(err) && !math.IsInf(f, 0) { // underflow: effectively zero
			return 0, nil
		}
		if isRange(err) {
			return 0, &DurationError{Value: truncate(text), Reason: "out of range"}
		}
		return 0, &DurationError{Value: truncate(text), Reason: "not a number"}
	}
	if f == 0 {
		return 0, nil
	}
	if math.Abs(f*float64(u.Length())) > 9.3e18 {
		return 0, &DurationError{Value: truncate(text), Reason: "out of range"}
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return 0, &DurationError{Value: truncate(text), Reason: "not a number"}
	}
	r.Mul(r, new(big.Rat).SetInt64(int64(u.Length())))
	n := roundRat(r)
	if n == nil {
		return 0, &DurationError{Value: truncate(text), Reason: "out of range"}
	}
	return time.Duration(n.Int64()), nil
}

// roundRat rounds r to the nearest integer, halves away from zero, and
// returns nil when the result does not fit in an int64.
func roundRat(r *big.Rat) *big.Int {
	half := big.NewRat(1, 2)
	x := new(big.Rat).Set(r)
	if x.Sign() >= 0 {
		x.Add(x, half)
	} else {
		x.Sub(x, half)
	}
	q := new(big.Int).Quo(x.Num(), x.Denom()) // truncates toward zero
	if q.Cmp(maxRat.Num()) > 0 || q.Cmp(minRat.Num()) < 0 {
		return nil
	}
	return q
}

// formatLength writes l in units of u as the shortest decimal (at most 15
// fraction digits) that [lengthOf] reads back to l.
func formatLength(l time.Duration, u TimeUnit) string {
	if l%u.Length() == 0 {
		return strconv.FormatInt(int64(l/u.Length()), 10)
	}
	r := new(big.Rat).SetFrac64(int64(l), int64(u.Length()))
	s := r.FloatString(15)
	for k := 1; k <= 15; k++ {
		c := r.FloatString(k)
		if back, err := lengthOf(c, u); err == nil && back == l {
			s = c
			break
		}
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
