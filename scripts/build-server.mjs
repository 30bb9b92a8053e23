// Bundles server/index.ts (and the db code it uses at start-up) into build/server.js, leaving npm
// packages external, so production runs plain `node` with no TypeScript loader.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
