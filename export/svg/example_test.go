package svg_test

import (
	"fmt"

	"github.com/sujuva/sujuva/export/svg"
)

func ExampleWrap() {
	for _, line := range svg.Wrap("Läpimurtovalmennuskierroksen työpaja", 30, 4, false) {
		fmt.Println(line)
	}
	// Output:
	// Läpimurtoval-
	// mennuskierrok-
	// sen työpaja
}

func ExampleFit() {
	l := svg.Fit("Asiakasohjauksen läpimenoaika lyheni", svg.Box{W: 40, H: 6}, svg.TextStyle{Size: 5, MinSize: 3})
	fmt.Println(l.Lines, l.Size, l.Truncated)
	// Output:
	// [Asiakasohjauksen…] 3 true
}

func ExampleCanvas() {
	c := svg.New(60, 20)
	c.SetTitle("Esimerkki", "Suorakulmio ja teksti.")
	c.Rect(0, 0, 60, 20, svg.Attrs("fill", "#eef")...)
	c.Text(2, 12, "<Tiimi & asiakas>", svg.TextStyle{Size: 5})
	fmt.Print(c.String())
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="60" height="20" viewBox="0 0 60 20" font-family="Liberation Sans, Arial, Helvetica, sans-serif" role="img" aria-labelledby="svg-title svg-desc">
	// <title id="svg-title">Esimerkki</title>
	// <desc id="svg-desc">Suorakulmio ja teksti.</desc>
	// <rect x="0" y="0" width="60" height="20" fill="#eef"/>
	// <text x="2" y="12" font-size="5" fill="#1a1a1a">&lt;Tiimi &amp; asiakas&gt;</text>
	// </svg>
}

func ExampleNum() {
	fmt.Println(svg.Num(12.3456), svg.Num(7), svg.Num(-0.004))
	// Output:
	// 12.35 7 0
}
