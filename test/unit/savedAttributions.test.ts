import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { decode, encode, SavedAttributions } from "../../src/core/corpus/savedAttributions";
import { prepareDocument } from "../../src/core/document/document";
import { attributeQuotes } from "../../src/core/speakers/attribute";
import { QuoteChecker } from "../../src/core/check";

const root = path.join(__dirname, "..", "..", "..");
const texts = ["sample/sources/harbour-strike-day-one.txt", "sample/sources/mayor-briefing.txt", "sample/sources/union-statement.md", "test/integration/workspace/sources/harbour-council.txt"].map((f) => ({ path: f, text: fs.readFileSync(path.join(root, f), "utf8") }));

describe("saved attributions", () => {
  it("a source's attributed quotations come back from their encoding equal, shared entities shared", () => {
    for (const { path: p, text } of texts) {
      const quotes = attributeQuotes(prepareDocument(p, text), { aliases: { "the mayor": "Ada Quist" } });
      assert.ok(quotes.some((q) => q.speaker), p);
      const back = decode(encode(quotes)) as typeof quotes;
      assert.deepStrictEqual(back, quotes, p);
      // An entity speaking twice is one object after decoding too.
      for (let i = 0; i < quotes.length; i++) for (let j = 0; j < i; j++) assert.equal(back[i].speaker === back[j].speaker, quotes[i].speaker === quotes[j].speaker);
    }
    assert.throws(() => encode([new Date(0)]), /not plain data/);
    assert.throws(() => encode({ n: NaN }), /not plain data/);
  });

  it("a check answered from saved attributions gives the same report, without attributing the sources again", () => {
    const draft = [{ path: "d.md", text: texts.map((t) => (t.text.match(/“[^”]{20,200}”|"[^"\n]{20,200}"/) ?? [""])[0] + " said Ada Quist.").join("\n\n") }];
    const first = new QuoteChecker(texts);
    const saved = new SavedAttributions();
    first.corpus.cache.attributions = saved;
    const a = first.check(draft)[0];
    assert.ok(saved.dirty);
    const again = new QuoteChecker(texts);
    const reloaded = new SavedAttributions(JSON.parse(JSON.stringify(saved.toSaved())));
    let computed = 0;
    again.corpus.cache.attributions = { get: (k) => reloaded.get(k), put: (k, q) => (computed++, reloaded.put(k, q)) };
    const b = again.check(draft)[0];
    assert.equal(computed, 0);
    assert.deepStrictEqual(b.checks.map((c) => [c.verdict, c.speaker?.name, c.findings]), a.checks.map((c) => [c.verdict, c.speaker?.name, c.findings]));
    assert.ok(a.checks.some((c) => c.verdict !== "unsourced"));
  });
});
