// Package export turns a team's work into what it hands on. This package
// drafts the Innokylä toimintamalli description from what the team has
// recorded; its subpackages each do one more job:
//
//   - export/innokyla: the structure and text of the description;
//   - export/schema: the published JSON Schemas and validation against them;
//   - export/svg: SVG drawing primitives;
//   - export/aggregate: the organiser's tables with small cells suppressed.
package export
