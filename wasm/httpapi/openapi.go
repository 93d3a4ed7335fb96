package httpapi

import _ "embed"

// openAPI is the committed OpenAPI 3.1 description, served at
// /api/v1/openapi.json; openapi_test.go checks real answers against it.
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns a copy of the OpenAPI 3.1 description of this API.
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }
