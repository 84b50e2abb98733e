import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");

/** A source over the small-file size, so that its saved stamp (not its content) recognises it. */
const FILLER = Array.from({ length: 600 }, (_, i) => `Line ${i} of the harbour board's minutes notes a routine item.`).join("\n");
const source = (night: string) => `"Our members will not work a ${night} night without pay," union leader Oona Brack said.\n\n${FILLER}\n`;

describe("verbatim check with a saved index", function () {
  this.timeout(60000);
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  it("sees a same-size edit whose modification time was put back (touch -d), and a damaged index is rebuilt with one warning", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-store-"));
    fs.mkdirSync(path.join(dir, "sources"));
    const src = path.join(dir, "sources", "union.txt");
    fs.writeFileSync(src, source("fourth"));
    fs.writeFileSync(path.join(dir, "draft.md"), `"Our members will not work a fourth night without pay," said Oona Brack.\n`);
    const cache = path.join(dir, "cache");
    const run = () => spawnSync(process.execPath, [CLI, "check", "--format", "json", "draft.md"], { cwd: dir, env: { ...process.env, VERBATIM_CACHE: "on", VERBATIM_CACHE_DIR: cache }, encoding: "utf8" });
    const verdict = (r: ReturnType<typeof run>) => JSON.parse(r.stdout).files[0].quotes[0].verdict;
    assert.equal(verdict(run()), "verified");
    const { atime, mtime } = fs.statSync(src);
    fs.writeFileSync(src, source("eighth"));
    fs.utimesSync(src, atime, mtime);
    const edited = run();
    assert.equal(verdict(edited), "misquoted", edited.stderr);
    assert.equal(edited.stderr, "");
    // One flipped bit in the saved index.
    const [folder] = fs.readdirSync(cache);
    const index = path.join(cache, folder, "index.vbst");
    const bytes = fs.readFileSync(index);
    bytes[bytes.length >> 1] ^= 4;
    fs.writeFileSync(index, bytes);
    const damaged = run();
    assert.equal(verdict(damaged), "misquoted");
    assert.match(damaged.stderr, /^verbatim: warning: the saved source index could not be used and is rebuilt: .*index\.vbst: checksum mismatch \(the file is damaged\)\n$/);
    assert.equal(run().stderr, "");
  });
});
