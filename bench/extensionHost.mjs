#!/usr/bin/env node
// `npm run bench:host [-- --sizes 10,100]`: how long the extension host's thread is blocked while
// the index worker builds, updates and reloads the index and answers checks (bench/extensionHost.ts),
// one process per size. Builds dist/ first. Not part of CI.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const i = args.indexOf("--sizes");
const sizes = (i >= 0 ? args[i + 1] : "10,100").split(",").map(Number);

spawnSync(process.execPath, [join(root, "esbuild.js")], { cwd: root, stdio: "inherit" });
const outfile = join(root, "out", "bench", "extensionHost.js");
esbuild.buildSync({ entryPoints: [join(root, "bench", "extensionHost.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
for (const mb of sizes) {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", outfile, "--mb", String(mb)], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) {
    process.stderr.write(`bench:host: the ${mb} MB run failed (exit ${run.status})\n`);
    process.exit(1);
  }
  console.log(run.stdout.trim().split("\n").pop());
}
