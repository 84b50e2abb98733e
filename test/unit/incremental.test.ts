import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import type { QuoteCheck } from "../../src/core/verdict/judge";

const SOURCES = [
  { path: "s.txt", text: '"The pier reopens in June," said Mara Quist.\n\n"Bread prices are up again," Tom Ellery said.\n\nThe council will vote on the budget next week.' },
];
const DRAFT = [
  '"The pier reopens in June," said Mara Quist.',
  '"Bread prices are up again," said Tom Ellery.',
  'Another paragraph with no quotes at all.',
  '"The council will vote on the budget next week," she added.',
].join("\n\n");

const summary = (checks: QuoteCheck[]) => checks.map((c) => ({ text: c.text, verdict: c.verdict, start: c.quote.start, end: c.quote.end, pieces: c.quote.pieces, speaker: c.speaker?.name, source: c.source?.text }));

describe("incremental re-checks", () => {
  const edits: [string, (t: string) => string][] = [
    ["a word changed in a quote", (t) => t.replace("Bread prices are up", "Bread prices are down")],
    ["a paragraph inserted", (t) => t.replace("Another paragraph", "A brand new paragraph.\n\nAnother paragraph")],
    ["a quote added", (t) => t.replace("no quotes at all.", 'no quotes at all. "The pier reopens in June," said Tom Ellery.')],
    ["text typed before everything", (t) => "Lead. " + t],
    ["a quote deleted", (t) => t.replace('"Bread prices are up again," said Tom Ellery.', "Gone.")],
  ];
  for (const [name, edit] of edits) {
    it(`give what a full check gives: ${name}`, () => {
      const checker = new QuoteChecker(SOURCES);
      const before = checker.check([{ path: "d.md", text: DRAFT }])[0];
      const text = edit(DRAFT);
      const incremental = checker.checkIncremental(before, text);
      const full = new QuoteChecker(SOURCES).check([{ path: "d.md", text }])[0];
      assert.equal(incremental.text, text);
      assert.deepEqual(summary(incremental.checks), summary(full.checks));
    });
  }

  it("chains: each result can be edited again", () => {
    const checker = new QuoteChecker(SOURCES);
    let report = checker.check([{ path: "d.md", text: DRAFT }])[0];
    let text = DRAFT;
    for (const word of ["soon", "later", "now"]) {
      text = text.replace(/next week|soon|later/, word);
      report = checker.checkIncremental(report, text);
    }
    assert.deepEqual(summary(report.checks), summary(new QuoteChecker(SOURCES).check([{ path: "d.md", text }])[0].checks));
  });

  it("looks up only the quotes whose words changed", () => {
    const checker = new QuoteChecker(SOURCES);
    const before = checker.check([{ path: "d.md", text: DRAFT }])[0];
    const lookups = checker.lookups;
    const after = checker.checkIncremental(before, DRAFT.replace("no quotes", "no quotations").replace("up again", "up once more"));
    assert.equal(checker.lookups - lookups, 1, "only the edited quote is looked up again");
    assert.deepEqual(after.checks.map((c) => c.verdict), ["verified", "misquoted", "verified"]);
  });
});
