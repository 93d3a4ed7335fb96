package pdsa

import (
	"slices"
	"strings"

	"github.com/sujuva/sujuva/model"
)

// DriverDiagram is a team's theory of change (Langley et al., The
// Improvement Guide, ch. 6; IHI driver diagram): the aim, the primary
// drivers that contribute to it, the secondary drivers that act on the
// primaries, and the change ideas that act on the drivers.
//
// It is a directed acyclic graph, not a tree: a secondary driver may feed
// several primary drivers, a change idea several secondaries. A [Link] goes
// from the node that acts to the node it acts on (change → secondary →
// primary → aim); it may skip a level (a change idea acting on a primary
// driver) or stay on one level (a secondary driver acting on another), but
// never points outwards, never leaves the aim and never enters a change
// idea. Measures may be attached to any node. The zero value is an empty
// diagram, which [DriverDiagram.Validate] reports as having no aim.
type DriverDiagram struct {
	Nodes []Node `json:"nodes"`
	Links []Link `json:"links"`
}

// Node is one box of a [DriverDiagram]. ID is unique within the diagram;
// Measures holds ids of measures that track this node.
type Node struct {
	ID       string   `json:"id"`
	Kind     NodeKind `json:"kind"`
	Text     string   `json:"text"`
	Measures []string `json:"measures,omitempty"`
}

// Link is one arrow of a [DriverDiagram]: From acts on To, both node ids.
type Link struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Strength Strength `json:"strength,omitempty"`
}

// Node returns the node with the given id and whether there is one.
func (d DriverDiagram) Node(id string) (Node, bool) {
	i := slices.IndexFunc(d.Nodes, func(n Node) bool { return n.ID == id })
	if i < 0 {
		return Node{}, false
	}
	return d.Nodes[i], true
}

// ChangeIdeas returns the change ideas in the order they are listed.
func (d DriverDiagram) ChangeIdeas() []Node {
	var out []Node
	for _, n := range d.Nodes {
		if n.Kind == KindChange {
			out = append(out, n)
		}
	}
	return out
}

// Drives returns the ids of the nodes that id acts on directly, in link
// order, without repeats.
func (d DriverDiagram) Drives(id string) []string {
	var out []string
	for _, l := range d.Links {
		if l.From == id && !slices.Contains(out, l.To) {
			out = append(out, l.To)
		}
	}
	return out
}

// Reaches reports whether a path of links leads from the node id to the
// diagram's aim. The aim reaches itself; an unknown id reaches nothing.
func (d DriverDiagram) Reaches(id string) bool {
	kinds := make(map[string]NodeKind, len(d.Nodes))
	for _, n := range d.Nodes {
		kinds[n.ID] = n.Kind
	}
	if _, ok := kinds[id]; !ok {
		return false
	}
	reach := d.reachesAim(kinds)
	return reach[id]
}

