#!/usr/bin/env node
// `npm run bench:archive [-- --sizes 1000,10000] [--memory-at 1000] [--chunk-mb 500] [--keep FILE | --reuse FILE] [--warm-rounds N] [--retrieval [--mb 20]]`:
// builds bench/archive.ts and runs each archive size (MB of text) in its own process, each
// against a throw-away PostgreSQL cluster of its own (Debian's postgresql, see docs/archive.md),
// then prints a table (or, with --json, one JSON object). `--retrieval` instead compares the
// retrieval choices (bench/archiveRetrieval.ts). Needs the English text of `npm run bench`
// (docs/performance.md). Not part of CI. Watch the disk: a 10 GB run needs about 25 GB free.
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
const json = args.includes("--json");
const out = join(root, "out", "bench");
const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };
esbuild.buildSync({ ...common, entryPoints: [join(root, "src", "archive", "archiveIngestWorker.ts")], outfile: join(out, "archiveIngestWorker.js") });

if (args.includes("--retrieval")) {
  esbuild.buildSync({ ...common, entryPoints: [join(root, "bench", "archiveRetrieval.ts")], outfile: join(out, "archiveRetrieval.js") });
  const run = spawnSync(process.execPath, [join(out, "archiveRetrieval.js"), "--mb", opt("--mb", "20")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });
  if (run.status !== 0) process.exit(1);
  const r = JSON.parse(run.stdout.trim().split("\n").pop());
  if (json) console.log(JSON.stringify(r));
  else {
    console.log(`${r.textMB.toFixed(0)} MB of text, ${r.passages} passages`);
    console.log("retrieval | index build s | index / text | per quote p50 ms | p95 ms | right document in top 8");
    for (const v of r.variants) console.log([v.name, v.buildSeconds.toFixed(1), v.indexPerText.toFixed(2), v.p50ms.toFixed(1), v.p95ms.toFixed(1), `${v.right}/${v.of}`].join(" | "));
  }
  process.exit(0);
}

esbuild.buildSync({ ...common, entryPoints: [join(root, "bench", "archive.ts")], outfile: join(out, "archive.js") });
const sizes = opt("--sizes", "1000,10000").split(",").map(Number);
const memoryAt = Number(opt("--memory-at", "1000"));
const results = [];
for (const mb of sizes) {
  if (!json) process.stderr.write(`bench:archive: ${mb} MB…\n`);
  const cmd = ["--max-old-space-size=12000", join(out, "archive.js"), "--mb", String(mb), "--chunk-mb", opt("--chunk-mb", "500"), ...(mb === memoryAt ? ["--memory"] : [])];
  // --keep FILE: the cluster stays up (FILE says where); --reuse FILE: look-ups only, in that cluster.
  for (const name of ["--keep", "--reuse", "--warm-rounds"]) if (opt(name)) cmd.push(name, opt(name));
  // --one-only: the single checker's look-ups only; --explain: the look-up statement's plans for three quotes;
  // --no-sixteen: no 16-checker phase (the single checker's look-ups and the verdicts).
  for (const flag of ["--one-only", "--explain", "--no-sixteen"]) if (args.includes(flag)) cmd.push(flag);
  const run = spawnSync(process.execPath, cmd, { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) {
    process.stderr.write(`bench:archive: the ${mb} MB run failed (exit ${run.status})\n`);
    process.exit(1);
  }
  results.push(JSON.parse(run.stdout.trim().split("\n").pop()));
}
if (json) console.log(JSON.stringify({ sizes: results }));
else {
  const f = (x, d = 1) => (x === undefined ? "" : Number(x).toFixed(d));
  const rows = [
    ["text MB (files)", (r) => `${f(r.textMB, 0)} (${r.files})`],
    ["ingest MB/s (s)", (r) => `${f(r.ingestMBps, 2)} (${f(r.ingestSeconds, 0)})`],
    ["ingest CPU s of the ingesting process (all threads; the server's not counted)", (r) => f(r.ingestCpuSeconds, 0)],
    ["database MB / text", (r) => `${f(r.databaseMB, 0)} / ${f(r.databasePerText, 2)}×`],
    ["  documents / quotations / retrieval index MB", (r) => `${f(r.documentsMB, 0)} / ${f(r.quotationsMB, 0)} / ${f(r.retrievalIndexMB, 0)}`],
    ["per quote, 1 checker: p50 / p95 ms", (r) => `${f(r.lookupOneP50)} / ${f(r.lookupOneP95)}`],
    ["per quote, 16 checkers: p50 / p95 ms", (r) => `${f(r.lookupSixteenP50)} / ${f(r.lookupSixteenP95)}`],
    ["  of which the look-up statement (round trip, rows read): p50 / p95 ms", (r) => (r.statementSixteenP50 === undefined ? "" : `${f(r.statementSixteenP50)} / ${f(r.statementSixteenP95)}`)],
    ["  CPU a look-up while the 16 look quotes up one at a time: checkers / server ms", (r) => (r.sixteenSinglePhase ? `${f(r.sixteenSinglePhase.clientCpuMsPerLookup, 2)} / ${f(r.sixteenSinglePhase.serverCpuMsPerLookup, 2)}` : "")],
    ["per quote, 1 checker, where the time goes (ms): statement / excerpts laid out / alignment; client CPU", (r) => (r.oneBreakdown ? `${f(r.oneBreakdown.candidatesMs)} / ${f(r.oneBreakdown.matchesMs)} / ${f(r.oneBreakdown.passagesForMs)}; ${f(r.oneBreakdown.clientCpuMs)}` : "")],
    ["drafts of 10 quotes in one look-up, 16 checkers: p50 / p95 ms per draft", (r) => (r.draftSixteenP50 === undefined ? "" : `${f(r.draftSixteenP50)} / ${f(r.draftSixteenP95)}`)],
    ["right document first", (r) => `${r.rightDocument}/${r.quotes}`],
    ["draft verdicts right (archive)", (r) => `${r.archiveVerdictsRight}/${r.quotes}`],
    ["in memory: build s / RSS MB", (r) => (r.memoryBuildSeconds === undefined ? "" : `${f(r.memoryBuildSeconds)} / ${f(r.memoryRssMB, 0)}`)],
    ["in memory, per quote: p50 / p95 ms", (r) => (r.memoryLookupP50 === undefined ? "" : `${f(r.memoryLookupP50, 2)} / ${f(r.memoryLookupP95, 2)}`)],
    ["in memory: verdicts right / same as archive", (r) => (r.sameVerdicts === undefined ? "" : `${r.memoryVerdictsRight}/${r.quotes} / ${r.sameVerdicts}/${r.quotes}`)],
    ["load average at start / after ingest / look-ups / end", (r) => [r.loadAverageAtStart, r.loadAverageAfterIngest, r.loadAverageAtLookups, r.loadAverageAtEnd].map((l) => (l ? l.map((x) => x.toFixed(1)).join(" ") : "")).join(" / ")],
  ];
  console.log(["", ...results.map((r) => `${r.mb} MB`)].join(" | "));
  for (const [name, cell] of rows) console.log([name, ...results.map(cell)].join(" | "));
}
