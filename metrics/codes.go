package metrics

import "github.com/sujuva/sujuva/model"

// Rule codes of measures, series and charts.
const (
	// CodeDefinitionMissing: a rate or proportion lacks its numerator or
	// denominator definition.
	CodeDefinitionMissing model.Code = "metrics.definition.missing"
	// CodeDirectionMissing: no direction of improvement (a warning).
	CodeDirectionMissing model.Code = "metrics.direction.missing"
	// CodeSourceMissing: neither an information system nor hand measurement
	// is given as the data source (a warning).
	CodeSourceMissing model.Code = "metrics.source.missing"
	// CodeFrequencyMissing: no measuring frequency (a warning).
	CodeFrequencyMissing model.Code = "metrics.frequency.missing"
	// CodeNotFinite: a number is NaN or infinite.
	CodeNotFinite model.Code = "metrics.not_finite"
	// CodeTargetDirection: the target is not better than the baseline in
	// the direction of improvement (a warning). Params: baseline, target.
	CodeTargetDirection model.Code = "metrics.target.direction"
	// CodeDuplicatePeriod: two observations share a period. Params: period.
	CodeDuplicatePeriod model.Code = "metrics.period.duplicate"
	// CodeDenominator: an observation of a chart with denominators lacks
	// one, or has a negative numerator or denominator.
	CodeDenominator model.Code = "metrics.denominator"
	// CodeTooFewPoints: a run chart has fewer useful observations than the
	// rules need to be reliable (10; Anhøj & Olesen 2014) (a warning).
	// Params: count, min.
	CodeTooFewPoints model.Code = "metrics.points.few"
	// CodeNoLimits: a control chart part has no limits — too few points, or
	// no variation (a warning). Params: part.
	CodeNoLimits model.Code = "metrics.limits.none"
	// CodeTimeBetween: a T chart has a time between events ≤ 0.
	CodeTimeBetween model.Code = "metrics.time_between"
	// CodeNoData: a series has no values.
	CodeNoData model.Code = "metrics.data.none"
)

// Codes returns every rule code this package defines.
func Codes() []model.Code {
	return []model.Code{CodeDefinitionMissing, CodeDirectionMissing, CodeSourceMissing, CodeFrequencyMissing,
		CodeNotFinite, CodeTargetDirection, CodeDuplicatePeriod, CodeDenominator, CodeTooFewPoints,
		CodeNoLimits, CodeTimeBetween, CodeNoData}
}

// Messages returns the catalog of this package's codes.
func Messages() model.Catalog {
	return model.Catalog{
		CodeDefinitionMissing: {FI: "Osoittajan tai nimittäjän määritelmä puuttuu.", SV: "Definitionen av täljaren eller nämnaren saknas.", EN: "The numerator or denominator is not defined."},
		CodeDirectionMissing:  {FI: "Parannuksen suuntaa ei ole kerrottu.", SV: "Förbättringens riktning har inte angetts.", EN: "The direction of improvement is not given."},
		CodeSourceMissing:     {FI: "Tiedon lähdettä (tietojärjestelmä tai käsimittaus) ei ole kerrottu.", SV: "Datakällan (informationssystem eller manuell mätning) har inte angetts.", EN: "The data source (an information system or hand measurement) is not given."},
		CodeFrequencyMissing:  {FI: "Mittaustiheyttä ei ole kerrottu.", SV: "Mätfrekvensen har inte angetts.", EN: "The measuring frequency is not given."},
		CodeNotFinite:         {FI: "Luku ei ole äärellinen.", SV: "Talet är inte ändligt.", EN: "The number is not finite."},
		CodeTargetDirection:   {FI: "Tavoite {target} ei ole parempi kuin lähtötaso {baseline} parannuksen suunnassa.", SV: "Målet {target} är inte bättre än utgångsnivån {baseline} i förbättringens riktning.", EN: "The target {target} is not better than the baseline {baseline} in the direction of improvement."},
		CodeDuplicatePeriod:   {FI: "Jaksolle {period} on kaksi havaintoa.", SV: "Perioden {period} har två observationer.", EN: "The period {period} has two observations."},
		CodeDenominator:       {FI: "Havainnosta puuttuu nimittäjä, tai osoittaja tai nimittäjä on negatiivinen.", SV: "Observationen saknar nämnare, eller täljaren eller nämnaren är negativ.", EN: "The observation lacks a denominator, or its numerator or denominator is negative."},
		CodeTooFewPoints:      {FI: "Käyttökelpoisia havaintoja on {count}; säännöt ovat luotettavia vasta {min} havainnosta.", SV: "Det finns {count} användbara observationer; reglerna är tillförlitliga först från {min}.", EN: "There are {count} useful observations; the rules are reliable from {min}."},
		CodeNoLimits:          {FI: "Jakson {part} ohjausrajoja ei voi laskea: liian vähän havaintoja tai ei vaihtelua.", SV: "Styrgränserna för del {part} kan inte beräknas: för få observationer eller ingen variation.", EN: "Part {part} has no control limits: too few points or no variation."},
		CodeTimeBetween:       {FI: "Tapahtumien välisen ajan pitää olla suurempi kuin nolla.", SV: "Tiden mellan händelser måste vara större än noll.", EN: "The time between events must be greater than zero."},
		CodeNoData:            {FI: "Sarjassa ei ole arvoja.", SV: "Serien har inga värden.", EN: "The series has no values."},
	}
}
