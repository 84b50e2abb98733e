/**
 * The archive benchmark, one size per run: `node out/bench/archive.js --mb N [--memory]` prints one
 * JSON line. Run through `npm run bench:archive` (bench/archive.mjs). Not part of CI.
 *
 * Text: the English pool of the in-memory bench (bench/corpusText.ts), ~8 KB articles; past the
 * pool's size, each further pass over it has a share of its words replaced by invented ones
 * (test/unit/archive/newsGenerator.ts), so a 10 GB archive is not the same 200 MB fifty times.
 * 70 quotations are planted as the in-memory bench plants them (bench/plant.ts), spread over
 * the archive. Files are written in chunks, added with the archive's own `ingest` (the code of
 * `verbatim archive add`, worker threads and all), and deleted chunk by chunk, so the disk
 * holds at most one chunk of files beside the database.
 *
 * Figures: ingest MB/s (file text, while files are read, attributed, keyed and written),
 * database size / text size, per-quote look-up latency (PostgreSQL candidates, document fetch,
 * the engine's alignment) p50/p95 with 1 and with 16 concurrent checkers (threads, one
 * connection each), and the verdicts of a draft quoting every planted quotation. With
 * `--memory`, the in-memory index over the same text in the same run: build time, per-quote
 * p50/p95 and its verdicts, which the archive's must equal.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { QuoteChecker } from "../src/core/check";
import type { SourceText } from "../src/core/corpus/corpus";
import { readSource } from "../src/core/formats";
import { findPassages } from "../src/core/match/passages";
import { DEFAULT_THRESHOLDS } from "../src/core/verdict/judge";
import { quoteWords, type QuoteWords } from "../src/core/match/quoteWords";
import { checkArchiveUrl, openPool } from "../src/archive/connection";
import { checkWithArchive } from "../src/archive/check";
import { ingest } from "../src/archive/ingest";
import { ensureReaderRole, migrate } from "../src/archive/schema";
import { archiveStatus } from "../src/archive/status";
import { ArchiveStore } from "../src/archive/store";
import { PgCluster } from "../test/unit/archive/pgCluster";
import { NewsGenerator } from "../test/unit/archive/newsGenerator";
import { articles, textPool } from "./corpusText";
import { plant, type Planted, rng } from "./plant";

const now = () => performance.now();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const QUOTES = 70;
/** The similarity below which a check (QuoteChecker.lookUp) keeps no inexact passage of a store. */
const minSimilarity = DEFAULT_THRESHOLDS.misquoteSimilarity;
const CHECKERS = 16;

interface Job {
  url: string;
  quotes: { text: string }[];
  seed: number;
  /** Rounds of the same look-ups made first, with a store of their own (see `compileWarm`). */
  warmRounds: number;
  /** One Int32 counter shared by the checkers: see `arrive`. */
  barrier: SharedArrayBuffer;
}

/**
 * Waits until `target` arrivals have been counted at the shared counter (this one included):
 * the checkers start each timed phase together, once every one of them is connected and warm,
 * so no checker's timed look-ups run beside another's warm-up (V8 compiling the engine, a new
 * connection planning its statements) — which a checker's figures would otherwise include at
 * random, depending on when its neighbours finished warming up.
 */
function arrive(counter: Int32Array, target: number): void {
  const now = Atomics.add(counter, 0, 1) + 1;
  if (now >= target) {
    Atomics.notify(counter, 0);
    return;
  }
  for (let seen = now; seen < target; seen = Atomics.load(counter, 0)) Atomics.wait(counter, 0, seen, 1000);
}

/**
 * With `--warm-rounds N`: the checker looks every quotation up N times with a throw-away store
 * (its own connection and caches, closed after) before it is timed with a fresh one, which holds
 * no document and no candidate. What this takes out of the figures is the engine's code being
 * compiled by V8 in a new process or thread: the first 70 look-ups of a process cost about 9 ms
 * of client CPU each, later ones about 2.5 ms (50 MB archive, load 8). An editor's language
 * server checks all day in one process; a `verbatim check` run is a new process each time.
 */
