package pdsa_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// diagram returns a valid driver diagram: one aim, two primary drivers, a
// secondary driver feeding both, and two change ideas.
func diagram() pdsa.DriverDiagram {
	return pdsa.DriverDiagram{
		Nodes: []pdsa.Node{
			{ID: "aim", Kind: pdsa.KindAim, Text: "90 % of new referrals called back the same day", Measures: []string{"callback-share"}},
			{ID: "p1", Kind: pdsa.KindPrimary, Text: "Reliable intake"},
			{ID: "p2", Kind: pdsa.KindPrimary, Text: "Staff time for calls"},
			{ID: "s1", Kind: pdsa.KindSecondary, Text: "Referrals seen before noon"},
			{ID: "callback", Kind: pdsa.KindChange, Text: "Same-day call-back by the duty nurse"},
			{ID: "slot", Kind: pdsa.KindChange, Text: "A daily call slot"},
		},
		Links: []pdsa.Link{
			{From: "p1", To: "aim", Strength: pdsa.StrengthStrong},
			{From: "p2", To: "aim", Strength: pdsa.StrengthWeak},
			{From: "s1", To: "p1"},
			{From: "s1", To: "p2"},
			{From: "callback", To: "s1", Strength: pdsa.StrengthStrong},
			{From: "slot", To: "p2"},
		},
	}
}

