package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/valuestream"
	"github.com/sujuva/sujuva/valuestream/eventlog"
)

// EventLogOptions choose how [Bridge.AnalyzeEventLog] reads a CSV event log.
// The zero value reads the columns case_id, activity and timestamp, detects
// the delimiter, accepts only timestamps with an offset and stops at the
// first malformed row.
type EventLogOptions struct {
	CaseColumn     string `json:"caseColumn,omitempty"`
	ActivityColumn string `json:"activityColumn,omitempty"`
	TimeColumn     string `json:"timeColumn,omitempty"`
	// Location names the IANA zone of timestamps without an offset
	// ("Europe/Helsinki"); without one such timestamps are refused. It needs
	// the zone database, which the browser build embeds (time/tzdata).
	Location      string `json:"location,omitempty"`
	Lenient       bool   `json:"lenient,omitempty"`
	StartActivity string `json:"startActivity,omitempty"`
	EndActivity   string `json:"endActivity,omitempty"`
	// MapName names the value stream map derived from the log's most
	// frequent path.
	MapName string `json:"mapName,omitempty"`
}

// EventLogResult is the answer of an event-log analysis: the engine's
// summary and the value stream map of the most frequent path.
type EventLogResult struct {
	Summary *eventlog.Summary `json:"summary"`
	Map     valuestream.Map   `json:"map"`
}

// Codes of event-log findings.
const (
	// CodeEventLogHeader: the header lacks a column the options name, or
	// cannot be read (parameter "reason").
	CodeEventLogHeader model.Code = "bridge.eventLog.header"
	// CodeEventLogLine: a malformed row (parameters "line", "column",
	// "reason").
	CodeEventLogLine model.Code = "bridge.eventLog.line"
	// CodeEventLogLocation: a timestamp without an offset and no usable
	// location (parameter "location").
	CodeEventLogLocation model.Code = "bridge.eventLog.location"
)

// OpEventLog is the streaming operation of [Bridge.DoStream].
const OpEventLog = "eventlog.analyze"

// AnalyzeEventLog reads a CSV event log from r with the event-log engine
// (valuestream/eventlog) and returns an [EventLogResult] as JSON. progress,
// if not nil, is called with the bytes read so far after each block.
// Errors are [*Error]s: KindInvalid with findings for a bad header, a
// malformed row or a missing location; KindTooLarge past the engine's
// limits; KindCanceled when ctx ends. A read error of r is kept as the cause
// (Err), so a caller's size-limit sentinel stays visible to errors.Is.
func (b *Bridge) AnalyzeEventLog(ctx context.Context, r io.Reader, opts EventLogOptions, progress func(bytesRead int64)) ([]byte, error) {
	o, err := opts.engine(progress)
	if err != nil {
		return nil, err
	}
	s, err := eventlog.Analyze(ctx, r, o)
	if err != nil {
		return nil, eventLogError(err, opts.Location)
	}
	return eventLogResult(s, opts)
}

// AnalyzeEventLogPart analyses shard shard of shards of the CSV event log
// in r (see eventlog.AnalyzePart) and returns the part's binary form, for
// [Bridge.MergeEventLog]: a page runs one shard in each of its Web Workers,
// each with its own Go instance, to use more than one core. Errors are
// those of [Bridge.AnalyzeEventLog] that every shard meets alike; a
// malformed row is reported by the merge.
func (b *Bridge) AnalyzeEventLogPart(ctx context.Context, r io.Reader, opts EventLogOptions, shard, shards int, progress func(bytesRead int64)) ([]byte, error) {
	o, err := opts.engine(progress)
	if err != nil {
		return nil, err
	}
	p, err := eventlog.AnalyzePart(ctx, r, o, shard, shards)
	if err != nil {
		if errors.Is(err, eventlog.ErrParts) {
			return nil, &Error{Op: OpEventLog, Kind: KindInvalid, Message: "no such shard", Err: err}
		}
		return nil, eventLogError(err, opts.Location)
	}
	out, err := p.MarshalBinary()
	if err != nil {
		return nil, &Error{Op: OpEventLog, Kind: KindInternal, Message: "cannot encode the part", Err: err}
	}
	return out, nil
}

