// Serves one Worker script on workerd through miniflare, with no dev proxy
// and no inspector in front: closer to how a deployed Worker runs than
// wrangler dev, whose proxy adds about 2 ms to every request of any Worker
// on this machine. bench.sh measures both ways.
//   node test/serve.mjs SCRIPT PORT
// Modules beside SCRIPT: .js/.mjs as ES modules, .wasm compiled. Ends on
// SIGTERM.
import path from "node:path";
import { Miniflare } from "miniflare";

const [script, port] = process.argv.slice(2);
const mf = new Miniflare({
  scriptPath: script,
  modules: true,
  modulesRoot: path.dirname(path.resolve(script)),
  modulesRules: [
    { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
    { type: "CompiledWasm", include: ["**/*.wasm"] },
  ],
  compatibilityDate: "2026-04-01",
  host: "127.0.0.1",
  port: Number(port),
  bindings: { SUJUVA_CORS_ORIGINS: "*" },
});
await mf.ready;
process.on("SIGTERM", () => mf.dispose().then(() => process.exit(0)));
