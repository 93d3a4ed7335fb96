package export

import (
	"github.com/sujuva/sujuva/export/aggregate"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
)

// TeamData is one team's part of a round, as the organiser receives it.
type TeamData struct {
	Team     model.Team
	Measures []Measured
}

// RoundReport is the organiser's anonymised aggregate of a round: counts
// only — no names, no free text — with every count below the threshold
// hidden, and enough others that none can be recovered (package
// export/aggregate). The number of teams is published as it is: teams are
// not persons.
type RoundReport struct {
	Teams        int                 `json:"teams"`
	Members      aggregate.Published `json:"members"`      // by role
	Measures     aggregate.Published `json:"measures"`     // by kind and quadruple-aim dimension
	Improvements aggregate.Published `json:"improvements"` // by kind: improved or not yet
}

// Aggregate builds the organiser's report of a round from its teams' data.
// A measure counts as improved when its chart's last part signals (a run,
// too few crossings or a point outside the limits) and its level moved in
// the measure's direction of improvement. threshold is the smallest count
// published (aggregate.DefaultThreshold when 0); it returns
// aggregate.ErrThreshold for a negative one.
func Aggregate(teams []TeamData, threshold int) (RoundReport, error) {
	if threshold == 0 {
		threshold = aggregate.DefaultThreshold
	}
	roles := model.Roles()
	members := aggregate.Table{Title: "members by role", Cols: []string{"members"}}
	for _, r := range roles {
		members.Rows = append(members.Rows, string(r))
		members.Cells = append(members.Cells, []int{0})
	}
	kinds := []metrics.Kind{metrics.KindOutcome, metrics.KindProcess, metrics.KindBalancing}
	dims := metrics.Dimensions()
	measures := aggregate.Table{Title: "measures by kind and dimension"}
	improvements := aggregate.Table{Title: "measures improved by kind", Cols: []string{"improved", "not yet"}}
	for _, d := range dims {
		measures.Cols = append(measures.Cols, string(d))
	}
	measures.Cols = append(measures.Cols, "unset")
	for _, k := range kinds {
		measures.Rows = append(measures.Rows, string(k))
		measures.Cells = append(measures.Cells, make([]int, len(measures.Cols)))
		improvements.Rows = append(improvements.Rows, string(k))
		improvements.Cells = append(improvements.Cells, []int{0, 0})
	}
	for _, t := range teams {
		for _, m := range t.Team.Members {
			for i, r := range roles {
				if m.Role == r {
					members.Cells[i][0]++
				}
			}
		}
		for _, x := range t.Measures {
			k := indexOf(kinds, x.Measure.Kind)
			if k < 0 {
				continue
			}
			d := indexOf(dims, x.Measure.Dimension)
			if d < 0 {
				d = len(dims)
			}
			measures.Cells[k][d]++
			if improved(x) {
				improvements.Cells[k][0]++
			} else {
				improvements.Cells[k][1]++
			}
		}
	}
	r := RoundReport{Teams: len(teams)}
	var err error
	if r.Members, err = members.Publish(threshold); err != nil {
		return RoundReport{}, err
	}
	if r.Measures, err = measures.Publish(threshold); err != nil {
		return RoundReport{}, err
	}
	if r.Improvements, err = improvements.Publish(threshold); err != nil {
		return RoundReport{}, err
	}
	return r, nil
}

func indexOf[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func improved(x Measured) bool {
	c := x.Chart
	if c == nil || len(c.Parts) == 0 {
		return false
	}
	p := c.Parts[len(c.Parts)-1]
	if !p.RunsSignal && p.SigmaSignals == 0 {
		return false
	}
	before, after, ok := beforeAfter(c)
	if !ok {
		return false
	}
	switch x.Measure.Direction {
	case metrics.DirectionDown:
		return after < before
	case metrics.DirectionUp:
		return after > before
	}
	return false
}
