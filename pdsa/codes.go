package pdsa

import "github.com/sujuva/sujuva/model"

// Rule codes reported by this package. Their messages are in [Messages].
const (
	// CodeNotFinite: a number is NaN or infinite. Error.
	CodeNotFinite model.Code = "pdsa.notFinite"
	// CodeNegative: a count is negative. Error. Params: "value".
	CodeNegative model.Code = "pdsa.negative"

	// CodeAimNumber: the aim has no target number. Warning.
	CodeAimNumber model.Code = "pdsa.aim.number"
	// CodeAimBaseline: the aim has no baseline. Warning.
	CodeAimBaseline model.Code = "pdsa.aim.baseline"
	// CodeAimDate: the aim has no date by which it is reached. Warning.
	CodeAimDate model.Code = "pdsa.aim.date"
	// CodeAimMeasure: the aim names no measure. Warning.
	CodeAimMeasure model.Code = "pdsa.aim.measure"
	// CodeAimClientGroup: the aim names no client group. Warning.
	CodeAimClientGroup model.Code = "pdsa.aim.clientGroup"

	// CodeDriverAim: a driver diagram needs exactly one aim. Error.
	// Params: "count".
	CodeDriverAim model.Code = "pdsa.driver.aim"
	// CodeDriverLinkNode: a link's end is not a node. Error. Params: "id".
	CodeDriverLinkNode model.Code = "pdsa.driver.linkNode"
	// CodeDriverDirection: a link points the wrong way. Error.
	// Params: "from", "to" (node kinds).
	CodeDriverDirection model.Code = "pdsa.driver.direction"
	// CodeDriverDuplicateLink: the same link is given twice. Warning.
	// Params: "from", "to" (node ids).
	CodeDriverDuplicateLink model.Code = "pdsa.driver.duplicateLink"
	// CodeDriverCycle: links form a cycle. Error. Params: "ids".
	CodeDriverCycle model.Code = "pdsa.driver.cycle"
	// CodeDriverUnreached: no path leads from a change idea to the aim.
	// Error. Params: "id".
	CodeDriverUnreached model.Code = "pdsa.driver.unreached"
	// CodeDriverOrphan: no path leads from a driver to the aim. Warning.
	// Params: "id".
	CodeDriverOrphan model.Code = "pdsa.driver.orphan"

	// CodePlanObjective: the plan has no objective. Error.
	CodePlanObjective model.Code = "pdsa.plan.objective"
	// CodePlanQuestions: the plan has no question. Error.
	CodePlanQuestions model.Code = "pdsa.plan.questions"
	// CodePlanPrediction: a question has no prediction. Error.
	// Params: "number" (from 1).
	CodePlanPrediction model.Code = "pdsa.plan.prediction"
	// CodePlanResponsible: the plan names no responsible person. Error.
	CodePlanResponsible model.Code = "pdsa.plan.responsible"
	// CodePlanEvaluation: the plan has no evaluation date. Error.
	CodePlanEvaluation model.Code = "pdsa.plan.evaluation"
	// CodeDoObservations: Do records nothing of what happened. Error.
	CodeDoObservations model.Code = "pdsa.do.observations"
	// CodeDoStart: Do has no start date. Error.
	CodeDoStart model.Code = "pdsa.do.start"
	// CodeDoDates: Do ends before it starts. Error. Params: "start", "end".
	CodeDoDates model.Code = "pdsa.do.dates"
	// CodeStudyResult: a question has no result. Error.
	// Params: "number" (from 1).
	CodeStudyResult model.Code = "pdsa.study.result"
	// CodeStudySummary: Study has no summary. Error.
	CodeStudySummary model.Code = "pdsa.study.summary"
	// CodeActDecision: Act has no decision. Error.
	CodeActDecision model.Code = "pdsa.act.decision"
	// CodeReopenReason: a reopening gives no reason. Error.
	CodeReopenReason model.Code = "pdsa.reopen.reason"

	// CodeCycleNumber: a cycle's number is below 1. Error. Params: "number".
	CodeCycleNumber model.Code = "pdsa.cycle.number"
	// CodeCycleHistory: a transition in the history breaks the state
	// machine. Error. Params: "reason" (English).
	CodeCycleHistory model.Code = "pdsa.cycle.history"
	// CodeCyclePhase: the phase is not where the history ends. Error.
	// Params: "phase", "history".
	CodeCyclePhase model.Code = "pdsa.cycle.phase"

	// CodeRampNumber: a cycle's number is not its place in the ramp. Error.
	// Params: "number", "want".
	CodeRampNumber model.Code = "pdsa.ramp.number"
	// CodeRampChangeIdea: a cycle tests another change idea than its ramp.
	// Error. Params: "id", "want".
	CodeRampChangeIdea model.Code = "pdsa.ramp.changeIdea"
	// CodeRampOpen: a cycle before the last is not closed. Error.
	// Params: "number".
	CodeRampOpen model.Code = "pdsa.ramp.open"
	// CodeRampEnded: a cycle follows one that ended the ramp. Error.
	// Params: "number" (of the ending cycle), "status".
	CodeRampEnded model.Code = "pdsa.ramp.ended"
	// CodeRampScale: a cycle is smaller than the one before it. Warning.
	// Params: "number".
	CodeRampScale model.Code = "pdsa.ramp.scale"

	// CodeRefMember: a member id is not a member of the team. Error.
	// Params: "id".
	CodeRefMember model.Code = "pdsa.ref.member"
	// CodeRefMeasure: a measure id is not a known measure. Error.
	// Params: "id".
	CodeRefMeasure model.Code = "pdsa.ref.measure"
	// CodeRefChangeIdea: a change idea id is not a change idea of the driver
	// diagram. Error. Params: "id".
	CodeRefChangeIdea model.Code = "pdsa.ref.changeIdea"
)

