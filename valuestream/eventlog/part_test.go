package eventlog_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

// analyzeSharded analyses data as n shards, each part through its binary
// form, and merges them.
func analyzeSharded(t *testing.T, data []byte, o eventlog.Options, n int) (*eventlog.Summary, error) {
	t.Helper()
	parts := make([]*eventlog.Part, n)
	for k := range n {
		p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), o, k, n)
		if err != nil {
			return nil, err
		}
		b, err := p.MarshalBinary()
		require.NoError(t, err)
		parts[k] = new(eventlog.Part)
		require.NoError(t, parts[k].UnmarshalBinary(b))
		assert.Equal(t, p, parts[k], "shard %d of %d through its binary form", k, n)
	}
	// The order of the parts does not matter.
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return eventlog.Merge(o, parts...)
}

// withBadRows replaces every step-th line of data after the header with
// the rows of bad in turn.
func withBadRows(data []byte, step int, bad ...string) []byte {
	lines := strings.Split(string(data), "\n")
	for i, j := step, 0; i < len(lines)-1; i, j = i+step, j+1 {
		lines[i] = bad[j%len(bad)]
	}
	return []byte(strings.Join(lines, "\n"))
}

// badRows are malformed rows of every kind, with case ids in every shard
// and none.
var badRows = []string{
	"A,x,yesterday",
	"REF-0000001,x,2025-02-29T10:00:00Z",
	"\"REF-0000002,x,2024-01-01T10:00:00Z",
	"REF-0000003,x",
	"lonely",
	"\"B\",x,never",
	",,",
}

type shardCase struct {
	name string
	data []byte
	o    eventlog.Options
}

func shardCases(t *testing.T) []shardCase {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	span := eventlog.Options{StartActivity: "first_contact", EndActivity: "decision"}
	cases := []shardCase{
		{"empty", []byte("case_id,activity,timestamp\n"), eventlog.Options{}},
		{"one event", genLog(1, 1), eventlog.Options{}},
		{"quoted ids", []byte("case_id;activity;timestamp\r\n\"a\"\"b\";x;2.1.2006 15.04\r\n\"a\"\"b\";y;2.1.2006 16.04\r\nc;x;3.1.2006 15.04\r\n"),
			eventlog.Options{Location: hel}},
		{"long ids", []byte("case_id,activity,timestamp\n" +
			"a-case-id-longer-than-fifteen,x,2024-01-01T10:00:00Z\na-case-id-longer-than-fifteen,y,2024-01-02T10:00:00Z\n" +
			"another-case-id-longer-than-fifteen,y,2024-01-01T10:00:00Z\n"), span},
		{"span missing end", genLog(500, 5), eventlog.Options{StartActivity: "first_contact", EndActivity: "nowhere"}},
		{"span missing start", genLog(500, 6), eventlog.Options{StartActivity: "nowhere", EndActivity: "decision"}},
		{"span self", genLog(500, 7), eventlog.Options{StartActivity: "assessment", EndActivity: "assessment"}},
		{"lenient bad rows", withBadRows(genLog(3000, 8), 17, badRows...), eventlog.Options{Lenient: true}},
		{"lenient few bad rows", withBadRows(genLog(300, 9), 50, badRows...), eventlog.Options{Lenient: true}},
		{"strict bad rows", withBadRows(genLog(3000, 10), 700, badRows...), eventlog.Options{}},
		{"strict no id", withBadRows(genLog(3000, 11), 900, "lonely"), eventlog.Options{}},
		{"local without location", []byte("case_id,activity,timestamp\nA,x,2024-01-01 10:00\n"), eventlog.Options{}},
	}
	for _, n := range []int{10, 1000, 50_000} {
		cases = append(cases,
			shardCase{fmt.Sprintf("generated %d", n), genLog(n, uint64(n)), eventlog.Options{}},
			shardCase{fmt.Sprintf("generated %d span 2 workers", n), genLog(n, uint64(n)+1), eventlog.Options{Workers: 2, StartActivity: "first_contact", EndActivity: "decision"}})
	}
	for _, tc := range errorCases {
		cases = append(cases, shardCase{tc.name, []byte(tc.data), eventlog.Options{}},
			shardCase{tc.name + " lenient", []byte(tc.data), eventlog.Options{Lenient: true}})
	}
	return cases
}

