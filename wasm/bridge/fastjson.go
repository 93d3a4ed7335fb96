package bridge

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fastDecoder is the reader of the fast paths that decode an operation's
// usual input by hand (chartdecode.go, teamdecode.go): each reads the plain
// shape the worksheet page and the API's usual callers send and reports
// false for anything else, and the operation then decodes with
// encoding/json, which stays the oracle of their tests and reports every
// error. Decoding by reflection is the largest part of a small call in
// js/wasm.

// once reports whether *seen was false, and sets it.
func once(seen *bool) bool {
	first := !*seen
	*seen = true
	return first
}

// fastDecoder reads JSON from in at pos.
type fastDecoder struct {
	in   []byte
	pos  int
	slab []float64 // backing store of the values that pointers point to
	// src, when set, holds in's bytes as a string: text then cuts the
	// strings it reads out of it instead of allocating each.
	src string
}

func (d *fastDecoder) space() {
	for d.pos < len(d.in) {
		switch d.in[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *fastDecoder) peek() byte {
	d.space()
	if d.pos < len(d.in) {
		return d.in[d.pos]
	}
	return 0
}

func (d *fastDecoder) byte(c byte) bool {
	if d.peek() != c {
		return false
	}
	d.pos++
	return true
}

// object reads an object, calling member for each key with d just before
// the key's value; member reads the value.
func (d *fastDecoder) object(member func(key []byte) bool) bool {
	if !d.byte('{') {
		return false
	}
	if d.byte('}') {
		return true
	}
	for {
		key, ok := d.str()
		if !ok || !d.byte(':') || !member(key) {
			return false
		}
		if d.byte('}') {
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

// str reads a string without escapes or control characters, in valid
// UTF-8 (encoding/json would replace what is not), returning its bytes in
// in. Its loop is most of decoding a team, and one table lookup a byte
// halves it in js/wasm.
func (d *fastDecoder) str() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	in, start := d.in, d.pos
	ascii := true
	for i := start; i < len(in); i++ {
		c := in[i]
		if plain[c] {
			continue
		}
		if c == '"' {
			d.pos = i + 1
			s := in[start:i]
			return s, ascii || utf8.Valid(s)
		}
		if c < utf8.RuneSelf { // '\\', a control character, DEL
			return nil, false
		}
		ascii = false
	}
	return nil, false
}

// plain marks the bytes str passes over: printable ASCII but '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (d *fastDecoder) literal(s string) bool {
	d.space()
	if len(d.in)-d.pos < len(s) || string(d.in[d.pos:d.pos+len(s)]) != s {
		return false
	}
	d.pos += len(s)
	return true
}

// number reads a JSON number (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?) that
// a float64 holds; encoding/json refuses the ones out of its range.
func (d *fastDecoder) number() (float64, bool) {
	d.space()
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.in) && d.in[d.pos] >= '0' && d.in[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.pos < len(d.in) && d.in[d.pos] == '-' {
		d.pos++
	}
	if d.pos < len(d.in) && d.in[d.pos] == '0' {
		d.pos++
	} else if digits() == 0 {
		return 0, false
	}
	if d.pos < len(d.in) && d.in[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return 0, false
		}
	}
	if d.pos < len(d.in) && (d.in[d.pos] == 'e' || d.in[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.in) && (d.in[d.pos] == '+' || d.in[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(d.in[start:d.pos]), 64)
	return f, err == nil
}

// numberPtr reads a number or null into *p; the numbers share slabs of 64
// rather than one allocation each.
func (d *fastDecoder) numberPtr(p **float64) bool {
	if d.peek() == 'n' {
		*p = nil
		return d.literal("null")
	}
	f, ok := d.number()
	if !ok {
		return false
	}
	if len(d.slab) == cap(d.slab) {
		d.slab = make([]float64, 0, 64)
	}
	d.slab = append(d.slab, f)
	*p = &d.slab[len(d.slab)-1]
	return true
}

// raw reads any value and decodes it into v with encoding/json.
func (d *fastDecoder) raw(v any) bool {
	d.space()
	start := d.pos
	if !d.skip() {
		return false
	}
	return json.Unmarshal(d.in[start:d.pos], v) == nil
}

// skip passes over one value, up to the delimiter or white space after it,
// checking only enough to find its end: json.Unmarshal of the value, which
// must then be exactly one value, checks the rest.
func (d *fastDecoder) skip() bool {
	depth := 0
	for ; d.pos < len(d.in); d.pos++ {
		switch d.in[d.pos] {
		case '"':
			for d.pos++; d.pos < len(d.in) && d.in[d.pos] != '"'; d.pos++ {
				if d.in[d.pos] == '\\' {
					d.pos++
				}
			}
			if d.pos >= len(d.in) {
				return false
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return true
			}
			depth--
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return true
			}
		}
	}
	return depth == 0
}

func (d *fastDecoder) text(s *string) bool {
	v, ok := d.str()
	if ok && d.src != "" {
		end := d.pos - 1 // before the closing quote
		*s = d.src[end-len(v) : end]
		return true
	}
	*s = string(v)
	return ok
}

// boolean reads true or false into *b.
func (d *fastDecoder) boolean(b *bool) bool {
	switch d.peek() {
	case 't':
		*b = true
		return d.literal("true")
	case 'f':
		*b = false
		return d.literal("false")
	}
	return false
}

// ignore passes over the value of key, which the struct being read has no
// field of, as encoding/json does, unless encoding/json would take key for
// one of fields (the struct's JSON names) in another case: key must then
// be ASCII and match none of them but for case. The value must be valid
// JSON.
func (d *fastDecoder) ignore(key []byte, fields []string) bool {
	for _, c := range key {
		if c >= 0x80 {
			return false
		}
	}
	for _, f := range fields {
		if strings.EqualFold(string(key), f) {
			return false
		}
	}
	d.space()
	start := d.pos
	return d.skip() && json.Valid(d.in[start:d.pos])
}

// jsonNames lists the JSON names of T's fields, from their tags.
func jsonNames[T any]() []string {
	t := reflect.TypeFor[T]()
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			name = t.Field(i).Name
		}
		names = append(names, name)
	}
	return names
}
