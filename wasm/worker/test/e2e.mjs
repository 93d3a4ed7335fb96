// The built Worker on real workerd: every endpoint, every error class,
// panic recovery and instance restart, isolation of overlapping requests,
// and a bounded load test that reports latency and memory growth.
//   node e2e.mjs BASE_URL [N=10000] [CONC=32]
// Exits non-zero on the first failed check. Prints one JSON summary line.
import { performance } from "node:perf_hooks";
import assert from "node:assert/strict";

const [base, nArg, cArg] = process.argv.slice(2);
const N = +(nArg || 10000), CONC = +(cArg || 32);
const api = base + "/api/v1/";
let checks = 0;

async function call(path, { method = "GET", body, type, accept, origin, headers = {} } = {}) {
  // identity: workerd gzips for a client that accepts it and then sends no
  // Content-Length, which would hide whether the Worker set it.
  const h = { "accept-encoding": "identity", ...headers };
  if (type) h["content-type"] = type;
  if (accept) h["accept"] = accept;
  if (origin) h["origin"] = origin;
  const init = { method, body, headers: h };
  if (body instanceof ReadableStream) init.duplex = "half"; // sent chunked, without Content-Length
  const r = await fetch(path.startsWith("http") ? path : api + path, init);
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, text, json };
}

// streamOf makes a body of unknown length: two chunks, no Content-Length.
function streamOf(text) {
  const bytes = new TextEncoder().encode(text), half = bytes.length >> 1;
  return new ReadableStream({
    start(c) { c.enqueue(bytes.slice(0, half)); c.enqueue(bytes.slice(half)); c.close(); },
  });
}

function check(name, cond, detail) {
  checks++;
  assert.ok(cond, name + (detail === undefined ? "" : ": " + (typeof detail === "string" ? detail : JSON.stringify(detail)).slice(0, 400)));
}

