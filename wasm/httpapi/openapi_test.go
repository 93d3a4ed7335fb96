package httpapi_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

const openAPIURL = "https://sujuva.test/openapi.json"

// spec checks real answers against the committed OpenAPI description.
type spec struct {
	doc      map[string]any
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	raw := httpapi.OpenAPI()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(raw, &doc))
	require.Equal(t, "3.1.0", doc["openapi"])
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(u string) (io.ReadCloser, error) { // no external loads
		return nil, errors.New("external load of " + u)
	}
	require.NoError(t, c.AddResource(openAPIURL, bytes.NewReader(raw)))
	// The document refers to the published schemas by their $ids, which
	// the API serves; they are compiled from the embedded copies.
	for _, s := range httpapi.PublishedSchemas() {
		require.NoError(t, c.AddResource(s.ID, bytes.NewReader(s.JSON)))
	}
	return &spec{doc: doc, compiler: c, schemas: map[string]*jsonschema.Schema{}}
}

func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// deref follows a local $ref ("#/components/responses/X") to its object
// and returns that object's JSON Pointer.
func (s *spec) deref(t *testing.T, v map[string]any, ptr string) (map[string]any, string) {
	ref, ok := v["$ref"].(string)
	if !ok {
		return v, ptr
	}
	ptr = strings.TrimPrefix(ref, "#")
	var cur any = s.doc
	for _, tok := range strings.Split(ptr, "/")[1:] {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		cur = cur.(map[string]any)[tok]
		require.NotNil(t, cur, "dangling $ref %s", ref)
	}
	return cur.(map[string]any), ptr
}

