# export's packages also run their tests as GOOS=js GOARCH=wasm under Node:
# the browser worksheet validates and builds exports there.
WASM_TEST_PKGS += ./export/...

# The demo team's A3 poster, a chart and its value streams, rendered to PNG by headless Chromium
# into artifacts/ to be looked at. Fails when Chromium draws nothing.
SUITES += test-poster
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	--allow-file-access-from-files

.PHONY: test-poster
test-poster: chromium
	mkdir -p artifacts
	SUJUVA_ARTIFACTS=$(CURDIR)/artifacts $(GO) test -count=1 -run '^(TestPosterArtifact|TestChartSVG|TestStreamSVG)$$' ./export
	printf '<html><body style="margin:0;background:#fff"><img src="poster.svg" style="width:1123px"></body></html>\n' > artifacts/poster.html
	printf '<html><body style="margin:0;background:#fff"><img src="chart.svg" style="width:700px"></body></html>\n' > artifacts/chart.html
	printf '<html><body style="margin:0;background:#fff"><img src="stream.svg" style="width:1000px"></body></html>\n' > artifacts/stream.html
	profile=$$(mktemp -d) && chromium $(CHROMIUM_FLAGS) --user-data-dir=$$profile --window-size=1123,1588 \
		--screenshot=$(CURDIR)/artifacts/poster.png file://$(CURDIR)/artifacts/poster.html 2>/dev/null; rm -rf $$profile
	profile=$$(mktemp -d) && chromium $(CHROMIUM_FLAGS) --user-data-dir=$$profile --window-size=720,420 \
		--screenshot=$(CURDIR)/artifacts/chart.png file://$(CURDIR)/artifacts/chart.html 2>/dev/null; rm -rf $$profile
	profile=$$(mktemp -d) && chromium $(CHROMIUM_FLAGS) --user-data-dir=$$profile --window-size=1000,360 \
		--screenshot=$(CURDIR)/artifacts/stream.png file://$(CURDIR)/artifacts/stream.html 2>/dev/null; rm -rf $$profile
	@for f in poster chart stream; do size=$$(stat -c %s artifacts/$$f.png 2>/dev/null || echo 0); \
	  if [ "$$size" -lt 20000 ]; then echo "artifacts/$$f.png is missing or blank ($$size bytes)"; exit 1; fi; \
	  echo "artifacts/$$f.png: $$size bytes"; done
