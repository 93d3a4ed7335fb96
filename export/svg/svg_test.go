package svg_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/export/svg"
)

var wrapCases = []struct {
	name  string
	text  string
	width float64
	want  []string
}{
	{"fits", "Sujuva neuvonta", 100, []string{"Sujuva neuvonta"}},
	{"two lines", "Palveluneuvonnan yhteydenottoon vastataan samana päivänä", 60, []string{"Palveluneuvonnan", "yhteydenottoon vastataan", "samana päivänä"}},
	{"syllable break", "läpimurtovalmennuskierros", 40, []string{"läpimurtovalmennus-", "kierros"}},
	{"narrow syllable break", "läpimurtovalmennuskierros", 20, []string{"läpimurto-", "valmen-", "nuskierros"}},
	{"newline kept", "yksi\nkaksi", 100, []string{"yksi", "kaksi"}},
	{"blank", "  \n ", 100, nil},
	{"hyphenated word", "sosiaali- ja terveydenhuolto", 30, []string{"sosiaali- ja", "terveydenhuolto"}},
	{"long compound", "sosiaali- ja terveydenhuolto", 20, []string{"sosiaali- ja", "terveyden-", "huolto"}},
}

func TestWrap(t *testing.T) {
	const size = 4
	for _, tc := range wrapCases {
		t.Run(tc.name, func(t *testing.T) {
			got := svg.Wrap(tc.text, tc.width, size, false)
			assert.Equal(t, tc.want, got)
			for _, line := range got {
				assert.LessOrEqual(t, svg.Width(line, size, false), tc.width, line)
			}
		})
	}
}

// longTexts are the kind of text teams write, with long Finnish compounds.
var longTexts = []string{
	"Moniammatillinen palvelutarpeenarvioinnin kehittämistyöryhmä",
	"Ikääntyneiden palveluneuvonnan asiakasohjausprosessin läpimenoaikaa lyhennettiin yhteydenottopyyntöjen samanpäiväisellä takaisinsoitolla",
	"Sosiaalihuoltolain mukaisen palvelutarpeen arvioinnin aloittaminen viimeistään seitsemäntenä arkipäivänä yhteydenotosta",
	strings.Repeat("lastensuojeluilmoituksenkäsittelyprosessi ", 12),
	"x",
}

func TestFitNeverOverflows(t *testing.T) {
	for _, text := range longTexts {
		for _, box := range []svg.Box{{W: 40, H: 10}, {W: 80, H: 30}, {W: 20, H: 60}, {W: 120, H: 6}} {
			style := svg.TextStyle{Size: 5, MinSize: 3, Bold: true}
			l := svg.Fit(text, box, style)
			for _, line := range l.Lines {
				assert.LessOrEqual(t, svg.Width(line, l.Size, true), box.W, "%q in %v", line, box)
			}
			assert.LessOrEqual(t, float64(len(l.Lines))*l.Size*1.25, box.H+1e-9, "height in %v", box)
			assert.GreaterOrEqual(t, l.Size, style.MinSize)
			if l.Truncated {
				require.NotEmpty(t, l.Lines)
				assert.True(t, strings.HasSuffix(l.Lines[len(l.Lines)-1], "…"))
			}
		}
	}
	l := svg.Fit("lyhyt", svg.Box{W: 100, H: 10}, svg.TextStyle{Size: 5, MinSize: 3})
	assert.Equal(t, svg.Layout{Lines: []string{"lyhyt"}, Size: 5}, l)
}

func TestEscapeHostileText(t *testing.T) {
	c := svg.New(100, 50)
	hostile := `<img src=x onerror=alert(1)> "><script>alert('x')</script> & ` + "\x00\x07"
	c.SetTitle(hostile, hostile)
	c.Text(1, 10, hostile, svg.TextStyle{Size: 4})
	c.TextBox(svg.Box{X: 0, Y: 10, W: 100, H: 40}, hostile, svg.TextStyle{Size: 4})
	c.Group(hostile, svg.Attr{Name: "class", Value: hostile})
	c.Rect(0, 0, 1, 1)
	c.End()
	out := c.String()
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assertWellFormed(t, out)
}

func assertWellFormed(t *testing.T, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, doc)
	}
}

func TestCanvas(t *testing.T) {
	c := svg.NewPage(svg.A4.Landscape())
	c.SetTitle("Läpimenoaika", "Mediaani laski 42 päivästä 18 päivään.")
	c.SetIDPrefix("chart1")
	c.SetLanguage("fi")
	c.Group("", svg.Attrs("class", "axis")...)
	c.Line(10, 190, 287, 190, svg.Attrs("stroke", "#333")...)
	c.Polyline([]svg.Point{{10, 100}, {20.456, 90.004}, {30, 80}}, svg.Attrs("stroke", "#0a5")...)
	c.Circle(20.456, 90.004, 1.2)
	c.End()
	assert.Equal(t, `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="297mm" height="210mm" viewBox="0 0 297 210" font-family="Liberation Sans, Arial, Helvetica, sans-serif" role="img" xml:lang="fi" aria-labelledby="chart1-title chart1-desc">
<title id="chart1-title">Läpimenoaika</title>
<desc id="chart1-desc">Mediaani laski 42 päivästä 18 päivään.</desc>
<g class="axis">
<line x1="10" y1="190" x2="287" y2="190" stroke="#333"/>
<polyline points="10,100 20.46,90 30,80" fill="none" stroke="#0a5"/>
<circle cx="20.46" cy="90" r="1.2"/>
</g>
</svg>
`, c.String())
	assert.Equal(t, 297.0, c.Width())
	assert.Panics(t, func() { svg.New(1, 1).End() })
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1.5: "1.5", -0.001: "0", 2.005: "2.01", 100: "100", -3.25: "-3.25"} {
		assert.Equal(t, want, svg.Num(in), "%v", in)
	}
}

func FuzzFit(f *testing.F) {
	for _, s := range longTexts {
		f.Add(s, 40.0, 10.0)
	}
	f.Add("<&>\"'", 1.0, 1.0)
	f.Fuzz(func(t *testing.T, s string, w, h float64) {
		if !(w > 0 && w < 1e4 && h > 0 && h < 1e4) {
			return
		}
		c := svg.New(w, h)
		l := c.TextBox(svg.Box{W: w, H: h}, s, svg.TextStyle{Size: 4, MinSize: 2})
		for _, line := range l.Lines {
			if svg.Width(line, l.Size, false) > w && len([]rune(line)) > 2 {
				t.Fatalf("line %q wider than %v", line, w)
			}
		}
		assertWellFormed(t, c.String())
	})
}