async function compileWarm(url: string, words: QuoteWords[], rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const store = new ArchiveStore(checkArchiveUrl(url, "settings"), { maxConnections: 1, budgetMs: 30000 });
    try {
      for (const w of words) (await store.lookup([w])).passagesFor(w, minSimilarity);
    } finally {
      await store.close();
    }
  }
}

/**
 * A checker as an editor runs it: connected, its statements prepared and the archive's common
 * keys read — by looking up a few phrases that are not among the planted quotes — before its
 * look-ups are timed. (A cold start — connection, first plans, code not yet compiled — is paid
 * once per editor session, not per quote.)
 */
async function warmUp(store: ArchiveStore): Promise<void> {
  for (const text of ["the committee will meet again next week to discuss the budget", "he said the plan would cost more than expected", "residents were told to expect delays on the main road"]) {
    const words = quoteWords(text, [{ start: 0, end: text.length }]);
    (await store.lookup([words])).passagesFor(words, minSimilarity);
  }
}

/**
 * CPU seconds the PostgreSQL cluster in `dataDir` has used: its postmaster with the backends it
 * has reaped, and its live processes (Linux /proc; 0 elsewhere). Differences of two readings give
 * the server's share of a phase.
 */
function serverCpuSeconds(dataDir: string): number {
  try {
    const tick = 100;
    const fields = (pid: string) => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const pm = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0].trim();
    const own = fields(pm);
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const d of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = fields(d);
        if (f[1] === pm) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // gone meanwhile
      }
    }
    return ticks / tick;
  } catch {
    return 0;
  }
}

/** Quotations per draft when a checker looks a whole draft's quotations up at once. */
const DRAFT_QUOTES = 10;

/**
 * One concurrent checker (a thread with its own connection): looks every quote up alone, in its
 * own order (an editor re-checking the quote being typed); then, with a fresh store, the same
 * quotes as drafts of ten, each draft in one look-up (a check of a whole draft).
 */
async function checkerThread(job: Job): Promise<{ single: number[]; statement: number[]; drafts: number[] }> {
  const random = rng(job.seed);
  const order = job.quotes.map((_, i) => i).sort(() => random() - 0.5);
  const words = job.quotes.map((q) => quoteWords(q.text, [{ start: 0, end: q.text.length }]));
  const single: number[] = [];
  /** The look-up statement alone (round trip and rows read), before the engine's alignment. */
  const statement: number[] = [];
  const drafts: number[] = [];
  const counter = new Int32Array(job.barrier);
  await compileWarm(job.url, words, job.warmRounds);
  let store = new ArchiveStore(checkArchiveUrl(job.url, "settings"), { maxConnections: 1, budgetMs: 30000 });
  try {
    await warmUp(store);
    arrive(counter, CHECKERS);
    for (const i of order) {
      const t = now();
      const matches = await store.lookup([words[i]]);
      statement.push(now() - t);
      matches.passagesFor(words[i], minSimilarity);
      single.push(now() - t);
    }
    await store.close();
    store = new ArchiveStore(checkArchiveUrl(job.url, "settings"), { maxConnections: 1, budgetMs: 30000 });
    await warmUp(store);
    arrive(counter, 2 * CHECKERS);
    for (let at = 0; at < order.length; at += DRAFT_QUOTES) {
      const draft = order.slice(at, at + DRAFT_QUOTES).map((i) => words[i]);
      const t = now();
      const matches = await store.lookup(draft);
      for (const w of draft) matches.passagesFor(w, minSimilarity);
      drafts.push(now() - t);
    }
  } finally {
    await store.close();
  }
  return { single, statement, drafts };
}

