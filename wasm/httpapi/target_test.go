package httpapi

import (
	"net/url"
	"testing"
)

// targets are request targets around targetPath's shortcut: schemes,
// hosts, ports, escapes, queries and fragments it must leave to url.Parse.
var targets = []string{"/api/v1/team.validate", "http://127.0.0.1:8787/api/v1/team.validate", "https://sujuva.example/api/v1/?q=1",
	"http://h", "http:///x", "http://h:/x", "http://h:8x/x", "http://h:1:2/x", "http://u@h/x", "http://[::1]:80/x", "http://h%41/x",
	"HTTP://h/x", "//h/x", "/x?a=%zz", "/x?a#b", "/x#%zz", "/x%2F", "/x\x7f", "/é?é", "x", "*", "", "http://h/x?\x00"}

func TestTargetPathMatchesURLParse(t *testing.T) {
	for _, target := range targets {
		requireTargetPath(t, target)
	}
}

func FuzzTargetPath(f *testing.F) {
	for _, target := range targets {
		f.Add(target)
	}
	f.Fuzz(requireTargetPath)
}

func requireTargetPath(t *testing.T, target string) {
	path, ok := targetPath(target)
	u, err := url.Parse(target)
	if ok != (err == nil) || ok && path != u.Path {
		t.Fatalf("targetPath(%q) = %q, %v; url.Parse: %v, %v", target, path, ok, u, err)
	}
}
