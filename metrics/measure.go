package metrics

import (
	"math"
	"strings"

	"github.com/sujuva/sujuva/model"
)

// Kind is a measure's place in the family of measures (IHI; Langley et al.,
// The Improvement Guide): outcome, process or balancing. The zero value is
// unset.
type Kind string

const (
	KindOutcome   Kind = "outcome"   // the result for clients: does the system perform better?
	KindProcess   Kind = "process"   // is the changed process carried out as planned?
	KindBalancing Kind = "balancing" // are other parts of the system made worse?
)

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k == KindOutcome || k == KindProcess || k == KindBalancing }

// String returns the kind's name.
func (k Kind) String() string { return string(k) }

// ParseKind returns the kind named s, or a [*model.EnumError].
func ParseKind(s string) (Kind, error) {
	if k := Kind(s); k.IsValid() {
		return k, nil
	}
	return "", &model.EnumError{Type: "kind", Value: s}
}

// Dimension is the dimension of the quadruple aim (nelimaali; seed 003) a
// measure speaks to. The zero value is unset.
type Dimension string

const (
	DimensionClient        Dimension = "client"        // client experience and access
	DimensionEffectiveness Dimension = "effectiveness" // effectiveness (vaikuttavuus)
	DimensionProductivity  Dimension = "productivity"  // productivity and cost
	DimensionStaff         Dimension = "staff"         // staff experience
)

// Dimensions lists the four dimensions in the quadruple aim's order.
func Dimensions() []Dimension {
	return []Dimension{DimensionClient, DimensionEffectiveness, DimensionProductivity, DimensionStaff}
}

// IsValid reports whether d is a known dimension.
func (d Dimension) IsValid() bool {
	switch d {
	case DimensionClient, DimensionEffectiveness, DimensionProductivity, DimensionStaff:
		return true
	}
	return false
}

// String returns the dimension's name.
func (d Dimension) String() string { return string(d) }

// ParseDimension returns the dimension named s, or a [*model.EnumError].
func ParseDimension(s string) (Dimension, error) {
	if d := Dimension(s); d.IsValid() {
		return d, nil
	}
	return "", &model.EnumError{Type: "dimension", Value: s}
}

// DataType is the kind of data a measure collects, which decides the chart
// that fits it. The zero value is unset.
type DataType string

const (
	DataCount        DataType = "count"         // events counted in equal opportunity (a C chart)
	DataRate         DataType = "rate"          // events per unequal exposure: numerator and denominator (U)
	DataProportion   DataType = "proportion"    // cases with a property among cases: numerator ≤ denominator (P)
	DataMeasurement  DataType = "measurement"   // a measured value such as a lead time in days (I)
	DataTimeBetween  DataType = "time-between"  // time between rare events (T)
	DataCasesBetween DataType = "cases-between" // cases or days between rare events (G)
)

// IsValid reports whether t is a known data type.
func (t DataType) IsValid() bool {
	switch t {
	case DataCount, DataRate, DataProportion, DataMeasurement, DataTimeBetween, DataCasesBetween:
		return true
	}
	return false
}

// String returns the data type's name.
func (t DataType) String() string { return string(t) }

// HasDenominator reports whether the data type has a numerator and a
// denominator.
func (t DataType) HasDenominator() bool { return t == DataRate || t == DataProportion }

// SuggestedChart returns the control chart that fits the data type, by the
// usual rule of the Health Care Data Guide (Provost & Murray 2011, ch. 5)
// and qicharts2's vignette: counts with equal opportunity → C, counts over
// unequal exposure → U, proportions → P, measurements → I, time between
// rare events → T, cases between rare events → G. An unset or unknown type
// gives a run chart, which fits any data.
func (t DataType) SuggestedChart() ChartType {
	switch t {
	case DataCount:
		return ChartC
	case DataRate:
		return ChartU
	case DataProportion:
		return ChartP
	case DataMeasurement:
		return ChartI
	case DataTimeBetween:
		return ChartT
	case DataCasesBetween:
		return ChartG
	}
	return ChartRun
}

// Direction says which way a measure improves. The zero value is unset.
type Direction string

const (
	DirectionUp   Direction = "up"   // higher is better
	DirectionDown Direction = "down" // lower is better
)

// IsValid reports whether d is a known direction.
func (d Direction) IsValid() bool { return d == DirectionUp || d == DirectionDown }

// Frequency is how often a measure is taken. The zero value is unset.
type Frequency string

const (
	FrequencyWeekly  Frequency = "weekly"  // ISO weeks, Monday to Sunday
	FrequencyMonthly Frequency = "monthly" // calendar months
	FrequencyOther   Frequency = "other"   // described in Measure.FrequencyNote
)

// IsValid reports whether f is a known frequency.
func (f Frequency) IsValid() bool {
	return f == FrequencyWeekly || f == FrequencyMonthly || f == FrequencyOther
}

