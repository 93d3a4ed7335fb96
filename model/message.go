package model

import (
	"strings"
)

// Language is a language Sujuva speaks to people: Finnish, Swedish or
// English, the languages of Finnish public services. The zero value is unset;
// [Language.Or] supplies a default.
type Language string

const (
	Finnish Language = "fi"
	Swedish Language = "sv"
	English Language = "en"
)

// Languages lists the supported languages in their conventional order.
func Languages() []Language { return []Language{Finnish, Swedish, English} }

// String returns the language's ISO 639-1 code.
func (l Language) String() string { return string(l) }

// IsValid reports whether l is a supported language.
func (l Language) IsValid() bool { return l == Finnish || l == Swedish || l == English }

// Or returns l if it is valid, otherwise def.
func (l Language) Or(def Language) Language {
	if l.IsValid() {
		return l
	}
	return def
}

// ParseLanguage returns the language with ISO 639-1 code s ("fi", "sv",
// "en"), or an [*EnumError].
func ParseLanguage(s string) (Language, error) {
	if l := Language(s); l.IsValid() {
		return l, nil
	}
	return "", &EnumError{Type: "language", Value: s}
}

// Message holds the text of one rule code in each language. Placeholders in
// braces ("{count}") are replaced by the finding's parameters of that name.
type Message struct {
	FI string `json:"fi"`
	SV string `json:"sv"`
	EN string `json:"en"`
}

// In returns the template for language l; English when l is unset.
func (m Message) In(l Language) string {
	switch l {
	case Finnish:
		return m.FI
	case Swedish:
		return m.SV
	default:
		return m.EN
	}
}

// Catalog maps rule codes to their messages. Each package that reports
// findings offers its catalog from a Messages function; the edge of a
// program merges them with [MergeCatalogs]. A Catalog is read-only once
// built and then safe for concurrent use.
type Catalog map[Code]Message

// MergeCatalogs returns a new catalog with the entries of every catalog;
// a later catalog's entry wins over an earlier one's.
func MergeCatalogs(cs ...Catalog) Catalog {
	out := make(Catalog)
	for _, c := range cs {
		for k, v := range c {
			out[k] = v
		}
	}
	return out
}

