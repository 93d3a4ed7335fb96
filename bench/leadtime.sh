#!/usr/bin/env bash
# Times Sujuva's event-log engine against its peers on the same file in one
# run: DuckDB (both cores), the naive Go program and Sujuva's examples/leadtime
# (-format tsv), warm cache, RUNS runs each, and checks that all print the same
# summary. The peers, their data and their install come from
# ../shared/bench/run_peers.sh (run it once first: it installs DuckDB, builds
# the naive program and generates the logs into $LT_WORK).
#
#   bash bench/leadtime.sh [SIZE]        # SIZE 100k, 1m or 10m (default 10m)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-10m}
WORK=${LT_WORK:-/tmp/lt}
RUNS=${RUNS:-3}
SHARED=$(cd ../shared/bench && pwd)
FILE=$WORK/data/ev_$SIZE.csv
[ -s "$FILE" ] || { echo "missing $FILE: run bash ../shared/bench/run_peers.sh $SIZE first" >&2; exit 2; }
go build -o "$WORK/bin/sujuva_leadtime" ./examples/leadtime
export NODE_PATH="$WORK/node/node_modules"
cat "$FILE" >/dev/null
printf '%-8s %5s %8s %10s\n' peer run wall_s maxrss_MB
for peer in sujuva duckdb naive_go; do
  case $peer in
    sujuva) cmd=("$WORK/bin/sujuva_leadtime" -format tsv "$FILE") ;;
    duckdb) cmd=(node "$SHARED/peers/duckdb_peer.cjs" "$FILE") ;;
    naive_go) cmd=("$WORK/bin/naive_go" "$FILE") ;;
  esac
  for r in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "${cmd[@]}" >"$WORK/out_$peer.txt" 2>/dev/null
    read -r wall rss <"$WORK/time.txt"
    printf '%-8s %5d %8.2f %10.0f\n' "$peer" "$r" "$wall" "$((rss / 1024))"
  done
done
cmp "$WORK/out_sujuva.txt" "$WORK/out_duckdb.txt" && cmp "$WORK/out_sujuva.txt" "$WORK/out_naive_go.txt" && echo "all three summaries are byte-identical"
