import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { Corpus } from "../../src/core/corpus/corpus";
import { COMMON_NGRAM_CAP } from "../../src/core/corpus/ngramIndex";
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