// MergeEventLog merges the parts of every shard of one event log, each
// from [Bridge.AnalyzeEventLogPart] with the same opts, and returns the
// same JSON, or the same error (but for the case eventlog.Merge names),
// as [Bridge.AnalyzeEventLog] of the whole log. Parts that are not every shard once, or not parts, are KindInvalid.
func (b *Bridge) MergeEventLog(parts [][]byte, opts EventLogOptions) ([]byte, error) {
	o, err := opts.engine(nil)
	if err != nil {
		return nil, err
	}
	ps := make([]*eventlog.Part, len(parts))
	for i, data := range parts {
		ps[i] = new(eventlog.Part)
		if err := ps[i].UnmarshalBinary(data); err != nil {
			return nil, &Error{Op: OpEventLog, Kind: KindInvalid, Message: "not a part of an event log", Err: err}
		}
	}
	s, err := eventlog.Merge(o, ps...)
	if errors.Is(err, eventlog.ErrParts) {
		return nil, &Error{Op: OpEventLog, Kind: KindInvalid, Message: "not the parts of one event log", Err: err}
	}
	if err != nil {
		return nil, eventLogError(err, opts.Location)
	}
	return eventLogResult(s, opts)
}

// engine returns the engine's options for opts.
func (opts EventLogOptions) engine(progress func(int64)) (eventlog.Options, error) {
	o := eventlog.Options{
		CaseColumn: opts.CaseColumn, ActivityColumn: opts.ActivityColumn, TimeColumn: opts.TimeColumn,
		Lenient: opts.Lenient, StartActivity: opts.StartActivity, EndActivity: opts.EndActivity, Progress: progress,
	}
	if opts.Location != "" {
		loc, err := time.LoadLocation(opts.Location)
		if err != nil {
			return o, &Error{Op: OpEventLog, Kind: KindInvalid, Message: "unknown location",
				Findings: model.Findings{model.NewError("/location", CodeEventLogLocation).With("location", opts.Location)}}
		}
		o.Location = loc
	}
	return o, nil
}

// eventLogResult encodes the EventLogResult of s.
func eventLogResult(s *eventlog.Summary, opts EventLogOptions) ([]byte, error) {
	name := opts.MapName
	if name == "" {
		name = "event log"
	}
	out, err := json.Marshal(EventLogResult{Summary: s, Map: s.Map(name)})
	if err != nil {
		return nil, &Error{Op: OpEventLog, Kind: KindInternal, Message: "cannot encode the result", Err: err}
	}
	return out, nil
}

func (b *Bridge) eventLogDo(in []byte) (any, error) {
	out, err := b.AnalyzeEventLog(context.Background(), bytes.NewReader(in), EventLogOptions{}, nil)
	if err != nil {
		return nil, err
	}
	return json.RawMessage(out), nil
}

func eventLogError(err error, location string) error {
	e := &Error{Op: OpEventLog, Kind: KindInvalid, Message: "the event log cannot be read", Err: err}
	var le *eventlog.LineError
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		e.Kind, e.Message = KindCanceled, "canceled"
	case errors.Is(err, eventlog.ErrTooLarge):
		e.Kind, e.Message = KindTooLarge, "the event log is over the engine's limits"
	case errors.Is(err, eventlog.ErrLocation):
		e.Findings = model.Findings{model.NewError("/location", CodeEventLogLocation).With("location", location)}
	case errors.As(err, &le):
		e.Findings = model.Findings{model.NewError(model.Pointer("lines", strconv.FormatInt(le.Line, 10)), CodeEventLogLine).
			With("line", strconv.FormatInt(le.Line, 10)).With("column", le.Column).With("reason", le.Reason)}
	case errors.Is(err, eventlog.ErrHeader):
		e.Findings = model.Findings{model.NewError("/header", CodeEventLogHeader).With("reason", err.Error())}
	default:
		// A read error: the cause says which (a size limit, a broken connection).
	}
	return e
}
