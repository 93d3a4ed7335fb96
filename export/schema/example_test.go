package schema_test

import (
	"fmt"

	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
)

func ExampleValidate() {
	doc := []byte(`{"format": "sujuva.worksheet", "version": 1, "team": {"name": "Tiimi", "members": []}}`)
	kind, _ := schema.Detect(doc)
	for _, f := range schema.Validate(kind, doc) {
		fmt.Println(kind, f.Path, f.Params["keyword"])
	}
	fmt.Println(schema.Validate("poem", doc)[0].Code)
	// Output:
	// worksheet /team required
	// schema.kind
}

func ExampleKind_ID() {
	fmt.Println(schema.Innokyla.ID())
	fmt.Println(schema.Messages().Text(model.NewError("/x", schema.CodeSchema).With("keyword", "enum").With("detail", "value must be one of ..."), model.Finnish))
	// Output:
	// https://sujuva.fi/api/v1/schemas/innokyla.json
	// Ei vastaa skeemaa (enum): value must be one of ...
}
