package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sujuva/sujuva/model"
)

// Prefix is the path under which every route lives.
const Prefix = "/api/v1/"

// Default limits, in bytes. An isolate on Cloudflare has 128 MB, and a JSON
// document is held whole while it is decoded, so JSON bodies stay small;
// CSV event logs are streamed and may be larger.
const (
	DefaultMaxBodyBytes   = 4 << 20  // 4 MiB for a JSON body
	DefaultMaxUploadBytes = 64 << 20 // 64 MiB for a streamed CSV upload
)

// Backend is what the handler serves: the operations of the bridge
// (wasm/bridge), each JSON bytes in and JSON bytes out.
type Backend interface {
	// Ops lists the operation names, such as "team.validate".
	Ops() []string
	// Do runs op on in. An error is classified by [Options.Classify].
	Do(ctx context.Context, op string, in []byte) ([]byte, error)
}

// StreamBackend is a [Backend] some of whose operations read a stream, such
// as a CSV event log, instead of a JSON document.
type StreamBackend interface {
	Backend
	// StreamOps lists the operations [StreamBackend.DoStream] serves, each
	// with the media type it reads ("text/csv").
	StreamOps() map[string]string
	// DoStream runs op on r, which fails with an error wrapping
	// [ErrTooLarge] past the upload limit.
	DoStream(ctx context.Context, op string, r io.Reader) ([]byte, error)
}

// Problem is the handler's reading of an error returned by a [Backend].
type Problem struct {
	Status   int            // an HTTP status, 400–599
	Kind     string         // one of the Kind constants
	Message  string         // for people; never contains the input
	Findings model.Findings // for 400 invalid: where and which rule
}

// Schema is one JSON Schema document served at the path of its $id.
type Schema struct {
	ID   string // the absolute $id URL, such as "https://sujuva.fi/api/v1/schemas/worksheet.json"
	JSON []byte // the schema document
}

// Options configure [New]. The zero value serves no CORS, the default
// limits, no schemas, and classifies errors by [DefaultClassify].
type Options struct {
	// AllowedOrigins lists the origins a browser may call from ("*" for
	// any). Empty means no CORS headers at all.
	AllowedOrigins []string
	// MaxBodyBytes limits a JSON request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxUploadBytes limits a streamed upload; 0 means DefaultMaxUploadBytes.
	MaxUploadBytes int64
	// Schemas are served under /api/v1/schemas/ at the path of each $id.
	Schemas []Schema
	// Classify maps a backend error to a [Problem]; nil means
	// [DefaultClassify]. A nil result also means DefaultClassify.
	Classify func(error) *Problem
	// Logf, if set, receives one line per failed request: the operation
	// and the error class, never the body.
	Logf func(format string, args ...any)
	// Debug mounts /api/v1/_debug/panic, which panics inside the handler
	// (answered 500), and /api/v1/_debug/crash, which answers 202 and then
	// ends the process with a panic on another goroutine: the Worker's tests
	// of panic recovery and instance restart. Never set it in production.
	Debug bool
}

// DefaultClassify reads model.Findings (400 invalid, the findings attached;
// 400 bad_request when they only say the JSON is malformed or mistyped),
// [ErrTooLarge] (413), a JSON syntax or type error (400 bad_request), and
// anything else as 500 internal.
func DefaultClassify(err error) *Problem {
	var fs model.Findings
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, ErrTooLarge):
		return &Problem{Status: http.StatusRequestEntityTooLarge, Kind: KindTooLarge, Message: "request body too large"}
	case errors.As(err, &fs) && notJSON(fs):
		return &Problem{Status: http.StatusBadRequest, Kind: KindBadRequest, Message: "malformed JSON, or a value of the wrong type", Findings: fs}
	case errors.As(err, &fs):
		return &Problem{Status: http.StatusBadRequest, Kind: KindInvalid, Message: "the input does not validate", Findings: fs}
	case errors.As(err, &syn):
		return &Problem{Status: http.StatusBadRequest, Kind: KindBadRequest, Message: "malformed JSON",
			Findings: model.Findings{model.NewError("", model.CodeJSONSyntax).With("offset", strconv.FormatInt(syn.Offset, 10))}}
	case errors.As(err, &typ):
		return &Problem{Status: http.StatusBadRequest, Kind: KindBadRequest, Message: "wrong JSON type",
			Findings: model.Findings{model.NewError(jsonFieldPointer(typ.Field), model.CodeJSONType).With("want", typ.Type.String()).With("got", typ.Value)}}
	}
	return &Problem{Status: http.StatusInternalServerError, Kind: KindInternal, Message: "internal error"}
}

// notJSON reports whether findings say only that the body is not JSON of
// the expected shape (malformed, or a value of the wrong type), as a
// backend that decodes into findings reports it.
func notJSON(fs model.Findings) bool {
	for _, f := range fs {
		if f.Code != model.CodeJSONSyntax && f.Code != model.CodeJSONType {
			return false
		}
	}
	return len(fs) > 0
}