// Definition is a measure's operational definition: what exactly is counted
// or measured, so that two people collecting it get the same number.
type Definition struct {
	Description string `json:"description,omitempty"`
	Numerator   string `json:"numerator,omitempty"`   // for rates and proportions
	Denominator string `json:"denominator,omitempty"` // for rates and proportions
	Inclusion   string `json:"inclusion,omitempty"`
	Exclusion   string `json:"exclusion,omitempty"`
}

// Source says where a measure's data come from: an information system, or
// hand measurement (käsimittaus) when no system supplies them, and who
// collects them.
type Source struct {
	System    string `json:"system,omitempty"`
	ByHand    bool   `json:"byHand"`
	Collector string `json:"collector,omitempty"` // a team member id or a role
}

// Goal is a value at a date: a measure's baseline or its target.
type Goal struct {
	Value float64    `json:"value"`
	Date  model.Date `json:"date"`
}

// Measure is one measure of a team's family of measures, with its
// operational definition (IHI; Provost & Murray, The Health Care Data
// Guide, ch. 2).
type Measure struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Kind          Kind       `json:"kind"`
	Dimension     Dimension  `json:"dimension,omitempty"`
	DataType      DataType   `json:"dataType"`
	Definition    Definition `json:"definition"`
	Unit          string     `json:"unit,omitempty"` // "days", "%", "contacts per week"
	Direction     Direction  `json:"direction"`
	Source        Source     `json:"source"`
	Frequency     Frequency  `json:"frequency"`
	FrequencyNote string     `json:"frequencyNote,omitempty"`
	Baseline      *Goal      `json:"baseline,omitempty"`
	Target        *Goal      `json:"target,omitempty"`
	Chart         ChartType  `json:"chart,omitempty"` // the team's choice; SuggestedChart when empty
}

// ChartType returns the measure's chart: the team's choice, or the one its
// data type suggests.
func (m Measure) ChartType() ChartType {
	if m.Chart != "" {
		return m.Chart
	}
	return m.DataType.SuggestedChart()
}

// Validate checks the measure and returns every finding: a missing id or
// name, unknown enum values, a rate or proportion without its numerator and
// denominator defined (error), no direction of improvement, no data source
// or no frequency (warnings), a non-finite baseline or target, and a target
// that does not lie in the direction of improvement from the baseline
// (warning).
func (m Measure) Validate() model.Findings {
	var fs model.Findings
	req := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			fs = append(fs, model.NewError("/"+field, model.CodeRequired))
		}
	}
	req("id", m.ID)
	req("name", m.Name)
	enum := func(path string, set bool, ok bool, v string) {
		if set && !ok {
			fs = append(fs, model.NewError(path, model.CodeEnumUnknown).With("value", v))
		}
	}
	if m.Kind == "" {
		fs = append(fs, model.NewError("/kind", model.CodeRequired))
	}
	enum("/kind", m.Kind != "", m.Kind.IsValid(), string(m.Kind))
	enum("/dimension", m.Dimension != "", m.Dimension.IsValid(), string(m.Dimension))
	enum("/dataType", m.DataType != "", m.DataType.IsValid(), string(m.DataType))
	enum("/direction", m.Direction != "", m.Direction.IsValid(), string(m.Direction))
	enum("/frequency", m.Frequency != "", m.Frequency.IsValid(), string(m.Frequency))
	enum("/chart", m.Chart != "", m.Chart.IsValid(), string(m.Chart))
	if m.DataType == "" {
		fs = append(fs, model.NewError("/dataType", model.CodeRequired))
	}
	if m.DataType.HasDenominator() {
		if strings.TrimSpace(m.Definition.Numerator) == "" {
			fs = append(fs, model.NewError("/definition/numerator", CodeDefinitionMissing))
		}
		if strings.TrimSpace(m.Definition.Denominator) == "" {
			fs = append(fs, model.NewError("/definition/denominator", CodeDefinitionMissing))
		}
	}
	if m.Direction == "" {
		fs = append(fs, model.NewWarning("/direction", CodeDirectionMissing))
	}
	if !m.Source.ByHand && strings.TrimSpace(m.Source.System) == "" {
		fs = append(fs, model.NewWarning("/source", CodeSourceMissing))
	}
	if m.Frequency == "" {
		fs = append(fs, model.NewWarning("/frequency", CodeFrequencyMissing))
	}
	for _, g := range []struct {
		path string
		goal *Goal
	}{{"/baseline/value", m.Baseline}, {"/target/value", m.Target}} {
		if g.goal != nil && (math.IsNaN(g.goal.Value) || math.IsInf(g.goal.Value, 0)) {
			fs = append(fs, model.NewError(g.path, CodeNotFinite))
		}
	}
	if m.Baseline != nil && m.Target != nil && m.Direction.IsValid() {
		if (m.Direction == DirectionUp && m.Target.Value <= m.Baseline.Value) ||
			(m.Direction == DirectionDown && m.Target.Value >= m.Baseline.Value) {
			fs = append(fs, model.NewWarning("/target/value", CodeTargetDirection).
				With("baseline", m.Baseline.Value).With("target", m.Target.Value))
		}
	}
	fs.Sort()
	return fs
}
