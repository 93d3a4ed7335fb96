package svg

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FontFamily is the font stack Sujuva's drawings use. Liberation Sans is
// metric-compatible with Arial and Helvetica, whose widths [Width] uses.
const FontFamily = "Liberation Sans, Arial, Helvetica, sans-serif"

// widths are Helvetica's advance widths in thousandths of an em (Adobe's
// Helvetica AFM), for the characters Finnish, Swedish and English text uses.
var widths = map[rune]int{
	' ': 278, '!': 278, '"': 355, '#': 556, '$': 556, '%': 889, '&': 667, '\'': 191,
	'(': 333, ')': 333, '*': 389, '+': 584, ',': 278, '-': 333, '.': 278, '/': 278,
	'0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556,
	':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556, '@': 1015,
	'A': 667, 'B': 667, 'C': 722, 'D': 722, 'E': 667, 'F': 611, 'G': 778, 'H': 722, 'I': 278,
	'J': 500, 'K': 667, 'L': 556, 'M': 833, 'N': 722, 'O': 778, 'P': 667, 'Q': 778, 'R': 722,
	'S': 667, 'T': 611, 'U': 722, 'V': 667, 'W': 944, 'X': 667, 'Y': 667, 'Z': 611,
	'[': 278, '\\': 278, ']': 278, '_': 556,
	'a': 556, 'b': 556, 'c': 500, 'd': 556, 'e': 556, 'f': 278, 'g': 556, 'h': 556, 'i': 222,
	'j': 222, 'k': 500, 'l': 222, 'm': 833, 'n': 556, 'o': 556, 'p': 556, 'q': 556, 'r': 333,
	's': 500, 't': 278, 'u': 556, 'v': 500, 'w': 722, 'x': 500, 'y': 500, 'z': 500,
	'Ä': 667, 'Ö': 778, 'Å': 667, 'ä': 556, 'ö': 556, 'å': 556, 'é': 556, 'ü': 556,
	'–': 556, '—': 1000, '…': 1000, '•': 350, '”': 333, '“': 333, '’': 222, '±': 584, '≥': 549, '≤': 549, '×': 584,
}

// boldFactor widens bold text: Helvetica-Bold is about 7% wider on average;
// the margin keeps bold text inside its box.
const boldFactor = 1.1

// safety widens every measurement by 3%, for fonts that differ slightly from
// Helvetica's metrics.
const safety = 1.03

// Width returns the width of s in user units when set in size (the font
// size in user units), bold or not. Characters outside the table count as
// an em's 0.6, wider than any common Latin letter.
func Width(s string, size float64, bold bool) float64 {
	total := 0
	for _, r := range s {
		if w, ok := widths[r]; ok {
			total += w
		} else {
			total += 600
		}
	}
	w := float64(total) / 1000 * size * safety
	if bold {
		w *= boldFactor
	}
	return w
}

// Wrap breaks s into lines no wider than width at the given font size.
// Runs of white space collapse; explicit newlines are kept as line breaks.
// A word too long for a line is broken at a syllable boundary (see
// [hyphenPoints]) with a hyphen, or between any two letters when no
// boundary fits. Wrap returns no lines for blank text. A width too small
// for a single letter and a hyphen still yields one letter a line.
func Wrap(s string, width, size float64, bold bool) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapParagraph(strings.Fields(para), width, size, bold)...)
	}
	// Drop leading and trailing blank lines from empty paragraphs.
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		return nil
	}
	return lines
}

func wrapParagraph(words []string, width, size float64, bold bool) []string {
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	for _, w := range words {
		candidate := w
		if line != "" {
			candidate = line + " " + w
		}
		if Width(candidate, size, bold) <= width {
			line = candidate
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for Width(w, size, bold) > width {
			head, tail := breakWord(w, width, size, bold)
			lines = append(lines, head)
			w = tail
		}
		line = w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// breakWord splits w so that head (with its hyphen) fits width, preferring
// the last syllable boundary that fits.
func breakWord(w string, width, size float64, bold bool) (head, tail string) {
	runes := []rune(w)
	best := -1
	for _, p := range hyphenPoints(runes) {
		if Width(string(runes[:p])+"-", size, bold) <= width {
			best = p
		}
	}
	if best < 0 {
		// No boundary fits: as many letters as fit, at least one.
		best = 1
		for p := 2; p < len(runes); p++ {
			if Width(string(runes[:p])+"-", size, bold) > width {
				break
			}
			best = p
		}
	}
	h := string(runes[:best])
	if r, _ := utf8.DecodeLastRuneInString(h); r != '-' {
		h += "-"
	}
	return h, string(runes[best:])
}

// hyphenPoints returns the indexes where w may be broken, by the main rule
// of Finnish syllabification: a syllable begins at a consonant followed by a
// vowel (lä-pi-mur-to-val-men-nus). After an existing hyphen is a boundary
// too. A boundary leaves at least two letters on each side.
func hyphenPoints(w []rune) []int {
	var out []int
	for i := 2; i < len(w)-1; i++ {
		switch {
		case w[i-1] == '-':
			out = append(out, i)
		case !isVowel(w[i]) && unicode.IsLetter(w[i]) && isVowel(w[i+1]) && unicode.IsLetter(w[i-1]):
			if len(w)-i >= 2 {
				out = append(out, i)
			}
		}
	}
	return out
}

func isVowel(r rune) bool {
	return strings.ContainsRune("aeiouyäöåAEIOUYÄÖÅéü", r)
}

// Box is a rectangle in user units.
type Box struct{ X, Y, W, H float64 }

// TextStyle sets how text is drawn in a box.
type TextStyle struct {
	Size     float64 // font size in user units
	MinSize  float64 // the smallest size Fit may shrink to; Size when 0
	Bold     bool
	Fill     string  // colour; "#1a1a1a" when empty
	Leading  float64 // line height as a multiple of the size; 1.25 when 0
	Align    string  // "start" (default), "middle" or "end"
	Class    string  // a CSS class, optional
	Language string  // the text's BCP 47 language (xml:lang), optional
}

func (s TextStyle) leading() float64 {
	if s.Leading > 0 {
		return s.Leading
	}
	return 1.25
}

// Layout is text fitted into a box: its lines, the font size they are set
// in, and whether the text had to be cut short.
type Layout struct {
	Lines     []string
	Size      float64
	Truncated bool
}

// Fit wraps s into box: at style.Size if it fits, else at the largest size
// down to style.MinSize (in steps of 5%) at which it fits; if it fits at no
// size, at MinSize with as many lines as the box holds, the last one ending
// in "…". Every line of the result is no wider than the box.
func Fit(s string, box Box, style TextStyle) Layout {
	size, minSize := style.Size, style.MinSize
	if minSize <= 0 || minSize > size {
		minSize = size
	}
	for {
		lines := Wrap(s, box.W, size, style.Bold)
		if float64(len(lines))*size*style.leading() <= box.H+1e-9 {
			return Layout{Lines: lines, Size: size}
		}
		if size <= minSize {
			break
		}
		size = max(minSize, size*0.95)
	}
	lines := Wrap(s, box.W, minSize, style.Bold)
	n := int(box.H / (minSize * style.leading()))
	if n <= 0 {
		return Layout{Size: minSize, Truncated: len(lines) > 0}
	}
	lines = lines[:n]
	last := lines[n-1]
	for last != "" && Width(last+"…", minSize, style.Bold) > box.W {
		r := []rune(last)
		last = strings.TrimRight(string(r[:len(r)-1]), " -")
	}
	lines[n-1] = last + "…"
	return Layout{Lines: lines, Size: minSize, Truncated: true}
}
