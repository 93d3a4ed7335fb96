package pdsa

import "github.com/sujuva/sujuva/model"

// Document is a type of this package that [Decode] reads from JSON.
type Document interface {
	Aim | DriverDiagram | Cycle | Ramp
	Validate() model.Findings
}

// Decode reads a T from JSON and validates it. Findings from decoding
// ([model.DecodeJSON]: malformed JSON, a value of the wrong type, a
// malformed date or time) come alone, with the zero T; otherwise the result
// is the decoded value and its Validate findings, nil when there are none.
// Unknown enum names decode and are reported by Validate.
func Decode[T Document](data []byte) (T, model.Findings) {
	var v T
	if fs := model.DecodeJSON(data, &v); fs != nil {
		var zero T
		return zero, fs
	}
	return v, v.Validate()
}
