package metrics

import "github.com/sujuva/sujuva/model"

// ChartType names a run or control chart. The zero value is unset.
type ChartType string

const (
	ChartRun  ChartType = "run"  // run chart: median centre line, Anhøj rules
	ChartI    ChartType = "i"    // individuals (Shewhart I, XmR)
	ChartMR   ChartType = "mr"   // moving ranges
	ChartXbar ChartType = "xbar" // subgroup means
	ChartS    ChartType = "s"    // subgroup standard deviations
	ChartT    ChartType = "t"    // time between rare events
	ChartP    ChartType = "p"    // proportions
	ChartPP   ChartType = "pp"   // Laney's P′
	ChartC    ChartType = "c"    // counts
	ChartU    ChartType = "u"    // rates
	ChartUP   ChartType = "up"   // Laney's U′
	ChartG    ChartType = "g"    // opportunities between rare events
	ChartIP   ChartType = "ip"   // Laney's I′ for rates
)

// Aggregate says how several values in one period become one point, when
// the chart has no denominators. The zero value is the mean.
type Aggregate string

const (
	AggregateMean   Aggregate = "mean"
	AggregateMedian Aggregate = "median"
	AggregateSum    Aggregate = "sum"
	AggregateSD     Aggregate = "sd"
)

// ChartTypes lists the chart types.
func ChartTypes() []ChartType {
	return []ChartType{ChartRun, ChartI, ChartMR, ChartXbar, ChartS, ChartT, ChartP, ChartPP, ChartC, ChartU, ChartUP, ChartG, ChartIP}
}

// IsValid reports whether t is a known chart type.
func (t ChartType) IsValid() bool {
	for _, c := range ChartTypes() {
		if c == t {
			return true
		}
	}
	return false
}

// String returns the chart type's name.
func (t ChartType) String() string { return string(t) }

// ParseChartType returns the chart type named s, or a [*model.EnumError].
func ParseChartType(s string) (ChartType, error) {
	if t := ChartType(s); t.IsValid() {
		return t, nil
	}
	return "", &model.EnumError{Type: "chart", Value: s}
}

// HasDenominator reports whether the chart plots ratios of a numerator to a
// denominator (P, P′, U, U′, I′).
func (t ChartType) HasDenominator() bool {
	switch t {
	case ChartP, ChartPP, ChartU, ChartUP, ChartIP:
		return true
	}
	return false
}

// IsValid reports whether a is a known aggregate or unset.
func (a Aggregate) IsValid() bool {
	switch a {
	case "", AggregateMean, AggregateMedian, AggregateSum, AggregateSD:
		return true
	}
	return false
}
