/**
 * What a user waits for, end to end, with a 100 MB archive of 1,000 source files: each figure is
 * taken from process start, through the language server (`dist/cli.js lsp --stdio`, the server
 * VS Code and every other editor run) or the CLI, on a 14-quote draft. Prints one JSON line.
 * Run by bench/editor.mjs (`npm run bench:editor`); not part of CI.
 *
 *   editorCold   no saved index: server start → first complete diagnostics (and the progress it reported)
 *   editorWarm   saved index: server start → first complete diagnostics (a window reload)
 *   typing       continuous typing (an edit every 150 ms, 20 s): the longest stretch without a check
 *   cliCold      `verbatim check` with no saved index: wall time and peak RSS
 *   cliWarm      the same with the saved index
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { LspClient } from "../test/unit/lspClient";
import { articles, textPool } from "./corpusText";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const MB = opt("--mb", 100);
const FILES = opt("--files", 1000);
const RUNS = opt("--runs", 3);
const TYPING_S = opt("--typing-seconds", 20);
const root = path.join(__dirname, "..", "..");
const ws = path.join(os.tmpdir(), `verbatim-editor-bench-${MB}mb-${FILES}`);
const cache = path.join(os.tmpdir(), `verbatim-editor-bench-cache-${process.pid}`);
const draftFile = path.join(ws, "drafts", "story.md");
const env = { ...process.env, VERBATIM_CACHE_DIR: cache };

/** The archive (1,000 files of ~100 KB) and a 14-quote draft quoting it: 8 exact, 3 with a word changed, 3 in no source. */
function writeWorkspace(): void {
  if (fs.existsSync(path.join(ws, "done"))) return;
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(path.join(ws, "sources"), { recursive: true });
  fs.mkdirSync(path.join(ws, "drafts"), { recursive: true });
  const texts = articles(textPool(path.join(root, "bench", "corpora"), MB * 1e6 + 400000).slice(0, MB * 1e6 + 200000), MB * 1e6);
  const per = Math.ceil(texts.length / FILES);
  const files: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const text = texts.slice(f * per, (f + 1) * per).join("\n\n");
    if (!text) break;
    files.push(text);
    fs.writeFileSync(path.join(ws, "sources", `${String(f).padStart(4, "0")}.txt`), text);
  }
  const paras = ["# The story", "The council met on Tuesday to discuss the archive."];
  for (let k = 0; k < 11; k++) {
    const text = files[Math.floor(((k + 0.5) * files.length) / 11)];
    const sentence = (text.match(/[A-Z][a-z]+ [a-z][^.\n"]{60,140}\./g) ?? [])[0];
    if (!sentence) continue;
    let quote = sentence.slice(0, -1);
    if (k >= 8) {
      // A changed word: a misquote.
      const words = quote.split(" ");
      words[Math.floor(words.length / 2)] = "notably";
      quote = words.join(" ");
    }
    paras.push(`"${quote}," said Ada Pennington, who chairs the committee.`, "Nobody else spoke at length, and the meeting moved on to other business.");
  }
  for (const invented of ["We will never agree to a deal that leaves the harbour without a night shift", "Every one of these figures was checked twice before the report went out", "The committee has no plans to sell the building before the spring"]) {
    paras.push(`"${invented}," Pennington said.`);
  }
  fs.writeFileSync(draftFile, paras.join("\n\n") + "\n");
  fs.writeFileSync(path.join(ws, "done"), "");
}

/** CPU seconds (user + system, all threads) a live process has used, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / (Number(process.env.CLK_TCK) || 100);
  } catch {
    return 0;
  }
}

const loadAverage = () => Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** Peak RSS of a process so far (kB), from /proc. */
function peakRss(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

interface EditorRun {
  /** Server start → the first complete diagnostics of the draft. */
  firstDiagnosticsS: number;
  /** Server start → the first diagnostics of any kind (a partial index may come first). */
  firstAnyDiagnosticsS: number;
  progressReports: number;
  progressPercents: number[];
  findings: number;
  serverPeakRssMB: number;
  /** The server's CPU seconds (all its threads) until the first complete diagnostics. */
  serverCpuS: number;
  /** The 1-minute load average when the run started. */
  load: number;
  client: LspClient;
}

async function editorRun(keep = false): Promise<EditorRun> {
  const load = loadAverage();
  const t0 = performance.now();
  const client = new LspClient(root, { cwd: ws, env });
  const percents: number[] = [];
  let firstAny = 0;
  client.on((method, params) => {
    if (method === "$/progress") {
      const v = (params as { value: { kind: string; percentage?: number } }).value;
      if (v.percentage !== undefined) percents.push(v.percentage);
    }
    if (method === "textDocument/publishDiagnostics" && !firstAny) firstAny = performance.now();
  });
  await client.initialize(ws);
  const uri = client.open(draftFile, fs.readFileSync(draftFile, "utf8"));
  await client.waitFor<{ uri: string; partial?: unknown }>("verbatim/checked", (p) => p.uri === uri && !p.partial, 300000);
  const firstDiagnosticsS = (performance.now() - t0) / 1000;
  const serverCpuS = cpuSeconds(client.child.pid);
  const serverPeakRssMB = peakRss(client.child.pid) / 1024;
  // The server saves a new index after these first diagnostics: let it finish (as a user who
  // stays in the window does) before the run ends, or the next run would find no saved index.
  await client.request("verbatim/indexState", { uri, wait: true });
  const run: EditorRun = { firstDiagnosticsS, firstAnyDiagnosticsS: ((firstAny || performance.now()) - t0) / 1000, progressReports: percents.length, progressPercents: percents, findings: client.diagnostics.get(uri)?.length ?? 0, serverPeakRssMB, serverCpuS, load, client };
  if (!keep) await client.stop();
  return run;
}

/** Continuous typing on an open draft: an edit every 150 ms; the longest wait between two checks. */
async function typing(client: LspClient): Promise<{ seconds: number; edits: number; checks: number; longestGapS: number }> {
  const uri = `file://${draftFile}`;
  const text = fs.readFileSync(draftFile, "utf8");
  const checks: number[] = [];
  client.on((method, params) => {
    if (method === "verbatim/checked" && (params as { uri: string }).uri === uri) checks.push(performance.now());
  });
  const lines = text.split("\n");
  const line = lines.length - 1;
  let version = 1;
  const start = performance.now();
  let edits = 0;
  while (performance.now() - start < TYPING_S * 1000) {
    const character = edits;
    client.notify("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: "x" }] });
    edits++;
    await new Promise((r) => setTimeout(r, 150));
  }
  const end = performance.now();
  const marks = [start, ...checks.filter((c) => c >= start && c <= end), end];
  let longest = 0;
  for (let i = 1; i < marks.length; i++) longest = Math.max(longest, marks[i] - marks[i - 1]);
  return { seconds: (end - start) / 1000, edits, checks: marks.length - 2, longestGapS: longest / 1000 };
}

/** `verbatim check` from process start to exit, with its peak RSS. */
function cliRun(): Promise<CliRun> {
  return new Promise((resolve) => {
    const load = loadAverage();
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, "dist", "cli.js"), "check", "--format", "json", draftFile], { cwd: ws, env, stdio: ["ignore", "ignore", "ignore"] });
    let peak = 0;
    let cpu = 0;
    // Polled while it runs (a process that has exited has no /proc entry): CPU to within 20 ms.
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid));
      cpu = Math.max(cpu, cpuSeconds(child.pid));
    }, 20);
    child.on("exit", (code) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - t0) / 1000, cpuS: cpu, peakRssMB: peak / 1024, exit: code, load });
    });
  });
}

