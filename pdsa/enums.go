package pdsa

import (
	"slices"

	"github.com/sujuva/sujuva/model"
)

// Phase is where a [Cycle] is in its life. The zero value is unset; a cycle
// with no phase and no history is treated as a draft.
type Phase string

const (
	// PhaseDraft: the cycle exists but its plan is not yet being written.
	PhaseDraft Phase = "draft"
	// PhasePlan: the team writes the objective, questions and predictions,
	// tasks, scale, data collection plan and evaluation date.
	PhasePlan Phase = "plan"
	// PhaseDo: the test is carried out and observed.
	PhaseDo Phase = "do"
	// PhaseStudy: the results are compared with the predictions.
	PhaseStudy Phase = "study"
	// PhaseAct: the team decides to adopt, adapt or abandon the change.
	PhaseAct Phase = "act"
	// PhaseClosed: the cycle is finished; only [Cycle.Reopen] leaves it.
	PhaseClosed Phase = "closed"
)

// Phases lists the phases in the order a cycle passes them.
func Phases() []Phase {
	return []Phase{PhaseDraft, PhasePlan, PhaseDo, PhaseStudy, PhaseAct, PhaseClosed}
}

// String returns the phase's name.
func (p Phase) String() string { return string(p) }

// IsValid reports whether p is a known phase.
func (p Phase) IsValid() bool { return slices.Contains(Phases(), p) }

// ParsePhase returns the phase named s, or a [*model.EnumError].
func ParsePhase(s string) (Phase, error) {
	if p := Phase(s); p.IsValid() {
		return p, nil
	}
	return "", &model.EnumError{Type: "phase", Value: s}
}

// CycleType is the purpose of a cycle, as on IHI's PDSA worksheet. The zero
// value is unset.
type CycleType string

const (
	// TypeCollect: a cycle that collects information before a change is chosen.
	TypeCollect CycleType = "collect"
	// TypeDevelop: a cycle that develops a change.
	TypeDevelop CycleType = "develop"
	// TypeTest: a cycle that tests a change.
	TypeTest CycleType = "test"
	// TypeImplement: a cycle that implements a change; adopting it completes
	// its [Ramp].
	TypeImplement CycleType = "implement"
)

// CycleTypes lists the cycle types in the worksheet's order.
func CycleTypes() []CycleType {
	return []CycleType{TypeCollect, TypeDevelop, TypeTest, TypeImplement}
}

// String returns the type's name.
func (t CycleType) String() string { return string(t) }

// IsValid reports whether t is a known cycle type.
func (t CycleType) IsValid() bool { return slices.Contains(CycleTypes(), t) }

// ParseCycleType returns the cycle type named s, or a [*model.EnumError].
func ParseCycleType(s string) (CycleType, error) {
	if t := CycleType(s); t.IsValid() {
		return t, nil
	}
	return "", &model.EnumError{Type: "cycle type", Value: s}
}

// Decision is what the Act phase decides about the tested change. The zero
// value is unset: a cycle cannot close without a decision.
type Decision string

const (
	// DecisionAdopt: keep the change as it is (and scale it up).
	DecisionAdopt Decision = "adopt"
	// DecisionAdapt: change the change and test it again.
	DecisionAdapt Decision = "adapt"
	// DecisionAbandon: drop the change; its ramp ends.
	DecisionAbandon Decision = "abandon"
)

// Decisions lists the decisions.
func Decisions() []Decision { return []Decision{DecisionAdopt, DecisionAdapt, DecisionAbandon} }

// String returns the decision's name.
func (d Decision) String() string { return string(d) }

// IsValid reports whether d is a known decision.
func (d Decision) IsValid() bool { return slices.Contains(Decisions(), d) }

// ParseDecision returns the decision named s, or a [*model.EnumError].
func ParseDecision(s string) (Decision, error) {
	if d := Decision(s); d.IsValid() {
		return d, nil
	}
	return "", &model.EnumError{Type: "decision", Value: s}
}

// NodeKind is the level of a node in a [DriverDiagram]. The zero value is
// unset.
type NodeKind string

const (
	// KindAim is the diagram's single root: the aim.
	KindAim NodeKind = "aim"
	// KindPrimary is a primary driver: a system component that contributes
	// directly to the aim.
	KindPrimary NodeKind = "primary"
	// KindSecondary is a secondary driver: an element of a primary driver.
	KindSecondary NodeKind = "secondary"
	// KindChange is a change idea: a specific change to test in PDSA cycles.
	KindChange NodeKind = "change"
)

// NodeKinds lists the node kinds from the aim outwards.
func NodeKinds() []NodeKind { return []NodeKind{KindAim, KindPrimary, KindSecondary, KindChange} }

// String returns the kind's name.
func (k NodeKind) String() string { return string(k) }

// IsValid reports whether k is a known node kind.
func (k NodeKind) IsValid() bool { return slices.Contains(NodeKinds(), k) }

// ParseNodeKind returns the node kind named s, or a [*model.EnumError].
func ParseNodeKind(s string) (NodeKind, error) {
	if k := NodeKind(s); k.IsValid() {
		return k, nil
	}
	return "", &model.EnumError{Type: "node kind", Value: s}
}

// level is the distance from the aim: aim 0, primary 1, secondary 2,
// change 3; -1 for an unknown kind.
func (k NodeKind) level() int { return slices.Index(NodeKinds(), k) }

// Strength is how strongly a link in a [DriverDiagram] is believed to act.
// The zero value is unset: the team has not judged it.
type Strength string

const (
	// StrengthStrong: the team believes the link acts strongly.
	StrengthStrong Strength = "strong"
	// StrengthWeak: the team believes the link acts weakly.
	StrengthWeak Strength = "weak"
)

// Strengths lists the link strengths.
func Strengths() []Strength { return []Strength{StrengthStrong, StrengthWeak} }

// String returns the strength's name.
func (s Strength) String() string { return string(s) }

// IsValid reports whether s is a known strength.
func (s Strength) IsValid() bool { return slices.Contains(Strengths(), s) }

// ParseStrength returns the strength named s, or a [*model.EnumError].
func ParseStrength(s string) (Strength, error) {
	if v := Strength(s); v.IsValid() {
		return v, nil
	}
	return "", &model.EnumError{Type: "strength", Value: s}
}

// RampStatus is where a [Ramp] stands; [Ramp.Status] derives it from the
// ramp's cycles. The zero value is unset.
type RampStatus string

const (
	// RampActive: the ramp has no cycle yet, or its last cycle is open or
	// closed with a decision that calls for another cycle.
	RampActive RampStatus = "active"
	// RampCompleted: the last cycle, of [TypeImplement], closed with
	// [DecisionAdopt].
	RampCompleted RampStatus = "completed"
	// RampAbandoned: the last cycle closed with [DecisionAbandon].
	RampAbandoned RampStatus = "abandoned"
)

// RampStatuses lists the ramp statuses.
func RampStatuses() []RampStatus { return []RampStatus{RampActive, RampCompleted, RampAbandoned} }

// String returns the status's name.
func (s RampStatus) String() string { return string(s) }

// IsValid reports whether s is a known ramp status.
func (s RampStatus) IsValid() bool { return slices.Contains(RampStatuses(), s) }

// ParseRampStatus returns the ramp status named s, or a [*model.EnumError].
func ParseRampStatus(s string) (RampStatus, error) {
	if v := RampStatus(s); v.IsValid() {
		return v, nil
	}
	return "", &model.EnumError{Type: "ramp status", Value: s}
}
