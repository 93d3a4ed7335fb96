package innokyla_test

import (
	"fmt"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/model"
)

func ExampleReportName() {
	county, _ := model.LookupCounty("Pirkanmaa")
	fmt.Println(innokyla.ReportName("Sujuva neuvonta", county, innokyla.DefaultInvestmentCode))
	// Output:
	// Sujuva neuvonta, Pirkanmaan HVA (RRP, P4, I1)
}

func ExampleDocument_Validate() {
	d := innokyla.New(model.Finnish, innokyla.Basics{Name: "Sujuva neuvonta", Summary: "Lyhyesti."})
	_ = d.SetSection("operatingEnvironment", "Helsingin palvelukeskukset.", innokyla.SourceTeam)
	_ = d.SetSection("coreIdea", "Soitto samana päivänä.", innokyla.SourceTeam)
	if err := d.SetSection("poem", "x", innokyla.SourceTeam); err != nil {
		fmt.Println(err)
	}
	for _, f := range d.Validate() {
		fmt.Println(f.Path, innokyla.Messages().Text(f, model.Finnish))
	}
	// Output:
	// innokyla: unknown section "poem"
	// /sections/7/text Pakollinen osio ”Kohderyhmä ja asiakasymmärrys” on tyhjä.
	// /sections/17/text Pakollinen osio ”Toimivuuden ja käyttöönoton ehdot” on tyhjä.
}

func ExampleDocument_Copies() {
	d := innokyla.New(model.Finnish, innokyla.Basics{Name: "Sujuva neuvonta"})
	_ = d.SetSection("pilotLessons", "- **Soitto** toimii", innokyla.SourceTeam)
	for _, c := range d.Copies() {
		if c.Markdown != "" {
			fmt.Printf("%s: %q / %q\n", c.Heading, c.Markdown, c.Plain)
		}
	}
	// Output:
	// Toimintamallin nimi: "Sujuva neuvonta" / "Sujuva neuvonta"
	// Kokeilussa opittua: "- **Soitto** toimii" / "• Soitto toimii"
}

func ExamplePlain() {
	fmt.Println(innokyla.Plain("Katso [THL:n sivu](https://thl.fi) ja **posteri**."))
	// Output:
	// Katso THL:n sivu (https://thl.fi) ja posteri.
}
