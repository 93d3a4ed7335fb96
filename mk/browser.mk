# The browser worksheet (wasm/browser): end-to-end tests in headless Chromium.
#   make test-browser   install chromium and axe-core when missing, then run the
#                       chromedp tests (build tag "browser"); screenshots of each
#                       tab and the budget figures go to artifacts/
#   make bench-browser  only the budget report (wasm gzip size, time to
#                       interactive, redraw after an edit)
#   make pgo-browser    regenerate wasm/browser/default.pgo

BROWSER_E2E  := wasm/browser/e2e
BROWSER_NODE := $(BROWSER_E2E)/node_modules/.package-lock.json

WASM_TEST_PKGS += ./wasm/bridge/...
SUITES += test-browser

.PHONY: test-browser bench-browser pgo-browser chromium

chromium:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

$(BROWSER_NODE): $(BROWSER_E2E)/package.json $(BROWSER_E2E)/package-lock.json
	cd $(BROWSER_E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test-browser: chromium $(BROWSER_NODE)
	$(GO) vet -tags browser ./$(BROWSER_E2E)/
	$(GO) test -tags browser -count=1 -timeout 5m ./$(BROWSER_E2E)/

bench-browser: chromium $(BROWSER_NODE)
	$(GO) test -tags browser -count=1 -run '^TestBudgets$$' -v ./$(BROWSER_E2E)/

# wasm/browser/default.pgo is a CPU profile of the event-log engine's 1M-event
# benchmarks, the whole log and a shard of two and their merge, run natively; every `go build` of wasm/browser uses it for
# profile-guided optimisation. Its main effect is inlining the engine's hot
# calls, which Go's wasm code pays for dearly (a call spills the caller's
# registers and returns through a resume dispatch): the analysis in the
# browser takes about a tenth less time. Regenerate it after larger changes
# to the engine.
pgo-browser:
	tmp=$$(mktemp -d) && $(GO) test -c -o $$tmp/eventlog.test ./valuestream/eventlog && \
	  $$tmp/eventlog.test -test.run '^$$' -test.bench '^Benchmark(Analyze|Shards)$$/^(engine|part-of-2|merge-of-2)$$/^1000000$$' -test.benchtime 10x \
	    -test.cpuprofile $(CURDIR)/wasm/browser/default.pgo; status=$$?; rm -rf $$tmp; exit $$status
