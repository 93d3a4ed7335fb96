# The Cloudflare Worker (wasm/worker): build it, and test it on real workerd.
#   make worker       build wasm/worker/build/ (workers-assets-gen first: it deletes build/)
#   make test-worker  the built Worker on local workerd: endpoints, errors, restart, load
#   make bench-worker size and speed against the ajv Worker in ../shared/bench/worker, one run
#   make profile-worker where each request's CPU goes on workerd, both Workers (Linux perf)

WORKER_DIR       := wasm/worker
WORKER_NODE      := $(WORKER_DIR)/node_modules/.package-lock.json
WORKER_STATIC    ?= wasm/browser/site/static
WORKER_LOAD_N    ?= 10000
WORKER_LOAD_CONC ?= 32
WORKER_MAX_GZIP  ?= 3145728

.PHONY: worker test-worker bench-worker profile-worker
SUITES += test-worker
# The handler runs as js/wasm in the Worker: its tests (the wire form, Serve
# against ServeHTTP) run there too.
WASM_TEST_PKGS += ./wasm/httpapi/...

$(WORKER_NODE): $(WORKER_DIR)/package.json $(WORKER_DIR)/package-lock.json
	cd $(WORKER_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The static assets are the worksheet itself (its files, its wasm and Go's
# wasm_exec.js), without examples/worksheet's demo team: a deployed
# worksheet starts empty. The Worker's gzipped wasm must stay within the
# Free plan's 3 MB.
worker: $(WORKER_NODE)
	cd $(WORKER_DIR) && $(GO) tool workers-assets-gen -mode=go -o build
	cp $(WORKER_DIR)/glue/worker.mjs $(WORKER_DIR)/build/worker.mjs
	cd $(WORKER_DIR) && GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o build/app.wasm .
	mkdir -p $(WORKER_DIR)/build/public
	cp -R $(WORKER_STATIC)/. $(WORKER_DIR)/build/public/
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WORKER_DIR)/build/public/sujuva.wasm ./wasm/browser
	cp $(GOROOT)/lib/wasm/wasm_exec.js $(WORKER_DIR)/build/public/
	@raw=$$(stat -c %s $(WORKER_DIR)/build/app.wasm); gz=$$(gzip -9c $(WORKER_DIR)/build/app.wasm | wc -c); \
	echo "worker: app.wasm $$raw bytes, $$gz gzipped (limit $(WORKER_MAX_GZIP))"; \
	[ $$gz -le $(WORKER_MAX_GZIP) ] || { echo "worker: over the size limit" >&2; exit 1; }

test-worker: worker
	bash $(WORKER_DIR)/test/run.sh $(WORKER_LOAD_N) $(WORKER_LOAD_CONC)

bench-worker: worker
	bash $(WORKER_DIR)/test/bench.sh

profile-worker: worker
	GO=$(GO) bash $(WORKER_DIR)/test/profile.sh
