import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";
import { attributeDocument } from "../../src/core/speakers/attribute";
import { compareSpeakers } from "../../src/core/speakers/compare";
import { DocumentEntities, type Entity } from "../../src/core/speakers/entity";
import { checkDraft, kinds, quoteWith } from "./helpers";

/** The entities one document's attribution arrives at. */
const entitiesOf = (text: string): Entity[] => attributeDocument(prepareDocument("d.txt", text)).entities;
const people = (text: string) => entitiesOf(text).filter((e) => e.kind === "person");

describe("entities of one document", () => {
  it("merges `Mr. Ortega`, `Ortega`, `Tomas Ortega` and `Lisport Ferries CEO Tomas Ortega`", () => {
    const [ortega, ...others] = people(`Lisport Ferries CEO Tomas Ortega spoke first. Mr. Ortega left early. "Fine," Ortega said.`);
    assert.equal(others.length, 0);
    assert.equal(ortega.name, "Tomas Ortega");
    assert.equal(ortega.role, "CEO");
    assert.equal(ortega.organization?.name, "Lisport Ferries");
    assert.equal(ortega.gender, "male");
  });

  it("reads appositives: `Name, CEO of Org` and `Org's chief executive, Name`", () => {
    const found = people(`Ines Baptiste, CEO of Quayside Logistics, declined. Harbourline's chief executive, Owen Price, agreed.`);
    const ines = found.find((e) => e.name === "Ines Baptiste")!;
    assert.equal(ines.role, "CEO");
    assert.equal(ines.organization?.name, "Quayside Logistics");
    assert.equal(found.find((e) => e.name === "Owen Price")!.organization?.name, "Harbourline");
  });

  it("strips corporate suffixes: `Quayside Logistics Inc` is `Quayside Logistics`", () => {
    assert.equal(DocumentEntities.organizationCore("The Quayside Logistics Inc"), "Quayside Logistics");
    assert.equal(DocumentEntities.organizationCore("Crumb & Co"), "Crumb & Co");
  });

  it("keeps two people with the same surname apart", () => {
    const found = people(`Ines Baptiste and Marc Baptiste run Quayside Logistics.`);
    assert.deepEqual(found.map((e) => e.name).sort(), ["Ines Baptiste", "Marc Baptiste"]);
  });

  it("never takes a day, a month, a lead-in or a place into a person's name", () => {
    const names = people(`Last November, Jane Roe tweeted twice. On Tuesday, Ravi Menon said no. When Ravi Menon spoke, Lisport listened.`).map((e) => e.name);
    assert.deepEqual(names.sort(), ["Jane Roe", "Ravi Menon"]);
  });

  it("reads a whole role chain as a role: `Lisport Harbour deputy press secretary Jane Roe`", () => {
    const [roe] = people(`Lisport Harbour deputy press secretary Jane Roe said the berth was closed.`);
    assert.equal(roe.name, "Jane Roe");
    assert.equal(roe.role, "spokesperson");
    assert.equal(roe.organization?.name, "Lisport Harbour");
  });

  it("takes `Mrs. Roe`'s gender only for that person, never for another Roe", () => {
    const found = people(`Jane Roe and Tom Roe arrived. Mrs. Roe spoke first.`);
    assert.equal(found.find((e) => e.name === "Tom Roe")?.gender, "male");
    assert.equal(found.find((e) => e.name === "Jane Roe")?.gender, "female");
  });
});

