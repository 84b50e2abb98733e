import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reportJson } from "../../src/core/report/json";
import { createVerbatim, type IndexStore, type SaveParts } from "../../src/core/service";
import { ThreadBuildHelper } from "../../src/node/buildHelper";
import { NodeWorkspace } from "../../src/node/workspace";

/** Texts with plain, capitalised, non-ASCII, apostrophe and `U.S.` words, repeated across files. */
function texts(): string[] {
  const words = ["harbour", "Council", "ferry", "naïve", "café", "don't", "U.S.", "Øresund", "pier", "night", "shift", "Ilse", "Varga's", "ÉCOLE", "straße", "2026", "no.", "rock'n'roll"];
  return Array.from({ length: 12 }, (_, f) => {
    const out: string[] = [];
    for (let i = 0; i < 300; i++) out.push(words[(i * (f + 3) + f * 7) % words.length] + (i % 11 === 0 ? ` w${f}x${i}` : ""));
    return out.join(" ") + ".";
  });
}

describe("sources read in worker threads", () => {
  it("give the same index, warnings and findings as reading every source in the service's thread", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-threads-"));
    try {
      fs.mkdirSync(path.join(dir, "sources"));
      const all = texts();
      all.forEach((t, f) => fs.writeFileSync(path.join(dir, "sources", `${String(f).padStart(2, "0")}.${f % 4 === 1 ? "md" : "txt"}`), `${t}\n\n"The night shift stays at the ferry pier until spring," said Ilse Varga in file ${f}.\n`));
      fs.writeFileSync(path.join(dir, "sources", "empty.txt"), "");
      fs.writeFileSync(path.join(dir, "sources", "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
      fs.writeFileSync(path.join(dir, "sources", "hearing.txt"), "JANE ROE: The harbour stays open all night.\nJOHN DOE: We never said that.\n");
      const draft = { path: path.join(dir, "story.md"), text: 'Ilse Varga said: "The night shift stays at the ferry pier until spring."\n\nJohn Doe said: "We never said that."\n\nRoe said: "The harbour stays closed all night."\n' };
      const run = async (threads: boolean) => {
        let saved: SaveParts = {};
        const store: IndexStore = { load: () => undefined, save: (parts) => void (saved = { ...saved, ...parts }) };
        const warnings: string[] = [];
        const workspace = new NodeWorkspace({ root: dir, threads, logger: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} } });
        assert.equal(workspace.prepare !== undefined, threads);
        // The index built with a helper thread, however small the build.
        let helper: ThreadBuildHelper | undefined;
        const probe = workspace.buildHelper();
        assert.equal(probe !== undefined, threads);
        probe?.close?.();
        workspace.buildHelper = () => (helper = ThreadBuildHelper.start()) && Object.assign(Object.create(helper), { minTrigrams: 0 });
        const service = createVerbatim({ workspace, store, settings: { sources: ["sources"] }, logger: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} } });
        const stats = await service.refresh();
        const report = (await service.check(draft)).report;
        service.dispose();
        return { stats, saved, warnings, json: JSON.stringify(reportJson([report])), helped: helper && helper.tasks.thread + helper.tasks.here };
      };
      const [here, threaded] = [await run(false), await run(true)];
      assert.deepEqual([threaded.stats?.files, threaded.stats?.tokenized, threaded.stats?.skipped.map((s) => s.path)], [13, 13, ["sources/binary.txt", "sources/empty.txt"]]);
      assert.deepEqual([here.helped, threaded.helped], [undefined, 4]);
      assert.deepEqual(threaded.warnings.sort(), here.warnings.sort());
      assert.equal(threaded.json, here.json);
      assert.ok(threaded.json.includes('"misquote"') || threaded.json.includes('"exact"'));
      const bytes = (p: SaveParts) => [Buffer.from(p.index!.head), ...p.index!.pages.map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength))];
      assert.deepEqual(bytes(threaded.saved).map((b) => b.toString("base64")), bytes(here.saved).map((b) => b.toString("base64")));
      assert.deepEqual(threaded.saved.sources, here.saved.sources);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
