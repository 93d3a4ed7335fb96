package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
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

func ExampleHandler_Serve() {
	h := httpapi.New(greeter{}, httpapi.Options{})
	for _, r := range []httpapi.Request{
		{Method: "POST", Target: "https://sujuva.example/api/v1/greet", Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(`{"name":"Aino"}`)},
		{Method: "POST", Target: "/api/v1/greet", Header: http.Header{"Content-Type": {"text/plain"}}, Body: []byte(`Aino`)},
	} {
		a := h.Serve(context.Background(), r)
		fmt.Println(a.Status, a.Header, string(a.Body))
	}
	// Output:
	// 200 [{Content-Type application/json} {Content-Length 17} {X-Content-Type-Options nosniff}] {"hello":"world"}
	// 415 [{Content-Type application/json} {Content-Length 93} {X-Content-Type-Options nosniff}] {"error":{"kind":"unsupported_media_type","message":"this operation reads application/json"}}
}

func ExampleRequestHeaders() {
	fmt.Println(httpapi.RequestHeaders())
	// Output: [Content-Type Accept Origin]
}
