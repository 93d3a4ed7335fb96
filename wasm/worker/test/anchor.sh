# Sourced by bench.sh and profile.sh (from wasm/worker): builds the ajv
# Worker of ../shared/bench/worker as its run.sh builds it, and writes the
# same teams in team.validate's input to $tmp/valid.json and
# $tmp/invalid.json: {"team": ...}, each member with an id (the anchor's
# extra fields are kept; Sujuva ignores them). Needs $tmp; sets $anchor.
anchor=$(cd ../../../shared/bench/worker 2>/dev/null && pwd) || { echo "../shared/bench/worker missing" >&2; exit 1; }
(cd "$anchor" && { [ -d node_modules/ajv ] || npm install --no-audit --no-fund >/dev/null; } \
  && node gen-standalone.mjs >/dev/null && npx esbuild src/standalone-entry.js --bundle --format=esm --minify --outfile=dist/worker.js --log-level=warning)
for body in valid invalid; do
  node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1]));
    t.members = t.members.map((m, i) => ({ id: "m" + (i + 1), ...m }));
    process.stdout.write(JSON.stringify({ team: { process: "Asiakkaaksi tulo", ...t } }));' "$anchor/schema/$body.json" >"$tmp/$body.json"
done
