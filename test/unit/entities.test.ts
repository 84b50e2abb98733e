import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";
import { EntityRegistry, sameSpeaker } from "../../src/core/speakers/entity";
import { learnEntities } from "../../src/core/speakers/learn";
import { checkDraft, kinds, quoteWith } from "./helpers";

function learn(...texts: string[]): EntityRegistry {
  const registry = new EntityRegistry();
  texts.forEach((t, i) => learnEntities(prepareDocument(`d${i}.txt`, t), registry));
  registry.settle();
  return registry;
}

describe("entities", () => {
  it("merges `Mr. Ortega`, `Ortega`, `Tomas Ortega` and `Lisport Ferries CEO Tomas Ortega`", () => {
    const r = learn(`Lisport Ferries CEO Tomas Ortega spoke first.`, `Mr. Ortega left early.`);
    const people = r.entities.filter((e) => e.kind === "person");
    assert.equal(people.length, 1);
    assert.equal(people[0].name, "Tomas Ortega");
    assert.equal(people[0].role, "CEO");
    assert.equal(people[0].organization?.name, "Lisport Ferries");
    assert.equal(people[0].gender, "male");
    assert.ok(r.lookup("ortega").includes(people[0]));
  });

  it("reads appositives: `Name, CEO of Org` and `Org's chief executive, Name`", () => {
    const r = learn(`Ines Baptiste, CEO of Quayside Logistics, declined.`, `Harbourline's chief executive, Owen Price, agreed.`);
    const ines = r.lookup("ines baptiste")[0];
    assert.equal(ines.role, "CEO");
    assert.equal(ines.organization?.name, "Quayside Logistics");
    const owen = r.lookup("owen price")[0];
    assert.equal(owen.organization?.name, "Harbourline");
  });

  it("strips corporate suffixes: `Quayside Logistics Inc` is `Quayside Logistics`", () => {
    const r = learn(`Quayside Logistics Inc and its rivals declined to comment.`);
    const org = r.lookup("quayside logistics")[0];
    assert.equal(org.kind, "organization");
    assert.equal(org.name, "Quayside Logistics");
  });

  it("treats an organisation and its spokesperson as the same speaker, a person as another", () => {
    const r = learn(`Quayside Logistics CEO Ines Baptiste spoke.`);
    const org = r.organization("Quayside Logistics");
    const spokes = r.spokesperson(org, "spokeswoman");
    const ceo = r.lookup("ines baptiste")[0];
    assert.equal(sameSpeaker(org, spokes), true);
    assert.equal(sameSpeaker(spokes, ceo), false);
    assert.equal(sameSpeaker(org, ceo), false);
  });

  it("keeps two people with the same surname apart", () => {
    const r = learn(`Ines Baptiste and Marc Baptiste run Quayside Logistics.`);
    assert.equal(r.entities.filter((e) => e.kind === "person").length, 2);
  });

  it("accepts an organisation's statement credited to its spokeswoman, not to its CEO", () => {
    const source = `Quayside Logistics CEO Ines Baptiste was travelling.\n\n"We will not raise prices this year," a spokeswoman for Quayside Logistics said.`;
    const org = quoteWith(checkDraft(`Quayside Logistics said: "We will not raise prices this year."`, { "s.txt": source }), "raise prices");
    assert.deepEqual(kinds(org), []);
    const ceo = quoteWith(checkDraft(`Ines Baptiste said: "We will not raise prices this year."`, { "s.txt": source }), "raise prices");
    assert.deepEqual(kinds(ceo), ["misattributed"]);
  });

  it("learns from the draft and the sources together", () => {
    // Only the draft says who Baptiste is; the source only uses the surname.
    const source = `"The cranes stay," Baptiste said.`;
    const checks = checkDraft(`Quayside Logistics CEO Ines Baptiste said: "The cranes stay."`, { "s.txt": source });
    const c = quoteWith(checks, "cranes");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.speaker?.name, "Ines Baptiste");
  });

  it("applies user aliases everywhere", () => {
    const source = `Quayside Logistics CEO Ines Baptiste arrived.\n\n"Prices stay where they are," Baptiste said.`;
    const checks = checkDraft(`"Prices stay where they are," IB said.`, { "s.txt": source }, { aliases: { IB: "Ines Baptiste" } });
    assert.deepEqual(kinds(quoteWith(checks, "Prices")), []);
  });
});
