package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVOptions choose the dialect of [WriteCSV]. The zero value writes
// RFC 4180 CSV with a comma and decimal points; FinnishExcel writes what
// Excel opens directly in a Finnish locale: semicolons and decimal commas,
// with a byte-order mark so that ä and ö survive.
type CSVOptions struct {
	FinnishExcel bool
}

// WriteCSV writes the measures' data as one table, a row per observation:
// measure id, measure name, kind, period, value, numerator, denominator,
// and the chart's centre line, limits and signals when a chart is given.
// Missing values are empty cells, never zero. It returns the writer's
// error.
func WriteCSV(w io.Writer, measures []Measured, o CSVOptions) error {
	if o.FinnishExcel {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if o.FinnishExcel {
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		s := strconv.FormatFloat(*v, 'f', -1, 64)
		if o.FinnishExcel {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	if err := cw.Write([]string{"measure_id", "measure", "kind", "period", "value", "numerator", "denominator", "cl", "lcl", "ucl", "signals"}); err != nil {
		return err
	}
	for _, m := range measures {
		points := map[string]int{}
		if m.Chart != nil {
			for i, p := range m.Chart.Points {
				points[p.Period.String()] = i
			}
		}
		for _, obs := range seriesOf(m) {
			row := []string{m.Measure.ID, m.Measure.Name, string(m.Measure.Kind), obs.Period.String(),
				num(obs.Value), num(obs.Numerator), num(obs.Denominator), "", "", "", ""}
			if i, ok := points[obs.Period.String()]; ok {
				p := m.Chart.Points[i]
				row[7], row[8], row[9] = num(p.CL), num(p.LCL), num(p.UCL)
				var rules []string
				for _, r := range p.Signals {
					rules = append(rules, string(r))
				}
				row[10] = strings.Join(rules, " ")
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
