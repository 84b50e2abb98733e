import { strict as assert } from "node:assert";
import { applyEdits } from "../../src/core/edits/textEdit";
import { insertQuoteEdits, quoteSentence } from "../../src/core/edits/insertQuote";

describe("insert quote", () => {
  it("turns the closing full stop into the comma before the attribution; keeps ? and !", () => {
    assert.equal(quoteSentence("We will appeal.", "Desmond Okonjo", false), '"We will appeal," Desmond Okonjo said.');
    assert.equal(quoteSentence("We will appeal,", "Okonjo", false), '"We will appeal," Okonjo said.');
    assert.equal(quoteSentence("Why now?", "Okonjo", true), "“Why now?” Okonjo said.");
    assert.equal(quoteSentence("  stranded on\n the mainland ", "Okonjo", false), '"stranded on the mainland," Okonjo said.');
  });

  it("inserts at the selection in the draft's quote style", () => {
    const draft = "“Earlier,” she said.\n\n";
    const edits = insertQuoteEdits(draft, { start: draft.length, end: draft.length }, "It is over.", "Okonjo", { markdown: true });
    assert.equal(applyEdits(draft, edits), "“Earlier,” she said.\n\n“It is over,” Okonjo said.");
  });

  it("cites the source: a numbered footnote in Markdown, a bracket in plain text", () => {
    const draft = 'Intro.\n\nMore text[^1].\n\n[^1]: sources/a.txt, line 2.\n';
    const at = { start: 6, end: 6 };
    const md = applyEdits(draft, insertQuoteEdits(draft, at, "It is over.", "Okonjo", { markdown: true, citation: { label: "sources/b.txt", place: "line 9" } }));
    assert.equal(md, 'Intro."It is over," Okonjo said.[^2]\n\nMore text[^1].\n\n[^1]: sources/a.txt, line 2.\n[^2]: sources/b.txt, line 9.\n');
    const txt = applyEdits("", insertQuoteEdits("", { start: 0, end: 0 }, "It is over.", "Okonjo", { markdown: false, citation: { label: "b.txt", place: "" } }));
    assert.equal(txt, '"It is over," Okonjo said. [source: b.txt]');
  });
});
