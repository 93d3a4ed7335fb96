// profile.sh's Node half.
//   node test/profile.mjs load URL BODY N
//     N POST requests of BODY to URL, 4 at a time; fails on any answer but
//     2xx (a 404 or a 5xx would make the CPU per request measure something
//     else).
//   node test/profile.mjs report N A.txt... -- B.txt...
//     From `perf report -n --sort dso,sym` of each round (perf's cpu-clock
//     sampled every 100,000 ns of CPU, so a sample is 100 µs), each Worker's CPU per request split
//     by where it ran, per round; the WebAssembly functions that took the
//     most in the second group (the Sujuva Worker); and the other symbols
//     whose time differs most between the two (second minus first), each
//     averaged over rounds.
import fs from "node:fs";

const [mode, ...args] = process.argv.slice(2);
if (mode === "load") await load(...args);
else if (mode === "report") report(Number(args[0]), args.slice(1));
else throw new Error(`profile.mjs: unknown mode ${mode}`);

async function load(url, bodyFile, n) {
  const body = fs.readFileSync(bodyFile);
  let left = Number(n);
  const once = async () => {
    const r = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`profile.mjs: ${url} answered ${r.status}`);
  };
  await Promise.all(Array.from({ length: 4 }, async () => { while (left-- > 0) await once(); }));
}

// workerdPart sorts a symbol of workerd's own code (V8 is linked in):
// V8 compiling code, V8's garbage collector, V8's builtins (calls between
// JS and WebAssembly, typed arrays, property loads), and the rest. By name
// only, so roughly: "gc" also takes a few heap helpers the program calls.
function workerdPart(sym) {
  if (/^Builtins_/.test(sym)) return "workerd-v8-builtins";
  if (/compiler::|turboshaft|Turbofan|maglev|wasm::.*(Compil|Liftoff)|RegisterAllocat|InstructionSelect|CodeGenerator/.test(sym)) {
    return "workerd-v8-compile";
  }
  if (/Heap|Scaveng|MarkCompact|Sweep|Marking|Evacuat|Marker|RememberedSet|SlotSet/.test(sym)) return "workerd-v8-gc";
  return "workerd";
}

// parse reads one round: samples by place (workerd and its parts, kernel,
// libc, js, wasm-turbofan, wasm-liftoff, other), by WebAssembly function,
// and by any other symbol.
function parse(file) {
  const places = {}, functions = new Map(), others = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s+[\d.]+%\s+(\d+)\s+(.*?)\s{2,}\[(.)\]\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, count, dso, , sym] = m;
    const n = Number(count);
    const wasm = /^JS:(.*)-\d+-(liftoff|turbofan)$/.exec(sym);
    let place;
    if (wasm) {
      place = "wasm-" + wasm[2];
      const name = wasm[1].replace(/^github\.com_sujuva_sujuva_/, "") + " (" + wasm[2] + ")";
      functions.set(name, (functions.get(name) || 0) + n);
    } else if (dso.startsWith("[JIT]")) place = "js";
    else if (dso === "workerd") place = workerdPart(sym);
    else if (dso.startsWith("[kernel")) place = "kernel";
    else if (dso.startsWith("libc")) place = "libc";
    else place = "other";
    places[place] = (places[place] || 0) + n;
    if (!wasm) {
      const name = place + " " + sym.replace(/^JS:[~+*^]?'?/, "JS ").slice(0, 100);
      others.set(name, (others.get(name) || 0) + n);
    }
  }
  return { places, functions, others };
}

function report(n, files) {
  const cut = files.indexOf("--");
  const groups = [files.slice(0, cut), files.slice(cut + 1)];
  const us = (samples) => (samples * 100) / n;
  const means = [];
  for (const group of groups) {
    const rounds = group.map(parse);
    const worker = group[0].split("/").pop().split(".")[0];
    const byPlace = {};
    for (const r of rounds) {
      for (const [place, samples] of Object.entries(r.places)) (byPlace[place] ??= []).push(Math.round(us(samples)));
    }
    const total = rounds.map((r) => Math.round(us(Object.values(r.places).reduce((a, b) => a + b, 0))));
    console.log(JSON.stringify({ worker, requests_per_round: n, cpu_us_per_request: total, by_place_us_per_request: byPlace }));
    means.push({ functions: mean(rounds, "functions"), others: mean(rounds, "others") });
  }
  const [first, second] = means;
  console.log("WebAssembly functions of the second, CPU µs per request:");
  for (const [name, v] of [...second.functions].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${v.toFixed(2).padStart(7)}  ${name}`);
  }
  console.log("Other symbols, CPU µs per request: first, second, difference:");
  const names = new Set([...first.others.keys(), ...second.others.keys()]);
  const diff = (k) => (second.others.get(k) || 0) - (first.others.get(k) || 0);
  for (const k of [...names].sort((a, b) => Math.abs(diff(b)) - Math.abs(diff(a))).slice(0, 20)) {
    const a = first.others.get(k) || 0, b = second.others.get(k) || 0;
    console.log(`${a.toFixed(2).padStart(7)} ${b.toFixed(2).padStart(7)} ${diff(k) >= 0 ? "+" : ""}${diff(k).toFixed(2)}  ${k}`);
  }

  // mean averages one field of the rounds, in µs per request.
  function mean(rounds, field) {
    const m = new Map();
    for (const r of rounds) for (const [k, samples] of r[field]) m.set(k, (m.get(k) || 0) + us(samples) / rounds.length);
    return m;
  }
}