// diagramCases are diagrams and exactly what Validate must report.
var diagramCases = []struct {
	name string
	edit func(*pdsa.DriverDiagram)
	want model.Findings
}{
	{name: "valid"},
	{name: "a secondary driver acting on another", edit: func(d *pdsa.DriverDiagram) {
		d.Nodes = append(d.Nodes, pdsa.Node{ID: "s2", Kind: pdsa.KindSecondary, Text: "Phone numbers on referrals"})
		d.Links = append(d.Links, pdsa.Link{From: "s2", To: "s1"})
	}},
	{name: "empty", edit: func(d *pdsa.DriverDiagram) { *d = pdsa.DriverDiagram{} },
		want: model.Findings{model.NewError("/nodes", pdsa.CodeDriverAim).With("count", 0)}},
	{name: "two aims", edit: func(d *pdsa.DriverDiagram) {
		d.Nodes = append(d.Nodes, pdsa.Node{ID: "aim2", Kind: pdsa.KindAim, Text: "another"})
	}, want: model.Findings{model.NewError("/nodes", pdsa.CodeDriverAim).With("count", 2)}},
	{name: "missing fields, unknown kind and strength, duplicate id", edit: func(d *pdsa.DriverDiagram) {
		d.Nodes = append(d.Nodes, pdsa.Node{}, pdsa.Node{ID: "p1", Kind: "tertiary", Text: "x"})
		d.Links[0].Strength = "medium"
	}, want: model.Findings{
		model.NewError("/links/0/strength", model.CodeEnumUnknown).With("value", "medium"),
		model.NewError("/nodes/6/id", model.CodeRequired),
		model.NewError("/nodes/6/kind", model.CodeRequired),
		model.NewError("/nodes/6/text", model.CodeRequired),
		model.NewError("/nodes/7/id", model.CodeDuplicateID).With("id", "p1"),
		model.NewError("/nodes/7/kind", model.CodeEnumUnknown).With("value", "tertiary"),
	}},
	{name: "link to an unknown node", edit: func(d *pdsa.DriverDiagram) {
		d.Links[4].To = "s9"
		d.Links = append(d.Links, pdsa.Link{})
	}, want: model.Findings{
		model.NewError("/links/4/to", pdsa.CodeDriverLinkNode).With("id", "s9"),
		model.NewError("/links/6/from", model.CodeRequired),
		model.NewError("/links/6/to", model.CodeRequired),
		model.NewError("/nodes/4", pdsa.CodeDriverUnreached).With("id", "callback"),
	}},
	{name: "links the wrong way", edit: func(d *pdsa.DriverDiagram) {
		d.Links = append(d.Links,
			pdsa.Link{From: "aim", To: "p1"},
			pdsa.Link{From: "p1", To: "s1"},
			pdsa.Link{From: "slot", To: "callback"})
	}, want: model.Findings{
		model.NewError("/links/6", pdsa.CodeDriverDirection).With("from", "aim").With("to", "primary"),
		model.NewError("/links/7", pdsa.CodeDriverDirection).With("from", "primary").With("to", "secondary"),
		model.NewError("/links/8", pdsa.CodeDriverDirection).With("from", "change").With("to", "change"),
	}},
	{name: "cycle among secondary drivers", edit: func(d *pdsa.DriverDiagram) {
		d.Nodes = append(d.Nodes,
			pdsa.Node{ID: "s2", Kind: pdsa.KindSecondary, Text: "a"},
			pdsa.Node{ID: "s3", Kind: pdsa.KindSecondary, Text: "b"})
		d.Links = append(d.Links, pdsa.Link{From: "s2", To: "s3"}, pdsa.Link{From: "s3", To: "s2"}, pdsa.Link{From: "s3", To: "p1"})
	}, want: model.Findings{model.NewError("/links/7", pdsa.CodeDriverCycle).With("ids", "s2 → s3 → s2")}},
	{name: "self link", edit: func(d *pdsa.DriverDiagram) {
		d.Links = append(d.Links, pdsa.Link{From: "s1", To: "s1"})
	}, want: model.Findings{model.NewError("/links/6", pdsa.CodeDriverCycle).With("ids", "s1 → s1")}},
	{name: "duplicate link", edit: func(d *pdsa.DriverDiagram) {
		d.Links = append(d.Links, pdsa.Link{From: "slot", To: "p2", Strength: pdsa.StrengthWeak})
	}, want: model.Findings{model.NewWarning("/links/6", pdsa.CodeDriverDuplicateLink).With("from", "slot").With("to", "p2")}},
	{name: "change idea and drivers cut off from the aim", edit: func(d *pdsa.DriverDiagram) {
		d.Links = []pdsa.Link{
			{From: "p1", To: "aim"},
			{From: "s1", To: "p1"},
			{From: "callback", To: "s1"},
			{From: "slot", To: "p2"}, // p2 acts on nothing
			{From: "s1", To: "p1"},
		}
		d.Nodes = append(d.Nodes, pdsa.Node{ID: "s2", Kind: pdsa.KindSecondary, Text: "cut"})
	}, want: model.Findings{
		model.NewWarning("/links/4", pdsa.CodeDriverDuplicateLink).With("from", "s1").With("to", "p1"),
		model.NewWarning("/nodes/2", pdsa.CodeDriverOrphan).With("id", "p2"),
		model.NewError("/nodes/5", pdsa.CodeDriverUnreached).With("id", "slot"),
		model.NewWarning("/nodes/6", pdsa.CodeDriverOrphan).With("id", "s2"),
	}},
	{name: "primary drivers in a cycle", edit: func(d *pdsa.DriverDiagram) {
		d.Links = append(d.Links, pdsa.Link{From: "p1", To: "p2"}, pdsa.Link{From: "p2", To: "p1"})
	}, want: model.Findings{model.NewError("/links/7", pdsa.CodeDriverCycle).With("ids", "p1 → p2 → p1")}},
	{name: "empty and repeated measure ids", edit: func(d *pdsa.DriverDiagram) {
		d.Nodes[1].Measures = []string{"m", "m", ""}
	}, want: model.Findings{
		model.NewError("/nodes/1/measures/1", model.CodeDuplicateID).With("id", "m"),
		model.NewError("/nodes/1/measures/2", model.CodeRequired),
	}},
}

func TestDriverDiagramValidate(t *testing.T) {
	for _, tc := range diagramCases {
		t.Run(tc.name, func(t *testing.T) {
			d := diagram()
			if tc.edit != nil {
				tc.edit(&d)
			}
			assert.Equal(t, tc.want, d.Validate())
		})
	}
}

func TestDriverDiagramQueries(t *testing.T) {
	d := diagram()
	n, ok := d.Node("s1")
	assert.True(t, ok)
	assert.Equal(t, pdsa.KindSecondary, n.Kind)
	_, ok = d.Node("nope")
	assert.False(t, ok)
	var ids []string
	for _, c := range d.ChangeIdeas() {
		ids = append(ids, c.ID)
	}
	assert.Equal(t, []string{"callback", "slot"}, ids)
	assert.Equal(t, []string{"p1", "p2"}, d.Drives("s1"))
	assert.Empty(t, d.Drives("aim"))
	for _, id := range []string{"aim", "p1", "p2", "s1", "callback", "slot"} {
		assert.True(t, d.Reaches(id), id)
	}
	assert.False(t, d.Reaches("nope"))
	d.Links = d.Links[:4]
	assert.False(t, d.Reaches("callback"))
}
