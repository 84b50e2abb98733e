import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const SOURCE = `"The ferry will run every hour from May," transport chief Ines Baptiste said.\n`;

describe("verbatim check", () => {
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  it("exits 0 with no findings, using sources/ beside the draft", () => {
    const dir = workspace({ "draft.md": `Ines Baptiste said: "The ferry will run every hour from May."\n`, "sources/a.txt": SOURCE });
    const r = run(["check", "draft.md"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 quote checked: 1 verified, 0 misattributed, 0 misquoted, 0 unsourced/);
  });

  it("exits 1 with linter-style lines for findings", () => {
    const dir = workspace({ "draft.md": `\nMarc Leroy said: "The ferry will run every hour from May."\n`, "sources/a.txt": SOURCE });
    const r = run(["check", "--no-color", "draft.md"], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^draft\.md:2:19  error    Misattributed: attributed to Marc Leroy, but a\.txt attributes these words to Ines Baptiste  \[misattributed\]$/m);
  });

  it("prints the JSON contract: offsets, speakers, findings and the source passage", () => {
    const draft = `Marc Leroy said: "The ferry will run every hour from May."\n`;
    const dir = workspace({ "d.md": draft, "src/a.txt": SOURCE });
    const r = run(["check", "--format", "json", "--sources", "src", "d.md"], dir);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    const q = report.files[0].quotes[0];
    assert.equal(report.files[0].file, "d.md");
    assert.equal(q.text, "The ferry will run every hour from May.");
    assert.equal(draft.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, "Marc Leroy");
    assert.deepEqual(q.findings.map((f: { kind: string }) => f.kind), ["misattributed"]);
    assert.equal(q.source.file, path.join("src", "a.txt"));
    assert.equal(q.source.speaker, "Ines Baptiste");
    assert.equal(SOURCE.slice(q.source.start, q.source.end), q.source.text);
    assert.equal(q.source.similarity, 1);
  });

  it("prints SARIF with --format sarif", () => {
    const dir = workspace({ "d.md": `Marc Leroy said: "The ferry will run every hour from May."\n`, "sources/a.txt": SOURCE });
    const r = run(["check", "--format", "sarif", "d.md"], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs[0].results[0].ruleId, "misattributed");
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "d.md");
  });

  it("--fail-on limits which kinds fail the run", () => {
    const dir = workspace({ "d.md": `Ines Baptiste said: "Nothing like this was ever said by anyone at all."\n`, "sources/a.txt": SOURCE });
    assert.equal(run(["check", "d.md"], dir).code, 1);
    assert.equal(run(["check", "--fail-on", "misattributed", "d.md"], dir).code, 0);
  });

  it("exits 2 with a clear message for a missing draft, missing sources or a bad option", () => {
    const dir = workspace({ "d.md": "text", "sources/a.txt": SOURCE });
    let r = run(["check", "nope.md"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read draft nope\.md: no such file/);
    r = run(["check", "--sources", "missing", "d.md"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /source path missing does not exist/);
    r = run(["check", "--format", "xml", "d.md"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json, sarif, csv or markdown/);
    const lonely = workspace({ "d.md": "text" });
    r = run(["check", "d.md"], lonely);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no sources/);
  });

  it("skips empty and binary sources with a warning and still checks", () => {
    const dir = workspace({
      "d.md": `Ines Baptiste said: "The ferry will run every hour from May."\n`,
      "sources/a.txt": SOURCE,
      "sources/empty.txt": "",
      "sources/photo.jpg": Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46]),
    });
    const r = run(["check", "d.md"], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipping .*empty\.txt: empty file/);
    assert.match(r.stderr, /skipping .*photo\.jpg: binary file/);
  });

  it("honours .verbatim.json sources, aliases and the ignore marker", () => {
    const dir = workspace({
      ".verbatim.json": JSON.stringify({ sources: ["archive"], aliases: { IB: "Ines Baptiste" } }),
      "drafts/d.md": `IB said: "The ferry will run every hour from May."\n\n<!-- verbatim-ignore -->\nMarc Leroy said: "The ferry will run every hour from May."\n`,
      "archive/a.txt": SOURCE,
    });
    const r = run(["check", "--format", "json", "drafts/d.md"], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const quotes = JSON.parse(r.stdout).files[0].quotes;
    assert.equal(quotes[0].verdict, "verified");
    assert.equal(quotes[1].verdict, "ignored");
  });

  it("honours ignoredQuotes and severities from .verbatim.json", () => {
    const dir = workspace({
      ".verbatim.json": JSON.stringify({ ignoredQuotes: ["the ferry will run every hour from may"], severities: { unsourced: "off", misquoted: "error" } }),
      "d.md": `Marc Leroy said: "The ferry will run every hour from May."\n\nIB said: "Something nobody ever said in any source at all."\n\nInes Baptiste said: "The ferry will run every hour from June."\n`,
      "sources/a.txt": SOURCE,
    });
    const r = run(["check", "--no-color", "d.md"], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /misattributed\]|unsourced\]/);
    assert.match(r.stdout, /d\.md:5:\d+  error    Misquoted: .*\[misquoted\]/);
    const json = JSON.parse(run(["check", "--format", "json", "d.md"], dir).stdout);
    assert.equal(json.files[0].quotes[0].verdict, "ignored");
  });

  it("reports a broken .verbatim.json instead of ignoring it", () => {
    const dir = workspace({ ".verbatim.json": "{ not json", "d.md": "x", "sources/a.txt": SOURCE });
    const r = run(["check", "d.md"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.verbatim\.json: not valid JSON/);
  });
});
