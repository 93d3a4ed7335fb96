package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

// Handler.Serve answers a request handed over whole as ServeHTTP answers it
// through net/http: the same status, header fields, body and log lines, for
// every route, every error class, and the OpenAPI document's examples with
// Accept, Content-Type and Origin variants.

// whole is one request for both paths.
type whole struct {
	method, target string
	header         [][2]string // name, value, as sent
	body           string
}

func (w whole) String() string {
	return fmt.Sprintf("%s %s %q %.60q", w.method, w.target, w.header, w.body)
}

// fields is a Request.Header: the first of them whose name matches
// without regard to case.
type fields [][2]string

func (fs fields) Get(name string) string {
	for _, f := range fs {
		if strings.EqualFold(f[0], name) {
			return f[1]
		}
	}
	return ""
}

// requireSameAnswer serves w both ways with the handler newH builds (each
// with its own log) and compares the answers.
func requireSameAnswer(t testing.TB, newH func(logf func(string, ...any)) *httpapi.Handler, w whole) {
	t.Helper()
	var logHTTP, logWhole []string
	hHTTP := newH(func(f string, a ...any) { logHTTP = append(logHTTP, fmt.Sprintf(f, a...)) })
	hWhole := newH(func(f string, a ...any) { logWhole = append(logWhole, fmt.Sprintf(f, a...)) })

	got := hWhole.Serve(context.Background(), httpapi.Request{Method: w.method, Target: w.target, Header: fields(w.header), Body: []byte(w.body)})
	req, err := http.NewRequestWithContext(context.Background(), w.method, w.target, bytes.NewReader([]byte(w.body)))
	if err != nil {
		require.Equal(t, http.StatusBadRequest, got.Status, "%s: NewRequest fails: %v", w, err)
		require.Contains(t, string(got.Body), `"kind":"bad_request"`)
		return
	}
	for _, f := range w.header {
		req.Header.Add(f[0], f[1])
	}
	rec := httptest.NewRecorder()
	hHTTP.ServeHTTP(rec, req)
	res := rec.Result()

	require.Equal(t, res.StatusCode, got.Status, "%s", w)
	header := http.Header{}
	for _, f := range got.Header {
		require.Equal(t, http.CanonicalHeaderKey(f.Name), f.Name, "%s", w)
		header.Add(f.Name, f.Value)
	}
	require.Equal(t, res.Header, header, "%s", w)
	require.Equal(t, rec.Body.String(), string(got.Body), "%s", w)
	require.Equal(t, logHTTP, logWhole, "%s", w)
}

// fakeHandler is newHandler's handler (handler_test.go), with logf.
func fakeHandler(logf func(string, ...any)) *httpapi.Handler {
	return httpapi.New(fake{}, httpapi.Options{
		AllowedOrigins: []string{"https://ok.example"},
		MaxBodyBytes:   64,
		MaxUploadBytes: 1000,
		Schemas:        []httpapi.Schema{fakeSchema},
		Logf:           logf,
		Debug:          true,
	})
}

// bridgeHandler serves the real bridge, as the Worker does, with CORS for
// every origin or for one, and a body limit some examples pass.
func bridgeHandler(origins ...string) func(func(string, ...any)) *httpapi.Handler {
	return func(logf func(string, ...any)) *httpapi.Handler {
		return httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas(), AllowedOrigins: origins, MaxBodyBytes: 2000, Logf: logf})
	}
}

// headerOf builds the header fields of a request.
func headerOf(contentType, accept, origin string) [][2]string {
	var h [][2]string
	for _, f := range [][2]string{{"content-type", contentType}, {"accept", accept}, {"origin", origin}} {
		if f[1] != "" {
			h = append(h, f)
		}
	}
	return h
}

func TestServeMatchesServeHTTPOnTheCases(t *testing.T) {
	for _, tc := range cases {
		requireSameAnswer(t, fakeHandler, whole{tc.method, tc.path, headerOf(tc.contentType, tc.accept, tc.origin), tc.body})
	}
	for _, w := range []whole{
		{"GET", "https://sujuva.example/api/v1/?x=1#f", nil, ""},
		{"GET", "/api/v1/schemas/team%2Ejson", [][2]string{{"Origin", "https://ok.example"}, {"origin", "https://evil.example"}}, ""},
		{"", "/api/v1/", nil, ""},
		{"get", "/api/v1/", nil, ""},
		{"PO ST", "/api/v1/", nil, ""},
		{"POST", "http://[::1", nil, ""},
		{"GET", "http://[::1]:80/api/v1/", nil, ""},
		{"GET", "http://h:8x/api/v1/", nil, ""},
		{"GET", "http://u@h/api/v1/", nil, ""},
		{"GET", "http://h%41/api/v1/", nil, ""},
		{"GET", "http://h:1:2/api/v1/", nil, ""},
		{"GET", "http:///api/v1/", nil, ""},
		{"GET", "http://h", nil, ""},
		{"GET", "HTTP://h/api/v1/", nil, ""},
		{"GET", "//h/api/v1/", nil, ""},
		{"GET", "/api/v1/?a=%zz", nil, ""},
		{"GET", "/api/v1/?a=b#c%zz", nil, ""},
		{"GET", "/api/v1/\x7f", nil, ""},
		{"GET", "/api/v1/é?x=é", nil, ""},
		{"GET", "api/v1/", nil, ""},
		{"GET", "*", nil, ""},
		{"POST", "/api/v1/team.validate", [][2]string{{"CONTENT-TYPE", "application/json"}, {"Content-Type", "text/csv"}}, `{"members":[]}`},
		{"POST", "/api/v1/team.validate", [][2]string{{"content-type", "application/json;;"}}, `{"members":[]}`},
		{"POST", "/api/v1/eventlog.analyze", [][2]string{{"content-type", "text/csv"}}, ""},
		{"OPTIONS", "/api/v1/nope", [][2]string{{"origin", "https://ok.example"}}, ""},
		{"HEAD", "/api/v1/openapi.json", [][2]string{{"origin", "https://ok.example"}}, ""},
	} {
		requireSameAnswer(t, fakeHandler, w)
	}
}

