package model

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The model's rules are written once, as `validate` struct tags (required,
// omitempty, dive, enum, county, targetgroup) and struct-level functions
// (structRules). Two engines apply them: go-playground/validator/v10 on every
// platform but js (validate_validator.go), and, in js/wasm builds, a small
// reflection walker over the same tags (validate_tags.go), which keeps
// validator's 1.5 MB (gzip) out of the browser and the Worker. A
// differential test on the host shows both engines give the same findings
// for thousands of random teams and rounds; under Node the js/wasm build
// runs the package's whole test suite on the tag engine.

// structRules are the struct-level rules by type: each returns its findings
// with paths in validator's notation below the struct ("members[2].role";
// "" for the struct itself).
var structRules = map[reflect.Type]func(context.Context, any) []fieldFinding{
	reflect.TypeFor[Team]():  teamRules,
	reflect.TypeFor[Round](): roundRules,
}

// tagChecks are the custom tags: each reports whether a non-empty value is
// valid.
var tagChecks = map[string]func(reflect.Value) bool{
	"enum":        validEnum,
	"county":      func(v reflect.Value) bool { _, ok := countyByCode(v.String()); return ok },
	"targetgroup": func(v reflect.Value) bool { _, ok := targetGroupByCode(v.String()); return ok },
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
func validEnum(v reflect.Value) bool {
	if v.IsZero() {
		return true
	}
	if e, ok := v.Interface().(interface{ IsValid() bool }); ok {
		return e.IsValid()
	}
	return true
}

type profileKey struct{}

// tagFinding is the finding of a failed tag on the field at namespace ns
// (validator's notation, "Team.members[2].role") holding value.
func tagFinding(ns, tag string, value any) Finding {
	path := namespacePointer(ns)
	if tag == "required" {
		return NewError(path, CodeRequired)
	}
	return NewError(path, CodeEnumUnknown).With("value", fmt.Sprint(value))
}

// ruleFinding is finding f of a struct-level rule, reported at namespace ns.
func ruleFinding(ns string, f Finding) Finding {
	f.Path = namespacePointer(ns)
	return f
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
