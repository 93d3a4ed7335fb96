# valuestream (value stream maps): its tests also run as GOOS=js GOARCH=wasm
# under Node, since the browser worksheet computes map summaries there.
# The event-log subpackage lists itself in mk/eventlog.mk.
WASM_TEST_PKGS += ./valuestream
