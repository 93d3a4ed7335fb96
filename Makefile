# Sujuva's build. `make test` runs every test; it installs what it needs
# (Chromium from Debian, npm packages into the repo) when they are missing.
# Suites beyond the Go tests live in mk/*.mk and add themselves to SUITES.

SHELL      := /bin/bash
GO         ?= go
GOROOT     := $(shell $(GO) env GOROOT)
WASM_EXEC  := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME   ?= 10s
BENCHCOUNT ?= 6

# Packages whose tests also run as GOOS=js GOARCH=wasm under Node, because the
# browser worksheet and the Worker run them there. Fragments may add to it.
WASM_TEST_PKGS := ./model/...
SUITES :=

-include mk/*.mk

.PHONY: test vet test-go test-wasm bench fuzz tools

## test: vet (host and js/wasm), all Go tests, the js/wasm tests under Node, then every suite.
test: vet test-go test-wasm $(SUITES)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

test-go:
	$(GO) test -count=1 ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" $(WASM_TEST_PKGS)

## bench: every Go benchmark with allocations, BENCHCOUNT times (compare runs with benchstat).
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=$(BENCHCOUNT) ./...

## fuzz: each fuzz target for FUZZTIME.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list='^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$target"; \
	    $(GO) test -run='^$$' -fuzz="^$$target$$" -fuzztime=$(FUZZTIME) $$pkg; \
	  done; \
	done
