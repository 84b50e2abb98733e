import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reportJson } from "../../src/core/report/json";
import { createVerbatim, type IndexStore, type SaveParts } from "../../src/core/service";
import { FileStore, storeFolder } from "../../src/node/store";
import { NodeWorkspace } from "../../src/node/workspace";

/** Kills of a process that is saving, and how many of them at least must land in the middle of writing a file. */
const KILLS = 30;
const MID_WRITE = 10;
const DRAFT = `"Our members will not work a fourth night without pay," said Oona Brack.\n\n"The pier will reopen," said Oona Brack.\n`;
const SAVE_LOOP = path.join(__dirname, "saveLoop.js");

/** About 0.8 MB of sources, so that the index takes a few milliseconds to write. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-kill-"));
  fs.mkdirSync(path.join(dir, "sources"));
  const words = "harbour council vote ferry pier union members night pay board minutes routine item quay dredging regatta marina sale budget report".split(" ");
  let seed = 7;
  const word = () => words[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % words.length];
  for (let k = 0; k < 2; k++) {
    const paragraphs = Array.from({ length: 800 }, () => Array.from({ length: 60 }, word).join(" ") + ".");
    fs.writeFileSync(path.join(dir, "sources", `minutes-${k}.txt`), paragraphs.join("\n\n"));
  }
  fs.writeFileSync(path.join(dir, "sources", "union.txt"), `"Our members will not work a fourth night without pay," union leader Oona Brack said.\n`);
  return dir;
}

/** A run as `verbatim check` makes it (the service over the sources and the store on disk): the JSON report, warnings, and what the store saved. */
async function check(root: string, store?: IndexStore): Promise<{ json: string; warnings: string }> {
  const warnings: string[] = [];
  const logger = { info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
  const service = createVerbatim({ workspace: new NodeWorkspace({ root, logger }), store, logger, settings: { sources: ["sources"] } });
  await service.refresh();
  const { report } = await service.check({ path: "draft.md", text: DRAFT });
  service.dispose();
  return { json: JSON.stringify(reportJson([report]), null, 2), warnings: warnings.join("\n") };
}

describe("killed while saving its index", function () {
  this.timeout(300000);

  it(`${KILLS} kills during a save: no file left behind, and the same reports afterwards`, async () => {
    const root = workspace();
    const dir = storeFolder(root, ["sources"], path.join(root, "cache"));
    const expected = await check(root);
    assert.equal(expected.warnings, "");
    assert.match(expected.json, /"verdict": "verified"/);
    // Two saves to make in turn: of the sources as they are, and of the sources before one file had its last paragraph.
    const saves: string[] = [];
    const union = path.join(root, "sources", "union.txt");
    const text = fs.readFileSync(union, "utf8");
    for (const version of ["before", "now"]) {
      if (version === "before") fs.writeFileSync(union, text + "\nThe vote is on Tuesday.\n");
      else fs.writeFileSync(union, text);
      let saved: SaveParts = {};
      const capture: IndexStore = { load: () => undefined, save: (parts) => void (saved = { ...saved, ...parts }) };
      await check(root, capture);
      saves.push(path.join(root, `${version}.json`));
      fs.writeFileSync(saves[saves.length - 1], JSON.stringify({ ...saved, index: { head: Buffer.from(saved.index!.head).toString("base64"), pages: saved.index!.pages.map((p) => Buffer.from(p).toString("base64")) } }));
    }
    const temporary = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")) : []);
    fs.mkdirSync(dir, { recursive: true });
    let seed = 99;
    let midWrite = 0;
    let runs = 0;
    while (runs < KILLS || (midWrite < MID_WRITE && runs < 5 * KILLS)) {
      runs++;
      // A process saving over and over, killed 0–9 ms later, or (every other run) as soon as it starts writing a file.
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [SAVE_LOOP, dir, ...saves], { stdio: ["ignore", "pipe", "inherit"] });
        const kill = () => child.kill("SIGKILL");
        let watcher: fs.FSWatcher | undefined;
        child.stdout.once("data", () => {
          if (runs % 2) setTimeout(kill, (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 10);
          else watcher = fs.watch(dir, (_event, name) => name?.endsWith(".tmp") && kill());
        });
        child.on("exit", (_code, signal) => {
          watcher?.close();
          if (signal === "SIGKILL") resolve();
          else reject(new Error(`the saving process ended by itself (${signal})`));
        });
      });
      // Killed in the middle of writing a file: its temporary file is there, for the next start to remove.
      if (temporary().length > 0) midWrite++;
      const after = await check(root, new FileStore(dir));
      assert.equal(after.warnings, "", `run ${runs}`);
      assert.equal(after.json, expected.json, `run ${runs}: the report changed`);
      assert.deepEqual(temporary(), [], `run ${runs}: temporary files left`);
    }
    assert.ok(midWrite >= MID_WRITE, `only ${midWrite} of ${runs} kills landed in the middle of a write`);
    console.log(`      kill loop: ${runs} kills while saving (${midWrite} in the middle of writing a file), 0 files left afterwards, ${runs} identical reports`);
  });
});
