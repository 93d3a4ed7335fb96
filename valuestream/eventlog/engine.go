package eventlog

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// MaxLineBytes is the longest row the engine reads: 1 MiB.
const MaxLineBytes = 1 << 20

// blockSize is how much input a worker parses at a time.
const blockSize = 4 << 20

// maxReported is how many malformed rows a lenient Summary lists.
const maxReported = 100

// Options choose the columns, the reading of timestamps and what to report.
// The zero value reads case_id, activity and timestamp, detects the
// delimiter, and accepts only timestamps with an offset.
type Options struct {
	// CaseColumn, ActivityColumn and TimeColumn name the columns of the
	// header; "case_id", "activity" and "timestamp" when empty.
	CaseColumn, ActivityColumn, TimeColumn string
	// Delimiter is ',' or ';'; 0 detects it from the header (the one that
	// occurs more often, ',' on a tie).
	Delimiter byte
	// Location reads timestamps without an offset; nil refuses them with
	// [ErrLocation]. Sujuva's programs pass Europe/Helsinki.
	Location *time.Location
	// Lenient skips malformed rows, counting and reporting them, instead
	// of stopping at the first.
	Lenient bool
	// Progress, if set, is called with the bytes read so far after each
	// block, from one goroutine at a time.
	Progress func(bytesRead int64)
	// StartActivity and EndActivity, if both set, ask for the lead time
	// from a case's first StartActivity to its first EndActivity after it.
	StartActivity, EndActivity string
	// Workers is the number of parsing goroutines; GOMAXPROCS when 0.
	Workers int
}

func (o Options) columns() (string, string, string) {
	c, a, t := o.CaseColumn, o.ActivityColumn, o.TimeColumn
	if c == "" {
		c = "case_id"
	}
	if a == "" {
		a = "activity"
	}
	if t == "" {
		t = "timestamp"
	}
	return c, a, t
}

type block struct {
	data      []byte
	firstLine int64 // line number of data's first line
	quoted    bool  // whether data has a '"': if not, rows split on the delimiter alone
}

type engine struct {
	opts              Options
	workers           int
	delim             byte
	ci, ai, ti, nCols int
	colNames          [3]string
	seed              hashSeed
	acts              *activityTable
	free              chan []byte // block buffers, reused for the whole input
	mu                sync.Mutex
	firstErr          *LineError   // the earliest error, when not lenient
	errLine           atomic.Int64 // its line: blocks after it need no parsing
	fatal             error        // ErrLocation or ErrTooLarge
	stopErr           error        // a read error or ctx's
	skipped           int64
	reported          []*LineError
	latestReported    int64  // the latest line in reported
	shard, shards     int    // keep only the rows of case shard shard of shards (see AnalyzePart); 0, 0 keeps all
	source            uint64 // the input's and options' fingerprint (see sourceOf), for parts
}

// Analyze reads a CSV event log from r and returns its summary. It returns
// an error for an unreadable header ([ErrHeader]), for the first malformed
// row unless o.Lenient ([*LineError]), for input over the engine's limits
// ([ErrTooLarge]), for a read error and for ctx's cancellation. An input
// with a header and no rows gives an empty summary.
func Analyze(ctx context.Context, r io.Reader, o Options) (*Summary, error) {
	e, results, err := parse(ctx, r, o, 0, 0)
	if err == nil {
		err = e.err()
	}
	if err != nil {
		return nil, err
	}
	return e.summarise(results)
}

// err returns the error that ended a parse, if one did: the fatal one,
// then the earliest malformed row, then a read error or ctx's.
func (e *engine) err() error {
	switch {
	case e.fatal != nil:
		return e.fatal
	case e.firstErr != nil:
		return e.firstErr
	}
	return e.stopErr
}

// parse reads the input into each worker's rows by partition, keeping only
// the cases of shard shard of shards when shards > 1. It returns an error
// for the header; the others are e's fatal, then firstErr, then stopErr.
func parse(ctx context.Context, r io.Reader, o Options, shard, shards int) (*engine, []parts, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	e := &engine{opts: o, seed: newHashSeed(), acts: &activityTable{ids: map[string]uint16{}}, shard: shard, shards: shards}
	headerBytes, err := e.readHeader(br)
	if err != nil {
		return nil, nil, err
	}
	if shards > 1 {
		e.source = e.sourceOf(br)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	e.workers = workers
	e.free = make(chan []byte, 2*workers+2)
	ch := make(chan block, workers)
	results := make([]parts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.work(ctx, cancel, ch, &results[w])
		}()
	}
	readErr := e.read(ctx, br, headerBytes, ch)
	close(ch)
	wg.Wait()
	for w := range results {
		results[w].seal()
	}
	slices.SortFunc(e.reported, byLine)
	e.stopErr = cmp.Or(readErr, ctx.Err())
	return e, results, nil
}