// Codes returns every rule code this package defines, for tests and for
// catalogs that must cover them.
func Codes() []model.Code {
	return []model.Code{
		CodeNotFinite, CodeNegative,
		CodeAimNumber, CodeAimBaseline, CodeAimDate, CodeAimMeasure, CodeAimClientGroup,
		CodeDriverAim, CodeDriverLinkNode, CodeDriverDirection, CodeDriverDuplicateLink,
		CodeDriverCycle, CodeDriverUnreached, CodeDriverOrphan,
		CodePlanObjective, CodePlanQuestions, CodePlanPrediction, CodePlanResponsible, CodePlanEvaluation,
		CodeDoObservations, CodeDoStart, CodeDoDates, CodeStudyResult, CodeStudySummary,
		CodeActDecision, CodeReopenReason,
		CodeCycleNumber, CodeCycleHistory, CodeCyclePhase,
		CodeRampNumber, CodeRampChangeIdea, CodeRampOpen, CodeRampEnded, CodeRampScale,
		CodeRefMember, CodeRefMeasure, CodeRefChangeIdea,
	}
}

// Messages returns the catalog of the codes this package defines, in
// Finnish, Swedish and English. It builds a new map on each call.
func Messages() model.Catalog {
	return model.Catalog{
		CodeNotFinite: {
			FI: "Luvun pitää olla äärellinen.",
			SV: "Talet måste vara ändligt.",
			EN: "The number must be finite.",
		},
		CodeNegative: {
			FI: "Luku {value} ei voi olla negatiivinen.",
			SV: "Talet {value} kan inte vara negativt.",
			EN: "The number {value} cannot be negative.",
		},
		CodeAimNumber: {
			FI: "Tavoitteesta puuttuu tavoitearvo: kuinka paljon?",
			SV: "Målet saknar målvärde: hur mycket?",
			EN: "The aim has no target value: how much?",
		},
		CodeAimBaseline: {
			FI: "Tavoitteesta puuttuu lähtötaso.",
			SV: "Målet saknar utgångsnivå.",
			EN: "The aim has no baseline.",
		},
		CodeAimDate: {
			FI: "Tavoitteesta puuttuu päivämäärä: mihin mennessä?",
			SV: "Målet saknar datum: när?",
			EN: "The aim has no date: by when?",
		},
		CodeAimMeasure: {
			FI: "Tavoite ei nimeä mittaria, jolla muutos näkyy.",
			SV: "Målet anger inget mått som visar förändringen.",
			EN: "The aim names no measure that shows the change.",
		},
		CodeAimClientGroup: {
			FI: "Tavoite ei nimeä asiakasryhmää: kenelle?",
			SV: "Målet anger ingen klientgrupp: för vem?",
			EN: "The aim names no client group: for whom?",
		},
		CodeDriverAim: {
			FI: "Ajurikaaviossa on {count} tavoitetta; pitää olla tasan yksi.",
			SV: "Drivkraftsdiagrammet har {count} mål; det ska ha exakt ett.",
			EN: "The driver diagram has {count} aims; it must have exactly one.",
		},
		CodeDriverLinkNode: {
			FI: "Yhteys viittaa solmuun ”{id}”, jota ei ole.",
			SV: "Länken hänvisar till noden ”{id}”, som inte finns.",
			EN: "The link refers to the node \"{id}\", which does not exist.",
		},
		CodeDriverDirection: {
			FI: "Yhteys tasolta {from} tasolle {to} on väärään suuntaan.",
			SV: "Länken från nivån {from} till nivån {to} går åt fel håll.",
			EN: "The link from {from} to {to} points the wrong way.",
		},
		CodeDriverDuplicateLink: {
			FI: "Yhteys ”{from}” → ”{to}” on annettu kahdesti.",
			SV: "Länken ”{from}” → ”{to}” anges två gånger.",
			EN: "The link \"{from}\" → \"{to}\" is given twice.",
		},
		CodeDriverCycle: {
			FI: "Yhteydet muodostavat kehän: {ids}.",
			SV: "Länkarna bildar en cykel: {ids}.",
			EN: "The links form a cycle: {ids}.",
		},
		CodeDriverUnreached: {
			FI: "Muutosideasta ”{id}” ei ole polkua tavoitteeseen.",
			SV: "Det finns ingen väg från förändringsidén ”{id}” till målet.",
			EN: "No path leads from the change idea \"{id}\" to the aim.",
		},
		CodeDriverOrphan: {
			FI: "Ajurista ”{id}” ei ole polkua tavoitteeseen.",
			SV: "Det finns ingen väg från drivkraften ”{id}” till målet.",
			EN: "No path leads from the driver \"{id}\" to the aim.",
		},
		CodePlanObjective: {
			FI: "Suunnitelmasta puuttuu syklin tavoite.",
			SV: "Planen saknar cykelns syfte.",
			EN: "The plan has no objective.",
		},
		CodePlanQuestions: {
			FI: "Suunnitelmassa ei ole yhtään kysymystä.",
			SV: "Planen har inga frågor.",
			EN: "The plan has no questions.",
		},
		CodePlanPrediction: {
			FI: "Kysymyksestä {number} puuttuu ennuste.",
			SV: "Fråga {number} saknar förutsägelse.",
			EN: "Question {number} has no prediction.",
		},
		CodePlanResponsible: {
			FI: "Suunnitelmasta puuttuu vastuuhenkilö.",
			SV: "Planen saknar ansvarsperson.",
			EN: "The plan names no responsible person.",
		},
		CodePlanEvaluation: {
			FI: "Suunnitelmasta puuttuu arviointipäivä.",
			SV: "Planen saknar utvärderingsdatum.",
			EN: "The plan has no evaluation date.",
		},
		CodeDoObservations: {
			FI: "Toteutusvaiheesta ei ole kirjattu, mitä tapahtui.",
			SV: "Genomförandet saknar anteckning om vad som hände.",
			EN: "Do records nothing of what happened.",
		},
		CodeDoStart: {
			FI: "Toteutusvaiheesta puuttuu aloituspäivä.",
			SV: "Genomförandet saknar startdatum.",
			EN: "Do has no start date.",
		},
		CodeDoDates: {
			FI: "Toteutus päättyy ({end}) ennen kuin alkaa ({start}).",
			SV: "Genomförandet slutar ({end}) innan det börjar ({start}).",
			EN: "Do ends ({end}) before it starts ({start}).",
		},
		CodeStudyResult: {
			FI: "Kysymyksestä {number} puuttuu tulos ennusteen rinnalle.",
			SV: "Fråga {number} saknar resultat att jämföra med förutsägelsen.",
			EN: "Question {number} has no result to set against its prediction.",
		},
		CodeStudySummary: {
			FI: "Arviointivaiheesta puuttuu yhteenveto opitusta.",
			SV: "Utvärderingen saknar sammanfattning av lärdomarna.",
			EN: "Study has no summary of what was learned.",
		},
		CodeActDecision: {
			FI: "Päätös puuttuu: omaksutaanko, muokataanko vai hylätäänkö muutos?",
			SV: "Beslut saknas: ska förändringen införas, anpassas eller överges?",
			EN: "No decision: adopt, adapt or abandon the change?",
		},
		CodeReopenReason: {
			FI: "Suljetun syklin avaamiselle pitää kirjata syy.",
			SV: "Ett skäl måste anges för att öppna en stängd cykel.",
			EN: "Reopening a closed cycle needs a reason.",
		},
		CodeCycleNumber: {
			FI: "Syklin numero {number} on virheellinen; numerointi alkaa 1:stä.",
			SV: "Cykelns nummer {number} är ogiltigt; numreringen börjar på 1.",
			EN: "The cycle number {number} is invalid; numbering starts at 1.",
		},
		CodeCycleHistory: {
			FI: "Syklin vaihehistoria on ristiriitainen ({reason}).",
			SV: "Cykelns fashistorik är motsägelsefull ({reason}).",
			EN: "The cycle's phase history is inconsistent ({reason}).",
		},
		CodeCyclePhase: {
			FI: "Syklin vaihe {phase} ei vastaa historiaa, joka päättyy vaiheeseen {history}.",
			SV: "Cykelns fas {phase} stämmer inte med historiken, som slutar i fasen {history}.",
			EN: "The cycle's phase {phase} does not match its history, which ends in {history}.",
		},
		CodeRampNumber: {
			FI: "Syklin numero on {number}; sarjassa sen pitäisi olla {want}.",
			SV: "Cykelns nummer är {number}; i serien ska det vara {want}.",
			EN: "The cycle is numbered {number}; in the ramp it should be {want}.",
		},
		CodeRampChangeIdea: {
			FI: "Sykli testaa muutosideaa ”{id}”, sarja ideaa ”{want}”.",
			SV: "Cykeln testar förändringsidén ”{id}”, serien idén ”{want}”.",
			EN: "The cycle tests the change idea \"{id}\"; its ramp tests \"{want}\".",
		},
		CodeRampOpen: {
			FI: "Sykli {number} on yhä auki, vaikka sitä seuraa uusi sykli.",
			SV: "Cykel {number} är fortfarande öppen fast en ny cykel följer.",
			EN: "Cycle {number} is still open although another cycle follows it.",
		},
		CodeRampEnded: {
			FI: "Sykli {number} päätti sarjan ({status}); sen jälkeen ei voi olla syklejä.",
			SV: "Cykel {number} avslutade serien ({status}); inga cykler kan följa.",
			EN: "Cycle {number} ended the ramp ({status}); no cycle can follow it.",
		},
		CodeRampScale: {
			FI: "Sykli {number} on pienempi kuin edellinen; sarjan koko yleensä kasvaa.",
			SV: "Cykel {number} är mindre än den förra; en serie växer vanligen i skala.",
			EN: "Cycle {number} is smaller than the one before; a ramp usually grows in scale.",
		},
		CodeRefMember: {
			FI: "Henkilö ”{id}” ei ole tiimin jäsen.",
			SV: "Personen ”{id}” är inte medlem i teamet.",
			EN: "The person \"{id}\" is not a member of the team.",
		},
		CodeRefMeasure: {
			FI: "Mittaria ”{id}” ei ole määritelty.",
			SV: "Måttet ”{id}” har inte definierats.",
			EN: "The measure \"{id}\" is not defined.",
		},
		CodeRefChangeIdea: {
			FI: "Muutosideaa ”{id}” ei ole ajurikaaviossa.",
			SV: "Förändringsidén ”{id}” finns inte i drivkraftsdiagrammet.",
			EN: "The change idea \"{id}\" is not in the driver diagram.",
		},
	}
}
