import { strict as assert } from "node:assert";
import stringSimilarity from "string-similarity";
import { QuoteChecker } from "../../src/core/check";
import { Corpus, type SourceText } from "../../src/core/corpus/corpus";
import { COMMON_NGRAM_CAP } from "../../src/core/corpus/ngramIndex";
import { deserializeIndex, serializeIndex } from "../../src/core/corpus/persist";
import { diceBound, diceSimilarity, sharedBigramCount, squeezedLength } from "../../src/core/match/dice";
import { findPassages } from "../../src/core/match/passages";
import { quoteWords } from "../../src/core/match/quoteWords";

const find = (corpus: Corpus, text: string) => findPassages(corpus, quoteWords(text, [{ start: 0, end: text.length }]));
const words = ["harbour", "ferry", "council", "bread", "pier", "vote", "budget", "strike", "union", "crane", "ship", "quay", "dawn", "noon", "tide", "gull"];

/** Deterministic filler text: sentence after sentence of the words above. */
function text(seed: number, sentences: number): string {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % words.length;
  const out: string[] = [];
  for (let k = 0; k < sentences; k++) out.push(`The ${words[next()]} and the ${words[next()]} met the ${words[next()]} at ${k}.`);
  return out.join(" ");
}

/** Every live position of every 3-gram and rare word, per document and local word index. */
function lookups(corpus: Corpus): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const v = corpus.vocabulary;
  const local = (p: number) => {
    const d = corpus.docAt(p);
    return `${corpus.documents[d].path}@${p - corpus.documents[d].firstWord}`;
  };
  corpus.documents.forEach((_, d) => {
    const ids = corpus.docIds(d);
    for (let i = 0; i + 2 < ids.length; i++) {
      const key = `${ids[i]} ${ids[i + 1]} ${ids[i + 2]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hits: number[] = [];
      corpus.index.trigram(ids[i], ids[i + 1], ids[i + 2], hits);
      out.push(`${v.words[ids[i]]} ${v.words[ids[i + 1]]} ${v.words[ids[i + 2]]}: ${hits.map(local).sort().join(",")}`);
    }
    for (const id of ids) if (!seen.has(`w${id}`) && seen.add(`w${id}`)) out.push(`${v.words[id]} ${corpus.index.wordCount(id)}: ${[...corpus.index.word(id)].map(local).sort().join(",")}`);
  });
  return [...new Set(out)].sort();
}

describe("index segments", () => {
  const base: SourceText[] = Array.from({ length: 40 }, (_, i) => ({ path: `s${i}.txt`, text: text(i + 1, 30) }));

  it("after a file changes, one is added and one deleted, looks words up as a fresh build does", () => {
    const checker = new QuoteChecker(base);
    const changed = [...base.slice(1, 20), { path: "s20.txt", text: "The gull and the tide met the pier at noon, said nobody at all." }, ...base.slice(21), { path: "new.txt", text: `Quillwort ferries resumed the winter timetable. ${text(99, 12)}` }];
    checker.updateSources(changed);
    const updated = checker.corpus;
    assert.ok(updated.index.delta, "the change went into a delta segment");
    assert.deepEqual(lookups(updated), lookups(new Corpus(changed)));
    assert.equal(find(updated, "the gull and the tide met the pier at noon")[0].document.path, "s20.txt");
    assert.equal(find(updated, "quillwort ferries resumed the winter timetable")[0].document.path, "new.txt");
  });

  it("gives the same verdicts after updates as a fresh checker", () => {
    const checker = new QuoteChecker(base);
    const changed = base.map((s, i) => (i === 7 ? { ...s, text: `"The pier reopens in June," said Mara Quist. ${s.text}` } : s));
    checker.updateSources(changed);
    const draft = [{ path: "d.md", text: '"The pier reopens in June," said Tom Ellery.\n\n"The harbour and the ferry," she said.' }];
    const summary = (c: QuoteChecker) => c.check(draft)[0].checks.map((x) => [x.verdict, x.source?.document.path, x.source?.start]);
    assert.deepEqual(summary(checker), summary(new QuoteChecker(changed)));
  });

  it("saves and reloads a corpus with a delta segment and tombstones", () => {
    const checker = new QuoteChecker(base);
    const changed = base.map((s, i) => (i === 3 ? { ...s, text: "A completely different file about the quay cranes." } : s)).filter((_, i) => i !== 5);
    checker.updateSources(changed);
    const reloaded = new Corpus(changed, deserializeIndex(serializeIndex(checker.corpus)));
    assert.equal(reloaded.tokenized, 0);
    assert.ok(reloaded.reusedIndex);
    assert.deepEqual(lookups(reloaded), lookups(new Corpus(changed)));
  });

  it("compacts into one segment when the delta grows large", () => {
    const checker = new QuoteChecker(base);
    const changed = base.map((s, i) => (i < 20 ? { ...s, text: text(1000 + i, 30) } : s));
    checker.updateSources(changed);
    assert.equal(checker.corpus.index.delta, undefined);
    assert.deepEqual(lookups(checker.corpus), lookups(new Corpus(changed)));
  });
});

describe("sources re-read on demand", () => {
  it("does not keep the text of a source with a loader, and reads it back for a passage", () => {
    const texts = ["The harbour board met on Tuesday. The ferry will run every hour from May.", "The bakery opens at dawn and closes when the bread runs out."];
    let reads = 0;
    const sources = texts.map((t, i) => ({ path: `f${i}.txt`, text: t, load: () => (reads++, texts[i]) }));
    const corpus = new Corpus(sources);
    assert.equal(corpus.documents[0].keptText, undefined);
    const [best] = find(corpus, "the ferry will run every hour");
    assert.equal(best.text, "The ferry will run every hour");
    assert.ok(reads >= 1);
  });

  it("leaves out a source whose file changed since it was indexed", () => {
    const texts = ["The ferry will run every hour from May, the chair said."];
    const corpus = new Corpus([{ path: "f.txt", text: texts[0], load: () => "Something else entirely, of another length." }]);
    assert.deepEqual(find(corpus, "the ferry will run every hour"), []);
  });
});

describe("matching details", () => {
  it("computes string-similarity's figure exactly", () => {
    const pairs: [string[], string[]][] = [
      [["the", "ferry", "will", "run"], ["the", "ferry", "would", "run"]],
      [["aaaa"], ["aaa"]],
      [["a"], ["b"]],
      [[], []],
      [["naïve", "café"], ["naive", "cafe"]],
      [["abab", "baba"], ["ab", "ab", "ab"]],
    ];
    for (const [a, b] of pairs) assert.equal(diceSimilarity(a, b), stringSimilarity.compareTwoStrings(a.join(" "), b.join(" ")), `${a} / ${b}`);
  });

  // The first side's table is kept between calls (a search compares one quotation with many
  // windows): the same words, other words of the same length, and a longer side in turn.
  const words = ["the", "ferry", "will", "run", "every", "hour", "from", "may", "ab", "ba", "aa", "hour", "the"];
  const randomWords = (next: () => number, n: number) => Array.from({ length: n }, () => words[Math.floor(next() * words.length)]);
  const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);

  it("gives string-similarity's figure when one side repeats across calls", () => {
    const next = seeded(7);
    // (sides of one length but other letters, and the same letters in another order, among them)
    const sides = [randomWords(next, 6), randomWords(next, 40), ["the", "ferry"], ["ferry", "the"], ["hour", "from"], ["from", "hour"], ["ab", "ba"], ["aa", "bb"]];
    for (let i = 0; i < 400; i++) {
      const a = sides[Math.floor(next() * sides.length)];
      const b = randomWords(next, 1 + Math.floor(next() * 12));
      assert.equal(diceSimilarity(a, b), stringSimilarity.compareTwoStrings(a.join(" "), b.join(" ")), `${a} / ${b}`);
    }
  });

  it("bounds the figure of a window with some of its words taken away from above", () => {
    const next = seeded(11);
    for (let i = 0; i < 400; i++) {
      const a = randomWords(next, 2 + Math.floor(next() * 8));
      const b = randomWords(next, 2 + Math.floor(next() * 10));
      const shared = sharedBigramCount(a, b);
      const kept = b.filter(() => next() < 0.6);
      const length = kept.reduce((n, w) => n + squeezedLength(w), 0);
      const lengthA = a.reduce((n, w) => n + squeezedLength(w), 0);
      assert.ok(diceBound(shared, b.length - kept.length, lengthA, length) >= diceSimilarity(a, kept) - 1e-12, `${a} / ${kept}`);
    }
  });

  it("still places a quote whose every 3-gram is over the common-n-gram cap", () => {
    const boiler = "see the manual for more details";
    const text = `${boiler}. `.repeat(COMMON_NGRAM_CAP + 5);
    const corpus = new Corpus([{ path: "x.txt", text }]);
    const [best] = find(corpus, boiler);
    assert.ok(best?.alignment.exact);
  });
});
