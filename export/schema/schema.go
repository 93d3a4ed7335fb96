package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/sujuva/sujuva/model"
)

//go:embed worksheet.json innokyla.json
var files embed.FS

// Kind names a kind of document. The zero value is unset.
type Kind string

const (
	Worksheet Kind = "worksheet" // a team's worksheet file
	Innokyla  Kind = "innokyla"  // an Innokylä toimintamalli description
)

// Kinds lists the kinds of document with a schema.
func Kinds() []Kind { return []Kind{Worksheet, Innokyla} }

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k == Worksheet || k == Innokyla }

// Base is the URL the schemas' $id values begin with.
const Base = "https://sujuva.fi/api/v1/schemas/"

// ID returns the absolute $id of k's schema.
func (k Kind) ID() string { return Base + string(k) + ".json" }

// JSON returns k's schema document; nil for an unknown kind.
func (k Kind) JSON() []byte {
	if !k.IsValid() {
		return nil
	}
	b, err := files.ReadFile(string(k) + ".json")
	if err != nil {
		panic("schema: embedded " + string(k) + ": " + err.Error()) // the tests read every kind
	}
	return b
}

// ErrExternal is returned by the compiler for any reference outside the
// embedded schemas; such a schema does not compile.
var ErrExternal = errors.New("schema: external references are refused")

// compiled holds every schema, compiled together on first use.
var compiled = sync.OnceValues(func() (map[Kind]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(s string) (io.ReadCloser, error) { return nil, fmt.Errorf("%w: %s", ErrExternal, s) }
	for _, k := range Kinds() {
		if err := c.AddResource(k.ID(), bytes.NewReader(k.JSON())); err != nil {
			return nil, err
		}
	}
	out := map[Kind]*jsonschema.Schema{}
	for _, k := range Kinds() {
		s, err := c.Compile(k.ID())
		if err != nil {
			return nil, err
		}
		out[k] = s
	}
	return out, nil
})

// Rule codes of schema validation.
const (
	// CodeSchema: a value breaks the schema. Params: keyword (the schema
	// keyword, such as "required" or "enum"), detail (the validator's
	// English explanation).
	CodeSchema model.Code = "schema.invalid"
	// CodeKind: the document's kind could not be told. No params.
	CodeKind model.Code = "schema.kind"
)

// Codes returns every rule code this package defines.
func Codes() []model.Code { return []model.Code{CodeSchema, CodeKind} }

// Messages returns the catalog of this package's codes.
func Messages() model.Catalog {
	return model.Catalog{
		CodeSchema: {
			FI: "Ei vastaa skeemaa ({keyword}): {detail}",
			SV: "Motsvarar inte schemat ({keyword}): {detail}",
			EN: "Does not match the schema ({keyword}): {detail}",
		},
		CodeKind: {
			FI: "Tiedostosta ei tunnistu, onko se työkirja vai Innokylä-kuvaus.",
			SV: "Det går inte att avgöra om filen är en arbetsbok eller en Innokylä-beskrivning.",
			EN: "The file is neither a worksheet nor an Innokylä description.",
		},
	}
}

// Validate checks data against k's schema and returns every finding, sorted
// by path: malformed JSON as model.CodeJSONSyntax, each value that breaks
// the schema as [CodeSchema] at its JSON Pointer. An unknown kind is
// reported as [CodeKind]. A schema that does not compile is a programmer
// error caught by the tests, and panics.
func Validate(k Kind, data []byte) model.Findings {
	schemas, cerr := compiled()
	if cerr != nil {
		panic("schema: " + cerr.Error())
	}
	s, ok := schemas[k]
	if !ok {
		return model.Findings{model.NewError("", CodeKind)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = &json.SyntaxError{Offset: dec.InputOffset()}
	}
	if err != nil {
		var syn *json.SyntaxError
		offset := 0
		if errors.As(err, &syn) {
			offset = int(syn.Offset)
		}
		return model.Findings{model.NewError("", model.CodeJSONSyntax).With("offset", offset)}
	}
	err = s.Validate(v)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var fs model.Findings
	seen := map[string]bool{}
	var leaves func(e *jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				leaves(c)
			}
			return
		}
		keyword := e.KeywordLocation[strings.LastIndexByte(e.KeywordLocation, '/')+1:]
		key := e.InstanceLocation + "\x00" + keyword + "\x00" + e.Message
		if seen[key] {
			return
		}
		seen[key] = true
		fs = append(fs, model.NewError(e.InstanceLocation, CodeSchema).With("keyword", keyword).With("detail", e.Message))
	}
	leaves(ve)
	fs.Sort()
	return fs
}

// Detect tells the kind of a document from its top-level fields: a
// worksheet has "format": "sujuva.worksheet" (or a "team"), an Innokylä
// description "basics" and "sections". ok is false when neither fits.
func Detect(data []byte) (Kind, bool) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return "", false
	}
	if f, ok := top["format"]; ok && string(bytes.TrimSpace(f)) == `"sujuva.worksheet"` {
		return Worksheet, true
	}
	if _, ok := top["team"]; ok {
		return Worksheet, true
	}
	_, b := top["basics"]
	_, s := top["sections"]
	if b && s {
		return Innokyla, true
	}
	return "", false
}
