package eventlog

import (
	"bytes"
	"time"
)

// daysFromCivil returns the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms").
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// digits reads b[i:i+n] as a decimal number; ok is false for a non-digit.
func digits(b []byte, i, n int) (int64, bool) {
	if i+n > len(b) {
		return 0, false
	}
	var v int64
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// civil is a wall-clock reading before a location or offset is applied.
type civil struct {
	y, mo, d, h, mi, s, ns int64
}

func (c civil) valid() bool {
	return c.mo >= 1 && c.mo <= 12 && c.d >= 1 && c.d <= daysIn(c.y, c.mo) &&
		c.h <= 23 && c.mi <= 59 && c.s <= 59
}

// monthDays[(y-tableFrom)*12+m-1] is daysFromCivil(y, m, 1) for the years
// logs hold, so that a timestamp costs a look-up instead of the divisions.
// It is filled at package initialisation (3600 entries, microseconds), not
// on first use: a sync.OnceValue's check on every timestamp cost 3% of an
// analysis under js/wasm, where it is a call and an atomic load.
const tableFrom, tableTo = 1900, 2200

var monthDays = func() []int32 {
	t := make([]int32, 0, (tableTo-tableFrom)*12)
	for y := int64(tableFrom); y < tableTo; y++ {
		for m := int64(1); m <= 12; m++ {
			t = append(t, int32(daysFromCivil(y, m, 1)))
		}
	}
	return t
}()

func (c civil) days() int64 {
	if c.y >= tableFrom && c.y < tableTo {
		return int64(monthDays[(c.y-tableFrom)*12+c.mo-1]) + c.d - 1
	}
	return daysFromCivil(c.y, c.mo, c.d)
}

func (c civil) unixNano(offsetSec int64) int64 {
	secs := c.days()*86400 + c.h*3600 + c.mi*60 + c.s - offsetSec
	return secs*1e9 + c.ns
}

// parseTime reads a timestamp as Unix nanoseconds. It understands RFC 3339
// with an offset or Z (a space may stand for the T), and local times
// "2006-01-02 15:04[:05]" and "2.1.2006 15.04[.05]" read in loc. local
// reports that loc was needed. The engine tries [parseRFC3339Seconds]
// first, for the form most logs use, and calls parseTime for the rest.
func parseTime(b []byte, loc *time.Location) (ns int64, local bool, ok bool) {
	b = bytes.TrimSpace(b)
	if len(b) >= 16 && b[4] == '-' && b[7] == '-' && (b[10] == 'T' || b[10] == ' ' || b[10] == 't') && b[13] == ':' {
		return parseISO(b, loc)
	}
	return parseFinnish(b, loc)
}

// parseRFC3339Seconds is parseISO's fast path for the form most logs use,
// "2006-01-02T15:04:05+07:00" or "2006-01-02T15:04:05Z": fixed positions,
// no loops and no calls, which matters most under js/wasm. ok is false for
// anything else, which parseISO then reads (or refuses) in full.
func parseRFC3339Seconds(b []byte) (int64, bool) {
	var off int64
	switch {
	case len(b) == 20 && b[19] == 'Z':
	case len(b) == 25 && (b[19] == '+' || b[19] == '-') && b[22] == ':':
		h1, h2, m1, m2 := b[20]-'0', b[21]-'0', b[23]-'0', b[24]-'0'
		if h1 > 9 || h2 > 9 || m1 > 9 || m2 > 9 {
			return 0, false
		}
		oh, om := int64(h1)*10+int64(h2), int64(m1)*10+int64(m2)
		if oh > 23 || om > 59 {
			return 0, false
		}
		off = oh*3600 + om*60
		if b[19] == '-' {
			off = -off
		}
	default:
		return 0, false
	}
	_ = b[19] // one bounds check for the reads below
	if b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	y1, y2, y3, y4 := b[0]-'0', b[1]-'0', b[2]-'0', b[3]-'0'
	mo1, mo2, d1, d2 := b[5]-'0', b[6]-'0', b[8]-'0', b[9]-'0'
	h1, h2, mi1, mi2, s1, s2 := b[11]-'0', b[12]-'0', b[14]-'0', b[15]-'0', b[17]-'0', b[18]-'0'
	if y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || mo1 > 9 || mo2 > 9 || d1 > 9 || d2 > 9 || h1 > 9 || h2 > 9 || mi1 > 9 || mi2 > 9 || s1 > 9 || s2 > 9 {
		return 0, false
	}
	c := civil{
		y:  int64(y1)*1000 + int64(y2)*100 + int64(y3)*10 + int64(y4),
		mo: int64(mo1)*10 + int64(mo2), d: int64(d1)*10 + int64(d2),
		h: int64(h1)*10 + int64(h2), mi: int64(mi1)*10 + int64(mi2), s: int64(s1)*10 + int64(s2),
	}
	if !c.valid() {
		return 0, false
	}
	// c.unixNano(off) written out: under js/wasm its two calls (it and
	// c.days, neither inlined) cost more than the arithmetic.
	var days int64
	if c.y >= tableFrom && c.y < tableTo {
		days = int64(monthDays[(c.y-tableFrom)*12+c.mo-1]) + c.d - 1
	} else {
		days = daysFromCivil(c.y, c.mo, c.d)
	}
	return (days*86400 + c.h*3600 + c.mi*60 + c.s - off) * 1e9, true
}

func parseISO(b []byte, loc *time.Location) (int64, bool, bool) {
	var c civil
	var ok1, ok2, ok3, ok4, ok5 bool
	c.y, ok1 = digits(b, 0, 4)
	c.mo, ok2 = digits(b, 5, 2)
	c.d, ok3 = digits(b, 8, 2)
	c.h, ok4 = digits(b, 11, 2)
	c.mi, ok5 = digits(b, 14, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) {
		return 0, false, false
	}
	i := 16
	if i < len(b) && b[i] == ':' {
		s, ok := digits(b, 17, 2)
		if !ok {
			return 0, false, false
		}
		c.s = s
		i = 19
		if i < len(b) && (b[i] == '.' || b[i] == ',') {
			i++
			start := i
			scale := int64(1e8)
			for i < len(b) && b[i] >= '0' && b[i] <= '9' {
				if i-start < 9 {
					c.ns += int64(b[i]-'0') * scale
					scale /= 10
				}
				i++
			}
			if i == start {
				return 0, false, false
			}
		}
	}
	if !c.valid() {
		return 0, false, false
	}
	switch {
	case i == len(b):
		if loc == nil {
			return 0, true, false
		}
		return c.inLocation(loc), true, true
	case (b[i] == 'Z' || b[i] == 'z') && i+1 == len(b):
		return c.unixNano(0), false, true
	case (b[i] == '+' || b[i] == '-') && i+6 == len(b) && b[i+3] == ':':
		oh, ok1 := digits(b, i+1, 2)
		om, ok2 := digits(b, i+4, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return 0, false, false
		}
		off := oh*3600 + om*60
		if b[i] == '-' {
			off = -off
		}
		return c.unixNano(off), false, true
	}
	return 0, false, false
}

func (c civil) inLocation(loc *time.Location) int64 {
	return time.Date(int(c.y), time.Month(c.mo), int(c.d), int(c.h), int(c.mi), int(c.s), int(c.ns), loc).UnixNano()
}

// parseFinnish reads "2.1.2006 15.04" or "2.1.2006 15.04.05" (day and month
// without leading zeros allowed, the hour too) in loc.
func parseFinnish(b []byte, loc *time.Location) (int64, bool, bool) {
	var c civil
	i := 0
	num := func(max int) (int64, bool) {
		start := i
		var v int64
		for i < len(b) && i-start < max && b[i] >= '0' && b[i] <= '9' {
			v = v*10 + int64(b[i]-'0')
			i++
		}
		return v, i > start
	}
	expect := func(ch byte) bool {
		if i < len(b) && b[i] == ch {
			i++
			return true
		}
		return false
	}
	var ok bool
	if c.d, ok = num(2); !ok || !expect('.') {
		return 0, false, false
	}
	if c.mo, ok = num(2); !ok || !expect('.') {
		return 0, false, false
	}
	ys := i
	if c.y, ok = num(4); !ok || i-ys != 4 || !expect(' ') {
		return 0, false, false
	}
	if c.h, ok = num(2); !ok || !(expect('.') || expect(':')) {
		return 0, false, false
	}
	if c.mi, ok = num(2); !ok {
		return 0, false, false
	}
	if expect('.') || expect(':') {
		if c.s, ok = num(2); !ok {
			return 0, false, false
		}
	}
	if i != len(b) || !c.valid() || c.y < 1000 {
		return 0, false, false
	}
	if loc == nil {
		return 0, true, false
	}
	return c.inLocation(loc), true, true
}

// splitFields splits one line into fields by delim into dst, reusing it.
// Quoted fields ("a,b", with "" for a quote) are supported when the line
// has a quote; a quoted field cannot hold a line break. ok is false for an
// unterminated quote.
func splitFields(dst [][]byte, line []byte, delim byte, scratch []byte) ([][]byte, []byte, bool) {
	dst = dst[:0]
	if bytes.IndexByte(line, '"') < 0 {
		return splitPlain(dst, line, delim), scratch, true
	}
	scratch = scratch[:0]
	type span struct{ from, to int }
	var spans []span
	for pos := 0; ; {
		start := len(scratch)
		if pos < len(line) && line[pos] == '"' {
			pos++
			for {
				q := bytes.IndexByte(line[pos:], '"')
				if q < 0 {
					return dst, scratch, false
				}
				scratch = append(scratch, line[pos:pos+q]...)
				pos += q + 1
				if pos < len(line) && line[pos] == '"' {
					scratch = append(scratch, '"')
					pos++
					continue
				}
				break
			}
			spans = append(spans, span{start, len(scratch)})
			if pos == len(line) {
				break
			}
			if line[pos] != delim {
				return dst, scratch, false
			}
			pos++
			continue
		}
		i := bytes.IndexByte(line[pos:], delim)
		if i < 0 {
			scratch = append(scratch, line[pos:]...)
			spans = append(spans, span{start, len(scratch)})
			break
		}
		scratch = append(scratch, line[pos:pos+i]...)
		spans = append(spans, span{start, len(scratch)})
		pos += i + 1
		if pos == len(line) {
			spans = append(spans, span{len(scratch), len(scratch)})
			break
		}
	}
	for _, s := range spans {
		dst = append(dst, scratch[s.from:s.to])
	}
	return dst, scratch, true
}

// splitPlain appends the fields of a line without quotes to dst. The engine
// calls it directly for blocks without a quote (see scanBlock), which
// spares a scan of every line for one.
func splitPlain(dst [][]byte, line []byte, delim byte) [][]byte {
	for {
		i := bytes.IndexByte(line, delim)
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}
