package pdsa_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

func ptr(x float64) *float64 { return &x }

// fullAim is an aim with nothing missing.
var fullAim = pdsa.Aim{
	ID:          "aim1",
	Statement:   "New referrals are called back the same day",
	Measure:     "callback-share",
	Baseline:    ptr(40),
	Target:      ptr(90),
	Unit:        "%",
	By:          model.NewDate(2026, 5, 31),
	ClientGroup: "older-people",
	Measures:    []string{"lead-time", "staff-overtime"},
	Changes:     []string{"callback"},
}

// aimCases are aims and exactly what Validate must report.
var aimCases = []struct {
	name string
	aim  func() pdsa.Aim
	want model.Findings
}{
	{name: "complete", aim: func() pdsa.Aim { return fullAim }},
	{name: "empty", aim: func() pdsa.Aim { return pdsa.Aim{} }, want: model.Findings{
		model.NewWarning("/baseline", pdsa.CodeAimBaseline),
		model.NewWarning("/by", pdsa.CodeAimDate),
		model.NewWarning("/clientGroup", pdsa.CodeAimClientGroup),
		model.NewWarning("/measure", pdsa.CodeAimMeasure),
		model.NewError("/statement", model.CodeRequired),
		model.NewWarning("/target", pdsa.CodeAimNumber),
	}},
	{name: "no number", aim: func() pdsa.Aim { a := fullAim; a.Target = nil; return a },
		want: model.Findings{model.NewWarning("/target", pdsa.CodeAimNumber)}},
	{name: "no date", aim: func() pdsa.Aim { a := fullAim; a.By = model.Date{}; return a },
		want: model.Findings{model.NewWarning("/by", pdsa.CodeAimDate)}},
	{name: "target zero is a number", aim: func() pdsa.Aim { a := fullAim; a.Target = ptr(0); return a }},
	{name: "impossible date", aim: func() pdsa.Aim { a := fullAim; a.By = model.Date{Year: 2026, Month: 2, Day: 29}; return a },
		want: model.Findings{model.NewError("/by", model.CodeJSONType).With("want", "date").With("got", "2026-02-29")}},
	{name: "NaN and Inf", aim: func() pdsa.Aim { a := fullAim; a.Baseline, a.Target = ptr(math.NaN()), ptr(math.Inf(1)); return a },
		want: model.Findings{model.NewError("/baseline", pdsa.CodeNotFinite), model.NewError("/target", pdsa.CodeNotFinite)}},
	{name: "empty and repeated ids", aim: func() pdsa.Aim {
		a := fullAim
		a.Measures = []string{"lead-time", "", "lead-time"}
		a.Changes = []string{""}
		return a
	}, want: model.Findings{
		model.NewError("/changes/0", model.CodeRequired),
		model.NewError("/measures/1", model.CodeRequired),
		model.NewError("/measures/2", model.CodeDuplicateID).With("id", "lead-time"),
	}},
}

func TestAimValidate(t *testing.T) {
	for _, tc := range aimCases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.aim().Validate())
		})
	}
}
