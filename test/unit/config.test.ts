import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkSettings, configMessage, parseProjectConfig } from "../../src/core/config/config";
import { LspClient } from "./lspClient";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const problems = (text: string) => parseProjectConfig(text).problems;

describe(".verbatim.json and settings against the shipped schemas", function () {
  this.timeout(120000);

  it("refuses thresholds that would quietly turn misquotes into something else: 2, 1e999, −1, \"high\", null", () => {
    const expect = (value: string, shown: string) => assert.deepEqual(problems(`{"thresholds": {"misquoteSimilarity": ${value}}}`), [`"thresholds.misquoteSimilarity" must be a number above 0 and at most 1, not ${shown}`]);
    expect("2", "2");
    expect("1e999", "Infinity");
    expect("-1", "-1");
    expect("0", "0");
    expect('"high"', '"high"');
    expect("null", "null");
    assert.deepEqual(problems('{"thresholds": {"misquoteCoverage": 1, "misquoteSimilarity": 0.05}}'), []);
  });

  it("refuses an ignore marker of whitespace (it would ignore every quote), and says which key is unknown", () => {
    assert.deepEqual(problems('{"ignoreMarker": " "}'), ['"ignoreMarker" must be a non-empty string, not " "']);
    assert.deepEqual(problems('{"ignoreMarker": "\\t\\n"}'), ['"ignoreMarker" must be a non-empty string, not "\\t\\n"']);
    assert.deepEqual(parseProjectConfig('{"ignoreMarker": " skip "}').config, { ignoreMarker: "skip" });
    assert.deepEqual(problems('{"sourcse": ["s"], "thresholds": {"similarity": 1}}'), ['unknown key "sourcse"', 'unknown key "thresholds.similarity"']);
    assert.deepEqual(problems('{"severities": {"unsourced": "loud"}, "aliases": {"JD": " "}}'), ['"aliases.JD" must be a name (not empty), not " "', '"severities.unsourced" must be one of error, warning, information, hint, off, not "loud"']);
    assert.deepEqual(problems('{"sources": [{"path": "press", "date": "2021"}]}'), ['"sources[0].date" must be a date written YYYY-MM-DD, not "2021"']);
    assert.deepEqual(problems("[]"), ["must be a JSON object, not []"]);
  });

  it("accepts a UTF-8 byte-order mark, and reads every documented key", () => {
    const bytes = new TextEncoder().encode('\uFEFF{"sources": ["sources", {"path": "press", "outlet": "Fenby Trust"}], "aliases": {"JD": "Jane Doe"}, "ignoredQuotes": ["a quote"], "severities": {"unsourced": "hint"}, "thresholds": {"misquoteSimilarity": 0.7}}');
    assert.deepEqual(parseProjectConfig(bytes), {
      config: { sources: ["sources", "press"], sourceEntries: [{ path: "press", metadata: { outlet: "Fenby Trust" } }], aliases: { JD: "Jane Doe" }, ignoredQuotes: ["a quote"], severities: { unsourced: "hint" }, thresholds: { misquoteSimilarity: 0.7 } },
      problems: [],
    });
    assert.deepEqual(parseProjectConfig(new Uint8Array([0x7b, 0xff, 0x7d])).problems, ["not UTF-8 text"]);
    assert.match(problems("{ not json")[0], /^not valid JSON \(/);
  });

  it("checks the editor's settings against package.json's, keeping the valid ones", () => {
    const { values, problems } = checkSettings({ similarity: { misquote: 2 }, severity: { misquoted: "error", unsourced: "loud" }, ignoreMarker: " ", debounceMs: 250, sources: ["notes/*.txt"] });
    assert.deepEqual(values, { "severity.misquoted": "error", debounceMs: 250, sources: ["notes/*.txt"] });
    assert.deepEqual(problems, ['setting "verbatim.severity.unsourced" must be one of error, warning, information, hint, off, not "loud"', 'setting "verbatim.similarity.misquote" must be a number from 0.1 to 1, not 2', 'setting "verbatim.ignoreMarker" must be a non-empty string, not " "']);
  });

  it("never repeats an archive connection string (it may hold a password): the archive's own check says what is wrong", () => {
    assert.deepEqual(checkSettings({ archive: "postgres://editor:hunter2@db.example/news" }).problems, []);
    assert.deepEqual(checkSettings({ archive: 5 }).problems, ['setting "verbatim.archive" must be a PostgreSQL connection string without a password']);
    assert.deepEqual(problems('{"archive": "postgres://editor:hunter2@db.example/news"}'), []);
    assert.deepEqual(parseProjectConfig('{"archive": "postgres://editor:hunter2@db.example/news"}').config, { archive: "postgres://editor:hunter2@db.example/news" });
    assert.deepEqual(problems('{"archive": ["postgres://editor:hunter2@db"]}'), ['"archive" must be a PostgreSQL connection string without a password, e.g. "postgres://reporter@archive.example:5432/news"']);
  });

  it("the committed validation code is what the schemas compile to (no schema is compiled at run time)", () => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build-config-validator.mjs"), "--check"], { cwd: ROOT });
    const generated = fs.readFileSync(path.join(ROOT, "src/core/config/validators.generated.ts"), "utf8");
    assert.doesNotMatch(generated, /require\(|new Ajv/);
  });

  it("a FIFO, a symlink loop, a bad threshold: the CLI stops with the message, the language server shows the same one and checks nothing", async () => {
    assert.ok(fs.existsSync(CLI), "run npm run build first");
    const cases: [string, (file: string) => void, RegExp][] = [
      ["a FIFO", (f) => execFileSync("mkfifo", [f]), /: cannot be read: a FIFO \(named pipe\), not a regular file$/],
      ["a symlink loop", (f) => fs.symlinkSync(path.basename(f), f), /: cannot be read: symlink loop$/],
      ["a threshold of 2", (f) => fs.writeFileSync(f, '{"thresholds": {"misquoteCoverage": 2}}'), /: "thresholds\.misquoteCoverage" must be a number above 0 and at most 1, not 2$/],
    ];
    for (const [what, make, expected] of cases) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-config-"));
      fs.mkdirSync(path.join(dir, "sources"));
      fs.writeFileSync(path.join(dir, "sources", "a.txt"), `"The ferry will run every hour," said Ines Baptiste.\n`);
      fs.writeFileSync(path.join(dir, "draft.md"), `Ines Baptiste said: "The ferry will run every hour."\n`);
      const file = path.join(dir, ".verbatim.json");
      make(file);
      const cli = spawnSync(process.execPath, [CLI, "check", "draft.md"], { cwd: dir, encoding: "utf8", timeout: 20000 });
      assert.equal(cli.status, 2, `${what}: ${cli.stderr}`);
      const message = cli.stderr.replace(/^verbatim: error: /, "").trim();
      assert.equal(message.startsWith(`${file}: `), true, message);
      assert.match(message, expected, what);
      const client = new LspClient(ROOT, { cwd: dir, env: { ...process.env, VERBATIM_CACHE_DIR: path.join(dir, "cache") } });
      try {
        await client.initialize(dir);
        const uri = client.open(path.join(dir, "draft.md"), fs.readFileSync(path.join(dir, "draft.md"), "utf8"));
        await client.waitFor("verbatim/checked", (p: { uri: string }) => p.uri === uri);
        await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(client.messages.map((m) => m.message), [`Verbatim: ${message}`], what);
        assert.deepEqual(client.diagnostics.get(uri) ?? [], [], what);
      } finally {
        await client.stop();
      }
      assert.equal(configMessage(file, [message.slice(file.length + 2)]), message);
    }
  });
});
