//go:build js && wasm

// Command browser is the worksheet's WebAssembly main. It registers one
// namespace object, globalThis.sujuva, whose functions call the bridge
// (wasm/bridge) and never block the page: every call runs on its own
// goroutine and answers with a Promise. A panic is recovered into a rejected
// Promise. The page loads it with wasm_exec.js from the Go distribution.
//
//	sujuva.ops()              → JSON string: [{name, summary, input}, ...]
//	sujuva.call(op, json)     → Promise<string>: the result JSON; rejects with
//	                            an Error whose message is the bridge error's JSON
//	sujuva.analyzeEventLog(bytes, optionsJSON, progress)
//	                          → Promise<string>: the event-log analysis; progress
//	                            is called with the bytes read after each block.
//	                            Meant for a Web Worker (see site/static/worker.js).
//	sujuva.analyzeEventLogPart(bytes, optionsJSON, shard, shards, progress)
//	                          → Promise<Uint8Array>: one shard's part of it, for
//	sujuva.mergeEventLog([part, ...], optionsJSON)
//	                          → Promise<string>: the analysis of the parts of all
//	                            shards, as analyzeEventLog's of the whole log.
//	sujuva.version            → the worksheet file version
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"syscall/js"
	_ "time/tzdata" // Europe/Helsinki for event logs without offsets: browsers have no zoneinfo

	"github.com/sujuva/sujuva/wasm/bridge"
)

func main() {
	b := bridge.New()
	ns := js.Global().Get("Object").New()
	ns.Set("version", bridge.WorksheetVersion)
	ns.Set("ops", js.FuncOf(func(js.Value, []js.Value) any {
		out, _ := json.Marshal(b.Describe())
		return string(out)
	}))
	ns.Set("call", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
			return reject(errorJSON(&bridge.Error{Kind: bridge.KindInvalid, Message: "call(op: string, json: string)"}))
		}
		op, in := args[0].String(), args[1].String()
		return promise(func() (string, string) {
			out, err := b.Do(context.Background(), op, []byte(in))
			if err != nil {
				return "", errorJSON(err)
			}
			return string(out), ""
		})
	}))
	ns.Set("analyzeEventLog", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data, opts, progress, err := eventLogArgs(args, 2)
		if err != nil {
			return reject(errorJSON(invalid("analyzeEventLog(bytes: Uint8Array, options: string, progress?: function)", err)))
		}
		return promise(func() (string, string) {
			out, err := b.AnalyzeEventLog(context.Background(), data, opts, progress)
			if err != nil {
				return "", errorJSON(err)
			}
			return string(out), ""
		})
	}))
	ns.Set("analyzeEventLogPart", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data, opts, progress, err := eventLogArgs(args, 4)
		if err == nil && (args[2].Type() != js.TypeNumber || args[3].Type() != js.TypeNumber) {
			err = errors.New("shard and shards must be numbers")
		}
		if err != nil {
			return reject(errorJSON(invalid("analyzeEventLogPart(bytes: Uint8Array, options: string, shard: number, shards: number, progress?: function)", err)))
		}
		shard, shards := args[2].Int(), args[3].Int()
		return promiseValue(func() (any, string) {
			out, err := b.AnalyzeEventLogPart(context.Background(), data, opts, shard, shards, progress)
			if err != nil {
				return nil, errorJSON(err)
			}
			buf := uint8Array.New(len(out))
			js.CopyBytesToJS(buf, out)
			return buf, ""
		})
	}))
	ns.Set("mergeEventLog", js.FuncOf(func(_ js.Value, args []js.Value) any {
		const usage = "mergeEventLog(parts: Uint8Array[], options: string)"
		if len(args) < 2 || !js.Global().Get("Array").Call("isArray", args[0]).Bool() {
			return reject(errorJSON(invalid(usage, errors.New("parts must be an array"))))
		}
		parts := make([][]byte, args[0].Length())
		for i := range parts {
			src := args[0].Index(i)
			if !src.InstanceOf(uint8Array) {
				return reject(errorJSON(invalid(usage, fmt.Errorf("part %d is not a Uint8Array", i))))
			}
			parts[i] = make([]byte, src.Length())
			js.CopyBytesToGo(parts[i], src)
		}
		opts, err := options(args[1])
		if err != nil {
			return reject(errorJSON(invalid(usage, err)))
		}
		return promise(func() (string, string) {
			out, err := b.MergeEventLog(parts, opts)
			if err != nil {
				return "", errorJSON(err)
			}
			return string(out), ""
		})
	}))
	// debugPanic panics on a goroutine, ending the program the way a bug
	// would: the end-to-end tests prove that such a crash reaches the
	// console and fails them.
	ns.Set("debugPanic", js.FuncOf(func(js.Value, []js.Value) any {
		go func() { panic("sujuva: debugPanic called") }()
		return nil
	}))
	js.Global().Set("sujuva", ns)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("sujuva-ready"))
	select {}
}

