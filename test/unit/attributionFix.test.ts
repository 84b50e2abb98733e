import { strict as assert } from "node:assert";
import { rewriteAttribution } from "../../src/core/edits/attribution";
import type { SpeakerFacts } from "../../src/core/edits/newsStyle";
import { surnameOf, withArticle } from "../../src/core/edits/newsStyle";
import { applyEdits } from "../../src/core/edits/textEdit";

/** The real speaker as a news source reports her, and as a transcript does (name only). */
const CALDER: SpeakerFacts = { name: "Ines Calder", kind: "person", role: "chief engineer", organization: "Fenby Harbour Trust" };
const CALDER_TRANSCRIPT: SpeakerFacts = { name: "Ines Calder", kind: "person" };
const WORDS = "The wall held, but only just";

/**
 * Applies the rewrite to a draft in which `[[…]]` marks the speaker mention the engine found and
 * `{{…}}` the quoted words (the marks themselves are removed first).
 */
function rewrite(marked: string, real: SpeakerFacts = CALDER): string {
  let text = "";
  let mention: { start: number; end: number } | undefined;
  const pieces: { start: number; end: number }[] = [];
  const open: Record<string, number> = {};
  for (const part of marked.split(/(\[\[|\]\]|\{\{|\}\})/)) {
    if (part === "[[" || part === "{{") open[part] = text.length;
    else if (part === "]]") mention = { start: open["[["], end: text.length };
    else if (part === "}}") pieces.push({ start: open["{{"], end: text.length });
    else text += part;
  }
  const quote = { start: pieces[0].start, end: pieces[pieces.length - 1].end, pieces };
  return applyEdits(text, [rewriteAttribution(text, { quote, mention, real })]);
}

