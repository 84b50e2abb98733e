import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reportJson } from "../../src/core/report/json";
import { type BuildStats, createVerbatim, type IndexStore, type Logger, type SaveParts } from "../../src/core/service";
import { Checksum64, checksum64, checksum64Words } from "../../src/core/store/checksum";
import { joinParts, openEntry, sealEntry, StoreEntryError } from "../../src/core/store/container";
import { storeIdentity } from "../../src/core/store/identity";
import { INDEX_ENTRY, memoryFiles, PAGES_PREFIX, SealedStore, SOURCES_ENTRY, SPEAKERS_ENTRY } from "../../src/core/store/sealedStore";
import { FileStore, folderFiles, removeOrphans } from "../../src/node/store";
import { MemoryWorkspace } from "./memoryWorkspace";

/** Sources over the small-file size (so the saved stamps are what recognise them), with quotes of every verdict kind against DRAFT. */
function workspace(): MemoryWorkspace {
  const filler = (k: number) => Array.from({ length: 400 }, (_, i) => `Paragraph ${k}.${i} of the council minutes records the vote on item ${i * 7 + k}.`).join("\n\n");
  const w = new MemoryWorkspace();
  w.set("harbour.txt", `"We will reopen the pier in June," said Mara Quist, the harbour master.\n\n${filler(1)}\n\n"The dredging starts after the regatta," Quist added.`);
  w.set("council.txt", `${filler(2)}\n\nCouncillor Idris Vale said: "Nobody on this council voted to sell the marina."`);
  w.set("union.txt", `"Our members will not work a fourth night without pay," union leader Oona Brack said.\n\n${filler(3)}`);
  return w;
}

const DRAFT = [
  `"We will reopen the pier in June," said Mara Quist.`,
  `"Nobody on this council voted to sell the marina," said Oona Brack.`,
  `"Our members will not work a fifth night without pay," Brack said.`,
  `"The ferry will be free for pensioners," said Idris Vale.`,
  `"The dredging starts after the regatta," Quist said.`,
].join("\n\n");

/** One run as a host makes it: a service over the workspace and store, a refresh, a check, a save. Returns the JSON report, warnings and stats. */
async function run(w: MemoryWorkspace, store: IndexStore | ((warn: (m: string) => void) => IndexStore) | undefined) {
  const warnings: string[] = [];
  const logger: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  if (typeof store === "function") store = store(logger.warn);
  const service = createVerbatim({ workspace: w, store, logger, settings: { sources: ["."] } });
  const stats = await service.refresh();
  const { report } = await service.check({ path: "draft.md", text: DRAFT });
  service.dispose();
  const json = JSON.stringify(reportJson([report]).files[0].quotes.map((q) => [q.verdict, q.speaker, q.findings.map((f) => f.message), q.source && [q.source.file, q.source.start, q.source.end, q.source.similarity]]));
  return { json, warnings, stats: stats! };
}

