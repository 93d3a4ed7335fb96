package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

// fake is a backend with one operation of every kind the handler treats
// differently.
type fake struct{}

func (fake) Ops() []string {
	return []string{"team.validate", "chart.run", "chart.run.svg", "eventlog.analyze", "boom"}
}

func (fake) Do(_ context.Context, op string, in []byte) ([]byte, error) {
	switch op {
	case "boom":
		panic("backend bug")
	case "chart.run.svg":
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), nil
	}
	var v map[string]any
	if err := json.Unmarshal(in, &v); err != nil {
		return nil, err
	}
	if v["members"] == nil {
		return nil, model.Findings{model.NewError("/members", model.CodeRequired)}
	}
	return []byte(`{"valid":true}`), nil
}

func (fake) StreamOps() map[string]string { return map[string]string{"eventlog.analyze": "text/csv"} }

func (fake) DoStream(_ context.Context, _ string, r io.Reader) ([]byte, error) {
	n, err := io.Copy(io.Discard, r)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, `{"bytes":%d}`, n), nil
}

var fakeSchema = httpapi.Schema{ID: "https://sujuva.example/api/v1/schemas/team.json", JSON: []byte(`{"$id":"https://sujuva.example/api/v1/schemas/team.json"}`)}

func newHandler(logs *[]string) http.Handler {
	return httpapi.New(fake{}, httpapi.Options{
		AllowedOrigins: []string{"https://ok.example"},
		MaxBodyBytes:   64,
		MaxUploadBytes: 1000,
		Schemas:        []httpapi.Schema{fakeSchema},
		Logf:           func(f string, a ...any) { *logs = append(*logs, fmt.Sprintf(f, a...)) },
		Debug:          true,
	})
}