// check fails t unless the answer to method path is described: the path,
// the operation, the status and the media type are in the document and
// the body validates against the response's schema.
func (s *spec) check(t *testing.T, method, path string, res *http.Response, body []byte) {
	t.Helper()
	paths := s.doc["paths"].(map[string]any)
	tpl := ""
	for p := range paths {
		re := "^" + regexp.MustCompile(`\\\{[^}]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `.+`) + "$"
		if regexp.MustCompile(re).MatchString(path) && (tpl == "" || len(p) > len(tpl)) {
			tpl = p
		}
	}
	var resp map[string]any
	var ptr string
	m := strings.ToLower(method)
	if m == "head" {
		m = "get"
	}
	code := strconv.Itoa(res.StatusCode)
	if tpl == "" { // an undocumented path must have been refused
		require.Equal(t, http.StatusNotFound, res.StatusCode, "path %s is not in openapi.json", path)
		resp, ptr = s.deref(t, map[string]any{"$ref": "#/components/responses/NotFound"}, "")
	} else {
		opV, ok := paths[tpl].(map[string]any)[m]
		if !ok { // an undocumented method must have been refused
			require.Equal(t, http.StatusMethodNotAllowed, res.StatusCode, "%s %s undocumented", method, tpl)
			opV = firstOperation(paths[tpl].(map[string]any))
		}
		responses := opV.(map[string]any)["responses"].(map[string]any)
		rv, ok := responses[code]
		if !ok {
			rv, ok = responses["default"]
		}
		require.True(t, ok, "status %s of %s %s is not in openapi.json", code, method, tpl)
		resp, ptr = s.deref(t, rv.(map[string]any), "")
		if ptr == "" {
			ptr = "/paths/" + escapePointer(tpl) + "/" + m + "/responses/" + code
		}
	}
	if len(body) == 0 || method == http.MethodHead {
		return
	}
	mt, _, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
	require.NoError(t, err)
	content, _ := resp["content"].(map[string]any)
	media, ok := content[mt].(map[string]any)
	require.True(t, ok, "%s %s %s: media type %s is not in openapi.json", method, tpl, code, mt)
	if _, has := media["schema"]; !has || !strings.Contains(mt, "json") {
		return
	}
	s.validate(t, ptr+"/content/"+escapePointer(mt)+"/schema", body)
}

// validate fails t unless doc validates against the schema at ptr in the
// document.
func (s *spec) validate(t *testing.T, ptr string, doc []byte) {
	t.Helper()
	url := openAPIURL + "#" + ptr
	sch, ok := s.schemas[url]
	if !ok {
		var err error
		sch, err = s.compiler.Compile(url)
		require.NoError(t, err, url)
		s.schemas[url] = sch
	}
	var v any
	require.NoError(t, json.Unmarshal(doc, &v))
	require.NoError(t, sch.Validate(v), "%.300s does not match %s", doc, ptr)
}

func firstOperation(item map[string]any) any {
	for _, m := range []string{"get", "post", "put", "delete"} {
		if op, ok := item[m]; ok {
			return op
		}
	}
	return nil
}

var fakeOps = func() map[string]bool {
	m := map[string]bool{}
	for _, op := range (fake{}).Ops() {
		m[op] = true
	}
	return m
}()

// Every answer of the generic routes and every error class matches the
// document.
func TestOpenAPIGeneric(t *testing.T) {
	s := loadSpec(t)
	var logs []string
	h := newHandler(&logs)
	n := 0
	for _, tc := range cases {
		if fakeOps[strings.TrimPrefix(tc.path, "/api/v1/")] || strings.Contains(tc.path, "_debug") || tc.method == "OPTIONS" {
			continue // the fake backend's operations are not in the document
		}
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			s.check(t, tc.method, tc.path, rec.Result(), rec.Body.Bytes())
			n++
		})
	}
	require.GreaterOrEqual(t, n, 5)
}

// Every operation of the bridge is documented with examples, and every
// example, sent to the handler serving the real bridge, is answered with
// the status it names and a body that matches the document; the request of
// every example answered 200 matches the request schema too.
func TestOpenAPIOperations(t *testing.T) {
	s := loadSpec(t)
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()})
	paths := s.doc["paths"].(map[string]any)
	post := func(op string) map[string]any {
		item, _ := paths[httpapi.Prefix+op].(map[string]any)
		p, _ := item["post"].(map[string]any)
		return p
	}
	ops := bridge.New().Describe()
	documented := map[string]bool{}
	for _, op := range ops {
		if base, ok := strings.CutSuffix(op.Name, ".svg"); ok {
			// An SVG variant is its base operation answered as SVG.
			require.NotNil(t, post(base), "%s: no operation %s", op.Name, base)
			content := post(base)["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)
			svg, ok := content[op.Output].(map[string]any)
			require.True(t, ok, "%s: %s answers no %s in openapi.json", op.Name, base, op.Output)
			assert.Equal(t, op.Name, svg["x-operation"])
			continue
		}
		p := post(op.Name)
		require.NotNil(t, p, "%s is not in openapi.json", op.Name)
		documented[httpapi.Prefix+op.Name] = true
		assert.Equal(t, op.Summary, p["summary"], op.Name)
		content := p["requestBody"].(map[string]any)["content"].(map[string]any)
		require.Contains(t, content, op.Input, op.Name)
		byStatus := map[int]int{}
		for _, ex := range examplesOf(t, content[op.Input].(map[string]any), op.Input) {
			want, body := ex.status, ex.body
			byStatus[want]++
			t.Run(op.Name+"/"+ex.name, func(t *testing.T) {
				path := httpapi.Prefix + op.Name
				if want == http.StatusOK && op.Input == "application/json" {
					s.validate(t, "/paths/"+escapePointer(path)+"/post/requestBody/content/"+escapePointer(op.Input)+"/schema", body)
				}
				res, got := serve(h, path, op.Input, "", body)
				require.Equal(t, want, res.StatusCode, "%s", got)
				s.check(t, http.MethodPost, path, res, got)
				if want != http.StatusOK {
					return
				}
				for _, o := range ops {
					if o.Name != op.Name+".svg" {
						continue
					}
					res, got := serve(h, path, op.Input, o.Output, body)
					require.Equal(t, http.StatusOK, res.StatusCode, "%s", got)
					require.Equal(t, o.Output, res.Header.Get("Content-Type"))
					require.True(t, bytes.HasPrefix(got, []byte("<svg")), "%.80s", got)
					s.check(t, http.MethodPost, path, res, got)
				}
			})
		}
		assert.Positive(t, byStatus[http.StatusOK], "%s: no example answered 200", op.Name)
		if op.Name != "messages" { // messages reads nothing
			assert.Positive(t, byStatus[http.StatusBadRequest], "%s: no example answered 400", op.Name)
		}
	}
	for path, item := range paths {
		if _, ok := item.(map[string]any)["post"]; ok {
			assert.True(t, documented[path], "openapi.json documents %s, which the bridge does not serve", path)
		}
	}
	// The index and the schemas, served with the real backend, match too.
	for _, path := range []string{httpapi.Prefix, httpapi.Prefix + "openapi.json", httpapi.Prefix + "schemas/worksheet.json", httpapi.Prefix + "schemas/innokyla.json"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		require.Equal(t, http.StatusOK, rec.Code, path)
		s.check(t, http.MethodGet, path, rec.Result(), rec.Body.Bytes())
	}
}

// example is one request example of openapi.json: its body, and the
// status it is documented to get (x-status, 200 when absent).
type example struct {
	name   string
	body   []byte
	status int
}

// examplesOf returns the examples of one media type of a request body,
// by name: a CSV example's string as it is, any other value as JSON.
func examplesOf(tb testing.TB, media map[string]any, mediaType string) []example {
	tb.Helper()
	var out []example
	for name, v := range media["examples"].(map[string]any) {
		ex := v.(map[string]any)
		e := example{name: name, status: http.StatusOK}
		if st, ok := ex["x-status"].(float64); ok {
			e.status = int(st)
		}
		if str, ok := ex["value"].(string); ok && mediaType == "text/csv" {
			e.body = []byte(str)
		} else {
			var err error
			e.body, err = json.Marshal(ex["value"])
			require.NoError(tb, err)
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b example) int { return strings.Compare(a.name, b.name) })
	return out
}

// serve posts body to path on h.
func serve(h http.Handler, path, contentType, accept string, body []byte) (*http.Response, []byte) {
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.Bytes()
}
