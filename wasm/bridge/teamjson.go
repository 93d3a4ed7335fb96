package bridge

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/sujuva/sujuva/model"
)

// rolesByName is model.Roles() in the byte order of their names, the order
// in which encoding/json writes a map's keys.
var rolesByName = sync.OnceValue(func() []model.Role {
	return slices.Sorted(slices.Values(model.Roles()))
})

// appendTeamCheck appends the answer of "team.validate" as json.Marshal
// writes a [TeamCheck] with Valid valid, Findings fs with prefix before
// every path, and Roles holding a count for each of model.Roles() and
// nothing else, each count(role). Encoding the answer
// by reflection, with its map, was a tenth of the operation; the findings
// are written by appendFindings.
func appendTeamCheck(b []byte, valid bool, fs model.Findings, prefix string, size int, count func(model.Role) int, units int) []byte {
	b = append(b, `{"valid":`...)
	b = strconv.AppendBool(b, valid)
	b = append(b, `,"findings":`...)
	b = appendFindings(b, fs, prefix)
	b = append(b, `,"size":`...)
	b = strconv.AppendInt(b, int64(size), 10)
	b = append(b, `,"roles":{`...)
	for i, r := range rolesByName() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(r))
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(count(r)), 10)
	}
	b = append(b, `},"units":`...)
	b = strconv.AppendInt(b, int64(units), 10)
	return append(b, '}')
}

// appendFindings appends fs as json.Marshal writes fs.Under(prefix), but
// "[]" for nil: every answer carries a list.
func appendFindings(b []byte, fs model.Findings, prefix string) []byte {
	b = append(b, '[')
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		f := &fs[i]
		b = append(b, `{"path":"`...)
		b = appendEscaped(b, prefix)
		b = appendEscaped(b, f.Path)
		b = append(b, '"')
		b = append(b, `,"code":`...)
		b = appendString(b, string(f.Code))
		b = append(b, `,"severity":`...)
		b = appendString(b, string(f.Severity))
		if len(f.Params) > 0 {
			b = append(b, `,"params":{`...)
			// The parameters in the byte order of their names, sorted by
			// insertion: a finding has one to three.
			var buf [8][2]string
			params := buf[:0]
			for k, v := range f.Params {
				params = append(params, [2]string{k, v})
				for j := len(params) - 1; j > 0 && params[j][0] < params[j-1][0]; j-- {
					params[j], params[j-1] = params[j-1], params[j]
				}
			}
			for j, p := range params {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, p[0])
				b = append(b, ':')
				b = appendString(b, p[1])
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendString appends s as a JSON string as encoding/json writes it: with
// <, > and & escaped for HTML, invalid UTF-8 as \ufffd, and U+2028 and
// U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends the inside of appendString's string: two calls
// write the string of s1+s2 when s1 is valid UTF-8.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}
