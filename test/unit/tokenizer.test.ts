import { strict as assert } from "node:assert";
import fc from "fast-check";
import { Vocabulary } from "../../src/core/corpus/vocabulary";
import { tokenizeIds } from "../../src/core/corpus/corpus";
import { tokenize } from "../../src/core/text/words";
import { tokenize as reference } from "./reference/wordsReference";

const same = (text: string) => {
  const a = tokenize(text);
  const b = reference(text);
  assert.deepEqual(a.words, b.words, JSON.stringify(text));
  assert.deepEqual([...a.starts], [...b.starts]);
  assert.deepEqual([...a.ends], [...b.ends]);
};

describe("the fast tokenizer", () => {
  it("splits exactly like the original regex tokenizer on tricky text", () => {
    for (const text of [
      "Don't stop: the users' U.S. accounts, e.g. U.K. ones.",
      "Café naïve — ‘quoted’ “curly” O’Brien’s 3.5% x.y. a.b",
      "ﬁne ligatures, Ｆｕｌｌwidth, emoji 😀 and 𝐁old math, ÀÉÎ",
      "a. b.c. I.B.M. 1.2.3 x'",
      "'leading and trailing' apostrophes'' ok'ay",
      "",
    ])
      same(text);
  });

  it("agrees with the original on random text", () => {
    const chars = fc.constantFrom(..."aZ09 .'’,\n-é😀ﬁ“”".split(""), "U.S.", "don't", "Ñ");
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }), (parts) => same(parts.join(""))), { numRuns: 500 });
  });

  it("gives the corpus the same words as ids, straight from the text", () => {
    const text = "The CEO's plan: U.S. café owners don't say \u201cno\u201d. THE ceo";
    const vocabulary = new Vocabulary();
    const ids = tokenizeIds(text, vocabulary);
    assert.deepEqual([...ids].map((id) => vocabulary.words[id]), tokenize(text).words);
    assert.equal(ids[0], ids[ids.length - 2]);
    assert.equal(vocabulary.find("ceos"), ids[1]);
    assert.equal(vocabulary.find("absent"), -1);
  });

  it("keeps ids stable while the vocabulary grows past its table", () => {
    const vocabulary = new Vocabulary();
    const ids = Array.from({ length: 20000 }, (_, i) => vocabulary.id(`w${i}`));
    ids.forEach((id, i) => assert.equal(vocabulary.find(`w${i}`), id));
  });
});
