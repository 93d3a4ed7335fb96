package bridge

import (
	"github.com/sujuva/sujuva/export"
	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

// Messages returns the catalog of every code the bridge can report: the
// union of the domain packages' catalogs and the bridge's own.
func (b *Bridge) Messages() model.Catalog {
	b.catalogOnce.Do(func() {
		b.catalog = model.MergeCatalogs(model.Messages(), pdsa.Messages(), valuestream.Messages(), innokyla.Messages(), schema.Messages(), metrics.Messages(), export.Messages(), messages())
	})
	return b.catalog
}

// Codes of the bridge's own findings.
const (
	// CodeWorksheetVersion: a worksheet file of a version this bridge does
	// not know (parameter "version").
	CodeWorksheetVersion model.Code = "bridge.worksheetVersion"
	// CodeProfileUnknown: a profile name other than "default" and
	// "serviceChain" (parameter "profile").
	CodeProfileUnknown model.Code = "bridge.profileUnknown"
	// CodeThreshold: a negative small-cell threshold for the round's
	// aggregate (parameter "threshold").
	CodeThreshold model.Code = "bridge.threshold"
)

// Codes returns the bridge's own finding codes.
func Codes() []model.Code {
	return []model.Code{CodeWorksheetVersion, CodeProfileUnknown, CodeTransition, CodeMoveTime, CodePasteLine,
		CodeEventLogHeader, CodeEventLogLine, CodeEventLogLocation, CodeThreshold}
}

func messages() model.Catalog {
	return model.Catalog{
		CodeWorksheetVersion: {
			FI: "Työkirjatiedoston versiota {version} ei tunneta.",
			SV: "Arbetsbokens filversion {version} är okänd.",
			EN: "Worksheet file version {version} is not known.",
		},
		CodeTransition: {
			FI: "Vaiheesta {from} ei voi siirtyä vaiheeseen {to}.",
			SV: "Det går inte att gå från fasen {from} till fasen {to}.",
			EN: "A cycle cannot move from {from} to {to}.",
		},
		CodeMoveTime: {
			FI: "Siirron ajankohta on ennen syklin edellistä siirtoa.",
			SV: "Tidpunkten ligger före cykelns föregående övergång.",
			EN: "The move is dated before the cycle's previous move.",
		},
		CodePasteLine: {
			FI: "Riviltä {line} ei löytynyt päivämäärää ja lukua.",
			SV: "Rad {line} har inte ett datum och ett tal.",
			EN: "Line {line} is not a date and a number.",
		},
		CodeEventLogHeader: {
			FI: "Tapahtumalokin otsikkoriviä ei voi lukea: {reason}",
			SV: "Händelseloggens rubrikrad kan inte läsas: {reason}",
			EN: "The event log's header cannot be read: {reason}",
		},
		CodeEventLogLine: {
			FI: "Tapahtumalokin rivi {line} on virheellinen (sarake {column}): {reason}",
			SV: "Rad {line} i händelseloggen är felaktig (kolumn {column}): {reason}",
			EN: "Line {line} of the event log is malformed (column {column}): {reason}",
		},
		CodeEventLogLocation: {
			FI: "Aikaleimasta puuttuu aikavyöhyke, eikä aikavyöhykettä {location} voi käyttää.",
			SV: "Tidsstämpeln saknar tidszon, och tidszonen {location} kan inte användas.",
			EN: "A timestamp has no offset, and the zone {location} cannot be used.",
		},
		CodeThreshold: {
			FI: "Pienimmän julkaistavan luvun raja {threshold} ei kelpaa: sen on oltava vähintään 1 (oletus 5).",
			SV: "Gränsen {threshold} för det minsta publicerade talet duger inte: den ska vara minst 1 (standard 5).",
			EN: "The smallest published count {threshold} is not valid: it must be at least 1 (5 by default).",
		},
		CodeProfileUnknown: {
			FI: "Sääntöprofiilia {profile} ei tunneta.",
			SV: "Regelprofilen {profile} är okänd.",
			EN: "Rule profile {profile} is not known.",
		},
	}
}

// MessagesResult is the answer of "messages".
type MessagesResult struct {
	Languages []model.Language `json:"languages"`
	Messages  model.Catalog    `json:"messages"`
}

func (b *Bridge) messages(_ []byte) (any, error) {
	return MessagesResult{Languages: model.Languages(), Messages: b.Messages()}, nil
}