/** Pool text made new: each word of four letters or more replaced by an invented word with probability `share`. */
function varied(text: string, random: () => number, words: readonly string[], share: number): string {
  return text.replace(/\b[A-Za-z]{4,}\b/g, (w) => (random() < share ? words[Math.floor(random() * words.length)] : w));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const mb = opt("--mb", 100);
  const chunkMB = opt("--chunk-mb", 500);
  const withMemory = args.includes("--memory");
  const warmRounds = opt("--warm-rounds", 0);
  const sopt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  // --keep FILE: leave the cluster running and write where it is to FILE; --reuse FILE: look up
  // in that cluster (same --mb and --chunk-mb), the text generated again but not ingested.
  const keep = sopt("--keep");
  const reuse = sopt("--reuse");
  const kept: { dir: string; url: string; ingest: Record<string, unknown>; planted?: (Planted & { key: string })[] } | undefined = reuse ? JSON.parse(fs.readFileSync(reuse, "utf8")) : undefined;
  const work = path.join(__dirname, "..", "..", "bench", "corpora");
  const poolText = textPool(work, 400e6);
  // The pool cut into articles (the separators between them are not counted: stop short of its length).
  const base = articles(poolText, Math.floor(poolText.length * 0.95));
  const gen = new NewsGenerator(29, 200000, 10);
  const vocabulary = gen.vocabulary;

  const cluster = kept
    ? undefined
    : await PgCluster.create({
        under: work,
        settings: { shared_buffers: "2GB", maintenance_work_mem: "'1GB'", work_mem: "'32MB'", max_wal_size: "'8GB'", checkpoint_timeout: "'30min'", effective_cache_size: "'12GB'", max_connections: 100 },
      });
  const url = kept ? kept.url : cluster!.url();
  const admin = openPool(checkArchiveUrl(url, "command line"), { max: 3 });
  const result: Record<string, unknown> = { mb, startedAt: new Date().toISOString(), loadAverageAtStart: os.loadavg() };
  const folder = fs.mkdtempSync(path.join(work, "archive-bench-"));
  try {
    if (!kept) {
      const client = await admin.connect();
      await migrate(client);
      await ensureReaderRole(client);
      client.release();
    }

    // Generate, write, ingest and delete chunk by chunk; plant quotes across the chunks.
    const chunks = Math.max(1, Math.ceil(mb / chunkMB));
    const planted: (Planted & { key: string })[] = [];
    const memoryTexts: string[] = [];
    let textBytes = 0;
    let ingestSeconds = 0;
    let ingestCpuSeconds = 0;
    let files = 0;
    let next = 0;
    // A kept cluster's planted quotes, once known, are not generated again (unless the in-memory index needs the text).
    const generate = !kept?.planted || withMemory;
    if (!generate) planted.push(...kept!.planted!);
    for (let c = 0; generate && c < chunks; c++) {
      const target = Math.min(chunkMB, mb - c * chunkMB) * 1e6;
      const texts: string[] = [];
      let bytes = 0;
      while (bytes < target) {
        const k = next++;
        const pass = Math.floor(k / base.length);
        const original = base[k % base.length];
        const text = pass === 0 ? original : varied(original, rng(k * 7919 + 1), vocabulary, 0.3);
        texts.push(text);
        bytes += text.length;
      }
      const here = plant(texts, Math.ceil(((c + 1) * QUOTES) / chunks) - Math.ceil((c * QUOTES) / chunks), 7 + c);
      const dir = path.join(folder, `c${String(c).padStart(3, "0")}`);
      const keyOf = (i: number) => `c${String(c).padStart(3, "0")}/${String(Math.floor(i / 1000)).padStart(4, "0")}/a${String(i).padStart(6, "0")}.txt`;
      if (kept) {
        for (const q of here) planted.push({ ...q, doc: memoryTexts.length + q.doc, key: keyOf(q.doc) });
        if (withMemory) memoryTexts.push(...texts);
        continue;
      }
      for (let i = 0; i < texts.length; i++) {
        if (i % 1000 === 0) fs.mkdirSync(path.join(folder, path.dirname(keyOf(i))), { recursive: true });
        fs.writeFileSync(path.join(folder, keyOf(i)), texts[i]);
      }
      for (const q of here) planted.push({ ...q, doc: memoryTexts.length + q.doc, key: keyOf(q.doc) });
      if (withMemory) memoryTexts.push(...texts);
      const t = now();
      const cpu = process.cpuUsage();
      const s = await ingest(admin, [dir], { base: folder, warn: (m) => process.stderr.write(`bench:archive: ${m}\n`) });
      if (s.added !== texts.length) throw new Error(`${texts.length} files written, ${s.added} added`);
      ingestSeconds += (now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      ingestCpuSeconds += (used.user + used.system) / 1e6;
      textBytes += s.textBytes;
      files += s.added;
      fs.rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`bench:archive: ${(textBytes / 1e6).toFixed(0)} MB ingested, ${(textBytes / 1e6 / ingestSeconds).toFixed(2)} MB/s\n`);
    }
    const status = await archiveStatus(admin);
    if (kept) Object.assign(result, kept.ingest);
    else
      Object.assign(result, {
        files,
        textMB: textBytes / 1e6,
        ingestSeconds,
        ingestCpuSeconds,
        ingestMBps: textBytes / 1e6 / ingestSeconds,
        loadAverageAfterIngest: os.loadavg(),
      });
    if (keep && cluster) fs.writeFileSync(keep, JSON.stringify({ dir: cluster.dir, url, ingest: { ...result }, planted }));
    if (kept && reuse && !kept.planted) fs.writeFileSync(reuse, JSON.stringify({ ...kept, planted }));
    Object.assign(result, {
      databaseMB: status.databaseBytes / 1e6,
      databasePerText: status.databaseBytes / ((result.textMB as number) * 1e6),
      documentsMB: status.documentBytes / 1e6,
      quotationsMB: status.quotationBytes / 1e6,
      retrievalIndexMB: status.indexBytes / 1e6,
      quotations: status.quotations,
      passages: status.passages,
    });

    result.loadAverageAtLookups = os.loadavg();
    // Per-quote look-ups: one checker (a fresh store: no document cached), then 16 at once.
    const words: QuoteWords[] = planted.map((q) => quoteWords(q.text, [{ start: 0, end: q.text.length }]));
    await compileWarm(url, words, warmRounds);
    result.warmRounds = warmRounds;
    const store = new ArchiveStore(checkArchiveUrl(url, "settings"), { budgetMs: 30000 });
    await warmUp(store);
    Object.keys(store.spent).forEach((k) => (store.spent[k as keyof typeof store.spent] = 0));
    const one: number[] = [];
    let rightDocument = 0;
    let findMs = 0;
    const dataDir = path.join(kept ? kept.dir : cluster!.dir, "data");
    const cpuOne = process.cpuUsage();
    const serverOne = serverCpuSeconds(dataDir);
    for (let i = 0; i < planted.length; i++) {
      const t = now();
      const matches = await store.lookup([words[i]]);
      const t1 = now();
      const passages = matches.passagesFor(words[i], minSimilarity);
      findMs += now() - t1;
      one.push(now() - t);
      if (passages[0]?.document.path === `archive:${planted[i].key}`) rightDocument++;
    }
    const cpuUsed = process.cpuUsage(cpuOne);
    const n = planted.length;
    result.oneBreakdown = {
      candidatesMs: store.spent.candidatesMs / n,
      matchesMs: store.spent.matchesMs / n,
      passagesForMs: findMs / n,
      clientCpuMs: (cpuUsed.user + cpuUsed.system) / 1000 / n,
      serverCpuMs: ((serverCpuSeconds(dataDir) - serverOne) * 1000) / n,
      documentsFetched: store.spent.documentsFetched / n,
      charsFetched: store.spent.charsFetched / n,
    };
    if (args.includes("--explain")) {
      const { lookupKeys } = await import("../src/archive/grams");
      const { LOOKUP_SQL, passageQuery, singleQuery } = await import("../src/archive/store");
      const { MAX_CANDIDATES, MAX_TIED } = await import("../src/core/match/windows");
      const c = await admin.connect();
      try {
        for (const i of [0, 1, 2]) {
          const k = lookupKeys(words[i].words, words[i].gapBefore);
          const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${LOOKUP_SQL}`, [[`{${k.join(",")}}`], MAX_CANDIDATES, "{}", [passageQuery(k)], MAX_TIED, [singleQuery(k)]]);
          process.stderr.write(plan.rows.map((r) => r["QUERY PLAN"]).join("\n") + "\n\n");
        }
      } finally {
        c.release();
      }
    }
    if (args.includes("--one-only")) {
      console.log(JSON.stringify({ ...result, lookupOneP50: pct(one, 0.5), lookupOneP95: pct(one, 0.95), rightDocument, quotes: n }));
      await store.close();
      return;
    }
    if (args.includes("--no-sixteen")) {
      Object.assign(result, { lookupOneP50: pct(one, 0.5), lookupOneP95: pct(one, 0.95), rightDocument, quotes: n });
    } else {
      // CPU of the 16-checker phase (the checkers' threads, this process, and the server), per look-up.
      const cpuSixteen = process.cpuUsage();
      const serverSixteen = serverCpuSeconds(dataDir);
      const wallSixteen = now();
      const barrier = new SharedArrayBuffer(4);
      const counter = new Int32Array(barrier);
      const threadsDone = Promise.all(
        Array.from({ length: CHECKERS }, (_, k) =>
          new Promise<{ single: number[]; statement: number[]; drafts: number[] }>((resolve, reject) => {
            const w = new Worker(__filename, { workerData: { url, quotes: planted.map((q) => ({ text: q.text })), seed: k + 1, warmRounds, barrier } satisfies Job });
            w.once("message", resolve);
            w.once("error", reject);
          }),
        ),
      );
      // The timed single-quote phase: from every checker warm and connected to every one done
      // with it (and connected again for its drafts); CPU of all threads and of the server.
      let failed = false;
      threadsDone.catch(() => (failed = true));
      const until = async (n: number) => {
        while (Atomics.load(counter, 0) < n && !failed) await new Promise((r) => setTimeout(r, 5));
      };
      await until(CHECKERS);
      const timed = { cpu: process.cpuUsage(), server: serverCpuSeconds(dataDir), wall: now() };
      await until(2 * CHECKERS);
      {
        const used = process.cpuUsage(timed.cpu);
        result.sixteenSinglePhase = {
          wallSeconds: (now() - timed.wall) / 1000,
          quoteLookups: CHECKERS * planted.length,
          clientCpuMsPerLookup: (used.user + used.system) / 1000 / (CHECKERS * planted.length),
          serverCpuMsPerLookup: ((serverCpuSeconds(dataDir) - timed.server) * 1000) / (CHECKERS * planted.length),
          loadAverage: os.loadavg(),
        };
      }
      const threads = await threadsDone;
      const sixteen = threads.flatMap((t) => t.single);
      {
        const used = process.cpuUsage(cpuSixteen);
        // Each checker made 70 single look-ups and 7 draft look-ups (and its warm-ups): CPU per single-quote look-up's worth.
        const lookups = CHECKERS * planted.length * 2;
        result.sixteenPhase = {
          wallSeconds: (now() - wallSixteen) / 1000,
          clientCpuSeconds: (used.user + used.system) / 1e6,
          serverCpuSeconds: serverCpuSeconds(dataDir) - serverSixteen,
          quoteLookups: lookups,
          loadAverage: os.loadavg(),
        };
      }
      const sixteenDrafts = threads.flatMap((t) => t.drafts);
      Object.assign(result, {
        draftQuotes: DRAFT_QUOTES,
        draftSixteenP50: pct(sixteenDrafts, 0.5),
        draftSixteenP95: pct(sixteenDrafts, 0.95),
        lookupOneP50: pct(one, 0.5),
        lookupOneP95: pct(one, 0.95),
        lookupSixteenP50: pct(sixteen, 0.5),
        lookupSixteenP95: pct(sixteen, 0.95),
        statementSixteenP50: pct(threads.flatMap((t) => t.statement), 0.5),
        statementSixteenP95: pct(threads.flatMap((t) => t.statement), 0.95),
        rightDocument,
        quotes: planted.length,
      });
    }

    // A draft quoting every planted quotation (as bench.ts writes it), checked against the archive alone.
    const cue = (q: Planted) => (q.speaker ? `“${q.text},” said ${q.speaker}.` : `We found “${q.text}” in the files.`);
    const draft = { path: "draft.md", text: planted.map(cue).join("\n\n") };
    let t = now();
    const [archived] = await checkWithArchive(new QuoteChecker([]), [draft], store);
    result.archiveDraftCheckMs = now() - t;
    await store.close();
    const expected = (q: Planted) => (q.kind === "misattributed" ? "misattributed" : q.kind === "word-changed" ? "misquoted" : "verified");
    const verdictOf = (checks: typeof archived.checks, q: Planted) => checks.find((x) => x.text.replace(/,$/, "") === q.text)?.verdict ?? "not found";
    result.archiveVerdictsRight = planted.filter((q) => verdictOf(archived.checks, q) === expected(q)).length;

    if (withMemory) {
      // The in-memory index over the same sources, in this process: each file's text read as
      // `verbatim check` and `archive add` read it (a .txt whose lines look like labelled turns is
      // a transcript), so both engines judge the same documents.
      const sources: SourceText[] = [];
      for (let i = 0; i < memoryTexts.length; i++) {
        const r = await readSource(`m${i}.txt`, Buffer.from(memoryTexts[i], "utf8"));
        if ("source" in r) sources.push(r.source);
      }
      memoryTexts.length = 0;
      t = now();
      const checker = new QuoteChecker(sources);
      const memoryBuildSeconds = (now() - t) / 1000;
      const times: number[] = [];
      for (const w of words) {
        const t1 = now();
        findPassages(checker.corpus, w, undefined, minSimilarity);
        times.push(now() - t1);
      }
      const [inMemory] = checker.check([draft]);
      const same = planted.filter((q) => verdictOf(inMemory.checks, q) === verdictOf(archived.checks, q)).length;
      Object.assign(result, {
        memoryBuildSeconds,
        memoryBuildMBps: (result.textMB as number) / memoryBuildSeconds,
        memoryRssMB: process.memoryUsage().rss / 1e6,
        memoryLookupP50: pct(times, 0.5),
        memoryLookupP95: pct(times, 0.95),
        memoryVerdictsRight: planted.filter((q) => verdictOf(inMemory.checks, q) === expected(q)).length,
        sameVerdicts: same,
        differentVerdicts: planted
          .filter((q) => verdictOf(inMemory.checks, q) !== verdictOf(archived.checks, q))
          .map((q) => {
            // Which passages each side judged on: path, exact or not, the source's speaker and how sure.
            const seen = (checks: typeof archived.checks) => {
              const c = checks.find((x) => x.text.replace(/,$/, "") === q.text);
              if (!c) return "not found";
              const p = (x: NonNullable<typeof c.source>) => `${x.document.path}${x.alignment.exact ? "" : " ~"} ${x.sourceQuote?.speaker?.name ?? "-"} (${x.sourceQuote?.confidence ?? "-"})`;
              return `${c.verdict} [draft: ${c.speaker?.name ?? "-"} (${c.quote.confidence ?? "-"})] ${[c.source, ...c.corroboration].filter((x) => x).map((x) => p(x!)).join("; ")}`;
            };
            return `${q.kind} (planted in ${q.key}) "${q.text.slice(0, 60)}…": memory ${seen(inMemory.checks)} | archive ${seen(archived.checks)}`;
          }),
      });
    }
    result.loadAverageAtEnd = os.loadavg();
    console.log(JSON.stringify(result));
  } finally {
    await admin.end();
    if (!keep) cluster?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  checkerThread(workerData as Job).then((times) => parentPort!.postMessage(times));
}