var uint8Array = js.Global().Get("Uint8Array")

// eventLogArgs reads the arguments analyzeEventLog and analyzeEventLogPart
// share: the log's bytes (a Uint8Array) first, the options' JSON second,
// and an optional progress function at progressAt. Anything else is an
// error here, not a panic that would end the instance.
func eventLogArgs(args []js.Value, progressAt int) (io.Reader, bridge.EventLogOptions, func(int64), error) {
	if len(args) < 2 || !args[0].InstanceOf(uint8Array) {
		return nil, bridge.EventLogOptions{}, nil, errors.New("the log must be a Uint8Array")
	}
	if len(args) < progressAt {
		return nil, bridge.EventLogOptions{}, nil, fmt.Errorf("%d arguments, not %d", len(args), progressAt)
	}
	opts, err := options(args[1])
	if err != nil {
		return nil, opts, nil, err
	}
	var progress func(int64)
	if len(args) > progressAt && args[progressAt].Type() == js.TypeFunction {
		f := args[progressAt]
		progress = func(n int64) { f.Invoke(float64(n)) }
	}
	return &uint8ArrayReader{src: args[0], n: args[0].Length()}, opts, progress, nil
}

// options decodes the options' JSON.
func options(v js.Value) (bridge.EventLogOptions, error) {
	var opts bridge.EventLogOptions
	if v.Type() != js.TypeString {
		return opts, errors.New("the options must be a JSON string")
	}
	if err := json.Unmarshal([]byte(v.String()), &opts); err != nil {
		return opts, fmt.Errorf("options: %w", err)
	}
	return opts, nil
}

// invalid is the error of a call with arguments it cannot take.
func invalid(usage string, err error) *bridge.Error {
	return &bridge.Error{Kind: bridge.KindInvalid, Message: usage + ": " + err.Error()}
}

// uint8ArrayReader reads a JavaScript Uint8Array straight into the
// engine's block buffers, a subarray per Read. Copying the whole file into
// Go first cost a second pass over it and grew the wasm memory by the
// file's size, which slowed a fresh Worker's first analysis by a tenth.
type uint8ArrayReader struct {
	src    js.Value
	off, n int
}

func (r *uint8ArrayReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	end := min(r.off+len(p), r.n)
	k := js.CopyBytesToGo(p, r.src.Call("subarray", r.off, end))
	r.off += k
	return k, nil
}

func errorJSON(err error) string {
	e, ok := err.(*bridge.Error)
	if !ok {
		e = &bridge.Error{Kind: bridge.KindInternal, Message: err.Error()}
	}
	out, _ := json.Marshal(e)
	return string(out)
}

func reject(msg string) js.Value {
	return js.Global().Get("Promise").Call("reject", js.Global().Get("Error").New(msg))
}

// promise runs f on a new goroutine and settles a Promise with its result:
// resolved with ok, or rejected with an Error carrying fail when fail is set.
func promise(f func() (ok, fail string)) js.Value {
	return promiseValue(func() (any, string) { return f() })
}

// promiseValue is promise for a result of any value js.ValueOf takes, or a
// js.Value.
func promiseValue(f func() (ok any, fail string)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, rej := args[0], args[1]
		go func() {
			defer executor.Release()
			ok, fail := func() (ok any, fail string) {
				defer func() {
					if r := recover(); r != nil {
						fail = errorJSON(&bridge.Error{Kind: bridge.KindInternal, Message: fmt.Sprint("panic: ", r)})
					}
				}()
				return f()
			}()
			if fail != "" {
				rej.Invoke(js.Global().Get("Error").New(fail))
				return
			}
			resolve.Invoke(ok)
		}()
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}
