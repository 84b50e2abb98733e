/**
 * A worker thread that reads and prepares source files for the index (`prepareSource`: format,
 * hash), so that a first build reads and decodes on other cores while the service's thread
 * tokenizes what has arrived — and tokenizes the files the service asks it to, into a vocabulary
 * of its own that the service maps into the build's (`core/corpus/wordMerger.ts`).
 */
import { parentPort, threadId } from "node:worker_threads";
import { LocalTokenizer } from "../core/corpus/wordMerger";
import { prepareSource } from "../core/sources/prepare";
import { readStable } from "./files";
import type { PrepareAnswer, PrepareJob } from "./prepareWorkers";

// Jobs come in groups (one message each, see `PrepareWorkers.prepare`), done one at a time in
// order, each answer posted as soon as it is ready.
const queue: PrepareJob[] = [];
const tokenizer = new LocalTokenizer(`${threadId}`);
let busy = false;
parentPort!.on("message", (jobs: PrepareJob[]) => {
  queue.push(...jobs);
  if (!busy) void work();
});

async function work(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    let a: PrepareAnswer;
    try {
      a = await answer(job);
    } catch (e) {
      a = { id: job.id, prepared: { problem: `could not be read (${(e as Error)?.message ?? e})` } };
    }
    const words = "source" in a.prepared ? a.prepared.words : undefined;
    // The word ids move to the service's thread (not copied).
    parentPort!.postMessage(a, words ? [words.ids.buffer as ArrayBuffer] : []);
  }
  busy = false;
}

async function answer(job: PrepareJob): Promise<PrepareAnswer> {
  const read = readStable(typeof job.file === "string" ? job.file : Buffer.from(job.file), job.maxBytes);
  if ("problem" in read) return { id: job.id, prepared: read };
  const prepared = await prepareSource(job.name, read.bytes);
  if (job.tokenize !== undefined && "source" in prepared) prepared.words = tokenizer.tokenize(job.tokenize, prepared.source.text);
  return { id: job.id, prepared };
}
