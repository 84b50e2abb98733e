/**
 * The thread of a `ThreadBuildHelper` (buildHelper.ts): claims each task the service's thread
 * posts (unless that thread took it back), does it over the shared arrays, and answers.
 */
import { type MessagePort, parentPort } from "node:worker_threads";
import { runBuildTask } from "../core/corpus/ngramIndex";
import { type BuildJob, TASK } from "./buildHelper";

parentPort!.once("message", ({ port, state }: { port: MessagePort; state: Int32Array }) => {
  port.on("message", ({ slot, task }: BuildJob) => {
    if (Atomics.compareExchange(state, slot, TASK.posted, TASK.running) !== TASK.posted) return;
    let answer;
    try {
      answer = runBuildTask(task);
    } catch {
      // Only allocating can fail, before a task writes anything shared: the service's thread does it.
      Atomics.store(state, slot, TASK.failed);
      Atomics.notify(state, slot);
      return;
    }
    // Only counts and postings answer (moved, not copied); an answer that cannot be posted is
    // computed again by the service's thread (those two tasks write nothing shared).
    try {
      if (answer) port.postMessage({ slot, answer }, answer instanceof Uint32Array ? [] : ([answer.wordCounts.buffer, answer.postingStart.buffer, answer.postings.buffer] as ArrayBuffer[]));
    } catch {}
    Atomics.store(state, slot, TASK.done);
    Atomics.notify(state, slot);
  });
});
