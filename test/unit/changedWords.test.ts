import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { checkDraft, quoteWith } from "./helpers";

const SOURCE = `Wexcombe council backs the new cycle lanes

"We will paint the lanes on Mill Street this autumn and finish the whole network by next summer," said Noor Fenwick, who leads the council's transport committee.
`;

const sources = { "lanes.txt": SOURCE };
/** The draft text of each range a misquote's finding puts its diagnostics on. */
const changed = (draft: string) => {
  const c = quoteWith(checkDraft(draft, sources), "Mill Street");
  assert.equal(c.verdict, "misquoted");
  return c.findings.find((f) => f.kind === "misquoted")!.ranges!.map((r) => draft.slice(r.start, r.end));
};

describe("misquote findings: the changed words' ranges", () => {
  it("a substituted word", () => {
    assert.deepEqual(changed(`Fenwick said: "We will paint the lanes on Mill Street this spring and finish the whole network by next summer."`), ["spring"]);
  });

  it("several separate changes, and words the draft added", () => {
    assert.deepEqual(changed(`Fenwick said: "We will quickly paint the lanes on Mill Street this autumn and finish the entire network by next summer."`), ["quickly", "entire"]);
  });

  it("adjacent changed words make one range", () => {
    assert.deepEqual(changed(`Fenwick said: "We will paint the lanes on Mill Street this autumn and complete our whole network by next summer."`), ["complete our"]);
  });

  it("words the draft left out: the word before the gap", () => {
    assert.deepEqual(changed(`Fenwick said: "We will paint the lanes on Mill Street this autumn and finish the network by next summer."`), ["the"]);
  });

  it("the ranges move with the quote when an edit above re-checks the draft", () => {
    const draft = `Intro.\n\nFenwick said: "We will paint the lanes on Mill Street this spring and finish the whole network by next summer."\n`;
    const checker = new QuoteChecker([{ path: "lanes.txt", text: SOURCE }]);
    const first = checker.check([{ path: "d.md", text: draft }])[0];
    const edited = "A longer intro line.\n\n" + draft.slice("Intro.\n\n".length);
    const again = checker.checkIncremental(first, edited);
    const f = again.checks[0].findings.find((x) => x.kind === "misquoted")!;
    assert.deepEqual(f.ranges!.map((r) => edited.slice(r.start, r.end)), ["spring"]);
    assert.deepEqual(again.checks[0].diff!.filter((d) => d.kind === "removed").map((d) => edited.slice(d.start!, d.end!)), ["spring"]);
  });
});
