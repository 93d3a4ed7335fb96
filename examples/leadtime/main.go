// Command leadtime reports the lead times of a CSV event log: per case, per
// transition between activities, and from a start activity to an end.
//
//	go run ./examples/leadtime [flags] FILE.csv
//	go run ./examples/leadtime -format tsv FILE.csv   # the peers' summary format
//	go run ./examples/leadtime -start referral_received -end decision FILE.csv
//
// A progress bar goes to standard error, when it is a terminal, for files
// over 16 MB. Timestamps without an offset are read in -location
// (Europe/Helsinki). The exit code is 1 when the file cannot be read or
// analysed, 2 for wrong usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // so that -location works without the system's zoneinfo

	"github.com/sujuva/sujuva/valuestream/eventlog"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("leadtime", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output: text (a readable report) or tsv (the peers' summary format)")
	caseCol := fs.String("case", "case_id", "the case id column")
	actCol := fs.String("activity", "activity", "the activity column")
	timeCol := fs.String("time", "timestamp", "the timestamp column")
	start := fs.String("start", "", "lead time from this activity…")
	end := fs.String("end", "", "…to this one")
	lenient := fs.Bool("lenient", false, "skip malformed rows and report them instead of stopping")
	location := fs.String("location", "Europe/Helsinki", "time zone of timestamps without an offset")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || (*format != "text" && *format != "tsv") {
		fmt.Fprintln(stderr, "usage: leadtime [-format text|tsv] [flags] FILE.csv")
		return 2
	}
	loc, err := time.LoadLocation(*location)
	if err != nil {
		fmt.Fprintln(stderr, "leadtime:", err)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "leadtime:", err)
		return 1
	}
	defer f.Close()
	opts := eventlog.Options{
		CaseColumn: *caseCol, ActivityColumn: *actCol, TimeColumn: *timeCol,
		StartActivity: *start, EndActivity: *end, Lenient: *lenient, Location: loc,
	}
	if info, err := f.Stat(); err == nil && info.Size() > 16<<20 && isTerminal(stderr) {
		opts.Progress = progressBar(stderr, info.Size())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s, err := eventlog.Analyze(ctx, f, opts)
	if opts.Progress != nil {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "leadtime:", err)
		return 1
	}
	if *format == "tsv" {
		if err := s.WriteTSV(stdout); err != nil {
			fmt.Fprintln(stderr, "leadtime:", err)
			return 1
		}
		return 0
	}
	report(stdout, s)
	return 0
}

// isTerminal reports whether w is a terminal, where a progress bar that
// redraws itself belongs; in a log file or a pipe it would be noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "[#####.....] 52%" on one line of w.
func progressBar(w io.Writer, total int64) func(int64) {
	last := -1
	return func(n int64) {
		pct := int(100 * n / total)
		if pct == last {
			return
		}
		last = pct
		fill := pct / 4
		fmt.Fprintf(w, "\r[%s%s] %3d%%", strings.Repeat("#", fill), strings.Repeat(".", 25-fill), pct)
	}
}

func days(sec float64) string { return fmt.Sprintf("%.1f d", sec/86400) }

func report(w io.Writer, s *eventlog.Summary) {
	fmt.Fprintf(w, "%d events in %d cases, %s – %s\n", s.Events, s.Cases, s.First.Format(time.DateOnly), s.Last.Format(time.DateOnly))
	if s.Skipped > 0 {
		fmt.Fprintf(w, "%d malformed rows skipped; the first: %v\n", s.Skipped, s.Errors[0])
	}
	fmt.Fprintf(w, "Lead time per case: median %s, 90th percentile %s, longest %s\n",
		days(s.LeadTime.Median), days(s.LeadTime.P90), days(s.LeadTime.Max))
	if sp := s.Span; sp != nil {
		fmt.Fprintf(w, "From %s to %s: %d cases, median %s, 90th percentile %s; %d unfinished, %d never started\n",
			sp.Start, sp.End, sp.Finished.Count, days(sp.Finished.Median), days(sp.Finished.P90), sp.Unfinished, sp.NoStart)
	}
	fmt.Fprintf(w, "Cases with rework (an activity repeated): %d\n\n", s.ReworkCases)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "from\tto\tcount\tmedian wait\t90th pct\tlongest")
	for _, t := range s.Transitions {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", t.From, t.To, t.Count, days(t.Median), days(t.P90), days(t.Max))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nMost frequent path (%d cases): %s\n", s.TopVariant.Cases, strings.Join(s.TopVariant.Activities, " → "))
}
