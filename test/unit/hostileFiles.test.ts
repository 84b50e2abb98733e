import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_LIMITS, type FileIo, listSources, loadSources, nodeIo, readStable } from "../../src/node/files";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-hostile-"));
}

/** Lists and loads a folder, collecting the warnings. */
async function load(dir: string, limits = DEFAULT_LIMITS) {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const sources = await loadSources(listSources([dir], limits, warn), limits, warn);
  return { sources, warnings, paths: sources.map((s) => path.basename(s.path)) };
}

const GOOD = `"The wall will be rebuilt," said Ana Ruiz.\n`;

describe("hostile and broken source files", () => {
  it("skips binary and empty files with one warning each, and reads the rest", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "good.txt"), GOOD);
    fs.writeFileSync(path.join(dir, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    const r = await load(dir);
    assert.deepEqual(r.paths, ["good.txt"]);
    assert.equal(r.warnings.length, 2);
    assert.match(r.warnings.find((w) => w.includes("photo.jpg")) ?? "", /binary/);
    assert.match(r.warnings.find((w) => w.includes("empty.txt")) ?? "", /empty file/);
  });

  it("reads UTF-16 files with a BOM (both byte orders) silently, and invalid UTF-8 with a warning", async () => {
    const dir = tempDir();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    fs.writeFileSync(path.join(dir, "le.txt"), le);
    fs.writeFileSync(path.join(dir, "be.txt"), be);
    fs.writeFileSync(path.join(dir, "bad-utf8.txt"), Buffer.concat([Buffer.from("Café said "), Buffer.from([0xc3, 0x28]), Buffer.from(" no.")]));
    const r = await load(dir);
    assert.deepEqual(r.paths.sort(), ["bad-utf8.txt", "be.txt", "le.txt"]);
    assert.equal(r.sources.find((s) => s.path.endsWith("be.txt"))?.text, GOOD);
    assert.equal(r.sources.find((s) => s.path.endsWith("le.txt"))?.text, GOOD);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /bad-utf8\.txt: invalid UTF-8/);
  });

  it("skips a 200 MB file without reading it", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "good.txt"), GOOD);
    const big = path.join(dir, "huge.txt");
    fs.closeSync(fs.openSync(big, "w"));
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no disk space, no time
    const t0 = Date.now();
    const r = await load(dir);
    assert.ok(Date.now() - t0 < 2000);
    assert.deepEqual(r.paths, ["good.txt"]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /huge\.txt: 200\.0 MB is over the 50 MB limit/);
  });

  it("applies a smaller size limit exactly", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "ten.txt"), "0123456789");
    fs.writeFileSync(path.join(dir, "eleven.txt"), "0123456789a");
    const r = await load(dir, { maxFileBytes: 10, maxFiles: 100 });
    assert.deepEqual(r.paths, ["ten.txt"]);
    assert.match(r.warnings[0], /eleven\.txt: .* over the/);
  });

  it("warns about a file that disappears between listing and reading", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "a.txt"), GOOD);
    fs.writeFileSync(path.join(dir, "gone.txt"), GOOD);
    const warnings: string[] = [];
    const files = listSources([dir], DEFAULT_LIMITS, (m) => warnings.push(m));
    fs.unlinkSync(path.join(dir, "gone.txt"));
    const sources = await loadSources(files, DEFAULT_LIMITS, (m) => warnings.push(m));
    assert.equal(sources.length, 1);
    assert.deepEqual(warnings.length, 1);
    assert.match(warnings[0], /gone\.txt: no such file/);
  });

  it("retries a file that changes while it is read, then gives up on one that keeps changing", () => {
    let size = 5;
    let stats = 0;
    const growing: FileIo = {
      open: () => 3,
      // Every second stat (the one after reading) sees the file grown.
      stat: () => ({ size: stats++ % 2 === 1 ? ++size : size, mtimeMs: stats, isFile: () => true }),
      read: (_fd, buffer, offset, length) => {
        const n = Math.min(length, size - offset);
        buffer.fill(0x61, offset, offset + Math.max(0, n));
        return Math.max(0, n);
      },
      close: () => {},
    };
    assert.deepEqual(readStable("x", 1000, growing), { problem: "the file kept changing while it was read" });
    let calls = 0;
    const settles: FileIo = { ...growing, stat: () => ({ size: 5, mtimeMs: calls++ < 2 ? calls : 99, isFile: () => true }) };
    size = 5;
    const ok = readStable("x", 1000, settles);
    assert.ok("bytes" in ok && ok.bytes.length === 5);
  });

  it("survives symlink loops: a file link cycle is skipped, a folder cycle is walked once", async function () {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "good.txt"), GOOD);
    fs.symlinkSync("b.txt", path.join(dir, "a.txt"));
    fs.symlinkSync("a.txt", path.join(dir, "b.txt"));
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "sub", "inner.txt"), GOOD);
    fs.symlinkSync("..", path.join(dir, "sub", "up"));
    const r = await load(dir);
    assert.deepEqual(r.paths.sort(), ["good.txt", "inner.txt"]);
    assert.equal(r.warnings.length, 2);
    for (const w of r.warnings) assert.match(w, /[ab]\.txt: symlink loop/);
  });

  it("skips a FIFO instead of blocking on it", async function () {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "good.txt"), GOOD);
    if (spawnSync("mkfifo", [path.join(dir, "pipe.txt")]).status !== 0) this.skip();
    const r = await load(dir);
    assert.deepEqual(r.paths, ["good.txt"]);
    assert.match(r.warnings[0], /pipe\.txt: a FIFO \(named pipe\), not a regular file/);
    assert.ok("problem" in readStable(path.join(dir, "pipe.txt"), 1000, nodeIo));
  });

  it("reads thousands of tiny files quickly, and stops at --max-files with one warning", async function () {
    this.timeout(60000);
    const dir = tempDir();
    for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(dir, `note-${String(i).padStart(4, "0")}.txt`), `Note ${i}: "Item ${i} is done," said Ana Ruiz.\n`);
    const t0 = Date.now();
    const all = await load(dir);
    const ms = Date.now() - t0;
    assert.equal(all.sources.length, 3000);
    assert.deepEqual(all.warnings, []);
    assert.ok(ms < 10000, `${ms} ms`);
    const capped = await load(dir, { ...DEFAULT_LIMITS, maxFiles: 1000 });
    assert.equal(capped.sources.length, 1000);
    assert.deepEqual(capped.warnings, ["more than 1000 source files: the rest are skipped (see --max-files)"]);
  });
});
