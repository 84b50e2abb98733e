import { strict as assert } from "node:assert";
import fc from "fast-check";
import { asciiShadow, tokenizePhrase } from "../../src/core/speakers/tokens";
import { tokenizePhrase as reference } from "./reference/phraseTokensReference";

const same = (text: string, start = 0, end = text.length) => {
  const expected = reference(text, start, end);
  assert.deepEqual(tokenizePhrase(text, start, end), expected, JSON.stringify([text, start, end]));
  // ASCII words cut from the one-byte copy of the text (what prepareDocument passes) are the same.
  assert.deepEqual(tokenizePhrase(text, start, end, undefined, asciiShadow(text)), expected, JSON.stringify([text, start, end, "shadow"]));
};

describe("the attribution tokenizer", () => {
  it("reads tokens exactly like the regular expression on tricky text", () => {
    for (const text of [
      `"We will act," said Mr. Doe, Acme's CEO. BOSTON-Jane Roe’s aides' plans (U.S.) — e.g. 3.5% on Feb. 3…`,
      "Café naïve O’Brien’s co-op don't x.y. a.b a. b.c. I.B.M. 1.2.3 x' 's ’s ' ’",
      "emoji 😀 and 𝐁old, ﬁne, Ｆｕｌｌ, e\u0301 \u0301x, nbsp\u00a0here\u2003em\u3000ideo\ufeffbom",
      "tab\tnew\nline\u000bvt\u001cfs\u0000nul JOHN-DOE ABC-Def ABCD-e x-",
      "…………!!!!....''''’’’’----",
      "word.” word—dash word…” word’” word.’s word-é word.é word'é word’x",
      "",
    ]) {
      same(text);
      for (let s = 0; s < text.length; s += 3) same(text, s, Math.min(text.length, s + 7));
    }
  });

  it("agrees with the regular expression on random text and slices", () => {
    const chars = fc.constantFrom(..."aZ09 .'’,\n-é😀ﬁ“”…!\u0301\u00a0\tJS".split(""), "U.S.", "don't", "Mr.", "Doe's", "BOSTON-Jane", "Ñ", "s'");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join("");
        const start = text.length ? a % (text.length + 1) : 0;
        same(text);
        same(text, start, start + (b % (text.length - start + 1)));
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts ASCII words from a copy of the text with a space for every other character", () => {
    const text = "O’Brien said “Doe’s plan” costs 5 €, naïve";
    const shadow = asciiShadow(text);
    assert.equal(shadow, "O Brien said  Doe s plan  costs 5  , na ve");
    assert.equal(asciiShadow("plain ASCII text"), "plain ASCII text");
    // `Doe’s` holds a `’`: its words come from the text, not from the copy.
    const words = tokenizePhrase(text, 0, text.length, undefined, shadow).map((t) => t.text);
    assert.deepEqual(words, ["O’Brien", "said", "“", "Doe", "’s", "plan", "”", "costs", "5", "€", ",", "naïve"]);
  });
});
