package bridge_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/wasm/bridge"
)

func ExampleBridge_Do() {
	b := bridge.New()
	out, err := b.Do(context.Background(), "valuestream.summary", []byte(`{"map": {"steps": [
		{"id": "s1", "name": "Yhteydenotto", "wait": {"value": 2, "unit": "days"}, "process": {"value": 12, "unit": "hours"}}]}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out)[:60])
	// Output:
	// {"summary":{"steps":1,"leadTimeNs":216000000000000,"processT
}

func ExampleBridge_Do_invalid() {
	b := bridge.New()
	_, err := b.Do(context.Background(), "valuestream.summary", []byte(`{"map": {"steps": []}}`))
	var e *bridge.Error
	if errors.As(err, &e) {
		fmt.Println(e.Kind, e.Findings[0].Path, e.Findings[0].Code)
	}
	fmt.Println(errors.Is(err, model.ErrInvalid))
	// Output:
	// invalid /map/steps valuestream.empty
	// true
}

func ExampleBridge_Ops() {
	fmt.Println(bridge.New().Ops()[:3])
	// Output:
	// [messages team.validate round.validate]
}

func ExampleBridge_Describe() {
	op := bridge.New().Describe()[1]
	fmt.Println(op.Name, op.Input)
	// Output:
	// team.validate application/json
}

func ExampleBridge_Messages() {
	m := bridge.New().Messages()[bridge.CodePasteLine]
	fmt.Println(m.In(model.English))
	// Output:
	// Line {line} is not a date and a number.
}

func ExamplePaste() {
	r := bridge.Paste("Viikko\tOsuus\n5.1.2026\t40,5\n12.1.2026\t41\n")
	for _, o := range r.Observations {
		fmt.Println(o.Period, *o.Value)
	}
	// Output:
	// 2026-01-05 40.5
	// 2026-01-12 41
}

func ExampleCodes() {
	fmt.Println(len(bridge.Codes()))
	// Output:
	// 9
}

func ExampleBridge_AnalyzeEventLog() {
	csv := "case_id,activity,timestamp\n" +
		"c1,Yhteydenotto,2026-01-05T08:00:00+02:00\n" +
		"c1,Selvitys,2026-01-07T08:00:00+02:00\n"
	out, err := bridge.New().AnalyzeEventLog(context.Background(), strings.NewReader(csv), bridge.EventLogOptions{MapName: "Neuvonta"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var res bridge.EventLogResult
	_ = json.Unmarshal(out, &res)
	fmt.Println(res.Summary.Cases, res.Summary.LeadTime.Median/3600, res.Map.Name, len(res.Map.Steps))
	// Output:
	// 1 48 Neuvonta 2
}

// A page with two cores analyses a log in two Web Workers, a shard each,
// and merges their parts in one of them.
func ExampleBridge_MergeEventLog() {
	csv := "case_id,activity,timestamp\n" +
		"c1,Yhteydenotto,2026-01-05T08:00:00+02:00\n" +
		"c1,Selvitys,2026-01-07T08:00:00+02:00\n" +
		"c2,Yhteydenotto,2026-01-05T09:00:00+02:00\n" +
		"c2,Selvitys,2026-01-05T21:00:00+02:00\n"
	b := bridge.New()
	var parts [][]byte
	for k := range 2 {
		part, err := b.AnalyzeEventLogPart(context.Background(), strings.NewReader(csv), bridge.EventLogOptions{}, k, 2, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		parts = append(parts, part)
	}
	out, err := b.MergeEventLog(parts, bridge.EventLogOptions{MapName: "Neuvonta"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var res bridge.EventLogResult
	_ = json.Unmarshal(out, &res)
	fmt.Println(res.Summary.Cases, res.Summary.LeadTime.Median/3600, res.Map.Name)
	_, err = b.MergeEventLog(parts[:1], bridge.EventLogOptions{})
	fmt.Println(err != nil)
	// Output:
	// 2 30 Neuvonta
	// true
}
