// Sujuva's Worker glue: replaces the worker.mjs of syumai/workers v0.33.0
// (workers-assets-gen), whose fetch starts a fresh Go instance, reruns main
// and every init for each request (p50 25 ms on local workerd).
//
// Here one Go instance serves every request of the isolate:
//   - main calls workers.ServeNonBlock, workers.Ready and then blocks, so the
//     instance stays alive; each request is dispatched to it (two paths,
//     below).
//   - If the instance has exited (a panic the handler did not recover, or
//     os.Exit), the next request starts a new one, and requests still in
//     flight on the dead one are answered 503 instead of hanging.
//   - env and ctx: Go reads them through one runtime-context object per
//     instance. env holds the Worker's bindings, the same for every request
//     of a deployment, so the instance keeps the env it started with (and is
//     restarted if a request brings a different env object). ctx is
//     per-request and two requests overlap on one instance, so the shared
//     object has no ctx at all: Go code cannot see another request's ctx;
//     per-request data comes only from the request Go is handed.
//   - Nothing here logs a request body or keeps it past its request.
//   - With env.SUJUVA_DIAGNOSTICS === "1" every answer carries the instance's
//     generation, its request count, the Go linear memory size and the number
//     of JS values Go holds, for the load test's memory-growth check.
import "./wasm_exec.js";
import mod from "./app.wasm";

globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (e) {
    return { error: e };
  }
};

// Two paths into Go (see jsio.go):
//   - A request without a body, or with a JSON body of a known length up to
//     4 MiB (the API's usual call), is read here whole, written into Go's
//     memory and served by one synchronous call of an export of Go's,
//     sujuva_serve: no promise, no stream and no callback between JS and Go,
//     which is most of what a request used to cost.
//   - Any other body (a CSV upload, a body of unknown length) goes to
//     syumai/workers' handleRequest, which streams it into Go.
const WHOLE_MAX = 4 << 20;

function servedWhole(req) {
  if (req.body === null) return true;
  const length = Number(req.headers.get("content-length"));
  const type = req.headers.get("content-type") || "";
  return type.startsWith("application/json") && length > 0 && length <= WHOLE_MAX;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

// serveWhole writes the request into Go's memory in the form jsio.go reads,
// calls Go's sujuva_serve export, and builds the Response from the answer
// Go leaves in its memory (copied out before Go is called again).
async function serveWhole(inst, req) {
  const body = req.body === null ? null : new Uint8Array(await req.arrayBuffer());
  await inst.ready;
  const go = inst.instance.exports;
  if (inst.go.exited) throw new Error("the Go instance exited");
  // Only the header fields the API reads, which Go names once: reading
  // every field of a request cost more than the three it reads.
  inst.headerNames ??= readHeaderNames(go);
  let head = req.method + " " + req.url + "\n";
  for (const name of inst.headerNames) {
    const value = req.headers.get(name);
    if (value !== null) head += name + ": " + value + "\n";
  }
  head += "\n";
  const room = head.length * 3 + (body === null ? 0 : body.length); // UTF-8 takes at most 3 bytes per UTF-16 unit
  const at = go.sujuva_request(room) >>> 0; // addresses come as signed i32
  let mem = new Uint8Array(go.mem.buffer);
  let n = utf8.encodeInto(head, mem.subarray(at, at + head.length * 3)).written;
  if (body !== null) { mem.set(body, at + n); n += body.length; }
  const length = go.sujuva_serve(n);
  const from = go.sujuva_answer() >>> 0;
  mem = new Uint8Array(go.mem.buffer); // the call may have grown the memory
  const answer = mem.slice(from, from + length);
  let end = 0; // the answer's head ends at its first empty line
  while (end + 1 < answer.length && !(answer[end] === 10 && answer[end + 1] === 10)) end++;
  const lines = text.decode(answer.subarray(0, end)).split("\n");
  const headers = new Headers();
  for (let i = 1; i < lines.length; i++) {
    const j = lines[i].indexOf(": ");
    if (j > 0) headers.append(lines[i].slice(0, j), lines[i].slice(j + 2));
  }
  const rest = answer.subarray(end + 2);
  return new Response(rest.length > 0 ? rest : null, { status: Number(lines[0]), headers });
}

// readHeaderNames returns the names of the request header fields Go reads
// (jsio.go sujuva_headers), lower case.
function readHeaderNames(go) {
  const at = go.sujuva_headers() >>> 0;
  const n = go.sujuva_headers_len();
  return text.decode(new Uint8Array(go.mem.buffer, at, n)).split("\n");
}

async function serveStreamed(inst, req) {
  await inst.ready;
  return new Promise((resolve, reject) => {
    inst.pending.add(reject);
    inst.binding.handleRequest(req).then(resolve, reject).finally(() => inst.pending.delete(reject));
  });
}

let current = null; // the live instance: {go, instance, binding, env, ready, pending, served, gen}
let generation = 0;

function start(env) {
  const go = new Go();
  const binding = {};
  // No ctx on purpose; see above.
  const context = { env, binding };
  let ready;
  const readyPromise = new Promise((resolve) => { ready = resolve; });
  const instance = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  const inst = { go, instance, binding, env, pending: new Set(), served: 0, gen: ++generation };
  const exited = go.run(instance, context).then(
    () => onExit(inst, "exited"),
    (e) => onExit(inst, "failed: " + (e && e.message)),
  );
  inst.ready = Promise.race([
    readyPromise,
    exited.then(() => { throw new Error("Go exited before it was ready"); }),
  ]);
  return inst;
}

function onExit(inst, why) {
  if (current === inst) current = null;
  console.error(`sujuva: Go instance ${inst.gen} ${why} after ${inst.served} requests; the next request starts a new one`);
  for (const reject of inst.pending) reject(new Error("the Go instance exited"));
  inst.pending.clear();
}

function unavailable() {
  const body = '{"error":{"kind":"unavailable","message":"the service restarted; retry the request"}}';
  return new Response(body, {
    status: 503,
    headers: { "content-type": "application/json", "content-length": String(body.length), "retry-after": "0" },
  });
}

async function fetch(req, env, ctx) {
  if (current === null || current.go.exited || current.env !== env) current = start(env);
  const inst = current;
  let res;
  try {
    res = await (servedWhole(req) ? serveWhole(inst, req) : serveStreamed(inst, req));
  } catch (e) {
    console.error(`sujuva: request on Go instance ${inst.gen} failed: ${e && e.message}`);
    return unavailable();
  }
  inst.served++;
  if (env && env.SUJUVA_DIAGNOSTICS === "1") {
    const h = res.headers;
    h.set("x-sujuva-instance", String(inst.gen));
    h.set("x-sujuva-served", String(inst.served));
    if (!inst.go.exited) { // an instance that exited after answering has no values left to count
      h.set("x-sujuva-wasm-bytes", String(inst.instance.exports.mem.buffer.byteLength));
      h.set("x-sujuva-js-refs", String(inst.go._values.length - inst.go._idPool.length));
    }
  }
  return res;
}

export default { fetch };
