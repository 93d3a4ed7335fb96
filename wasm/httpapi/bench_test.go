package httpapi_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strconv"
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
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()})
	benchExamples(b, func(path string, body []byte) (int, []byte) {
		res, got := serve(h, path, "application/json", "", body)
		return res.StatusCode, got
	})
}

// BenchmarkServe serves the same examples as the Worker does a request
// whose body its glue reads whole: in the glue's wire form, with the
// header fields it passes, through [httpapi.Handler.ServeWire] — no
// *http.Request, no header map.
func BenchmarkServe(b *testing.B) {
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()})
	var out []byte
	benchExamples(b, func(path string, body []byte) (int, []byte) {
		in := append([]byte("POST http://127.0.0.1:8787"+path+"\ncontent-type: application/json\naccept: */*\n\n"), body...)
		out = h.ServeWire(in, out[:0])
		status, _ := strconv.Atoi(string(out[:bytes.IndexByte(out, '\n')]))
		return status, out
	})
}

// benchExamples runs serve on every example of openapi.json that is
// answered 200 or 400, one sub-benchmark each.
func benchExamples(b *testing.B, serve func(path string, body []byte) (int, []byte)) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(httpapi.OpenAPI(), &doc); err != nil {
		b.Fatal(err)
	}
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
					if status, got := serve(path, e.body); status != e.status {
						b.Fatalf("status %d, want %d: %s", status, e.status, got)
					}
				}
			})
		}
	}
}
