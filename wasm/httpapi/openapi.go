package httpapi

import (
	_ "embed"

	"github.com/sujuva/sujuva/export/schema"
)

// openAPI is the committed OpenAPI 3.1 description, served at
// /api/v1/openapi.json; openapi_test.go checks real answers against it.
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns a copy of the OpenAPI 3.1 description of this API.
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }

// PublishedSchemas returns Sujuva's published JSON Schemas (the worksheet
// and the Innokylä document), each to be served at the path of its $id:
// what [Options.Schemas] holds for Sujuva's own API.
func PublishedSchemas() []Schema {
	var out []Schema
	for _, k := range schema.Kinds() {
		out = append(out, Schema{ID: k.ID(), JSON: k.JSON()})
	}
	return out
}
