# The browser worksheet (wasm/browser): end-to-end tests in headless Chromium.
#   make test-browser   install chromium and axe-core when missing, then run the
#                       chromedp tests (build tag "browser"); screenshots of each
#                       tab and the budget figures go to artifacts/
#   make bench-browser  only the budget report (wasm gzip size, time to
#                       interactive, redraw after an edit)

BROWSER_E2E  := wasm/browser/e2e
BROWSER_NODE := $(BROWSER_E2E)/node_modules/.package-lock.json

WASM_TEST_PKGS += ./wasm/bridge/...
SUITES += test-browser

.PHONY: test-browser bench-browser chromium

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
