package pdsa

import (
	"time"

	"github.com/sujuva/sujuva/model"
)

// Cycle is one Plan–Do–Study–Act cycle, with the fields of IHI's PDSA
// Worksheet for Testing Change, and its place in the phase state machine
// (see the package documentation).
//
// ChangeIdea is the id of the change idea it tests (a [KindChange] node of
// the team's [DriverDiagram]); Number is its position in its [Ramp], from 1.
// Phase and History are changed only by [Cycle.Move] and [Cycle.Reopen];
// editing them by hand makes [Cycle.Validate] report an inconsistency.
// Created is when the cycle was opened, the start of its time in draft.
//
// The zero value is a draft with nothing filled in.
type Cycle struct {
	ID         string       `json:"id,omitempty"`
	Title      string       `json:"title,omitempty"`
	ChangeIdea string       `json:"changeIdea"`
	Number     int          `json:"number"`
	Type       CycleType    `json:"type"`
	Phase      Phase        `json:"phase"`
	Created    time.Time    `json:"created,omitzero"`
	Plan       Plan         `json:"plan"`
	Do         Do           `json:"do"`
	Study      Study        `json:"study"`
	Act        Act          `json:"act"`
	History    []Transition `json:"history,omitempty"`
}

// Plan is the Plan part of the worksheet: the objective of the cycle, the
// questions it answers with a prediction for each, the tasks (what, who,
// when, where), the scale of the test, the data collection plan, the person
// responsible and the date on which the test is evaluated (seed 003: "vastuu-
// henkilö ja aikataulu sekä suunnitelma, milloin kokeiltua parannusta
// arvioidaan").
type Plan struct {
	Objective   string     `json:"objective"`
	Questions   []Question `json:"questions"`
	Tasks       []Task     `json:"tasks,omitempty"`
	Scale       Scale      `json:"scale"`
	Data        DataPlan   `json:"data"`
	Responsible string     `json:"responsible"` // a team member id
	Evaluation  model.Date `json:"evaluation"`  // when the tested change is evaluated
}

// Question is a question the cycle answers, the team's prediction written
// before the test, and the result recorded in Study.
type Question struct {
	Text       string `json:"text"`
	Prediction string `json:"prediction"`
	Result     string `json:"result,omitempty"`
}

// Task is one thing to do to carry out the test: what, who (a team member
// id), when and where.
type Task struct {
	What  string     `json:"what"`
	Who   string     `json:"who"`
	When  model.Date `json:"when"`
	Where string     `json:"where,omitempty"`
}

// Scale is how large the test is: a description ("one client, one day") and,
// when known, the number of clients and of days it covers (0 = not given).
// A ramp's cycles grow in scale; [Ramp.Validate] warns when they shrink.
type Scale struct {
	Text    string `json:"text"`
	Clients int    `json:"clients,omitempty"`
	Days    int    `json:"days,omitempty"`
}

// DataPlan is the data collection plan: which measures (ids of measures) are
// collected, by whom (a team member id) and how.
type DataPlan struct {
	Measures  []string `json:"measures,omitempty"`
	Collector string   `json:"collector,omitempty"`
	How       string   `json:"how,omitempty"`
}

// Do is the Do part of the worksheet: when the test ran (Start and End, both
// included; End may be left unset while it runs), what happened, the problems
// met and the unexpected observations.
type Do struct {
	Start        model.Date `json:"start"`
	End          model.Date `json:"end"`
	WhatHappened string     `json:"whatHappened"`
	Problems     []string   `json:"problems,omitempty"`
	Observations []string   `json:"observations,omitempty"`
}

// Study is the Study part of the worksheet. Each question's result is kept
// with the question (in [Plan]); Summary is what was learned, the ramp's
// lesson from this cycle.
type Study struct {
	Summary string `json:"summary"`
}

// Act is the Act part of the worksheet: the decision, whether the next
// cycle scales the change up, and the next step in words.
type Act struct {
	Decision Decision `json:"decision"`
	ScaleUp  bool     `json:"scaleUp,omitempty"`
	Next     string   `json:"next,omitempty"`
}

// Transition is one accepted move of a cycle, at the time the caller gave.
// A transition from [PhaseClosed] is a reopening and carries its Reason.
type Transition struct {
	From   Phase     `json:"from"`
	To     Phase     `json:"to"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason,omitempty"`
}

// IsReopen reports whether t reopened a closed cycle.
func (t Transition) IsReopen() bool { return t.From == PhaseClosed }
