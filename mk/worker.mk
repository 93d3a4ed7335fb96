# The Cloudflare Worker (wasm/worker): build it, and test it on real workerd.
#   make worker       build wasm/worker/build/ (workers-assets-gen first: it deletes build/)
#   make test-worker  the built Worker on local workerd: endpoints, errors, restart, load
#   make bench-worker size and speed against the ajv Worker in ../shared/bench/worker, one run

WORKER_DIR       := wasm/worker
WORKER_NODE      := $(WORKER_DIR)/node_modules/.package-lock.json
WORKER_STATIC    ?= $(firstword $(wildcard wasm/worksheet/static wasm/web/static wasm/browser/static))
WORKER_LOAD_N    ?= 10000
WORKER_LOAD_CONC ?= 32
WORKER_MAX_GZIP  ?= 3145728

.PHONY: worker test-worker bench-worker
# SUITES += test-worker  (enabled once the Worker main is wired to the bridge)

$(WORKER_NODE): $(WORKER_DIR)/package.json $(WORKER_DIR)/package-lock.json
	cd $(WORKER_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

worker: $(WORKER_NODE)
	cd $(WORKER_DIR) && $(GO) tool workers-assets-gen -mode=go -o build
	cp $(WORKER_DIR)/glue/worker.mjs $(WORKER_DIR)/build/worker.mjs
	cd $(WORKER_DIR) && GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o build/app.wasm .
	mkdir -p $(WORKER_DIR)/build/public
	if [ -n "$(WORKER_STATIC)" ]; then cp -R $(WORKER_STATIC)/. $(WORKER_DIR)/build/public/; \
	else printf '<!doctype html><html lang="fi"><title>Sujuva</title><p>Sujuva API: <a href="/api/v1/">/api/v1/</a></p></html>\n' > $(WORKER_DIR)/build/public/index.html; fi
	@raw=$$(stat -c %s $(WORKER_DIR)/build/app.wasm); gz=$$(gzip -9c $(WORKER_DIR)/build/app.wasm | wc -c); \
	echo "worker: app.wasm $$raw bytes, $$gz gzipped (limit $(WORKER_MAX_GZIP))"

test-worker: worker
	bash $(WORKER_DIR)/test/run.sh $(WORKER_LOAD_N) $(WORKER_LOAD_CONC)

bench-worker: worker
	bash $(WORKER_DIR)/test/bench.sh