// openAPIRequests returns a request for every example of openapi.json, as
// documented, and with random Accept, Content-Type and Origin variants;
// and GET, HEAD, OPTIONS and DELETE of every documented path.
func openAPIRequests(t testing.TB, r *rand.Rand) []whole {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(httpapi.OpenAPI(), &doc))
	types := []string{"application/json", "application/json; charset=utf-8", "Application/JSON", "application/json; charset", "text/plain", "text/csv", ""}
	accepts := []string{"", "application/json", "image/svg+xml", "image/svg+xml;q=0.5, application/json", "*/*", "text/html", "image/*;q=0.9, */*;q=0.1"}
	origins := []string{"", "https://ok.example", "https://evil.example"}
	var out []whole
	for _, path := range slices.Sorted(maps.Keys(doc.Paths)) {
		for _, m := range []string{"GET", "HEAD", "OPTIONS", "DELETE"} {
			out = append(out, whole{m, path, headerOf("", "", origins[r.IntN(len(origins))]), ""})
		}
		post, ok := doc.Paths[path]["post"].(map[string]any)
		if !ok {
			continue
		}
		for mediaType, media := range post["requestBody"].(map[string]any)["content"].(map[string]any) {
			for _, e := range examplesOf(t, media.(map[string]any), mediaType) {
				out = append(out, whole{"POST", path, headerOf(mediaType, "", ""), string(e.body)})
				for range 4 {
					out = append(out, whole{"POST", "https://sujuva.example" + path + "?q=1", headerOf(types[r.IntN(len(types))], accepts[r.IntN(len(accepts))], origins[r.IntN(len(origins))]), string(e.body)})
				}
			}
		}
	}
	for _, s := range httpapi.PublishedSchemas() {
		out = append(out, whole{"GET", httpapi.Prefix + httpapi.SchemaPath(s.ID), nil, ""}, whole{"HEAD", httpapi.Prefix + httpapi.SchemaPath(s.ID), nil, ""})
	}
	return out
}

func TestServeMatchesServeHTTPOnTheExamples(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 23))
	reqs := openAPIRequests(t, r)
	require.Greater(t, len(reqs), 100)
	for i, w := range reqs {
		requireSameAnswer(t, [](func(func(string, ...any)) *httpapi.Handler){bridgeHandler(), bridgeHandler("*"), bridgeHandler("https://ok.example")}[i%3], w)
	}
}

func FuzzServeMatchesServeHTTP(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.method, tc.path, tc.contentType, tc.accept, tc.origin, tc.body)
	}
	f.Add("POST", "/api/v1/team.validate", "application/json", "", "https://ok.example", `{"team":{"name":"x","members":[{"id":"a","role":"chief"}]}}`)
	f.Fuzz(func(t *testing.T, method, target, contentType, accept, origin, body string) {
		if u, err := url.Parse(target); err == nil && strings.Contains(u.Path, "crash") {
			return // the debug route that ends the process
		}
		w := whole{method, target, headerOf(contentType, accept, origin), body}
		requireSameAnswer(t, fakeHandler, w)
		requireSameAnswer(t, bridgeHandler("*"), w)
	})
}

// recorder is a Request.Header that records the names asked for.
type recorder struct {
	fields
	read map[string]bool
}

func (r recorder) Get(name string) string {
	r.read[name] = true
	return r.fields.Get(name)
}

// TestRequestHeaders: the handler reads no header field RequestHeaders
// does not name (the Worker passes it no other), over the requests of the
// tests above.
func TestRequestHeaders(t *testing.T) {
	reqs := openAPIRequests(t, rand.New(rand.NewPCG(24, 25)))
	for _, tc := range cases {
		reqs = append(reqs, whole{tc.method, tc.path, headerOf(tc.contentType, tc.accept, tc.origin), tc.body})
	}
	read := map[string]bool{}
	for _, newH := range []func(func(string, ...any)) *httpapi.Handler{fakeHandler, bridgeHandler("https://ok.example")} {
		h := newH(func(string, ...any) {})
		for _, w := range reqs {
			h.Serve(context.Background(), httpapi.Request{Method: w.method, Target: w.target, Header: recorder{fields(w.header), read}, Body: []byte(w.body)})
		}
	}
	require.Len(t, read, len(httpapi.RequestHeaders()), "read: %v", read)
	for name := range read {
		require.Contains(t, httpapi.RequestHeaders(), name)
	}
}
