package innokyla

import "github.com/sujuva/sujuva/model"

// Rule codes of a description.
const (
	// CodeSectionRequired: a section the site requires is empty.
	// Params: heading.
	CodeSectionRequired model.Code = "innokyla.section.required"
	// CodeSectionMissing: a section of the development path is missing.
	// Params: heading.
	CodeSectionMissing model.Code = "innokyla.section.missing"
	// CodeSectionOrder: a section is out of the site's order. Params: heading.
	CodeSectionOrder model.Code = "innokyla.section.order"
	// CodeSectionHeading: a section's heading is not the site's. Params:
	// heading (the right one).
	CodeSectionHeading model.Code = "innokyla.section.heading"
	// CodeSectionPhase: a section's phase or required mark is not the
	// site's. Params: heading.
	CodeSectionPhase model.Code = "innokyla.section.phase"
	// CodeCaptionMissing: an image has no caption (Kuvateksti). Params: title.
	CodeCaptionMissing model.Code = "innokyla.attachment.caption"
)

// Codes returns every rule code this package defines.
func Codes() []model.Code {
	return []model.Code{CodeSectionRequired, CodeSectionMissing, CodeSectionOrder, CodeSectionHeading, CodeSectionPhase, CodeCaptionMissing}
}

// Messages returns the catalog of this package's codes.
func Messages() model.Catalog {
	return model.Catalog{
		CodeSectionRequired: {
			FI: "Pakollinen osio ”{heading}” on tyhjä.",
			SV: "Det obligatoriska avsnittet ”{heading}” är tomt.",
			EN: "The required section \"{heading}\" is empty.",
		},
		CodeSectionMissing: {
			FI: "Osio ”{heading}” puuttuu.",
			SV: "Avsnittet ”{heading}” saknas.",
			EN: "The section \"{heading}\" is missing.",
		},
		CodeSectionOrder: {
			FI: "Osio ”{heading}” on väärässä kohdassa.",
			SV: "Avsnittet ”{heading}” står på fel plats.",
			EN: "The section \"{heading}\" is out of order.",
		},
		CodeSectionHeading: {
			FI: "Osion otsikon pitää olla ”{heading}”.",
			SV: "Avsnittets rubrik ska vara ”{heading}”.",
			EN: "The section's heading should be \"{heading}\".",
		},
		CodeSectionPhase: {
			FI: "Osion ”{heading}” vaihe tai pakollisuus ei vastaa Innokylää.",
			SV: "Skedet eller obligatoriskheten för avsnittet ”{heading}” motsvarar inte Innokylä.",
			EN: "The phase or required mark of \"{heading}\" does not match Innokylä.",
		},
		CodeCaptionMissing: {
			FI: "Kuvalta ”{title}” puuttuu kuvateksti.",
			SV: "Bilden ”{title}” saknar bildtext.",
			EN: "The image \"{title}\" has no caption.",
		},
	}
}
