package site_test

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/wasm/browser/site"
)

// served are the files the server adds beside the static ones.
var served = map[string]bool{"sujuva.wasm": true, "wasm_exec.js": true, "demo.json": true}

var refs = regexp.MustCompile(`(?:src|href)="([^":#]+)"|from '\./([^']+)'|new Worker\('([^']+)'\)|importScripts\('([^']+)'\)|fetch\('([^']+)'\)`)

func TestEveryReferenceResolves(t *testing.T) {
	fsys := site.FS()
	for _, name := range []string{"index.html", "app.js", "i18n.js", "worker.js", "style.css", "accessibility.html"} {
		b, err := fs.ReadFile(fsys, name)
		require.NoError(t, err, name)
		for _, m := range refs.FindAllStringSubmatch(string(b), -1) {
			for _, ref := range m[1:] {
				if ref == "" || served[ref] {
					continue
				}
				_, err := fs.Stat(fsys, ref)
				assert.NoError(t, err, "%s refers to %s", name, ref)
			}
		}
	}
}

// No text reaches the page as HTML: the page's scripts never use the
// properties and calls that parse markup.
func TestNoHTMLParsing(t *testing.T) {
	sinks := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function`)
	for _, name := range []string{"app.js", "i18n.js", "worker.js"} {
		b, err := fs.ReadFile(site.FS(), name)
		require.NoError(t, err)
		assert.Empty(t, sinks.FindAllString(string(b), -1), name)
	}
}
