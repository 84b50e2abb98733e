#!/usr/bin/env node
// `npm run bench [-- --sizes 1,10,100] [--json] [--naive K]`: builds bench/bench.ts and runs each
// corpus size in its own process (so memory figures do not mix), then prints a table or, with
// --json, one JSON object {"sizes": [...]}. Needs English text from Debian packages (see
// docs/performance.md); installs nothing itself. Not part of CI.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt("--sizes", "1,10,100").split(",").map(Number);
const json = args.includes("--json");
const naive = opt("--naive", undefined);

const outfile = join(root, "out", "bench", "bench.js");
esbuild.buildSync({ entryPoints: [join(root, "bench", "bench.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });

const results = [];
for (const mb of sizes) {
  const cmd = ["--expose-gc", "--max-old-space-size=8192", outfile, "--mb", String(mb), ...(naive ? ["--naive", naive] : [])];
  if (!json) process.stderr.write(`bench: ${mb} MB…\n`);
  const run = spawnSync(process.execPath, cmd, { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) {
    process.stderr.write(`bench: the ${mb} MB run failed (exit ${run.status})\n`);
    process.exit(1);
  }
  results.push(JSON.parse(run.stdout.trim().split("\n").pop()));
}

if (json) {
  console.log(JSON.stringify({ sizes: results }));
} else {
  const f = (x, d = 2) => (x === undefined ? "" : Number(x).toFixed(d));
  const rows = [
    ["corpus MB", (r) => f(r.corpusMB, 1)],
    ["index build s (MB/s)", (r) => `${f(r.buildSeconds)} (${f(r.buildMBps, 0)})`],
    ["RSS settled (right after build) / index MB", (r) => `${f(r.rssMB, 0)} (${f(r.rssRightAfterBuildMB, 0)}) / ${f(r.indexMB, 0)}`],
    ["reload s", (r) => f(r.reloadSeconds)],
    ["per quote ms median (p95)", (r) => `${f(r.perQuoteMsMedian, 3)} (${f(r.perQuoteMsP95, 3)})`],
    ["per quote ms, no text cached (median)", (r) => f(r.perQuoteColdMsMedian, 3)],
    ["one source file changed: update ms", (r) => `${f(r.updateOneFileMs, 0)}${r.updateFound ? "" : " (new text NOT found)"}`],
    ["10,000-word draft: first / again ms", (r) => `${f(r.draftCheckMs, 0)} / ${f(r.draftRecheckMs, 0)}`],
    ["incremental re-check ms", (r) => f(r.incrementalMs, 2)],
    ["naive per quote ms (sample)", (r) => `${f(r.naivePerQuoteMs, 0)} (${r.naiveSample})`],
    ["ratio naive / indexed", (r) => `${Math.round(r.ratio).toLocaleString("en")}×`],
    ["right passage / exact span", (r) => `${r.passageAccuracy.toFixed(3)} / ${r.exactSpanAccuracy.toFixed(3)}`],
    ["verdicts right (draft)", (r) => Object.entries(r.verdicts).map(([k, v]) => `${k} ${v.right}/${v.of}`).join(", ")],
  ];
  console.log(["", ...results.map((r) => `${r.mb} MB`)].join(" | "));
  for (const [name, cell] of rows) console.log([name, ...results.map(cell)].join(" | "));
}
