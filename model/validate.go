package model

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"
)

// engine is the module's one validator, built on first use. Its tag names
// are the JSON names, so its errors carry paths into the JSON form. It is
// safe for concurrent use once built.
var engine = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	must(v.RegisterValidation("enum", validEnum))
	must(v.RegisterValidation("county", func(fl validator.FieldLevel) bool {
		_, ok := countyByCode(fl.Field().String())
		return ok
	}))
	must(v.RegisterValidation("targetgroup", func(fl validator.FieldLevel) bool {
		_, ok := targetGroupByCode(fl.Field().String())
		return ok
	}))
	v.RegisterStructValidationCtx(teamRules, Team{})
	v.RegisterStructValidationCtx(roundRules, Round{})
	return v
})

// must panics on an error registering a validation: a programmer error that
// the first test run reveals.
func must(err error) {
	if err != nil {
		panic("model: " + err.Error())
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return name
}

// validEnum accepts an unset value or one whose IsValid method says so.
func validEnum(fl validator.FieldLevel) bool {
	if fl.Field().IsZero() {
		return true
	}
	if e, ok := fl.Field().Interface().(interface{ IsValid() bool }); ok {
		return e.IsValid()
	}
	return true
}

type profileKey struct{}

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

// translate turns one validator error into a finding. Built-in tags map to
// the shared codes; struct-level rules report their own code as the tag and
// their severity and parameters, URL-encoded, as the param (see report).
func translate(fe validator.FieldError) Finding {
	path := namespacePointer(fe.Namespace())
	switch fe.Tag() {
	case "required":
		return NewError(path, CodeRequired)
	case "enum", "county", "targetgroup":
		return NewError(path, CodeEnumUnknown).With("value", fmt.Sprint(fe.Value()))
	}
	f := Finding{Path: path, Code: Code(fe.Tag()), Severity: SeverityError}
	q, _ := url.ParseQuery(fe.Param())
	for k, vs := range q {
		if k == "severity" {
			f.Severity = Severity(vs[0])
			continue
		}
		f = f.With(k, vs[0])
	}
	return f
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

// namespacePointer converts validator's namespace ("Team.members[2].role")
// to a JSON Pointer ("/members/2/role"), dropping the top-level type name.
func namespacePointer(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	var tokens []any
	for _, part := range strings.Split(rest, ".") {
		name, idx, _ := strings.Cut(part, "[")
		if name != "" {
			tokens = append(tokens, name)
		}
		for idx != "" {
			var key string
			key, idx, _ = strings.Cut(idx, "]")
			idx = strings.TrimPrefix(idx, "[")
			if n, err := strconv.Atoi(key); err == nil {
				tokens = append(tokens, n)
			} else {
				tokens = append(tokens, key)
			}
		}
	}
	return Pointer(tokens...)
}

// DecodeJSON decodes data into v (a pointer) and reports what stops it as
// findings instead of an error: malformed JSON as [CodeJSONSyntax] with its
// byte offset, a value of the wrong type as [CodeJSONType] at the field's
// path (encoding/json names the fields but not the array indices on the way,
// so "/members/id" stands for some member's id), a malformed date as
// [CodeJSONType] with want "date", a malformed RFC 3339 time likewise with
// want "time". Unknown enum
// names are not decoding errors: they are kept and Validate reports them.
// A nil result means v was decoded.
func DecodeJSON(data []byte, v any) Findings {
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var date *DateError
	var tm *time.ParseError
	switch {
	case errors.As(err, &syntax):
		return Findings{NewError("", CodeJSONSyntax).With("offset", int(syntax.Offset))}
	case errors.As(err, &typ):
		var tokens []any
		if typ.Field != "" {
			for _, t := range strings.Split(typ.Field, ".") {
				tokens = append(tokens, t)
			}
		}
		return Findings{NewError(Pointer(tokens...), CodeJSONType).With("want", typ.Type.String()).With("got", typ.Value)}
	case errors.As(err, &date):
		return Findings{NewError("", CodeJSONType).With("want", "date").With("got", date.Value)}
	case errors.As(err, &tm):
		return Findings{NewError("", CodeJSONType).With("want", "time").With("got", tm.Value)}
	}
	return Findings{NewError("", CodeJSONSyntax).With("offset", 0)}
}

func countyByCode(code string) (County, bool) {
	for _, c := range refdata().Counties {
		if c.Code == code {
			return c, true
		}
	}
	return County{}, false
}

func targetGroupByCode(code string) (TargetGroup, bool) {
	for _, g := range refdata().TargetGroups {
		if g.Code == code {
			return g, true
		}
	}
	return TargetGroup{}, false
}
