package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// FuzzHandler: whatever the method, path, headers and body, the answer is
// never a 500 (except the two routes that panic on purpose), always carries
// a correct Content-Length, and an error answer is the JSON error body.
func FuzzHandler(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.method, tc.path, tc.contentType, tc.accept, tc.body)
	}
	var logs []string
	h := newHandler(&logs)
	f.Fuzz(func(t *testing.T, method, path, contentType, accept, body string) {
		if !strings.HasPrefix(path, "/") {
			return
		}
		if _, err := http.NewRequest(method, path, nil); err != nil {
			return // not a request line a server would pass on
		}
		if strings.Contains(path, "boom") || strings.Contains(path, "_debug") {
			return
		}
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
		}
		if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(rec.Body.Len()) {
			t.Fatalf("Content-Length %s for %d bytes", got, rec.Body.Len())
		}
		if rec.Code >= 400 {
			var e struct{ Error struct{ Kind string } }
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Kind == "" {
				t.Fatalf("error answer is not the JSON error body: %s", rec.Body)
			}
		}
	})
}
