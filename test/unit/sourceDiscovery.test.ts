import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { NEVER_CANCELLED } from "../../src/core/service";
import { NodeWorkspace } from "../../src/node/workspace";
import { decodeName } from "../../src/node/sourceWalk";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const SAMPLE = path.join(ROOT, "sample");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, VERBATIM_CACHE: "off" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-discovery-"));

async function listed(root: string, entries: string[], options: Partial<ConstructorParameters<typeof NodeWorkspace>[0]> = {}) {
  const warnings: string[] = [];
  const ws = new NodeWorkspace({ root, logger: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} }, ...options });
  const files = await ws.listSources(entries, NEVER_CANCELLED);
  return { ws, names: files.map((f) => f.path).sort(), warnings };
}

describe("finding the sources on disk", function () {
  this.timeout(120000);

  it("never checks a draft against itself: a link to the workspace in sources/, or --sources through a linked folder", () => {
    assert.ok(fs.existsSync(CLI), "run npm run build first");
    const dir = tmp();
    fs.cpSync(SAMPLE, path.join(dir, "s"), { recursive: true });
    const baseline = run(["check", "--no-color", "s/drafts/harbour-strike.md"], dir);
    assert.match(baseline.stdout, /14 quotes checked: 8 verified, 3 misattributed, 2 misquoted, 1 unsourced/);
    // `cp -r sample s && ln -s .. s/sources/parent`: the link leads out of the source folder.
    fs.symlinkSync("..", path.join(dir, "s", "sources", "parent"));
    const linked = run(["check", "--no-color", "s/drafts/harbour-strike.md"], dir);
    assert.equal(linked.stdout, baseline.stdout);
    assert.equal(linked.code, 1);
    assert.match(linked.stderr, /^verbatim: warning: skipping .*s\/sources\/parent: a link out of the source folder \(to .*\/s\) is not followed\n$/);
    // Asked to follow it, the workspace becomes sources, the draft never does.
    const followed = run(["check", "--no-color", "--follow-links", "s/drafts/harbour-strike.md"], dir);
    assert.equal(followed.stdout, baseline.stdout);
    // The workspace itself through a link, as --sources.
    fs.symlinkSync(path.join(dir, "s"), path.join(dir, "link-to-workspace"));
    const viaLink = run(["check", "--no-color", "--sources", path.join(dir, "link-to-workspace"), "s/drafts/harbour-strike.md"], dir);
    assert.equal(viaLink.stdout, baseline.stdout);
    // A hard link of the draft among the sources is the draft too (the same file).
    fs.unlinkSync(path.join(dir, "s", "sources", "parent"));
    fs.linkSync(path.join(dir, "s", "drafts", "harbour-strike.md"), path.join(dir, "s", "sources", "copy-of-draft.md"));
    assert.equal(run(["check", "--no-color", "s/drafts/harbour-strike.md"], dir).stdout, baseline.stdout);
  });

  it("does not follow links out of a source folder unless asked, and never walks /proc, /sys or /dev", async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "sources", "inner"), { recursive: true });
    fs.writeFileSync(path.join(dir, "sources", "a.txt"), "A source.\n");
    fs.writeFileSync(path.join(dir, "sources", "inner", "b.txt"), "Another.\n");
    fs.mkdirSync(path.join(dir, "elsewhere"));
    fs.writeFileSync(path.join(dir, "elsewhere", "c.txt"), "Outside.\n");
    fs.symlinkSync("inner", path.join(dir, "sources", "same-folder")); // within: walked once
    fs.symlinkSync("../elsewhere", path.join(dir, "sources", "out"));
    fs.symlinkSync("/proc/self", path.join(dir, "sources", "proc"));
    fs.symlinkSync("/", path.join(dir, "sources", "root"));
    const plain = await listed(dir, ["sources"]);
    assert.deepEqual(plain.names, ["sources/a.txt", "sources/inner/b.txt"]);
    assert.equal(plain.warnings.length, 3, plain.warnings.join("\n"));
    for (const link of ["out", "proc", "root"]) assert.ok(plain.warnings.some((w) => w.includes(`sources/${link}: a link out of the source folder`)), link);
    // Asked to follow links: the folder outside is read; /proc still is not.
    fs.unlinkSync(path.join(dir, "sources", "root"));
    const followed = await listed(dir, ["sources"], { followLinks: true });
    assert.deepEqual(followed.names, ["sources/a.txt", "sources/inner/b.txt", "sources/out/c.txt"]);
    assert.equal(followed.warnings.length, 1, followed.warnings.join("\n"));
    assert.match(followed.warnings[0], /sources\/proc: \/proc\/\d+ is on a system pseudo-filesystem \(\/proc\)/);
    // Named as a source itself.
    const proc = await listed(dir, ["/proc/self"]);
    assert.deepEqual(proc.names, []);
    assert.deepEqual(proc.warnings.map((w) => w.replace(/\d+/, "N")), ["skipping /proc/self: /proc/N is on a system pseudo-filesystem (/proc), not a folder of documents"]);
  });

  it("reads a file whose name is not valid UTF-8, and says so truthfully", async function () {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "sources"));
    const raw = Buffer.concat([Buffer.from(path.join(dir, "sources") + "/caf"), Buffer.from([0xe9]), Buffer.from(".txt")]);
    try {
      fs.writeFileSync(raw, '"The caf\u00e9 stays open," said Ana Ruiz.\n');
    } catch {
      this.skip(); // a file system that refuses such names
    }
    const { ws, names, warnings } = await listed(dir, ["sources"]);
    assert.deepEqual(names, ["sources/caf\\xE9.txt"]);
    assert.deepEqual(warnings, [`${path.join(dir, "sources")}/caf\\xE9.txt: the file name is not valid UTF-8 (shown with \\x escapes for its bytes); read all the same`]);
    const read = await ws.read("sources/caf\\xE9.txt");
    assert.ok("bytes" in read, JSON.stringify(read));
    assert.match(new TextDecoder().decode(read.bytes), /stays open/);
    assert.deepEqual(decodeName(Buffer.from([0x61, 0xc3, 0xa9, 0xff, 0xe2, 0x82])), { name: "a\u00e9\\xFF\\xE2\\x82", valid: false });
    assert.deepEqual(decodeName(Buffer.from("naïve ☕ 𝔘")), { name: "naïve ☕ 𝔘", valid: true });
  });

  it("skips a FIFO among the sources with a warning, never blocking", async function () {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "sources"));
    fs.writeFileSync(path.join(dir, "sources", "a.txt"), "A source.\n");
    if (spawnSync("mkfifo", [path.join(dir, "sources", "pipe.txt")]).status !== 0) this.skip();
    const r = await listed(dir, ["sources"]);
    assert.deepEqual(r.names, ["sources/a.txt"]);
    assert.match(r.warnings[0], /sources\/pipe\.txt: a FIFO \(named pipe\), not a regular file$/);
  });
});
