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
    assert.deepEqual([...same.ids], [...corpus.ids]);
    assert.equal(find(same, "the bakery opens at dawn")[0].document.path, "b.txt");

    const changed = [sources[0], { path: "b.txt", text: "The bakery now opens at noon." }, { path: "c.txt", text: "A new file about the ferry timetable." }];
    const updated = new Corpus(changed, deserializeIndex(bytes));
    assert.equal(updated.tokenized, 2);
    assert.deepEqual([...updated.docIds(0)], [...corpus.docIds(0)]);
    assert.equal(find(updated, "the bakery now opens at noon")[0].document.path, "b.txt");
    assert.equal(find(updated, "about the ferry timetable")[0].document.path, "c.txt");
  });

  it("refuses a damaged or old-format index with an IndexFormatError", () => {
    const bytes = serializeIndex(new Corpus(sources));
    assert.throws(() => deserializeIndex(bytes.slice(0, bytes.length - 9)), IndexFormatError);
    assert.throws(() => deserializeIndex(new Uint8Array(40)), IndexFormatError);
    const old = bytes.slice();
    old[4] = 1;
    assert.throws(() => deserializeIndex(old), IndexFormatError);
    const garbled = bytes.slice();
    for (let i = garbled.length - 64; i < garbled.length; i++) garbled[i] = 0xff;
    assert.throws(() => deserializeIndex(garbled), IndexFormatError);
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