// cases covers every route and every error class.
var cases = []struct {
	name, method, path, contentType, accept, origin, body string
	wantStatus                                            int
	wantType                                              string
	wantKind                                              string // error kind, for error answers
	wantBody                                              string // substring
	wantHeader                                            map[string]string
}{
	{name: "index", method: "GET", path: "/api/v1/", wantStatus: 200, wantType: "application/json", wantBody: `"team.validate"`},
	{name: "index without slash", method: "GET", path: "/api/v1", wantStatus: 404, wantKind: httpapi.KindNotFound},
	{name: "openapi", method: "GET", path: "/api/v1/openapi.json", wantStatus: 200, wantType: "application/json", wantBody: `"openapi"`},
	{name: "schema at its id", method: "GET", path: "/api/v1/schemas/team.json", wantStatus: 200, wantType: "application/schema+json", wantBody: fakeSchema.ID},
	{name: "head schema", method: "HEAD", path: "/api/v1/schemas/team.json", wantStatus: 200, wantType: "application/schema+json"},
	{name: "valid", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", body: `{"members":[]}`, wantStatus: 200, wantType: "application/json", wantBody: `{"valid":true}`},
	{name: "json with charset", method: "POST", path: "/api/v1/team.validate", contentType: "application/json; charset=utf-8", body: `{"members":[]}`, wantStatus: 200},
	{name: "findings", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", body: `{}`, wantStatus: 400, wantKind: httpapi.KindInvalid, wantBody: `"path":"/members"`},
	{name: "malformed json", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", body: `{"members":`, wantStatus: 400, wantKind: httpapi.KindBadRequest},
	{name: "json type", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", body: `[1]`, wantStatus: 400, wantKind: httpapi.KindBadRequest, wantBody: `"json.type"`},
	{name: "too large", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", body: `{"members":"` + strings.Repeat("x", 100) + `"}`, wantStatus: 413, wantKind: httpapi.KindTooLarge},
	{name: "no content type", method: "POST", path: "/api/v1/team.validate", body: `{}`, wantStatus: 415, wantKind: httpapi.KindUnsupportedMedia},
	{name: "wrong content type", method: "POST", path: "/api/v1/team.validate", contentType: "text/plain", body: `{}`, wantStatus: 415, wantKind: httpapi.KindUnsupportedMedia},
	{name: "unknown op", method: "POST", path: "/api/v1/nope", contentType: "application/json", body: `{}`, wantStatus: 404, wantKind: httpapi.KindNotFound},
	{name: "outside prefix", method: "GET", path: "/elsewhere", wantStatus: 404, wantKind: httpapi.KindNotFound},
	{name: "GET an op", method: "GET", path: "/api/v1/team.validate", wantStatus: 405, wantKind: httpapi.KindMethod, wantHeader: map[string]string{"Allow": "POST, OPTIONS"}},
	{name: "POST the index", method: "POST", path: "/api/v1/", contentType: "application/json", body: `{}`, wantStatus: 405, wantKind: httpapi.KindMethod, wantHeader: map[string]string{"Allow": "GET, HEAD, OPTIONS"}},
	{name: "DELETE a schema", method: "DELETE", path: "/api/v1/schemas/team.json", wantStatus: 405, wantKind: httpapi.KindMethod},
	// A part of an allowed method's name is not that method (found in review).
	{name: "ST an op", method: "ST", path: "/api/v1/team.validate", contentType: "application/json", body: `{"team": {}}`, wantStatus: 405, wantKind: httpapi.KindMethod},
	{name: "ET the OpenAPI document", method: "ET", path: "/api/v1/openapi.json", wantStatus: 405, wantKind: httpapi.KindMethod},
	{name: "E the index", method: "E", path: "/api/v1/", wantStatus: 405, wantKind: httpapi.KindMethod},
	{name: "svg by accept", method: "POST", path: "/api/v1/chart.run", contentType: "application/json", accept: "image/svg+xml", body: `{"members":[]}`, wantStatus: 200, wantType: "image/svg+xml", wantBody: "<svg"},
	{name: "json preferred", method: "POST", path: "/api/v1/chart.run", contentType: "application/json", accept: "image/svg+xml;q=0.5, application/json", body: `{"members":[]}`, wantStatus: 200, wantType: "application/json"},
	{name: "not acceptable", method: "POST", path: "/api/v1/team.validate", contentType: "application/json", accept: "text/html", body: `{"members":[]}`, wantStatus: 406, wantKind: httpapi.KindNotAcceptable},
	{name: "csv streamed", method: "POST", path: "/api/v1/eventlog.analyze", contentType: "text/csv", body: "case,activity,time\n1,a,2024-01-01T00:00:00Z\n", wantStatus: 200, wantBody: `{"bytes":44}`},
	{name: "csv as json", method: "POST", path: "/api/v1/eventlog.analyze", contentType: "application/json", body: `{}`, wantStatus: 415, wantKind: httpapi.KindUnsupportedMedia},
	{name: "csv too large", method: "POST", path: "/api/v1/eventlog.analyze", contentType: "text/csv", body: strings.Repeat("1,a,b\n", 200), wantStatus: 413, wantKind: httpapi.KindTooLarge},
	{name: "panic recovered", method: "POST", path: "/api/v1/boom", contentType: "application/json", body: `{}`, wantStatus: 500, wantKind: httpapi.KindInternal},
	{name: "debug panic", method: "POST", path: "/api/v1/_debug/panic", wantStatus: 500, wantKind: httpapi.KindInternal},
	{name: "cors allowed", method: "GET", path: "/api/v1/", origin: "https://ok.example", wantStatus: 200, wantHeader: map[string]string{"Access-Control-Allow-Origin": "https://ok.example"}},
	{name: "cors refused", method: "GET", path: "/api/v1/", origin: "https://evil.example", wantStatus: 200, wantHeader: map[string]string{"Access-Control-Allow-Origin": ""}},
	{name: "preflight", method: "OPTIONS", path: "/api/v1/team.validate", origin: "https://ok.example", wantStatus: 204, wantHeader: map[string]string{"Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Allow": "POST, OPTIONS"}},
}

func TestHandler(t *testing.T) {
	var logs []string
	h := newHandler(&logs)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			req := httptest.NewRequest(tc.method, tc.path, body)
			if tc.body == "" {
				req.Body = nil // as syumai/workers gives it on GET
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			got := rec.Body.String()
			require.Equal(t, tc.wantStatus, res.StatusCode, got)
			assert.Equal(t, fmt.Sprint(len(got)), res.Header.Get("Content-Length"))
			if tc.wantType != "" {
				assert.Equal(t, tc.wantType, res.Header.Get("Content-Type"))
			}
			if tc.wantBody != "" {
				assert.Contains(t, got, tc.wantBody)
			}
			for k, v := range tc.wantHeader {
				assert.Equal(t, v, res.Header.Get(k), k)
			}
			if tc.wantKind != "" {
				var e struct {
					Error struct {
						Kind, Message string
						Findings      model.Findings
					}
				}
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e), got)
				assert.Equal(t, tc.wantKind, e.Error.Kind)
				assert.NotEmpty(t, e.Error.Message)
				assert.NotContains(t, got, "goroutine", "no stack trace out")
			}
		})
	}
	for _, l := range logs {
		assert.NotContains(t, l, "members", "request bodies are never logged")
		assert.NotContains(t, l, "case,activity", "request bodies are never logged")
	}
}

// A client that announces a huge body is refused before it is read.
func TestDeclaredLengthOverLimit(t *testing.T) {
	var logs []string
	req := httptest.NewRequest("POST", "/api/v1/team.validate", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = 1 << 30
	rec := httptest.NewRecorder()
	newHandler(&logs).ServeHTTP(rec, req)
	assert.Equal(t, 413, rec.Code)
}

func TestSchemaPath(t *testing.T) {
	for id, want := range map[string]string{
		"https://sujuva.example/api/v1/schemas/team.json": "schemas/team.json",
		"https://schemas.example/sujuva/worksheet.json#":  "schemas/worksheet.json",
		"https://x.example/api/v1/schemas/export/v1.json": "schemas/export/v1.json",
	} {
		assert.Equal(t, want, httpapi.SchemaPath(id), id)
	}
}

func TestDefaultClassify(t *testing.T) {
	p := httpapi.DefaultClassify(fmt.Errorf("op: %w", httpapi.ErrTooLarge))
	assert.Equal(t, 413, p.Status)
	p = httpapi.DefaultClassify(errors.New("disk on fire"))
	assert.Equal(t, 500, p.Status)
	assert.Equal(t, "internal error", p.Message, "the error text does not leak")
}

// Findings that only say the body is not JSON of the right shape are a bad
// request; any other finding makes the input invalid.
func TestDefaultClassifyFindings(t *testing.T) {
	syntax := model.Findings{model.NewError("", model.CodeJSONSyntax)}
	typ := model.Findings{model.NewError("/team/members", model.CodeJSONType)}
	rule := model.Findings{model.NewError("/team/name", model.CodeRequired)}
	for _, tc := range []struct {
		fs   model.Findings
		kind string
	}{{syntax, httpapi.KindBadRequest}, {typ, httpapi.KindBadRequest}, {append(typ, rule...), httpapi.KindInvalid}, {rule, httpapi.KindInvalid}} {
		p := httpapi.DefaultClassify(fmt.Errorf("wrapped: %w", tc.fs))
		assert.Equal(t, http.StatusBadRequest, p.Status)
		assert.Equal(t, tc.kind, p.Kind, "%v", tc.fs.Codes())
		assert.Equal(t, tc.fs, p.Findings)
	}
}

// TestServeHTTPKeepsAddedFields: a field the handler adds (Vary) joins the
// one a wrapper set before it, as fields the handler sets replace theirs
// (found in review: the replay once set every field).
func TestServeHTTPKeepsAddedFields(t *testing.T) {
	h := httpapi.New(fake{}, httpapi.Options{AllowedOrigins: []string{"https://ok.example"}})
	wrapped := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Content-Type", "text/plain")
		h.ServeHTTP(w, r)
	})
	req := httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil)
	req.Header.Set("Origin", "https://ok.example")
	rec := httptest.NewRecorder()
	wrapped.ServeHTTP(rec, req)
	assert.Equal(t, []string{"Accept-Encoding", "Origin"}, rec.Header().Values("Vary"))
	assert.Equal(t, []string{"application/json"}, rec.Header().Values("Content-Type"))
}
