package innokyla

import (
	"fmt"
	"strings"

	"github.com/sujuva/sujuva/model"
)

// DefaultInvestmentCode is the investment code in the names of the Sujuvat
// palvelut team reports: the Recovery and Resilience Facility (RRP), pillar
// 4, investment 1.
const DefaultInvestmentCode = "RRP, P4, I1"

// ReportName returns the name of a team's description on Innokylä,
// "<team>, <County> HVA (<code>)", such as "Sujuva neuvonta, Pirkanmaan HVA
// (RRP, P4, I1)". The City of Helsinki is named "Helsingin kaupunki". An
// empty code leaves out the parenthesis; a zero county leaves out the county.
func ReportName(team string, county model.County, code string) string {
	name := strings.TrimSpace(team)
	switch {
	case county.City:
		name += ", " + county.FI
	case county.FIGenitive != "":
		name += ", " + county.FIGenitive + " HVA"
	}
	if code = strings.TrimSpace(code); code != "" {
		name += " (" + code + ")"
	}
	return name
}

// Source says who wrote a section's text. The zero value means nobody: the
// section is empty.
type Source string

const (
	// SourceTeam marks text the team wrote.
	SourceTeam Source = "team"
	// SourceDraft marks text Sujuva drafted from the team's data, for the
	// team to read and correct.
	SourceDraft Source = "draft"
)

// IsValid reports whether s is a known source or unset.
func (s Source) IsValid() bool { return s == "" || s == SourceTeam || s == SourceDraft }

// AttachmentKind is the kind of an entry in Liitteet ja linkit.
type AttachmentKind string

const (
	AttachmentImage AttachmentKind = "image" // Kuva, with a Kuvateksti
	AttachmentFile  AttachmentKind = "file"
	AttachmentLink  AttachmentKind = "link"
)

// IsValid reports whether k is a known kind.
func (k AttachmentKind) IsValid() bool {
	return k == AttachmentImage || k == AttachmentFile || k == AttachmentLink
}

// Attachment is an entry of Liitteet ja linkit: an image with its caption
// (Kuvateksti), a file or a link. Href is a file name inside the export or
// an absolute URL.
type Attachment struct {
	Kind      AttachmentKind `json:"kind"`
	Title     string         `json:"title"`
	Caption   string         `json:"caption,omitempty"`
	Href      string         `json:"href"`
	MediaType string         `json:"mediaType,omitempty"`
}

// Basics holds the basic fields (Perustiedot) of a description. Regions
// and Funders hold names as the site shows them ("Pirkanmaan
// hyvinvointialue", "Sosiaali- ja terveysministeriö (STM)").
type Basics struct {
	Name             string       `json:"name"`                       // Toimintamallin nimi
	Summary          string       `json:"summary"`                    // Toimintamallin lyhyt kuvaus
	Place            string       `json:"place,omitempty"`            // Toteutuspaikka
	Regions          []string     `json:"regions,omitempty"`          // Paikkakunta, maakunta tai hyvinvointialue
	Funders          []string     `json:"funders,omitempty"`          // Toimintamallin rahoittaja
	Collection       string       `json:"collection,omitempty"`       // Toimintamallin kokonaisuus
	Attachments      []Attachment `json:"attachments,omitempty"`      // Liitteet ja linkit
	Author           string       `json:"author,omitempty"`           // Tekijä
	Created          model.Date   `json:"created"`                    // Luotu
	Modified         model.Date   `json:"modified"`                   // Viimeksi muokattu
	DevelopmentPhase string       `json:"developmentPhase,omitempty"` // Kehittämisen vaihe: an Option code
	TargetGroups     []string     `json:"targetGroups,omitempty"`     // Kohderyhmä: Option codes
}

// SectionText is one section of a description with its text. Heading is the
// exact Finnish heading, carried so that the JSON reads on its own.
type SectionText struct {
	Key      SectionKey `json:"key"`
	Phase    PhaseKey   `json:"phase"`
	Heading  string     `json:"heading"`
	Required bool       `json:"required"`
	Text     string     `json:"text"`
	Source   Source     `json:"source,omitempty"`
}

// Document is a toimintamalli description: its basic fields and every
// section of the development path, in the site's order. Language is the
// language of the texts (descriptions are written in Finnish; Swedish and
// English drafts serve teams that work in them).
type Document struct {
	Language model.Language `json:"language"`
	Basics   Basics         `json:"basics"`
	Sections []SectionText  `json:"sections"`
}

// New returns a description with basics b and all 20 sections, empty, in
// the site's order.
func New(lang model.Language, b Basics) Document {
	d := Document{Language: lang, Basics: b}
	for _, s := range data().Sections {
		d.Sections = append(d.Sections, SectionText{Key: s.Key, Phase: s.Phase, Heading: s.FI, Required: s.Required})
	}
	return d
}

// Section returns the section with key k and reports whether d has it.
func (d Document) Section(k SectionKey) (SectionText, bool) {
	for _, s := range d.Sections {
		if s.Key == k {
			return s, true
		}
	}
	return SectionText{}, false
}

