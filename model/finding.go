package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Code is a stable rule code, such as "team.size". Codes are namespaced by
// the package that reports them ("team.", "round.", "pdsa.", "valuestream.",
// "metrics.", "export.") and never change meaning once published: integrators
// and message catalogs key on them.
type Code string

// Codes reported by more than one package.
const (
	// CodeEnumUnknown: a field holds a name that is not a value of its enum.
	// Params: "value".
	CodeEnumUnknown Code = "enum.unknown"
	// CodeRequired: a required field is empty. No params.
	CodeRequired Code = "field.required"
	// CodeDuplicateID: an id appears twice in one list. Params: "id".
	CodeDuplicateID Code = "id.duplicate"
	// CodeJSONSyntax: the input is not well-formed JSON. Params: "offset".
	CodeJSONSyntax Code = "json.syntax"
	// CodeJSONType: a JSON value has the wrong type for its field.
	// Params: "want", "got".
	CodeJSONType Code = "json.type"
)

// Severity says how serious a [Finding] is. The zero value is unset.
type Severity string

const (
	// SeverityError marks a broken rule: the method requires it.
	SeverityError Severity = "error"
	// SeverityWarning marks a departure from a recommendation.
	SeverityWarning Severity = "warning"
)

// String returns the severity's name.
func (s Severity) String() string { return string(s) }

// IsValid reports whether s is a known severity.
func (s Severity) IsValid() bool { return s == SeverityError || s == SeverityWarning }

// ParseSeverity returns the severity named s, or an [*EnumError].
func ParseSeverity(s string) (Severity, error) {
	if v := Severity(s); v.IsValid() {
		return v, nil
	}
	return "", &EnumError{Type: "severity", Value: s}
}

// A Finding is one problem found by validation: where it is, which rule it
// breaks, with what parameters, and how serious it is.
//
// Path is a JSON Pointer (RFC 6901) into the JSON form of the validated
// value, such as "/members/2/role"; the empty string points at the whole
// value. Params hold the values a message needs, already formatted as text
// ("count": "4"). The zero value is not a meaningful finding.
type Finding struct {
	Path     string            `json:"path"`
	Code     Code              `json:"code"`
	Severity Severity          `json:"severity"`
	Params   map[string]string `json:"params,omitempty"`
}

// NewError is a shorthand for a finding of severity error at path.
func NewError(path string, code Code) Finding {
	return Finding{Path: path, Code: code, Severity: SeverityError}
}

// NewWarning is a shorthand for a finding of severity warning at path.
func NewWarning(path string, code Code) Finding {
	return Finding{Path: path, Code: code, Severity: SeverityWarning}
}

// With returns a copy of f with the parameter name set to value formatted as
// text: integers in decimal, floats in the shortest form that round-trips
// ('g' without exponent for ordinary magnitudes), everything else with
// fmt.Sprint.
func (f Finding) With(name string, value any) Finding {
	params := make(map[string]string, len(f.Params)+1)
	for k, v := range f.Params {
		params[k] = v
	}
	params[name] = formatParam(value)
	f.Params = params
	return f
}

func formatParam(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

// Under returns a copy of f whose path is prefixed by the JSON Pointer
// prefix, as when a team's findings are reported inside a worksheet at
// "/team".
func (f Finding) Under(prefix string) Finding {
	f.Path = prefix + f.Path
	return f
}

// String formats f for logs and test failures: "/members/2/role: enum.unknown
// (error) value=boss".
func (f Finding) String() string {
	var b strings.Builder
	path := f.Path
	if path == "" {
		path = "/"
	}
	b.WriteString(path)
	b.WriteString(": ")
	b.WriteString(string(f.Code))
	b.WriteString(" (")
	b.WriteString(string(f.Severity))
	b.WriteString(")")
	keys := make([]string, 0, len(f.Params))
	for k := range f.Params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.WriteString(" ")
		b.WriteString(k)
		b.WriteString("=")
		b.WriteString(f.Params[k])
	}
	return b.String()
}

// Findings is the result of validation: every finding at once, never only
// the first. A nil or empty Findings means the value is valid and follows
// every recommendation.
//
// Findings implements error so that it can travel through error returns;
// errors.Is(fs, ErrInvalid) reports whether it holds an error.
type Findings []Finding

// HasErrors reports whether any finding has severity error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns the findings of severity error, in order.
func (fs Findings) Errors() Findings { return fs.filter(SeverityError) }

// Warnings returns the findings of severity warning, in order.
func (fs Findings) Warnings() Findings { return fs.filter(SeverityWarning) }

func (fs Findings) filter(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Under returns a copy of fs with every path prefixed by the JSON Pointer
// prefix.
func (fs Findings) Under(prefix string) Findings {
	if fs == nil {
		return nil
	}
	out := make(Findings, len(fs))
	for i, f := range fs {
		out[i] = f.Under(prefix)
	}
	return out
}

// Codes returns the code of every finding, in order; convenient in tests.
func (fs Findings) Codes() []Code {
	out := make([]Code, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

// Sort orders fs by path, then code, then severity, so that results are
// deterministic whatever order the rules ran in.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			comparePointers(a.Path, b.Path),
			strings.Compare(string(a.Code), string(b.Code)),
			strings.Compare(string(a.Severity), string(b.Severity)),
		)
	})
}

// comparePointers orders JSON Pointers token by token, numeric tokens by
// value, so "/members/10" sorts after "/members/9". It allocates nothing:
// sorting findings is part of every validation.
func comparePointers(a, b string) int {
	for {
		ta, restA, moreA := strings.Cut(a, "/")
		tb, restB, moreB := strings.Cut(b, "/")
		if ta != tb {
			na, okA := pointerIndex(ta)
			nb, okB := pointerIndex(tb)
			if okA && okB {
				return cmp.Compare(na, nb)
			}
			return strings.Compare(ta, tb)
		}
		switch {
		case moreA && moreB:
			a, b = restA, restB
		case moreA:
			return 1
		case moreB:
			return -1
		default:
			return 0
		}
	}
}

// pointerIndex returns strconv.Atoi(s) and whether it succeeded, without
// the error Atoi allocates for a token that is not a number.
func pointerIndex(s string) (int, bool) {
	i := 0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		i = 1
	}
	if i == len(s) {
		return 0, false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s) // fails only out of range
	return n, err == nil
}

// Error summarises the findings on one line.
func (fs Findings) Error() string {
	switch len(fs) {
	case 0:
		return "model: no findings"
	case 1:
		return "model: " + fs[0].String()
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return fmt.Sprintf("model: %d findings: %s", len(fs), strings.Join(parts, "; "))
}

// Is reports whether target is [ErrInvalid] and fs holds an error.
func (fs Findings) Is(target error) bool {
	return target == ErrInvalid && fs.HasErrors()
}

// Pointer builds a JSON Pointer (RFC 6901) from reference tokens: strings
// are escaped ("~" as "~0", "/" as "~1"), integers written in decimal.
// Pointer() is "", the whole document.
//
//	Pointer("members", 2, "role") == "/members/2/role"
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch x := t.(type) {
		case string:
			b.WriteString(escapeToken(x))
		case int:
			b.WriteString(strconv.Itoa(x))
		default:
			b.WriteString(escapeToken(fmt.Sprint(x)))
		}
	}
	return b.String()
}

func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func quote(s string) string { return strconv.Quote(s) }
