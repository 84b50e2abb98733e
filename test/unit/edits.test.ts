import { strict as assert } from "node:assert";
import { attributionFix } from "../../src/core/edits/attribution";
import { citationFix } from "../../src/core/edits/citation";
import { quoteFixes } from "../../src/core/edits/fixes";
import { ignoreFix, paragraphStart } from "../../src/core/edits/ignore";
import { applyEdits } from "../../src/core/edits/textEdit";
import { inDraftStyle, wordingFix } from "../../src/core/edits/wording";
import { checkDraft, quoteWith } from "./helpers";

const SOURCE = `Harbourside council approves the new ferry timetable

The council's transport chair, Maria Okafor, defended the cuts on Monday.

"We cannot run empty boats at midnight and call it a service," Ms. Okafor said.

The ferry operator was less sure. "Passengers will simply drive instead, and the bridge is already full," said Tomas Lindqvist, chief executive of Bluewater Ferries.
`;
const sources = { "sources/council.txt": SOURCE };

/** Checks a draft and applies one fix of the quote holding `words`. */
function fixed(draft: string, words: string, kind: string, markdown = true): string {
  const check = quoteWith(checkDraft(draft, sources), words);
  const fix = quoteFixes(draft, check, { markdown, ignoreMarker: "verbatim-ignore", citation: { label: "sources/council.txt", place: "line 7" } }).find((f) => f.kind === kind);
  assert.ok(fix, `a ${kind} fix is offered`);
  assert.equal(fix.disabledReason, undefined);
  return applyEdits(draft, fix.edits);
}

describe("edits: attribute to the real speaker (through the engine)", () => {
  it("first reference: the full name and the role the source gives, `said` before the apposition", () => {
    const draft = `"Passengers will simply drive instead," Okafor said.`;
    assert.equal(fixed(draft, "simply drive", "attribute"), `"Passengers will simply drive instead," said Tomas Lindqvist, chief executive of Bluewater Ferries.`);
  });

  it("later reference: the surname", () => {
    const draft = `Tomas Lindqvist runs the ferries.\n\n"Passengers will simply drive instead," said Maria Okafor.`;
    assert.equal(fixed(draft, "simply drive", "attribute"), `Tomas Lindqvist runs the ferries.\n\n"Passengers will simply drive instead," said Lindqvist.`);
  });

  it("is the preferred fix and is titled with the real speaker", () => {
    const draft = `"Passengers will simply drive instead," Okafor said.`;
    const fix = attributionFix(draft, quoteWith(checkDraft(draft, sources), "simply drive"));
    assert.equal(fix?.title, "Attribute to Tomas Lindqvist");
    assert.equal(fix?.preferred, true);
  });

  it("for a pronoun, names the real speaker in that sentence and leaves the earlier mention alone", () => {
    const draft = `Maria Okafor spoke after the vote.\n\n"Passengers will simply drive instead," she said.`;
    const check = quoteWith(checkDraft(draft, sources), "simply drive");
    const fix = attributionFix(draft, check);
    assert.equal(applyEdits(draft, fix!.edits), `Maria Okafor spoke after the vote.\n\n"Passengers will simply drive instead," said Tomas Lindqvist, chief executive of Bluewater Ferries.`);
  });

  it("offers nothing for a quote that is not misattributed", () => {
    const draft = `"Passengers will simply drive instead," Lindqvist said.`;
    assert.equal(attributionFix(draft, quoteWith(checkDraft(draft, sources), "simply drive")), undefined);
  });
});

describe("edits: use the source's wording", () => {
  it("replaces the changed words and keeps the draft's marks and punctuation", () => {
    const draft = `Lindqvist said: "Passengers will simply drive instead, and the bridge is already packed."`;
    assert.equal(fixed(draft, "simply drive", "wording"), `Lindqvist said: "Passengers will simply drive instead, and the bridge is already full."`);
  });

  it("keeps the draft's ellipsis and fixes each side of it", () => {
    const draft = `Lindqvist said: "Passengers will simply walk … the bridge is already packed."`;
    const check = quoteWith(checkDraft(draft, sources), "simply walk");
    assert.equal(check.verdict, "misquoted");
    const out = applyEdits(draft, wordingFix(draft, check)!.edits);
    assert.match(out, /"Passengers will simply drive … the bridge is already full\."/);
  });

  it("is not offered for a verified quote", () => {
    const draft = `"Passengers will simply drive instead," Lindqvist said.`;
    assert.equal(wordingFix(draft, quoteWith(checkDraft(draft, sources), "simply drive")), undefined);
  });
});

