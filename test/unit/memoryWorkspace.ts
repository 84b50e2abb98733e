/** A `SourceWorkspace` over files kept in memory, whose stamps and contents a test changes at will. */
import type { ReadOutcome, SourceFile, SourceWorkspace } from "../../src/core/service";

export interface MemoryFile {
  text: string;
  stamp: string;
  mtimeMs: number;
}

export class MemoryWorkspace implements SourceWorkspace {
  readonly files = new Map<string, MemoryFile>();
  /** Called after each read (a test edits a file "while it is checked" here). */
  afterRead?: (path: string) => void;

  set(path: string, text: string, stamp = `${text.length}:1`, mtimeMs = 0): void {
    this.files.set(path, { text, stamp, mtimeMs });
  }

  async listSources(): Promise<SourceFile[]> {
    return [...this.files].map(([path, f]) => ({ path, size: new TextEncoder().encode(f.text).length, stamp: f.stamp, mtimeMs: f.mtimeMs }));
  }

  async read(path: string): Promise<ReadOutcome> {
    return this.readSync(path);
  }

  readSync(path: string): ReadOutcome {
    const f = this.files.get(path);
    const out: ReadOutcome = f ? { bytes: new TextEncoder().encode(f.text) } : { problem: "no such file (removed while checking?)" };
    this.afterRead?.(path);
    return out;
  }
}
