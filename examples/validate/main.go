// Command validate checks Sujuva worksheet files and Innokylä documents
// against their published JSON Schemas and Sujuva's own rules.
//
//	go run ./examples/validate FILE...
//
// The kind of each file is told from its content. Findings are printed with
// their JSON Pointers and messages (-lang fi, sv or en). The exit code is 0
// when every file is valid, 1 when one is invalid, 2 when one cannot be read
// (which wins over 1).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sujuva/sujuva/export/innokyla"
	"github.com/sujuva/sujuva/export/schema"
	"github.com/sujuva/sujuva/model"
	"github.com/sujuva/sujuva/pdsa"
	"github.com/sujuva/sujuva/valuestream"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "en", "language of the messages: fi, sv or en")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: validate [-lang fi|sv|en] FILE...")
		return 2
	}
	catalog := model.MergeCatalogs(model.Messages(), pdsa.Messages(), valuestream.Messages(), innokyla.Messages(), schema.Messages())
	code := 0
	for _, name := range fs.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, "validate:", err)
			code = 2
			continue
		}
		kind, ok := schema.Detect(data)
		var findings model.Findings
		if !ok {
			findings = schema.Validate("", data)
			if !json.Valid(data) {
				findings = model.Findings{model.NewError("", model.CodeJSONSyntax).With("offset", 0)}
			}
		} else {
			findings = append(findings, schema.Validate(kind, data)...)
			if kind == schema.Innokyla && !findings.HasErrors() {
				var d innokyla.Document
				if fs := model.DecodeJSON(data, &d); len(fs) == 0 {
					findings = append(findings, d.Validate()...)
				}
			}
		}
		findings.Sort()
		status := "valid"
		if findings.HasErrors() {
			status = "invalid"
			code = max(code, 1)
		}
		fmt.Fprintf(stdout, "%s: %s %s\n", name, kind, status)
		for _, f := range findings {
			path := f.Path
			if path == "" {
				path = "/"
			}
			fmt.Fprintf(stdout, "  %s %s %s: %s\n", f.Severity, path, f.Code, catalog.Text(f, model.Language(*lang).Or(model.English)))
		}
	}
	return code
}
