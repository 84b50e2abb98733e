import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import { readConfig } from "../../src/node/config";
import { UserError } from "../../src/node/files";
import { projectOf } from "../../src/node/project";
import { sourceSpecs } from "../../src/node/workspace";

const ROOT = path.resolve(__dirname, "../../..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas/verbatim.schema.json"), "utf8"));

describe(".verbatim.json, read one way for the CLI and the language server", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-config-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = path.join(dir, ".verbatim.json");
    fs.writeFileSync(file, text);
    return file;
  };
  const message = (text: string) => {
    const file = write(text);
    try {
      readConfig(file);
    } catch (e) {
      assert.ok(e instanceof UserError);
      return e.message.replace(file, "FILE");
    }
    assert.fail("accepted");
  };

  it("reads every documented key, with a byte-order mark", () => {
    const file = write("\uFEFF" + JSON.stringify({ sources: ["sources", "notes/*.txt"], aliases: { JD: "Jane Doe" }, ignoreMarker: " skip-this ", ignoredQuotes: ["a quote"], severities: { unsourced: "hint" }, thresholds: { misquoteSimilarity: 0.7 } }));
    assert.deepEqual(readConfig(file), { sources: ["sources", "notes/*.txt"], aliases: { JD: "Jane Doe" }, ignoreMarker: "skip-this", ignoredQuotes: ["a quote"], severities: { unsourced: "hint" }, thresholds: { misquoteSimilarity: 0.7 } });
  });

  it("rejects what would silently change verdicts, with one message naming the key", () => {
    assert.equal(message(JSON.stringify({ thresholds: { misquoteSimilarity: "high" } })), 'FILE: "thresholds.misquoteSimilarity" must be a number above 0 and at most 1, not "high"');
    assert.match(message(JSON.stringify({ thresholds: { misquoteSimilarity: 2 } })), /at most 1, not 2$/);
    assert.match(message(JSON.stringify({ thresholds: { misquoteCoverage: -1 } })), /misquoteCoverage/);
    assert.equal(message(JSON.stringify({ ignoreMarker: " " })), 'FILE: "ignoreMarker" must be a non-empty string, not " "');
    assert.equal(message(JSON.stringify({ severities: { unsourced: "loud" } })), 'FILE: "severities.unsourced" must be one of error, warning, information, hint, off, not "loud"');
    assert.match(message("{ not json"), /^FILE: not valid JSON/);
  });

  it("resolves sources as folders, files, globs and absolute paths", () => {
    assert.deepEqual(sourceSpecs("/w", ["sources", "./archive/", "notes/*.txt", "/abs/path/**/*.md"]), [
      { base: "/w/sources" },
      { base: "/w/archive" },
      { base: "/w/notes", pattern: "/w/notes/*.txt" },
      { base: "/abs/path", pattern: "/abs/path/**/*.md" },
    ]);
  });

  it("finds the project of a draft: its .verbatim.json, else the nearest sources/ folder above it", () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-project-"));
    try {
      fs.mkdirSync(path.join(ws, "sources"));
      fs.mkdirSync(path.join(ws, "drafts", "2026"), { recursive: true });
      const draft = path.join(ws, "drafts", "2026", "story.md");
      assert.equal(projectOf(draft).root, ws);
      fs.writeFileSync(path.join(ws, "drafts", ".verbatim.json"), '{"sources": ["../sources"]}');
      assert.equal(projectOf(draft).root, path.join(ws, "drafts"));
      assert.deepEqual(projectOf(draft).config?.config.sources, ["../sources"]);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
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
