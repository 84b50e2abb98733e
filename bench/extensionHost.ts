/**
 * How long the extension host's thread is blocked while the sources are indexed and drafts are
 * checked, with the index in the worker (src/indexWorker). This process plays the extension
 * host: it lists, stats and reads the corpus files asynchronously (as workspace.fs does), hands
 * the bytes to dist/indexWorker.js through the extension's own client, and measures its event
 * loop with monitorEventLoopDelay: the longest delay is the longest time this thread could not
 * respond. Prints one JSON line. Run by bench/extensionHost.mjs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { IndexWorkerClient } from "../src/indexWorker/client";
import { inParallel } from "../src/extension/parallel";
import type { BuildNeeds, BuildStats, CheckAnswer, FileStamp, WorkerEvent } from "../src/indexWorker/protocol";
import { articles, textPool } from "./corpusText";

const mb = Number(process.argv[process.argv.indexOf("--mb") + 1] || 10);
const root = path.join(__dirname, "..", "..");
const corpusDir = path.join(os.tmpdir(), `verbatim-ext-bench-${mb}mb`);
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-ext-bench-store-"));
const storage = { index: path.join(storageDir, "index.bin"), facts: path.join(storageDir, "facts.json") };
const FOLDER = "file:///bench";

function writeCorpus(): string[] {
  if (!fs.existsSync(path.join(corpusDir, "done"))) {
    fs.rmSync(corpusDir, { recursive: true, force: true });
    fs.mkdirSync(corpusDir, { recursive: true });
    const texts = articles(textPool(path.join(root, "bench", "corpora"), mb * 1e6 + 400000).slice(0, mb * 1e6 + 200000), mb * 1e6);
    texts.forEach((t, i) => fs.writeFileSync(path.join(corpusDir, `${String(i).padStart(6, "0")}.txt`), t));
    fs.writeFileSync(path.join(corpusDir, "done"), "");
  }
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
}

/** A ~10,000-word draft: sentences of the corpus quoted and attributed, with plain paragraphs between. */
function draftFrom(names: string[]): string {
  const paras: string[] = [];
  let words = 0;
  for (let k = 0; words < 10000; k++) {
    const text = fs.readFileSync(path.join(corpusDir, names[(k * 7919) % names.length]), "latin1");
    const sentence = (text.match(/[A-Z][a-z][^.\n"]{60,160}\./g) ?? [])[0];
    const para = sentence ? `"${sentence.slice(0, -1)}," said Ada Pennington. The council met again on Tuesday and nobody else spoke at length.` : "The council met again on Tuesday.";
    paras.push(para);
    words += para.split(/\s+/).length;
  }
  return paras.join("\n\n");
}

const loop = monitorEventLoopDelay({ resolution: 1 });
const blockMs = () => loop.max / 1e6;

async function main(): Promise<void> {
  const names = writeCorpus();
  const draft = draftFrom(names);
  let built: (s: BuildStats) => void = () => {};
  let progressEvents = 0;
  let onProgress: (percent: number) => void = () => {};
  const onEvent = (e: WorkerEvent) => {
    if (e.type === "built") built(e.stats);
    if (e.type === "progress") {
      progressEvents++;
      onProgress(e.percent);
    }
  };
  const script = path.join(root, "dist", "indexWorker.js");
  let client = new IndexWorkerClient(script, onEvent);
  let build = 0;

  /** What the extension does for a build: stat every file, send the bytes the worker asks for. */
  async function index(during?: () => Promise<void>): Promise<{ stats: BuildStats; seconds: number; block: number }> {
    loop.reset();
    loop.enable();
    const t = performance.now();
    const n = ++build;
    const done = new Promise<BuildStats>((r) => (built = r));
    const files: FileStamp[] = await inParallel(names, async (name) => {
      const st = await fs.promises.stat(path.join(corpusDir, name));
      return { path: name, size: st.size, stamp: `${st.size}:${st.mtimeMs}` };
    });
    const { need } = await client.request<BuildNeeds>({ type: "build", folder: FOLDER, build: n, files, options: {}, storage });
    const stamps = new Map(files.map((f) => [f.path, f.stamp]));
    const sending = inParallel(need, async (name) => {
      const bytes = await fs.promises.readFile(path.join(corpusDir, name));
      await client.sendFile({ type: "file", folder: FOLDER, build: n, path: name, stamp: stamps.get(name)!, bytes });
    });
    const extra = during?.();
    await sending;
    const stats = await done;
    await extra;
    const seconds = (performance.now() - t) / 1000;
    loop.disable();
    return { stats, seconds, block: blockMs() };
  }

  async function check(text: string, incremental: boolean): Promise<{ ms: number; block: number; answer: CheckAnswer }> {
    loop.reset();
    loop.enable();
    const t = performance.now();
    const answer = await client.request<CheckAnswer>({ type: "check", folder: FOLDER, path: "draft.md", text, incremental, ignoredQuotes: [] });
    const ms = performance.now() - t;
    // A few more turns of the loop, so handling the answer is measured too.
    await new Promise((r) => setTimeout(r, 20));
    loop.disable();
    return { ms, block: blockMs(), answer };
  }

  // 1. First build, with a check of the draft once a third of the bytes are decoded.
  let duringBuild: { ms: number; block: number; answer: CheckAnswer } | undefined;
  const first = await index(
    () =>
      new Promise<void>((resolve) => {
        onProgress = (percent) => {
          if (percent < 30 || duringBuild) return;
          onProgress = () => {};
          const t = performance.now();
          void client.request<CheckAnswer>({ type: "check", folder: FOLDER, path: "early.md", text: draft, incremental: false, ignoredQuotes: [] }).then((answer) => {
            duringBuild = { ms: performance.now() - t, block: 0, answer };
            resolve();
          });
        };
      }),
  );
  // 2. Checks: first, again, and after one edit (incremental).
  const full = await check(draft, false);
  const again = await check(draft, false);
  const edited = draft.replace(" nobody else spoke", " nobody spoke");
  await check(draft, false);
  const incremental = await check(edited, true);
  // 3. One source file changed.
  const changed = path.join(corpusDir, names[Math.floor(names.length / 2)]);
  const original = fs.readFileSync(changed);
  fs.appendFileSync(changed, "\n\nA new paragraph about the ferry timetable.\n");
  const update = await index();
  fs.writeFileSync(changed, original);
  await index(); // back to the saved state
  // 4. Restart: a fresh worker, the saved index from storage.
  await client.terminate();
  client = new IndexWorkerClient(script, onEvent);
  const restart = await index();
  const afterRestart = await check(draft, false);
  await client.terminate();
  fs.rmSync(storageDir, { recursive: true, force: true });

  const quotes = full.answer.checks.length;
  console.log(
    JSON.stringify({
      mb,
      files: names.length,
      quotes,
      firstBuild: { seconds: first.seconds, longestBlockMs: first.block, tokenized: first.stats.tokenized, progressEvents },
      checkDuringBuild: duringBuild && { seconds: duringBuild.ms / 1000, partial: duringBuild.answer.partial, quotes: duringBuild.answer.checks.length },
      check: { firstMs: full.ms, longestBlockMs: full.block, againMs: again.ms, againBlockMs: again.block },
      incremental: { ms: incremental.ms, longestBlockMs: incremental.block },
      oneFileChanged: { seconds: update.seconds, longestBlockMs: update.block, tokenized: update.stats.tokenized, reused: update.stats.reused },
      restart: { seconds: restart.seconds, longestBlockMs: restart.block, tokenized: restart.stats.tokenized, loadedSaved: restart.stats.loadedSaved, reusedIndex: restart.stats.reusedIndex, firstCheckMs: afterRestart.ms, firstCheckBlockMs: afterRestart.block },
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
