// Package eventlog is the event-log lead-time engine of package valuestream:
// it reads a CSV event log from a patient or client information system —
// one row per event: a case id, an activity and a timestamp — and computes
// each case's lead time, the waits between consecutive events, their
// percentiles, counts per activity, rework, lead time from a chosen start
// activity to a chosen end, and a value stream map of the most frequent path.
//
// # The computation
//
// Defined exactly as the peers of ../shared/bench/peers/README.md, so that
// pandas, DuckDB and this engine print the same digits:
//
//   - Case ids are opaque strings: "NA", "null" and "" are ids like any other.
//
//   - A case's events are ordered by instant, then by activity name in byte
//     order, so the result depends only on the multiset of rows, not on their
//     order in the file.
//
//   - A case's lead time is its last instant minus its first (0 for a single
//     event). Unfinished cases count with their lead time so far.
//
//   - Each consecutive pair of a case's events is a transition, self-loops
//     included, with the difference of their instants as its wait.
//
//   - Percentiles interpolate linearly between closest ranks (Hyndman & Fan
//     type 7, numpy's default, DuckDB's quantile_cont) on durations in
//     seconds: for sorted x[0..n−1] and p in [0, 1],
//
//     h = (n − 1)·p,  q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
//
//     and q = x[n−1] when ⌊h⌋ = n − 1.
//
// Timestamps are compared as instants, never as text: RFC 3339 with an
// offset ("2024-03-31T05:12:00+03:00", "Z", fractions of a second), or local
// times "2006-01-02 15:04[:05]" and the Finnish "2.1.2006 15.04[.05]" read in
// [Options.Location] (Europe/Helsinki in Sujuva's programs; local times that
// fall in a DST gap or overlap resolve as time.Date does).
//
// # Speed and memory
//
// The engine reads the input in blocks and parses them on every core
// (GOMAXPROCS), without a string per row: activities are interned into
// small integers, and each row is kept in columns as 26 bytes (a case id of
// up to 15 bytes, zero-padded, with its length; longer ids beside it; the
// instant; the activity), radix-partitioned by a hash of the case id into
// 256 partitions. Each partition's ids are then interned in an
// open-addressing table of its own, small enough to stay in cache (one
// table of every case would cost a cache miss per row), and its events
// grouped by case with a counting sort. Each case's few events are sorted
// in place; percentiles are found by selection, not by sorting. The naive
// reference implementation in the tests (encoding/csv, time.Parse, a map
// of slices, sort) is the oracle of a differential test and the baseline
// of the benchmarks; the README gives the measured figures against DuckDB.
//
// # Shards
//
// Where one process cannot use the cores — Go's js/wasm is single-threaded,
// so a browser page uses them through several Web Workers, each with its
// own Go instance — [AnalyzePart] analyses one shard of the cases: every
// shard reads the whole input, but hashes each row's case id (before
// anything else of the row is read) and keeps only its own. Its [Part] is
// the paths of its cases with their counts and every wait; [Merge] puts
// the parts of all shards together, ranking the activities of all in one
// byte order, and computes the statistics from them: the same [Summary]
// as [Analyze], exactly, malformed rows and errors included (but for the
// case [Merge] names). Parts travel in a compact binary form
// ([Part.MarshalBinary]).
//
// # Robustness
//
// [Analyze] reads an io.Reader and never panics on its bytes. A malformed
// row is a [*LineError] naming its line; with [Options.Lenient] such rows
// are counted, skipped and reported instead (the first 100 by line in
// [Summary.Errors]). Analyze honours ctx's cancellation between blocks and
// reports progress through [Options.Progress].
package eventlog
