import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const FIXTURES = path.join(ROOT, "test", "fixtures", "formats");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("verbatim check with hostile sources", function () {
  this.timeout(60000);
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  it("warns once per unusable file on stderr and checks against the rest of every format", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-hostile-"));
    const src = path.join(dir, "sources");
    fs.mkdirSync(src);
    for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(src, f));
    fs.writeFileSync(path.join(src, "empty.txt"), "");
    fs.writeFileSync(path.join(src, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(src, "latin.txt"), Buffer.from([0x93, 0x4f, 0x6b, 0x94, 0x2e])); // “Ok”. in Windows-1252
    fs.writeFileSync(path.join(src, "broken.pdf"), "%PDF-1.7\nnot really");
    fs.writeFileSync(path.join(src, "big.txt"), "x".repeat(2 * 1048576));
    fs.symlinkSync("loop.txt", path.join(src, "loop.txt"));
    fs.writeFileSync(path.join(dir, "draft.md"), `Priya Natarajan said: "We will not raise the water rates this year."\n\n"The reserves pay for it," said Tom Reyes.\n`);
    const r = run(["check", "--no-color", "--max-file-mb", "1", "--sources", "sources", "draft.md"], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trim().split("\n");
    const expected = [/empty\.txt: empty file/, /image\.png: binary/, /latin\.txt: not valid UTF-8; read as Windows-1252/, /broken\.pdf: not a readable PDF/, /big\.txt: 2\.0 MB is over the 1 MB limit/, /loop\.txt: symlink loop/];
    assert.equal(lines.length, expected.length, r.stderr);
    for (const re of expected) assert.ok(lines.some((l) => re.test(l) && l.startsWith("verbatim: warning: ")), `no warning like ${re}:\n${r.stderr}`);
    assert.match(r.stdout, /2 quotes checked: 1 verified, 1 misattributed/);
  });

  it("applies --max-files and refuses nonsense limits", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-limits-"));
    fs.mkdirSync(path.join(dir, "sources"));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, "sources", `n${i}.txt`), `"Item ${i} is done," said Ana Ruiz.\n`);
    fs.writeFileSync(path.join(dir, "draft.md"), `Ana Ruiz said: "Item 4 is done."\n`);
    const capped = run(["check", "--max-files", "3", "draft.md"], dir);
    assert.match(capped.stderr, /more than 3 source files/);
    assert.match(capped.stdout, /0 verified/); // n4.txt was not read
    assert.equal(run(["check", "--max-files", "0", "draft.md"], dir).code, 2);
    assert.match(run(["check", "--max-file-mb", "lots", "draft.md"], dir).stderr, /--max-file-mb needs a positive number/);
  });
});
