/**
 * The CLI and the editor agree: the same workspace checked by `verbatim check --format json` and
 * by the language server (what VS Code, Neovim and every other editor show) gives the same
 * findings at the same places — with sources named by a glob, by an absolute path, at the root
 * above the draft or beside it — and an invalid `.verbatim.json` gets the same message in both.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LspClient } from "./lspClient";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");

const SOURCE = `"The ferry will run every hour from May," transport chief Ines Baptiste said.\n\n"We will not raise fares this year," said Marc Leroy, the operator's director.\n`;
const DRAFT = `# Ferries\n\nMarc Leroy said: "The ferry will run every hour from May."\n\n"We will not raise fares this decade," Leroy said.\n\nBaptiste said: "Nobody has ever said anything like this about the ferries at all."\n`;

interface Finding {
  code: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-agree-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content.replace(/\$DIR/g, dir));
  }
  return dir;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function fromCli(dir: string, draft: string, env: NodeJS.ProcessEnv): { findings: Finding[]; code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, "check", "--format", "json", draft], { cwd: dir, env, encoding: "utf8" });
  if (r.status === 2) return { findings: [], code: r.status, stderr: r.stderr };
  const text = fs.readFileSync(path.join(dir, draft), "utf8");
  const report = JSON.parse(r.stdout) as { files: { quotes: { pieces: { start: number; end: number }[]; findings: { kind: string; message: string; ranges?: { start: number; end: number }[] }[] }[] }[] };
  // A misquote's diagnostics sit on its changed words (the finding's ranges); others on the quote's pieces.
  const findings = report.files[0].quotes.flatMap((q) =>
    q.findings.flatMap((f) =>
      (f.ranges ?? q.pieces).map((p) => {
        const a = positionOf(text, p.start);
        const b = positionOf(text, p.end);
        return { code: f.kind, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character, message: f.message };
      }),
    ),
  );
  return { findings: sort(findings), code: r.status, stderr: r.stderr };
}

async function fromEditor(dir: string, draft: string, env: NodeJS.ProcessEnv): Promise<{ findings: Finding[]; messages: string[] }> {
  const client = new LspClient(ROOT, { cwd: dir, env });
  try {
    await client.initialize(dir);
    const file = path.join(dir, draft);
    const uri = client.open(file, fs.readFileSync(file, "utf8"));
    const done = client.waitFor<{ uri: string; partial?: unknown }>("verbatim/checked", (p) => p.uri === uri && !p.partial);
    await done;
    await new Promise((r) => setTimeout(r, 100));
    const findings = (client.diagnostics.get(uri) ?? []).map((d) => ({ code: String(d.code), line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character, message: d.message }));
    return { findings: sort(findings), messages: client.messages.map((m) => m.message) };
  } finally {
    await client.stop();
  }
}

const sort = (f: Finding[]) => f.sort((a, b) => a.line - b.line || a.character - b.character || a.code.localeCompare(b.code));

describe("the CLI and the editor (the language server) agree", function () {
  this.timeout(120000);
  const made: string[] = [];
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-agree-cache-"));
  const env = { ...process.env, VERBATIM_CACHE_DIR: cache };
  after(() => [...made, cache].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  const cases: [string, Record<string, string>, string][] = [
    ["sources at the root, the draft in drafts/", { "sources/ferry.txt": SOURCE, "drafts/story.md": DRAFT }, "drafts/story.md"],
    ["sources beside the draft", { "desk/sources/ferry.txt": SOURCE, "desk/story.md": DRAFT }, "desk/story.md"],
    ["a glob in .verbatim.json", { ".verbatim.json": '{"sources": ["sources/*.txt"]}', "sources/ferry.txt": SOURCE, "sources/notes.md": '"The ferry will run every hour from May," said Ada Quill.\n', "drafts/story.md": DRAFT }, "drafts/story.md"],
    ["an absolute path in .verbatim.json", { ".verbatim.json": '{"sources": ["$DIR/elsewhere/archive"]}', "elsewhere/archive/ferry.txt": SOURCE, "drafts/story.md": DRAFT }, "drafts/story.md"],
  ];
  for (const [name, files, draft] of cases) {
    it(`same findings at the same places: ${name}`, async () => {
      const dir = workspace(files);
      made.push(dir);
      const cli = fromCli(dir, draft, env);
      assert.equal(cli.code, 1, cli.stderr);
      assert.deepEqual(cli.findings.map((f) => f.code).sort(), ["misattributed", "misquoted", "unsourced"]);
      const editor = await fromEditor(dir, draft, env);
      assert.deepEqual(editor.findings, cli.findings);
    });
  }

  it("an invalid .verbatim.json: the same message in both, and no findings on a guess", async () => {
    const dir = workspace({ ".verbatim.json": '{"thresholds": {"misquoteSimilarity": "high"}}', "sources/ferry.txt": SOURCE, "drafts/story.md": DRAFT });
    made.push(dir);
    const cli = fromCli(dir, "drafts/story.md", env);
    assert.equal(cli.code, 2);
    const message = `${path.join(dir, ".verbatim.json")}: "thresholds.misquoteSimilarity" must be a number above 0 and at most 1, not "high"`;
    assert.equal(cli.stderr.trim(), `verbatim: error: ${message}`);
    const editor = await fromEditor(dir, "drafts/story.md", env);
    assert.deepEqual(editor.findings, []);
    assert.deepEqual(editor.messages, [`Verbatim: ${message}`]);
  });
});
