package httpapi_test

import (
	"encoding/json"
	"net/http"
	"sort"
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
		Paths map[string]struct {
			Post *struct {
				RequestBody struct {
					Content map[string]struct {
						Examples map[string]struct {
							Value  json.RawMessage `json:"value"`
							Status int             `json:"x-status"`
						} `json:"examples"`
					} `json:"content"`
				} `json:"requestBody"`
			} `json:"post"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(httpapi.OpenAPI(), &doc); err != nil {
		b.Fatal(err)
	}
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()})
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		post := doc.Paths[path].Post
		if post == nil {
			continue
		}
		ex, ok := post.RequestBody.Content["application/json"]
		if !ok {
			continue
		}
		names := make([]string, 0, len(ex.Examples))
		for n := range ex.Examples {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			e := ex.Examples[name]
			want := http.StatusOK
			if e.Status != 0 {
				want = e.Status
			}
			if want != http.StatusOK && want != http.StatusBadRequest {
				continue
			}
			b.Run(path[len(httpapi.Prefix):]+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if res, got := serve(h, path, "application/json", "", e.Value); res.StatusCode != want {
						b.Fatalf("status %d, want %d: %s", res.StatusCode, want, got)
					}
				}
			})
		}
	}
}
