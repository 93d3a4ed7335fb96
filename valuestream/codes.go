package valuestream

import "github.com/sujuva/sujuva/model"

// Rule codes reported by [Map.Validate] and [Decode].
const (
	// CodeEmpty: the map has no steps. No params.
	CodeEmpty model.Code = "valuestream.empty"
	// CodeNegativeDuration: a wait or process time is negative.
	// Params: "value" (as written, "-2 hours").
	CodeNegativeDuration model.Code = "valuestream.duration_negative"
	// CodeCompleteAccurateRange: a %C&A is not a number from 0 to 100.
	// Params: "value".
	CodeCompleteAccurateRange model.Code = "valuestream.complete_accurate_range"
	// CodeTooLong: the steps' durations add up to more than a time.Duration
	// holds (about 292 years). No params.
	CodeTooLong model.Code = "valuestream.too_long"
	// CodeDurationJSON: a duration in JSON is not {"value": number,
	// "unit": name} or is out of range. Params: "value", "reason".
	CodeDurationJSON model.Code = "valuestream.duration_json"
)

// Codes lists every rule code this package defines.
func Codes() []model.Code {
	return []model.Code{CodeEmpty, CodeNegativeDuration, CodeCompleteAccurateRange, CodeTooLong, CodeDurationJSON}
}

// Messages returns the fi, sv and en text of every code in [Codes]. The
// codes shared with model ([model.CodeRequired], [model.CodeDuplicateID],
// [model.CodeEnumUnknown]) are in model's catalog.
func Messages() model.Catalog {
	return model.Catalog{
		CodeEmpty: {
			FI: "Arvovirtakartassa ei ole yhtään vaihetta.",
			SV: "Värdeflödeskartan har inga steg.",
			EN: "The value stream map has no steps.",
		},
		CodeNegativeDuration: {
			FI: "Kesto ei voi olla negatiivinen ({value}).",
			SV: "Tiden kan inte vara negativ ({value}).",
			EN: "A duration cannot be negative ({value}).",
		},
		CodeCompleteAccurateRange: {
			FI: "Valmis ja oikein (%C&A) on prosenttiluku 0–100, ei {value}.",
			SV: "Andel komplett och korrekt (%C&A) är ett procenttal 0–100, inte {value}.",
			EN: "Percent complete and accurate (%C&A) is a number from 0 to 100, not {value}.",
		},
		CodeTooLong: {
			FI: "Vaiheiden kestot ovat yhteensä liian pitkät laskettaviksi (yli 292 vuotta).",
			SV: "Stegens tider är sammanlagt för långa för att räknas (över 292 år).",
			EN: "The steps' durations add up to too long a time to compute (over 292 years).",
		},
		CodeDurationJSON: {
			FI: "Kesto {value} ei kelpaa: {reason}. Anna luku ja yksikkö (minutes, hours tai days).",
			SV: "Tiden {value} duger inte: {reason}. Ange ett tal och en enhet (minutes, hours eller days).",
			EN: "The duration {value} is not valid: {reason}. Give a number and a unit (minutes, hours or days).",
		},
	}
}
