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
	w := walker{ctx: ctx, path: append(make([]step, 0, 8), step{name: rv.Type().Name()})}
	w.walkStruct(rv)
	if len(w.fs) == 0 {
		return nil
	}
	w.fs.Sort()
	return w.fs
}

// walker is one walk: its findings, and the path to where it is, written
// out in validator's notation only for a finding. Building every field's
// path as text took a fifth of validating a team in js/wasm.
type walker struct {
	ctx  context.Context
	fs   Findings
	path []step
}

// step is a struct field's JSON name, or when name is empty the index of an
// element.
type step struct {
	name  string
	index int
}

// ns writes out the path: "Team.members[2].role".
func (w *walker) ns() string {
	var b strings.Builder
	for i, s := range w.path {
		switch {
		case i == 0:
			b.WriteString(s.name)
		case s.name != "":
			b.WriteByte('.')
			b.WriteString(s.name)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func (w *walker) push(s step) { w.path = append(w.path, s) }
func (w *walker) pop()        { w.path = w.path[:len(w.path)-1] }

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

func (w *walker) walkStruct(v reflect.Value) {
	if rules, ok := structRules[v.Type()]; ok {
		for _, f := range rules(w.ctx, v.Interface()) {
			w.fs = append(w.fs, ruleFinding(w.ns()+"."+f.field, f.Finding))
		}
	}
	for _, p := range planOf(v.Type()) {
		fv := v.Field(p.index)
		w.push(step{name: p.name})
		if w.checkField(fv, p.tags) {
			switch {
			case p.dive && fv.Kind() == reflect.Slice:
				for i := range fv.Len() {
					w.push(step{index: i})
					w.walkValue(fv.Index(i))
					w.pop()
				}
			case !p.dive && len(p.tags) == 0:
				w.walkValue(fv)
			}
		}
		w.pop()
	}
}

// walkValue walks v when it is a struct (or a non-nil pointer to one),
// except time.Time, as validator does.
func (w *walker) walkValue(v reflect.Value) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct && v.Type() != timeType {
		w.walkStruct(v)
	}
}

// checkField applies tags to v, the field at the walk's path, and reports
// whether they all passed.
func (w *walker) checkField(v reflect.Value, tags []string) bool {
	for _, tag := range tags {
		switch tag {
		case "omitempty":
			if v.IsZero() {
				return true
			}
		case "required":
			if v.IsZero() {
				w.fs = append(w.fs, tagFinding(w.ns(), tag, v.Interface()))
				return false
			}
		default:
			if !tagChecks[tag](v) {
				w.fs = append(w.fs, tagFinding(w.ns(), tag, v.Interface()))
				return false
			}
		}
	}
	return true
}
