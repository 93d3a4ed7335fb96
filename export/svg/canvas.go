package svg

import (
	"math"
	"strconv"
	"strings"
)

// Page is a paper size in millimetres, portrait.
type Page struct {
	Name     string
	WidthMM  float64
	HeightMM float64
}

// The ISO 216 paper sizes of posters and handouts.
var (
	A3 = Page{Name: "A3", WidthMM: 297, HeightMM: 420}
	A4 = Page{Name: "A4", WidthMM: 210, HeightMM: 297}
)

// Landscape returns p turned on its side.
func (p Page) Landscape() Page { return Page{Name: p.Name, WidthMM: p.HeightMM, HeightMM: p.WidthMM} }

// Point is a position in user units.
type Point struct{ X, Y float64 }

// Attr is one attribute of an element. Values are escaped when written.
type Attr struct{ Name, Value string }

// Attrs builds attributes from name, value pairs: Attrs("fill", "#fff",
// "stroke", "none"). An odd trailing name is ignored.
func Attrs(pairs ...string) []Attr {
	out := make([]Attr, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Attr{pairs[i], pairs[i+1]})
	}
	return out
}

// Canvas collects the elements of one SVG document. Coordinates are user
// units of its viewBox, with the origin at the top left.
type Canvas struct {
	width, height       float64
	widthAttr, heightAt string
	idPrefix            string
	title, desc         string
	lang                string
	body                strings.Builder
	open                int
}

// New returns a canvas of width × height user units, displayed at that many
// CSS pixels.
func New(width, height float64) *Canvas {
	return &Canvas{width: width, height: height, widthAttr: Num(width), heightAt: Num(height), idPrefix: "svg"}
}

// NewPage returns a canvas for printing on page p: one user unit is one
// millimetre, and the document asks for the page's physical size.
func NewPage(p Page) *Canvas {
	c := New(p.WidthMM, p.HeightMM)
	c.widthAttr, c.heightAt = Num(p.WidthMM)+"mm", Num(p.HeightMM)+"mm"
	return c
}

// Width returns the canvas's width in user units.
func (c *Canvas) Width() float64 { return c.width }

// Height returns the canvas's height in user units.
func (c *Canvas) Height() float64 { return c.height }

// SetTitle sets the title and description screen readers announce.
func (c *Canvas) SetTitle(title, desc string) { c.title, c.desc = title, desc }

// SetIDPrefix sets the prefix of the ids the canvas writes, so that several
// SVGs inlined in one HTML page keep their ids apart. The default is "svg".
func (c *Canvas) SetIDPrefix(p string) { c.idPrefix = p }

// SetLanguage sets the language of the document's text (xml:lang).
func (c *Canvas) SetLanguage(lang string) { c.lang = lang }

// Rect draws a rectangle.
func (c *Canvas) Rect(x, y, w, h float64, attrs ...Attr) {
	c.element("rect", []Attr{{"x", Num(x)}, {"y", Num(y)}, {"width", Num(max(w, 0))}, {"height", Num(max(h, 0))}}, attrs)
}

// Line draws a line.
func (c *Canvas) Line(x1, y1, x2, y2 float64, attrs ...Attr) {
	c.element("line", []Attr{{"x1", Num(x1)}, {"y1", Num(y1)}, {"x2", Num(x2)}, {"y2", Num(y2)}}, attrs)
}

// Circle draws a circle.
func (c *Canvas) Circle(cx, cy, r float64, attrs ...Attr) {
	c.element("circle", []Attr{{"cx", Num(cx)}, {"cy", Num(cy)}, {"r", Num(max(r, 0))}}, attrs)
}

// Polyline draws connected line segments through pts; fewer than two points
// draw nothing.
func (c *Canvas) Polyline(pts []Point, attrs ...Attr) {
	if len(pts) < 2 {
		return
	}
	c.element("polyline", []Attr{{"points", points(pts)}, {"fill", "none"}}, attrs)
}

// Polygon draws a closed shape through pts.
func (c *Canvas) Polygon(pts []Point, attrs ...Attr) {
	if len(pts) < 3 {
		return
	}
	c.element("polygon", []Attr{{"points", points(pts)}}, attrs)
}

// Path draws a path with path data d, which the caller builds from numbers
// formatted with [Num].
func (c *Canvas) Path(d string, attrs ...Attr) {
	c.element("path", []Attr{{"d", d}}, attrs)
}

// Text draws one line of text at (x, y), y being the baseline.
func (c *Canvas) Text(x, y float64, s string, style TextStyle, attrs ...Attr) {
	c.body.WriteString(`<text x="` + Num(x) + `" y="` + Num(y) + `"`)
	c.writeTextStyle(style, style.Size)
	writeAttrs(&c.body, attrs)
	c.body.WriteString(">" + Escape(s) + "</text>\n")
}

