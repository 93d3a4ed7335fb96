//go:build js && wasm

package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"syscall/js"
)

// This file is the Worker's only syscall/js code. Requests reach Go on two
// paths:
//   - [serveNow], for a request without a body or with a small JSON one (the
//     API's usual call): the glue (glue/worker.mjs) reads the body whole and
//     calls Go synchronously, and the answer comes back as the call's result.
//     No promise, no goroutine, no pipe and no callback lives past the call.
//   - syumai/workers' handleRequest, through [direct], for any other body (a
//     CSV upload, a body of unknown length), which is streamed.
//
// direct works around two per-request leaks of syumai/workers v0.33.0 on a
// long-lived instance, where its internal/jsutil awaits a promise with
// separate then and catch callbacks and releases only the one that ran:
//   - the response: two leaked callbacks per response on the
//     FixedLengthStream path (more, and a goroutine per chunk, on the
//     ReadableStream path). Here the whole answer is handed to JS as one
//     Uint8Array through the ResponseWriter's WriteRawJSBody, so no stream,
//     no goroutine and no callback outlives the request.
//   - the request body: one leaked callback per chunk read. Here the body's
//     ReadableStream is read through [streamReader], whose await releases
//     both callbacks.

// rawBodyWriter and rawBodyGetter are the methods syumai/workers' request
// body and ResponseWriter offer for passing JS values through.
type rawBodyWriter interface{ WriteRawJSBody(body js.Value) }
type rawBodyGetter interface{ GetRawJSBody() js.Value }

var uint8Array = js.Global().Get("Uint8Array")

// direct serves h on syumai/workers' path, with the request body read by
// streamReader and the answer passed to JS whole.
func direct(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch b := r.Body.(type) {
		case nil:
			r.Body = http.NoBody // v0.33.0 gives nil on GET
		case rawBodyGetter:
			if s := b.GetRawJSBody(); s.Truthy() {
				r.Body = &streamReader{stream: s}
			}
		}
		raw, ok := w.(rawBodyWriter)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		rec := record(h, r, w.Header())
		w.WriteHeader(rec.status)
		if len(rec.body) > 0 {
			u8 := uint8Array.New(len(rec.body))
			js.CopyBytesToJS(u8, rec.body)
			raw.WriteRawJSBody(u8)
		}
		// Never w.Write: v0.33.0's writer is a pipe nobody reads here.
	})
}

// record serves r with h into header and a buffer, and sets the
// answer's Content-Length: both paths hand JS the whole answer at once.
func record(h http.Handler, r *http.Request, header http.Header) *buffered {
	rec := &buffered{header: header, status: http.StatusOK}
	h.ServeHTTP(rec, r)
	header.Set("Content-Length", strconv.Itoa(len(rec.body)))
	return rec
}

// buffered collects an answer.
type buffered struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        []byte
}

func (b *buffered) Header() http.Header { return b.header }
func (b *buffered) WriteHeader(status int) {
	if !b.wroteHeader {
		b.status, b.wroteHeader = status, true
	}
}
func (b *buffered) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	b.body = append(b.body, p...)
	return len(p), nil
}

// streamReader reads a JS ReadableStream chunk by chunk.
type streamReader struct {
	stream js.Value
	reader js.Value
	buf    []byte
	err    error
}

func (s *streamReader) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		if s.reader.IsUndefined() {
			s.reader = s.stream.Call("getReader")
		}
		res, err := await(s.reader.Call("read"))
		switch {
		case err != nil:
			s.err = err
		case res.Get("done").Bool():
			s.err = io.EOF
		default:
			v := res.Get("value")
			s.buf = make([]byte, v.Get("byteLength").Int())
			js.CopyBytesToGo(s.buf, v)
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// Close cancels the rest of the stream; it never panics.
func (s *streamReader) Close() error {
	if s.err == nil && !s.reader.IsUndefined() {
		s.reader.Call("cancel")
	}
	s.err = errors.New("worker: body closed")
	return nil
}

type settled struct {
	v   js.Value
	err error
}

// await waits for a JS promise, releasing both of its callbacks.
func await(p js.Value) (js.Value, error) {
	ch := make(chan settled, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: errors.New("worker: reading the request body failed")}
		return nil
	})
	p.Call("then", ok, fail)
	s := <-ch
	ok.Release()
	fail.Release()
	return s.v, s.err
}

// serveNow registers the glue's synchronous path as the instance's
// binding.serve(method, url, headers, body): headers one "name: value"
// line each, body a Uint8Array or null. It returns [status, headers, body]
// in the same forms. The handler runs to its end inside the call; it must
// not wait for JS, and the API's handler never does.
func serveNow(h http.Handler) {
	serve := js.FuncOf(func(_ js.Value, args []js.Value) any {
		status, header, body := serveCall(h, args[0].String(), args[1].String(), args[2].String(), args[3])
		out := js.Null()
		if len(body) > 0 {
			out = uint8Array.New(len(body))
			js.CopyBytesToJS(out, body)
		}
		return []any{status, header, out}
	})
	js.Global().Get("context").Get("binding").Set("serve", serve) // lives as long as the instance
}

// serveCall serves one request given as text and bytes, and returns the
// answer in the same forms. It never touches JS, so it is plain Go.
func serveCall(h http.Handler, method, target, header string, body js.Value) (int, string, []byte) {
	var b []byte
	if body.Truthy() {
		b = make([]byte, body.Get("byteLength").Int())
		js.CopyBytesToGo(b, body)
	}
	r, err := http.NewRequest(method, target, bytes.NewReader(b))
	if err != nil {
		return http.StatusBadRequest, "content-type: text/plain; charset=utf-8\n", []byte("bad request\n")
	}
	for line := range strings.SplitSeq(header, "\n") {
		if name, value, ok := strings.Cut(line, ": "); ok {
			r.Header.Add(name, value)
		}
	}
	r.RemoteAddr = r.Header.Get("Cf-Connecting-Ip")
	w := record(h, r, http.Header{})
	var lines strings.Builder
	for name, values := range w.header {
		for _, v := range values {
			lines.WriteString(name)
			lines.WriteString(": ")
			lines.WriteString(noNewlines.Replace(v))
			lines.WriteByte('\n')
		}
	}
	return w.status, lines.String(), w.body
}

// noNewlines keeps a header value on its line, as net/http does.
var noNewlines = strings.NewReplacer("\n", " ", "\r", " ")