// SetSection sets the text of section k and who wrote it; empty text
// clears the section. It returns an [*UnknownSectionError] for a key the
// development path does not have.
func (d *Document) SetSection(k SectionKey, text string, src Source) error {
	for i := range d.Sections {
		if d.Sections[i].Key == k {
			text = strings.TrimSpace(text)
			if text == "" {
				src = ""
			}
			d.Sections[i].Text, d.Sections[i].Source = text, src
			return nil
		}
	}
	return &UnknownSectionError{Key: k}
}

// UnknownSectionError reports a section key that is not one of the 20.
type UnknownSectionError struct{ Key SectionKey }

func (e *UnknownSectionError) Error() string {
	return fmt.Sprintf("innokyla: unknown section %q", string(e.Key))
}

// Unwrap returns [ErrUnknownSection].
func (e *UnknownSectionError) Unwrap() error { return ErrUnknownSection }

// Validate checks d against the site's structure and returns every finding:
// the required basic fields and sections still empty (errors: the site does
// not publish a description without them), sections missing, unknown, out of
// order or with another heading, unknown option codes, and images without a
// caption (a warning). Paths point into d's JSON form.
func (d Document) Validate() model.Findings {
	var fs model.Findings
	if !d.Language.IsValid() {
		fs = append(fs, model.NewError("/language", model.CodeEnumUnknown).With("value", string(d.Language)))
	}
	if strings.TrimSpace(d.Basics.Name) == "" {
		fs = append(fs, model.NewError("/basics/name", model.CodeRequired))
	}
	if strings.TrimSpace(d.Basics.Summary) == "" {
		fs = append(fs, model.NewError("/basics/summary", model.CodeRequired))
	}
	if p := d.Basics.DevelopmentPhase; p != "" && !hasOption(data().DevelopmentPhases, p) {
		fs = append(fs, model.NewError("/basics/developmentPhase", model.CodeEnumUnknown).With("value", p))
	}
	for i, g := range d.Basics.TargetGroups {
		if !hasOption(data().TargetGroups, g) {
			fs = append(fs, model.NewError(model.Pointer("basics", "targetGroups", i), model.CodeEnumUnknown).With("value", g))
		}
	}
	for i, a := range d.Basics.Attachments {
		path := model.Pointer("basics", "attachments", i)
		if !a.Kind.IsValid() {
			fs = append(fs, model.NewError(path+"/kind", model.CodeEnumUnknown).With("value", string(a.Kind)))
		}
		if strings.TrimSpace(a.Href) == "" {
			fs = append(fs, model.NewError(path+"/href", model.CodeRequired))
		}
		if a.Kind == AttachmentImage && strings.TrimSpace(a.Caption) == "" {
			fs = append(fs, model.NewWarning(path+"/caption", CodeCaptionMissing).With("title", a.Title))
		}
	}
	fs = append(fs, d.validateSections()...)
	fs.Sort()
	return fs
}

func (d Document) validateSections() model.Findings {
	var fs model.Findings
	defs := data().Sections
	seen := map[SectionKey]bool{}
	next := 0 // index in defs the next section should have
	for i, s := range d.Sections {
		path := model.Pointer("sections", i)
		def, ok := SectionByKey(s.Key)
		switch {
		case !ok:
			fs = append(fs, model.NewError(path+"/key", model.CodeEnumUnknown).With("value", string(s.Key)))
			continue
		case seen[s.Key]:
			fs = append(fs, model.NewError(path+"/key", model.CodeDuplicateID).With("id", string(s.Key)))
			continue
		}
		seen[s.Key] = true
		pos := indexOf(defs, s.Key)
		if pos < next {
			fs = append(fs, model.NewError(path+"/key", CodeSectionOrder).With("heading", def.FI))
		}
		next = max(next, pos+1)
		if s.Heading != def.FI {
			fs = append(fs, model.NewError(path+"/heading", CodeSectionHeading).With("heading", def.FI))
		}
		if s.Phase != def.Phase || s.Required != def.Required {
			fs = append(fs, model.NewError(path+"/phase", CodeSectionPhase).With("heading", def.FI))
		}
		if !s.Source.IsValid() {
			fs = append(fs, model.NewError(path+"/source", model.CodeEnumUnknown).With("value", string(s.Source)))
		}
		if def.Required && strings.TrimSpace(s.Text) == "" {
			fs = append(fs, model.NewError(path+"/text", CodeSectionRequired).With("heading", def.FI))
		}
	}
	for _, def := range defs {
		if !seen[def.Key] {
			fs = append(fs, model.NewError("/sections", CodeSectionMissing).With("heading", def.FI))
		}
	}
	return fs
}

func indexOf(defs []Section, k SectionKey) int {
	for i, s := range defs {
		if s.Key == k {
			return i
		}
	}
	return -1
}

func hasOption(opts []Option, code string) bool {
	for _, o := range opts {
		if o.Code == code {
			return true
		}
	}
	return false
}
