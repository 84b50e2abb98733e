import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import { documentFacts, replayFacts } from "../../src/core/corpus/entityFacts";
import { cloneRegistry } from "../../src/core/corpus/registryClone";
import { prepareDocument } from "../../src/core/document/document";
import { EntityRegistry, summarize } from "../../src/core/speakers/entity";
import { learnEntities } from "../../src/core/speakers/learn";

const TEXT = `Acme Global Inc said on Monday it would cut jobs. Jesse Doe, chief executive of Acme, said the plan was final.
Mr. Roe, a spokesman for the Harbour Board, declined to comment. Acme's Kim Lee and Dr. Ann Marsh spoke later.`;

const view = (r: EntityRegistry) => r.entities.map((e) => ({ id: e.id, ...summarize(e), aliases: [...e.aliases].sort() }));

describe("speaker state", () => {
  it("replaying a document's recorded facts teaches a registry exactly what learning from it does", () => {
    const doc = prepareDocument("a.txt", TEXT);
    const learnt = new EntityRegistry();
    learnEntities(doc, learnt);
    const replayed = new EntityRegistry();
    replayFacts(JSON.parse(JSON.stringify(documentFacts(doc))), replayed);
    assert.ok(learnt.entities.length > 2);
    assert.deepEqual(view(replayed), view(learnt));
  });

  it("a registry copy keeps ids and aliases and leaves the original untouched", () => {
    const r = new EntityRegistry();
    learnEntities(prepareDocument("a.txt", TEXT), r);
    const before = view(r);
    const { registry: copy, byId } = cloneRegistry(r);
    assert.deepEqual(view(copy), before);
    const doe = copy.lookup("doe")[0];
    assert.equal(byId.get(doe.id), doe);
    assert.equal(doe.organization, copy.lookup("acme")[0]);
    copy.person("Zed Quill");
    assert.equal(r.lookup("quill").length, 0);
    assert.deepEqual(view(r), before);
  });

  it("attributes a source once and reuses it while the drafts teach nothing new", () => {
    const checker = new QuoteChecker([{ path: "s.txt", text: '"The pier reopens in June," said Mara Quist.' }]);
    const draft = (speaker: string) => [{ path: "d.md", text: `"The pier reopens in June," said ${speaker}.` }];
    assert.equal(checker.check(draft("Mara Quist"))[0].checks[0].verdict, "verified");
    assert.equal(checker.check(draft("Tom Ellery"))[0].checks[0].verdict, "misattributed");
    assert.equal(checker.check(draft("Mara Quist"))[0].checks[0].verdict, "verified");
  });

  it("above the learn-all size, learns from the sources a check finds passages in", () => {
    const sources = [
      { path: "intro.txt", text: "Mara Quist, chief executive of Pierco, spoke first." },
      { path: "quote.txt", text: '"The pier reopens in June," Quist said.' },
    ];
    const small = new QuoteChecker(sources);
    const large = new QuoteChecker(sources, { learnAllUpTo: 0 });
    const draft = [{ path: "d.md", text: '"The pier reopens in June," said Tom Ellery.' }];
    assert.equal(small.check(draft)[0].checks[0].verdict, "misattributed");
    assert.equal(large.check(draft)[0].checks[0].verdict, "misattributed");
    assert.equal(large.corpus.documents[0].facts, undefined, "the unrelated source was not read for speakers");
  });

  it("updateSources re-reads only what changed", () => {
    const checker = new QuoteChecker([
      { path: "a.txt", text: '"The pier reopens in June," said Mara Quist.' },
      { path: "b.txt", text: "Unrelated text about bread." },
    ]);
    checker.check([{ path: "d.md", text: '"The pier reopens in June," said Mara Quist.' }]);
    checker.updateSources([
      { path: "a.txt", text: '"The pier reopens in June," said Mara Quist.' },
      { path: "b.txt", text: '"Bread is up," said Tom Ellery.' },
    ]);
    assert.equal(checker.corpus.tokenized, 1);
    const [c] = checker.check([{ path: "d.md", text: '"Bread is up," said Mara Quist.' }])[0].checks;
    assert.equal(c.verdict, "misattributed");
  });
});