describe("Attribute to …: the exact text written, sentence shape by sentence shape", () => {
  it("before the cue: the name with the source's role in commas, as the subject", () => {
    assert.equal(rewrite(`[[Oskar Bly]] said the wall "{{held, but only just}}."`), `Ines Calder, chief engineer of the Fenby Harbour Trust, said the wall "held, but only just."`);
  });

  it("after the cue: `said` goes before a long apposition, as a desk writes it", () => {
    assert.equal(rewrite(`"{{${WORDS}}}," [[Bly]] said.`), `"${WORDS}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`);
    assert.equal(rewrite(`"{{${WORDS}}}," said [[Oskar Bly]].`), `"${WORDS}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`);
    assert.equal(rewrite(`"{{${WORDS}}}," said [[Oskar Bly]], the harbour master, on Monday.`), `"${WORDS}," said Ines Calder, chief engineer of the Fenby Harbour Trust, on Monday.`);
  });

  it("an apposition: the wrong speaker's role goes with their name, and no comma is left over", () => {
    assert.equal(rewrite(`[[Oskar Bly]], the harbour master, said: "{{${WORDS}}}."`), `Ines Calder, chief engineer of the Fenby Harbour Trust, said: "${WORDS}."`);
    // The engine may give the mention with its apposition already.
    assert.equal(rewrite(`[[Oskar Bly, the harbour master]], said: "{{${WORDS}}}."`), `Ines Calder, chief engineer of the Fenby Harbour Trust, said: "${WORDS}."`);
    assert.equal(rewrite(`[[Oskar Bly]], the harbour master, said: "{{${WORDS}}}."`, CALDER_TRANSCRIPT), `Ines Calder said: "${WORDS}."`);
  });

  it("an apposition before the name: `His deputy, Oskar Bly,` is replaced whole", () => {
    assert.equal(rewrite(`His deputy, [[Oskar Bly]], defended the closure: "{{${WORDS}}}."`), `Ines Calder, chief engineer of the Fenby Harbour Trust, defended the closure: "${WORDS}."`);
    assert.equal(rewrite(`[[His deputy, Oskar Bly]], defended the closure: "{{${WORDS}}}."`, CALDER_TRANSCRIPT), `Ines Calder defended the closure: "${WORDS}."`);
  });

  it("a title before the name: the real speaker's title in the same place", () => {
    assert.equal(rewrite(`Harbour master [[Oskar Bly]] said: "{{${WORDS}}}."`), `Fenby Harbour Trust chief engineer Ines Calder said: "${WORDS}."`);
    assert.equal(rewrite(`"{{${WORDS}}}," said harbour master [[Oskar Bly]].`), `"${WORDS}," said Fenby Harbour Trust chief engineer Ines Calder.`);
    assert.equal(rewrite(`Harbour master [[Oskar Bly]] said: "{{${WORDS}}}."`, CALDER_TRANSCRIPT), `Ines Calder said: "${WORDS}."`);
  });

  it("a pronoun: the person is named in that sentence, capitalised at its start", () => {
    const before = `Oskar Bly inspected the wall on Monday.\n\n`;
    assert.equal(rewrite(`${before}"{{${WORDS}}}," [[he]] said.`), `${before}"${WORDS}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`);
    assert.equal(rewrite(`${before}[[He]] said: "{{${WORDS}}}."`), `${before}Ines Calder, chief engineer of the Fenby Harbour Trust, said: "${WORDS}."`);
    assert.equal(rewrite(`${before}[[He]] said: "{{${WORDS}}}."`, CALDER_TRANSCRIPT), `${before}Ines Calder said: "${WORDS}."`);
  });

  it("a split quote: the attribution between the pieces", () => {
    assert.equal(rewrite(`"{{The wall held}}," [[Bly]] said, "{{but only just}}."`), `"The wall held," said Ines Calder, chief engineer of the Fenby Harbour Trust, "but only just."`);
  });

  it("a colon introduction without a speech verb", () => {
    assert.equal(rewrite(`[[Bly]] was blunt: "{{${WORDS}}}."`), `Ines Calder, chief engineer of the Fenby Harbour Trust, was blunt: "${WORDS}."`);
  });

  it("a block quote's credit line: the full name and role, always", () => {
    const intro = `Ines Calder toured the wall.\n\n`;
    assert.equal(rewrite(`${intro}> {{${WORDS}.}}\n>\n> — [[Oskar Bly]], harbour master\n`), `${intro}> ${WORDS}.\n>\n> — Ines Calder, chief engineer of the Fenby Harbour Trust\n`);
    assert.equal(rewrite(`> {{${WORDS}.}}\n>\n> — [[Oskar Bly]]\n`, CALDER_TRANSCRIPT), `> ${WORDS}.\n>\n> — Ines Calder\n`);
  });

  it("`according to`", () => {
    assert.equal(rewrite(`The wall "{{held, but only just}}," according to [[Oskar Bly]].`), `The wall "held, but only just," according to Ines Calder, chief engineer of the Fenby Harbour Trust.`);
  });

  it("a transcript source (a name, no role): the full name, then the surname", () => {
    assert.equal(rewrite(`"{{${WORDS}}}," [[Bly]] said.`, CALDER_TRANSCRIPT), `"${WORDS}," Ines Calder said.`);
  });

  it("later references: the surname alone, whatever the wrong speaker's phrase was", () => {
    const intro = `Ines Calder, who runs the harbour's engineering team, toured the wall on Sunday.\n\n`;
    assert.equal(rewrite(`${intro}"{{${WORDS}}}," [[Bly]] said.`), `${intro}"${WORDS}," Calder said.`);
    assert.equal(rewrite(`${intro}[[Oskar Bly]], the harbour master, said: "{{${WORDS}}}."`), `${intro}Calder said: "${WORDS}."`);
    assert.equal(rewrite(`${intro}Harbour master [[Oskar Bly]] said: "{{${WORDS}}}."`), `${intro}Calder said: "${WORDS}."`);
    // A mention inside a quotation introduces nobody.
    assert.equal(rewrite(`"{{Calder's team did well}}," [[Bly]] said.`, CALDER_TRANSCRIPT), `"Calder's team did well," Ines Calder said.`);
  });

  it("a quote that continues an earlier paragraph's speaker gets its own attribution", () => {
    const first = `Oskar Bly spoke first. "The boats stay in," he said.\n\n`;
    assert.equal(rewrite(`${first}"{{${WORDS}.}}"`.replace("he said", "[[he]] said")), `${first}"${WORDS}," said Ines Calder, chief engineer of the Fenby Harbour Trust.`);
    assert.equal(rewrite(`${first.replace("he said", "[[he]] said")}"{{Will it hold?}}"`, CALDER_TRANSCRIPT), `${first}"Will it hold?" Ines Calder said.`);
  });

  it("organisations and spokespeople", () => {
    const trust: SpeakerFacts = { name: "Fenby Harbour Trust", kind: "organization" };
    assert.equal(rewrite(`"{{${WORDS}}}," [[Bly]] said.`, trust), `"${WORDS}," the Fenby Harbour Trust said.`);
    assert.equal(rewrite(`[[Bly]] said: "{{${WORDS}}}."`, trust), `The Fenby Harbour Trust said: "${WORDS}."`);
    const spokeswoman: SpeakerFacts = { name: "Fenby Harbour Trust spokeswoman", kind: "spokesperson", role: "spokeswoman", organization: "Fenby Harbour Trust" };
    assert.equal(rewrite(`"{{${WORDS}}}," said [[Oskar Bly]].`, spokeswoman), `"${WORDS}," said a spokeswoman for the Fenby Harbour Trust.`);
    const ports: SpeakerFacts = { name: "Northgate Ports", kind: "organization" };
    assert.equal(rewrite(`[[Bly]] said: "{{${WORDS}}}."`, ports), `Northgate Ports said: "${WORDS}."`);
  });

  it("names and articles as a desk writes them", () => {
    assert.deepEqual(["Ines Calder", "Ludo van der Berg", "Sam Hill Jr.", "Cher"].map(surnameOf), ["Calder", "van der Berg", "Hill", "Cher"]);
    assert.deepEqual(["Harbour and Dockworkers Union", "Northgate Ports", "Bank of Lisport", "The Lisport Courier"].map(withArticle), ["the Harbour and Dockworkers Union", "Northgate Ports", "the Bank of Lisport", "The Lisport Courier"]);
  });
});
