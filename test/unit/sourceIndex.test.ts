import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { Corpus } from "../../src/core/corpus/corpus";
import { CAPPED_SAMPLE, COMMON_NGRAM_CAP, hash3, NgramIndex } from "../../src/core/corpus/ngramIndex";
import { deserializeIndex, IndexFormatError, serializeIndex } from "../../src/core/corpus/persist";
import { findPassages } from "../../src/core/match/passages";
import { quoteWords } from "../../src/core/match/quoteWords";

const sources = [
  { path: "a.txt", text: "The harbour board met on Tuesday. The ferry will run every hour from May, the chair said." },
  { path: "b.txt", text: "Nothing here about ferries. The bakery opens at dawn and closes when the bread runs out." },
];
const find = (corpus: Corpus, text: string) => findPassages(corpus, quoteWords(text, [{ start: 0, end: text.length }]));

describe("the source index", () => {
  it("finds a passage by its 3-grams and maps it to exact offsets", () => {
    const corpus = new Corpus(sources);
    const [best] = find(corpus, "the ferry will run every hour");
    assert.equal(best.document.path, "a.txt");
    assert.equal(best.text, "The ferry will run every hour");
    assert.equal(best.documentIndex, 0);
  });

  it("never matches a 3-gram across two documents", () => {
    const corpus = new Corpus([{ path: "x", text: "alpha beta" }, { path: "y", text: "gamma delta" }]);
    const out: number[] = [];
    const v = corpus.vocabulary;
    corpus.index.trigram(v.find("alpha"), v.find("beta"), v.find("gamma"), out);
    assert.deepEqual(out, []);
  });

  it("drops 3-grams too common to place a quote", () => {
    const text = "one of the ".repeat(COMMON_NGRAM_CAP + 10) + "rare words here";
    const corpus = new Corpus([{ path: "x", text }]);
    const v = corpus.vocabulary;
    const out: number[] = [];
    corpus.index.trigram(v.find("one"), v.find("of"), v.find("the"), out);
    assert.equal(out.length, 0);
    corpus.index.trigram(v.find("rare"), v.find("words"), v.find("here"), out);
    assert.equal(out.length, 1);
  });

  it("groups every 3-gram by bucket in position order, with its tag, and samples the capped ones (as a plain sort defines it)", () => {
    // Ids with common 3-grams (over the cap: sampled), crowded buckets under it, and gaps between ranges.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const ids = new Int32Array(60000);
    for (let i = 0; i < ids.length; i++) ids[i] = i % 3 === 0 && next() % 4 === 0 ? (i / 3) % 3 : next() % 900;
    for (let i = 30000; i < 30000 + 3 * (COMMON_NGRAM_CAP + 50); i += 3) ids.set([1, 2, 3], i);
    const ranges = Int32Array.from([0, 20000, 20010, 41000, 41000, 41001, 41005, 60000]);
    const index = NgramIndex.build(ids, ranges, 900);
    const { bucketBits, tagBits = 0, bucketStart, positions, cappedHashes, cappedStart, cappedPositions } = index.arrays;
    assert.ok(tagBits > 0 && cappedHashes.length > 0);
    // The reference: every 3-gram sorted by bucket, those over the cap set aside.
    const grams: { h: number; p: number }[] = [];
    for (let r = 0; r < ranges.length; r += 2) for (let p = ranges[r]; p + 2 < ranges[r + 1]; p++) grams.push({ h: hash3(ids[p], ids[p + 1], ids[p + 2]), p });
    const seen = new Map<number, number>();
    for (const g of grams) seen.set(g.h, (seen.get(g.h) ?? 0) + 1);
    // Within a bucket by position; in a bucket of more than the cap (before dropping), by hash first.
    const bucketOf = (h: number) => h >>> (32 - bucketBits);
    const inBucket = new Map<number, number>();
    for (const g of grams) inBucket.set(bucketOf(g.h), (inBucket.get(bucketOf(g.h)) ?? 0) + 1);
    const big = (h: number) => inBucket.get(bucketOf(h))! > COMMON_NGRAM_CAP;
    const kept = grams.filter((g) => seen.get(g.h)! <= COMMON_NGRAM_CAP).sort((a, b) => bucketOf(a.h) - bucketOf(b.h) || (big(a.h) ? a.h - b.h : 0) || a.p - b.p);
    const tag = (h: number) => ((h >>> (32 - bucketBits - tagBits)) & ((1 << tagBits) - 1)) << (32 - tagBits);
    assert.deepEqual([...positions], kept.map((g) => (g.p | tag(g.h)) >>> 0));
    const starts = new Uint32Array((1 << bucketBits) + 1);
    for (const g of kept) starts[(g.h >>> (32 - bucketBits)) + 1]++;
    for (let b = 0; b < 1 << bucketBits; b++) starts[b + 1] += starts[b];
    assert.deepEqual([...bucketStart], [...starts]);
    const capped = [...seen].filter(([, n]) => n > COMMON_NGRAM_CAP).map(([h]) => h).sort((a, b) => a - b);
    assert.deepEqual([...cappedHashes], capped);
    assert.deepEqual([...cappedPositions], capped.flatMap((h) => grams.filter((g) => g.h === h).slice(0, CAPPED_SAMPLE).map((g) => g.p)));
    assert.equal(cappedStart.length, capped.length + 1);
  });

  it("saves and reloads without re-tokenizing, and re-tokenizes only a changed file", () => {
    const corpus = new Corpus(sources);
    const bytes = serializeIndex(corpus);
    const same = new Corpus(sources, deserializeIndex(bytes));
    assert.equal(same.tokenized, 0);
    assert.equal(find(same, "the bakery opens at dawn")[0].document.path, "b.txt");
    same.loadAll();
    assert.deepEqual([...same.ids], [...corpus.ids]);
    assert.equal(find(same, "the bakery opens at dawn")[0].document.path, "b.txt");

    const changed = [sources[0], { path: "b.txt", text: "The bakery now opens at noon." }, { path: "c.txt", text: "A new file about the ferry timetable." }];
    const updated = new Corpus(changed, deserializeIndex(bytes));
    assert.equal(updated.tokenized, 2);
    assert.deepEqual([...updated.docIds(0)], [...corpus.docIds(0)]);
    assert.equal(find(updated, "the bakery now opens at noon")[0].document.path, "b.txt");
    assert.equal(find(updated, "about the ferry timetable")[0].document.path, "c.txt");
  });

  it("refuses a damaged or old-format index header with an IndexFormatError", () => {
    const { head, pages } = serializeIndex(new Corpus(sources));
    const load = (h: Uint8Array) => deserializeIndex({ head: h, pages });
    assert.throws(() => load(head.slice(0, head.length - 9)), IndexFormatError);
    assert.throws(() => load(new Uint8Array(40)), IndexFormatError);
    const old = head.slice();
    old[4] = 1;
    assert.throws(() => load(old), /index format 1, expected/);
    const garbled = head.slice();
    for (let i = 12; i < 40; i++) garbled[i] = 0x7b;
    assert.throws(() => load(garbled), IndexFormatError);
  });

  it("a reloaded index reads only the pages its look-ups touch, and finds what a fresh build finds", () => {
    const filler = (k: number) => Array.from({ length: 3000 }, (_, i) => `Entry ${k}.${i} of the log notes tide height ${(i * 13 + k) % 97} at berth ${i % 41}.`).join(" ");
    const big = [...sources, { path: "log1.txt", text: filler(1) }, { path: "log2.txt", text: filler(2) + " The pilot boat left the quay at dusk without its lights." }];
    const fresh = new Corpus(big);
    const image = serializeIndex(fresh);
    const prior = deserializeIndex(image);
    const reloaded = new Corpus(big, prior);
    const pages = reloaded.pages!;
    assert.ok(pages && !pages.complete);
    assert.equal(pages.pagesRead, 0, "nothing is read before a look-up");
    for (const q of ["the pilot boat left the quay at dusk", "the bakery opens at dawn", "no such words anywhere here"]) {
      const strip = (ps: ReturnType<typeof find>) => ps.map((p) => [p.document.path, p.start, p.end, p.similarity, p.sourceWords.join(" ")]);
      assert.deepEqual(strip(find(reloaded, q)), strip(find(fresh, q)), q);
    }
    const total = image.pages.reduce((n, p) => n + p.length, 0) / 4096;
    assert.ok(pages.pagesRead > 0 && pages.pagesRead < total / 2, `read ${pages.pagesRead} of ${total} pages`);
    // Changing a file reads the rest, and builds on it as on a fresh index.
    const changed = [...big.slice(0, 3), { path: "log2.txt", text: "The pilot boat stayed at the quay." }];
    const updated = new Corpus(changed, deserializeIndex(image));
    assert.equal(updated.pages, undefined);
    assert.equal(updated.tokenized, 1);
    assert.equal(find(updated, "the pilot boat stayed at the quay")[0].document.path, "log2.txt");
    assert.deepEqual([...updated.docIds(2)], [...fresh.docIds(2)]);
  });

  it("a page that fails its check stops the look-up that reads it with an IndexFormatError", () => {
    const image = serializeIndex(new Corpus(sources));
    const broken = { pageBytes: 4096, pageCount: 1000, read: () => { throw new Error("checksum mismatch at page 3"); }, close: () => {} };
    const reloaded = new Corpus(sources, deserializeIndex(image.head, broken));
    assert.throws(() => find(reloaded, "the ferry will run every hour"), (e: Error) => e instanceof IndexFormatError && /checksum mismatch at page 3/.test(e.message));
  });

  it("gives the same verdicts from a reloaded index", () => {
    const src = [{ path: "s.txt", text: '"We will reopen the pier in June," said Mara Quist, the harbour master.' }];
    const draft = [{ path: "d.md", text: '"We will reopen the pier in June," said Tom Ellery.' }];
    const first = new QuoteChecker(src);
    const a = first.check(draft)[0].checks.map((c) => c.verdict);
    const second = new QuoteChecker(src, { prior: deserializeIndex(first.serializeIndex()) });
    assert.deepEqual(second.check(draft)[0].checks.map((c) => c.verdict), a);
    assert.deepEqual(a, ["misattributed"]);
  });
});
