/**
 * The saved index of a project on disk: one folder per project (its root and source entries
 * hashed) under the user's cache folder (`$XDG_CACHE_HOME/verbatim`, else `~/.cache/verbatim`;
 * `VERBATIM_CACHE_DIR` overrides), shared by the CLI and the language server, so a check in the
 * terminal reuses the index the editor built and the other way round. Three files: the index
 * (core/corpus/persist.ts), what each source teaches about people, and each source's stamp,
 * length and places. Written atomically (a temporary file, then a rename). Nothing is written
 * next to the sources.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { IndexStore, Logger, StoredIndex } from "../core/service";

export function cacheFolder(): string {
  if (process.env.VERBATIM_CACHE_DIR) return process.env.VERBATIM_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "verbatim");
}

/** The store folder of a project: under `base` (default: the cache folder), keyed by root and source entries. */
export function storeFolder(root: string, entries: readonly string[], base = cacheFolder()): string {
  const key = createHash("sha256").update(JSON.stringify([path.resolve(root), [...entries].sort()])).digest("hex").slice(0, 16);
  return path.join(base, `project-${key}`);
}

export class FileStore implements IndexStore {
  private readonly files: { index: string; facts: string; sources: string };

  constructor(
    readonly dir: string,
    private readonly log?: Logger,
  ) {
    this.files = { index: path.join(dir, "index.bin"), facts: path.join(dir, "facts.json"), sources: path.join(dir, "sources.json") };
  }

  load(): StoredIndex | undefined {
    if (!fs.existsSync(this.files.index)) return undefined;
    const json = (file: string) => {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        return undefined;
      }
    };
    let index: Uint8Array;
    try {
      index = fs.readFileSync(this.files.index);
    } catch (e) {
      this.log?.warn(`the saved source index ${this.files.index} could not be read: ${(e as Error).message}`);
      return undefined;
    }
    return { index, facts: json(this.files.facts), sources: json(this.files.sources) };
  }

  /** Deletes the saved index (the next start indexes every source afresh). */
  clear(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  save(parts: Partial<StoredIndex>): void {
    fs.mkdirSync(this.dir, { recursive: true });
    if (parts.index) writeAtomically(this.files.index, parts.index);
    if (parts.facts) writeAtomically(this.files.facts, JSON.stringify(parts.facts));
    if (parts.sources) writeAtomically(this.files.sources, JSON.stringify(parts.sources));
  }
}

function writeAtomically(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