describe("edits: the source's wording in the draft's typography", () => {
  const curlySource = { "sources/okafor.txt": `Harbourside ferries\n\n“We won’t run empty boats at midnight and call it a ‘service’ for the workers’ sake,” Maria Okafor said.\n` };
  const fix = (draft: string) => {
    const check = quoteWith(checkDraft(draft, curlySource), "midnight");
    assert.equal(check.verdict, "misquoted");
    return applyEdits(draft, wordingFix(draft, check)!.edits);
  };

  it("a draft with straight marks gets straight apostrophes and nested quotes", () => {
    assert.equal(
      fix(`Okafor said: "We won't run empty ferries at midnight and call it a 'service' for the workers' sake."`),
      `Okafor said: "We won't run empty boats at midnight and call it a 'service' for the workers' sake."`,
    );
  });

  it("a draft with curly marks keeps them", () => {
    assert.equal(
      fix(`Okafor said: “We won’t run empty ferries at midnight and call it a ‘service’ for the workers’ sake.”`),
      `Okafor said: “We won’t run empty boats at midnight and call it a ‘service’ for the workers’ sake.”`,
    );
  });

  it("a quotation in single marks gets double ones inside it", () => {
    assert.equal(
      fix(`Okafor said: ‘We won’t run empty ferries at midnight and call it a “service” for the workers’ sake.’`),
      `Okafor said: ‘We won’t run empty boats at midnight and call it a “service” for the workers’ sake.’`,
    );
  });

  it("apostrophes inside words, after plurals and before decades; quote marks by side", () => {
    const straight = { apostrophe: "'" as const, nested: { open: "'", close: "'" } };
    assert.equal(inDraftStyle("the ’90s, don’t and the workers’ “fair” deal", straight), "the '90s, don't and the workers' 'fair' deal");
    const curly = { apostrophe: "’" as const, nested: { open: "‘", close: "’" } };
    assert.equal(inDraftStyle(`it's a "deal"`, curly), "it’s a ‘deal’");
  });
});

describe("edits: add a citation", () => {
  it("adds a numbered Markdown footnote after the closing mark and its definition at the end", () => {
    const draft = `See[^1].\n\n"Passengers will simply drive instead," Lindqvist said.\n\n[^1]: An earlier note.\n`;
    assert.equal(
      fixed(draft, "simply drive", "citation"),
      `See[^1].\n\n"Passengers will simply drive instead,"[^2] Lindqvist said.\n\n[^1]: An earlier note.\n[^2]: sources/council.txt, line 7.\n`,
    );
  });

  it("sets the first footnote off with a blank line", () => {
    const draft = `"Passengers will simply drive instead," Lindqvist said.`;
    assert.equal(fixed(draft, "simply drive", "citation"), `"Passengers will simply drive instead,"[^1] Lindqvist said.\n\n[^1]: sources/council.txt, line 7.\n`);
  });

  it("adds a bracketed reference in plain text", () => {
    const draft = `"Passengers will simply drive instead," Lindqvist said.`;
    assert.equal(fixed(draft, "simply drive", "citation", false), `"Passengers will simply drive instead," [source: sources/council.txt, line 7] Lindqvist said.`);
  });

  it("is not offered for an unsourced quote", () => {
    const draft = `Okafor said: "The timetable will be reviewed every spring by an independent panel."`;
    assert.equal(citationFix(draft, quoteWith(checkDraft(draft, sources), "independent panel"), true, { label: "x", place: "line 1" }), undefined);
  });
});

describe("edits: ignore this quote", () => {
  const draft = `Intro line.\n\nOkafor said: "The timetable will be reviewed every spring by an independent panel."\n`;

  it("puts an HTML comment before the paragraph in Markdown, which the engine then honours", () => {
    const out = fixed(draft, "independent panel", "ignore");
    assert.equal(out, `Intro line.\n\n<!-- verbatim-ignore -->\nOkafor said: "The timetable will be reviewed every spring by an independent panel."\n`);
    assert.equal(quoteWith(checkDraft(out, sources), "independent panel").verdict, "ignored");
  });

  it("puts the bare marker on its own line in plain text, which the engine then honours", () => {
    const out = fixed(draft, "independent panel", "ignore", false);
    assert.equal(out, `Intro line.\n\nverbatim-ignore\nOkafor said: "The timetable will be reviewed every spring by an independent panel."\n`);
    assert.equal(quoteWith(checkDraft(out, sources, {}, "draft.txt"), "independent panel").verdict, "ignored");
  });

  it("finds the first line of a paragraph, with CRLF and spaces on blank lines", () => {
    assert.equal(paragraphStart("a\r\n  \r\nb c\r\nd", 9), 7);
    assert.equal(paragraphStart("first para", 5), 0);
  });

  it("offers nothing when the marker is empty", () => {
    assert.equal(ignoreFix(draft, quoteWith(checkDraft(draft, sources), "independent panel"), true, " "), undefined);
  });
});
