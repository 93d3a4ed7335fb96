package eventlog_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

const sepsisFile = "../../../shared/data/sepsis_cases.csv"

// genLog makes a seeded event log of about n events in the shape of the
// bench generator: interleaved cases, Helsinki offsets across DST, ties,
// self-loops, ids that look like missing values.
func genLog(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	acts := []string{"referral_received", "first_contact", "assessment", "decision", "service_start", "follow_up", "case_closed"}
	hel, _ := time.LoadLocation("Europe/Helsinki")
	type row struct{ id, act, ts string }
	var rows []row
	for c := 0; len(rows) < n; c++ {
		id := fmt.Sprintf("REF-%07d", c)
		switch c % 97 {
		case 3:
			id = "NA"
		case 5:
			id = ""
		case 7:
			id = "null"
		}
		t := time.Date(2024, 1, 1, 8, 0, 0, 0, hel).Add(time.Duration(rng.IntN(400*24)) * time.Hour)
		steps := 1 + rng.IntN(8)
		for s := 0; s < steps && len(rows) < n; s++ {
			a := acts[min(s, len(acts)-1)]
			if rng.IntN(6) == 0 {
				a = acts[rng.IntN(len(acts))]
			}
			rows = append(rows, row{id, a, t.Format(time.RFC3339)})
			if rng.IntN(5) > 0 { // a fifth share the previous instant
				t = t.Add(time.Duration(rng.IntN(14*24*3600)) * time.Second)
			}
		}
	}
	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	var b bytes.Buffer
	b.WriteString("case_id,activity,timestamp\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s\n", r.id, r.act, r.ts)
	}
	return b.Bytes()
}

func analyze(t *testing.T, data []byte, o eventlog.Options) *eventlog.Summary {
	t.Helper()
	s, err := eventlog.Analyze(context.Background(), bytes.NewReader(data), o)
	require.NoError(t, err)
	return s
}

func tsv(t *testing.T, s *eventlog.Summary) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, s.WriteTSV(&b))
	return b.String()
}

// assertSame compares the engine with the oracle: the TSV byte for byte,
// and the maxima.
func assertSame(t *testing.T, data []byte, o eventlog.Options) *eventlog.Summary {
	t.Helper()
	want, err := naive(bytes.NewReader(data))
	require.NoError(t, err)
	got := analyze(t, data, o)
	assert.Equal(t, tsv(t, want), tsv(t, got))
	assert.Equal(t, want.LeadTime.Max, got.LeadTime.Max)
	require.Len(t, got.Transitions, len(want.Transitions))
	for i := range want.Transitions {
		assert.Equal(t, want.Transitions[i].Max, got.Transitions[i].Max, "max of %v", want.Transitions[i])
	}
	return got
}

func TestDifferentialGenerated(t *testing.T) {
	for _, n := range []int{1, 2, 10, 1000, 50_000} {
		for _, workers := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("%d/%dw", n, workers), func(t *testing.T) {
				assertSame(t, genLog(n, uint64(n)), eventlog.Options{Workers: workers})
			})
		}
	}
}

func readSepsis(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(sepsisFile)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("the Sepsis log %s is absent", sepsisFile)
	}
	require.NoError(t, err)
	return data
}

// TestSepsis runs the real hospital log (Mannhardt, Sepsis Cases - Event
// Log, 4TU.ResearchData, doi:10.4121/uuid:915d2bfb-7e84-49ad-a286-dc35f063a460)
// and a shuffled copy made here: the result must not depend on row order.
func TestSepsis(t *testing.T) {
	data := readSepsis(t)
	s := assertSame(t, data, eventlog.Options{})
	assert.Equal(t, 15214, s.Events)
	assert.Equal(t, 1050, s.Cases)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	body := lines[1:]
	rand.New(rand.NewPCG(42, 42)).Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	shuffled := []byte(lines[0] + "\n" + strings.Join(body, "\n") + "\n")
	s2 := assertSame(t, shuffled, eventlog.Options{Workers: 2})
	assert.Equal(t, tsv(t, s), tsv(t, s2))
	assert.Equal(t, s.TopVariant, s2.TopVariant)
	m := s.Map("Sepsis")
	assert.Empty(t, m.Validate())
	assert.Equal(t, len(s.TopVariant.Activities), len(m.Steps))
}

