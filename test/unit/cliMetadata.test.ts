import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, VERBATIM_CACHE: "off" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-meta-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const WIRE = `Lighthouse keeper retires after forty years\n\n"I have seen every storm this coast can throw," said Tamsin Hale, the last keeper of the Fenby light.\n`;
const PRESS = `The trust will reopen the tower in spring.\n\n"The light will shine again by Easter," said Ivor Pask, director of the Fenby Trust.\n`;
const DRAFT = `Tamsin Hale said: "I have seen every storm this coast can throw."\n\nIvor Pask said: "The light will shine again by Easter."\n`;

describe("verbatim check: source metadata", () => {
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  it("gives each source's metadata in JSON, from the file, its sidecar and .verbatim.json entries", () => {
    const dir = workspace({
      ".verbatim.json": JSON.stringify({ sources: ["sources", { path: "sources/press", outlet: "Fenby Trust", date: "2021-04-01" }] }),
      "draft.md": DRAFT,
      "sources/wire.txt": WIRE,
      "sources/wire.txt.meta.json": JSON.stringify({ outlet: "Coast Wire", date: "2021-03-30", url: "https://wire.example/keeper" }),
      "sources/press/release.txt": PRESS,
    });
    const r = run(["check", "--format", "json", "draft.md"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "", "a sidecar is not read as a source");
    const sources = JSON.parse(r.stdout).files[0].quotes.map((q: { source: Record<string, unknown> }) => {
      const { file, title, outlet, authors, date, url } = q.source;
      return { file, title, outlet, authors, date, url };
    });
    assert.deepEqual(sources, [
      { file: "sources/wire.txt", title: "Lighthouse keeper retires after forty years", outlet: "Coast Wire", authors: [], date: "2021-03-30", url: "https://wire.example/keeper" },
      { file: "sources/press/release.txt", title: null, outlet: "Fenby Trust", authors: [], date: "2021-04-01", url: null },
    ]);
  });

  it("names the source under each finding in text output, and in SARIF's related location", () => {
    const dir = workspace({
      "draft.md": `Ivor Pask said: "I have seen every storm this coast can throw."\n`,
      "sources/wire.txt": WIRE,
      "sources/wire.meta.json": JSON.stringify({ outlet: "Coast Wire", date: "2021-03-30", url: "https://wire.example/keeper" }),
    });
    const text = run(["check", "--no-color", "draft.md"], dir);
    assert.equal(text.code, 1);
    assert.deepEqual(text.stdout.split("\n").slice(1, 2), [`    source: Coast Wire, “Lighthouse keeper retires after forty years,” March 30, 2021 <https://wire.example/keeper>`]);
    const sarif = JSON.parse(run(["check", "--format", "sarif", "draft.md"], dir).stdout);
    const related = sarif.runs[0].results[0].relatedLocations[0];
    assert.equal(related.message.text, "Source passage, spoken by Tamsin Hale — Coast Wire, “Lighthouse keeper retires after forty years,” March 30, 2021, https://wire.example/keeper");
    assert.deepEqual(related.properties, { title: "Lighthouse keeper retires after forty years", outlet: "Coast Wire", date: "2021-03-30", url: "https://wire.example/keeper" });
  });

  it("warns about a sidecar it cannot use, and checks on", () => {
    const dir = workspace({ "draft.md": DRAFT, "sources/wire.txt": WIRE, "sources/wire.meta.json": `{"outlet": "Coast Wire", "date": "someday"` });
    const r = run(["check", "--format", "json", "draft.md"], dir);
    assert.match(r.stderr, /wire\.meta\.json: not valid JSON/);
    assert.equal(JSON.parse(r.stdout).files[0].quotes[0].source.outlet, null);
  });

  it("rejects a .verbatim.json sources entry that is neither a path nor an object with one", () => {
    const dir = workspace({ ".verbatim.json": JSON.stringify({ sources: [{ title: "no path" }] }), "draft.md": DRAFT, "sources/wire.txt": WIRE });
    const r = run(["check", "draft.md"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"sources\[0\]" must be a path, or an object with a "path"/);
  });

  it("gives the sample's sources metadata in every format", () => {
    const r = run(["check", "--format", "json", "sample/drafts/harbour-strike.md"], ROOT);
    const byFile = new Map<string, { outlet: string | null; date: string | null }>();
    for (const q of JSON.parse(r.stdout).files[0].quotes) if (q.source) byFile.set(path.basename(q.source.file), q.source);
    assert.deepEqual([...byFile.keys()].sort(), [
      "council-emergency-session.docx",
      "haddad-interview-transcript.txt",
      "harbour-strike-day-one.txt",
      "mayor-briefing.txt",
      "northgate-ports-statement.pdf",
      "quayside-press-conference.vtt",
      "union-statement.md",
    ]);
    for (const [file, s] of byFile) {
      assert.ok(s.outlet, `${file} has an outlet`);
      assert.match(s.date ?? "", /^2025-03-1[12]$/, `${file} has a date`);
    }
  });
});
