import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { completeQuote, openQuoteAt, sentenceEnd } from "../../src/core/sources/complete";
import { sourceSpeakerState } from "../../src/core/sources/speakers";

const COUNCIL = `Ferry operator Tidewater Lines said it was disappointed. "Islanders who work late shifts will be stranded on the mainland," said Tidewater chief executive Desmond Okonjo.

The ferry carried about forty people a night. Islanders who work late shifts rarely complain.
`;

describe("quote completion", () => {
  const checker = new QuoteChecker([{ path: "sources/council.txt", text: COUNCIL }]);
  const state = sourceSpeakerState(checker);
  const complete = (typed: string) => completeQuote(checker.corpus, typed, { quotesOf: (d) => state.quotesOf(d) });

  it("completes typed words to the end of the source's quotation, naming its speaker", () => {
    const [first, second] = complete("Islanders who work ");
    assert.equal(first.text, "late shifts will be stranded on the mainland,");
    assert.equal(first.replaceFrom, "Islanders who work ".length);
    assert.equal(first.sourceQuote?.speaker?.name, "Desmond Okonjo");
    assert.equal(COUNCIL.slice(first.matchStart, first.matchStart + 9), "Islanders");
    // The same words outside a quotation complete to the end of their sentence.
    assert.equal(second.text, "late shifts rarely complain.");
    assert.equal(second.sourceQuote, undefined);
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
    assert.equal(sentenceEnd("One two. Three", 0), 8);
  });
});
