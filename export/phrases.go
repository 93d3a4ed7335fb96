package export

import (
	"github.com/sujuva/sujuva/metrics"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
)

// phrases are the sentences of the drafts in one language.
type phrases struct {
	decimalPoint                                                           bool   // "2.5" rather than "2,5"
	and                                                                    string // the word before a list's last item
	environment, units                                                     string
	team, teamUnits, professions, ownerIn, ownerOut                        string
	targetGroup, clientMember                                              string
	aimNumbers                                                             string
	measuresIntro, byHand, source                                          string
	kinds                                                                  map[metrics.Kind]string
	frequency                                                              map[metrics.Frequency]string
	current, bottleneck, ideal, adopted, cycles                            string
	decisions                                                              map[pdsa.Decision]string
	change, rose, fell, above, below                                       string
	significantRun, significantSigma, significantCrossings, notSignificant string
}

var texts = map[model.Language]phrases{
	model.Finnish: {
		and:                  "ja",
		environment:          "Kehittämisen kohteena on prosessi ”%s” (%s).",
		units:                "Prosessissa ovat mukana yksiköt %s.",
		team:                 "Kehittämistiimissä oli %d jäsentä: %d kehittäjäasiakas, %d sosiaali- ja terveydenhuollon ammattilaista sekä prosessin omistaja tai esihenkilö.",
		teamUnits:            "Ammattilaiset tulivat %d yksiköstä.",
		professions:          "Ammattilaiset: %s.",
		ownerIn:              "Prosessin omistaja osallistui tiimin työhön.",
		ownerOut:             "Prosessin omistaja oli nimetty, ja tiimissä oli esihenkilötason jäsen.",
		targetGroup:          "Kohderyhmänä ovat %s.",
		clientMember:         "Kehittäjäasiakas toi tiimiin asiakkaan näkökulman tasavertaisena jäsenenä.",
		aimNumbers:           "Lähtötaso oli %s %s ja tavoite %s %s %s mennessä.",
		measuresIntro:        "Muutosta seurattiin seuraavilla mittareilla:",
		byHand:               "käsimittaus",
		source:               "lähde",
		kinds:                map[metrics.Kind]string{metrics.KindOutcome: "tulosmittari", metrics.KindProcess: "prosessimittari", metrics.KindBalancing: "tasapainottava mittari"},
		frequency:            map[metrics.Frequency]string{metrics.FrequencyWeekly: "viikoittain", metrics.FrequencyMonthly: "kuukausittain"},
		current:              "Nykytilan arvovirrassa on %d vaihetta. Läpimenoaika on %s vuorokautta, josta odotusta %s vuorokautta; virtaustehokkuus on %s.",
		bottleneck:           "Pisin odotus on ennen vaihetta ”%s”.",
		ideal:                "Tavoitetilassa läpimenoaika lyhenee %s vuorokaudesta %s vuorokauteen ja vaiheita on %d sijaan %d; virtaustehokkuus on %s.",
		adopted:              "Käyttöön otetut muutokset:",
		cycles:               "Muutoksia testattiin %d PDSA-syklillä:",
		decisions:            map[pdsa.Decision]string{pdsa.DecisionAdopt: "otettiin käyttöön", pdsa.DecisionAdapt: "muokattiin", pdsa.DecisionAbandon: "hylättiin"},
		change:               "Mittarin ”%s” keskitaso %s: %s → %s %s.",
		rose:                 "nousi",
		fell:                 "laski",
		above:                "keskiviivan yläpuolella",
		below:                "keskiviivan alapuolella",
		significantRun:       "Muutos on merkitsevä: %d peräkkäistä pistettä %s.",
		significantSigma:     "Muutos on merkitsevä: %d pistettä ohjausrajojen ulkopuolella.",
		significantCrossings: "Muutos on merkitsevä: keskiviiva ylittyy harvemmin kuin sattumalta.",
		notSignificant:       "Kaaviossa ei vielä näy merkitsevää muutosta.",
	},
	model.Swedish: {
		and:                  "och",
		environment:          "Utvecklingen gäller processen ”%s” (%s).",
		units:                "I processen deltar enheterna %s.",
		team:                 "Utvecklingsteamet hade %d medlemmar: %d klientutvecklare, %d yrkesutbildade inom social- och hälsovården samt processägaren eller en chef.",
		teamUnits:            "De yrkesutbildade kom från %d enheter.",
		professions:          "Yrkesutbildade: %s.",
		ownerIn:              "Processägaren deltog i teamets arbete.",
		ownerOut:             "Processägaren var utsedd, och teamet hade en medlem på chefsnivå.",
		targetGroup:          "Målgruppen är %s.",
		clientMember:         "Klientutvecklaren förde in klientens perspektiv som en jämbördig medlem.",
		aimNumbers:           "Utgångsnivån var %s %s och målet %s %s senast %s.",
		measuresIntro:        "Förändringen följdes med dessa mått:",
		byHand:               "manuell mätning",
		source:               "källa",
		kinds:                map[metrics.Kind]string{metrics.KindOutcome: "resultatmått", metrics.KindProcess: "processmått", metrics.KindBalancing: "balanserande mått"},
		frequency:            map[metrics.Frequency]string{metrics.FrequencyWeekly: "varje vecka", metrics.FrequencyMonthly: "varje månad"},
		current:              "Nulägets värdeflöde har %d steg. Genomloppstiden är %s dygn, varav väntan %s dygn; flödeseffektiviteten är %s.",
		bottleneck:           "Den längsta väntan är före steget ”%s”.",
		ideal:                "I målläget kortas genomloppstiden från %s till %s dygn och stegen blir %d i stället för %d; flödeseffektiviteten är %s.",
		adopted:              "Förändringar som infördes:",
		cycles:               "Förändringarna testades i %d PDSA-cykler:",
		decisions:            map[pdsa.Decision]string{pdsa.DecisionAdopt: "infördes", pdsa.DecisionAdapt: "anpassades", pdsa.DecisionAbandon: "övergavs"},
		change:               "Nivån för måttet ”%s” %s: %s → %s %s.",
		rose:                 "steg",
		fell:                 "sjönk",
		above:                "ovanför mittlinjen",
		below:                "under mittlinjen",
		significantRun:       "Förändringen är signifikant: %d punkter i följd %s.",
		significantSigma:     "Förändringen är signifikant: %d punkter utanför styrgränserna.",
		significantCrossings: "Förändringen är signifikant: mittlinjen korsas mer sällan än av en slump.",
		notSignificant:       "Diagrammet visar ännu ingen signifikant förändring.",
	},
	model.English: {
		decimalPoint:         true,
		environment:          "The work develops the process \"%s\" (%s).",
		units:                "The process involves %s.",
		team:                 "The development team had %d members: %d client developer, %d social and health care professionals, and the process owner or a supervisor.",
		teamUnits:            "The professionals came from %d units.",
		professions:          "Professionals: %s.",
		ownerIn:              "The process owner took part in the team's work.",
		ownerOut:             "The process owner was named, and the team had a supervisor-level member.",
		targetGroup:          "The target group is %s.",
		clientMember:         "The client developer brought the client's view as an equal member.",
		aimNumbers:           "The baseline was %s %s and the target %s %s by %s.",
		measuresIntro:        "The change was followed with these measures:",
		byHand:               "hand measurement",
		source:               "source",
		kinds:                map[metrics.Kind]string{metrics.KindOutcome: "outcome measure", metrics.KindProcess: "process measure", metrics.KindBalancing: "balancing measure"},
		frequency:            map[metrics.Frequency]string{metrics.FrequencyWeekly: "weekly", metrics.FrequencyMonthly: "monthly"},
		current:              "The current value stream has %d steps. The lead time is %s days, of which %s days waiting; the flow efficiency is %s.",
		bottleneck:           "The longest wait comes before \"%s\".",
		ideal:                "In the ideal state the lead time falls from %s to %s days and the steps from %d to %d; the flow efficiency is %s.",
		adopted:              "Changes adopted:",
		cycles:               "The changes were tested in %d PDSA cycles:",
		decisions:            map[pdsa.Decision]string{pdsa.DecisionAdopt: "adopted", pdsa.DecisionAdapt: "adapted", pdsa.DecisionAbandon: "abandoned"},
		change:               "The level of \"%s\" %s: %s → %s %s.",
		rose:                 "rose",
		fell:                 "fell",
		above:                "above the centre line",
		below:                "below the centre line",
		significantRun:       "The change is significant: %d points in a row %s.",
		significantSigma:     "The change is significant: %d points outside the control limits.",
		significantCrossings: "The change is significant: the centre line is crossed less often than chance allows.",
		notSignificant:       "The chart does not yet show a significant change.",
	},
}