// sourceOf is a fingerprint of what a shard reads, for Merge to refuse
// parts of different logs or options: the columns and delimiter found in
// the header, the options that change what rows are read, and the first
// rows (up to 64 KiB, which br holds). Not a checksum of the whole input,
// which a shard that stops at a malformed row never reads: it catches the
// mistake of merging parts of two logs, not a forgery.
func (e *engine) sourceOf(br *bufio.Reader) uint64 {
	h := fnv.New64a()
	first, _ := br.Peek(br.Size()) // as much as there is: an error only says it is less
	loc := ""
	if e.opts.Location != nil {
		loc = e.opts.Location.String()
	}
	fmt.Fprintf(h, "%d %d %d %d %c %t %q\n", e.ci, e.ai, e.ti, e.nCols, e.delim, e.opts.Lenient, loc)
	h.Write(first)
	return h.Sum64()
}

// readHeader reads the first line, detects the delimiter and finds the
// columns. It returns the number of bytes consumed.
func (e *engine) readHeader(br *bufio.Reader) (int64, error) {
	line, err := br.ReadSlice('\n')
	if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
		if errors.Is(err, bufio.ErrBufferFull) {
			return 0, errors.Join(ErrHeader, ErrTooLarge)
		}
		if errors.Is(err, io.EOF) {
			return 0, errors.Join(ErrHeader, errors.New("eventlog: empty input"))
		}
		return 0, err
	}
	n := int64(len(line))
	line = bytes.TrimPrefix(bytes.TrimRight(line, "\r\n"), []byte("\xef\xbb\xbf"))
	e.delim = e.opts.Delimiter
	if e.delim == 0 {
		e.delim = ','
		if bytes.Count(line, []byte{';'}) > bytes.Count(line, []byte{','}) {
			e.delim = ';'
		}
	}
	fields, _, ok := splitFields(nil, line, e.delim, nil)
	if !ok {
		return 0, errors.Join(ErrHeader, errors.New("eventlog: unterminated quote in the header"))
	}
	cn, an, tn := e.opts.columns()
	e.colNames = [3]string{cn, an, tn}
	e.ci, e.ai, e.ti = -1, -1, -1
	for i, f := range fields {
		switch strings.TrimSpace(string(f)) {
		case cn:
			e.ci = i
		case an:
			e.ai = i
		case tn:
			e.ti = i
		}
	}
	e.nCols = len(fields)
	var missing []string
	for k, idx := range []int{e.ci, e.ai, e.ti} {
		if idx < 0 {
			missing = append(missing, e.colNames[k])
		}
	}
	if len(missing) > 0 {
		return 0, errors.Join(ErrHeader, errors.New("eventlog: no column "+strings.Join(missing, ", ")))
	}
	return n, nil
}

// read splits the rest of the input into blocks of whole lines and sends
// them to the workers, numbering their lines.
func (e *engine) read(ctx context.Context, br *bufio.Reader, consumed int64, ch chan<- block) error {
	var carry []byte
	line := int64(2)
	total := consumed
	for {
		if ctx.Err() != nil || e.errLine.Load() != 0 {
			return nil
		}
		var buf []byte
		select {
		case buf = <-e.free:
		default:
		}
		if cap(buf) < blockSize+len(carry) {
			buf = make([]byte, 0, blockSize+len(carry))
		}
		buf = append(buf[:0], carry...)
		n, err := io.ReadFull(br, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		total += int64(n)
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return err
		}
		cut := bytes.LastIndexByte(buf, '\n') + 1
		if eof {
			cut = len(buf)
		} else if cut == 0 {
			if len(buf) >= MaxLineBytes {
				return &LineError{Line: line, Reason: "line longer than 1 MiB"}
			}
			carry = append(carry[:0], buf...) // grow: the next read brings more
			continue
		}
		carry = append(carry[:0], buf[cut:]...)
		data := buf[:cut]
		if len(data) > 0 {
			n, quoted := scanBlock(data)
			select {
			case ch <- block{data: data, firstLine: line, quoted: quoted}:
			case <-ctx.Done():
				return nil
			}
			line += int64(n)
		}
		if e.opts.Progress != nil {
			e.opts.Progress(total)
		}
		if eof {
			return nil
		}
	}
}

