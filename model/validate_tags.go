package model

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// checkTags applies the model's rules to v (a struct) without validator/v10:
// it walks v's exported fields by reflection and reads their `validate` tags
// with validator's meaning for the tags the model uses —
//   - required: the field is not its zero value;
//   - omitempty: an empty field skips the tags after it;
//   - dive: each element of a slice is checked (a struct element is walked);
//   - enum, county, targetgroup: [tagChecks];
//
// and, as validator does, the first failing tag of a field ends its checks,
// struct fields are walked without a tag, slices only with dive, and the
// struct-level rules of [structRules] run for every struct of their type.
// Paths are built in validator's notation and converted by the same code,
// so the findings are the ones check gives on the host. Unknown tags panic:
// a programmer error the package's tests reveal.
func checkTags(ctx context.Context, v any) Findings {
	rv := reflect.ValueOf(v)
	var fs Findings
	walkStruct(ctx, rv, rv.Type().Name(), &fs)
	if len(fs) == 0 {
		return nil
	}
	fs.Sort()
	return fs
}

// fieldPlan is what checkTags needs of one struct field, parsed once per
// type.
type fieldPlan struct {
	index int
	name  string   // the JSON name
	tags  []string // the validate tags before dive
	dive  bool
}

var plans sync.Map // reflect.Type → []fieldPlan

func planOf(t reflect.Type) []fieldPlan {
	if p, ok := plans.Load(t); ok {
		return p.([]fieldPlan)
	}
	var out []fieldPlan
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		p := fieldPlan{index: i, name: jsonName(f)}
		if tag := f.Tag.Get("validate"); tag != "" {
			for _, name := range strings.Split(tag, ",") {
				if name == "dive" {
					p.dive = true
					break
				}
				if _, ok := tagChecks[name]; !ok && name != "required" && name != "omitempty" {
					panic("model: the tag engine does not know validate tag " + strconv.Quote(name))
				}
				p.tags = append(p.tags, name)
			}
		}
		out = append(out, p)
	}
	plans.Store(t, out)
	return out
}

var timeType = reflect.TypeFor[time.Time]()

func walkStruct(ctx context.Context, v reflect.Value, ns string, fs *Findings) {
	if rules, ok := structRules[v.Type()]; ok {
		for _, f := range rules(ctx, v.Interface()) {
			*fs = append(*fs, ruleFinding(ns+"."+f.field, f.Finding))
		}
	}
	for _, p := range planOf(v.Type()) {
		fv := v.Field(p.index)
		fns := ns + "." + p.name
		if !checkField(fv, fns, p.tags, fs) {
			continue
		}
		switch {
		case p.dive && fv.Kind() == reflect.Slice:
			for i := range fv.Len() {
				walkValue(ctx, fv.Index(i), fns+"["+strconv.Itoa(i)+"]", fs)
			}
		case !p.dive && len(p.tags) == 0:
			walkValue(ctx, fv, fns, fs)
		}
	}
}

// walkValue walks v when it is a struct (or a non-nil pointer to one),
// except time.Time, as validator does.
func walkValue(ctx context.Context, v reflect.Value, ns string, fs *Findings) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct && v.Type() != timeType {
		walkStruct(ctx, v, ns, fs)
	}
}

// checkField applies tags to v and reports whether they all passed.
func checkField(v reflect.Value, ns string, tags []string, fs *Findings) bool {
	for _, tag := range tags {
		switch tag {
		case "omitempty":
			if v.IsZero() {
				return true
			}
		case "required":
			if v.IsZero() {
				*fs = append(*fs, tagFinding(ns, tag, v.Interface()))
				return false
			}
		default:
			if !tagChecks[tag](v) {
				*fs = append(*fs, tagFinding(ns, tag, v.Interface()))
				return false
			}
		}
	}
	return true
}