describe("comparing speakers across documents", () => {
  const entity = (kind: Entity["kind"], name: string, extra: Partial<Entity> = {}): Entity => {
    const e: Entity = { id: 1, kind, name, aliases: new Set([name.toLowerCase()]), ...extra };
    if (kind === "person") {
      const words = name.split(" ");
      e.surname = words.pop();
      e.given = words.join(" ") || undefined;
    }
    return e;
  };

  it("a surname alone is the same person; a different given name is someone else", () => {
    assert.equal(compareSpeakers(entity("person", "Doe"), entity("person", "Jane Doe")), "same");
    assert.equal(compareSpeakers(entity("person", "Jane Doe"), entity("person", "John Doe")), "different");
    assert.equal(compareSpeakers(entity("person", "Bill Doe"), entity("person", "William Doe")), "same");
    assert.equal(compareSpeakers(entity("person", "J. Doe"), entity("person", "Jane Doe")), "same");
  });

  it("an organisation and its spokesperson are one voice; its chief executive is not someone else, but not it either", () => {
    const org = entity("organization", "Quayside Logistics");
    const spokes = entity("spokesperson", "Quayside Logistics spokeswoman", { organization: org, role: "spokesperson" });
    const ceo = entity("person", "Ines Baptiste", { organization: org, role: "CEO" });
    assert.equal(compareSpeakers(org, spokes), "same");
    assert.equal(compareSpeakers(org, ceo), "unknown");
    assert.equal(compareSpeakers(spokes, ceo), "different");
  });

  it("names in other conventions: a first surname, family name first, particles — never someone else", () => {
    const person = (name: string) => new DocumentEntities().person(name);
    const full = person("Tomás Ignacio Ferrer Baldoví");
    assert.equal(compareSpeakers(person("Ferrer"), full), "same");
    assert.equal(compareSpeakers(full, person("Ferrer Baldoví")), "same");
    assert.equal(compareSpeakers(person("Tomás Ferrer"), full), "same");
    assert.equal(compareSpeakers(person("Ignacio"), full), "unknown");
    assert.equal(compareSpeakers(person("Park Seo-yun"), person("Seo-yun Park")), "same");
    assert.equal(compareSpeakers(person("Greta van der Maas"), person("Van der Maas")), "same");
    assert.equal(compareSpeakers(person("van der Maas"), person("Greta van der Maas")), "same");
    assert.equal(compareSpeakers(person("Karim al-Nouri"), person("Karim Nouri")), "same");
    assert.equal(compareSpeakers(person("Nouri"), person("Karim al-Nouri")), "same");
    // A short form used alone, or a name inside a longer one, may be the person: never "different".
    assert.equal(compareSpeakers(person("Hal"), person("Harold Brisbane")), "unknown");
    assert.equal(compareSpeakers(person("Hal Brisbane"), person("Harold Hal Brisbane")), "same");
    // Still strict where the words disagree.
    assert.equal(compareSpeakers(person("Greta Ferrer"), person("Tomás Ignacio Ferrer Baldoví")), "different");
    assert.equal(compareSpeakers(person("Dale Morgan"), person("Morgan Dale")), "unknown");
    assert.equal(compareSpeakers(person("Robertson"), person("Robert Okafor")), "different");
    assert.equal(compareSpeakers(person("Seo-yun Lee"), person("Park Seo-yun")), "different");
  });

  it("a person and an organisation of the very same name are never someone else", () => {
    const shop = new DocumentEntities().organization("Martin Tierney");
    const owner = new DocumentEntities().person("Martin Tierney");
    assert.equal(compareSpeakers(owner, shop), "unknown");
    assert.equal(compareSpeakers(shop, owner), "unknown");
    assert.equal(compareSpeakers(new DocumentEntities().person("Ada Tierney"), shop), "different");
  });

  it("an unnamed commenter is not a named chief executive", () => {
    assert.equal(compareSpeakers(entity("anonymous", "Twitter user"), entity("person", "Ines Baptiste")), "different");
  });
});

describe("entities in checks", () => {
  it("accepts an organisation's statement credited to its spokeswoman, not to its CEO", () => {
    const source = `Quayside Logistics CEO Ines Baptiste was travelling.\n\n"We will not raise prices this year," a spokeswoman for Quayside Logistics said.`;
    const org = quoteWith(checkDraft(`Quayside Logistics said: "We will not raise prices this year."`, { "s.txt": source }), "raise prices");
    assert.deepEqual(kinds(org), []);
    const ceo = quoteWith(checkDraft(`Ines Baptiste said: "We will not raise prices this year."`, { "s.txt": source }), "raise prices");
    assert.deepEqual(kinds(ceo), ["misattributed"]);
  });

  it("compares the draft's full name with the source's surname", () => {
    const source = `"The cranes stay," Baptiste said.`;
    const checks = checkDraft(`Quayside Logistics CEO Ines Baptiste said: "The cranes stay."`, { "s.txt": source });
    const c = quoteWith(checks, "cranes");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.speaker?.name, "Ines Baptiste");
  });

  it("applies user aliases", () => {
    const source = `Quayside Logistics CEO Ines Baptiste arrived.\n\n"Prices stay where they are," Baptiste said.`;
    const checks = checkDraft(`"Prices stay where they are," IB said.`, { "s.txt": source }, { aliases: { IB: "Ines Baptiste" } });
    assert.deepEqual(kinds(quoteWith(checks, "Prices")), []);
  });

  it("gives the same verdicts when unrelated sources are added", () => {
    const sources = {
      "pier.txt": `Harbour master Mara Quist spoke on Friday. "The pier reopens in June," she said.\n\n"Bread is up again," said Tom Ellery, a baker.`,
    };
    const unrelated = {
      "other.txt": `Tom Quist, a farmer, said the harvest was late. "Rain again," Quist said. Mara Ellery, a teacher, said nothing.`,
      "more.txt": `"The pier reopens in June" was the headline. Jane Quist said she had read it.`,
    };
    const draft = `"The pier reopens in June," Mara Quist said.\n\n"Bread is up again," said Mara Quist.\n\n"Rain again," Tom Ellery said.`;
    const verdicts = (s: Record<string, string>) => checkDraft(draft, s).map((c) => [c.text, c.verdict, c.speaker?.name, c.source?.sourceQuote?.speaker?.name]);
    const alone = verdicts(sources);
    assert.deepEqual(alone.slice(0, 2), [
      ["The pier reopens in June,", "verified", "Mara Quist", "Mara Quist"],
      ["Bread is up again,", "misattributed", "Mara Quist", "Tom Ellery"],
    ]);
    const withOthers = verdicts({ ...sources, ...unrelated });
    assert.deepEqual(withOthers.slice(0, 2), alone.slice(0, 2));
  });
});
