//go:build js && wasm

package main

import (
	"errors"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"syscall/js"
	"unsafe"

	"github.com/sujuva/sujuva/wasm/httpapi"
)

// This file is the Worker's only syscall/js code. Requests reach Go on two
// paths:
//   - [sujuvaServe], for a request without a body or with a small JSON one
//     (the API's usual call): the glue (glue/worker.mjs) reads the body whole,
//     writes the request into Go's memory and calls Go synchronously through
//     an export; the answer comes back the same way. No promise, no
//     goroutine, no pipe and no callback lives past the call.
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

// The synchronous path is three functions Go exports to the instance
// (//go:wasmexport), so that a call costs no more than a call: a js.FuncOf
// callback wakes Go's scheduler and parks its goroutine again on every
// call, about 0.1 ms of a request on local workerd against nothing for an
// export, and every argument or result crossing as a JS value is one more
// call into JS. Here the glue writes the request into Go's memory, with
// the header fields sujuva_headers names, calls sujuva_serve, and reads the
// answer from Go's memory, both in the wire form of httpapi's
// Handler.ServeWire (plain Go, tested on the host against Handler.Serve).
//
// JS is single-threaded and each call runs to its end, so one buffer each
// way serves every request; the glue copies the answer out before its next
// call. The handler runs inside the call: it must not wait for JS, and the
// API's handler never does.
var (
	served  *httpapi.Handler // set by main before workers.Ready
	request []byte           // the glue writes the next request here
	answer  []byte           // the last answer, until the next call
)

// sujuvaRequest makes room for a request of n bytes and returns where the
// glue writes it. Its address changes when it grows, and a call into Go
// may grow the memory: the glue takes a fresh view of it after each call.
//
//go:wasmexport sujuva_request
func sujuvaRequest(n int32) unsafe.Pointer {
	if int(n) > cap(request) || cap(request) == 0 {
		request = make([]byte, max(n, 4096))
	}
	request = request[:cap(request)]
	return unsafe.Pointer(&request[0])
}

// sujuvaServe serves the n bytes of request written at sujuvaRequest's
// address, and returns the length of the answer at sujuvaAnswer's.
//
//go:wasmexport sujuva_serve
func sujuvaServe(n int32) int32 {
	answer = served.ServeWire(request[:n], answer[:0])
	// An export runs without Go's scheduler: let goroutines that are ready
	// run now, as they did when each call parked in a js.FuncOf callback
	// (one that panics then ends the instance here, and the glue restarts
	// it). One round only, and each runs to its next wait inside this call:
	// a streamed upload's goroutine between two chunks adds its work to this
	// request's time, and goroutines woken later wait for the next call.
	runtime.Gosched()
	return int32(len(answer))
}

// headerNames are the names of the request header fields the handler
// reads (httpapi.RequestHeaders), lower case, one a line: the glue passes
// only these.
var headerNames = []byte(strings.ToLower(strings.Join(httpapi.RequestHeaders(), "\n")))

// sujuvaHeaders returns where headerNames starts.
//
//go:wasmexport sujuva_headers
func sujuvaHeaders() unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(headerNames)) }

// sujuvaHeadersLen returns the length of headerNames.
//
//go:wasmexport sujuva_headers_len
func sujuvaHeadersLen() int32 { return int32(len(headerNames)) }

// sujuvaAnswer returns where the last answer starts.
//
//go:wasmexport sujuva_answer
func sujuvaAnswer() unsafe.Pointer {
	return unsafe.Pointer(unsafe.SliceData(answer))
}