// work parses blocks until the channel closes, into out by partition.
func (e *engine) work(ctx context.Context, cancel context.CancelFunc, ch <-chan block, out *parts) {
	acts := activityCache{all: map[string]cachedActivity{}}
	var fields [][]byte
	var scratch []byte
	for blk := range ch {
		if l := e.errLine.Load(); ctx.Err() != nil || (l != 0 && blk.firstLine > l) {
			e.recycle(blk.data)
			continue // drain: an earlier line is already malformed
		}
		data := blk.data
		for ln := blk.firstLine; len(data) > 0; ln++ {
			i := bytes.IndexByte(data, '\n')
			var line []byte
			if i < 0 {
				line, data = data, nil
			} else {
				line, data = data[:i], data[i+1:]
			}
			if len(line) > 0 && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
			if len(line) == 0 {
				continue // blank lines, as encoding/csv skips them
			}
			if e.shards > 1 && !blk.quoted && e.plainShard(line) != e.shard {
				continue // another shard's row, found without splitting it
			}
			ok := true
			if blk.quoted {
				fields, scratch, ok = splitFields(fields, line, e.delim, scratch)
				if e.shards > 1 && e.fieldsShard(fields, ok) != e.shard {
					continue
				}
			} else {
				fields = splitPlain(fields[:0], line, e.delim)
			}
			if !ok {
				e.malformed(lineError(ln, "", line, "unterminated quote"))
				continue
			}
			if len(fields) <= max(e.ci, e.ai, e.ti) {
				e.malformed(lineError(ln, "", line, "too few fields"))
				continue
			}
			// The fast path first, sparing a call per row (see
			// parseRFC3339Seconds), then every other form.
			ns, ok := parseRFC3339Seconds(fields[e.ti])
			if !ok {
				var local bool
				if ns, local, ok = parseTime(fields[e.ti], e.opts.Location); !ok {
					if local && e.opts.Location == nil {
						e.fail(cancel, ErrLocation)
						break
					}
					e.malformed(lineError(ln, e.colNames[2], fields[e.ti], "not a timestamp"))
					continue
				}
			}
			act, ok := acts.lookup(fields[e.ai])
			if !ok {
				if act, ok = e.acts.intern(fields[e.ai]); !ok {
					e.fail(cancel, ErrTooLarge)
					break
				}
				acts.add(fields[e.ai], act)
			}
			out.add(&e.seed, fields[e.ci], ns, act)
		}
		e.recycle(blk.data)
	}
}

// recycle keeps a block's buffer for a later block. A pool that the
// collector empties would make the reader allocate fresh buffers, and the
// kernel fault in and zero their pages on every read: a quarter of the time
// of a 10M-event log went there.
func (e *engine) recycle(buf []byte) {
	select {
	case e.free <- buf[:0]:
	default:
	}
}

// malformed records a bad row: counted when lenient, else the earliest one
// becomes the error, and blocks after it are not parsed.
func (e *engine) malformed(le *LineError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.opts.Lenient {
		e.skipped++
		// The first maxReported by line, whatever order the workers find
		// them in: a later one takes the place of the last.
		// The latest line kept is remembered, so that the rows after it,
		// most of a log's malformed rows, are passed over at once.
		switch {
		case len(e.reported) < maxReported:
			e.reported = append(e.reported, le)
			e.latestReported = max(e.latestReported, le.Line)
		case le.Line < e.latestReported:
			last := slices.MaxFunc(e.reported, byLine)
			*last = *le
			e.latestReported = slices.MaxFunc(e.reported, byLine).Line
		}
		return
	}
	if e.firstErr == nil || le.Line < e.firstErr.Line {
		e.firstErr = le
		e.errLine.Store(le.Line)
	}
}

func (e *engine) fail(cancel context.CancelFunc, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fatal == nil {
		e.fatal = err
	}
	cancel()
}
