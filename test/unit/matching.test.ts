import { strict as assert } from "node:assert";
import { checkDraft, kinds, quoteWith } from "./helpers";

const SOURCE = `Lisport mayor sets out the pier plan

Mayor Ana Ortega said on Thursday: \u201cAnd so we will rebuild the northern pier before the summer, because the fishing fleet cannot wait another season. The U.S. grant covers half of the cost.\u201d

\u201cWe asked the harbour board for the rest, and the board said yes,\u201d she added.
`;

const check = (draft: string) => checkDraft(draft, { "pier.txt": SOURCE });

describe("matching quotes to sources", () => {
  it("finds a partial quote and maps it to the exact source span", () => {
    const c = quoteWith(check(`Ortega said "the fishing fleet cannot wait another season."`), "fishing fleet");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.source?.text, "the fishing fleet cannot wait another season.".replace(/\.$/, ""));
    assert.equal(SOURCE.slice(c.source!.start, c.source!.end), c.source?.text);
  });

  it("ignores case, curly versus straight marks, punctuation and U.S. versus US", () => {
    const c = quoteWith(check(`Ortega said: "THE US GRANT covers half of the cost!"`), "grant");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.source?.alignment.exact, true);
  });

  it("matches each segment of an ellipsis quote in order in the same passage", () => {
    const c = quoteWith(check(`Ortega said: "we will rebuild the northern pier ... because the fishing fleet cannot wait."`), "northern pier");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.source?.alignment.exact, true);
  });

  it("accepts a bracketed insertion standing for the speaker's words", () => {
    const c = quoteWith(check(`Ortega said: "[Lisport] will rebuild the northern pier before the summer."`), "northern pier");
    assert.deepEqual(kinds(c), []);
  });

  it("accepts a dropped leading `And` and changed capitalisation", () => {
    const c = quoteWith(check(`Ortega said: "So we will rebuild the northern pier before the summer."`), "northern pier");
    assert.deepEqual(kinds(c), []);
  });

  it("treats a changed word as a misquote, with the word diff and the changed word's range", () => {
    const draft = `Ortega said: "We will rebuild the southern pier before the summer."`;
    const c = quoteWith(check(draft), "pier");
    assert.deepEqual(kinds(c), ["misquoted"]);
    const at = draft.indexOf("southern");
    assert.deepEqual(
      c.diff?.filter((d) => d.kind !== "same"),
      [
        { kind: "removed", text: "southern", start: at, end: at + 8 },
        { kind: "added", text: "northern", start: at + 8, end: at + 8 },
      ],
    );
    assert.deepEqual(c.findings[0].ranges, [{ start: at, end: at + 8 }]);
  });

  it("treats a dropped middle word as a misquote", () => {
    const c = quoteWith(check(`Ortega said: "We will rebuild the pier before the summer, because the fishing fleet cannot wait."`), "pier");
    assert.deepEqual(kinds(c), ["misquoted"]);
    assert.ok(c.diff?.some((d) => d.kind === "added" && d.text === "northern"));
  });

  it("calls a short statement quoted whole with one word changed a misquote", () => {
    const c = quoteWith(check(`Ortega said: "We asked the harbour board for the rest, and the board said no."`), "harbour board");
    assert.deepEqual(kinds(c), ["misquoted"]);
  });

  it("does not call a longer quote that shares a stock phrase with a short source quote a misquote", () => {
    const checks = checkDraft(`Ortega said she would act "only under a legal requirement to do so, and not before."`, {
      "s.txt": `Ortega said the pier would close if there were a "legal requirement" to close it.`,
    });
    assert.deepEqual(kinds(quoteWith(checks, "legal requirement")), ["unsourced"]);
  });

  it("does not call a different statement on the same topic a misquote", () => {
    const c = quoteWith(check(`Ortega said: "The pier will cost more than the new library and the museum together."`), "library");
    assert.deepEqual(kinds(c), ["unsourced"]);
    assert.equal(c.source, undefined);
  });

  it("prefers the exact passage and reports the others as corroboration", () => {
    const checks = checkDraft(`Ortega said: "the fishing fleet cannot wait another season."`, {
      "a.txt": SOURCE,
      "b.txt": `Ortega repeated that "the fishing fleet cannot wait another summer," Mayor Ana Ortega said.`,
    });
    const c = quoteWith(checks, "fishing");
    assert.equal(c.source?.document.path, "a.txt");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.corroboration.length, 1);
  });
});
