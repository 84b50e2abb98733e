/**
 * The index worker's entry point (bundled as dist/indexWorker.js): decodes source files, builds
 * and updates each folder's index, and answers checks, so none of that runs on the extension
 * host's thread. Messages are handled in arrival order; a long step (indexing a large folder)
 * holds up later requests of this thread only.
 */
import { parentPort, threadId } from "node:worker_threads";
import { FolderState } from "./folderState";
import type { FromWorker, Request, WorkerEvent } from "./protocol";

const port = parentPort;
if (!port) throw new Error("indexWorker.js runs as a worker thread");

const folders = new Map<string, FolderState>();
let delayMs = 0;

const emit = (e: WorkerEvent) => port.postMessage(e satisfies FromWorker);

function folderOf(key: string): FolderState {
  let f = folders.get(key);
  if (!f) folders.set(key, (f = new FolderState(key, emit, threadId)));
  return f;
}

async function handle(m: Request): Promise<unknown> {
  switch (m.type) {
    case "build":
      return folderOf(m.folder).begin(m);
    case "file":
      return folderOf(m.folder).file(m, delayMs);
    case "check":
      return folderOf(m.folder).check(m);
    case "forget":
      return folders.get(m.folder)?.forget(m.path);
    case "speakers":
      return folderOf(m.folder).speakers();
    case "complete":
      return folderOf(m.folder).complete(m.typed);
    case "text":
      return folders.get(m.folder)?.text(m.path);
    case "close":
      folders.get(m.folder)?.close();
      folders.delete(m.folder);
      return undefined;
    case "delay":
      delayMs = m.ms;
      return undefined;
  }
}

port.on("message", (m: Request) => {
  handle(m).then(
    (value) => port.postMessage({ type: "answer", id: m.id, value } satisfies FromWorker),
    (e) => port.postMessage({ type: "answer", id: m.id, error: String((e as Error)?.stack ?? e) } satisfies FromWorker),
  );
});