// TestMergeDifferential: for every log and every number of shards, Merge
// of the parts equals Analyze, errors included.
func TestMergeDifferential(t *testing.T) {
	testMerge(t, shardCases(t))
}

// TestMergeSepsis runs the real hospital log (see TestSepsis) in shards.
func TestMergeSepsis(t *testing.T) {
	data := readSepsis(t)
	testMerge(t, []shardCase{
		{"sepsis", data, eventlog.Options{StartActivity: "ER Registration", EndActivity: "Release A"}},
		{"sepsis lenient bad rows", withBadRows(data, 31, badRows...), eventlog.Options{Lenient: true}},
	})
}

func testMerge(t *testing.T, cases []shardCase) {
	for _, tc := range cases {
		want, wantErr := eventlog.Analyze(context.Background(), bytes.NewReader(tc.data), tc.o)
		for n := 1; n <= 4; n++ {
			t.Run(fmt.Sprintf("%s/%d", tc.name, n), func(t *testing.T) {
				got, err := analyzeSharded(t, tc.data, tc.o, n)
				assert.Equal(t, wantErr, err)
				assert.Equal(t, want, got)
			})
		}
	}
}

// TestPartBinary: a part's binary form decodes to the same part, and its
// damaged forms are refused with ErrParts, never half-read.
func TestPartBinary(t *testing.T) {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(withBadRows(genLog(2000, 3), 40, badRows...)),
		eventlog.Options{Lenient: true, Location: hel}, 1, 2)
	require.NoError(t, err)
	b, err := p.MarshalBinary()
	require.NoError(t, err)
	var q eventlog.Part
	require.NoError(t, q.UnmarshalBinary(b))
	assert.Equal(t, p, &q)
	b2, err := q.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, b, b2)
	for i := range len(b) {
		assert.ErrorIs(t, q.UnmarshalBinary(b[:i]), eventlog.ErrParts, "cut at %d", i)
	}
	assert.Equal(t, p, &q, "a refused decoding leaves the part as it was")
	assert.ErrorIs(t, q.UnmarshalBinary(append(b2, 0)), eventlog.ErrParts)
	// A zero part is shard 0 of 1, with no events.
	b, err = new(eventlog.Part).MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, q.UnmarshalBinary(b))
	s, err := eventlog.Merge(eventlog.Options{}, &q)
	require.NoError(t, err)
	assert.Equal(t, &eventlog.Summary{}, s)
}

func TestMergeParts(t *testing.T) {
	data := genLog(100, 4)
	part := func(k, n int) *eventlog.Part {
		p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), eventlog.Options{}, k, n)
		require.NoError(t, err)
		return p
	}
	for name, parts := range map[string][]*eventlog.Part{
		"none":      nil,
		"missing":   {part(0, 2)},
		"twice":     {part(0, 2), part(0, 2)},
		"different": {part(0, 2), part(1, 3)},
	} {
		_, err := eventlog.Merge(eventlog.Options{}, parts...)
		assert.ErrorIs(t, err, eventlog.ErrParts, name)
	}
	_, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), eventlog.Options{}, 2, 2)
	assert.ErrorIs(t, err, eventlog.ErrParts)
	_, err = eventlog.AnalyzePart(context.Background(), bytes.NewReader([]byte("id\n")), eventlog.Options{}, 0, 2)
	assert.ErrorIs(t, err, eventlog.ErrHeader)
}

// FuzzPartUnmarshalBinary decodes untrusted bytes: no panic, only
// ErrParts, and what decodes encodes to a part that decodes the same. (It
// does not merge what it decodes: a few bytes may claim 2³² cases, whose
// lead times Merge would hold.)
func FuzzPartUnmarshalBinary(f *testing.F) {
	for _, tc := range shardCases(&testing.T{}) {
		p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(tc.data), tc.o, 0, 2)
		if err != nil {
			continue
		}
		b, _ := p.MarshalBinary()
		f.Add(b)
	}
	f.Add([]byte("SJEP\x02"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p eventlog.Part
		if err := p.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, eventlog.ErrParts) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q eventlog.Part
		if err := q.UnmarshalBinary(b); err != nil {
			t.Fatalf("re-encoded part refused: %v", err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip changed the part")
		}
	})
}

