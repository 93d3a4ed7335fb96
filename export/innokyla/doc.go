// Package innokyla holds the shape of an Innokylä *toimintamalli*
// (operating model) description: its basic fields, the 20 sections of the
// *Kehittämisen polku* (development path) in three phases with their exact
// Finnish headings, which of them the site requires, the option lists, the
// report name, and copy-ready text for pasting into the site's form.
//
// Its one job is the structure and the text of the description. Drafting the
// sections from a team's worksheet is the job of package export.
//
// Innokylä has no public import API, so the description travels as a JSON
// document under Sujuva's published schema and as text per section, in the
// site's order. The headings, the order and the required marks are those the
// site renders (see the seeds and ARCHITECTURE.md); they and the option
// lists the site does not publish (Kehittämisen vaihe, Kohderyhmä) are
// embedded data files, not constants in code.
//
// # Names of team reports
//
// A coaching team's description is named "<name>, <County> HVA (RRP, P4,
// I1)": the team's own name, the county's Finnish genitive with "HVA"
// (hyvinvointialue) or, for the City of Helsinki, "Helsingin kaupunki", and
// the investment code of the Recovery and Resilience Facility funding, which
// [ReportName] takes as a parameter.
package innokyla
