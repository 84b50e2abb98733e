/**
 * Each quick fix on ten sentence shapes, through the whole engine (quote finding, attribution,
 * matching, judging), asserting the exact text written (the source's full role and organisation on
 * first reference): "Attribute to …" on the misattributed
 * form of each shape, "Use the source's wording" on its misquoted form, "Add citation" on its
 * verified form. The sources are a news article with metadata and a transcript read as a file.
 */
import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import type { SourceText } from "../../src/core/corpus/corpus";
import { quoteFixes } from "../../src/core/edits/fixes";
import type { FixKind } from "../../src/core/edits/textEdit";
import { applyEdits } from "../../src/core/edits/textEdit";
import { readSource } from "../../src/core/formats";

const ARTICLE = `Fenby harbour wall survives the storm

The harbour wall held through Sunday night's storm, but engineers say it needs urgent work.

"The wall held, but only just, and we cannot count on that a second time," said Ines Calder, chief engineer of the Fenby Harbour Trust.

Oskar Bly, the harbour master, said boats would stay in the inner basin until Friday.

"Nobody goes out past the breakwater until we have checked every mooring," Bly said.
`;
const META = { outlet: "Fenby Herald", title: "Fenby harbour wall survives the storm", date: "2024-02-12", url: "https://herald.example/harbour-wall" };
const TRANSCRIPT = `Harbour trust board meeting
Date: 12 February 2024
Source: Fenby Harbour Trust

INES CALDER: The wall held, but only just, and we cannot count on that a second time.

OSKAR BLY: The boats stay in.

INES CALDER: We will know more by Friday.
`;
const W = "The wall held, but only just, and we cannot count on that a second time";
const HERALD_NOTE = "[^1]: Fenby Herald, “Fenby harbour wall survives the storm,” Feb. 12, 2024, <https://herald.example/harbour-wall>.\n";
const TRUST_NOTE = "[^1]: Fenby Harbour Trust, “Harbour trust board meeting,” Feb. 12, 2024.\n";

interface Shape {
  name: string;
  transcript?: boolean;
  /** The shape with the wrong speaker, and the exact text "Attribute to" makes of it. */
  wrong: string;
  attributed: string;
  /** The shape with the right speaker and the source's words ("Add citation" puts `[^1]` after `citeAfter`). */
  right: string;
  citeAfter: string;
}

