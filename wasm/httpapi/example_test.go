package httpapi_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

// greeter is a one-operation backend: it refuses an empty body with a
// finding, as the bridge refuses invalid input.
type greeter struct{}

func (greeter) Ops() []string { return []string{"greet"} }

func (greeter) Do(_ context.Context, _ string, in []byte) ([]byte, error) {
	if string(in) == "{}" {
		return nil, model.Findings{model.NewError("/name", model.CodeRequired)}
	}
	return []byte(`{"hello":"world"}`), nil
}

func ExampleNew() {
	h := httpapi.New(greeter{}, httpapi.Options{AllowedOrigins: []string{"*"}})
	for _, body := range []string{`{"name":"Aino"}`, `{}`} {
		req := httptest.NewRequest("POST", "/api/v1/greet", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 {"hello":"world"}
	// 400 {"error":{"kind":"invalid","message":"the input does not validate","findings":[{"path":"/name","code":"field.required","severity":"error"}]}}
}

func ExampleSchemaPath() {
	fmt.Println(httpapi.SchemaPath("https://sujuva.example/api/v1/schemas/worksheet.json"))
	// Output: schemas/worksheet.json
}

func ExampleDefaultClassify() {
	p := httpapi.DefaultClassify(model.Findings{model.NewError("/members/2/role", model.CodeEnumUnknown).With("value", "boss")})
	fmt.Println(p.Status, p.Kind, p.Findings)
	// Output: 400 invalid model: /members/2/role: enum.unknown (error) value=boss
}

func ExampleOpenAPI() {
	fmt.Println(strings.Contains(string(httpapi.OpenAPI()), `"openapi": "3.1.0"`))
	// Output: true
}
