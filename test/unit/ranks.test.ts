import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";
import { attributeQuotes } from "../../src/core/speakers/attribute";

/** Each quote's speaker name and role, in order. */
function speakers(text: string): [string | undefined, string | undefined][] {
  return attributeQuotes(prepareDocument("story.txt", text)).map((q) => [q.speaker?.name, q.speaker?.role]);
}

describe("British police and council ranks", () => {
  it("reads `Det Supt`, `Det. Insp.`, `Supt.`, `DCI`, `Chief Inspector` and `Cllr` as ranks before a name", () => {
    assert.deepEqual(speakers(`"We are appealing for anyone on the towpath," said Det Supt Eluned Prys of Caerwen Police.`), [["Eluned Prys", "police"]]);
    assert.deepEqual(speakers(`"We are appealing for anyone on the towpath," said Det. Insp. Eluned Prys.`), [["Eluned Prys", "police"]]);
    assert.deepEqual(speakers(`"I will not resign over this," Supt. Ifor Bevan said.`), [["Ifor Bevan", "police"]]);
    assert.deepEqual(speakers(`DCI Ifor Bevan told the inquest: "The lock gates were open."`), [["Ifor Bevan", "police"]]);
    assert.deepEqual(speakers(`"The lock gates were open," said Detective Chief Inspector Ifor Bevan.`), [["Ifor Bevan", "police"]]);
    // `Cllr.` ends no sentence: the name after it is still the speaker.
    assert.deepEqual(speakers(`Cllr. Nia Gethin said the bridge was "a scandal twenty years in the making."`), [["Nia Gethin", "official"]]);
  });
});
