package bridge

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// teamInputs are inputs of "team.validate": fast marks those the fast path
// must take, the others it must leave to encoding/json.
var teamInputs = []fastCase{
	{"API example", `{"team":{"process":"Asiakkaaksi tulo","name":"Ward 7 care team","members":[{"id":"m1","name":"Ana Silva","role":"client","unit":"Ward 7"},{"id":"m2","name":"Dr. Ben Okafor","role":"professional","unit":"Cardiology"}]}}`, true},
	{"Finnish", `{"team":{"name":"Neuvonta","process":"Asiakkaaksi tulo","members":[{"id":"m1","name":"Äijälä Öhman","role":"client"}],"owner":{"name":"Pääkäyttäjä","memberId":"m1"}},"profile":"default"}`, true},
	{"every field", ` { "team" : { "id" : "t1" , "name" : "N" , "process" : "P" , "targetGroup" : "tg" , "county" : "c" , "units" : [ { "id" : "u1" , "name" : "U" } , { "id" : "u2" , "name" : "" } ] , "members" : [ { "id" : "m1" , "name" : "A" , "role" : "client" , "unit" : "u1" , "profession" : "p" , "attendsWorkshops" : true } , { "id" : "m2" , "attendsWorkshops" : false } ] , "owner" : { "name" : "O" , "title" : "T" , "unit" : "u1" , "memberId" : "m1" } } , "profile" : "serviceChain" }` + "\n", true},
	{"empty", `{"team":{}}`, true},
	{"empty lists", `{"team":{"units":[],"members":[]}}`, true},
	{"no team", `{}`, true},
	{"members null", `{"team":{"members":null}}`, false},
	{"name null", `{"team":{"name":null}}`, false},
	{"number name", `{"team":{"name":1}}`, false},
	{"attends as string", `{"team":{"members":[{"id":"m1","attendsWorkshops":"true"}]}}`, false},
	{"other case", `{"team":{"Name":"N"}}`, false},
	{"unknown keys", `{"team":{"name":"N","colour":"red","members":[{"id":"m4","age":41,"x":{"a":[1,"]}"]},"y":null}]},"extra":true}`, true},
	{"unknown key, invalid value", `{"team":{"name":"N","colour":re}}`, false},
	{"unknown key, a field's in another case", `{"team":{"NAME":"N"}}`, false},
	{"unknown key, not ASCII", `{"team":{"näme":"N"}}`, false},
	{"key twice", `{"team":{"name":"A","name":"B"}}`, false},
	{"team twice", `{"team":{},"team":{"name":"B"}}`, false},
	{"escape", `{"team":{"name":"A\u00e4"}}`, false},
	{"invalid UTF-8", "{\"team\":{\"name\":\"P\xe4\"}}", false},
	{"trailing garbage", `{"team":{}}x`, false},
	{"truncated", `{"team":{"members":[{"id":"m1"`, false},
	{"trailing comma", `{"team":{"members":[{"id":"m1"},]}}`, false},
	{"null", `null`, false},
	{"nothing", ``, false},
}

// TestDecodeTeamInputMatchesJSON: whatever the fast path decodes, it
// decodes as encoding/json does; and it takes the usual input, the API's
// example and the demo team included.
func TestDecodeTeamInputMatchesJSON(t *testing.T) {
	ins := teamInputs
	var ws struct {
		Team json.RawMessage `json:"team"`
	}
	demoWorksheet(t, &ws)
	require.NotEmpty(t, ws.Team)
	ins = append(ins, fastCase{"demo", `{"team":` + string(ws.Team) + `}`, true})
	requireLikeJSON(t, ins, decodeTeamInput)
}

// TestDecodeTeamInputEveryField sets every field of a team by reflection,
// so that a field added to the model without its key in the fast path
// fails here (the fast path would leave every team that has it to
// encoding/json).
func TestDecodeTeamInputEveryField(t *testing.T) {
	var in TeamInput
	fill(reflect.ValueOf(&in).Elem())
	b, err := json.Marshal(in)
	require.NoError(t, err)
	got, ok := decodeTeamInput(b)
	require.True(t, ok, "the fast path refused %s", b)
	require.Equal(t, in, got)
}

// fill sets every field below v to a value that is not its zero value:
// strings to their field's name, booleans true, slices two elements.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
				if v.Field(i).Kind() == reflect.String {
					v.Field(i).SetString(v.Type().Field(i).Name + " ä")
				}
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.String:
		v.SetString("x")
	default:
		panic("fill: a field of kind " + v.Kind().String() + " the fast path does not read")
	}
}

// FuzzDecodeTeamInput: the fast path decodes nothing encoding/json
// refuses, and nothing differently.
func FuzzDecodeTeamInput(f *testing.F) {
	fuzzLikeJSON(f, teamInputs, decodeTeamInput)
}
