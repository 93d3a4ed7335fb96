// Package svg writes SVG documents: its one job is the drawing primitives
// that Sujuva's charts, value stream drawings and posters are built from.
//
// A [Canvas] collects elements and renders a standalone SVG 1.1 document.
// Every string a user typed is escaped; numbers are written with at most two
// decimals and never as NaN or Inf, so the same input always gives the same
// bytes (golden files compare them). A canvas can be sized in physical units
// for print ([A3], [A4], in millimetres) or in pixels for the screen.
//
// # Accessibility
//
// A canvas carries a title and a description that screen readers announce:
// the root element has role="img" and aria-labelledby pointing at its
// <title> and <desc> (WCAG 2.1, 1.1.1 Non-text Content).
//
// # Text
//
// SVG does not wrap text. [Wrap] measures text with the advance widths of
// Helvetica, whose metrics Liberation Sans and Arial share (the font stack of
// [FontFamily]), and breaks it into lines that fit a width; a word longer
// than the line — Finnish has many, such as "läpimurtovalmennuskierros" — is
// broken at a syllable boundary with a hyphen. [Fit] also shrinks the font
// and, as a last resort, ends the text with an ellipsis, so that text never
// overflows its box.
//
// A Canvas is not safe for concurrent use.
package svg
