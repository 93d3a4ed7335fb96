package httpapi_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/wasm/httpapi"
)

// wireRequest writes w in the glue's wire form (see Handler.ServeWire).
func wireRequest(w whole) []byte {
	var b bytes.Buffer
	b.WriteString(w.method + " " + w.target + "\n")
	for _, f := range w.header {
		b.WriteString(f[0] + ": " + f[1] + "\n")
	}
	b.WriteString("\n" + w.body)
	return b.Bytes()
}

// readWire reads an answer in the wire form.
func readWire(t testing.TB, out []byte) httpapi.Answer {
	t.Helper()
	head, body, ok := bytes.Cut(out, []byte("\n\n"))
	require.True(t, ok, "%q", out)
	lines := strings.Split(string(head), "\n")
	status, err := strconv.Atoi(lines[0])
	require.NoError(t, err, "%q", out)
	a := httpapi.Answer{Status: status, Body: body}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(l, ": ")
		require.True(t, ok, "%q", l)
		a.Header = append(a.Header, httpapi.Field{Name: name, Value: value})
	}
	if len(a.Body) == 0 {
		a.Body = nil
	}
	return a
}

// wireable reports whether w can be written in the wire form: a method
// without spaces, and a target and fields without line breaks (workerd
// hands none other over).
func wireable(w whole) bool {
	if strings.ContainsAny(w.method, " \n") || w.method == "" || strings.Contains(w.target, "\n") {
		return false
	}
	for _, f := range w.header {
		if strings.ContainsAny(f[0], "\n:") || strings.Contains(f[1], "\n") || f[0] == "" {
			return false
		}
	}
	return true
}

// TestServeWireMatchesServe: the wire form gives Serve's answer, for the
// handler's table and the OpenAPI examples with their variants.
func TestServeWireMatchesServe(t *testing.T) {
	reqs := openAPIRequests(t, rand.New(rand.NewPCG(26, 27)))
	for _, tc := range cases {
		reqs = append(reqs, whole{tc.method, tc.path, headerOf(tc.contentType, tc.accept, tc.origin), tc.body})
	}
	reqs = append(reqs,
		whole{"POST", "/api/v1/team.validate", [][2]string{{"CONTENT-TYPE", "application/json"}, {"Content-Type", "text/csv"}}, `{"team":{}}`},
		whole{"POST", "/api/v1/team.validate", [][2]string{{"x-other", "a: b"}, {"content-type", "application/json"}, {"accept", "application/json;q=0.5, */*;q=0.1"}}, `{"team":{}}`},
		whole{"GET", "/api/v1/openapi.json", [][2]string{{"origin", "https://ok.example"}, {"Origin", "https://evil.example"}}, ""})
	n := 0
	for i, w := range reqs {
		if !wireable(w) {
			continue
		}
		n++
		newH := []func(func(string, ...any)) *httpapi.Handler{fakeHandler, bridgeHandler("https://ok.example")}[i%2]
		want := newH(func(string, ...any) {}).Serve(context.Background(), httpapi.Request{Method: w.method, Target: w.target, Header: fields(w.header), Body: []byte(w.body)})
		if len(want.Body) == 0 {
			want.Body = nil
		}
		got := readWire(t, newH(func(string, ...any) {}).ServeWire(wireRequest(w), nil))
		require.Equal(t, want, got, "%s", w)
	}
	require.Greater(t, n, 100)
}

// TestServeWireHeader: the wire form's fields are read as http.Header's Get
// reads them: the first of a name, without regard to case.
func TestServeWireHeader(t *testing.T) {
	h := httpapi.New(echo{}, httpapi.Options{AllowedOrigins: []string{"*"}})
	for _, lines := range [][][2]string{
		{{"content-type", "application/json"}, {"accept", "application/json"}, {"origin", "https://a.example"}},
		{{"Content-Type", "application/json"}, {"CONTENT-TYPE", "text/csv"}},
		{{"cOnTeNt-TyPe", "application/json"}, {"Origin", ""}, {"origin", "https://b.example"}},
		{{"accept", "image/svg+xml"}, {"content-type", "application/json"}},
		{{"content-type", "application/json"}, {"x-accept", "nothing"}, {"Origin", "https://c.example"}},
	} {
		w := whole{"POST", "/api/v1/echo", lines, `{}`}
		want := http.Header{}
		for _, f := range lines {
			want.Add(f[0], f[1])
		}
		got := readWire(t, h.ServeWire(wireRequest(w), nil))
		wantStatus := http.StatusOK
		switch {
		case want.Get("Content-Type") != "application/json":
			wantStatus = http.StatusUnsupportedMediaType
		case want.Get("Accept") == "image/svg+xml":
			wantStatus = http.StatusNotAcceptable
		}
		require.Equal(t, wantStatus, got.Status, "%q", lines)
		var origin string
		for _, f := range got.Header {
			if f.Name == "Access-Control-Allow-Origin" {
				origin = f.Value
			}
		}
		if want.Get("Origin") != "" {
			require.Equal(t, "*", origin, "%q", lines)
		} else {
			require.Empty(t, origin, "%q", lines)
		}
	}
}

// echo is a backend of one operation that answers its input.
type echo struct{}

func (echo) Ops() []string { return []string{"echo"} }
func (echo) Do(_ context.Context, _ string, in []byte) ([]byte, error) {
	return in, nil
}

// FuzzServeWire: any bytes are answered in the wire form, never a panic.
func FuzzServeWire(f *testing.F) {
	for _, tc := range cases {
		f.Add(wireRequest(whole{tc.method, tc.path, headerOf(tc.contentType, tc.accept, tc.origin), tc.body}))
	}
	f.Add([]byte("POST /api/v1/team.validate\n\n"))
	f.Add([]byte(""))
	h := httpapi.New(echo{}, httpapi.Options{AllowedOrigins: []string{"*"}})
	f.Fuzz(func(t *testing.T, in []byte) {
		readWire(t, h.ServeWire(in, nil))
	})
}
