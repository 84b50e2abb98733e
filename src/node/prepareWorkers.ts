/**
 * Worker threads that read and prepare source files (prepareWorker.ts) for the service's
 * `SourceWorkspace.prepare`: a build of many files reads, decodes and hashes them on the other
 * cores while the service's thread indexes. The threads do not keep the process alive while idle.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { PreparedFile } from "../core/service";
import type { FsPath } from "./sourceWalk";

export interface PrepareJob {
  id: number;
  file: FsPath;
  /** The path reports name it by (the format is chosen by its extension). */
  name: string;
  maxBytes: number;
  /** Tokenize the text too, into the thread's vocabulary of this key (see `SourceWorkspace.prepare`). */
  tokenize?: string;
}

export interface PrepareAnswer {
  id: number;
  prepared: PreparedFile;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (p: PreparedFile) => void; reject: (e: Error) => void }>;
  /** Jobs asked for in this turn of the event loop, posted together at its end (see `prepare`). */
  queued: PrepareJob[];
  failed?: Error;
  idle?: NodeJS.Timeout;
}

/**
 * An idle thread is stopped after this long, its memory freed before the
 * index build that follows the reading needs its own; a new one starts when needed.
 */
const IDLE_MS = 200;

const SCRIPT = path.join(__dirname, "prepareWorker.js");

export class PrepareWorkers {
  private threads: Thread[] = [];
  private next = 0;

  private constructor(private readonly count: number) {}

  private static one?: PrepareWorkers | null;

  /** The process's pool (its threads start when first needed), or undefined without the worker script. */
  static shared(): PrepareWorkers | undefined {
    if (PrepareWorkers.one === undefined) {
      // VERBATIM_READ_THREADS: how many threads read sources (0: none, read in the service's thread).
      const wanted = process.env.VERBATIM_READ_THREADS;
      PrepareWorkers.one = (wanted !== undefined && /^\d+$/.test(wanted) ? PrepareWorkers.create(Number(wanted)) : PrepareWorkers.create()) ?? null;
    }
    return PrepareWorkers.one ?? undefined;
  }

  /**
   * A pool of `count` threads, or undefined when the worker script is not there. Default: one
   * per core but the service's own (which tokenizes what they read), at least one, at most 3 —
   * on 2 cores one reading thread: a second only competes with the tokenizing thread (measured).
   */
  static create(count = Math.min(3, Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1))): PrepareWorkers | undefined {
    if (count < 1 || !fs.existsSync(SCRIPT)) return undefined;
    return new PrepareWorkers(count);
  }

  private start(): Thread {
    const worker = new Worker(SCRIPT);
    const thread: Thread = { worker, pending: new Map(), queued: [] };
    worker.unref();
    worker.on("message", (a: PrepareAnswer) => {
      const job = thread.pending.get(a.id);
      thread.pending.delete(a.id);
      if (thread.pending.size === 0) {
        worker.unref();
        thread.idle = setTimeout(() => {
          thread.failed ??= new Error("stopped while idle");
          void worker.terminate();
        }, IDLE_MS).unref();
      }
      job?.resolve(a.prepared);
    });
    const fail = (e: Error) => {
      thread.failed = e;
      for (const job of thread.pending.values()) job.reject(e);
      thread.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the reading thread stopped (exit ${code})`)));
    return thread;
  }

  /**
   * Reads and prepares a file in a thread. The jobs asked for in one turn of the event loop go
   * to a thread in one message: posting to a busy thread from a busy thread costs about a
   * millisecond a message (measured: 1.9 s of the service's thread for 940 files, one message
   * each), so the service asks for files in groups (see `PREPARE_AHEAD`).
   */
  prepare(file: FsPath, name: string, maxBytes: number, tokenize?: string): Promise<PreparedFile> {
    const live = this.threads.filter((t) => !t.failed);
    while (live.length < this.count) live.push(this.start());
    this.threads = live;
    // The least busy thread (files differ in size; the service takes answers in order).
    let thread = live[0];
    for (const t of live) if (t.pending.size < thread.pending.size) thread = t;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      clearTimeout(thread.idle);
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      if (thread.queued.push({ id, file, name, maxBytes, tokenize }) === 1) {
        queueMicrotask(() => {
          const jobs = thread.queued;
          thread.queued = [];
          if (!thread.failed) thread.worker.postMessage(jobs);
        });
      }
    });
  }

  dispose(): void {
    for (const t of this.threads) {
      clearTimeout(t.idle);
      t.failed ??= new Error("closed");
      void t.worker.terminate();
    }
  }
}
