//go:build !js

package model

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"sync"

	"github.com/go-playground/validator/v10"
)

// engine is the module's one validator, built on first use. Its tag names
// are the JSON names, so its errors carry paths into the JSON form. It is
// safe for concurrent use once built.
var engine = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	for tag, ok := range tagChecks {
		must(v.RegisterValidation(tag, func(fl validator.FieldLevel) bool { return ok(fl.Field()) }))
	}
	for typ, rules := range structRules {
		v.RegisterStructValidationCtx(func(ctx context.Context, sl validator.StructLevel) {
			for _, f := range rules(ctx, sl.Current().Interface()) {
				report(sl, f.field, f.Finding)
			}
		}, reflect.Zero(typ).Interface())
	}
	return v
})

// must panics on an error registering a validation: a programmer error that
// the first test run reveals.
func must(err error) {
	if err != nil {
		panic("model: " + err.Error())
	}
}

// check runs the engine over v and translates its errors into findings,
// sorted. ctx carries what struct-level rules need (the team profile).
func check(ctx context.Context, v any) Findings {
	err := engine().StructCtx(ctx, v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		// InvalidValidationError: a programmer error (v is not a struct).
		panic("model: " + err.Error())
	}
	fs := make(Findings, 0, len(verrs))
	for _, fe := range verrs {
		fs = append(fs, translate(fe))
	}
	fs.Sort()
	return fs
}

// translate turns one validator error into a finding. Tags map to the
// shared codes; struct-level rules report their own code as the tag and
// their severity and parameters, URL-encoded, as the param (see report).
func translate(fe validator.FieldError) Finding {
	if _, custom := tagChecks[fe.Tag()]; custom || fe.Tag() == "required" {
		return tagFinding(fe.Namespace(), fe.Tag(), fe.Value())
	}
	f := Finding{Code: Code(fe.Tag()), Severity: SeverityError}
	q, _ := url.ParseQuery(fe.Param())
	for k, vs := range q {
		if k == "severity" {
			f.Severity = Severity(vs[0])
			continue
		}
		f = f.With(k, vs[0])
	}
	return ruleFinding(fe.Namespace(), f)
}

// report records finding f from a struct-level rule at field, a path below
// the struct in validator's notation ("members[2].role"; "" for the struct).
func report(sl validator.StructLevel, field string, f Finding) {
	q := url.Values{"severity": {string(f.Severity)}}
	for k, v := range f.Params {
		q.Set(k, v)
	}
	sl.ReportError(nil, field, field, string(f.Code), q.Encode())
}
