/**
 * A small LSP client for tests and the editor benchmark: starts `dist/cli.js lsp --stdio` (the
 * server every editor runs), speaks JSON-RPC over its pipes, answers `workspace/configuration`
 * with the settings given, and collects published diagnostics and notifications.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  code?: string | number;
}

export class LspClient {
  readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((method: string, params: unknown) => void)[] = [];
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  stderr = "";

  constructor(root: string, options: { cwd: string; env?: NodeJS.ProcessEnv; settings?: Record<string, unknown> }) {
    this.child = spawn(process.execPath, [path.join(root, "dist", "cli.js"), "lsp", "--stdio"], { cwd: options.cwd, env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d) => (this.stderr += d));
    this.child.stdout!.on("data", (d: Buffer) => this.receive(d));
    this.on((method, params) => {
      if (method === "textDocument/publishDiagnostics") {
        const p = params as { uri: string; diagnostics: LspDiagnostic[] };
        this.diagnostics.set(p.uri, p.diagnostics);
      } else if (method === "window/showMessage") this.messages.push(params as { type: number; message: string });
    });
    this.settings = options.settings ?? {};
  }

  private readonly settings: Record<string, unknown>;

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const head = this.buffer.indexOf("\r\n\r\n");
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString());
      this.buffer = this.buffer.subarray(head + 4 + length);
      if (msg.id !== undefined && msg.method === undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result);
      } else if (msg.id !== undefined) {
        // A request from the server (an error message is a request: it may offer actions).
        if (msg.method === "window/showMessageRequest") this.messages.push(msg.params);
        const result = msg.method === "workspace/configuration" ? msg.params.items.map(() => this.settings) : null;
        this.send({ id: msg.id, result });
      } else for (const l of this.listeners) l(msg.method, msg.params);
    }
  }

  on(listener: (method: string, params: unknown) => void): void {
    this.listeners.push(listener);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async initialize(folder: string): Promise<void> {
    await this.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: path.basename(folder) }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    });
    this.notify("initialized", {});
  }

  open(file: string, text: string, languageId = "markdown"): string {
    const uri = pathToFileURL(file).toString();
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Resolves with the first notification of `method` for which `test` holds. */
  waitFor<T>(method: string, test: (params: T) => boolean, ms = 60000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms; stderr: ${this.stderr.slice(-300)}`)), ms);
      this.on((m, params) => {
        if (m === method && test(params as T)) {
          clearTimeout(timer);
          resolve(params as T);
        }
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify("exit", null);
    } catch {
      // already gone
    }
    setTimeout(() => this.child.kill(), 500).unref();
  }
}
