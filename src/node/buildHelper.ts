/**
 * A worker thread (buildWorker.ts) that takes part in a first index build (`BuildHelper`): the
 * service's thread hands it a task over shared memory, does its own share, then waits for the
 * thread's — or does the task itself when the thread has not started it by then (still starting
 * up, or busy: a task is taken by whichever thread claims it first, never by both).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { type BuildAnswer, type BuildHelper, type BuildTask, runBuildTask } from "../core/corpus/ngramIndex";

/** A task's state in the shared word of its slot. */
export const TASK = { posted: 1, running: 2, done: 3, failed: 4, taken: 5 } as const;
export const SLOTS = 4;

export interface BuildJob {
  slot: number;
  task: BuildTask;
}

const SCRIPT = path.join(__dirname, "buildWorker.js");

export class ThreadBuildHelper implements BuildHelper {
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  private readonly port: MessagePort;
  private next = 0;
  /** Tasks done by the thread, and here (not started by the thread in time, or failed there). */
  readonly tasks = { thread: 0, here: 0 };

  private constructor(private readonly worker: Worker) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    worker.postMessage({ port: port2, state: this.state }, [port2]);
    worker.unref();
    worker.on("error", () => {});
  }

  /** A helper thread, started now (it loads while the sources are read), or undefined without the worker script or shared memory. */
  static start(): ThreadBuildHelper | undefined {
    if (typeof SharedArrayBuffer !== "function" || !fs.existsSync(SCRIPT)) return undefined;
    return new ThreadBuildHelper(new Worker(SCRIPT));
  }

  begin(task: BuildTask): () => BuildAnswer {
    const slot = this.next++ % SLOTS;
    const { state } = this;
    Atomics.store(state, slot, TASK.posted);
    this.port.postMessage({ slot, task } satisfies BuildJob);
    const here = () => (this.tasks.here++, runBuildTask(task));
    return () => {
      // Not started by the thread: done here.
      if (Atomics.compareExchange(state, slot, TASK.posted, TASK.taken) === TASK.posted) return here();
      while (Atomics.load(state, slot) === TASK.running) Atomics.wait(state, slot, TASK.running, 1000);
      // The thread failed before writing anything (see buildWorker.ts): done here.
      if (Atomics.load(state, slot) !== TASK.done) return here();
      this.tasks.thread++;
      if (task.kind === "scatter" || task.kind === "group") return undefined;
      for (;;) {
        const answer = receiveMessageOnPort(this.port)?.message as { slot: number; answer: BuildAnswer } | undefined;
        if (!answer) return here();
        if (answer.slot === slot) return answer.answer;
      }
    };
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
