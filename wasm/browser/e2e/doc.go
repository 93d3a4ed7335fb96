// Package e2e holds the browser worksheet's end-to-end tests, which drive
// the real page in headless Chromium with chromedp. They are behind the build
// tag "browser", which make test sets (see mk/browser.mk), so that a plain
// go test ./... stays fast:
//
//	go test -tags browser -count=1 ./wasm/browser/e2e/
//
// They need Debian's chromium (or $SUJUVA_CHROMIUM) and axe-core installed
// here with npm ci. Screenshots of each tab and the budget figures are
// written to artifacts/ at the repository root.
package e2e
