/**
 * The index worker's pure parts, without a thread: request bookkeeping, the plain-data form of
 * a check (it must survive structured clone and give the same hover and fixes), and a folder's
 * builds, updates, partial answers and saved index.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { quoteFixes } from "../../src/core/edits/fixes";
import { toPlainCheck } from "../../src/core/plain/plainCheck";
import { hoverMarkdown } from "../../src/extension/hoverText";
import { FolderState } from "../../src/indexWorker/folderState";
import { buildPercent, type BuildStats, type WorkerEvent } from "../../src/indexWorker/protocol";
import { Rpc, transferable } from "../../src/indexWorker/rpc";
import { checkDraft, quoteWith } from "./helpers";

const filler = (n: number) => Array.from({ length: n }, (_, k) => `word${k % 50}`).join(" ");
const SENTENCE = "We cannot keep paying for boats that cross the bay almost empty";

describe("index worker: messages", () => {
  it("answers each request by its id, rejects on an error, passes events on", async () => {
    const sent: { id: number }[] = [];
    const events: WorkerEvent[] = [];
    const rpc = new Rpc((m) => sent.push(m), (e) => events.push(e));
    const a = rpc.request<number>({ type: "delay", ms: 1 });
    const b = rpc.request<number>({ type: "delay", ms: 2 });
    rpc.receive({ type: "answer", id: sent[1].id, value: 2 });
    rpc.receive({ type: "progress", folder: "f", build: 1, done: 1, total: 2, percent: 45 });
    rpc.receive({ type: "answer", id: sent[0].id, error: "boom" });
    assert.equal(await b, 2);
    await assert.rejects(a, /boom/);
    assert.deepEqual(events.map((e) => e.type), ["progress"]);
    const c = rpc.request({ type: "delay", ms: 3 });
    rpc.failAll("stopped");
    await assert.rejects(c, /stopped/);
    assert.equal(rpc.open, 0);
  });

  it("transfers a file's own buffer, and copies a view into a larger one", () => {
    const own = new Uint8Array([1, 2, 3]);
    assert.equal(transferable(own), own);
    const view = new Uint8Array(16).subarray(4, 8);
    const copy = transferable(view);
    assert.notEqual(copy, view);
    assert.equal(copy.buffer.byteLength, 4);
  });

  it("reports progress mostly by bytes decoded, 100 only when indexed", () => {
    assert.equal(buildPercent(0, 100, false), 0);
    assert.equal(buildPercent(50, 100, false), 45);
    assert.equal(buildPercent(100, 100, false), 90);
    assert.equal(buildPercent(0, 0, true), 100);
  });
});

describe("index worker: a check as plain data", () => {
  const source = `${filler(300)}\n\n"${SENTENCE}," said Rosalind Achterberg in a long paragraph that ${filler(60)}.\n\n${filler(300)}`;
  const draft = `"We cannot keep paying for ferries that cross the bay almost empty," said Rosalind Achterberg.`;
  const check = quoteWith(checkDraft(draft, { "council.txt": source }), "keep paying");

  it("survives structured clone, keeping only the source text around the passage", () => {
    const plain = structuredClone(toPlainCheck(check));
    assert.equal(plain.source?.document.path, "council.txt");
    assert.ok(plain.source!.excerpt.base > 0 && plain.source!.excerpt.text.length < 1000, "an excerpt, not the whole source");
    assert.equal(plain.source!.excerpt.text.slice(plain.source!.start - plain.source!.excerpt.base, plain.source!.end - plain.source!.excerpt.base), plain.source!.text);
    assert.equal(plain.source?.sourceQuote?.speaker?.name, "Rosalind Achterberg");
  });

  it("gives the same hover and the same fixes as the engine's own check", () => {
    const plain = structuredClone(toPlainCheck(check));
    const hover = hoverMarkdown(plain, undefined);
    assert.equal(hover, hoverMarkdown(check, undefined));
    // The passage in its paragraph: starts at the paragraph, cut off (…) after 80 characters.
    assert.match(hover, /\n> \\"\*\*We cannot keep paying for\*\* boats \*\*that cross the bay almost empty\*\*\\,\\" said .*…\n/);
    const options = { markdown: true, ignoreMarker: "verbatim-ignore", citation: { label: "council.txt", place: "line 3" } };
    assert.deepEqual(quoteFixes(draft, plain, options), quoteFixes(draft, check, options));
    assert.ok(quoteFixes(draft, plain, options).some((f) => f.kind === "wording" && f.edits[0].newText.includes("boats")));
  });
});

describe("index worker: a folder", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files: Record<string, string> = {
    "a.txt": `"${SENTENCE}," said Rosalind Achterberg.`,
    "b.txt": `"Islanders who work late shifts will be stranded on the mainland," said Desmond Okonjo.`,
    "c.txt": "The council met on Tuesday. Nobody spoke.",
  };
  const stamps = (texts: Record<string, string>, v = "1") => Object.entries(texts).map(([p, t]) => ({ path: p, stamp: `${t.length}:${v}`, size: t.length }));

  function folder(storage?: { index: string; facts: string }) {
    const events: WorkerEvent[] = [];
    const state = new FolderState("f", (e) => events.push(e), 7);
    let build = 0;
    const built = () => events.filter((e): e is Extract<WorkerEvent, { type: "built" }> => e.type === "built").map((e) => e.stats);
    async function run(texts: Record<string, string>, v = "1", send = true): Promise<BuildStats> {
      const n = ++build;
      const { need } = state.begin({ type: "build", id: 0, folder: "f", build: n, files: stamps(texts, v), options: {}, storage });
      if (send) for (const p of need) await state.file({ type: "file", id: 0, folder: "f", build: n, path: p, stamp: `${texts[p].length}:${v}`, bytes: bytes(texts[p]) }, 0);
      for (let k = 0; k < 10 && !built().some((s) => s.build === n); k++) await new Promise((r) => setImmediate(r));
      return built().find((s) => s.build === n)!;
    }
    return { state, events, run };
  }

  it("indexes every file, then re-tokenizes only the changed one", async () => {
    const { state, run } = folder();
    const first = await run(files);
    assert.deepEqual([first.files, first.tokenized, first.reused, first.threadId], [3, 3, 0, 7]);
    const changed = { ...files, "c.txt": files["c.txt"] + " The end." };
    const second = await run(changed, "2");
    assert.deepEqual([second.files, second.tokenized, second.reused], [3, 1, 2]);
    const answer = await state.check({ type: "check", id: 0, folder: "f", path: "d.md", text: `"${SENTENCE}," said Desmond Okonjo.`, incremental: false, ignoredQuotes: [] });
    assert.equal(answer.partial, undefined);
    assert.deepEqual(answer.checks[0].findings.map((f) => f.kind), ["misattributed"]);
    assert.equal(answer.checks[0].source?.place?.line, 1);
  });

  it("answers a check during a first build from the files ready so far, and says so", async () => {
    const { state, run } = folder();
    void run(files, "1", false);
    await state.file({ type: "file", id: 0, folder: "f", build: 1, path: "a.txt", stamp: `${files["a.txt"].length}:1`, bytes: bytes(files["a.txt"]) }, 0);
    const answer = await state.check({ type: "check", id: 0, folder: "f", path: "d.md", text: `"Islanders who work late shifts will be stranded on the mainland," he said.`, incremental: false, ignoredQuotes: [] });
    assert.deepEqual(answer.partial, { ready: 1, total: 3 });
    assert.equal(answer.checks[0].verdict, "unsourced", "b.txt is not indexed yet");
  });

  it("saves the index and, started afresh, reuses it without tokenizing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-index-"));
    try {
      const storage = { index: path.join(dir, "i", "index.bin"), facts: path.join(dir, "i", "facts.json") };
      const first = await folder(storage).run(files);
      assert.ok(first.saved && fs.existsSync(storage.index));
      const again = await folder(storage).run(files);
      assert.deepEqual([again.loadedSaved, again.tokenized, again.reused, again.reusedIndex], [true, 0, 3, true]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
