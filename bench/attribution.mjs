#!/usr/bin/env node
// `npm run bench:attribution [-- FOLDER…]`: builds bench/attribution.ts and runs it (see there).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "out", "bench", "attribution.js");
esbuild.buildSync({ entryPoints: [join(root, "bench", "attribution.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
