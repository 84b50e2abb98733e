import { strict as assert } from "node:assert";
import { findingMessage, fixText } from "../../src/server/findingText";
import { english, type Translate } from "../../src/core/translate";
import { quoteFixes } from "../../src/core/edits/fixes";
import { checkDraft, quoteWith } from "./helpers";

const SOURCE = `"Islanders who work late shifts will be stranded on the mainland," said Tidewater chief executive Desmond Okonjo.

"The savings are tiny compared to the damage this does to island families," said councillor Priya Venkataraman.`;
const DRAFT = `"Islanders who work late shifts will be stranded on the mainland," said Rosalind Achterberg.

"The savings are tiny compared to the harm this does to island families," Priya Venkataraman said.

"We will appeal to the regional board before the end of the month," Okonjo said.`;

describe("finding messages for the editor", () => {
  const checks = checkDraft(DRAFT, { "sources/council.txt": SOURCE });

  it("match the engine's English messages when nothing is translated", () => {
    for (const c of checks) for (const f of c.findings) assert.equal(findingMessage(c, f, english), f.message);
  });

  it("are built from the check's data, so a translation gets names, file and changes", () => {
    const marked: Translate = (m, ...args) => `<${m}>` + JSON.stringify(args);
    const c = quoteWith(checks, "Islanders");
    assert.equal(findingMessage(c, c.findings[0], marked), `<Misattributed: attributed to {0}, but {1} attributes these words to {2}>["Rosalind Achterberg","council.txt","Desmond Okonjo"]`);
    const m = quoteWith(checks, "savings");
    assert.match(findingMessage(m, m.findings[0], marked), /^<Misquoted: .*>\["council.txt",".*damage.*",\d+,"−“harm”, \+“damage”"\]$/);
  });

  it("translate quick-fix titles the same way", () => {
    const c = quoteWith(checks, "Islanders");
    const titles = quoteFixes(DRAFT, c, { markdown: true, ignoreMarker: "verbatim-ignore", citation: { label: "sources/council.txt", place: "line 1" } }).map((f) => fixText(f, english).title);
    assert.deepEqual(titles, quoteFixes(DRAFT, c, { markdown: true, ignoreMarker: "verbatim-ignore", citation: { label: "sources/council.txt", place: "line 1" } }).map((f) => f.title));
  });
});
