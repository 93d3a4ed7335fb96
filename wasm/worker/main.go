//go:build js && wasm

// Command worker is Sujuva's Cloudflare Worker: the bridge's operations
// under /api/v1/ (wasm/httpapi), the JSON Schemas at the paths of their
// $ids, and the worksheet's static files. Wiring only: the handler is plain
// net/http, tested on the host; jsio.go passes bodies to and from JS whole.
package main

import (
	"github.com/syumai/workers"

	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

func main() {
	var schemas []httpapi.Schema
	for _, k := range schema.Kinds() {
		schemas = append(schemas, httpapi.Schema{ID: k.ID(), JSON: k.JSON()})
	}
	h := httpapi.New(bridge.New(), httpapi.Options{Schemas: schemas, AllowedOrigins: []string{"*"}})
	workers.ServeNonBlock(direct(h))
	workers.Ready()
	select {} // keep the instance for the isolate's next requests
}