var localCases = []struct {
	name, ts string
	want     time.Time
}{
	{"iso local", "2024-03-31 02:30", time.Date(2024, 3, 31, 2, 30, 0, 0, time.UTC).Add(-2 * time.Hour)},
	{"iso local after DST", "2024-03-31 05:12:00", time.Date(2024, 3, 31, 2, 12, 0, 0, time.UTC)},
	{"finnish", "2.1.2006 15.04", time.Date(2006, 1, 2, 13, 4, 0, 0, time.UTC)},
	{"finnish seconds", "31.10.2024 23.59.30", time.Date(2024, 10, 31, 21, 59, 30, 0, time.UTC)},
	{"offset", "2024-10-27T03:30:00+02:00", time.Date(2024, 10, 27, 1, 30, 0, 0, time.UTC)},
	{"zulu fraction", "2024-10-27T03:30:00.5Z", time.Date(2024, 10, 27, 3, 30, 0, 5e8, time.UTC)},
}

func TestTimestamps(t *testing.T) {
	hel, err := time.LoadLocation("Europe/Helsinki")
	require.NoError(t, err)
	for _, tc := range localCases {
		t.Run(tc.name, func(t *testing.T) {
			data := "case_id;activity;timestamp\nA;x;" + tc.ts + "\n"
			s := analyze(t, []byte(data), eventlog.Options{Location: hel})
			assert.True(t, tc.want.Equal(s.First), "got %v want %v", s.First, tc.want)
		})
	}
	_, err = eventlog.Analyze(context.Background(), strings.NewReader("case_id,activity,timestamp\nA,x,2024-01-01 10:00\n"), eventlog.Options{})
	assert.ErrorIs(t, err, eventlog.ErrLocation)
}

var errorCases = []struct {
	name, data string
	line       int64
	column     string
}{
	{"bad time", "case_id,activity,timestamp\nA,x,2024-01-01T10:00:00Z\nB,y,yesterday\n", 3, "timestamp"},
	{"impossible date", "case_id,activity,timestamp\nA,x,2025-02-29T10:00:00Z\n", 2, "timestamp"},
	{"too few fields", "case_id,activity,timestamp\nA,x\n", 2, ""},
	{"unterminated quote", "case_id,activity,timestamp\n\"A,x,2024-01-01T10:00:00Z\n", 2, ""},
}

func TestMalformedRows(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eventlog.Analyze(context.Background(), strings.NewReader(tc.data), eventlog.Options{})
			var le *eventlog.LineError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, tc.line, le.Line)
			assert.Equal(t, tc.column, le.Column)
			assert.ErrorIs(t, err, eventlog.ErrMalformed)
			s, err := eventlog.Analyze(context.Background(), strings.NewReader(tc.data), eventlog.Options{Lenient: true})
			require.NoError(t, err)
			assert.Equal(t, int64(1), s.Skipped)
			require.Len(t, s.Errors, 1)
			assert.Equal(t, tc.line, s.Errors[0].Line)
		})
	}
	_, err := eventlog.Analyze(context.Background(), strings.NewReader("id,act,when\n"), eventlog.Options{})
	assert.ErrorIs(t, err, eventlog.ErrHeader)
	_, err = eventlog.Analyze(context.Background(), strings.NewReader(""), eventlog.Options{})
	assert.ErrorIs(t, err, eventlog.ErrHeader)
	// The earliest malformed line is reported, whatever the block order.
	big := genLog(200_000, 9)
	lines := bytes.Split(big, []byte("\n"))
	lines[150_000] = []byte("X,y,never")
	lines[10] = []byte("X,y,nope")
	_, err = eventlog.Analyze(context.Background(), bytes.NewReader(bytes.Join(lines, []byte("\n"))), eventlog.Options{Workers: 2})
	var le *eventlog.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, int64(11), le.Line)
}

