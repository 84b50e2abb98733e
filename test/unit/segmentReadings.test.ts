import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { prepareDocument } from "../../src/core/document/document";
import { wordEvidence } from "../../src/core/speakers/mentions";
import { parseSegment, type WordEvidence } from "../../src/core/speakers/phrase";
import { tokenizePhrase } from "../../src/core/speakers/tokens";

/** A document's own evidence, as the mention scan builds it (every token a sentence start: the test needs only an object of its own). */
const evidenceOf = (text: string): WordEvidence => wordEvidence(prepareDocument("d.txt", text), () => false);

describe("segment readings remembered per document", () => {
  it("reads a segment again as it read it the first time", () => {
    const sample = path.join(__dirname, "..", "..", "..", "sample", "sources");
    for (const name of fs.readdirSync(sample).filter((n) => n.endsWith(".txt"))) {
      const text = fs.readFileSync(path.join(sample, name), "utf8");
      const evidence = evidenceOf(text);
      const tokens = tokenizePhrase(text);
      for (let i = 0; i + 4 < tokens.length; i += 3) {
        for (const atStart of [false, true]) {
          const segment = tokens.slice(i, i + 1 + (i % 4));
          const first = JSON.stringify(parseSegment(segment, atStart, evidence));
          // The same words again (other token objects, other offsets): the remembered reading.
          const again = tokenizePhrase(segment.map((t) => t.text).join(" "));
          assert.equal(JSON.stringify(parseSegment(again, atStart, evidence)), first, segment.map((t) => t.text).join(" "));
        }
      }
    }
  });

  it("keeps readings apart by document, sentence start and words", () => {
    // `Harbour` opening a sentence of a document that writes `harbour` in lower case is no name.
    const lowerCase = evidenceOf("The harbour was closed. Nobody came.");
    const other = evidenceOf("Nothing here.");
    const words = tokenizePhrase("Harbour Doe");
    const trimmed = parseSegment(words, true, lowerCase);
    const whole = parseSegment(words, true, other);
    assert.deepEqual(trimmed, { type: "name", name: "Doe" });
    assert.notDeepEqual(whole, trimmed);
    // Remembered, each for its own document and position.
    assert.deepEqual(parseSegment(tokenizePhrase("Harbour Doe"), true, lowerCase), trimmed);
    assert.deepEqual(parseSegment(tokenizePhrase("Harbour Doe"), true, other), whole);
    assert.notDeepEqual(parseSegment(tokenizePhrase("Harbour Doe"), false, lowerCase), trimmed);
    // A possessive is not the word it follows (`Doe's` is no `Does`).
    assert.notDeepEqual(parseSegment(tokenizePhrase("Doe's spokesman"), false, other), parseSegment(tokenizePhrase("Does spokesman"), false, other));
  });
});
