import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";
import { attributeQuotes } from "../../src/core/speakers/attribute";

/** Each quote's speaker and the draft's text of the speaker's mention. */
function read(path: string, text: string): [string | undefined, string | undefined][] {
  return attributeQuotes(prepareDocument(path, text)).map((q) => [q.speaker?.name, q.speakerMention ? text.slice(q.speakerMention.start, q.speakerMention.end) : undefined]);
}

describe("Markdown inline markup around a speaker", () => {
  it("reads `said **Name**`, `said *Name*`, `said _Name_` and `said [Name](url)` as the name, its mention in the draft", () => {
    const cases = [
      `"The flood came up through the floor," said **Orla Penhaligon**, who lives on Weir Lane.`,
      `"The flood came up through the floor," said *Orla Penhaligon*.`,
      `"The flood came up through the floor," said _Orla Penhaligon_.`,
      `"The flood came up through the floor," said [Orla Penhaligon](https://example.org/penhaligon), who lives on Weir Lane.`,
    ];
    for (const text of cases) {
      const [[name, mention]] = read("draft.md", text);
      assert.equal(name, "Orla Penhaligon", text);
      assert.ok(mention?.includes("Orla Penhaligon") && !mention.includes("https"), `${text}: ${mention}`);
    }
  });

  it("reads the same markup in plain text, as drafts pasted from a Markdown editor keep it", () => {
    assert.deepEqual(read("notes.txt", `"The flood came up through the floor," said **Orla Penhaligon**.`).map(([n]) => n), ["Orla Penhaligon"]);
    assert.deepEqual(read("notes.txt", `"The flood came up through the floor," said [Orla Penhaligon](https://example.org/p).`).map(([n]) => n), ["Orla Penhaligon"]);
  });
});