// reachesAim returns, for every node id, whether it reaches an aim node.
// It works backwards from the aims over reversed links, so cycles in the
// graph do no harm.
func (d DriverDiagram) reachesAim(kinds map[string]NodeKind) map[string]bool {
	into := make(map[string][]string)
	for _, l := range d.Links {
		into[l.To] = append(into[l.To], l.From)
	}
	reach := make(map[string]bool, len(kinds))
	var queue []string
	for _, n := range d.Nodes {
		if n.Kind == KindAim && !reach[n.ID] {
			reach[n.ID] = true
			queue = append(queue, n.ID)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, from := range into[id] {
			if _, known := kinds[from]; known && !reach[from] {
				reach[from] = true
				queue = append(queue, from)
			}
		}
	}
	return reach
}

// Validate checks the diagram's structure and reports, sorted by path:
//   - [CodeDriverAim] at /nodes unless there is exactly one aim node;
//   - [model.CodeRequired] for a node without id, kind or text, or a link
//     without from or to; [model.CodeEnumUnknown] for an unknown kind or
//     strength; [model.CodeDuplicateID] for a repeated node id;
//   - [CodeDriverLinkNode] for a link whose end is not a node;
//   - [CodeDriverDirection] for a link that points outwards, leaves the aim
//     or enters a change idea;
//   - [CodeDriverDuplicateLink] (a warning) for a repeated link;
//   - [CodeDriverCycle] for each cycle among the remaining links (which can
//     only run within one level), at the link that closes it in a
//     depth-first search in node and link order, with the node ids around it;
//   - [CodeDriverUnreached] for a change idea from which no path leads to the
//     aim, and [CodeDriverOrphan] (a warning) for such a driver.
func (d DriverDiagram) Validate() model.Findings {
	var fs model.Findings
	kinds := make(map[string]NodeKind, len(d.Nodes))
	aims := 0
	for i, n := range d.Nodes {
		p := func(field string) string { return model.Pointer("nodes", i, field) } // built only for a finding
		switch {
		case n.ID == "":
			fs = append(fs, model.NewError(p("id"), model.CodeRequired))
		case hasKey(kinds, n.ID):
			fs = append(fs, model.NewError(p("id"), model.CodeDuplicateID).With("id", n.ID))
		default:
			kinds[n.ID] = n.Kind
		}
		switch {
		case n.Kind == "":
			fs = append(fs, model.NewError(p("kind"), model.CodeRequired))
		case !n.Kind.IsValid():
			fs = append(fs, model.NewError(p("kind"), model.CodeEnumUnknown).With("value", string(n.Kind)))
		case n.Kind == KindAim:
			aims++
		}
		if n.Text == "" {
			fs = append(fs, model.NewError(p("text"), model.CodeRequired))
		}
		if len(n.Measures) > 0 {
			fs = append(fs, emptyIDs(p("measures"), n.Measures)...)
		}
	}
	if aims != 1 {
		fs = append(fs, model.NewError("/nodes", CodeDriverAim).With("count", aims))
	}
	type pair struct{ from, to string }
	seen := make(map[pair]bool, len(d.Links))
	for i, l := range d.Links {
		p := func(field ...any) string { return model.Pointer(append([]any{"links", i}, field...)...) }
		if l.From == "" {
			fs = append(fs, model.NewError(p("from"), model.CodeRequired))
		} else if !hasKey(kinds, l.From) {
			fs = append(fs, model.NewError(p("from"), CodeDriverLinkNode).With("id", l.From))
		}
		if l.To == "" {
			fs = append(fs, model.NewError(p("to"), model.CodeRequired))
		} else if !hasKey(kinds, l.To) {
			fs = append(fs, model.NewError(p("to"), CodeDriverLinkNode).With("id", l.To))
		}
		if l.Strength != "" && !l.Strength.IsValid() {
			fs = append(fs, model.NewError(p("strength"), model.CodeEnumUnknown).With("value", string(l.Strength)))
		}
		from, okFrom := kinds[l.From]
		to, okTo := kinds[l.To]
		if okFrom && okTo && from.IsValid() && to.IsValid() && !linkAllowed(from, to) {
			fs = append(fs, model.NewError(p(), CodeDriverDirection).With("from", string(from)).With("to", string(to)))
		}
		if seen[pair{l.From, l.To}] && l.From != "" && l.To != "" {
			fs = append(fs, model.NewWarning(p(), CodeDriverDuplicateLink).With("from", l.From).With("to", l.To))
		}
		seen[pair{l.From, l.To}] = true
	}
	fs = append(fs, d.cycles(kinds)...)
	reach := d.reachesAim(kinds)
	if aims > 0 {
		for i, n := range d.Nodes {
			if reach[n.ID] || kinds[n.ID] != n.Kind || n.ID == "" {
				continue
			}
			p := model.Pointer("nodes", i)
			switch n.Kind {
			case KindChange:
				fs = append(fs, model.NewError(p, CodeDriverUnreached).With("id", n.ID))
			case KindPrimary, KindSecondary:
				fs = append(fs, model.NewWarning(p, CodeDriverOrphan).With("id", n.ID))
			}
		}
	}
	fs.Sort()
	return fs
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// linkAllowed reports whether a node of kind from may act on one of kind to.
func linkAllowed(from, to NodeKind) bool {
	return from != KindAim && to != KindChange && to.level() <= from.level()
}

// cycles finds the cycles of the link graph by depth-first search and
// reports each back edge once, at the link that closes the cycle. Links
// already reported for their direction or an unknown end are left out, so
// a cycle can only run among nodes of one level.
func (d DriverDiagram) cycles(kinds map[string]NodeKind) model.Findings {
	out := make(map[string][]int) // node id → indices of its outgoing links
	for i, l := range d.Links {
		from, okFrom := kinds[l.From]
		to, okTo := kinds[l.To]
		if okFrom && okTo && from.IsValid() && to.IsValid() && linkAllowed(from, to) {
			out[l.From] = append(out[l.From], i)
		}
	}
	const (
		white = iota
		grey
		black
	)
	color := make(map[string]int, len(kinds))
	var stack []string
	var fs model.Findings
	var visit func(id string)
	visit = func(id string) {
		color[id] = grey
		stack = append(stack, id)
		for _, li := range out[id] {
			to := d.Links[li].To
			switch color[to] {
			case white:
				visit(to)
			case grey:
				start := slices.Index(stack, to)
				ids := append(slices.Clone(stack[start:]), to)
				fs = append(fs, model.NewError(model.Pointer("links", li), CodeDriverCycle).
					With("ids", strings.Join(ids, " → ")))
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
	}
	for _, n := range d.Nodes {
		if hasKey(kinds, n.ID) && color[n.ID] == white {
			visit(n.ID)
		}
	}
	return fs
}
