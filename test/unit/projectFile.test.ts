import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parseProjectFile, sourceGlobs } from "../../src/extension/projectFileFormat";

const ROOT = path.resolve(__dirname, "../../..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas/verbatim.schema.json"), "utf8"));

describe(".verbatim.json in the editor", () => {
  it("reads every documented key", () => {
    const notes: string[] = [];
    const file = parseProjectFile(
      {
        sources: ["sources", "./archive/", "notes/*.txt"],
        aliases: { JD: "Jane Doe", bad: 3 },
        ignoreMarker: " skip-this ",
        ignoredQuotes: ["a quote"],
        severities: { unsourced: "hint", misquoted: "loud" },
        thresholds: { misquoteSimilarity: 0.7, misquoteCoverage: 2 },
      },
      notes,
    );
    assert.deepEqual(file, {
      sources: ["sources", "sources/**", "archive", "archive/**", "notes/*.txt"],
      aliases: { JD: "Jane Doe" },
      ignoreMarker: "skip-this",
      ignoredQuotes: ["a quote"],
      severities: { unsourced: "hint" },
      thresholds: { misquoteSimilarity: 0.7 },
    });
    assert.equal(notes.length, 1);
    assert.match(notes[0], /severities\.misquoted/);
  });

  it("takes a single source string, skips sources outside the folder with a note", () => {
    const notes: string[] = [];
    assert.deepEqual(parseProjectFile({ sources: "interviews" }, notes).sources, ["interviews", "interviews/**"]);
    assert.deepEqual(sourceGlobs(["../shared", "/abs/path", "."], notes), ["**"]);
    assert.equal(notes.length, 2);
    assert.deepEqual(parseProjectFile([1, 2], notes), {});
  });

  it("the schema compiles, and the sample's file and the starter file are valid", () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    const sample = JSON.parse(fs.readFileSync(path.join(ROOT, "sample/.verbatim.json"), "utf8"));
    assert.ok(validate(sample), JSON.stringify(validate.errors));
    // What "Verbatim: Create .verbatim.json" writes (kept in step with src/extension/createConfig.ts).
    const starter = fs.readFileSync(path.join(ROOT, "src/extension/createConfig.ts"), "utf8");
    const literal = /STARTER_CONFIG = (\{[\s\S]*?\n\});/.exec(starter)![1];
    const value = Function(`return (${literal});`)();
    assert.ok(validate(value), JSON.stringify(validate.errors));
    assert.ok(!validate({ sources: ["s"], severities: { unsourced: "loud" } }));
  });
});
