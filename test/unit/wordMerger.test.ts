import { strict as assert } from "node:assert";
import { HitBuffer } from "../../src/core/corpus/ngramIndex";
import { tokenizeInto } from "../../src/core/corpus/tokenizeIds";
import { Vocabulary } from "../../src/core/corpus/vocabulary";
import { LocalTokenizer, WordMerger } from "../../src/core/corpus/wordMerger";
import { storedArrays } from "../../src/core/corpus/vocabulary";

/** Texts with shared, new, capitalised, apostrophe, non-ASCII and `U.S.`-style words. */
function texts(): string[] {
  const pool = ["harbour", "Harbour", "wall", "don't", "O'Neill", "naïve", "Ǆemal", "東京", "U.S.", "co-op", "3.5%", "the", "The", "users'", "e\u0301", "ﬁne"];
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const out: string[] = [];
  for (let t = 0; t < 40; t++) {
    const words: string[] = [];
    for (let w = 0; w < 200; w++) words.push(next() % 3 === 0 ? `w${t}x${next() % 50}` : pool[next() % pool.length]);
    out.push(words.join(next() % 2 ? " " : ", "));
  }
  return out;
}

describe("tokenizing a first build on two threads", () => {
  it("gives the ids, words and hash table of tokenizing every text in order on one", () => {
    const all = texts();
    const alone = new Vocabulary();
    const aloneIds = new HitBuffer();
    for (const t of all) tokenizeInto(t, alone, aloneIds);
    // Two other threads' vocabularies (a text each in turn), the rest tokenized here.
    const threads = [new LocalTokenizer("1"), new LocalTokenizer("2")];
    const vocabulary = new Vocabulary();
    const merger = new WordMerger(vocabulary);
    const ids = new HitBuffer();
    all.forEach((t, i) => {
      if (i % 3 === 2) tokenizeInto(t, vocabulary, ids);
      else assert.equal(merger.merge(threads[i % 3].tokenize("build 1", t), ids), true);
    });
    assert.deepEqual([...ids.data.subarray(0, ids.length)], [...aloneIds.data.subarray(0, aloneIds.length)]);
    assert.deepEqual(vocabulary.words, alone.words);
    const [table] = storedArrays(vocabulary.toStored());
    assert.deepEqual([...table], [...storedArrays(alone.toStored())[0]]);
  });

  it("refuses a thread's file whose earlier files were not merged (their words unknown here)", () => {
    const [a, b] = texts();
    const thread = new LocalTokenizer("1");
    const merger = new WordMerger(new Vocabulary());
    const ids = new HitBuffer();
    thread.tokenize("build 1", a);
    assert.equal(merger.merge(thread.tokenize("build 1", b), ids), false);
    assert.equal(ids.length, 0);
    // Another build's words start a vocabulary of their own.
    assert.equal(merger.merge(thread.tokenize("build 2", b), ids), true);
    assert.ok(ids.length > 0);
  });
});
