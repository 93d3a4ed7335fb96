package httpapi_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

// BenchmarkOperations serves every example of openapi.json, answered 200
// or 400, through the whole handler: what a request costs the Worker once
// its body is in Go. Run it natively and under js/wasm (Node runs V8, the
// engine workerd runs) to see what the Go side of a Worker request costs:
//
//	go test -run x -bench Operations ./wasm/httpapi
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run x -bench Operations ./wasm/httpapi
func BenchmarkOperations(b *testing.B) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(httpapi.OpenAPI(), &doc); err != nil {
		b.Fatal(err)
	}
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()})
	for _, path := range slices.Sorted(maps.Keys(doc.Paths)) {
		post, ok := doc.Paths[path]["post"].(map[string]any)
		if !ok {
			continue
		}
		media, ok := post["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)
		if !ok {
			continue
		}
		for _, e := range examplesOf(b, media, "application/json") {
			if e.status != http.StatusOK && e.status != http.StatusBadRequest {
				continue
			}
			b.Run(path[len(httpapi.Prefix):]+"/"+e.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if res, got := serve(h, path, "application/json", "", e.body); res.StatusCode != e.status {
						b.Fatalf("status %d, want %d: %s", res.StatusCode, e.status, got)
					}
				}
			})
		}
	}
}
