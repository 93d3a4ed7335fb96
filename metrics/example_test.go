package metrics_test

import (
	"fmt"
	"time"

	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// A run chart of a referral's lead time in days, week by week: after a
// same-day call-back was adopted in week 11, the last nine weeks all fall
// below the median — a shift.
func ExampleNewChart_runChartShift() {
	days := []float64{42, 38, 45, 40, 36, 44, 41, 39, 43, 37, 20, 18, 22, 19, 17, 21, 18, 16, 19}
	s := weekly(days...)
	s.Annotations = []metrics.Annotation{{Date: s.Observations[10].Period, Text: "PDSA 2: takaisinsoitto samana päivänä", Ref: "c2"}}
	c, err := metrics.NewChart(s, metrics.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := c.Parts[0]
	fmt.Printf("median %v, useful %d, longest run %d (max %d), crossings %d (min %d), signal %v\n",
		*c.Points[0].CL, p.Useful, p.LongestRun, p.LongestRunMax, p.Crossings, p.CrossingsMin, p.RunsSignal)
	for _, pt := range c.Points[10:12] {
		fmt.Println(pt.Period, *pt.Y, pt.Signals, len(pt.Annotations))
	}
	// Output:
	// median 36, useful 18, longest run 9 (max 7), crossings 1 (min 5), signal true
	// 2025-03-17 20 [longest-run crossings] 1
	// 2025-03-24 18 [longest-run crossings] 0
}

// A P chart of the share of contacts answered the same day, with the first
// eight weeks frozen as the baseline: later weeks are judged against it.
func ExampleNewChart_pChartFrozenBaseline() {
	answered := []float64{8, 10, 9, 11, 7, 9, 10, 8, 17, 18, 19, 18}
	s := metrics.Series{}
	for i, a := range answered {
		s.Observations = append(s.Observations, metrics.Observation{
			Period: model.NewDate(2025, 1, 6).AddDays(7 * i), Numerator: f(a), Denominator: f(20),
		})
	}
	c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartP, BaselineEnd: model.NewDate(2025, 2, 24), Multiply: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("baseline p̄ %.2f%%, limits %.2f–%.2f%%\n", *c.Points[0].CL, *c.Points[0].LCL, *c.Points[0].UCL)
	for _, pt := range c.Points[8:] {
		fmt.Println(pt.Period, *pt.Y, pt.Baseline, pt.Signals)
	}
	// Output:
	// baseline p̄ 45.00%, limits 11.63–78.37%
	// 2025-03-03 85 false [sigma]
	// 2025-03-10 90 false [sigma]
	// 2025-03-17 95 false [sigma]
	// 2025-03-24 90 false [sigma]
}

// A U chart of contacts per 100 clients, in two parts: before and after a
// new intake model was adopted in week 9. Each part has its own centre line.
func ExampleNewChart_uChartParts() {
	contacts := []float64{30, 28, 35, 31, 29, 33, 27, 32, 18, 20, 17, 19, 21, 16}
	s := metrics.Series{}
	for i, k := range contacts {
		s.Observations = append(s.Observations, metrics.Observation{
			Period: model.NewDate(2025, 1, 6).AddDays(7 * i), Numerator: f(k), Denominator: f(100),
		})
	}
	c, err := metrics.NewChart(s, metrics.Options{Type: metrics.ChartU, PartStarts: []model.Date{model.NewDate(2025, 3, 3)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range c.Parts {
		pt := c.Points[0]
		for _, q := range c.Points {
			if q.Part == p.Part {
				pt = q
				break
			}
		}
		fmt.Printf("part %d %s–%s: ū %.4f, limits %.4f–%.4f\n", p.Part, p.First, p.Last, *pt.CL, *pt.LCL, *pt.UCL)
	}
	// Output:
	// part 1 2025-01-06–2025-02-24: ū 0.3063, limits 0.1402–0.4723
	// part 2 2025-03-03–2025-04-07: ū 0.1850, limits 0.0560–0.3140
}

func ExampleNewChart_error() {
	_, err := metrics.NewChart(weekly(4, 0, 6), metrics.Options{Type: metrics.ChartT})
	fmt.Println(err)
	// Output:
	// model: /observations: metrics.time_between (error)
}

func ExampleBucket() {
	hel, _ := time.LoadLocation("Europe/Helsinki")
	records := []metrics.Record{
		{At: time.Date(2025, 3, 3, 10, 0, 0, 0, hel), Value: 1, Denominator: f(1)},
		{At: time.Date(2025, 3, 5, 14, 0, 0, 0, hel), Value: 0, Denominator: f(1)},
		{At: time.Date(2025, 3, 19, 9, 0, 0, 0, hel), Value: 1, Denominator: f(1)},
	}
	for _, o := range metrics.Bucket(records, metrics.FrequencyWeekly, hel, "", false) {
		if o.IsMissing() {
			fmt.Println(o.Period, "missing")
			continue
		}
		fmt.Println(o.Period, *o.Numerator, "/", *o.Denominator)
	}
	// Output:
	// 2025-03-03 1 / 2
	// 2025-03-10 missing
	// 2025-03-17 1 / 1
}

func ExampleMeasure_Validate() {
	m := metrics.Measure{ID: "lt", Name: "Läpimenoaika", Kind: metrics.KindOutcome, DataType: metrics.DataMeasurement,
		Direction: metrics.DirectionDown, Frequency: metrics.FrequencyWeekly, Source: metrics.Source{System: "Apotti"},
		Baseline: &metrics.Goal{Value: 42}, Target: &metrics.Goal{Value: 60}}
	for _, f := range m.Validate() {
		fmt.Println(f.Path, metrics.Messages().Text(f, model.Finnish))
	}
	fmt.Println(m.ChartType())
	// Output:
	// /target/value Tavoite 60 ei ole parempi kuin lähtötaso 42 parannuksen suunnassa.
	// i
}

func ExampleRunsBounds() {
	lo, hi := metrics.RunsBounds(20)
	fmt.Println(lo, hi, metrics.LongestRunMax(20), metrics.CrossingsMin(20))
	// Output:
	// 7 15 7 6
}