func TestOptions(t *testing.T) {
	data := "tapaus;toiminto;aika;muu\n" +
		"\"1\";saapui;2024-01-01T08:00:00+02:00;x\n" +
		"1;arvio;2024-01-03T08:00:00+02:00;\n" +
		"1;arvio;2024-01-04T08:00:00+02:00;\n" +
		"1;päätös;2024-01-08T08:00:00+02:00;\n" +
		"2;saapui;2024-01-02T08:00:00+02:00;\n" +
		"2;arvio;2024-01-05T08:00:00+02:00;\n" +
		"3;arvio;2024-01-05T08:00:00+02:00;\n"
	var progress []int64
	s := analyze(t, []byte(data), eventlog.Options{
		CaseColumn: "tapaus", ActivityColumn: "toiminto", TimeColumn: "aika",
		StartActivity: "saapui", EndActivity: "päätös",
		Progress: func(n int64) { progress = append(progress, n) },
	})
	assert.Equal(t, 7, s.Events)
	assert.Equal(t, 3, s.Cases)
	require.NotNil(t, s.Span)
	assert.Equal(t, 1, s.Span.Finished.Count)
	assert.Equal(t, 7*24*3600.0, s.Span.Finished.Median)
	assert.Equal(t, 1, s.Span.Unfinished)
	assert.Equal(t, 1, s.Span.NoStart)
	assert.Equal(t, 1, s.ReworkCases)
	assert.Equal(t, eventlog.ActivityCount{Activity: "arvio", Events: 4, Cases: 3, ReworkCases: 1, ReworkRepeats: 1}, s.Activities[0])
	assert.Equal(t, int64(len(data)), progress[len(progress)-1])
	// Three paths of one case each: the tie goes to the first in activity
	// order, [arvio] before [saapui arvio].
	assert.Equal(t, []string{"arvio"}, s.TopVariant.Activities)
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := eventlog.Analyze(ctx, bytes.NewReader(genLog(1000, 1)), eventlog.Options{})
	assert.ErrorIs(t, err, context.Canceled)
}

func FuzzAnalyze(f *testing.F) {
	f.Add(genLog(20, 3))
	for _, tc := range errorCases {
		f.Add([]byte(tc.data))
	}
	f.Add([]byte("case_id;activity;timestamp\r\n\"a\"\"b\";x;2.1.2006 15.04\r\n"))
	hel, _ := time.LoadLocation("Europe/Helsinki")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lenient := range []bool{false, true} {
			s, err := eventlog.Analyze(context.Background(), bytes.NewReader(data), eventlog.Options{Lenient: lenient, Location: hel, Workers: 2})
			if err != nil {
				var le *eventlog.LineError
				if !errors.As(err, &le) && !errors.Is(err, eventlog.ErrHeader) && !errors.Is(err, eventlog.ErrTooLarge) {
					t.Fatalf("untyped error %v", err)
				}
				continue
			}
			var b bytes.Buffer
			if err := s.WriteTSV(&b); err != nil {
				t.Fatal(err)
			}
			_ = s.Map("x")
		}
	})
}

// TestLenientReportsTheFirstRowsByLine: of many malformed rows spread over
// blocks that the workers parse in any order, a lenient summary lists the
// first 100 by line and counts them all.
func TestLenientReportsTheFirstRowsByLine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("case_id,activity,timestamp\n")
	var bad []int64
	for i := range 300_000 {
		line := int64(i) + 2
		if i%997 == 0 {
			fmt.Fprintf(&b, "c%d,a,not a time %d\n", i%5000, i)
			bad = append(bad, line)
			continue
		}
		fmt.Fprintf(&b, "c%d,a%d,2026-01-01T%02d:%02d:%02dZ\n", i%5000, i%7, i/3600%24, i/60%60, i%60)
	}
	require.Greater(t, b.Len(), 8<<20, "several blocks")
	s, err := eventlog.Analyze(context.Background(), bytes.NewReader(b.Bytes()), eventlog.Options{Lenient: true, Workers: 4})
	require.NoError(t, err)
	require.EqualValues(t, len(bad), s.Skipped)
	require.Len(t, s.Errors, 100)
	for i, e := range s.Errors {
		require.Equal(t, bad[i], e.Line, "error %d", i)
	}
}
