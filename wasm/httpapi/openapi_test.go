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
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/require"

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
	url := openAPIURL + "#" + ptr + "/content/" + escapePointer(mt) + "/schema"
	sch, ok := s.schemas[url]
	if !ok {
		sch, err = s.compiler.Compile(url)
		require.NoError(t, err, url)
		s.schemas[url] = sch
	}
	var v any
	require.NoError(t, json.Unmarshal(body, &v))
	require.NoError(t, sch.Validate(v), "%s %s %s: body does not match openapi.json: %s", method, path, code, body)
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
