// A Web Worker that runs its own copy of the Go bridge, so that long work —
// checking many worksheet files, and the event-log analysis when its engine
// lands — never blocks the page. Messages in: {id, op, json} for one call,
// or {id, batch: [{op, json}, ...]} for several, answered with a progress
// message {id, done, total} after each. Messages out: {id, ok} or {id, error}
// (the bridge error's JSON), and for a batch {id, results: [{ok}|{error}]}.
// {id, eventLog: Blob, options} analyses a CSV event log, with progress
// messages {id, done, total} in bytes, and answers {id, ok, ms} or {id, error}.
// {id, eventLogPart: Blob, options, shard, shards} analyses one shard of it,
// with progress messages, and answers {id, part: ArrayBuffer (transferred),
// readMs, ms, startedAt} (the times of reading the Blob and analysing, and
// when the analysis started, since the epoch)
// or {id, error}; {id, mergeParts: [ArrayBuffer, ...], options} merges the
// parts of every shard and answers as eventLog does. The worker holds no
// logic of its own: the Go bridge does the analysis and the merge.
importScripts('wasm_exec.js');

const ready = (async () => {
  const go = new Go();
  const started = new Promise((r) => self.addEventListener('sujuva-ready', r, { once: true }));
  const res = await WebAssembly.instantiateStreaming(fetch('sujuva.wasm'), go.importObject);
  go.run(res.instance);
  await started;
})();

async function one(op, json) {
  try { return { ok: await self.sujuva.call(op, json) }; } catch (e) { return { error: e.message }; }
}

self.onmessage = async (e) => {
  const { id, op, json, batch, eventLog, eventLogPart, shard, shards, mergeParts, options } = e.data;
  await ready;
  if (eventLogPart) {
    const t0 = performance.now();
    const bytes = new Uint8Array(await eventLogPart.arrayBuffer());
    const total = bytes.length;
    const t1 = performance.now();
    try {
      const part = await self.sujuva.analyzeEventLogPart(bytes, JSON.stringify(options || {}), shard, shards, (done) => self.postMessage({ id, done, total }));
      self.postMessage({ id, part: part.buffer, readMs: t1 - t0, ms: performance.now() - t1, startedAt: performance.timeOrigin + t1 }, [part.buffer]);
    } catch (err) { self.postMessage({ id, error: err.message }); }
    return;
  }
  if (mergeParts) {
    const t0 = performance.now();
    try {
      const ok = await self.sujuva.mergeEventLog(mergeParts.map((b) => new Uint8Array(b)), JSON.stringify(options || {}));
      self.postMessage({ id, ok, ms: performance.now() - t0 });
    } catch (err) { self.postMessage({ id, error: err.message }); }
    return;
  }
  if (eventLog) {
    const bytes = new Uint8Array(await eventLog.arrayBuffer());
    const total = bytes.length;
    const t0 = performance.now();
    try {
      const ok = await self.sujuva.analyzeEventLog(bytes, JSON.stringify(options || {}), (done) => self.postMessage({ id, done, total }));
      self.postMessage({ id, ok, ms: performance.now() - t0 });
    } catch (err) { self.postMessage({ id, error: err.message }); }
    return;
  }
  if (batch) {
    const results = [];
    for (const [i, b] of batch.entries()) {
      results.push(await one(b.op, b.json));
      self.postMessage({ id, done: i + 1, total: batch.length });
    }
    self.postMessage({ id, results });
    return;
  }
  self.postMessage({ id, ...(await one(op, json)) });
};
