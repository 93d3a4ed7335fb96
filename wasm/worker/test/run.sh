#!/usr/bin/env bash
# Serve the built Worker (build/, from `make worker`) on local workerd with
# wrangler dev, offline and on loopback only, and run e2e.mjs against it.
#   bash test/run.sh [N=10000] [CONC=32]
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true CI=true NO_COLOR=1
[ -f build/app.wasm ] || { echo "build/app.wasm missing: run make worker" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
persist=$(mktemp -d)
setsid node_modules/.bin/wrangler dev --port "$PORT" --ip 127.0.0.1 --persist-to "$persist" \
  --inspector-port 0 --var SUJUVA_DIAGNOSTICS:1 --var "SUJUVA_CORS_ORIGINS:*" >"$persist/log" 2>&1 </dev/null &
pg=$!
cleanup() { kill -TERM -- "-$pg" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$pg" 2>/dev/null || true; rm -rf "$persist"; }
trap cleanup EXIT
for i in $(seq 1 600); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  kill -0 "$pg" 2>/dev/null || { cat "$persist/log" >&2; exit 1; }
  sleep 0.1
done
status=0
node test/e2e.mjs "http://127.0.0.1:$PORT" "${1:-10000}" "${2:-32}" || status=$?
if [ "$status" != 0 ]; then echo "--- wrangler log (tail)" >&2; tail -40 "$persist/log" >&2; fi
exit "$status"
