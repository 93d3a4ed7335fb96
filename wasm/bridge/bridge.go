package bridge

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/sujuva/sujuva/model"
)

// MaxInputBytes is the largest JSON input [Bridge.Do] reads: 8 MiB. A
// worksheet of one team is far smaller; larger inputs are refused with
// [KindTooLarge] before they are decoded.
const MaxInputBytes = 8 << 20

// Op describes one operation.
type Op struct {
	Name    string `json:"name"`    // such as "team.validate"
	Summary string `json:"summary"` // one English sentence
	Input   string `json:"input"`   // the media type read: "application/json" or "text/csv"
	Output  string `json:"output"`  // the media type written: "application/json" or "image/svg+xml"
}

type handler func(b *Bridge, in []byte) (any, error)

type opDef struct {
	Op
	run handler
}

// ops is the operation table, in the order Describe lists it.
var ops = []opDef{
	{Op{"messages", "The fi, sv and en message of every finding code of every package.", mediaJSON, mediaJSON}, (*Bridge).messages},
	{Op{"team.validate", "Validate a team's composition against a rule profile; findings as data.", mediaJSON, mediaJSON}, (*Bridge).teamValidate},
	{Op{"round.validate", "Validate a coaching round: teams, coach pairs, workshops; findings as data.", mediaJSON, mediaJSON}, (*Bridge).roundValidate},
	{Op{"valuestream.summary", "Lead time, process and wait time, activity ratio, rolled %C&A and bottleneck of a value stream map.", mediaJSON, mediaJSON}, (*Bridge).vsSummary},
	{Op{"valuestream.compare", "Compare a current and an ideal value stream map figure by figure and step by step.", mediaJSON, mediaJSON}, (*Bridge).vsCompare},
	{Op{"pdsa.cycle.validate", "Validate a PDSA cycle and list what it lacks to leave its phase; findings as data.", mediaJSON, mediaJSON}, (*Bridge).cycleValidate},
	{Op{"pdsa.cycle.move", "Move a PDSA cycle to another phase at a given time; refused with findings when incomplete.", mediaJSON, mediaJSON}, (*Bridge).cycleMove},
	{Op{"metrics.paste", "Read dated observations pasted from a spreadsheet (date and value per line).", mediaJSON, mediaJSON}, (*Bridge).metricsPaste},
	{Op{"metrics.chart", "A run or control chart of a series, qicharts2's way, with every point's signals.", mediaJSON, mediaJSON}, (*Bridge).metricsChart},
	{Op{OpChartSVG, "The chart of metrics.chart drawn as SVG, print-ready, with its signals and the rules named; over HTTP it is metrics.chart with Accept: image/svg+xml.", mediaJSON, mediaSVG}, (*Bridge).metricsChartSVG},
	{Op{OpEventLog, "Analyse a CSV event log (case_id, activity, timestamp): lead times, waits, percentiles and the map of the most frequent path.", mediaCSV, mediaJSON}, (*Bridge).eventLogDo},
	{Op{"innokyla.build", "Build the Innokylä toimintamalli description from basic fields and section texts, with copy-ready text.", mediaJSON, mediaJSON}, (*Bridge).innokylaBuild},
	{Op{"innokyla.draft", "Draft the Innokylä description from a whole worksheet: the team's own texts, and Sujuva's drafts of the sections it has not written.", mediaJSON, mediaJSON}, (*Bridge).innokylaDraft},
	{Op{"innokyla.validate", "Validate an Innokylä toimintamalli description; findings as data.", mediaJSON, mediaJSON}, (*Bridge).innokylaValidate},
	{Op{"round.aggregate", "The organiser's anonymised aggregate of a round's worksheets: members by role, measures by kind and dimension, improvements by kind; small counts hidden so that none can be recovered.", mediaJSON, mediaJSON}, (*Bridge).roundAggregate},
	{Op{"worksheet.check", "Decode, migrate and validate a whole worksheet file; the worksheet back in the current version with every finding.", mediaJSON, mediaJSON}, (*Bridge).worksheetCheck},
}

const (
	mediaJSON = "application/json"
	mediaCSV  = "text/csv"
	mediaSVG  = "image/svg+xml"
)