// TextBox fits s into box with [Fit] and draws it, the first baseline one
// size below the box's top. It returns the layout drawn.
func (c *Canvas) TextBox(box Box, s string, style TextStyle, attrs ...Attr) Layout {
	l := Fit(s, box, style)
	if len(l.Lines) == 0 {
		return l
	}
	x := box.X
	switch style.Align {
	case "middle":
		x = box.X + box.W/2
	case "end":
		x = box.X + box.W
	}
	c.body.WriteString(`<text x="` + Num(x) + `" y="` + Num(box.Y+l.Size) + `"`)
	c.writeTextStyle(style, l.Size)
	writeAttrs(&c.body, attrs)
	c.body.WriteString(">")
	for i, line := range l.Lines {
		dy := "0"
		if i > 0 {
			dy = Num(l.Size * style.leading())
		}
		c.body.WriteString(`<tspan x="` + Num(x) + `" dy="` + dy + `">` + Escape(line) + "</tspan>")
	}
	c.body.WriteString("</text>\n")
	return l
}

func (c *Canvas) writeTextStyle(style TextStyle, size float64) {
	fill := style.Fill
	if fill == "" {
		fill = "#1a1a1a"
	}
	attrs := []Attr{{"font-size", Num(size)}, {"fill", fill}}
	if style.Bold {
		attrs = append(attrs, Attr{"font-weight", "bold"})
	}
	if style.Align == "middle" || style.Align == "end" {
		attrs = append(attrs, Attr{"text-anchor", style.Align})
	}
	if style.Class != "" {
		attrs = append(attrs, Attr{"class", style.Class})
	}
	if style.Language != "" {
		attrs = append(attrs, Attr{"xml:lang", style.Language})
	}
	writeAttrs(&c.body, attrs)
}

// Group opens a <g> element; every element drawn until the matching
// [Canvas.End] belongs to it. A non-empty title gives the group its own
// <title>, which browsers show as a tooltip and screen readers read.
func (c *Canvas) Group(title string, attrs ...Attr) {
	c.body.WriteString("<g")
	writeAttrs(&c.body, attrs)
	c.body.WriteString(">")
	if title != "" {
		c.body.WriteString("<title>" + Escape(title) + "</title>")
	}
	c.body.WriteString("\n")
	c.open++
}

// End closes the innermost open group. It panics when no group is open: a
// programmer error.
func (c *Canvas) End() {
	if c.open == 0 {
		panic("svg: End without Group")
	}
	c.open--
	c.body.WriteString("</g>\n")
}

// Raw appends markup the caller built and escaped, such as another canvas's
// [Canvas.Inner] placed inside a group with a transform.
func (c *Canvas) Raw(markup string) { c.body.WriteString(markup) }

// Inner returns the elements drawn so far, without the root element, for
// embedding in another canvas.
func (c *Canvas) Inner() string { return c.body.String() }

// String renders the document. Groups left open are closed.
func (c *Canvas) String() string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1"`)
	writeAttrs(&b, []Attr{
		{"width", c.widthAttr}, {"height", c.heightAt},
		{"viewBox", "0 0 " + Num(c.width) + " " + Num(c.height)},
		{"font-family", FontFamily}, {"role", "img"},
	})
	if c.lang != "" {
		writeAttrs(&b, []Attr{{"xml:lang", c.lang}})
	}
	if c.title != "" || c.desc != "" {
		writeAttrs(&b, []Attr{{"aria-labelledby", c.idPrefix + "-title " + c.idPrefix + "-desc"}})
	}
	b.WriteString(">\n")
	if c.title != "" || c.desc != "" {
		b.WriteString(`<title id="` + Escape(c.idPrefix) + `-title">` + Escape(c.title) + "</title>\n")
		b.WriteString(`<desc id="` + Escape(c.idPrefix) + `-desc">` + Escape(c.desc) + "</desc>\n")
	}
	b.WriteString(c.body.String())
	for range c.open {
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func (c *Canvas) element(name string, geometry, attrs []Attr) {
	c.body.WriteString("<" + name)
	writeAttrs(&c.body, geometry)
	writeAttrs(&c.body, attrs)
	c.body.WriteString("/>\n")
}

func writeAttrs(b *strings.Builder, attrs []Attr) {
	for _, a := range attrs {
		if a.Name == "" {
			continue
		}
		b.WriteString(" " + a.Name + `="` + Escape(a.Value) + `"`)
	}
}

func points(pts []Point) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Num(p.X) + "," + Num(p.Y))
	}
	return b.String()
}

// Num formats v with at most two decimals and no trailing zeros ("12.5",
// "3", "-0.25"). NaN and infinities, which a drawing must never contain,
// are written as 0.
func Num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// Escape escapes s for XML text and attribute values, and drops the control
// characters XML 1.0 cannot hold.
func Escape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return escaper.Replace(s)
}
