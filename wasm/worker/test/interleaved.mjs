// Interleaved timing of several Workers in one run, so that a change in the
// machine's load (it is shared) falls on all of them alike: after 100
// warm-up requests each, six rounds of 200 sequential requests to each
// target in turn (p50, p90), then 2,000 requests 16 at a time to each, twice
// (requests per second).
//   node test/interleaved.mjs "label|url|body.json" ...
import fs from "node:fs";

const targets = process.argv.slice(2).map((a) => {
  const [label, url, file] = a.split("|");
  return { label, url, body: fs.readFileSync(file) };
});
async function once(t) {
  const t0 = performance.now();
  const r = await fetch(t.url, { method: "POST", body: t.body, headers: { "content-type": "application/json" } });
  const text = await r.text();
  if (r.status >= 500) throw new Error(`${t.label}: ${r.status} ${text}`);
  return performance.now() - t0;
}
for (const t of targets) for (let i = 0; i < 100; i++) await once(t);
const ms = new Map(targets.map((t) => [t.label, []]));
for (let round = 0; round < 6; round++) {
  for (const t of targets) for (let i = 0; i < 200; i++) ms.get(t.label).push(await once(t));
}
const rps = new Map(targets.map((t) => [t.label, []]));
for (const t of [...targets, ...targets]) {
  let n = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => { while (n++ < 2000) await once(t); }));
  rps.get(t.label).push(Math.round(2000 / ((performance.now() - t0) / 1000)));
}
for (const t of targets) {
  const s = ms.get(t.label).sort((a, b) => a - b);
  const at = (q) => +s[Math.floor(s.length * q)].toFixed(2);
  console.log(JSON.stringify({ label: t.label, phase: "interleaved", n: s.length, p50: at(0.5), p90: at(0.9), rps_c16: rps.get(t.label) }));
}
