/**
 * One benchmark size: `node out/bench/bench.js --mb N [--naive K]` prints one JSON line.
 * Run through `npm run bench` (bench/run.mjs), which builds this and runs each size in its own
 * process so memory figures do not mix.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import stringSimilarity from "string-similarity";
import { QuoteChecker } from "../src/core/check";
import { Corpus, type SourceText } from "../src/core/corpus/corpus";
import { deserializeIndex } from "../src/core/corpus/persist";
import { findPassages } from "../src/core/match/passages";
import { quoteWords } from "../src/core/match/quoteWords";
import { articles, textPool } from "./corpusText";
import { ArchiveFile } from "./archiveFile";
import { plant, type Planted } from "./plant";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const mb = opt("--mb", 1);
const naiveSample = opt("--naive", mb >= 100 ? 2 : mb >= 10 ? 5 : 20);
const QUOTES = 70;

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main(): Promise<void> {
  let pool: string | undefined = textPool(path.join(__dirname, "..", "..", "bench", "corpora"), mb * 1e6 + 400000);
  // Copies of their own, so the pool itself can be dropped before memory is measured (built in
  // the V8 heap: a Buffer per article would leave the C heap fragmented, and the RSS figure with it).
  const flat = (s: string) => (" " + s).slice(1);
  let texts: string[] | undefined = articles(pool.slice(0, mb * 1e6 + 200000), mb * 1e6).map(flat);
  const filler = flat(pool.slice(pool.length - 200000)).replace(/["“”«»]/g, "").split(/\s+/);
  pool = undefined;
  const planted = plant(texts, QUOTES);

  // The archive on disk, as the CLI sees it: sources are read from it and re-read on demand.
  const disk = new ArchiveFile(path.join(os.tmpdir(), `verbatim-bench-${process.pid}.txt`), texts);
  const pathOf = (i: number) => `archive/${String(i).padStart(6, "0")}.txt`;
  const sourceOf = (i: number, text: string): SourceText => ({ path: pathOf(i), text, stamp: "1", load: () => disk.read(i) });
  let sources: SourceText[] | undefined = texts.map((text, i) => sourceOf(i, text));
  const documentCount = texts.length;
  const corpusBytes = disk.bytes;
  texts = undefined;

  // Index build.
  gc();
  let t = now();
  const checker = new QuoteChecker(sources);
  const buildSeconds = (now() - t) / 1000;
  // The host no longer holds the texts either (the CLI drops them once the checker is built).
  sources = undefined;
  gc();
  const rssRightAfterBuildMB = process.memoryUsage().rss / 1e6;
  // Memory once the build's scratch is collected: V8 frees array buffers and returns heap pages
  // over a few collections (what a long-lived host sees a little later).
  for (let k = 0; k < 3; k++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
  }
  const memory = process.memoryUsage();
  const rssMB = memory.rss / 1e6;
  const indexMB = (checker.corpus.index.byteLength + checker.corpus.ids.byteLength) / 1e6;

  // Persisted reload (through a file, as the CLI does): the sources are read again first, as the CLI reads them.
  const file = path.join(os.tmpdir(), `verbatim-bench-${process.pid}.bin`);
  fs.writeFileSync(file, checker.serializeIndex());
  let again: SourceText[] | undefined = disk.readAll().map((text, i) => sourceOf(i, text));
  gc();
  t = now();
  let reloaded: Corpus | undefined = new Corpus(again, deserializeIndex(fs.readFileSync(file)));
  const reloadSeconds = (now() - t) / 1000;
  fs.unlinkSync(file);
  if (reloaded.tokenized !== 0 || !reloaded.reusedIndex) throw new Error("reload re-tokenized files");
  reloaded = undefined;
  again = undefined;

  // Per-quote matching, and accuracy.
  const words = planted.map((q) => quoteWords(q.text, [{ start: 0, end: q.text.length }]));
  for (const w of words) findPassages(checker.corpus, w); // warm-up
  const times: number[] = [];
  let rightPassage = 0;
  let exactSpan = 0;
  /** The archive may hold the same words twice (a changelog copied into two packages): a passage with exactly the planted span's words is right too. */
  let duplicates = 0;
  const wordsOf = (doc: number, start: number, end: number) => checker.corpus.documents[doc].text.slice(start, end).toLowerCase().match(/[a-z0-9]+/g)?.join(" ");
  planted.forEach((q, i) => {
    const start = now();
    const passages = findPassages(checker.corpus, words[i]);
    times.push(now() - start);
    const best = passages[0];
    if (best && best.documentIndex === q.doc && best.start < q.end && best.end > q.start) {
      rightPassage++;
      if (Math.abs(best.start - q.start) <= 1 && Math.abs(best.end - q.end) <= 1) exactSpan++;
    } else if (best && best.alignment.exact && wordsOf(best.documentIndex, best.start, best.end) === wordsOf(q.doc, q.start, q.end)) {
      duplicates++;
      rightPassage++;
      exactSpan++;
    } else if (process.env.BENCH_DEBUG) {
      console.error("wrong passage:", q.kind, JSON.stringify(q.text), "→", best ? `${best.document.path} ${JSON.stringify(best.text)}` : "none");
    }
  });
  // Cold: the same quotes with no source text cached (every candidate file read and scanned again).
  checker.corpus.cache.clear();
  const coldTimes = words.map((w) => {
    const start = now();
    findPassages(checker.corpus, w);
    return now() - start;
  });

  // Whole draft: every planted quote with a cue, padded with other text to 10,000 words.
  const cue = (q: Planted) => (q.speaker ? `“${q.text},” said ${q.speaker}.` : `We found “${q.text}” in the files.`);
  const paragraphs = planted.map((q, i) => `${filler.slice(i * 120, i * 120 + 120).join(" ")} ${cue(q)}`);
  let draft = paragraphs.join("\n\n");
  for (let i = planted.length * 120; draft.split(/\s+/).length < 10000; i += 120) draft += `\n\n${filler.slice(i, i + 120).join(" ")}`;
  t = now();
  const [report] = checker.check([{ path: "draft.md", text: draft }]);
  const draftCheckMs = now() - t;
  t = now();
  checker.check([{ path: "draft.md", text: draft }]);
  const draftRecheckMs = now() - t;
  const verdicts: Record<string, { right: number; of: number }> = {};
  const expected = (q: Planted) => (q.kind === "misattributed" ? "misattributed" : q.kind === "word-changed" ? "misquoted" : "verified");
  for (const q of planted) {
    const c = report.checks.find((x) => x.text.replace(/,$/, "") === q.text);
    const v = (verdicts[q.kind] ??= { right: 0, of: 0 });
    v.of++;
    if (c?.verdict === expected(q)) v.right++;
    else if (process.env.BENCH_DEBUG) console.error(q.kind, JSON.stringify(q.text), c ? `${c.verdict} ${c.findings.map((f) => f.message).join("; ")}` : "not found");
  }

  // Incremental: change one word in a quote's paragraph, a few times.
  const incTimes: number[] = [];
  let previous = report;
  for (let k = 0; k < 7; k++) {
    const q = planted[(k * 9) % planted.length];
    const at = previous.text.indexOf(q.text);
    const edited = previous.text.slice(0, at) + previous.text.slice(at).replace(" ", "  ");
    t = now();
    previous = checker.checkIncremental(previous, edited);
    incTimes.push(now() - t);
  }

  // One source file changed: only it is re-indexed (into the delta segment).
  const allTexts = disk.readAll();
  const changedDoc = planted[0].doc;
  const added = "Quillwort harbour ferries resumed their winter timetable on the first frosty Monday.";
  const changedSources = allTexts.map((text, i) => (i === changedDoc ? { ...sourceOf(i, `${text}\n\n${added}`), stamp: "2", load: () => `${disk.read(i)}\n\n${added}` } : sourceOf(i, text)));
  t = now();
  checker.updateSources(changedSources);
  const updateOneFileMs = now() - t;
  const updated = findPassages(checker.corpus, quoteWords(added, [{ start: 0, end: added.length }]))[0];
  const updateFound = !!updated && updated.documentIndex === changedDoc && updated.alignment.exact;
  let updateRight = 0;
  planted.forEach((q, i) => {
    const best = findPassages(checker.corpus, words[i])[0];
    if (best && (best.documentIndex === q.doc || best.alignment.exact)) updateRight++;
  });

  // Naive baseline: string-similarity against every sentence, on a sample of quotes.
  const texts2 = allTexts;
  const sentences = texts2.flatMap((x) => x.split(/(?<=[.!?])\s+|\n\s*\n/)).filter((s) => s.length > 0);
  const naiveTimes: number[] = [];
  let naiveRight = 0;
  for (const q of planted.slice(0, naiveSample)) {
    const start = now();
    const best = stringSimilarity.findBestMatch(q.text, sentences).bestMatch.target;
    naiveTimes.push(now() - start);
    if (texts2[q.doc].includes(best) && texts2[q.doc].slice(q.start, q.end).includes(best.slice(0, 20))) naiveRight++;
  }
  const naivePerQuoteMs = median(naiveTimes);
  const perQuoteMsMedian = median(times);

  console.log(
    JSON.stringify({
      mb,
      corpusMB: corpusBytes / 1e6,
      documents: documentCount,
      words: checker.corpus.wordCount,
      buildSeconds,
      buildMBps: corpusBytes / 1e6 / buildSeconds,
      rssMB,
      rssRightAfterBuildMB,
      heapMB: memory.heapTotal / 1e6,
      arrayBuffersMB: memory.arrayBuffers / 1e6,
      indexMB,
      reloadSeconds,
      perQuoteMsMedian,
      perQuoteMsP95: p95(times),
      perQuoteColdMsMedian: median(coldTimes),
      updateOneFileMs,
      updateFound,
      updateRight,
      draftWords: draft.split(/\s+/).length,
      draftCheckMs,
      draftRecheckMs,
      incrementalMs: median(incTimes),
      naivePerQuoteMs,
      naiveSample: naiveTimes.length,
      naiveRight,
      ratio: naivePerQuoteMs / perQuoteMsMedian,
      quotes: planted.length,
      duplicates,
      passageAccuracy: rightPassage / planted.length,
      exactSpanAccuracy: exactSpan / planted.length,
      verdicts,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
