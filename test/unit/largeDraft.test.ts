import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";

describe("a 5 MB draft full of quotes and broken marks", function () {
  this.timeout(120000);

  it("is checked completely, with every quote range inside the document", () => {
    const paragraph = (i: number) =>
      `Paragraph ${i}: "the ferry will run every hour number ${i}," Ines Baptiste said, and "an unclosed one ${i}.\n\n` +
      `Another \u201ccurly ${i}\u201d, \u00abguillemet ${i}\u00bb and stray " marks " here \u201d\u201c.\n\n`;
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 5 * 1024 * 1024; i++) {
      parts.push(paragraph(i));
      length += parts[i].length;
    }
    const draft = parts.join("");
    const checker = new QuoteChecker([{ path: "a.txt", text: `"The ferry will run every hour number 7," Ines Baptiste said.` }]);
    const [report] = checker.check([{ path: "big.md", text: draft }]);
    assert.ok(report.checks.length >= 10000, `only ${report.checks.length} quotes`);
    let previousEnd = -1;
    for (const c of report.checks) {
      for (const p of c.quote.pieces) {
        assert.ok(p.start >= 0 && p.end <= draft.length && p.start < p.end);
        assert.ok(p.start >= previousEnd, "quotes overlap or are out of order");
        previousEnd = p.end;
      }
    }
    const seven = report.checks.find((c) => c.text.includes("hour number 7,"));
    assert.equal(seven?.verdict, "verified");
  });
});
