package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
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

// Handler serves a [Backend] under [Prefix]: an [http.Handler], and through
// [Handler.Serve] the same answers to a request handed over whole, without
// net/http. Build it with [New]; it is safe for concurrent use.
type Handler struct {
	b        Backend
	sb       StreamBackend // nil when b streams nothing
	ops      map[string]bool
	svg      map[string]bool // the operations with an SVG variant, op+".svg"
	streams  map[string]string
	opts     Options
	schemas  map[string][]byte // by path under Prefix
	index    []byte
	classify func(error) *Problem
}

// New returns the handler serving b under [Prefix] with opts. It is safe for
// concurrent use. New panics if two schemas claim the same path, a
// programmer error.
func New(b Backend, opts Options) *Handler {
	h := &Handler{b: b, opts: opts, ops: map[string]bool{}, svg: map[string]bool{}, schemas: map[string][]byte{}}
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
	for op := range h.ops {
		if base, ok := strings.CutSuffix(op, ".svg"); ok {
			h.svg[base] = true
		}
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

// Request is a request handed over whole, as the Worker's glue hands over
// the API's usual call: the request line, a way to read its header fields
// and the whole body. [Handler.Serve] answers it without building an
// [*http.Request] or a header map.
type Request struct {
	Method string
	// Target is the request target, as url.Parse reads it: an absolute URL
	// or a path, either with a query.
	Target string
	// Header gives the request's header fields; nil means none.
	Header Header
	// Body is the whole body; its length is the request's Content-Length.
	Body []byte
}

// Header reads a request's header fields: Get returns the first value of
// the field called name (given in canonical form, "Content-Type"; field
// names match without regard to case), or "" when there is none.
// [net/http.Header] is one.
type Header interface {
	Get(name string) string
}

// RequestHeaders returns the names of the request header fields a
// [Handler] reads, in canonical form: a [Request]'s Header need give no
// others. The Worker's glue passes only these.
func RequestHeaders() []string { return []string{"Content-Type", "Accept", "Origin"} }

// noHeader is a request without header fields.
type noHeader struct{}

func (noHeader) Get(string) string { return "" }

// Answer is the answer to a [Request]: its status, its header fields (each
// name in canonical form, in the order written, Content-Length among them)
// and its body, which is empty for 204 and for a HEAD answered 200. (A
// HEAD answered with an error carries the error's body, as ServeHTTP
// writes it; an HTTP server sends none, and a Worker's runtime neither.)
type Answer struct {
	Status int
	Header []Field
	Body   []byte
}

// Field is a header field of an [Answer].
type Field struct{ Name, Value string }

// Serve answers r as ServeHTTP answers the *http.Request that
// http.NewRequestWithContext(ctx, r.Method, r.Target, bytes.NewReader(r.Body))
// builds with r's header fields: the same status, header fields and body.
// An empty Method is GET. A request for which NewRequest fails (a method
// that is not a token, a target url.Parse refuses) is answered 400
// bad_request. The answer's Body
// may share memory with r's and with the handler's documents: it is read
// only.
func (h *Handler) Serve(ctx context.Context, r Request) Answer {
	var header Header = noHeader{}
	if r.Header != nil {
		header = r.Header
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet // as NewRequest reads it
	}
	path, ok := targetPath(r.Target)
	if !ok || !validMethod(method) {
		a := &answer{}
		h.problem(a, &Problem{Status: http.StatusBadRequest, Kind: KindBadRequest, Message: "the request line does not parse"})
		return a.done().result()
	}
	return h.serve(&request{ctx: ctx, method: method, path: path, header: header, body: r.Body, whole: true, length: int64(len(r.Body))}).result()
}

// targetPath returns the Path of url.Parse(target) and whether target
// parses. The usual target, "http://host:port/api/v1/op" with nothing to
// unescape, it reads by itself: url.Parse was a tenth of the Worker's part
// of a request in js/wasm.
func targetPath(target string) (string, bool) {
	rest, ok := strings.CutPrefix(target, "http://")
	if !ok {
		rest, ok = strings.CutPrefix(target, "https://")
	}
	if ok {
		slash := strings.IndexByte(rest, '/')
		if slash < 0 || !plainHost(rest[:slash]) {
			return parsedPath(target)
		}
		rest = rest[slash:]
	} else if !strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "//") {
		return parsedPath(target)
	}
	for i := range len(rest) {
		switch c := rest[i]; {
		case c == '?':
			if !plainQuery(rest[i+1:]) {
				return parsedPath(target)
			}
			return rest[:i], true
		case c == '%' || c == '#' || c < ' ' || c == 0x7f:
			return parsedPath(target)
		}
	}
	return rest, true
}

// plainHost reports whether host is letters, digits, '.', '-', '_' and '~'
// with at most a ':' and a port of digits: a host url.Parse takes as it is.
func plainHost(host string) bool {
	name, port, _ := strings.Cut(host, ":")
	for i := range len(name) {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_' || c == '~') {
			return false
		}
	}
	for i := range len(port) {
		if port[i] < '0' || port[i] > '9' {
			return false
		}
	}
	return true
}

