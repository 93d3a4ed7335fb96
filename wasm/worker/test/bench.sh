#!/usr/bin/env bash
# Size and speed of the Sujuva Worker against the ajv Worker of
# ../shared/bench/worker, in one run, on this machine, with the same client
# (its bench.mjs): both on local workerd, 2,000 sequential requests after 50
# warm-up, then 16 concurrent; the cold first request; gzip sizes of what
# each uploads. Twice: under wrangler dev, as the anchor's run.sh serves it
# (Sujuva as deployed, with static assets, and API only, as the ajv Worker
# is configured), and through miniflare with no dev proxy or inspector
# (test/serve.mjs), as a deployed Worker runs. Last, the two through
# miniflare again, interleaved (test/interleaved.mjs), which a change in the
# shared machine's load cannot favour one of.
#   bash test/bench.sh [N=2000] [CONC=16]     (after make worker)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
N=${1:-2000} CONC=${2:-16}
OP=${SUJUVA_BENCH_OP:-team.validate}
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true CI=true NO_COLOR=1
[ -f build/app.wasm ] || { echo "build/app.wasm missing: run make worker" >&2; exit 1; }

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tmp=$(mktemp -d)
pgs=()
cleanup() { for pg in "${pgs[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done; sleep 0.5
            for pg in "${pgs[@]}"; do kill -KILL -- "-$pg" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
. test/anchor.sh # the ajv Worker, and the teams as team.validate input
serve() { # dir port wrangler-bin name
  mkdir -p "$tmp/$4"
  # exec: the background job's pid is setsid's and so wrangler's, the
  # leader of the process group that cleanup ends (workerd included).
  (cd "$1" && exec setsid "$3" dev --port "$2" --ip 127.0.0.1 --persist-to "$tmp/$4" --inspector-port 0 >"$tmp/$4.log" 2>&1 </dev/null) &
  pgs+=($!)
}
first() { # url: time of the first answer after start, in ms (curl's total time)
  for i in $(seq 1 600); do curl -s -o /dev/null "$1" 2>/dev/null && break; sleep 0.1; done
}
# Sujuva twice: as deployed, with the worksheet's static assets (wrangler
# then routes every request through its asset router first), and API only,
# without [assets], which is how the ajv Worker is configured.
mkdir -p "$tmp/api-only"
printf 'name = "sujuva-api-only"\nmain = "%s/build/worker.mjs"\ncompatibility_date = "2026-04-01"\n' "$here" >"$tmp/api-only/wrangler.toml"
PA=$(port); PS=$(port); PO=$(port)
serve "$anchor" "$PA" "$here/node_modules/.bin/wrangler" ajv
serve "$here" "$PS" "$here/node_modules/.bin/wrangler" sujuva
serve "$tmp/api-only" "$PO" "$here/node_modules/.bin/wrangler" sujuva-api-only
bare() { # script port name: miniflare, no inspector
  (exec setsid node test/serve.mjs "$1" "$2" >"$tmp/$3.log" 2>&1 </dev/null) &
  pgs+=($!)
}
PMA=$(port); PMS=$(port)
bare "$anchor/dist/worker.js" "$PMA" ajv-bare
bare build/worker.mjs "$PMS" sujuva-bare
# Wait for all to listen (a GET on a path that is not the one timed).
first "http://127.0.0.1:$PA/health"; first "http://127.0.0.1:$PS/"; first "http://127.0.0.1:$PO/api/v1/"
first "http://127.0.0.1:$PMA/health"; first "http://127.0.0.1:$PMS/api/v1/"
cold() { curl -s -o /dev/null -w '%{time_total}' -X POST -H 'content-type: application/json' --data-binary @"$2" "$1" | awk '{printf "%.1f", $1*1000}'; }
echo "{\"cold_first_request_ms\":{\"ajv\":$(cold "http://127.0.0.1:$PA/validate" "$anchor/schema/valid.json"),\"sujuva\":$(cold "http://127.0.0.1:$PS/api/v1/$OP" "$tmp/valid.json")}}"
gz() { cat "$@" | gzip -9 | wc -c; }
raw() { cat "$@" | wc -c; }
echo "{\"upload_bytes\":{\"ajv\":{\"raw\":$(raw "$anchor/dist/worker.js"),\"gzip\":$(gz "$anchor/dist/worker.js")},\"sujuva\":{\"raw\":$(raw build/app.wasm build/worker.mjs build/wasm_exec.js build/runtime.mjs),\"gzip\":$(gz build/app.wasm build/worker.mjs build/wasm_exec.js build/runtime.mjs),\"wasm_gzip\":$(gz build/app.wasm)}}}"
for body in valid invalid; do
  node "$anchor/bench.mjs" "http://127.0.0.1:$PA/validate" "$anchor/schema/$body.json" "ajv/$body" "$N" "$CONC" 50
  node "$anchor/bench.mjs" "http://127.0.0.1:$PS/api/v1/$OP" "$tmp/$body.json" "sujuva/$body" "$N" "$CONC" 50
  node "$anchor/bench.mjs" "http://127.0.0.1:$PO/api/v1/$OP" "$tmp/$body.json" "sujuva-api-only/$body" "$N" "$CONC" 50
  node "$anchor/bench.mjs" "http://127.0.0.1:$PMA/validate" "$anchor/schema/$body.json" "ajv-no-inspector/$body" "$N" "$CONC" 50
  node "$anchor/bench.mjs" "http://127.0.0.1:$PMS/api/v1/$OP" "$tmp/$body.json" "sujuva-no-inspector/$body" "$N" "$CONC" 50
done
node test/interleaved.mjs "ajv/valid|http://127.0.0.1:$PMA/validate|$anchor/schema/valid.json" \
  "sujuva/valid|http://127.0.0.1:$PMS/api/v1/$OP|$tmp/valid.json" \
  "ajv/invalid|http://127.0.0.1:$PMA/validate|$anchor/schema/invalid.json" \
  "sujuva/invalid|http://127.0.0.1:$PMS/api/v1/$OP|$tmp/invalid.json"