// jsonFieldPointer turns encoding/json's dotted field path into a JSON Pointer.
func jsonFieldPointer(field string) string {
	if field == "" {
		return ""
	}
	tokens := strings.Split(field, ".")
	args := make([]any, len(tokens))
	for i, t := range tokens {
		args[i] = t
	}
	return model.Pointer(args...)
}

type handler struct {
	b        Backend
	sb       StreamBackend // nil when b streams nothing
	ops      map[string]bool
	streams  map[string]string
	opts     Options
	schemas  map[string][]byte // by path under Prefix
	index    []byte
	classify func(error) *Problem
}

// New returns the handler serving b under [Prefix] with opts. It is safe for
// concurrent use. New panics if two schemas claim the same path, a
// programmer error.
func New(b Backend, opts Options) http.Handler {
	h := &handler{b: b, opts: opts, ops: map[string]bool{}, schemas: map[string][]byte{}}
	if h.opts.MaxBodyBytes <= 0 {
		h.opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if h.opts.MaxUploadBytes <= 0 {
		h.opts.MaxUploadBytes = DefaultMaxUploadBytes
	}
	h.classify = func(err error) *Problem {
		if opts.Classify != nil {
			if p := opts.Classify(err); p != nil {
				return p
			}
		}
		return DefaultClassify(err)
	}
	for _, op := range b.Ops() {
		h.ops[op] = true
	}
	if sb, ok := b.(StreamBackend); ok {
		h.sb, h.streams = sb, sb.StreamOps()
	}
	var schemaPaths []string
	for _, s := range opts.Schemas {
		p := SchemaPath(s.ID)
		if _, dup := h.schemas[p]; dup {
			panic("httpapi: two schemas at " + p)
		}
		h.schemas[p] = s.JSON
		schemaPaths = append(schemaPaths, Prefix+p)
	}
	slices.Sort(schemaPaths)
	ops := slices.Sorted(func(yield func(string) bool) {
		for op := range h.ops {
			if !yield(op) {
				return
			}
		}
	})
	h.index, _ = json.Marshal(map[string]any{"version": "v1", "operations": ops, "schemas": schemaPaths, "openapi": Prefix + "openapi.json"})
	return h
}

// SchemaPath is the path below [Prefix] at which the schema with the given
// $id is served: the part of the $id's path after "/api/v1/" when it has
// one, else "schemas/" and the last segment of its path.
func SchemaPath(id string) string {
	id, _, _ = strings.Cut(id, "#")
	if _, rest, ok := strings.Cut(id, Prefix); ok {
		return rest
	}
	return "schemas/" + id[strings.LastIndex(id, "/")+1:]
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// syumai/workers v0.33.0 gives a nil Body on GET, and closing what it
	// gives panics; never close it, and read only through this guard.
	if r.Body == nil {
		r.Body = http.NoBody
	}
	rw := &response{header: w.Header()}
	defer func() {
		if v := recover(); v != nil {
			h.logf("panic serving %s %s: %v", r.Method, r.URL.Path, v)
			rw = &response{header: w.Header()}
			clear(rw.header)
			h.cors(rw, r)
			h.problem(rw, &Problem{Status: http.StatusInternalServerError, Kind: KindInternal, Message: "internal error"})
		}
		rw.flush(w)
	}()
	h.cors(rw, r)
	h.route(rw, r)
}

func (h *handler) logf(format string, args ...any) {
	if h.opts.Logf != nil {
		h.opts.Logf(format, args...)
	}
}

func (h *handler) cors(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin == "" || len(h.opts.AllowedOrigins) == 0 {
		return
	}
	if slices.Contains(h.opts.AllowedOrigins, "*") {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	} else if slices.Contains(h.opts.AllowedOrigins, origin) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Add("Vary", "Origin")
	} else {
		return
	}
	w.Header().Set("Access-Control-Expose-Headers", "Content-Length")
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Accept")
		w.Header().Set("Access-Control-Max-Age", "86400")
	}
}

func (h *handler) route(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	rest, ok := strings.CutPrefix(path, Prefix)
	if !ok {
		h.problem(w, &Problem{Status: http.StatusNotFound, Kind: KindNotFound, Message: "no such path"})
		return
	}
	var allow string
	var serve func()
	switch {
	case rest == "":
		allow, serve = "GET, HEAD", func() { h.write(w, r, "application/json", h.index) }
	case rest == "openapi.json":
		allow, serve = "GET, HEAD", func() { h.write(w, r, "application/json", openAPI) }
	case h.schemas[rest] != nil:
		allow, serve = "GET, HEAD", func() { h.write(w, r, "application/schema+json", h.schemas[rest]) }
	case h.ops[rest]:
		allow, serve = "POST", func() { h.op(w, r, rest) }
	case h.opts.Debug && rest == "_debug/panic":
		allow, serve = "POST", func() { panic("httpapi: debug panic") }
	case h.opts.Debug && rest == "_debug/crash":
		allow, serve = "POST", func() {
			// An unrecovered panic on another goroutine ends the process,
			// as a bug outside the handler would; answered first.
			go func() {
				time.Sleep(20 * time.Millisecond)
				panic("httpapi: debug crash")
			}()
			w.WriteHeader(http.StatusAccepted)
		}
	default:
		h.problem(w, &Problem{Status: http.StatusNotFound, Kind: KindNotFound, Message: "no such path"})
		return
	}
	switch {
	case r.Method == http.MethodOptions:
		w.Header().Set("Allow", allow+", OPTIONS")
		w.WriteHeader(http.StatusNoContent)
	case strings.Contains(allow, r.Method):
		serve()
	default:
		w.Header().Set("Allow", allow+", OPTIONS")
		h.problem(w, &Problem{Status: http.StatusMethodNotAllowed, Kind: KindMethod, Message: "method not allowed; see Allow"})
	}
}