interface CliRun {
  seconds: number;
  /** CPU seconds, all threads (sampled every 20 ms up to the exit). */
  cpuS: number;
  peakRssMB: number;
  exit: number | null;
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  writeWorkspace();
  const sources = fs.readdirSync(path.join(ws, "sources"));
  const bytes = sources.reduce((n, f) => n + fs.statSync(path.join(ws, "sources", f)).size, 0);
  const cold: EditorRun[] = [];
  const warm: EditorRun[] = [];
  let typed;
  for (let r = 0; r < RUNS; r++) {
    fs.rmSync(cache, { recursive: true, force: true });
    cold.push(await editorRun());
    const last = r === RUNS - 1;
    const w = await editorRun(last);
    warm.push(w);
    if (last) {
      typed = await typing(w.client);
      await w.client.stop();
    }
  }
  const cliCold = [];
  const cliWarm = [];
  for (let r = 0; r < RUNS; r++) {
    fs.rmSync(cache, { recursive: true, force: true });
    cliCold.push(await cliRun());
    cliWarm.push(await cliRun());
  }
  fs.rmSync(cache, { recursive: true, force: true });
  const pick = (runs: EditorRun[]) => {
    const m = runs.find((x) => x.firstDiagnosticsS === median(runs.map((y) => y.firstDiagnosticsS)))!;
    return { firstDiagnosticsS: m.firstDiagnosticsS, firstAnyDiagnosticsS: m.firstAnyDiagnosticsS, progressReports: m.progressReports, progressFirstLast: [m.progressPercents[0], m.progressPercents[m.progressPercents.length - 1]], findings: m.findings, serverPeakRssMB: Math.round(m.serverPeakRssMB), cpuS: median(runs.map((x) => x.serverCpuS)), all: runs.map((x) => x.firstDiagnosticsS), loads: runs.map((x) => x.load) };
  };
  const cliPick = (runs: CliRun[]) => ({ seconds: median(runs.map((x) => x.seconds)), cpuS: median(runs.map((x) => x.cpuS)), peakRssMB: Math.round(median(runs.map((x) => x.peakRssMB))), exit: runs[0].exit, all: runs.map((x) => x.seconds), loads: runs.map((x) => x.load) });
  console.log(
    JSON.stringify({
      mb: Math.round(bytes / 1e6),
      files: sources.length,
      quotes: 14,
      editorCold: pick(cold),
      editorWarm: pick(warm),
      typing: typed,
      cliCold: cliPick(cliCold),
      cliWarm: cliPick(cliWarm),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
