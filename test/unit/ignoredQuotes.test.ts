import { strict as assert } from "node:assert";
import { markIgnoredQuotes } from "../../src/core/verdict/ignoredQuotes";
import { checkDraft, kinds, quoteWith } from "./helpers";

describe("ignoredQuotes", () => {
  it("marks a quotation with the same words ignored, without findings, leaving the input alone", () => {
    const draft = `"We will appeal to the regional board before the end of the month," Okonjo said.\n\n"The island deserves better than this decision," Okonjo said.`;
    const checks = checkDraft(draft, { "s.txt": "Nothing relevant is said here at all." });
    assert.deepEqual(kinds(quoteWith(checks, "appeal")), ["unsourced"]);
    const marked = markIgnoredQuotes(checks, ["we will APPEAL to the regional board before the end of the month"]);
    assert.equal(quoteWith(marked, "appeal").verdict, "ignored");
    assert.deepEqual(quoteWith(marked, "appeal").findings, []);
    assert.deepEqual(kinds(quoteWith(marked, "island deserves")), ["unsourced"]);
    assert.deepEqual(kinds(quoteWith(checks, "appeal")), ["unsourced"]);
    assert.equal(markIgnoredQuotes(checks, []), checks);
  });
});
