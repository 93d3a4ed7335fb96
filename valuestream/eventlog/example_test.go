package eventlog_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

const exampleLog = `case_id,activity,timestamp
A,referral_received,2024-03-01T09:00:00+02:00
A,first_contact,2024-03-04T10:00:00+02:00
A,decision,2024-03-11T10:00:00+02:00
B,referral_received,2024-03-02T12:00:00+02:00
B,first_contact,2024-03-02T15:00:00+02:00
B,decision,2024-03-06T12:00:00+02:00
`

func ExampleAnalyze() {
	s, err := eventlog.Analyze(context.Background(), strings.NewReader(exampleLog), eventlog.Options{
		StartActivity: "referral_received", EndActivity: "decision",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d events, %d cases, median lead time %.1f days\n", s.Events, s.Cases, s.LeadTime.Median/86400)
	fmt.Println(s.TopVariant.Activities, s.Span.Finished.Count)
	if err := s.WriteTSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 6 events, 2 cases, median lead time 7.0 days
	// [referral_received first_contact decision] 2
	// events	6
	// cases	2
	// lead_time_h	168.500000	226.500000
	// wait_h	4	83.000000	145.500000
	// trans	first_contact	decision	2	130.500000	160.500000
	// trans	referral_received	first_contact	2	38.000000	66.000000
}

func ExampleAnalyze_malformed() {
	_, err := eventlog.Analyze(context.Background(), strings.NewReader("case_id,activity,timestamp\nA,x,tomorrow\n"), eventlog.Options{})
	fmt.Println(err)
	// Output:
	// eventlog: line 2: column timestamp: not a timestamp "tomorrow"
}

func ExampleSummary_Map() {
	s, _ := eventlog.Analyze(context.Background(), strings.NewReader(exampleLog), eventlog.Options{})
	for _, step := range s.Map("Neuvonta").Steps {
		fmt.Println(step.ID, step.Name, step.Wait.Length)
	}
	// Output:
	// s1 referral_received 0s
	// s2 first_contact 38h0m0s
	// s3 decision 130h30m0s
}

// Two shards, as two processes or Web Workers would analyse a log: each
// reads all of it but keeps its own cases, and sends its part on in binary.
func ExampleAnalyzePart() {
	var encoded [][]byte
	for k := range 2 {
		p, err := eventlog.AnalyzePart(context.Background(), strings.NewReader(exampleLog), eventlog.Options{}, k, 2)
		if err != nil {
			fmt.Println(err)
			return
		}
		b, _ := p.MarshalBinary()
		encoded = append(encoded, b)
	}
	var parts []*eventlog.Part
	for _, b := range encoded {
		p := new(eventlog.Part)
		if err := p.UnmarshalBinary(b); err != nil {
			fmt.Println(err)
			return
		}
		parts = append(parts, p)
	}
	s, err := eventlog.Merge(eventlog.Options{}, parts...)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d events, %d cases, median lead time %.1f days\n", s.Events, s.Cases, s.LeadTime.Median/86400)
	// Output:
	// 6 events, 2 cases, median lead time 7.0 days
}

// The earliest malformed row of all shards is the error, as Analyze's.
func ExampleMerge_malformed() {
	const log = "case_id,activity,timestamp\nA,x,2024-01-01T10:00:00Z\nB,y,yesterday\nC,z,tomorrow\n"
	var parts []*eventlog.Part
	for k := range 3 {
		p, err := eventlog.AnalyzePart(context.Background(), strings.NewReader(log), eventlog.Options{}, k, 3)
		if err != nil {
			fmt.Println(err)
			return
		}
		parts = append(parts, p)
	}
	_, err := eventlog.Merge(eventlog.Options{}, parts...)
	fmt.Println(err)
	// Output:
	// eventlog: line 3: column timestamp: not a timestamp "yesterday"
}

// Bytes from elsewhere are checked before they are trusted.
func ExamplePart_UnmarshalBinary() {
	var p eventlog.Part
	err := p.UnmarshalBinary([]byte("SJEP\x02\x00\x02"))
	fmt.Println(errors.Is(err, eventlog.ErrParts))
	fmt.Println(err)
	// Output:
	// true
	// eventlog: parts: truncated
}
