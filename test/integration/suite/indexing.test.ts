/**
 * The source index off the extension host's thread: built in a worker with progress, saved and
 * reused after a restart, updated file by file, and usable (saying so) while it builds.
 */
import * as assert from "node:assert";
import * as vscode from "vscode";
import { activate, hoverText, rangeOf, verbatimApi, waitFor, workspaceUri, writeFile } from "./helpers";

const folder = () => vscode.workspace.workspaceFolders![0];

/** A draft quoting a source, opened and checked. */
async function openQuotingDraft(name: string): Promise<vscode.TextDocument> {
  const uri = await writeFile(`drafts/${name}`, '# Ferry\n\n"Islanders who work late shifts will be stranded on the mainland," said Desmond Okonjo.\n');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

suite("Indexing in a worker", () => {
  suiteSetup(activate);

  teardown(async () => {
    const api = await verbatimApi();
    await api.setIndexDelay(0);
  });

  test("the sources are indexed in a worker thread, not on the extension host's, with progress", async () => {
    const api = await verbatimApi();
    await api.restartIndexing();
    await openQuotingDraft("worker.md");
    const state = await api.indexBuilt(folder());
    assert.ok(state?.stats, "the index was built");
    const threads = api.threads();
    assert.notStrictEqual(threads.worker, undefined);
    assert.notStrictEqual(threads.worker, threads.main, "the index lives in another thread");
    assert.strictEqual(state.stats.threadId, threads.worker);
    assert.ok(state.progress.length > 0 && state.progress[state.progress.length - 1] === 100, `progress reported: ${state.progress.join(", ")}`);
    assert.ok(state.stats.files >= 3, `${state.stats.files} files indexed`);
  });

  test("after a restart the saved index is reused: no unchanged source is tokenized again", async () => {
    const api = await verbatimApi();
    await api.indexBuilt(folder()); // saved when built
    // A first restart settles any source an earlier suite wrote back after the last save (on a busy
    // machine that save can still be behind); the second must then read every source from the save.
    await api.restartIndexing();
    await api.indexBuilt(folder());
    await api.restartIndexing();
    await openQuotingDraft("restart.md");
    await vscode.commands.executeCommand("verbatim.checkDocument");
    const { stats } = (await api.indexBuilt(folder()))!;
    assert.ok(stats?.loadedSaved, "the saved index was loaded");
    assert.strictEqual(stats.tokenized, 0);
    assert.strictEqual(stats.reused, stats.files);
  });

  test("a changed source is the only file tokenized again", async () => {
    const api = await verbatimApi();
    const before = (await api.indexBuilt(folder()))!.stats!;
    const blog = workspaceUri("sources/harbour-blog.md");
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(blog));
    await writeFile("sources/harbour-blog.md", original + "\nThe ferry timetable is posted at the quay.\n");
    try {
      const stats = await waitFor("the update", () => {
        const s = api.indexState(folder());
        return !s?.building && s?.stats && s.stats.build > before.build && s.stats;
      });
      assert.strictEqual(stats.tokenized, 1, "only the changed file");
      assert.strictEqual(stats.reused, stats.files - 1);
      assert.strictEqual(stats.files, before.files);
    } finally {
      await writeFile("sources/harbour-blog.md", original);
      await waitFor("the restored source", () => {
        const s = api.indexState(folder());
        return !s?.building && s?.stats?.tokenized === 1 && s.stats.build > before.build + 1;
      });
    }
  });

  test("a check while the index builds uses what is ready and says so, and is made again when the build ends", async () => {
    const api = await verbatimApi();
    // A first build (no saved index: a restart with one reads no source at all, so there is nothing to wait for).
    await api.restartIndexing({ fresh: true });
    // Slow enough that the hover below still comes before the build ends on a busy machine.
    await api.setIndexDelay(2500);
    const document = await openQuotingDraft("partial.md");
    const state = await waitFor("some sources decoded", () => {
      const s = api.indexState(folder());
      return s?.building && s.progress.some((p) => p > 0) && s;
    });
    assert.match(api.indexStatusText(), /indexing \d+%/);
    assert.ok(state.building);
    await vscode.commands.executeCommand("verbatim.checkDocument");
    const partial = await waitFor("a partial result", () => api.result(document.uri)?.partial);
    assert.ok(partial.ready >= 1 && partial.ready < partial.total, `${partial.ready} of ${partial.total}`);
    const hover = (await hoverText(document.uri, rangeOf(document, "late shifts").start)).replace(/\\/g, "");
    assert.match(hover, new RegExp(`Index still building: checked against ${partial.ready} of ${partial.total} sources`));
    await api.indexBuilt(folder());
    await waitFor("the re-check against the whole index", () => {
      const r = api.result(document.uri);
      return r && !r.partial && r.build > 0;
    });
    assert.strictEqual(api.indexStatusText(), "");
  });
});
