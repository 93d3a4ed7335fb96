package pdsa_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// teamRefs knows the fixture's members m2 and m3, its measure and the
// fixture diagram's change ideas.
var teamRefs = pdsa.RefsOf([]string{"m1", "m2", "m3"}, []string{"callback-share", "lead-time", "staff-overtime"},
	diagram().ChangeIdeaIDs())

// refCases are objects and exactly what Check must report.
var refCases = []struct {
	name  string
	check func() model.Findings
	want  model.Findings
}{
	{name: "complete cycle", check: func() model.Findings { return complete().Check(teamRefs) }},
	{name: "unknown people, measure and change idea", check: func() model.Findings {
		c := complete()
		c.ChangeIdea = "leaflet"
		c.Plan.Responsible = "m9"
		c.Plan.Tasks = append(c.Plan.Tasks, pdsa.Task{What: "x", Who: "m8"}, pdsa.Task{What: "y"})
		c.Plan.Data.Collector = "m7"
		c.Plan.Data.Measures = append(c.Plan.Data.Measures, "waiting")
		return c.Check(teamRefs)
	}, want: model.Findings{
		model.NewError("/changeIdea", pdsa.CodeRefChangeIdea).With("id", "leaflet"),
		model.NewError("/plan/data/collector", pdsa.CodeRefMember).With("id", "m7"),
		model.NewError("/plan/data/measures/1", pdsa.CodeRefMeasure).With("id", "waiting"),
		model.NewError("/plan/responsible", pdsa.CodeRefMember).With("id", "m9"),
		model.NewError("/plan/tasks/1/who", pdsa.CodeRefMember).With("id", "m8"),
	}},
	{name: "nothing checked with zero refs", check: func() model.Findings {
		c := complete()
		c.Plan.Responsible = "m9"
		return c.Check(pdsa.Refs{})
	}},
	{name: "only members checked", check: func() model.Findings {
		c := complete()
		c.Plan.Responsible, c.ChangeIdea = "m9", "leaflet"
		return c.Check(pdsa.RefsOf([]string{"m2", "m3"}, nil, nil))
	}, want: model.Findings{model.NewError("/plan/responsible", pdsa.CodeRefMember).With("id", "m9")}},
	{name: "empty list knows nothing", check: func() model.Findings {
		return complete().Check(pdsa.RefsOf(nil, []string{}, nil))
	}, want: model.Findings{model.NewError("/plan/data/measures/0", pdsa.CodeRefMeasure).With("id", "callback-share")}},
	{name: "ramp", check: func() model.Findings {
		r := pdsa.Ramp{ChangeIdea: "leaflet", Cycles: []pdsa.Cycle{complete()}}
		r.Cycles[0].Plan.Tasks[0].Who = "m9"
		return r.Check(teamRefs)
	}, want: model.Findings{
		model.NewError("/changeIdea", pdsa.CodeRefChangeIdea).With("id", "leaflet"),
		model.NewError("/cycles/0/plan/tasks/0/who", pdsa.CodeRefMember).With("id", "m9"),
	}},
	{name: "aim", check: func() model.Findings {
		a := fullAim
		a.Measure = "waiting"
		a.Changes = []string{"callback", "leaflet"}
		return a.Check(teamRefs)
	}, want: model.Findings{
		model.NewError("/changes/1", pdsa.CodeRefChangeIdea).With("id", "leaflet"),
		model.NewError("/measure", pdsa.CodeRefMeasure).With("id", "waiting"),
	}},
	{name: "diagram", check: func() model.Findings {
		d := diagram()
		d.Nodes[3].Measures = []string{"lead-time", "waiting"}
		return d.Check(teamRefs)
	}, want: model.Findings{model.NewError("/nodes/3/measures/1", pdsa.CodeRefMeasure).With("id", "waiting")}},
}

func TestCheck(t *testing.T) {
	for _, tc := range refCases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.check())
		})
	}
	assert.Equal(t, []string{}, pdsa.DriverDiagram{}.ChangeIdeaIDs())
}
