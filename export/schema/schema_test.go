package schema_test

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
)

var update = flag.Bool("update", false, "rewrite innokyla.json from the structure in package innokyla")

// innokylaSchema builds the Innokylä schema from the structure of package
// innokyla, so that the published file and the code cannot drift apart.
func innokylaSchema() map[string]any {
	var phases, keys []any
	for _, p := range innokyla.Phases() {
		phases = append(phases, string(p.Key))
	}
	var prefix []any
	for _, s := range innokyla.Sections() {
		keys = append(keys, string(s.Key))
		prefix = append(prefix, map[string]any{
			"$ref": "#/$defs/section",
			"properties": map[string]any{
				"key": map[string]any{"const": string(s.Key)}, "heading": map[string]any{"const": s.FI},
				"phase": map[string]any{"const": string(s.Phase)}, "required": map[string]any{"const": s.Required},
			},
		})
	}
	var dev, groups []any
	for _, o := range innokyla.DevelopmentPhases() {
		dev = append(dev, o.Code)
	}
	for _, o := range innokyla.TargetGroupOptions() {
		groups = append(groups, o.Code)
	}
	str := map[string]any{"type": "string"}
	strs := map[string]any{"type": "array", "items": str}
	date := map[string]any{"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"}
	return map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         schema.Innokyla.ID(),
		"title":       "Innokylä toimintamalli description (Sujuva)",
		"description": "A toimintamalli description for Innokylä: the basic fields and the 20 sections of the Kehittämisen polku in the site's order, each with its key and exact Finnish heading. Generated from package export/innokyla; do not edit by hand.",
		"type":        "object",
		"required":    []any{"language", "basics", "sections"},
		"properties": map[string]any{
			"language": map[string]any{"enum": []any{"fi", "sv", "en"}},
			"basics":   map[string]any{"$ref": "#/$defs/basics"},
			"sections": map[string]any{"type": "array", "prefixItems": prefix, "items": false, "minItems": len(prefix)},
		},
		"$defs": map[string]any{
			"sectionKey": map[string]any{"enum": keys},
			"section": map[string]any{
				"type":     "object",
				"required": []any{"key", "phase", "heading", "required", "text"},
				"properties": map[string]any{
					"key": map[string]any{"$ref": "#/$defs/sectionKey"}, "phase": map[string]any{"enum": phases},
					"heading": str, "required": map[string]any{"type": "boolean"}, "text": str,
					"source": map[string]any{"enum": []any{"", "team", "draft"}},
				},
				"additionalProperties": false,
			},
			"basics": map[string]any{
				"type":     "object",
				"required": []any{"name", "summary"},
				"properties": map[string]any{
					"name": str, "summary": str, "place": str, "regions": strs, "funders": strs, "collection": str,
					"attachments": map[string]any{"type": "array", "items": map[string]any{
						"type": "object", "required": []any{"kind", "title", "href"},
						"properties": map[string]any{
							"kind": map[string]any{"enum": []any{"image", "file", "link"}}, "title": str, "caption": str,
							"href": map[string]any{"type": "string", "minLength": 1}, "mediaType": str,
						},
					}},
					"author": str, "created": date, "modified": date,
					"developmentPhase": map[string]any{"enum": append([]any{""}, dev...)},
					"targetGroups":     map[string]any{"type": "array", "items": map[string]any{"enum": groups}},
				},
			},
		},
	}
}

func TestInnokylaSchemaMatchesStructure(t *testing.T) {
	want, err := json.MarshalIndent(innokylaSchema(), "", "  ")
	require.NoError(t, err)
	want = append(want, '\n')
	if *update {
		require.NoError(t, os.WriteFile("innokyla.json", want, 0o644))
	}
	assert.Equal(t, string(want), string(schema.Innokyla.JSON()), "run go test ./export/schema -update")
}

func complete() innokyla.Document {
	d := innokyla.New(model.Finnish, innokyla.Basics{Name: "Sujuva neuvonta", Summary: "Lyhyesti.", Created: model.NewDate(2025, 5, 14)})
	_ = d.SetSection("coreIdea", "Soitto samana päivänä.", innokyla.SourceTeam)
	return d
}

func TestValidate(t *testing.T) {
	b, err := json.Marshal(complete())
	require.NoError(t, err)
	assert.Empty(t, schema.Validate(schema.Innokyla, b))
	k, ok := schema.Detect(b)
	assert.True(t, ok)
	assert.Equal(t, schema.Innokyla, k)

	d := complete()
	d.Sections[0], d.Sections[1] = d.Sections[1], d.Sections[0]
	d.Sections[2].Heading = "Tarpeet"
	d.Basics.Attachments = []innokyla.Attachment{{Kind: "poster", Title: "x"}}
	b, err = json.Marshal(d)
	require.NoError(t, err)
	var paths []string
	for _, f := range schema.Validate(schema.Innokyla, b) {
		assert.Equal(t, schema.CodeSchema, f.Code)
		paths = append(paths, f.Path)
	}
	assert.Contains(t, paths, "/sections/0/key")
	assert.Contains(t, paths, "/sections/2/heading")
	assert.Contains(t, paths, "/basics/attachments/0/kind")
	assert.Contains(t, paths, "/basics/attachments/0/href")

	fs := schema.Validate(schema.Worksheet, []byte(`{"format":"sujuva.worksheet","version":1,"team":{"name":"T","process":"P","members":[{"id":"m1"}]},"future":{"kept":true}}`))
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, "/team/members/0", fs[0].Path)
	assert.Equal(t, "required", fs[0].Params["keyword"])
	assert.Equal(t, model.CodeJSONSyntax, schema.Validate(schema.Worksheet, []byte(`{"team":`))[0].Code)
	assert.Equal(t, schema.CodeKind, schema.Validate("poem", []byte(`{}`))[0].Code)
	_, ok = schema.Detect([]byte(`{"x":1}`))
	assert.False(t, ok)
}

// TestDemoWorksheet validates the worksheet server's demo team against the
// published schema.
func TestDemoWorksheet(t *testing.T) {
	const demo = "../../examples/worksheet/demo.json"
	b, err := os.ReadFile(demo)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", demo)
	}
	require.NoError(t, err)
	k, ok := schema.Detect(b)
	require.True(t, ok)
	assert.Equal(t, schema.Worksheet, k)
	assert.Empty(t, schema.Validate(schema.Worksheet, b))
}

func TestMessagesCoverEveryCode(t *testing.T) {
	assert.Empty(t, schema.Messages().Missing(schema.Codes()...))
}

func FuzzValidate(f *testing.F) {
	b, _ := json.Marshal(complete())
	f.Add(b)
	f.Add([]byte(`{"format":"sujuva.worksheet","version":1,"team":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range schema.Kinds() {
			for _, f := range schema.Validate(k, data) {
				if f.Code == "" || !f.Severity.IsValid() {
					t.Fatalf("malformed finding %v", f)
				}
			}
		}
		_, _ = schema.Detect(data)
	})
}
