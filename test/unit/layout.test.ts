import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";
import { attributeQuotes } from "../../src/core/speakers/attribute";

/** Each paragraph's text and kind. */
function paragraphs(path: string, text: string): string[] {
  return prepareDocument(path, text).paragraphs.map((p) => `${p.kind}: ${text.slice(p.start, p.end)}`);
}

describe("paragraph layout", () => {
  it("reads a hard-wrapped paragraph as one paragraph, also across a title's full stop", () => {
    const text = [
      "The harbour board met on Tuesday to discuss the dredging of the",
      "north channel, which has silted up since the storm. Chairman Mr.",
      "Idris Vale said the work would start after the regatta.",
    ].join("\n");
    assert.deepEqual(paragraphs("minutes.txt", text), [`text: ${text}`]);
  });

  it("reads lines pasted from the web, one paragraph per line with no blank line, as paragraphs", () => {
    const lines = [
      "Ferry Operator Says It Will Cut The Night Crossing",
      "Harbour master Mara Quist said on Monday that the night crossing would end in June, after three years of losses on the route and a fall in the number of passengers.",
      "\"We cannot run an empty boat at midnight,\" Quist said.",
      "The union said it would fight the cut.",
    ];
    assert.deepEqual(paragraphs("ferry.txt", lines.join("\n")), ["heading: " + lines[0], ...lines.slice(1).map((l) => `text: ${l}`)]);
  });

  it("reads short lines that each end a sentence as paragraphs in text, but as one paragraph in Markdown", () => {
    const lines = ["\"We will reopen the pier,\" said Mara Quist.", "\"It will take a month.\"", "The council has not voted on the money yet."];
    assert.deepEqual(paragraphs("pier.txt", lines.join("\n")), lines.map((l) => `text: ${l}`));
    assert.deepEqual(paragraphs("pier.md", lines.join("\n")), [`text: ${lines.join("\n")}`]);
    // Two lines are too few to tell from a wrapped quotation and its cue.
    const wrapped = "\"Why would anyone change their mind so fast?\"\nQuist asked.";
    assert.deepEqual(paragraphs("pier.txt", wrapped), [`text: ${wrapped}`]);
  });

  it("a headline line in title case never joins the name on the next line", () => {
    const text = [
      "Posted 9:15PM by the desk editorMara Quist Says The Pier Will Reopen Before The Regatta",
      "Harbour master Mara Quist said the pier would reopen before the regatta, whatever the weather does to the work in May.",
      "\"You bet it will,\" Quist said when asked about the date.",
    ].join("\n");
    const doc = prepareDocument("blog.txt", text);
    assert.equal(doc.paragraphs.length, 3);
    const [quote] = attributeQuotes(doc);
    assert.equal(quote.speaker?.name, "Mara Quist");
  });
});
