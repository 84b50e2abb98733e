import { strict as assert } from "node:assert";
import { documentPassages, gramKeys, lookupKeys, MIN_LOOKUP_KEYS, winnow } from "../../../src/archive/grams";
import { excerptsOf, PAIR_KEYS, passageQuery, singleQuery } from "../../../src/archive/store";
import { quoteWords } from "../../../src/core/match/quoteWords";
import { tokenize } from "../../../src/core/text/words";

const story =
  "The harbour board met on Tuesday night to weigh the dredging contract. " +
  "“We cannot keep patching a channel that silts up every winter,” said the board's chair, Mara Odell. " +
  "Fishermen who had waited outside since the afternoon applauded when the vote was read out, " +
  "and the contractor's engineer promised that the first barges would arrive before the spring tides. " +
  "Critics said the price had doubled since the first estimate and asked who would pay for the overruns.";

const words = (text: string) => quoteWords(text, [{ start: 0, end: text.length }]);

describe("archive: look-up keys and excerpts (no database)", () => {
  it("a quotation's look-up keys are all among the keys of a passage holding it", () => {
    const [passage] = documentPassages(story);
    const stored = new Set(passage.keys);
    const q = words("We cannot keep patching a channel that silts up every winter");
    const keys = lookupKeys(q.words, q.gapBefore);
    assert.ok(keys.length >= MIN_LOOKUP_KEYS);
    for (const k of keys) assert.ok(stored.has(k), `key ${k} is not stored`);
    // Winnowing chose fewer keys than the quotation has 3-grams.
    const all = gramKeys(q.words, q.gapBefore);
    assert.ok(keys.length < all.valid.reduce((n, v) => n + v, 0));
    assert.deepEqual(keys, winnow(all.keys, all.valid, 0, all.keys.length));
  });

  it("common keys are left out while rarer ones remain, and the rarest stay when all are common", () => {
    const q = words("Fishermen who had waited outside since the afternoon applauded when the vote was read out");
    const keys = lookupKeys(q.words, q.gapBefore);
    assert.ok(keys.length > MIN_LOOKUP_KEYS, `only ${keys.length} keys`);
    const common = new Set(keys.slice(0, keys.length - MIN_LOOKUP_KEYS));
    const fewer = lookupKeys(q.words, q.gapBefore, (k) => (common.has(k) ? 5000 : 3), 200);
    assert.deepEqual(fewer, keys.filter((k) => !common.has(k)));
    // Every key common: the three least common are kept.
    const counts = new Map(keys.map((k, i) => [k, 1000 + i]));
    assert.deepEqual(lookupKeys(q.words, q.gapBefore, (k) => counts.get(k)!, 200), keys.slice(0, MIN_LOOKUP_KEYS));
  });

  it("a quotation with several keys asks for passages holding two of them; one with few, any of them", () => {
    assert.equal(PAIR_KEYS, 4);
    assert.equal(passageQuery([7]), "7");
    assert.equal(passageQuery([5, 8]), "5|8");
    assert.equal(singleQuery([5, 8]), null);
    // Three keys: pairs first, the passages sharing one key asked apart (LOOKUP_SQL reads them only where they count).
    assert.equal(passageQuery([3, 9, 12]), "(3&9)|(3&12)|(9&12)");
    assert.equal(singleQuery([3, 9, 12]), "3|9|12");
    assert.equal(singleQuery([1, 2, 3, 4]), null);
    assert.equal(passageQuery([1, 2, 3, 4]), "(1&2)|(1&3)|(1&4)|(2&3)|(2&4)|(3&4)");
    // Every pair once: n keys, n(n-1)/2 pairs.
    const q = words("Fishermen who had waited outside since the afternoon applauded when the vote was read out");
    const keys = lookupKeys(q.words, q.gapBefore);
    assert.equal(passageQuery(keys).split("|").length, (keys.length * (keys.length - 1)) / 2);
  });

  it("excerpts are cut at white space, widened and merged, so their words are the document's own", () => {
    const list = tokenize(story);
    const at = (w: number) => list.starts[w];
    const ranges = [
      { start: at(3), end: list.ends[8] },
      { start: at(10), end: list.ends[14] },
      { start: at(60), end: list.ends[62] },
    ];
    const cuts = excerptsOf(story, ranges);
    assert.ok(cuts.length >= 1);
    for (const c of cuts) {
      assert.ok(c.start === 0 || /\s/.test(story[c.start - 1]), `excerpt starts inside a word at ${c.start}`);
      assert.ok(c.end === story.length || /\s/.test(story[c.end]), `excerpt ends inside a word at ${c.end}`);
      // The excerpt's words are the document's words from the first one at or after its start.
      const first = list.starts.findIndex((s) => s >= c.start);
      const own = tokenize(story.slice(c.start, c.end)).words;
      assert.deepEqual(own, list.words.slice(first, first + own.length));
    }
    for (const r of ranges) assert.ok(cuts.some((c) => c.start <= r.start && r.end <= c.end), "a range is outside every excerpt");
    // Overlapping ranges make one excerpt.
    for (let i = 1; i < cuts.length; i++) assert.ok(cuts[i].start > cuts[i - 1].end);
  });
});
