package httpapi

import (
	"bytes"
	"context"
	"strconv"
	"strings"
)

// ServeWire answers a request written in the wire form of the Worker's glue
// (wasm/worker), which hands the API's usual call over as bytes in Go's
// memory, and appends the answer, in its wire form, to out:
//
//	request:  "METHOD TARGET\n" "name: value\n"... "\n" body
//	answer:   "STATUS\n"         "Name: value\n"... "\n" body
//
// It answers as [Handler.Serve] does the same request. The request's
// header lines need hold only the fields [RequestHeaders] names, with names
// in any case; an answer's field value is kept on its line, a CR or LF in
// it written as a space, as net/http writes it.
func (h *Handler) ServeWire(in, out []byte) []byte {
	head, body, _ := bytes.Cut(in, []byte("\n\n"))
	line, header, _ := strings.Cut(string(head), "\n")
	method, target, _ := strings.Cut(line, " ")
	hd := wireHeader{text: header}
	hd.scan()
	a := h.Serve(context.Background(), Request{Method: method, Target: target, Body: body, Header: &hd})
	out = strconv.AppendInt(out, int64(a.Status), 10)
	out = append(out, '\n')
	for _, f := range a.Header {
		out = append(out, f.Name...)
		out = append(out, ": "...)
		for i := range len(f.Value) {
			switch c := f.Value[i]; c {
			case '\n', '\r':
				out = append(out, ' ')
			default:
				out = append(out, c)
			}
		}
		out = append(out, '\n')
	}
	out = append(out, '\n')
	return append(out, a.Body...)
}

// wireHeader is the header fields of a request in the wire form, one
// "name: value" a line, with the three the handler reads found in one pass.
type wireHeader struct {
	text                        string
	contentType, accept, origin string
}

func (h *wireHeader) scan() {
	var found [3]bool // the first field of a name counts, as http.Header's Get reads it
	for line := range strings.SplitSeq(h.text, "\n") {
		name, value, ok := strings.Cut(line, ": ")
		switch {
		case !ok:
		case !found[0] && asciiEqualFold(name, "Content-Type"):
			h.contentType, found[0] = value, true
		case !found[1] && asciiEqualFold(name, "Accept"):
			h.accept, found[1] = value, true
		case !found[2] && asciiEqualFold(name, "Origin"):
			h.origin, found[2] = value, true
		}
	}
}

// Get returns the value of the first field called name, but for ASCII
// case, or "".
func (h *wireHeader) Get(name string) string {
	switch name {
	case "Content-Type":
		return h.contentType
	case "Accept":
		return h.accept
	case "Origin":
		return h.origin
	}
	for line := range strings.SplitSeq(h.text, "\n") {
		if n, v, ok := strings.Cut(line, ": "); ok && asciiEqualFold(n, name) {
			return v
		}
	}
	return ""
}

// asciiEqualFold reports whether a and b are equal but for ASCII case, as
// header field names compare.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
