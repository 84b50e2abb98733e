import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { completeQuote, openQuoteAt } from "../../src/core/sources/complete";

const COUNCIL = `Islanders who work late shifts face a long night

Ferry operator Tidewater Lines said it was disappointed. "Islanders who work late shifts will be stranded on the mainland," said Tidewater chief executive Desmond Okonjo.

The ferry carried about forty people a night. Islanders who work late shifts rarely complain.

"People who work late shifts deserve a boat home," said Lorna Quist, who drives the island bus.

The so-called "night saver fare" ends in March.
`;

describe("quote completion", () => {
  const checker = new QuoteChecker([{ path: "sources/council.txt", text: COUNCIL }]);
  const complete = (typed: string) => completeQuote(checker.corpus, typed, { quotesOf: (d) => checker.corpus.documents[d].attributed() });

  it("completes typed words to the end of the source's quotation, naming its speaker — and only attributed speech", () => {
    const found = complete("Islanders who work ");
    // The headline and the narration have the same words: nobody said them, so they are not offered.
    assert.deepEqual(found.map((c) => [c.text, c.sourceQuote.speaker?.name]), [["late shifts will be stranded on the mainland,", "Desmond Okonjo"]]);
    assert.equal(found[0].replaceFrom, "Islanders who work ".length);
    assert.equal(COUNCIL.slice(found[0].matchStart, found[0].matchStart + 9), "Islanders");
  });

  it("ranks by how many typed words match: the last ones must, earlier ones raise the rank", () => {
    // Both quotations continue "who work late shifts"; the typed "Islanders" matches only the first.
    assert.deepEqual(complete("Islanders who work late shifts ").map((c) => [c.sourceQuote.speaker?.name, c.matchedWords]), [["Desmond Okonjo", 5], ["Lorna Quist", 4]]);
    assert.deepEqual(complete("People who work late shifts ").map((c) => c.sourceQuote.speaker?.name), ["Lorna Quist", "Desmond Okonjo"]);
    // A typo early on costs rank, not the completion.
    assert.deepEqual(complete("Islandrs who work late shifts ").map((c) => c.sourceQuote.speaker?.name), ["Desmond Okonjo", "Lorna Quist"]);
  });

  it("never offers emphasis or unattributed quotation marks", () => {
    assert.deepEqual(complete("night saver "), []);
  });

  it("completes a partly typed word from its start", () => {
    const [first] = complete("Islanders who wo");
    assert.equal(first.text, "work late shifts will be stranded on the mainland,");
    assert.equal(first.replaceFrom, "Islanders who ".length);
  });

  it("uses the 3-gram index for three words and more; ignores case and punctuation", () => {
    assert.equal(complete("islanders, who work late ")[0].text, "shifts will be stranded on the mainland,");
    assert.equal(complete("Islanders who work late shifts will be stranded on the mainland")[0].text, "mainland,");
  });

  it("offers nothing for too little, unknown words, or words the sources do not have in that order", () => {
    assert.deepEqual(complete("Islanders"), []);
    assert.deepEqual(complete("Islanders zebra "), []);
    assert.deepEqual(complete("work who Islanders "), []);
  });

  it("finds the open quotation before the cursor", () => {
    assert.equal(openQuoteAt('He said "We will', 16), 9);
    assert.equal(openQuoteAt('He said "We will" and', 21), -1);
    assert.equal(openQuoteAt("“Done,” she said. “We", 21), 19);
    assert.equal(openQuoteAt('"Open\n\nNew paragraph', 20), -1);
  });
});