func (h *handler) write(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// op serves POST /api/v1/{op}.
func (h *handler) op(w http.ResponseWriter, r *http.Request, op string) {
	// The representation: JSON, or SVG from op+".svg" when Accept prefers it.
	outType := "application/json"
	if h.ops[op+".svg"] && prefers(r.Header.Get("Accept"), "image/svg+xml", "application/json") {
		op, outType = op+".svg", "image/svg+xml"
	} else if !accepts(r.Header.Get("Accept"), "application/json") {
		h.problem(w, &Problem{Status: http.StatusNotAcceptable, Kind: KindNotAcceptable, Message: "this operation answers application/json"})
		return
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mediaType = ""
	}
	var out []byte
	if want, streamed := h.streams[op]; streamed {
		if mediaType != want {
			h.problem(w, &Problem{Status: http.StatusUnsupportedMediaType, Kind: KindUnsupportedMedia, Message: "this operation reads " + want})
			return
		}
		if r.ContentLength > h.opts.MaxUploadBytes {
			h.problem(w, &Problem{Status: http.StatusRequestEntityTooLarge, Kind: KindTooLarge, Message: "request body too large"})
			return
		}
		out, err = h.sb.DoStream(r.Context(), op, &limitReader{r: r.Body, n: h.opts.MaxUploadBytes})
	} else {
		if mediaType != "application/json" {
			h.problem(w, &Problem{Status: http.StatusUnsupportedMediaType, Kind: KindUnsupportedMedia, Message: "this operation reads application/json"})
			return
		}
		if r.ContentLength > h.opts.MaxBodyBytes {
			h.problem(w, &Problem{Status: http.StatusRequestEntityTooLarge, Kind: KindTooLarge, Message: "request body too large"})
			return
		}
		var in []byte
		in, err = io.ReadAll(&limitReader{r: r.Body, n: h.opts.MaxBodyBytes})
		if err == nil {
			out, err = h.b.Do(r.Context(), op, in)
		}
	}
	if err != nil {
		p := h.classify(err)
		h.logf("%s %s: %d %s", r.Method, op, p.Status, p.Kind)
		h.problem(w, p)
		return
	}
	w.Header().Set("Content-Type", outType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// problem writes p as the JSON error body.
func (h *handler) problem(w http.ResponseWriter, p *Problem) {
	type body struct {
		Kind     string         `json:"kind"`
		Message  string         `json:"message"`
		Findings model.Findings `json:"findings,omitempty"`
	}
	b, err := json.Marshal(map[string]body{"error": {Kind: p.Kind, Message: p.Message, Findings: p.Findings}})
	if err != nil { // unreachable: the fields are strings
		b = []byte(`{"error":{"kind":"internal","message":"internal error"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(p.Status)
	_, _ = w.Write(b)
}

// limitReader reads at most n bytes from r and then fails with ErrTooLarge
// if more remain.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if k, _ := io.ReadFull(l.r, one[:]); k > 0 {
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// response buffers a whole answer so that it is sent with Content-Length,
// and so that a panic can still replace it.
type response struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *response) Header() http.Header { return r.header }
func (r *response) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}
func (r *response) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(p)
}

func (r *response) flush(w http.ResponseWriter) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	w.Header().Set("Content-Length", strconv.Itoa(r.body.Len()))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(r.status)
	if r.status != http.StatusNoContent && r.body.Len() > 0 {
		_, _ = w.Write(r.body.Bytes())
	}
}

// accepts reports whether the Accept header admits mediaType (an empty
// header admits everything).
func accepts(accept, mediaType string) bool {
	return accept == "" || quality(accept, mediaType) > 0
}

// prefers reports whether accept gives a better quality to a than to b.
func prefers(accept, a, b string) bool {
	return accept != "" && quality(accept, a) > quality(accept, b)
}

// quality returns the q-value the Accept header gives mediaType, from its
// most specific matching range (RFC 9110, section 12.5.1).
func quality(accept, mediaType string) float64 {
	best, q := -1, 0.0
	typ, _, _ := strings.Cut(mediaType, "/")
	for _, part := range strings.Split(accept, ",") {
		rng, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		rng = strings.ToLower(strings.TrimSpace(rng))
		spec := -1
		switch {
		case rng == mediaType:
			spec = 2
		case rng == typ+"/*":
			spec = 1
		case rng == "*/*":
			spec = 0
		}
		if spec <= best {
			continue
		}
		best, q = spec, 1
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 {
					q = f
				}
			}
		}
	}
	return q
}
