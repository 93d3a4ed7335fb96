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
	}
}