// plainQuery reports whether a query has no fragment and nothing
// url.Parse refuses (a control character).
func plainQuery(q string) bool {
	for i := range len(q) {
		if c := q[i]; c == '#' || c < ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

func parsedPath(target string) (string, bool) {
	u, err := url.Parse(target)
	if err != nil {
		return "", false
	}
	return u.Path, true
}

// validMethod reports whether method is a token (RFC 9110, section 9.1), as
// http.NewRequest requires.
func validMethod(method string) bool {
	if method == "" {
		return false
	}
	for i := range len(method) {
		c := method[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// ServeHTTP serves r.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// syumai/workers v0.33.0 gives a nil Body on GET, and closing what it
	// gives panics; never close it, and read only through this guard.
	var body io.Reader = r.Body
	if r.Body == nil {
		body = http.NoBody
	}
	a := h.serve(&request{ctx: r.Context(), method: r.Method, path: r.URL.Path, header: r.Header, stream: body, length: r.ContentLength})
	// Replayed as written: a field added (Vary) joins those of its name
	// that w's header already has, such as a wrapper's.
	header := w.Header()
	for i, f := range a.fields {
		if a.added[i] {
			header.Add(f.Name, f.Value)
		} else {
			header.Set(f.Name, f.Value)
		}
	}
	w.WriteHeader(a.status)
	if len(a.body) > 0 {
		_, _ = w.Write(a.body)
	}
}

// request is what the handler reads of a request, from net/http or whole.
type request struct {
	ctx    context.Context
	method string
	path   string // unescaped, as url.URL.Path
	header Header
	whole  bool      // the body is body, else it is read from stream
	body   []byte    //
	stream io.Reader //
	length int64     // the declared Content-Length, -1 when unknown
}

// reader returns the body as a reader.
func (r *request) reader() io.Reader {
	if r.whole {
		return bytes.NewReader(r.body)
	}
	return r.stream
}

// serve answers r, a panic as a 500.
func (h *Handler) serve(r *request) (res *answer) {
	a := &answer{}
	defer func() {
		if v := recover(); v != nil {
			h.logf("panic serving %s %s: %v", r.method, r.path, v)
			a = &answer{}
			h.cors(a, r)
			h.problem(a, &Problem{Status: http.StatusInternalServerError, Kind: KindInternal, Message: "internal error"})
		}
		res = a.done()
	}()
	h.cors(a, r)
	h.route(a, r)
	return
}

func (h *Handler) logf(format string, args ...any) {
	if h.opts.Logf != nil {
		h.opts.Logf(format, args...)
	}
}

func (h *Handler) cors(w *answer, r *request) {
	origin := r.header.Get("Origin")
	if origin == "" || len(h.opts.AllowedOrigins) == 0 {
		return
	}
	if slices.Contains(h.opts.AllowedOrigins, "*") {
		w.set("Access-Control-Allow-Origin", "*")
	} else if slices.Contains(h.opts.AllowedOrigins, origin) {
		w.set("Access-Control-Allow-Origin", origin)
		w.add("Vary", "Origin")
	} else {
		return
	}
	w.set("Access-Control-Expose-Headers", "Content-Length")
	if r.method == http.MethodOptions {
		w.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.set("Access-Control-Allow-Headers", "Content-Type, Accept")
		w.set("Access-Control-Max-Age", "86400")
	}
}

func (h *Handler) route(w *answer, r *request) {
	rest, ok := strings.CutPrefix(r.path, Prefix)
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
			w.writeHeader(http.StatusAccepted)
		}
	default:
		h.problem(w, &Problem{Status: http.StatusNotFound, Kind: KindNotFound, Message: "no such path"})
		return
	}
	switch {
	case r.method == http.MethodOptions:
		w.set("Allow", allow+", OPTIONS")
		w.writeHeader(http.StatusNoContent)
	case allows(allow, r.method):
		serve()
	default:
		w.set("Allow", allow+", OPTIONS")
		h.problem(w, &Problem{Status: http.StatusMethodNotAllowed, Kind: KindMethod, Message: "method not allowed; see Allow"})
	}
}

// allows reports whether method is one of those allow lists ("GET, HEAD"):
// a part of one ("ET") is not.
func allows(allow, method string) bool {
	for m := range strings.SplitSeq(allow, ", ") {
		if m == method {
			return true
		}
	}
	return false
}

func (h *Handler) write(w *answer, r *request, contentType string, body []byte) {
	w.set("Content-Type", contentType)
	w.writeHeader(http.StatusOK)
	if r.method != http.MethodHead {
		w.write(body)
	}
}

// op serves POST /api/v1/{op}.
func (h *Handler) op(w *answer, r *request, op string) {
	// The representation: JSON, or SVG from op+".svg" when Accept prefers it.
	outType := "application/json"
	accept := r.header.Get("Accept")
	if h.svg[op] && prefers(accept, "image/svg+xml", "application/json") {
		op, outType = op+".svg", "image/svg+xml"
	} else if !accepts(accept, "application/json") {
		h.problem(w, &Problem{Status: http.StatusNotAcceptable, Kind: KindNotAcceptable, Message: "this operation answers application/json"})
		return
	}
	mediaType := contentMediaType(r.header.Get("Content-Type"))
	var out []byte
	var err error
	if want, streamed := h.streams[op]; streamed {
		if mediaType != want {
			h.problem(w, &Problem{Status: http.StatusUnsupportedMediaType, Kind: KindUnsupportedMedia, Message: "this operation reads " + want})
			return
		}
		if r.length > h.opts.MaxUploadBytes {
			h.problem(w, &Problem{Status: http.StatusRequestEntityTooLarge, Kind: KindTooLarge, Message: "request body too large"})
			return
		}
		out, err = h.sb.DoStream(r.ctx, op, &limitReader{r: r.reader(), n: h.opts.MaxUploadBytes})
	} else {
		if mediaType != "application/json" {
			h.problem(w, &Problem{Status: http.StatusUnsupportedMediaType, Kind: KindUnsupportedMedia, Message: "this operation reads application/json"})
			return
		}
		if r.length > h.opts.MaxBodyBytes {
			h.problem(w, &Problem{Status: http.StatusRequestEntityTooLarge, Kind: KindTooLarge, Message: "request body too large"})
			return
		}
		in := r.body
		if !r.whole {
			in, err = io.ReadAll(&limitReader{r: r.stream, n: h.opts.MaxBodyBytes})
		}
		if err == nil {
			out, err = h.b.Do(r.ctx, op, in)
		}
	}
	if err != nil {
		p := h.classify(err)
		h.logf("%s %s: %d %s", r.method, op, p.Status, p.Kind)
		h.problem(w, p)
		return
	}
	w.set("Content-Type", outType)
	w.writeHeader(http.StatusOK)
	w.write(out)
}

// contentMediaType returns the media type of a Content-Type header as
// mime.ParseMediaType reads it, or "" when it does not parse. The API's
// usual "application/json" is answered without parsing.
func contentMediaType(contentType string) string {
	if contentType == "application/json" {
		return contentType
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return mediaType
}

// problem writes p as the JSON error body.
func (h *Handler) problem(w *answer, p *Problem) {
	type body struct {
		Kind     string         `json:"kind"`
		Message  string         `json:"message"`
		Findings model.Findings `json:"findings,omitempty"`
	}
	b, err := json.Marshal(map[string]body{"error": {Kind: p.Kind, Message: p.Message, Findings: p.Findings}})
	if err != nil { // unreachable: the fields are strings
		b = []byte(`{"error":{"kind":"internal","message":"internal error"}}`)
	}
	w.set("Content-Type", "application/json")
	w.writeHeader(p.Status)
	w.write(b)
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

// answer collects a whole answer, so that it is sent with Content-Length,
// and so that a panic can still replace it.
type answer struct {
	status int
	fields []Field
	added  []bool // added[i]: fields[i] was written by add, which keeps earlier fields of its name
	body   []byte
}

// set replaces the fields called name by one with value.
func (a *answer) set(name, value string) {
	kept, added := a.fields[:0], a.added[:0]
	for i, f := range a.fields {
		if f.Name != name {
			kept, added = append(kept, f), append(added, a.added[i])
		}
	}
	a.fields, a.added = kept, added
	a.append(name, value, false)
}

// add adds a field called name, keeping those there are.
func (a *answer) add(name, value string) { a.append(name, value, true) }

func (a *answer) append(name, value string, added bool) {
	if a.fields == nil {
		a.fields, a.added = make([]Field, 0, 8), make([]bool, 0, 8)
	}
	a.fields = append(a.fields, Field{Name: name, Value: value})
	a.added = append(a.added, added)
}

func (a *answer) writeHeader(status int) {
	if a.status == 0 {
		a.status = status
	}
}

func (a *answer) write(p []byte) {
	a.writeHeader(http.StatusOK)
	if len(a.body) == 0 {
		a.body = p[:len(p):len(p)] // shared, and copied on a later write
		return
	}
	a.body = append(a.body, p...)
}

// done completes the answer: its status, Content-Length and
// X-Content-Type-Options, and no body on a 204.
func (a *answer) done() *answer {
	if a.status == 0 {
		a.status = http.StatusOK
	}
	a.set("Content-Length", strconv.Itoa(len(a.body)))
	a.set("X-Content-Type-Options", "nosniff")
	if a.status == http.StatusNoContent {
		a.body = nil
	}
	return a
}

// result is the completed answer as an [Answer].
func (a *answer) result() Answer { return Answer{Status: a.status, Header: a.fields, Body: a.body} }

// accepts reports whether the Accept header admits mediaType (an empty
// header admits everything).
func accepts(accept, mediaType string) bool {
	return accept == "" || accept == "*/*" || accept == mediaType || quality(accept, mediaType) > 0
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
	for part := range strings.SplitSeq(accept, ",") {
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
		for p := range strings.SplitSeq(params, ";") {
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
