package metrics

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/sujuva/sujuva/model"
)

// Observation is a measure's value for one period. Period is the period's
// first day: the Monday of an ISO week, the first of a month, or the day of
// a measurement. A measurement or count goes in Value; a rate or proportion
// in Numerator and Denominator; the individual values of a subgroup (for
// Xbar and S charts) in Values. A period with none of them is missing, and
// stays missing: charts skip it, they never treat it as zero.
type Observation struct {
	Period      model.Date `json:"period"`
	Value       *float64   `json:"value,omitempty"`
	Numerator   *float64   `json:"numerator,omitempty"`
	Denominator *float64   `json:"denominator,omitempty"`
	Values      []float64  `json:"values,omitempty"`
	Note        string     `json:"note,omitempty"`
}

// IsMissing reports whether o carries no value.
func (o Observation) IsMissing() bool {
	return o.Value == nil && o.Numerator == nil && o.Denominator == nil && len(o.Values) == 0
}

// Annotation is a dated note on a series, such as the start of a PDSA cycle
// ("PDSA 2: takaisinsoitto samana päivänä"); charts carry it to the point
// whose period holds its date.
type Annotation struct {
	Date model.Date `json:"date"`
	Text string     `json:"text"`
	Ref  string     `json:"ref,omitempty"` // what it refers to, e.g. a PDSA cycle id
}

// Series is the data of one measure: observations by period, in any order,
// and annotations.
type Series struct {
	MeasureID    string        `json:"measureId,omitempty"`
	Frequency    Frequency     `json:"frequency,omitempty"`
	Observations []Observation `json:"observations"`
	Annotations  []Annotation  `json:"annotations,omitempty"`
}

// Validate checks s for chart type t: no period twice, only finite numbers,
// and for charts with denominators a denominator on every observation with a
// value, neither it nor the numerator negative. Paths point into the series'
// JSON form.
func (s Series) Validate(t ChartType) model.Findings {
	var fs model.Findings
	// Periods in strictly increasing order, as pasted data and the page's
	// series come, are distinct without a map of them (a tenth of a
	// 200-point chart's time in js/wasm).
	increasing := true
	for i := 1; i < len(s.Observations) && increasing; i++ {
		increasing = s.Observations[i-1].Period.Compare(s.Observations[i].Period) < 0
	}
	var seen map[model.Date]bool
	if !increasing {
		seen = make(map[model.Date]bool, len(s.Observations))
	}
	for i, o := range s.Observations {
		at := func(field string) string { return "/observations/" + strconv.Itoa(i) + field }
		if seen != nil {
			if seen[o.Period] {
				fs = append(fs, model.NewError(at("/period"), CodeDuplicatePeriod).With("period", o.Period.String()))
			}
			seen[o.Period] = true
		}
		if o.Period.IsZero() {
			fs = append(fs, model.NewError(at("/period"), model.CodeRequired))
		}
		for _, field := range [...]struct {
			name string
			v    *float64
		}{{"value", o.Value}, {"numerator", o.Numerator}, {"denominator", o.Denominator}} {
			if field.v != nil && !finite(*field.v) {
				fs = append(fs, model.NewError(at("/"+field.name), CodeNotFinite))
			}
		}
		for j, v := range o.Values {
			if !finite(v) {
				fs = append(fs, model.NewError(model.Pointer("observations", i, "values", j), CodeNotFinite))
			}
		}
		if t.HasDenominator() && !o.IsMissing() {
			if o.Numerator == nil || o.Denominator == nil || *o.Numerator < 0 || *o.Denominator < 0 {
				fs = append(fs, model.NewError(at(""), CodeDenominator))
			}
		}
	}
	fs.Sort()
	return fs
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// PeriodStart returns the first day of the period of frequency f that holds
// t, in t's location: the Monday of its ISO week, or the first of its month.
// For FrequencyOther and an unset frequency it returns t's own day.
func PeriodStart(t time.Time, f Frequency) model.Date {
	d := model.DateOf(t)
	switch f {
	case FrequencyWeekly:
		offset := (int(d.Weekday()) + 6) % 7 // days since Monday
		return d.AddDays(-offset)
	case FrequencyMonthly:
		return model.Date{Year: d.Year, Month: d.Month, Day: 1}
	}
	return d
}

// nextPeriod returns the start of the period after the one starting at d.
func nextPeriod(d model.Date, f Frequency) model.Date {
	switch f {
	case FrequencyWeekly:
		return d.AddDays(7)
	case FrequencyMonthly:
		return d.AddMonths(1)
	}
	return d.AddDays(1)
}

// Record is one dated raw record, such as a referral with its lead time, or
// a contact that was (1) or was not (0) answered the same day out of 1.
type Record struct {
	At          time.Time
	Value       float64
	Denominator *float64 // for rates and proportions; nil otherwise
}

// Bucket aggregates records into periods of frequency f, the periods taken
// in loc (Europe/Helsinki for Finnish teams; the caller loads it), from the
// first record's period to the last's. Values of a period are combined by
// agg (mean when unset; sum, median or sd); records with denominators are
// summed into a numerator and a denominator. A period whose values give no
// number (the standard deviation of one value) is missing. Records that are NaN or
// infinite are skipped. A period without records is kept as a missing
// observation, never as zero. With keep set, each observation also holds
// its individual values, for Xbar and S charts. No records give no
// observations.
func Bucket(records []Record, f Frequency, loc *time.Location, agg Aggregate, keep bool) []Observation {
	type bucket struct {
		values   []float64
		num, den float64
		withDen  bool
	}
	buckets := map[model.Date]*bucket{}
	var first, last model.Date
	for _, r := range records {
		if !finite(r.Value) || (r.Denominator != nil && !finite(*r.Denominator)) {
			continue
		}
		p := PeriodStart(r.At.In(loc), f)
		b := buckets[p]
		if b == nil {
			b = &bucket{}
			buckets[p] = b
		}
		if r.Denominator != nil {
			b.withDen = true
			b.num += r.Value
			b.den += *r.Denominator
		} else {
			b.values = append(b.values, r.Value)
		}
		if first.IsZero() || p.Before(first) {
			first = p
		}
		if last.IsZero() || p.After(last) {
			last = p
		}
	}
	if len(buckets) == 0 {
		return nil
	}
	var out []Observation
	for p := first; !p.After(last); p = nextPeriod(p, f) {
		o := Observation{Period: p}
		if b := buckets[p]; b != nil {
			if b.withDen {
				num, den := b.num, b.den
				o.Numerator, o.Denominator = &num, &den
			}
			if v, ok := combine(b.values, agg); ok {
				o.Value = &v
				if keep {
					o.Values = slices.Clone(b.values)
				}
			}
		}
		out = append(out, o)
	}
	return out
}

// combine reports false when the values give no number: none at all, or a
// standard deviation of one value.
func combine(vs []float64, agg Aggregate) (float64, bool) {
	var v float64
	switch agg {
	case AggregateSum:
		v = sum(vs)
	case AggregateMedian:
		v = median(vs)
	case AggregateSD:
		v = sd(vs)
	default:
		v = mean(vs)
	}
	return v, finite(v)
}
