//go:build js && wasm

// Command worker is Sujuva's Cloudflare Worker: the bridge's operations
// under /api/v1/ (wasm/httpapi), the JSON Schemas at the paths of their
// $ids, and the worksheet's static files. Wiring only: the handler is plain
// net/http, tested on the host; jsio.go passes bodies to and from JS whole.
//
// Two variables of wrangler.toml configure it: SUJUVA_CORS_ORIGINS, the
// origins a browser may call from (comma-separated, "*" for any, empty for
// no CORS), and SUJUVA_DIAGNOSTICS, which when "1" mounts the debug routes
// the Worker's tests use (never set it in production).
package main

import (
	"strings"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

func main() {
	var origins []string
	for o := range strings.SplitSeq(cloudflare.Getenv("SUJUVA_CORS_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	h := httpapi.New(bridge.New(), httpapi.Options{
		Schemas:        httpapi.PublishedSchemas(),
		AllowedOrigins: origins,
		Debug:          cloudflare.Getenv("SUJUVA_DIAGNOSTICS") == "1",
	})
	workers.ServeNonBlock(direct(h)) // bodies the glue streams
	served = h                       // every other request, synchronously (sujuva_serve)
	workers.Ready()
	select {} // keep the instance for the isolate's next requests
}
