import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { deserializeIndex } from "../../src/core/corpus/persist";

/** A made-up word of letters for a number (`baa`, `bab`, …): every edit brings words never seen before. */
function word(n: number): string {
  let s = "";
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return "v" + s;
}

/** One source of `count` distinct words, the words of edit `edit`, ending with a quotation. */
function version(edit: number, count: number): string {
  const body = Array.from({ length: count }, (_, i) => word(edit * count + i)).join(" ");
  return `${body}.\n\n"We will open the new ferry pier in version ${word(edit)}," said Ilse Varga.\n`;
}

const draft = (edit: number) => `Ilse Varga said: "We will open the new ferry pier in version ${word(edit)}."`;

describe("the vocabulary of a live index", () => {
  it("stays bounded while one source is edited 40 times with new words, and quotes are judged on the current text", () => {
    const COUNT = 2000;
    const checker = new QuoteChecker([{ path: "notes.txt", text: version(0, COUNT) }]);
    const sizes: number[] = [];
    for (let edit = 1; edit <= 40; edit++) {
      checker.updateSources([{ path: "notes.txt", text: version(edit, COUNT) }]);
      sizes.push(checker.corpus.vocabulary.size);
    }
    const live = new Set(checker.corpus.ids).size;
    // Without compaction the vocabulary would hold every word of all 41 versions (over 82,000).
    assert.ok(Math.max(...sizes) <= 2 * live + COUNT, `vocabulary sizes ${sizes.join(", ")} for ${live} live words`);
    assert.ok(checker.corpus.vocabulary.size < 3 * live);
    // Every id of the index names the word it stands for.
    const text = version(40, COUNT);
    assert.equal(checker.corpus.vocabulary.words[checker.corpus.ids[0]], word(40 * COUNT));
    assert.equal(checker.corpus.vocabulary.words[checker.corpus.ids[COUNT - 1]], word(40 * COUNT + COUNT - 1));
    const [now] = checker.check([{ path: "d.md", text: draft(40) }])[0].checks;
    assert.equal(now.verdict, "verified");
    assert.equal(now.source?.sourceQuote?.speaker?.name, "Ilse Varga");
    const [old] = checker.check([{ path: "d.md", text: draft(7) }])[0].checks;
    assert.notEqual(old.verdict, "verified");
    // A saved and reloaded index has the compacted vocabulary, and the same verdict.
    const prior = deserializeIndex(checker.serializeIndex());
    assert.equal(prior.vocabulary.size, checker.corpus.vocabulary.size);
    const reloaded = new QuoteChecker([{ path: "notes.txt", text }], { prior });
    assert.equal(reloaded.check([{ path: "d.md", text: draft(40) }])[0].checks[0].verdict, "verified");
  });

  it("keeps a vocabulary whose words are mostly live (no renumbering of an index that does not need it)", () => {
    const checker = new QuoteChecker([{ path: "notes.txt", text: version(0, 5000) }]);
    const before = checker.corpus.vocabulary;
    checker.updateSources([{ path: "notes.txt", text: version(0, 5000) + " one more line" }]);
    assert.equal(checker.corpus.vocabulary, before);
  });
});
