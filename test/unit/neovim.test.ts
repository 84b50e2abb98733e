/**
 * A second real editor: Neovim (Debian's 0.7, installed by .ci/run) with its built-in LSP client
 * on `verbatim lsp --stdio` opens the sample draft (test/neovim/verbatim.lua). Its diagnostics
 * must be exactly the CLI's findings — same codes, same ranges — and a hover must show the source
 * passage and its real speaker. Skipped (with a note) only where there is no nvim at all.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const hasNvim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;

describe("Neovim's LSP client on verbatim lsp --stdio", function () {
  this.timeout(120000);
  let dir: string;
  let cache: string;

  before(function () {
    if (!hasNvim) {
      if (process.env.CI) throw new Error("nvim is missing: .ci/run installs Debian's neovim");
      console.log("    (no nvim on this machine: apt-get install neovim to run this test)");
      this.skip();
    }
    assert.ok(fs.existsSync(CLI), "run npm run build first");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-nvim-"));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-nvim-cache-"));
    fs.cpSync(path.join(ROOT, "sample"), path.join(dir, "sample"), { recursive: true });
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
  });

  it("shows the CLI's findings as diagnostics (codes and ranges) and the source's speaker in a hover", () => {
    const ws = path.join(dir, "sample");
    const draft = path.join(ws, "drafts", "harbour-strike.md");
    const out = path.join(dir, "nvim.json");
    const env = { ...process.env, VERBATIM_ROOT: ROOT, VERBATIM_WS: ws, VERBATIM_DRAFT: draft, VERBATIM_OUT: out, VERBATIM_CACHE_DIR: cache, XDG_CACHE_HOME: cache, XDG_STATE_HOME: cache, XDG_DATA_HOME: cache };
    const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-c", `luafile ${path.join(ROOT, "test", "neovim", "verbatim.lua")}`], { cwd: ws, env, encoding: "utf8", timeout: 100000 });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${run.status}): ${run.stderr}`);
    const seen = JSON.parse(fs.readFileSync(out, "utf8")) as { error?: string; hover?: string; diagnostics: { code: string; lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }[] };
    assert.equal(seen.error, undefined);

    // The CLI on the same draft: every finding of every quote piece, at the same place.
    const cli = spawnSync(process.execPath, [CLI, "check", "--format", "json", draft], { cwd: ws, env, encoding: "utf8" });
    const report = JSON.parse(cli.stdout) as { files: { quotes: { pieces: { start: number; end: number }[]; findings: { kind: string; message: string; ranges?: { start: number; end: number }[] }[] }[] }[] };
    const text = fs.readFileSync(draft, "utf8");
    const pos = (offset: number) => {
      const before = text.slice(0, offset).split("\n");
      return { line: before.length - 1, col: before[before.length - 1].length };
    };
    // A misquote's diagnostics sit on its changed words; every other finding on the quote's pieces.
    const expected = report.files[0].quotes.flatMap((q) => q.findings.flatMap((f) => (f.ranges ?? q.pieces).map((p) => ({ code: f.kind, from: pos(p.start), to: pos(p.end), message: f.message }))));
    expected.sort((a, b) => a.from.line - b.from.line || a.from.col - b.from.col);
    assert.ok(expected.length >= 6, `the sample has findings (${expected.length})`);
    assert.deepEqual(
      seen.diagnostics.map((d) => ({ code: d.code, from: { line: d.lnum, col: d.col }, to: { line: d.end_lnum, col: d.end_col }, message: d.message })),
      expected,
    );
    // Severities as configured by default: misattributed an error (1), misquoted a warning (2), unsourced information (3).
    assert.deepEqual([...new Set(seen.diagnostics.map((d) => `${d.code}:${d.severity}`))].sort(), ["misattributed:1", "misquoted:2", "unsourced:3"]);

    assert.ok(seen.hover, "a hover came back");
    assert.match(seen.hover!, /^\*\*Verbatim\*\* · ✗ \*\*Misattributed\*\*/);
    assert.match(seen.hover!, /Spoken by \*\*Samir Haddad\*\*/);
    assert.match(seen.hover!, /\[Harbour Press Agency\\, “Dockworkers walk out at Northgate as talks over night shifts collapse\\,” March 11\\, 2025\]\(command:verbatim\.openSource\?/);
  });
});