// TestPartUnmarshalBinaryRefusesCountsBeforeAllocating: a megabyte that
// claims a million reported errors, or a million activities, is refused
// without a million allocations.
func TestPartUnmarshalBinaryRefusesCountsBeforeAllocating(t *testing.T) {
	head := func(reportedCount int) []byte {
		b := []byte("SJEP\x02")
		b = binary.AppendUvarint(b, 0)             // shard
		b = binary.AppendUvarint(b, 1)             // of 1
		b = binary.LittleEndian.AppendUint64(b, 0) // source
		b = append(b, 0)                           // flags
		b = binary.AppendUvarint(b, 1<<40)
		return binary.AppendUvarint(b, uint64(reportedCount))
	}
	filler := make([]byte, 1<<20)
	for name, data := range map[string][]byte{
		"reported": append(head(1<<20), filler...),
		"names":    append(binary.AppendUvarint(head(0), 1<<20), filler...),
	} {
		allocs := testing.AllocsPerRun(1, func() {
			var p eventlog.Part
			require.ErrorIs(t, p.UnmarshalBinary(data), eventlog.ErrParts)
		})
		assert.Less(t, allocs, 100.0, name)
	}
}

// TestTooManyActivities: past 1,024 distinct activities Analyze and Merge
// refuse the log, even when each shard has fewer and a malformed row comes
// first (in one block, as Analyze reads it); at 1,024 both analyse it.
func TestTooManyActivities(t *testing.T) {
	log := func(acts int) []byte {
		var b bytes.Buffer
		b.WriteString("case_id,activity,timestamp\nc0,a,yesterday\n")
		for i := range acts {
			fmt.Fprintf(&b, "c%d,act %d,2026-01-01T%02d:%02d:00Z\n", i%300, i, i/60%24, i%60)
		}
		return b.Bytes()
	}
	for _, lenient := range []bool{false, true} {
		o := eventlog.Options{Lenient: lenient}
		_, err := eventlog.Analyze(context.Background(), bytes.NewReader(log(1025)), o)
		require.ErrorIs(t, err, eventlog.ErrTooLarge, "Analyze, lenient %v", lenient)
		_, err = analyzeSharded(t, log(1025), o, 2)
		require.ErrorIs(t, err, eventlog.ErrTooLarge, "Merge, lenient %v", lenient)
	}
	s, err := eventlog.Analyze(context.Background(), bytes.NewReader(log(1024)), eventlog.Options{Lenient: true})
	require.NoError(t, err)
	require.Len(t, s.Activities, 1024)
	merged, err := analyzeSharded(t, log(1024), eventlog.Options{Lenient: true}, 2)
	require.NoError(t, err)
	require.Equal(t, s, merged)
	_, err = eventlog.AnalyzePart(context.Background(), bytes.NewReader(log(1)), eventlog.Options{}, 0, 1<<16+1)
	require.ErrorIs(t, err, eventlog.ErrParts)
}

// TestMergeRefusesPartsOfOtherLogs: parts of two logs, or of one log read
// with other options, do not merge; parts of one log read alike do, from
// their binary forms too.
func TestMergeRefusesPartsOfOtherLogs(t *testing.T) {
	part := func(data []byte, o eventlog.Options, k int) *eventlog.Part {
		p, err := eventlog.AnalyzePart(context.Background(), bytes.NewReader(data), o, k, 2)
		require.NoError(t, err)
		b, err := p.MarshalBinary()
		require.NoError(t, err)
		var q eventlog.Part
		require.NoError(t, q.UnmarshalBinary(b))
		return &q
	}
	a, b := genLog(2000, 1), genLog(2000, 2)
	_, err := eventlog.Merge(eventlog.Options{}, part(a, eventlog.Options{}, 0), part(a, eventlog.Options{}, 1))
	require.NoError(t, err)
	_, err = eventlog.Merge(eventlog.Options{}, part(a, eventlog.Options{}, 0), part(b, eventlog.Options{}, 1))
	require.ErrorIs(t, err, eventlog.ErrParts, "two logs")
	_, err = eventlog.Merge(eventlog.Options{}, part(a, eventlog.Options{}, 0), part(a, eventlog.Options{Lenient: true}, 1))
	require.ErrorIs(t, err, eventlog.ErrParts, "other options")
}
