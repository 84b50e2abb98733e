import { strict as assert } from "node:assert";
import { splitSentences } from "../../src/core/document/sentences";
import { checkDraft, quoteWith } from "./helpers";

const sentences = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe("sentence boundaries", () => {
  it("end at . ! ? … and their closing quotes, not at abbreviations or initials", () => {
    assert.deepEqual(sentences(`Mr. Doe left. "Why?" she asked. J. R. Oduya stayed… Then rain fell! U.S. aid came on Feb. 3.`), [
      "Mr. Doe left.",
      `"Why?" she asked.`,
      "J. R. Oduya stayed…",
      "Then rain fell!",
      "U.S. aid came on Feb. 3.",
    ]);
    assert.deepEqual(sentences("It ended.) Then what?” Nothing."), ["It ended.)", "Then what?”", "Nothing."]);
  });

  it("an abbreviation that can end a sentence ends it before a word that only opens one (`the U.S. While …`, `7 p.m. He …`)", () => {
    assert.deepEqual(sentences("Troops left the U.S. While Ada Moss waited, nothing moved."), ["Troops left the U.S.", "While Ada Moss waited, nothing moved."]);
    assert.deepEqual(sentences("Polls close at 7 p.m. He says it is close."), ["Polls close at 7 p.m.", "He says it is close."]);
    // a title or `vs.` joins what follows, whatever it is; so do an initial and a name after `U.S.`
    assert.deepEqual(sentences("Mr. Doe vs. The State ended. Ada J. Moss of the U.S. Senate spoke."), ["Mr. Doe vs. The State ended.", "Ada J. Moss of the U.S. Senate spoke."]);
  });

  it("a time of day ends a sentence before any capitalised word but a time zone, a day or a month (`after 2 a.m. One, a veteran …`, not `10 a.m. Tuesday`, `9 a.m. ET`)", () => {
    assert.deepEqual(sentences("Delegates left after 2 a.m. One, a veteran envoy, stayed."), ["Delegates left after 2 a.m.", "One, a veteran envoy, stayed."]);
    assert.deepEqual(sentences("The vote is at 10 a.m. Tuesday in Lisport."), ["The vote is at 10 a.m. Tuesday in Lisport."]);
    assert.deepEqual(sentences("Polls open at 9 a.m. ET and close at 8 p.m. Sunday."), ["Polls open at 9 a.m. ET and close at 8 p.m. Sunday."]);
  });

  it("`no.` is an abbreviation only before a number", () => {
    assert.deepEqual(sentences("The council said no. When Ada Moss spoke, she said No. 2 was next."), ["The council said no.", "When Ada Moss spoke, she said No. 2 was next."]);
    assert.deepEqual(sentences(`Gate no. 7 stays shut. He said no. "Never," he added.`), ["Gate no. 7 stays shut.", "He said no.", `"Never," he added.`]);
    assert.deepEqual(sentences("Vote no. (3) was close."), ["Vote no. (3) was close."]);
  });

  it("a quote after `said no.` is attributed from its own sentence", () => {
    const source = `Hanne Lyng was asked about the levy and said no. "We will not raise it again," said Ossi Berg, the treasurer.`;
    const check = quoteWith(checkDraft(`"We will not raise it again," Ossi Berg said.`, { "s.txt": source }), "raise it");
    assert.equal(check.verdict, "verified");
    assert.equal(check.source?.sourceQuote?.speaker?.name, "Ossi Berg");
  });

  it("ends a sentence run into the next with no space (scraped paragraphs), not an abbreviation or a domain", () => {
    assert.deepEqual(sentences("See the results here.Read the updates below:"), ["See the results here.", "Read the updates below:"]);
    assert.deepEqual(sentences("\u201cIt is over,\u201d Doe said.Doe left."), ["\u201cIt is over,\u201d Doe said.", "Doe left."]);
    assert.deepEqual(sentences("Ask Gov.Smith at Amazon.com in St.Louis or the U.S.Senate."), ["Ask Gov.Smith at Amazon.com in St.Louis or the U.S.Senate."]);
  });

  it("runs of one mark: a single sentence, split only where a capital follows a space", () => {
    assert.deepEqual(sentences("....."), ["....."]);
    assert.deepEqual(sentences("!!! ??? …… A"), ["!!! ??? ……", "A"]);
    assert.deepEqual(sentences(". . . ."), [". . . ."]);
    const dots = ".".repeat(200_000);
    assert.deepEqual(splitSentences(dots + " Next.", 0, dots.length + 6), [
      { start: 0, end: dots.length },
      { start: dots.length + 1, end: dots.length + 6 },
    ]);
  });
});
