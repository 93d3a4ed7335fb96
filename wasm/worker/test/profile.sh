#!/usr/bin/env bash
# Where a request's CPU goes on workerd: the Sujuva Worker against the ajv
# Worker of ../shared/bench/worker, each on workerd itself (no miniflare or
# wrangler in front, as a deployed Worker runs), sampled with Linux perf
# while it serves N team.validate requests 4 at a time (after WARM warm-up
# requests, 1,000 unless set), in ROUNDS alternating rounds, each on a new
# workerd. V8 names the code it generates (--perf-basic-prof), so the
# report splits each request's CPU into workerd itself (V8 compiling, its
# garbage collector, its builtins, the rest), the kernel, and the Worker's
# JavaScript and WebAssembly, with the Go functions that took the most, by
# name and tier (Liftoff, the baseline compiler, or TurboFan). The Go side is built unstripped here for
# its names; the code is that of `make worker`.
#   [WARM=1000] bash test/profile.sh [N=4000] [ROUNDS=2]
# After make worker. When perf is missing it installs Debian's linux-perf,
# which needs root (as CI runs) on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-4000} ROUNDS=${2:-2}
[ -f build/app.wasm ] || { echo "build/app.wasm missing: run make worker" >&2; exit 1; }
command -v perf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null; }
workerd=$PWD/node_modules/workerd/bin/workerd
tmp=$(mktemp -d)
pg=""
stop() { [ -z "$pg" ] || { kill -TERM -- "-$pg" 2>/dev/null || true; sleep 0.3; kill -KILL -- "-$pg" 2>/dev/null || true; }; pg=""; }
trap 'stop; rm -rf "$tmp"' EXIT
. test/anchor.sh # the ajv Worker, and the teams as team.validate input
mkdir -p "$tmp/sujuva" "$tmp/ajv"
cp build/worker.mjs build/wasm_exec.js "$tmp/sujuva/"
GOOS=js GOARCH=wasm "${GO:-go}" build -trimpath -o "$tmp/sujuva/app.wasm" .
cp "$anchor/dist/worker.js" "$tmp/ajv/worker.js"
config() { # dir port modules...
  local dir=$1 port=$2; shift 2
  {
    echo 'using Workerd = import "/workerd/workerd.capnp";'
    echo "const config :Workerd.Config = (services = [(name = \"main\", worker = .w)],"
    echo "  sockets = [(name = \"http\", address = \"127.0.0.1:$port\", http = (), service = \"main\")],"
    echo '  v8Flags = ["--perf-basic-prof"]);'
    echo 'const w :Workerd.Worker = (compatibilityDate = "2026-04-01",'
    echo '  bindings = [(name = "SUJUVA_CORS_ORIGINS", text = "*")], modules = ['
    local sep=""
    for m in "$@"; do
      case $m in
        *.wasm) echo "  $sep(name = \"$m\", wasm = embed \"$m\")" ;;
        *) echo "  $sep(name = \"$m\", esModule = embed \"$m\")" ;;
      esac
      sep=","
    done
    echo '  ]);'
  } >"$dir/config.capnp"
}
port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
run() { # name url body round
  local name=$1 url=$2 body=$3 round=$4 wpid
  (cd "$tmp/$name" && exec setsid "$workerd" serve config.capnp >"$tmp/$name.log" 2>&1 </dev/null) &
  pg=$!
  for i in $(seq 1 300); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
  node test/profile.mjs load "$url" "$body" "${WARM:-1000}" || { cat "$tmp/$name.log" >&2; exit 1; }
  # The newest process of the group: workerd itself, even when bin/workerd
  # is npm's launcher for it.
  wpid=$(pgrep -n -g "$pg" -f 'workerd serve')
  # A fixed period of 100,000 ns of CPU a sample (not a rate, which perf may
  # lower on its own): profile.mjs counts 100 µs a sample.
  perf record -q -e cpu-clock -c 100000 -p "$wpid" -o "$tmp/$name.$round.perf" &
  local pp=$!
  sleep 0.3
  node test/profile.mjs load "$url" "$body" "$N"
  kill -INT "$pp"; wait "$pp" || true
  perf report -i "$tmp/$name.$round.perf" -n --no-children --sort dso,sym -g none >"$tmp/$name.$round.txt"
  stop
  rm -f "/tmp/perf-$wpid.map" # V8's names for the code of that workerd
}
PA=$(port); PS=$(port)
config "$tmp/ajv" "$PA" worker.js
config "$tmp/sujuva" "$PS" worker.mjs wasm_exec.js app.wasm
for round in $(seq 1 "$ROUNDS"); do
  run ajv "http://127.0.0.1:$PA/validate" "$anchor/schema/valid.json" "$round"
  run sujuva "http://127.0.0.1:$PS/api/v1/team.validate" "$tmp/valid.json" "$round"
done
node test/profile.mjs report "$N" "$tmp"/ajv.*.txt -- "$tmp"/sujuva.*.txt
# SUJUVA_PROFILE_KEEP=dir keeps perf's reports there, for a closer look.
[ -z "${SUJUVA_PROFILE_KEEP:-}" ] || { mkdir -p "$SUJUVA_PROFILE_KEEP" && cp "$tmp"/*.txt "$SUJUVA_PROFILE_KEEP/"; }