function errorBody(name, r, status, kind) {
  check(`${name}: status ${status}`, r.status === status, `${r.status} ${r.text}`);
  check(`${name}: error kind ${kind}`, r.json && r.json.error && r.json.error.kind === kind, r.text);
  check(`${name}: Content-Length`, r.headers.get("content-length") === String(Buffer.byteLength(r.text)), r.headers.get("content-length"));
  check(`${name}: no stack trace`, !/goroutine|\.go:\d+|panic\(/.test(r.text), r.text);
}

// 1. The index, the OpenAPI document, the schemas and every operation's examples.
const index = await call("");
check("index 200", index.status === 200, index.text);
const ops = index.json.operations;
check("index lists operations", Array.isArray(ops) && ops.length > 0, index.text);
const openapi = await call("openapi.json");
check("openapi 200", openapi.status === 200 && openapi.json.openapi === "3.1.0", openapi.status);
for (const path of index.json.schemas || []) {
  const s = await call(base + path);
  check(`schema ${path} 200`, s.status === 200 && s.headers.get("content-type") === "application/schema+json", s.status);
  check(`schema ${path} served at its $id`, typeof s.json.$id === "string" && new URL(s.json.$id).pathname === path, s.json.$id);
}
const examples = []; // {op, name, body, type, status}
for (const [path, item] of Object.entries(openapi.json.paths)) {
  const post = item.post;
  if (!post || !post.requestBody) continue;
  for (const [type, media] of Object.entries(post.requestBody.content)) {
    for (const [name, ex] of Object.entries(media.examples || {})) {
      const body = typeof ex.value === "string" ? ex.value : JSON.stringify(ex.value);
      examples.push({ op: path.slice("/api/v1/".length), name, body, type, status: +(ex["x-status"] || 200) });
    }
  }
}
for (const op of ops) {
  if (op.endsWith(".svg")) continue;
  check(`operation ${op} is documented`, openapi.json.paths["/api/v1/" + op]?.post, op);
}
for (const ex of examples) {
  const r = await call(ex.op, { method: "POST", body: ex.body, type: ex.type });
  check(`${ex.op} example ${ex.name}: status ${ex.status}`, r.status === ex.status, `${r.status} ${r.text}`);
  check(`${ex.op} example ${ex.name}: Content-Length`, r.headers.get("content-length") === String(Buffer.byteLength(r.text)));
  if (ex.status === 400) errorBody(`${ex.op} ${ex.name}`, r, 400, r.json?.error?.kind);
  if (ex.status === 400 && r.json?.error?.kind === "invalid") check(`${ex.op} ${ex.name}: findings with JSON Pointers`, r.json.error.findings.every((f) => f.path === "" || f.path.startsWith("/")), r.text);
  if (ops.includes(ex.op + ".svg") && ex.status === 200) {
    const s = await call(ex.op, { method: "POST", body: ex.body, type: ex.type, accept: "image/svg+xml" });
    check(`${ex.op} as SVG`, s.status === 200 && s.headers.get("content-type") === "image/svg+xml" && s.text.includes("<svg"), `${s.status} ${s.text.slice(0, 200)}`);
  }
}
// An operation that reads its input: one with an example answered 400.
const valid = examples.find((e) => e.status === 200 && e.type === "application/json" && examples.some((x) => x.op === e.op && x.status === 400));
const invalid = examples.find((e) => e.status === 400 && e.type === "application/json" && e.op === valid?.op);
check("a valid JSON example exists", valid);

// 2. Every error class.
errorBody("unknown operation", await call("no.such.op", { method: "POST", body: "{}", type: "application/json" }), 404, "not_found");
errorBody("GET an operation", await call(valid.op), 405, "method_not_allowed");
errorBody("DELETE the index", await call("", { method: "DELETE" }), 405, "method_not_allowed");
errorBody("wrong content type", await call(valid.op, { method: "POST", body: valid.body, type: "text/plain" }), 415, "unsupported_media_type");
errorBody("malformed JSON", await call(valid.op, { method: "POST", body: '{"x":', type: "application/json" }), 400, "bad_request");
errorBody("not acceptable", await call(valid.op, { method: "POST", body: valid.body, type: "application/json", accept: "text/html" }), 406, "not_acceptable");
errorBody("too large", await call(valid.op, { method: "POST", body: '{"x":"' + "x".repeat(5 << 20) + '"}', type: "application/json" }), 413, "too_large");
// The glue serves a JSON body of known length through Go's sujuva_serve
// export and streams any other; the same body by both paths answers the same.
const plain = await call(valid.op, { method: "POST", body: valid.body, type: valid.type });
const chunked = await call(valid.op, { method: "POST", body: streamOf(valid.body), type: valid.type });
check("a streamed JSON body answers as a whole one", chunked.status === 200 && chunked.text === plain.text && plain.status === 200,
  `${plain.status} ${chunked.status} ${chunked.text.slice(0, 200)}`);
const pre = await call(valid.op, { method: "OPTIONS", origin: "https://example.org", headers: { "access-control-request-method": "POST" } });
check("CORS preflight", pre.status === 204 && pre.headers.get("access-control-allow-origin") !== null, `${pre.status} ${[...pre.headers]}`);
const page = await call(base + "/");
check("static assets served", page.status === 200 && /<html|<!doctype/i.test(page.text), page.status);

// 3. A recovered panic keeps the instance; a crash restarts it.
const before = await call("");
const gen = before.headers.get("x-sujuva-instance");
check("diagnostics on", gen !== null);
errorBody("recovered panic", await call("_debug/panic", { method: "POST" }), 500, "internal");
check("same instance after a recovered panic", (await call("")).headers.get("x-sujuva-instance") === gen);
const crash = await call("_debug/crash", { method: "POST" });
check("crash answered", crash.status === 202 || crash.status === 503, `${crash.status} ${crash.text}`);
// The crashing goroutine runs when Go next gets the event loop: workerd
// runs no timer of a request that has ended, so the crash lands in a later
// request, which is answered 503; the one after it gets a new instance.
const seen = [];
let after;
for (let i = 0; i < 50; i++) {
  after = await call("");
  seen.push(`${after.status}/${after.headers.get("x-sujuva-instance")}`);
  if (after.status === 200 && after.headers.get("x-sujuva-instance") !== gen) break;
  check("during a crash: 200 or 503 only", after.status === 200 || after.status === 503, seen);
  await new Promise((r) => setTimeout(r, 20));
}
check("new instance after a crash", after.status === 200 && after.headers.get("x-sujuva-instance") !== gen, seen);

// 4. Overlapping requests on one instance see only their own input.
if (invalid) {
  const rs = await Promise.all(Array.from({ length: 64 }, (_, i) => {
    const ex = i % 2 ? invalid : valid;
    return call(ex.op, { method: "POST", body: ex.body, type: ex.type }).then((r) => ({ want: ex.status, r }));
  }));
  for (const { want, r } of rs) check("overlapping requests stay apart", r.status === want, `${r.status} want ${want}`);
}

// 5. Load: N requests, CONC at a time, alternating valid and invalid input.
const lat = [], statuses = {}, mem = [];
let next = 0, first = null;
const t0 = performance.now();
await Promise.all(Array.from({ length: CONC }, async () => {
  while (next < N) {
    const i = next++;
    const ex = invalid && i % 4 === 3 ? invalid : valid;
    const t = performance.now();
    const r = await fetch(api + ex.op, { method: "POST", body: ex.body, headers: { "content-type": ex.type } });
    await r.arrayBuffer();
    lat.push(performance.now() - t);
    statuses[r.status] = (statuses[r.status] || 0) + 1;
    const sample = { i, gen: r.headers.get("x-sujuva-instance"), wasm: +r.headers.get("x-sujuva-wasm-bytes"), refs: +r.headers.get("x-sujuva-js-refs") };
    if (i === Math.floor(N / 10)) first = sample;
    if (i % Math.max(1, Math.floor(N / 20)) === 0) mem.push(sample);
  }
}));
const wall = performance.now() - t0;
lat.sort((a, b) => a - b);
const pct = (p) => +lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)].toFixed(2);
const last = mem[mem.length - 1];
const fives = Object.entries(statuses).filter(([s]) => +s >= 500).reduce((a, [, n]) => a + n, 0);
const summary = {
  checks, load: { n: N, conc: CONC, p50_ms: pct(50), p90_ms: pct(90), p99_ms: pct(99), max_ms: +lat[lat.length - 1].toFixed(2), rps: +(N / (wall / 1000)).toFixed(1), statuses },
  memory: { instances: [...new Set(mem.map((m) => m.gen))], wasm_bytes_at_10pct: first?.wasm, wasm_bytes_at_end: last?.wasm, js_refs_at_10pct: first?.refs, js_refs_at_end: last?.refs, samples: mem.map((m) => [m.i, m.wasm, m.refs]) },
};
console.log(JSON.stringify(summary));
check("no 5xx under load", fives === 0, statuses);
check("one instance served the whole load", summary.memory.instances.length === 1, summary.memory.instances);
// Memory: Go's linear memory never shrinks, so growth shows here. After the
// first tenth it may grow by at most 16 MiB, and stays well under the
// isolate's 128 MB; JS values held by Go must not grow with the count.
check("wasm memory bounded", last.wasm < 96 << 20 && last.wasm - first.wasm <= 16 << 20, summary.memory);
check("JS references bounded", last.refs < first.refs + 20000, summary.memory);
