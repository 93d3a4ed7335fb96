package archtest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const module = "github.com/sujuva/sujuva"

// pkg is the part of `go list -json` this test reads.
type pkg struct {
	ImportPath string
	Dir        string
	Name       string
	GoFiles    []string
	Imports    []string
	Deps       []string
}

// layers gives, for each layer of the module (by path prefix below the
// module), the module packages it may depend on, directly or not. The
// first matching prefix wins.
var layers = []struct {
	prefix  string
	mayUse  []string
	domain  bool     // pure: no I/O, no clock, no global randomness
	mayLink []string // non-stdlib modules it may import directly
}{
	{prefix: "model", domain: true, mayLink: []string{"github.com/go-playground/validator/v10"}},
	{prefix: "pdsa", domain: true, mayUse: []string{"model"}},
	{prefix: "valuestream", domain: true, mayUse: []string{"model"}},
	{prefix: "metrics", domain: true, mayUse: []string{"model"}},
	{prefix: "export", domain: true, mayUse: []string{"model", "pdsa", "valuestream", "metrics", "export"},
		mayLink: []string{"github.com/santhosh-tekuri/jsonschema/v5"}},
	{prefix: "wasm", mayUse: []string{"model", "pdsa", "valuestream", "metrics", "export", "wasm"},
		mayLink: []string{"*"}},
	{prefix: "examples", mayUse: []string{"model", "pdsa", "valuestream", "metrics", "export", "wasm", "internal"},
		mayLink: []string{"*"}},
	{prefix: "internal", mayUse: []string{"*"}, mayLink: []string{"*"}},
}

// impure lists the standard packages a domain package must not import:
// files, the network, processes, printing to the console and the global
// random source belong to the caller.
var impure = []string{"os", "os/exec", "os/signal", "net", "net/http", "log", "log/slog", "syscall", "syscall/js", "math/rand", "io/ioutil"}

// workers is the Worker runtime binding; like syscall/js (which the standard
// library itself uses on js/wasm, so only direct imports count), only a wasm
// main may use it.
const workers = "github.com/syumai/workers"

// hostOnly are modules no js/wasm build may link: validator/v10 alone is
// about 1.5 MB of the browser's and the Worker's gzipped wasm, and model
// applies its rules with its own tag engine there (model/validate_tags.go).
var hostOnly = []string{"github.com/go-playground/validator/v10"}

func isWasmMain(rel string, p pkg) bool { return strings.HasPrefix(rel, "wasm/") && p.Name == "main" }

var clockCall = regexp.MustCompile(`\btime\.(Now|Since|Until)\(`)

func TestImports(t *testing.T) {
	for _, target := range []struct{ name, goos, goarch string }{
		{"host", "", ""},
		{"js-wasm", "js", "wasm"},
	} {
		t.Run(target.name, func(t *testing.T) {
			pkgs := list(t, target.goos, target.goarch)
			require.NotEmpty(t, pkgs)
			for _, p := range pkgs {
				checkPackage(t, p)
				if target.goos == "js" {
					for _, dep := range p.Deps {
						if allowed(hostOnly, dep) {
							t.Errorf("%s links %s in js/wasm", p.ImportPath, dep)
						}
					}
				}
			}
		})
	}
}

// pathOf is the import path of a package id of go list: a profile-guided
// build (wasm/browser/default.pgo) compiles the main's dependencies anew
// for it, and lists them as "path [main]".
func pathOf(id string) string {
	path, _, _ := strings.Cut(id, " [")
	return path
}

func list(t *testing.T, goos, goarch string) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps=false", "-json", module+"/...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = os.Environ()
	if goos != "" {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH="+goarch)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else {
			require.NoError(t, err)
		}
		p.ImportPath = pathOf(p.ImportPath)
		for i := range p.Deps {
			p.Deps[i] = pathOf(p.Deps[i])
		}
		for i := range p.Imports {
			p.Imports[i] = pathOf(p.Imports[i])
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func checkPackage(t *testing.T, p pkg) {
	rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
	if rel == "" {
		return
	}
	layer := -1
	for i, l := range layers {
		if rel == l.prefix || strings.HasPrefix(rel, l.prefix+"/") {
			layer = i
			break
		}
	}
	if layer < 0 {
		t.Errorf("%s: not in any layer of STYLE.md", rel)
		return
	}
	l := layers[layer]
	for _, dep := range p.Deps {
		if strings.HasPrefix(dep, module+"/") {
			d := strings.TrimPrefix(dep, module+"/")
			if strings.HasPrefix(d, "examples") {
				t.Errorf("%s depends on %s: nothing imports examples", rel, d)
			}
			if !allowed(l.mayUse, d) && !sameTree(rel, d, l.prefix) {
				t.Errorf("%s depends on %s, which its layer may not use", rel, d)
			}
		}
		if (dep == workers || strings.HasPrefix(dep, workers+"/")) && !isWasmMain(rel, p) {
			t.Errorf("%s depends on %s, which only a wasm main may import", rel, dep)
		}
	}
	for _, imp := range p.Imports {
		if imp == "syscall/js" && !isWasmMain(rel, p) {
			t.Errorf("%s imports syscall/js, which only a wasm main may import", rel)
		}
		if isStd(imp) {
			if l.domain && contains(impure, imp) {
				t.Errorf("%s imports %s: domain packages are pure", rel, imp)
			}
			continue
		}
		if strings.HasPrefix(imp, module+"/") {
			continue
		}
		if !allowed(l.mayLink, imp) {
			t.Errorf("%s imports %s, which its layer may not import", rel, imp)
		}
	}
	if l.domain {
		for _, f := range p.GoFiles {
			checkNoClock(t, filepath.Join(p.Dir, f), rel)
		}
	}
}

func checkNoClock(t *testing.T, path, rel string) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		if clockCall.MatchString(line) {
			t.Errorf("%s:%d reads the clock; domain packages take now from the caller", filepath.Join(rel, filepath.Base(path)), n)
		}
	}
	require.NoError(t, sc.Err())
}

func allowed(list []string, path string) bool {
	for _, a := range list {
		if a == "*" || path == a || strings.HasPrefix(path, a+"/") {
			return true
		}
	}
	return false
}

// sameTree reports whether d lies in the same top-level tree as rel, as
// export/svg does under export.
func sameTree(rel, d, prefix string) bool {
	return d == prefix || strings.HasPrefix(d, prefix+"/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isStd reports whether an import path belongs to the standard library: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