describe("the index store", () => {
  it("the page sums (checksum64Words) are the halves of checksum64, for pages of any content", () => {
    let seed = 12345;
    const out = new Uint32Array(2);
    for (const words of [0, 1, 2, 7, 1024]) {
      for (let round = 0; round < 20; round++) {
        const bytes = new Uint8Array(4 * words).map(() => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 16) & 255);
        const d = checksum64(bytes);
        checksum64Words(new Uint32Array(bytes.buffer), out, 0);
        assert.deepEqual([out[0], out[1]], [parseInt(d.slice(0, 8), 16), parseInt(d.slice(8), 16)], `${words} words`);
      }
    }
  });

  it("the checksum notices every single flipped bit, and a word swap; parts sum as the whole", () => {
    const bytes = new Uint8Array(96).map((_, i) => (i * 37) & 255);
    const base = checksum64(bytes);
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = bytes.slice();
        flipped[i] ^= 1 << bit;
        assert.notEqual(checksum64(flipped), base, `byte ${i} bit ${bit}`);
      }
    }
    const swapped = bytes.slice();
    swapped.set(bytes.subarray(4, 8), 0);
    swapped.set(bytes.subarray(0, 4), 4);
    assert.notEqual(checksum64(swapped), base);
    assert.notEqual(checksum64(bytes.subarray(0, 95)), checksum64(bytes.subarray(0, 94)));
    assert.equal(new Checksum64().update(bytes.subarray(0, 40)).update(bytes.subarray(40, 93)).digest(), checksum64(bytes.subarray(0, 93)));
  });

  it("opens only what this build sealed, of the kind asked for", () => {
    const sealed = joinParts(sealEntry({ kind: "index", identity: "build A", savedAt: 5 }, new TextEncoder().encode("payload")));
    const opened = openEntry(sealed, "index", "build A");
    assert.equal(new TextDecoder().decode(opened.payload), "payload");
    assert.equal(opened.payload.byteOffset % 4, 0);
    assert.equal(opened.header.savedAt, 5);
    assert.throws(() => openEntry(sealed, "index", "build B"), /written by another build/);
    assert.throws(() => openEntry(sealed, "sources", "build A"), /holds index, not sources/);
    assert.throws(() => openEntry(sealed.subarray(0, sealed.length - 1), "index", "build A"), /checksum/);
    assert.throws(() => openEntry(new Uint8Array(10), "index", "build A"), StoreEntryError);
  });

  it("a reload reads no source, re-tokenizes nothing and gives the same report", async () => {
    const w = workspace();
    const files = memoryFiles();
    const first = await run(w, new SealedStore(files, () => {}));
    assert.deepEqual([...files.entries.keys()].sort().map((k) => (k.startsWith(PAGES_PREFIX) ? "pages" : k)), [INDEX_ENTRY, "pages", SOURCES_ENTRY, SPEAKERS_ENTRY]);
    const again = await run(w, new SealedStore(files, () => {}));
    assert.deepEqual([again.stats.read, again.stats.tokenized, again.stats.reusedIndex], [0, 0, true]);
    assert.equal(again.json, first.json);
    assert.deepEqual(again.warnings, []);
  });

  it("a check made while a warm build reads a changed source still counts as a build from the saved index", async () => {
    const w = workspace();
    const files = memoryFiles();
    await run(w, new SealedStore(files, () => {}));
    const union = w.files.get("union.txt")!;
    w.set("union.txt", union.text + "\n\nThe vote is on Tuesday.");
    const service = createVerbatim({ workspace: w, store: new SealedStore(files, () => {}), logger: { info: () => {}, warn: () => {}, error: () => {} }, settings: { sources: ["."] } });
    service.setDelay(100);
    const building = service.refresh();
    // The check comes while the changed file waits to be read: it is answered from a partial index over the saved one.
    await new Promise((r) => setTimeout(r, 20));
    const { partial } = await service.check({ path: "draft.md", text: DRAFT });
    assert.deepEqual(partial, { ready: 2, total: 3 });
    const stats = (await building)!;
    service.dispose();
    assert.deepEqual([stats.loadedSaved, stats.read, stats.tokenized, stats.reused], [true, 1, 1, 2]);
  });

  it("a check made while a warm build reads an unchanged small source leaves nothing to tokenize: the build starts from the saved index, not the partial one", async () => {
    const w = workspace();
    // Under the small-file size: read and compared by content at every start.
    w.set("notice.txt", `"The ferry runs hourly from Monday," the port office said.`);
    const files = memoryFiles();
    await run(w, new SealedStore(files, () => {}));
    const service = createVerbatim({ workspace: w, store: new SealedStore(files, () => {}), logger: { info: () => {}, warn: () => {}, error: () => {} }, settings: { sources: ["."] } });
    service.setDelay(100);
    const building = service.refresh();
    await new Promise((r) => setTimeout(r, 20));
    const { partial } = await service.check({ path: "draft.md", text: DRAFT });
    assert.deepEqual(partial, { ready: 3, total: 4 });
    const stats = (await building)!;
    const { report } = await service.check({ path: "draft.md", text: DRAFT });
    service.dispose();
    assert.deepEqual([stats.loadedSaved, stats.read, stats.tokenized, stats.reused, stats.reusedIndex], [true, 1, 0, 4, true]);
    assert.deepEqual(report.checks.map((c) => c.verdict), ["verified", "misattributed", "misquoted", "unsourced", "verified"]);
  });

  it("100 random bit flips in the saved index, its pages, source records and speakers: each one rebuilt with at most one warning, zero verdict changes", async () => {
    const w = workspace();
    const files = memoryFiles();
    const expected = (await run(w, new SealedStore(files, () => {}))).json;
    for (const v of ["verified", "misattributed", "misquoted", "unsourced"]) assert.ok(expected.includes(`"${v}"`), expected);
    const pristine = new Map([...files.entries].map(([k, v]) => [k, v.slice()]));
    const pages = [...pristine.keys()].find((k) => k.startsWith(PAGES_PREFIX))!;
    let seed = 12345;
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const hit: Record<string, number> = {};
    let pagesWarned = 0;
    for (let trial = 0; trial < 100; trial++) {
      files.entries.clear();
      for (const [k, v] of pristine) files.entries.set(k, v.slice());
      const entry = [INDEX_ENTRY, INDEX_ENTRY, pages, pages, trial % 10 === 4 ? SOURCES_ENTRY : SPEAKERS_ENTRY][trial % 5];
      const bytes = files.entries.get(entry)!;
      // Pages: a flip in page 0 (the file's own) or in one of the index's pages.
      const at = entry === pages && trial % 2 ? random(4096) : random(bytes.length);
      bytes[at] ^= 1 << random(8);
      const kind = entry === pages ? "pages" : entry;
      hit[kind] = (hit[kind] ?? 0) + 1;
      const r = await run(w, (warn) => new SealedStore(files, warn));
      assert.equal(r.json, expected, `a flip at byte ${at} of ${entry} changed a verdict`);
      if (entry === pages) {
        // A page is checked when a check reads it: a flip in a page no look-up reads is never used, and warns of nothing.
        assert.ok(r.warnings.length <= 1, `flip at byte ${at} of the pages: ${r.warnings.join(" | ")}`);
        if (at < 4096) assert.equal(r.warnings.length, 1, "a flip in page 0 is seen on opening");
        pagesWarned += r.warnings.length;
      } else assert.equal(r.warnings.length, 1, `flip at byte ${at} of ${entry}: ${r.warnings.join(" | ")}`);
      if (r.warnings.length) assert.match(r.warnings[0], /^the saved source index could not be used and is rebuilt: (memory:(index|sources|speakers): (checksum mismatch|store format \d+|not a Verbatim store file)|memory:pages-[0-9a-f]{32}: (checksum mismatch at page \d+|not the page file of this index))/);
      if (trial % 10 === 0) {
        const after = await run(w, (warn) => new SealedStore(files, warn));
        assert.deepEqual([after.json, after.warnings, after.stats.read], [expected, [], 0], "the rebuilt store loads silently");
      }
    }
    assert.deepEqual(hit, { index: 40, pages: 40, sources: 10, speakers: 10 });
    assert.ok(pagesWarned >= 20, `only ${pagesWarned} of 40 page flips were seen`);
  });

  it("refuses an index written by another build (same format), with one warning", () => {
    const files = memoryFiles();
    new SealedStore(files, () => {}, { identity: "index 3; tokenizer 0; build older" }).save({ index: { head: new Uint8Array(8), pages: [] }, sources: {} });
    const warnings: string[] = [];
    assert.equal(new SealedStore(files, (m) => warnings.push(m)).load(), undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /written by another build of Verbatim \(index 3; tokenizer 0; build older; this is index \d+; tokenizer [0-9a-f]+; build dev\)/);
    assert.match(storeIdentity(), /^index \d+; tokenizer [0-9a-f]+; build dev$/);
    assert.equal(files.entries.size, 0, "what was refused is removed");
  });

});

