// Package archtest holds the architecture test: it fails the build when a
// package imports what the layering of STYLE.md keeps out of it. It has no
// code of its own.
package archtest