// Bridge runs the operations. The zero value is not usable; call [New].
// A Bridge is safe for concurrent use.
type Bridge struct {
	catalogOnce sync.Once
	catalog     model.Catalog
}

// New returns a Bridge. It builds nothing: validators and catalogs are
// built on first use.
func New() *Bridge { return &Bridge{} }

// Ops returns the names of every operation, in a stable order; the order
// of [Bridge.Describe]. [OpEventLog] reads CSV, the others JSON.
func (b *Bridge) Ops() []string {
	names := make([]string, len(ops))
	for i, o := range ops {
		names[i] = o.Name
	}
	return names
}

// Describe returns every operation with its summary and input type.
func (b *Bridge) Describe() []Op {
	out := make([]Op, len(ops))
	for i, o := range ops {
		out[i] = o.Op
	}
	return out
}

// Do runs operation op on the document in — JSON, or CSV for [OpEventLog]
// (then with the zero [EventLogOptions]) — and returns its JSON result, or
// the SVG document for [OpChartSVG].
// Every error is an [*Error]: KindUnknownOp for an unknown op, KindTooLarge
// past [MaxInputBytes], KindInvalid with findings for input that does not
// decode or validate, KindCanceled when ctx is done before it starts, and
// KindInternal for a recovered panic.
func (b *Bridge) Do(ctx context.Context, op string, in []byte) (out []byte, err error) {
	i := slices.IndexFunc(ops, func(o opDef) bool { return o.Name == op })
	if i < 0 {
		return nil, &Error{Op: op, Kind: KindUnknownOp, Message: "no such operation"}
	}
	if len(in) > MaxInputBytes {
		return nil, &Error{Op: op, Kind: KindTooLarge, Message: fmt.Sprintf("input larger than %d bytes", MaxInputBytes)}
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Op: op, Kind: KindCanceled, Message: "canceled", Err: err}
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &Error{Op: op, Kind: KindInternal, Message: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	res, err := ops[i].run(b, in)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Op = op
			return nil, e
		}
		return nil, &Error{Op: op, Kind: KindInternal, Message: "internal error", Err: err}
	}
	if raw, ok := res.(rawOutput); ok {
		return raw, nil
	}
	out, err = json.Marshal(res)
	if err != nil {
		return nil, &Error{Op: op, Kind: KindInternal, Message: "cannot encode the result", Err: err}
	}
	return out, nil
}

// StreamOps returns the operations [Bridge.DoStream] serves, each with the
// media type it reads: [OpEventLog], "text/csv".
func (b *Bridge) StreamOps() map[string]string { return map[string]string{OpEventLog: mediaCSV} }

// DoStream runs a streaming operation on r: [OpEventLog] with the zero
// [EventLogOptions]. Any other op is KindUnknownOp.
func (b *Bridge) DoStream(ctx context.Context, op string, r io.Reader) ([]byte, error) {
	if op != OpEventLog {
		return nil, &Error{Op: op, Kind: KindUnknownOp, Message: "no such streaming operation"}
	}
	return b.AnalyzeEventLog(ctx, r, EventLogOptions{}, nil)
}

// rawOutput is a result returned as it is, not encoded by json.Marshal: the
// SVG of [OpChartSVG], and the JSON of "metrics.chart", written by
// appendChartResult.
type rawOutput []byte

// decode reads in into v, reporting malformed JSON as KindInvalid findings.
func decode(in []byte, v any) error {
	if fs := model.DecodeJSON(in, v); fs != nil {
		return &Error{Kind: KindInvalid, Message: "the input does not decode", Findings: fs}
	}
	return nil
}

func invalid(fs model.Findings) error {
	fs.Sort()
	return &Error{Kind: KindInvalid, Message: "the input does not validate", Findings: fs}
}

// Check is the answer of every validating operation: whether the value is
// valid (no finding of severity error) and every finding, never nil.
type Check struct {
	Valid    bool           `json:"valid"`
	Findings model.Findings `json:"findings"`
}

func check(fs model.Findings) Check {
	fs.Sort()
	if fs == nil {
		fs = model.Findings{}
	}
	return Check{Valid: !fs.HasErrors(), Findings: fs}
}
