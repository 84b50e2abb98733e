/**
 * An ingest worker thread: prepares documents (read the format, attribute the quotations, cut
 * passages with their keys) for `archive add`, which writes them to PostgreSQL.
 */
import { parentPort } from "node:worker_threads";
import { prepareFile, type PrepareTask } from "./ingest";

parentPort?.on("message", (m: { id: number; task: PrepareTask }) => {
  prepareFile(m.task).then(
    (result) => parentPort!.postMessage({ id: m.id, result }),
    (e: Error) => parentPort!.postMessage({ id: m.id, error: e?.stack ?? String(e) }),
  );
});
