package innokyla

import (
	"regexp"
	"strings"

	"github.com/sujuva/sujuva/model"
)

// Copy is the text of one field or section, ready to paste into the site's
// form: its heading as the site shows it, the text as Markdown and as plain
// text (for the site's plain-text fields).
type Copy struct {
	Key      string `json:"key"` // a basic field's key or a SectionKey
	Phase    string `json:"phase,omitempty"`
	Heading  string `json:"heading"`
	Required bool   `json:"required,omitempty"`
	Markdown string `json:"markdown"`
	Plain    string `json:"plain"`
}

// Copies returns the description as copy-ready texts in the site's order:
// the basic text fields (name, short description, place, regions, funders),
// then the 20 sections with their phase. Empty sections are included, with
// empty text, so that the list always matches the form.
func (d Document) Copies() []Copy {
	var out []Copy
	basics := []struct{ key, text string }{
		{"name", d.Basics.Name},
		{"summary", d.Basics.Summary},
		{"place", d.Basics.Place},
		{"regions", strings.Join(d.Basics.Regions, "\n")},
		{"funders", strings.Join(d.Basics.Funders, "\n")},
	}
	for _, b := range basics {
		f := fieldByKey(b.key)
		out = append(out, Copy{Key: b.key, Heading: f.FI, Required: f.Required, Markdown: b.text, Plain: Plain(b.text)})
	}
	for _, s := range d.Sections {
		phase, _ := PhaseByKey(s.Phase)
		out = append(out, Copy{Key: string(s.Key), Phase: phase.FI, Heading: s.Heading, Required: s.Required, Markdown: s.Text, Plain: Plain(s.Text)})
	}
	return out
}

func fieldByKey(k string) Field {
	for _, f := range data().BasicFields {
		if f.Key == k {
			return f
		}
	}
	return Field{Key: k}
}

// Markdown returns the whole description as one Markdown document: the name
// as the title, the short description, then each phase as a second-level
// heading and each non-empty section as a third-level one. Required sections
// are marked "**" after the heading as on the site; an empty required
// section is kept with the note "(puuttuu)" so that the gap shows.
func (d Document) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + oneLine(d.Basics.Name) + "\n\n")
	if d.Basics.Summary != "" {
		b.WriteString(d.Basics.Summary + "\n\n")
	}
	var phase PhaseKey
	for _, s := range d.Sections {
		empty := strings.TrimSpace(s.Text) == ""
		if empty && !s.Required {
			continue
		}
		if s.Phase != phase {
			phase = s.Phase
			p, _ := PhaseByKey(phase)
			b.WriteString("## " + p.FI + "\n\n")
		}
		heading := s.Heading
		if s.Required {
			heading += " **"
		}
		b.WriteString("### " + heading + "\n\n")
		if empty {
			b.WriteString(missing(d.Language) + "\n\n")
			continue
		}
		b.WriteString(strings.TrimSpace(s.Text) + "\n\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func missing(l model.Language) string {
	switch l {
	case model.Swedish:
		return "(saknas)"
	case model.English:
		return "(missing)"
	}
	return "(puuttuu)"
}

// PlainText returns [Document.Markdown] as plain text.
func (d Document) PlainText() string { return Plain(d.Markdown()) }

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__)([^*_]+?)(\*\*|__)|(\*|_)([^*_\s][^*_]*?)(\*|_)`)
	mdHeading  = regexp.MustCompile(`(?m)^#{1,6}\s+`)
	mdBullet   = regexp.MustCompile(`(?m)^(\s*)[-*+]\s+`)
	mdCode     = regexp.MustCompile("`([^`]*)`")
)

// Plain turns the Markdown that teams write into plain text for fields that
// take no formatting: headings lose their marks, bullets become "•",
// emphasis and code marks are dropped, links become "text (address)". The
// required mark " **" at the end of a heading line is kept.
func Plain(markdown string) string {
	s := strings.ReplaceAll(markdown, "\r\n", "\n")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdBullet.ReplaceAllString(s, "${1}• ")
	s = mdLink.ReplaceAllString(s, "$1 ($2)")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "$2$5")
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
