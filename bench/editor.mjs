#!/usr/bin/env node
// `npm run bench:editor [-- --mb 100 --files 1000 --runs 3]`: what a user waits for, end to end,
// through the language server and the CLI, from process start (bench/editor.ts), and a table of
// the figures against the targets. Builds dist/ first. Needs English text from Debian packages
// (see docs/performance.md); installs nothing itself. Not part of CI.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
spawnSync(process.execPath, [join(root, "esbuild.js")], { cwd: root, stdio: "inherit" });
const outfile = join(root, "out", "bench", "editor.js");
esbuild.buildSync({ entryPoints: [join(root, "bench", "editor.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
if (run.status !== 0) {
  process.stderr.write(`bench:editor: the run failed (exit ${run.status})\n`);
  process.exit(1);
}
const line = run.stdout.trim().split("\n").pop();
const r = JSON.parse(line);
const s = (x) => `${x.toFixed(2)} s`;
const cpu = (x) => `${x.cpuS.toFixed(1)} s CPU, load ${Math.min(...x.loads).toFixed(1)}–${Math.max(...x.loads).toFixed(1)}`;
const rows = [
  ["window reload with the saved index → first diagnostics", `${s(r.editorWarm.firstDiagnosticsS)} (${cpu(r.editorWarm)})`, "≤ 1.5 s", r.editorWarm.firstDiagnosticsS <= 1.5],
  ["first open, no saved index → first diagnostics", `${s(r.editorCold.firstDiagnosticsS)} (${cpu(r.editorCold)}; ${r.editorCold.progressReports} progress reports, ${r.editorCold.progressFirstLast.join("→")} %)`, "≤ 8 s, with progress", r.editorCold.firstDiagnosticsS <= 8 && r.editorCold.progressReports > 0],
  [`CLI check of a ${r.quotes}-quote draft, saved index`, `${s(r.cliWarm.seconds)}, ${r.cliWarm.peakRssMB} MB (${cpu(r.cliWarm)})`, "≤ 1 s, ≤ 400 MB", r.cliWarm.seconds <= 1 && r.cliWarm.peakRssMB <= 400],
  ["CLI check, no saved index", `${s(r.cliCold.seconds)}, ${r.cliCold.peakRssMB} MB (${cpu(r.cliCold)})`, "≤ 5 s, ≤ 600 MB", r.cliCold.seconds <= 5 && r.cliCold.peakRssMB <= 600],
  ["typing continuously (an edit every 150 ms)", `longest wait ${s(r.typing.longestGapS)}, ${r.typing.checks} checks in ${r.typing.seconds.toFixed(0)} s`, "a check at least every 2 s", r.typing.longestGapS <= 2],
];
console.log(`bench:editor: ${r.mb} MB in ${r.files} source files, a ${r.quotes}-quote draft; medians of runs, each from process start (wall; CPU of all the process's threads; 1-minute load average at each run's start)\n`);
console.log("| what the user waits for | measured | target | met |\n|---|---|---|---|");
for (const [what, got, target, ok] of rows) console.log(`| ${what} | ${got} | ${target} | ${ok ? "yes" : "NO"} |`);
console.log(`\n${line}`);