describe("a saved index never outlives the bytes it was made from", () => {
  const EDITED = (t: string) => t.replace("a fourth night", "a eighth night");

  it("a source edited (same size) between listing and reading, or after reading, is seen as changed by every later run", async () => {
    for (const when of ["between listing and reading", "after reading"]) {
      const w = workspace();
      const files = memoryFiles();
      const original = w.files.get("union.txt")!;
      const edit = () => w.set("union.txt", EDITED(original.text), "edited-stamp", 0);
      if (when === "after reading") w.afterRead = (p) => p === "union.txt" && (w.afterRead = undefined, edit());
      else {
        const list = w.listSources.bind(w);
        w.listSources = async () => {
          const listed = await list();
          edit();
          return listed;
        };
      }
      await run(w, new SealedStore(files, () => {}));
      const later = new MemoryWorkspace();
      for (const [p, f] of w.files) later.set(p, f.text, f.stamp, f.mtimeMs);
      for (let k = 0; k < 2; k++) assert.match((await run(later, new SealedStore(files, () => {}))).json, /"misquoted","Oona Brack"|\["misattributed","Oona Brack",\["[^\]]*Misquoted/, when);
    }
  });

  it("trusts a saved stamp only for files over 16 KB, from an index under a day old, not modified around the save", async () => {
    const w = workspace();
    const files = memoryFiles();
    const savedAt = Date.now();
    await run(w, new SealedStore(files, () => {}, { now: () => savedAt }));
    const dayOldFiles = memoryFiles();
    await run(w, new SealedStore(dayOldFiles, () => {}, { now: () => savedAt - 25 * 3600_000 }));
    const pristine = new Map([...files.entries].map(([k, v]) => [k, v.slice()]));
    const fresh = () => {
      for (const [k, v] of pristine) files.entries.set(k, v.slice());
      return new SealedStore(files, () => {});
    };
    // Edited to the same size with the stamp kept (a modification time put back, where no change time is known).
    const union = w.files.get("union.txt")!;
    w.set("union.txt", EDITED(union.text), union.stamp, union.mtimeMs);
    // A fresh index's stamps are trusted: nothing is read — until the check meets the changed words, says so, and reads the file.
    const trusting = await run(w, fresh());
    assert.equal(trusting.stats.read, 0);
    assert.deepEqual(trusting.warnings, ["union.txt changed after it was indexed; read again"]);
    assert.match(trusting.json, /Misquoted: union\.txt has/);
    // An index over a day old is checked by content: every file read, the edited one tokenized again, no warning.
    const dayOld = await run(w, new SealedStore(dayOldFiles, () => {}));
    assert.deepEqual([dayOld.stats.read, dayOld.stats.tokenized, dayOld.warnings.length], [3, 1, 0]);
    assert.match(dayOld.json, /Misquoted: union\.txt has/);
    // A file modified within two seconds of the save is read.
    w.set("union.txt", EDITED(union.text), union.stamp, savedAt - 1000);
    const racy = await run(w, fresh());
    assert.deepEqual([racy.stats.read, racy.stats.tokenized, racy.warnings.length], [1, 1, 0]);
    // A small file is always read.
    const small = new MemoryWorkspace();
    small.set("s.txt", `"The pier opens in June," said Mara Quist.`);
    const smallFiles = memoryFiles();
    await run(small, new SealedStore(smallFiles, () => {}));
    small.set("s.txt", `"The pier opens in July," said Mara Quist.`, small.files.get("s.txt")!.stamp);
    const r = await run(small, new SealedStore(smallFiles, () => {}));
    assert.deepEqual([r.stats.read, r.stats.tokenized, r.warnings.length], [1, 1, 0]);
  });

  it("a source that vanishes after indexing is reported, never silently dropped", async () => {
    const w = workspace();
    const service = createVerbatim({ workspace: w, logger: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} }, settings: { sources: ["."] } });
    const warnings: string[] = [];
    await service.refresh();
    w.files.delete("union.txt");
    const { report } = await service.check({ path: "draft.md", text: DRAFT });
    assert.deepEqual(warnings, ["union.txt was removed after it was indexed: quotes found only in it are reported unsourced"]);
    assert.equal(report.checks[2].verdict, "unsourced");
    service.dispose();
  });
});

describe("a save written while the checks run (saveFirst, the CLI)", () => {
  it("starts the save before the waiting check is answered, answers it while the bytes are written, and settles the build after", async () => {
    const events: string[] = [];
    let finish!: () => void;
    let saved: SaveParts | undefined;
    const store: IndexStore = {
      load: () => undefined,
      // (a check's new attributions are saved on their own, synchronously: small)
      save: (parts) => void (parts.index && events.push("index saved synchronously")),
      saveAsync: (parts) => {
        saved = parts;
        events.push("save started");
        return new Promise<void>((resolve) => (finish = () => (events.push("save finished"), resolve())));
      },
    };
    const service = createVerbatim({ workspace: workspace(), store, settings: { sources: ["."] }, saveFirst: true });
    const refreshing = service.refresh().then((stats) => (events.push("refresh settled"), stats));
    const stats = await new Promise<BuildStats>((resolve) => service.onBuilt(resolve));
    events.push("built");
    const { report } = await service.check({ path: "draft.md", text: DRAFT });
    events.push(`checked ${report.checks.length}`);
    const built = service.built().then(() => events.push("built() settled"));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(events, ["save started", "built", "checked 5"]);
    assert.equal(stats.saved, false);
    finish();
    await built;
    assert.equal((await refreshing)?.saved, true);
    assert.deepEqual(events.slice(3).sort(), ["built() settled", "refresh settled", "save finished"]);
    assert.equal(events[3], "save finished");
    assert.ok(saved?.index && saved.sources && Object.keys(saved.sources).length === 3);
    service.dispose();
  });

  it("without saveFirst (an editor's server) the check is answered first, and the index is saved after it, synchronously", async () => {
    const events: string[] = [];
    const store: IndexStore = { load: () => undefined, save: (parts) => void (parts.index && events.push("index saved synchronously")), saveAsync: async () => void events.push("save started") };
    const service = createVerbatim({ workspace: workspace(), store, settings: { sources: ["."] } });
    const refreshing = service.refresh();
    await new Promise<BuildStats>((resolve) => service.onBuilt(resolve));
    await service.check({ path: "draft.md", text: DRAFT });
    events.push("checked");
    await refreshing;
    assert.deepEqual(events, ["checked", "index saved synchronously"]);
    service.dispose();
  });

  it("SealedStore.saveAsync writes the page file before the entry that names it, and loads back as save does", async () => {
    const order: string[] = [];
    const files = memoryFiles();
    const delayed = { ...files, writeAsync: async (name: string, parts: readonly Uint8Array[]) => (await new Promise((r) => setTimeout(r, 5)), order.push(name.startsWith(PAGES_PREFIX) ? "pages" : name), files.write(name, parts)) };
    const head = new Uint8Array(12);
    const parts: SaveParts = { index: { head, pages: [new Uint8Array(4096).fill(7)] }, sources: {}, speakers: { a: "b" } };
    await new SealedStore(delayed, () => {}, { identity: "test" }).saveAsync(parts);
    assert.deepEqual(order, ["pages", INDEX_ENTRY, SOURCES_ENTRY, SPEAKERS_ENTRY]);
    const sync = memoryFiles();
    new SealedStore(sync, () => {}, { identity: "test", random: () => new Uint8Array(16) }).save(parts);
    const loaded = new SealedStore(delayed, () => {}, { identity: "test" }).load()!;
    const page = new Uint8Array(4096);
    loaded.pages.read(page, 0, 1);
    assert.deepEqual([page[0], page[4095], loaded.speakers], [7, 7, { a: "b" }]);
    assert.deepEqual([...files.entries.keys()].filter((k) => k.startsWith(PAGES_PREFIX)).length, 1);
  });
});

describe("the store's files on disk", () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-store-"));

  it("writes atomically and leaves no temporary file when a write fails", () => {
    const dir = tmp();
    const files = folderFiles(dir);
    files.write("index", [new Uint8Array([1, 2]), new Uint8Array([3])]);
    assert.deepEqual([...files.read("index")!], [1, 2, 3]);
    assert.deepEqual(fs.readdirSync(dir), ["index.vbst"]);
    // The rename cannot replace a folder: the write fails, and its temporary file goes.
    fs.mkdirSync(path.join(dir, "sources.vbst"));
    assert.throws(() => files.write("sources", [new Uint8Array(1 << 20)]));
    assert.deepEqual(fs.readdirSync(dir).sort(), ["index.vbst", "sources.vbst"]);
    assert.equal(files.read("missing"), undefined);
  });

  it("writes asynchronously just as atomically: the parts in one gathered write, no temporary file left when it fails", async () => {
    const dir = tmp();
    const files = folderFiles(dir);
    const big = new Uint8Array(3 << 20).map((_, i) => i & 255);
    await files.writeAsync!("pages-00", [new Uint8Array([1, 2]), new Uint8Array(0), big, new Uint8Array([3])]);
    const back = files.read("pages-00")!;
    assert.equal(back.length, 2 + big.length + 1);
    assert.deepEqual([back[0], back[1], back[2 + 12345], back[back.length - 1]], [1, 2, 12345 & 255, 3]);
    fs.mkdirSync(path.join(dir, "sources.vbst"));
    await assert.rejects(files.writeAsync!("sources", [new Uint8Array(1 << 20)]));
    assert.deepEqual(fs.readdirSync(dir).sort(), ["pages-00.vbst", "sources.vbst"]);
  });

  it("removes temporary files of dead writers and unsealed files of earlier versions when opened, and keeps a live writer's", () => {
    const dir = tmp();
    const dead = Number(spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim());
    fs.writeFileSync(path.join(dir, `index.${dead}.0a1b2c3d.tmp`), "half");
    fs.writeFileSync(path.join(dir, `index.bin.${dead}.tmp`), "an earlier version's half");
    fs.writeFileSync(path.join(dir, "index.bin"), "an earlier version's index");
    fs.writeFileSync(path.join(dir, `sources.${process.ppid}.00ff00ff.tmp`), "a live writer's");
    fs.writeFileSync(path.join(dir, "notes.txt"), "not ours");
    new FileStore(dir);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["notes.txt", `sources.${process.ppid}.00ff00ff.tmp`]);
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(dir, `sources.${process.ppid}.00ff00ff.tmp`), old, old);
    assert.equal(removeOrphans(dir), 1);
  });
});
