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

  it("each item of a bulleted list is a paragraph, and `- Name: \"…\"` quotes that name", () => {
    const speakersOf = (path: string, text: string) => attributeQuotes(prepareDocument(path, text)).map((q) => [text.slice(q.start, q.end), q.speaker?.name]);
    for (const bullet of ["-", "*", "+", "•"]) {
      const text = ["The two hopefuls spoke at the depot:", `${bullet} Petra Holloway: "The night bus will come back."`, `${bullet} Anselm Drury: "Not with this budget it won't."`].join("\n");
      for (const path of ["draft.md", "notes.txt"]) {
        assert.deepEqual(speakersOf(path, text), [
          ["The night bus will come back.", "Petra Holloway"],
          ["Not with this budget it won't.", "Anselm Drury"],
        ], `${bullet} in ${path}`);
      }
    }
    // One dash line after a quotation still names its speaker.
    assert.deepEqual(paragraphs("d.txt", `"The night bus will come back."\n— Petra Holloway, councillor`).map((p) => p.split(":")[0]), ["text", "attribution"]);
    // A lone list item in Markdown is its own paragraph too.
    const lone = `The depot hearing ran late.\n- Anselm Drury: "Not with this budget."`;
    assert.deepEqual(speakersOf("draft.md", lone), [["Not with this budget.", "Anselm Drury"]]);
  });
});