// Text returns the message for f in language l with its parameters filled
// in. A code missing from the catalog yields f.String(), so a message is
// never empty; a placeholder without a parameter is left as it is.
func (c Catalog) Text(f Finding, l Language) string {
	m, ok := c[f.Code]
	if !ok {
		return f.String()
	}
	tmpl := m.In(l)
	if tmpl == "" {
		tmpl = m.EN
	}
	if len(f.Params) == 0 || !strings.Contains(tmpl, "{") {
		return tmpl
	}
	pairs := make([]string, 0, 2*len(f.Params))
	for k, v := range f.Params {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(tmpl)
}

// Missing returns the codes of codes that lack a message in any language,
// in the order given; a package's test calls it with every code it reports.
func (c Catalog) Missing(codes ...Code) []Code {
	var out []Code
	for _, code := range codes {
		m, ok := c[code]
		if !ok || m.FI == "" || m.SV == "" || m.EN == "" {
			out = append(out, code)
		}
	}
	return out
}

// Messages returns the catalog of the codes this package defines.
func Messages() Catalog {
	return Catalog{
		CodeEnumUnknown: {
			FI: "Tuntematon arvo ”{value}”.",
			SV: "Okänt värde ”{value}”.",
			EN: "Unknown value \"{value}\".",
		},
		CodeRequired: {
			FI: "Kenttä on pakollinen.",
			SV: "Fältet är obligatoriskt.",
			EN: "This field is required.",
		},
		CodeDuplicateID: {
			FI: "Tunniste ”{id}” on käytössä useammin kuin kerran.",
			SV: "Identifieraren ”{id}” används mer än en gång.",
			EN: "The id \"{id}\" is used more than once.",
		},
		CodeJSONSyntax: {
			FI: "Virheellinen JSON kohdassa {offset}.",
			SV: "Ogiltig JSON vid position {offset}.",
			EN: "Malformed JSON at offset {offset}.",
		},
		CodeJSONType: {
			FI: "Väärä tietotyyppi: odotettiin {want}, saatiin {got}.",
			SV: "Fel datatyp: väntade {want}, fick {got}.",
			EN: "Wrong type: want {want}, got {got}.",
		},
		CodeProfileBounds: {
			FI: "Säännön rajat ovat virheelliset (vähintään {min}, enintään {max}).",
			SV: "Regelns gränser är ogiltiga (minst {min}, högst {max}).",
			EN: "The rule's bounds are invalid (min {min}, max {max}).",
		},
		CodeTeamSize: {
			FI: "Tiimissä on {count} jäsentä; suositus on {range}.",
			SV: "Teamet har {count} medlemmar; rekommendationen är {range}.",
			EN: "The team has {count} members; the recommendation is {range}.",
		},
		CodeTeamClients: {
			FI: "Tiimissä on {count} asiakasjäsentä; pitää olla {range}.",
			SV: "Teamet har {count} klientmedlemmar; det ska vara {range}.",
			EN: "The team has {count} client members; it should have {range}.",
		},
		CodeTeamProfessionals: {
			FI: "Tiimissä on {count} sosiaali- ja terveydenhuollon ammattilaista; pitää olla {range}.",
			SV: "Teamet har {count} yrkesutbildade inom social- och hälsovården; det ska vara {range}.",
			EN: "The team has {count} social and health care professionals; it should have {range}.",
		},
		CodeTeamOwner: {
			FI: "Prosessin omistajaa ei ole nimetty.",
			SV: "Processägaren har inte utsetts.",
			EN: "The process owner has not been named.",
		},
		CodeTeamSupervisor: {
			FI: "Prosessin omistaja ei ole tiimissä, ja tiimissä on {count} esihenkilöä; pitää olla {range}.",
			SV: "Processägaren är inte med i teamet och teamet har {count} chefer; det ska vara {range}.",
			EN: "The process owner is not in the team, and the team has {count} supervisors; it should have {range}.",
		},
		CodeTeamUnits: {
			FI: "Ammattilaiset tulevat {count} yksiköstä; suositus on {range}.",
			SV: "De yrkesutbildade kommer från {count} enheter; rekommendationen är {range}.",
			EN: "The professionals come from {count} units; the recommendation is {range}.",
		},
		CodeTeamRoleDouble: {
			FI: "{name} on tiimissä kahdessa roolissa.",
			SV: "{name} har två roller i teamet.",
			EN: "{name} holds two roles in the team.",
		},
		CodeTeamMemberUnit: {
			FI: "Yksikköä ”{unit}” ei ole tiimin yksiköissä.",
			SV: "Enheten ”{unit}” finns inte bland teamets enheter.",
			EN: "The unit \"{unit}\" is not one of the team's units.",
		},
		CodeTeamOwnerMember: {
			FI: "Prosessin omistajaksi merkittyä jäsentä ”{id}” ei ole.",
			SV: "Medlemmen ”{id}” som angetts som processägare finns inte.",
			EN: "The member \"{id}\" named as process owner does not exist.",
		},
		CodeRoundTeams: {
			FI: "Kierroksella on {count} tiimiä; enintään {max}.",
			SV: "Omgången har {count} team; högst {max}.",
			EN: "The round has {count} teams; at most {max}.",
		},
		CodeRoundPeriod: {
			FI: "Kierroksen alku- ja loppupäivä puuttuvat tai ovat väärässä järjestyksessä.",
			SV: "Omgångens start- och slutdatum saknas eller är i fel ordning.",
			EN: "The round's start and end dates are missing or in the wrong order.",
		},
		CodeRoundLength: {
			FI: "Kierros kestää {months} kuukautta; tavallisesti 12 (10–15).",
			SV: "Omgången pågår {months} månader; vanligen 12 (10–15).",
			EN: "The round lasts {months} months; usually 12 (10–15).",
		},
		CodeRoundPairSize: {
			FI: "Valmentajatyöparissa on {count} eri valmentajaa; pitää olla 2.",
			SV: "Tränarparet har {count} olika tränare; det ska vara 2.",
			EN: "The coach pair has {count} distinct coaches; it should have 2.",
		},
		CodeRoundPairCoach: {
			FI: "Valmentajaa ”{id}” ei ole kierroksen valmentajissa.",
			SV: "Tränaren ”{id}” finns inte bland omgångens tränare.",
			EN: "The coach \"{id}\" is not one of the round's coaches.",
		},
		CodeRoundPairTeams: {
			FI: "Valmentajatyöparilla on {count} tiimiä; enintään {max}.",
			SV: "Tränarparet har {count} team; högst {max}.",
			EN: "The coach pair has {count} teams; at most {max}.",
		},
		CodeRoundTeamPair: {
			FI: "Tiimillä ei ole valmentajatyöparia (”{id}”).",
			SV: "Teamet har inget tränarpar (”{id}”).",
			EN: "The team has no coach pair (\"{id}\").",
		},
		CodeRoundWorkshopOrder: {
			FI: "Työpaja {number} on väärässä järjestyksessä; odotettiin numeroa {want}.",
			SV: "Workshop {number} är i fel ordning; väntade nummer {want}.",
			EN: "Workshop {number} is out of order; expected number {want}.",
		},
		CodeRoundWorkshopDates: {
			FI: "Työpajan {number} päivät puuttuvat tai ovat väärässä järjestyksessä.",
			SV: "Datumen för workshop {number} saknas eller är i fel ordning.",
			EN: "The dates of workshop {number} are missing or in the wrong order.",
		},
		CodeRoundWorkshopOverlap: {
			FI: "Työpaja {number} on päällekkäin työpajan {other} kanssa.",
			SV: "Workshop {number} överlappar workshop {other}.",
			EN: "Workshop {number} overlaps workshop {other}.",
		},
		CodeRoundWorkshopOutside: {
			FI: "Työpaja {number} on kierroksen ajanjakson ulkopuolella.",
			SV: "Workshop {number} ligger utanför omgångens period.",
			EN: "Workshop {number} falls outside the round's period.",
		},
	}
}

// Codes returns every rule code this package defines, for tests and for
// catalogs that must cover them.
func Codes() []Code {
	return []Code{
		CodeEnumUnknown, CodeRequired, CodeDuplicateID, CodeJSONSyntax, CodeJSONType, CodeProfileBounds,
		CodeTeamSize, CodeTeamClients, CodeTeamProfessionals, CodeTeamOwner, CodeTeamSupervisor,
		CodeTeamUnits, CodeTeamRoleDouble, CodeTeamMemberUnit, CodeTeamOwnerMember,
		CodeRoundTeams, CodeRoundPeriod, CodeRoundLength, CodeRoundPairSize, CodeRoundPairCoach,
		CodeRoundPairTeams, CodeRoundTeamPair, CodeRoundWorkshopOrder, CodeRoundWorkshopDates,
		CodeRoundWorkshopOverlap, CodeRoundWorkshopOutside,
	}
}
