package pdsa

import "github.com/sujuva/sujuva/model"

// Refs tells the Check methods which ids exist outside this package: team
// members (model.Member.ID), measures (ids of the metrics package's
// measures) and change ideas (ids of [KindChange] nodes of the team's
// [DriverDiagram]). Each function reports whether its id exists; a nil
// function leaves that kind of reference unchecked. The zero value checks
// nothing.
type Refs struct {
	Member     func(id string) bool
	Measure    func(id string) bool
	ChangeIdea func(id string) bool
}

// RefsOf builds a [Refs] from lists of the ids that exist. A nil list leaves
// that kind of reference unchecked; an empty, non-nil list makes every such
// reference unknown.
func RefsOf(members, measures, changeIdeas []string) Refs {
	return Refs{Member: setOf(members), Measure: setOf(measures), ChangeIdea: setOf(changeIdeas)}
}

func setOf(ids []string) func(string) bool {
	if ids == nil {
		return nil
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return func(id string) bool { return set[id] }
}

func (r Refs) check(fs *model.Findings, exists func(string) bool, code model.Code, path, id string) {
	if exists != nil && id != "" && !exists(id) {
		*fs = append(*fs, model.NewError(path, code).With("id", id))
	}
}

// Check reports, sorted by path, every non-empty reference of the cycle that
// refs does not know: its change idea ([CodeRefChangeIdea]), the
// responsible person, each task's who and the data collector
// ([CodeRefMember]), and each measure of the data plan ([CodeRefMeasure]).
func (c Cycle) Check(refs Refs) model.Findings {
	var fs model.Findings
	refs.check(&fs, refs.ChangeIdea, CodeRefChangeIdea, "/changeIdea", c.ChangeIdea)
	refs.check(&fs, refs.Member, CodeRefMember, "/plan/responsible", c.Plan.Responsible)
	for i, t := range c.Plan.Tasks {
		refs.check(&fs, refs.Member, CodeRefMember, model.Pointer("plan", "tasks", i, "who"), t.Who)
	}
	refs.check(&fs, refs.Member, CodeRefMember, "/plan/data/collector", c.Plan.Data.Collector)
	for i, m := range c.Plan.Data.Measures {
		refs.check(&fs, refs.Measure, CodeRefMeasure, model.Pointer("plan", "data", "measures", i), m)
	}
	fs.Sort()
	return fs
}

// Check reports, sorted by path, every reference of the ramp and its cycles
// (at /cycles/i, as [Cycle.Check]) that refs does not know.
func (r Ramp) Check(refs Refs) model.Findings {
	var fs model.Findings
	refs.check(&fs, refs.ChangeIdea, CodeRefChangeIdea, "/changeIdea", r.ChangeIdea)
	for i, c := range r.Cycles {
		fs = append(fs, c.Check(refs).Under(model.Pointer("cycles", i))...)
	}
	fs.Sort()
	return fs
}

// Check reports, sorted by path, the aim's measure and further measures
// that refs does not know ([CodeRefMeasure]) and its change ideas
// ([CodeRefChangeIdea]).
func (a Aim) Check(refs Refs) model.Findings {
	var fs model.Findings
	refs.check(&fs, refs.Measure, CodeRefMeasure, "/measure", a.Measure)
	for i, m := range a.Measures {
		refs.check(&fs, refs.Measure, CodeRefMeasure, model.Pointer("measures", i), m)
	}
	for i, c := range a.Changes {
		refs.check(&fs, refs.ChangeIdea, CodeRefChangeIdea, model.Pointer("changes", i), c)
	}
	fs.Sort()
	return fs
}

// Check reports, sorted by path, the measures attached to the diagram's
// nodes that refs does not know ([CodeRefMeasure]). The diagram's own change
// ideas are the ones other references are checked against, so refs'
// ChangeIdea is not used.
func (d DriverDiagram) Check(refs Refs) model.Findings {
	var fs model.Findings
	for i, n := range d.Nodes {
		for j, m := range n.Measures {
			refs.check(&fs, refs.Measure, CodeRefMeasure, model.Pointer("nodes", i, "measures", j), m)
		}
	}
	fs.Sort()
	return fs
}

// ChangeIdeaIDs returns the ids of the diagram's change ideas, for
// [RefsOf]. It is never nil: with no change ideas, every change idea
// referred to is unknown. (Pass nil to RefsOf instead when the team has no
// diagram yet and change ideas should not be checked.)
func (d DriverDiagram) ChangeIdeaIDs() []string {
	out := []string{}
	for _, n := range d.ChangeIdeas() {
		out = append(out, n.ID)
	}
	return out
}
