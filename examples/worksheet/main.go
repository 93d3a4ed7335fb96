// Command worksheet serves the Sujuva browser worksheet on this machine.
//
// It builds the WebAssembly main (wasm/browser) with the go command into a
// temporary directory, copies wasm_exec.js from the Go distribution beside it,
// and serves both with the worksheet's static files, a demo team (the
// advisory-service intake process of seed 003) and the HTTP API of the same
// operations under /api/v1/. Everything runs in the browser: the server stores
// nothing.
//
//	go run ./examples/worksheet                 # http://127.0.0.1:8080/
//	go run ./examples/worksheet -addr :9090     # another address
//	go run ./examples/worksheet -wasm x.wasm    # a prebuilt wasm, no build
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/sujuva/sujuva/wasm/bridge"
	"github.com/sujuva/sujuva/wasm/browser/site"
	"github.com/sujuva/sujuva/wasm/httpapi"
)

//go:embed demo.json
var demo []byte

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	prebuilt := flag.String("wasm", "", "path of a prebuilt sujuva.wasm (skips the build)")
	noDemo := flag.Bool("no-demo", false, "serve no demo team: the page starts empty")
	flag.Parse()
	if err := run(*addr, *prebuilt, !*noDemo); err != nil {
		log.Fatal(err)
	}
}

func run(addr, prebuilt string, withDemo bool) error {
	dir, err := os.MkdirTemp("", "sujuva-worksheet-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	wasmPath := prebuilt
	if wasmPath == "" {
		wasmPath = filepath.Join(dir, "sujuva.wasm")
		log.Printf("building the wasm (GOOS=js GOARCH=wasm go build)…")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasmPath, "github.com/sujuva/sujuva/wasm/browser")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building the wasm: %w", err)
		}
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	execJS := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(execJS); err != nil {
		execJS = filepath.Join(strings.TrimSpace(string(goroot)), "misc", "wasm", "wasm_exec.js") // before Go 1.24
	}
	js, err := os.ReadFile(execJS)
	if err != nil {
		return fmt.Errorf("wasm_exec.js: %w", err)
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}

	mux := http.NewServeMux()
	// The schemas are served at /api/v1/schemas/, the paths of their $ids.
	mux.Handle(httpapi.Prefix, httpapi.New(bridge.New(), httpapi.Options{Schemas: httpapi.PublishedSchemas()}))
	mux.HandleFunc("/sujuva.wasm", serveBytes("application/wasm", wasm))
	mux.HandleFunc("/wasm_exec.js", serveBytes("text/javascript; charset=utf-8", js))
	if withDemo {
		mux.HandleFunc("/demo.json", serveBytes("application/json", demo))
	}
	mux.Handle("/", http.FileServerFS(site.FS()))

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: noStore(mux), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("Sujuva worksheet: http://%s/\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func serveBytes(ctype string, b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(string(b)))
	}
}

// noStore keeps the browser from caching an old build while the team
// updates; the page is small and served from this machine.
func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:")
		h.ServeHTTP(w, r)
	})
}
