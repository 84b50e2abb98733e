import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { attributionName, listSourceSpeakers } from "../../src/core/sources/speakers";

const COUNCIL = `Harbour council votes to close the night ferry

"We cannot keep paying for boats that cross the bay almost empty," said Rosalind Achterberg, who chairs the council's transport committee.

Ferry operator Tidewater Lines said it was disappointed. "Islanders who work late shifts will be stranded on the mainland," said Tidewater chief executive Desmond Okonjo.

"A sad day," Okonjo said.
`;

describe("source speakers", () => {
  const checker = new QuoteChecker([{ path: "sources/council.txt", text: COUNCIL }]);

  it("lists everyone the sources quote, by name, with role, organisation and quotations", () => {
    const speakers = listSourceSpeakers(checker);
    assert.deepEqual(speakers.map((s) => s.name), ["Desmond Okonjo", "Rosalind Achterberg"]);
    const okonjo = speakers[0];
    assert.equal(okonjo.kind, "person");
    assert.equal(okonjo.role, "chief executive");
    assert.equal(okonjo.organization, "Tidewater");
    assert.ok(okonjo.aliases.includes("okonjo"));
    // Short quotations (under four words) are left out.
    assert.deepEqual(okonjo.quotes.map((q) => q.text), ["Islanders who work late shifts will be stranded on the mainland,"]);
    const q = okonjo.quotes[0];
    assert.equal(COUNCIL.slice(q.start, q.end), q.text);
    assert.equal(q.path, "sources/council.txt");
  });

  it("keeps short quotations when asked, and attributes each source once", () => {
    const okonjo = listSourceSpeakers(checker, { minWords: 1 }).find((s) => s.name === "Desmond Okonjo")!;
    assert.equal(okonjo.quotes.length, 2);
    const doc = checker.corpus.documents[0];
    assert.equal(doc.attributed(), doc.attributed());
  });

  it("names a spokesperson with an article", () => {
    assert.equal(attributionName({ kind: "spokesperson", name: "Tidewater spokeswoman" }), "a Tidewater spokeswoman");
    assert.equal(attributionName({ kind: "spokesperson", name: "Acme spokesman" }), "an Acme spokesman");
    assert.equal(attributionName({ kind: "person", name: "Desmond Okonjo" }), "Desmond Okonjo");
  });
  it("lists no junk: a dateline glued to a name, a one-word speaker with nothing that says person", () => {
    const wire = `BRAMPORT-Ilse Novak told supporters on Sunday that "the harbour will be rebuilt within the year."\n\n"The harbour plan has no money behind it at all," according to Newsline.\n\n"The money will come from the port levy," Novak said.\n`;
    const list = listSourceSpeakers(new QuoteChecker([{ path: "sources/wire.txt", text: wire }]));
    assert.deepEqual(list.map((s) => s.name), ["Ilse Novak"]);
    assert.equal(list[0].quotes.length, 2);
  });

  it("lists a person's campaign once, as `Name (campaign)`, however each source names it", () => {
    const sources = [
      { path: "a.txt", text: `Moss's campaign shrugged off the attack, telling reporters, "Nobody on the team ever asked for that endorsement."` },
      { path: "b.txt", text: `Senator Ada Moss spoke in Lisport on Monday. Her campaign sent an email to supporters stating, "Moss wins again, and the harbour wins with her."` },
    ];
    const campaigns = listSourceSpeakers(new QuoteChecker(sources)).filter((s) => s.kind === "organization");
    assert.deepEqual(campaigns.map((s) => [s.name, s.role, s.quotes.length]), [["Ada Moss", "campaign", 2]]);
  });
});

