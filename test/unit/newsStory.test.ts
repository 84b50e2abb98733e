import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { prepareDocument } from "../../src/core/document/document";
import { attributeQuotes } from "../../src/core/speakers/attribute";

/** A fixture story read as the engine reads a source: learnt from, then attributed. */
function readStory(file: string) {
  const text = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "test", "fixtures", "news", file), "utf8");
  const doc = prepareDocument(file, text);
  return { text, quotes: attributeQuotes(doc) };
}

/** A whole story in many attribution styles: every quote's speaker and how it was found. */
describe("attribution across a whole news story", () => {
  const { text, quotes } = readStory("storm-pier.txt");
  const table = quotes.map((q) => [text.slice(q.start, q.start + 24), q.speaker?.name ?? null, q.speakerMention?.text ?? null, q.basis]);

  it("finds every quote with the right speaker, mention and basis", () => {
    assert.deepEqual(table, [
      ["The deck is simply not s", "Priya Raman", "Priya Raman, a spokeswoman for the harbour board", "cue"],
      ["We will not take risks w", "Priya Raman", "Priya Raman, a spokeswoman for the harbour board", "continued"],
      ['Nobody asked us," said T', "Tom Hale", "Tom Hale", "cue"],
      ["a month's income at leas", "Tom Hale", "He", "cue"],
      ["The council will pay for", "Ana Ortega", "Mayor Ana Ortega", "cue"],
      ["the council's top priori", "Ana Ortega", "The mayor", "cue"],
      ["Why did it take a storm ", "resident", "one resident", "cue"],
      ["We acted within hours,\" ", "Victor Osei", "Osei", "cue"],
      ["Any delay would have bee", "Victor Osei", "Osei", "continued"],
      ["We will reopen before th", "Ana Ortega", "Ortega", "cue"],
      ["It's a disaster for the ", "Mia Laurent", "Mia Laurent", "cue"],
    ]);
  });

  it("knows the spokeswoman speaks for the board and the mayor by title", () => {
    const priya = quotes.find((q) => q.speaker?.name === "Priya Raman")!.speaker!;
    assert.equal(priya.role, "spokesperson");
    const ortega = quotes.find((q) => q.speaker?.name === "Ana Ortega")!.speaker!;
    assert.equal(ortega.role, "mayor");
  });
});

/** Each quote's opening words, its speaker, and the words that named the speaker. */
function speakerTable(file: string): [string, string | null, string | null][] {
  const { text, quotes } = readStory(file);
  return quotes.map((q) => [text.slice(q.start, q.start + 16), q.speaker?.name ?? null, q.speakerMention?.text ?? null]);
}

describe("attribution in more stories", () => {
  it("resolves `they` to a company, a relative clause, and `he` after a lead-in", () => {
    assert.deepEqual(speakerTable("ferry-loss.txt"), [
      ["We are reviewing", "Lisport Ferries", "they"],
      ["Nobody tells us ", "Tom Hale", "Tom Hale"],
      ["The fleet is too", "Ines Baptiste", "Ines Baptiste, a senior analyst"],
      ["Fuel alone eats ", "Ines Baptiste", "Ines Baptiste, a senior analyst"],
      ["Our ships have y", "Marc Leroy", "he"],
      ["I would not sell", "Marc Leroy", "Leroy"],
    ]);
  });

  it("tells a company from a union, and reads `Name was unmoved:` as an introduction", () => {
    assert.deepEqual(speakerTable("bakery-sundays.txt"), [
      ["essential for su", "Harriet Vance", "Its chief executive, Harriet Vance"],
      ["Our members alre", "Callum Reid", "its regional officer, Callum Reid"],
      ["Sundays are the ", "Callum Reid", "its regional officer, Callum Reid"],
      ["We have consulte", "Harriet Vance", "she"],
      ['time and a half"', "Harriet Vance", "she"],
      ["Time and a half ", "Callum Reid", "Reid"],
      ["not set in stone", "Crumb & Co spokesman", "A company spokesman"],
      ["We can't keep th", "Harriet Vance", "the company's chief executive"],
      ["I'd pay more for", "Martha Ellis", "Martha Ellis"],
      ["Open or shut, I ", "Dev", "Dev"],
    ]);
  });

  it("keeps `She added:` apart from a split quote, and does not read `General Hospital` as a person", () => {
    assert.deepEqual(speakerTable("hospital-parking.txt"), [
      ["This is a victor", "Joan Whitaker", "Joan Whitaker, the campaign's organiser"],
      ["We collected ele", "Joan Whitaker", "Whitaker"],
      ["The charges rais", null, "the health board"],
      ["We listened to p", "Amara Nwosu", "Dr Amara Nwosu of the Lisport Health Board"],
      ["Free parking is ", "Amara Nwosu", "She"],
      ["Yes, from the sa", "Amara Nwosu", "Nwosu"],
      ["Who pays for the", "Ben Ashdown", "councillor Ben Ashdown"],
      ["The taxpayer, as", "Ben Ashdown", "councillor Ben Ashdown"],
      ["If the car park ", "Keith Mensah", "he"],
    ]);
  });

  it("reads curly single quotes, keeps a short continued sentence as speech, and ends a mention at the name", () => {
    assert.deepEqual(speakerTable("cup-final.txt"), [
      ["We have nothing ", "Sam Okafor", "Okafor"],
      ["Our form speaks ", "Sam Okafor", "Okafor"],
      ["Form is for the ", "Leo Brandt", "he"],
      ["Finals are diffe", "Leo Brandt", "he"],
      ["fitter than it h", "Tessa Grant", "Rovers manager Tessa Grant"],
      ["I trust Sam comp", "Tessa Grant", "Grant"],
      ["Nothing is won o", "Victor Hale", "businessman Victor Hale"],
      ["We’ll win by two", "Jim Carter", "Jim Carter"],
    ]);
  });
});
