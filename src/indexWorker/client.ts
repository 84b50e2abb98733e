/**
 * The host's side of the index worker: starts the thread (dist/indexWorker.js), sends requests,
 * and passes the worker's events on. Knows nothing of VS Code, so the benchmark drives the very
 * same client.
 */
import { Worker } from "node:worker_threads";
import type { FromWorker, RequestBody, WorkerEvent } from "./protocol";
import { Rpc, transferable } from "./rpc";

export class IndexWorkerClient {
  private worker?: Worker;
  private rpc?: Rpc;

  constructor(
    private readonly script: string,
    private readonly onEvent: (event: WorkerEvent) => void,
    private readonly onExit: (why: string) => void = () => {},
  ) {}

  private start(): Rpc {
    if (this.rpc) return this.rpc;
    const worker = new Worker(this.script);
    const rpc = new Rpc((m, transfer) => worker.postMessage(m, transfer), this.onEvent);
    worker.on("message", (m: FromWorker) => rpc.receive(m));
    const stopped = (why: string) => {
      rpc.failAll(why);
      if (this.worker === worker) {
        this.worker = undefined;
        this.rpc = undefined;
        this.onExit(why);
      }
    };
    worker.on("error", (e) => stopped(`index worker failed: ${e.message}`));
    worker.on("exit", (code) => stopped(`index worker exited (${code})`));
    this.worker = worker;
    this.rpc = rpc;
    return rpc;
  }

  request<T>(body: RequestBody): Promise<T> {
    return this.start().request<T>(body);
  }

  /** Sends a file's bytes, transferring (not copying) its buffer. */
  sendFile<T>(body: Extract<RequestBody, { type: "file" }>): Promise<T> {
    if (!body.bytes) return this.start().request<T>(body);
    const bytes = transferable(body.bytes);
    return this.start().request<T>({ ...body, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  /** Stops the thread; the next request starts a fresh one (with nothing in memory). */
  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.rpc?.failAll("index worker stopped");
    this.rpc = undefined;
    await worker?.terminate();
  }
}
