/**
 * A worker thread that reads and prepares source files for the index (`prepareSource`: format,
 * hash), so that a first build reads and decodes on other cores while the service's thread
 * tokenizes what has arrived.
 */
import { parentPort } from "node:worker_threads";
import { prepareSource } from "../core/sources/prepare";
import { readStable } from "./files";
import type { PrepareAnswer, PrepareJob } from "./prepareWorkers";

parentPort!.on("message", (job: PrepareJob) => {
  void answer(job).then(
    (a) => parentPort!.postMessage(a),
    (e: Error) => parentPort!.postMessage({ id: job.id, prepared: { problem: `could not be read (${e?.message ?? e})` } } satisfies PrepareAnswer),
  );
});

async function answer(job: PrepareJob): Promise<PrepareAnswer> {
  const read = readStable(typeof job.file === "string" ? job.file : Buffer.from(job.file), job.maxBytes);
  if ("problem" in read) return { id: job.id, prepared: read };
  return { id: job.id, prepared: await prepareSource(job.name, read.bytes) };
}