const SHAPES: Shape[] = [
  {
    name: "before the cue",
    wrong: `Oskar Bly said the wall "held, but only just, and we cannot count on that a second time."`,
    attributed: `Ines Calder, chief engineer of the Fenby Harbour Trust, said the wall "held, but only just, and we cannot count on that a second time."`,
    right: `Ines Calder said the wall "held, but only just, and we cannot count on that a second time."`,
    citeAfter: `second time."`,
  },
  {
    name: "after the cue",
    wrong: `"${W}," Bly said.`,
    attributed: `"${W}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`,
    right: `"${W}," Calder said.`,
    citeAfter: `time,"`,
  },
  {
    name: "an apposition",
    wrong: `Oskar Bly, the harbour master, said: "${W}."`,
    attributed: `Ines Calder, chief engineer of the Fenby Harbour Trust, said: "${W}."`,
    right: `Ines Calder, the chief engineer, said: "${W}."`,
    citeAfter: `time."`,
  },
  {
    name: "a title and name",
    wrong: `Harbour master Oskar Bly said: "${W}."`,
    attributed: `Fenby Harbour Trust chief engineer Ines Calder said: "${W}."`,
    right: `Chief engineer Ines Calder said: "${W}."`,
    citeAfter: `time."`,
  },
  {
    name: "a pronoun",
    wrong: `Oskar Bly inspected the wall on Monday.\n\n"${W}," he said.`,
    attributed: `Oskar Bly inspected the wall on Monday.\n\n"${W}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`,
    right: `Ines Calder inspected the wall on Monday.\n\n"${W}," she said.`,
    citeAfter: `time,"`,
  },
  {
    name: "a split quote",
    wrong: `"The wall held, but only just," Bly said, "and we cannot count on that a second time."`,
    attributed: `"The wall held, but only just," said Ines Calder, chief engineer of the Fenby Harbour Trust, "and we cannot count on that a second time."`,
    right: `"The wall held, but only just," Calder said, "and we cannot count on that a second time."`,
    citeAfter: `second time."`,
  },
  {
    name: "a colon introduction",
    wrong: `Bly was blunt: "${W}."`,
    attributed: `Ines Calder, chief engineer of the Fenby Harbour Trust, was blunt: "${W}."`,
    right: `Calder was blunt: "${W}."`,
    citeAfter: `time."`,
  },
  {
    name: "a block quote with — Name",
    wrong: `> ${W}.\n>\n> — Oskar Bly, harbour master\n`,
    attributed: `> ${W}.\n>\n> — Ines Calder, chief engineer of the Fenby Harbour Trust\n`,
    right: `> ${W}.\n>\n> — Ines Calder, chief engineer\n`,
    citeAfter: `time.`,
  },
  {
    name: "according to",
    wrong: `The wall "held, but only just, and we cannot count on that a second time," according to Oskar Bly.`,
    attributed: `The wall "held, but only just, and we cannot count on that a second time," according to Ines Calder, chief engineer of the Fenby Harbour Trust.`,
    right: `The wall "held, but only just, and we cannot count on that a second time," according to Ines Calder.`,
    citeAfter: `time,"`,
  },
  {
    name: "a transcript source",
    transcript: true,
    wrong: `"${W}," Bly said.`,
    attributed: `"${W}," Ines Calder said.`,
    right: `"${W}," Calder said.`,
    citeAfter: `time,"`,
  },
];

let transcript: SourceText;
before(async () => {
  const read = await readSource("sources/board.txt", new TextEncoder().encode(TRANSCRIPT));
  assert.ok(!("skipped" in read));
  transcript = read.source;
});

/** The draft after the fix of `kind` on its one quotation, which must have the expected verdict. */
function fixed(shape: Shape, draft: string, verdict: string, kind: FixKind): string {
  const sources: SourceText[] = shape.transcript ? [transcript] : [{ path: "sources/wall.txt", text: ARTICLE, metadata: META }];
  const [check] = new QuoteChecker(sources).check([{ path: "draft.md", text: draft }])[0].checks.filter((c) => c.verdict !== "unchecked");
  assert.equal(check.verdict, verdict, `${shape.name}: ${JSON.stringify(draft)}`);
  const fix = quoteFixes(draft, check, { markdown: true, ignoreMarker: "verbatim-ignore", citation: { label: sources[0].path, place: "line 5" } }).find((f) => f.kind === kind);
  assert.ok(fix && !fix.disabledReason, `${shape.name}: a ${kind} fix`);
  return applyEdits(draft, fix.edits);
}

describe("each quick fix on ten sentence shapes, the exact text written", () => {
  for (const shape of SHAPES) {
    describe(shape.name, () => {
      it("Attribute to …", () => {
        assert.equal(fixed(shape, shape.wrong, "misattributed", "attribute"), shape.attributed);
      });

      it("Use the source's wording", () => {
        assert.equal(fixed(shape, shape.right.replace("second time", "third time"), "misquoted", "wording"), shape.right);
      });

      it("Add citation", () => {
        const at = shape.right.indexOf(shape.citeAfter) + shape.citeAfter.length;
        const body = shape.right.slice(0, at) + "[^1]" + shape.right.slice(at);
        const expected = `${body.replace(/\s+$/, "")}\n\n${shape.transcript ? TRUST_NOTE : HERALD_NOTE}`;
        assert.equal(fixed(shape, shape.right, "verified", "citation"), expected);
      });
    });
  }
});
