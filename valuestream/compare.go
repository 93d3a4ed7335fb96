package valuestream

import "time"

// Change is one figure before and after, and how much it changed: Delta is
// After − Before, and Percent is 100 · Delta / Before, the change relative
// to Before. When Before is 0 the relative change is undefined: HasPercent
// is false and Percent 0 (never NaN or Inf). For figures that are
// themselves ratios (the activity ratio, the rolled %C&A) Delta is the
// change in the ratio's own terms (percentage points for the %C&A).
type Change[T time.Duration | float64 | int] struct {
	Before     T       `json:"before"`
	After      T       `json:"after"`
	Delta      T       `json:"delta"`
	Percent    float64 `json:"percent"`
	HasPercent bool    `json:"hasPercent"`
}

func change[T time.Duration | float64 | int](before, after T) Change[T] {
	c := Change[T]{Before: before, After: after, Delta: after - before}
	if before != 0 {
		c.Percent = 100 * float64(c.Delta) / float64(before)
		c.HasPercent = true
	}
	return c
}

// StepChange is a step found in both maps (by [Step.ID]) that differs.
type StepChange struct {
	ID     string `json:"id"`
	Before Step   `json:"before"`
	After  Step   `json:"after"`
	// Fields names, by their JSON names in [Step]'s order, the fields that
	// differ. A duration differs when its length does (a unit entered
	// differently alone is no change); "order" is listed when the step
	// moved relative to the other steps found in both maps.
	Fields []string `json:"fields"`
	// Wait and Process are the step's durations before and after, in
	// nanoseconds in JSON.
	Wait    Change[time.Duration] `json:"waitNs"`
	Process Change[time.Duration] `json:"processNs"`
}

// Comparison sets two maps side by side: the figures of each, every
// figure's change, and the steps added, removed and changed. Durations are
// in nanoseconds in JSON.
type Comparison struct {
	Before                 Summary               `json:"before"`
	After                  Summary               `json:"after"`
	Steps                  Change[int]           `json:"steps"`
	LeadTime               Change[time.Duration] `json:"leadTimeNs"`
	ProcessTime            Change[time.Duration] `json:"processTimeNs"`
	WaitTime               Change[time.Duration] `json:"waitTimeNs"`
	ActivityRatio          Change[float64]       `json:"activityRatio"`
	RolledCompleteAccurate Change[float64]       `json:"rolledCompleteAccuratePct"`
	Handoffs               Change[int]           `json:"handoffs"`
	Units                  Change[int]           `json:"units"`
	UnitChanges            Change[int]           `json:"unitChanges"`
	// Added are the steps of after whose id before lacks, in after's order.
	Added []Step `json:"added"`
	// Removed are the steps of before whose id after lacks, in before's
	// order.
	Removed []Step `json:"removed"`
	// Changed are the steps in both that differ, in after's order.
	Changed []StepChange `json:"changed"`
}

// Compare compares before with after — a current and an ideal map, or
// one map before and after a change — following Martin & Osterling's
// comparison of the current- and future-state maps' summary metrics
// (Value Stream Mapping, 2014: the projected improvement of each metric).
// Steps are matched by id. When either map is not valid it returns the
// zero Comparison and the findings of both, under "/before" and "/after",
// which match errors.Is(err, model.ErrInvalid).
func Compare(before, after Map) (Comparison, error) {
	fb, fa := before.Validate(), after.Validate()
	if fb.HasErrors() || fa.HasErrors() {
		fs := append(fb.Under("/before"), fa.Under("/after")...)
		return Comparison{}, fs
	}
	sb, sa := before.summary(), after.summary()
	c := Comparison{
		Before:                 sb,
		After:                  sa,
		Steps:                  change(sb.Steps, sa.Steps),
		LeadTime:               change(sb.LeadTime, sa.LeadTime),
		ProcessTime:            change(sb.ProcessTime, sa.ProcessTime),
		WaitTime:               change(sb.WaitTime, sa.WaitTime),
		ActivityRatio:          change(sb.ActivityRatio, sa.ActivityRatio),
		RolledCompleteAccurate: change(sb.RolledCompleteAccurate, sa.RolledCompleteAccurate),
		Handoffs:               change(sb.Handoffs, sa.Handoffs),
		Units:                  change(len(sb.Units), len(sa.Units)),
		UnitChanges:            change(sb.UnitChanges, sa.UnitChanges),
		Added:                  []Step{},
		Removed:                []Step{},
		Changed:                []StepChange{},
	}
	inBefore := make(map[string]int, len(before.Steps))
	for i, s := range before.Steps {
		inBefore[s.ID] = i
	}
	inAfter := make(map[string]int, len(after.Steps))
	for i, s := range after.Steps {
		inAfter[s.ID] = i
	}
	// Rank of each common step among the common steps, in each map.
	rankBefore := make(map[string]int)
	for _, s := range before.Steps {
		if _, ok := inAfter[s.ID]; ok {
			rankBefore[s.ID] = len(rankBefore)
		}
	}
	for _, s := range before.Steps {
		if _, ok := inAfter[s.ID]; !ok {
			c.Removed = append(c.Removed, s)
		}
	}
	rank := 0
	for _, s := range after.Steps {
		i, ok := inBefore[s.ID]
		if !ok {
			c.Added = append(c.Added, s)
			continue
		}
		fields := diffFields(before.Steps[i], s)
		if rankBefore[s.ID] != rank {
			fields = append(fields, "order")
		}
		rank++
		if len(fields) == 0 {
			continue
		}
		c.Changed = append(c.Changed, StepChange{
			ID:      s.ID,
			Before:  before.Steps[i],
			After:   s,
			Fields:  fields,
			Wait:    change(before.Steps[i].Wait.Length, s.Wait.Length),
			Process: change(before.Steps[i].Process.Length, s.Process.Length),
		})
	}
	return c, nil
}

// diffFields returns the JSON names of the fields of a and b that differ.
func diffFields(a, b Step) []string {
	var out []string
	add := func(differ bool, name string) {
		if differ {
			out = append(out, name)
		}
	}
	add(a.Name != b.Name, "name")
	add(a.Actor != b.Actor, "actor")
	add(a.Unit != b.Unit, "unit")
	add(a.Wait.Length != b.Wait.Length, "wait")
	add(a.Process.Length != b.Process.Length, "process")
	add(!samePercent(a.CompleteAccurate, b.CompleteAccurate), "completeAccuratePct")
	add(a.Handoff != b.Handoff, "handoff")
	add(a.Notes != b.Notes, "notes")
	return out
}

func samePercent(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
