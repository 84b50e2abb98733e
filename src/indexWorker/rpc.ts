/**
 * Request/answer bookkeeping over a message port: each request gets an id, its promise settles
 * when the answer with that id arrives; events go to a listener. Pure (the port is injected) so
 * it is unit-tested without a thread.
 */
import type { FromWorker, Request, RequestBody, WorkerEvent } from "./protocol";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class Rpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly post: (message: Request, transfer: ArrayBuffer[]) => void,
    private readonly onEvent: (event: WorkerEvent) => void,
  ) {}

  request<T>(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.post({ ...body, id } as Request, transfer);
      } catch (e) {
        this.pending.delete(id);
        reject(e as Error);
      }
    });
  }

  /** Hands a message from the worker to its request or to the event listener. */
  receive(message: FromWorker): void {
    if (message.type !== "answer") {
      this.onEvent(message);
      return;
    }
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    if (message.error !== undefined) p.reject(new Error(message.error));
    else p.resolve(message.value);
  }

  /** Fails every open request (the worker stopped). */
  failAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }

  get open(): number {
    return this.pending.size;
  }
}

/**
 * The bytes of a file read by the host, ready to transfer: a view of the whole of its own
 * buffer is sent as it is; a view into a shared or pooled buffer is copied first (transferring
 * would detach everything else in that buffer).
 */
export function transferable(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : bytes.slice();
}
