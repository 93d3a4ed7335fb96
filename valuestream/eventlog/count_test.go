package eventlog

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"
)

// scanBlock must agree with bytes.Count and bytes.IndexByte on every
// platform; on js/wasm it is the SWAR word loop (count_js.go), so `make
// test` checks it under Node.
func TestScanBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte{'\n', '\n' ^ 0x80, 0, 0xff, 'a', 0x0b, 0x09, 0x8a, 'a', 'a', 'a', 'a'}
	for n := range 400 {
		b := make([]byte, n%200)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if n >= 200 { // the second half with one quote, anywhere
			b = append(b, 0)
			b[rng.IntN(len(b))] = '"'
		}
		checkScanBlock(t, b)
	}
}

func FuzzScanBlock(f *testing.F) {
	f.Add([]byte("a\nb\n\n\x8a\x0b"))
	f.Add([]byte("c1,\"a,b\",2025\n"))
	f.Fuzz(checkScanBlock)
}

func checkScanBlock(t *testing.T, b []byte) {
	lines, quoted := scanBlock(b)
	if want := bytes.Count(b, []byte{'\n'}); lines != want {
		t.Fatalf("scanBlock(%q) counts %d lines, want %d", b, lines, want)
	}
	if want := bytes.IndexByte(b, '"') >= 0; quoted != want {
		t.Fatalf("scanBlock(%q) quoted %v, want %v", b, quoted, want)
	}
}

// parseRFC3339Seconds is a fast path: wherever it accepts, it must give
// parseISO's instant, and both must agree with time.Parse. It works the
// day out itself, not by civil.unixNano as parseISO does, hence the seeds
// at the edges of the month table (1900–2199) and beyond them.
func FuzzParseRFC3339Seconds(f *testing.F) {
	for _, s := range []string{"2024-03-31T03:30:00+03:00", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
		"2024-12-31T24:00:00Z", "2024-01-01T00:00:00-09:30", "2024-01-01T00:00:00+24:00", "2024-1-01T00:00:00Z", "0000-01-01T00:00:00Z",
		"1899-12-31T23:59:59Z", "1900-01-01T00:00:00+01:00", "2199-12-31T23:59:59-01:00", "2200-01-01T00:00:00Z", "9999-12-31T23:59:59Z"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := parseRFC3339Seconds(b)
		if !ok {
			return
		}
		full, local, ok2 := parseISO(b, nil)
		if !ok2 || local || full != fast {
			t.Fatalf("%q: fast %d, parseISO %d %v %v", b, fast, full, local, ok2)
		}
		if tm, err := time.Parse(time.RFC3339, string(b)); err != nil || tm.UnixNano() != fast {
			t.Fatalf("%q: fast %d, time.Parse %v %v", b, fast, tm, err)
		}
	})
}

// civil.days looks the month up in a table for 1900–2199 and computes the
// rest; both agree with daysFromCivil, and with time.Date, on every day.
func TestCivilDays(t *testing.T) {
	for _, y := range []int64{1, 1600, 1899, 1900, 1970, 2000, 2024, 2100, 2199, 2200, 9999} {
		for m := int64(1); m <= 12; m++ {
			for d := int64(1); d <= daysIn(y, m); d++ {
				c := civil{y: y, mo: m, d: d}
				want := time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC).Unix() / 86400
				if got := c.days(); got != want || daysFromCivil(y, m, d) != want {
					t.Fatalf("%d-%d-%d: days %d, daysFromCivil %d, want %d", y, m, d, got, daysFromCivil(y, m, d), want)
				}
			}
		}
	}
}
