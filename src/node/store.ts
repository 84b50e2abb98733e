/**
 * The saved index of a project on disk: one folder per project (its root and source entries
 * hashed) under the user's cache folder (`$XDG_CACHE_HOME/verbatim`, else `~/.cache/verbatim`;
 * `VERBATIM_CACHE_DIR` overrides), shared by the CLI and the language server, so a check in the
 * terminal reuses the index the editor built and the other way round. Nothing is written next to
 * the sources.
 *
 * Each part (index, facts, sources) is one sealed file (core/store: checksum, build identity),
 * written to `<part>.<pid>.<random>.tmp` and renamed over the old one, so a reader sees the old
 * file or the new one, never half; a failed write removes its temporary file, and opening the
 * store removes those a killed process left (of a process that is gone, or over an hour old).
 * No fsync: a file torn by a power cut fails its checksum and is rebuilt with one warning.
 */
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { IndexStore, Logger, SaveParts, StoredIndex } from "../core/service";
import { SealedStore, type StoreFiles } from "../core/store/sealedStore";

const ENTRY_SUFFIX = ".vbst";
const TEMPORARY = /^.+\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** What earlier versions wrote in a store folder, unsealed. */
const LEGACY = ["index.bin", "facts.json", "sources.json"];
const LEGACY_CLI = /^(index-[0-9a-f]{16}\.bin|facts-[0-9a-f]{16}\.json)$/;

const safeList = (dir: string) => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
};

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
  private readonly sealed: SealedStore;

  constructor(
    readonly dir: string,
    log?: Logger,
  ) {
    removeOrphans(dir);
    for (const name of LEGACY) fs.rmSync(path.join(dir, name), { force: true });
    // Earlier versions of the CLI kept their caches (and left their temporary files) in the cache folder itself.
    const parent = path.dirname(path.resolve(dir));
    if (parent === path.resolve(cacheFolder())) {
      removeOrphans(parent);
      for (const name of safeList(parent)) if (LEGACY_CLI.test(name)) fs.rmSync(path.join(parent, name), { force: true });
    }
    this.sealed = new SealedStore(folderFiles(dir), (m) => log?.warn(m));
  }

  load(): StoredIndex | undefined {
    return this.sealed.load();
  }

  save(parts: SaveParts): void {
    this.sealed.save(parts);
  }

  /** `save`, the bytes written by Node's I/O threads while this one goes on (see `SealedStore.saveAsync`). */
  saveAsync(parts: SaveParts): Promise<void> {
    return this.sealed.saveAsync(parts);
  }

  /** Deletes the saved index (the next start indexes every source afresh). */
  clear(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A store's entries as files `<name>.vbst` in `dir` (created on the first write). */
export function folderFiles(dir: string): StoreFiles {
  const file = (name: string) => path.join(dir, name + ENTRY_SUFFIX);
  // The name `TEMPORARY` recognises when a later start clears what a killed write left.
  const tmpFile = (name: string) => path.join(dir, `${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  return {
    read(name) {
      try {
        return fs.readFileSync(file(name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
    },
    write(name, parts) {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = tmpFile(name);
      try {
        const fd = fs.openSync(tmp, "wx", 0o600);
        try {
          for (const part of parts) for (let at = 0; at < part.length; ) at += fs.writeSync(fd, part, at);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(tmp, file(name));
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
      }
    },
    async writeAsync(name, parts) {
      // Opened here and the bytes handed to one gathered write at once, so that the write runs
      // in Node's I/O threads even while this thread is busy (no turn of its loop between parts).
      fs.mkdirSync(dir, { recursive: true });
      const tmp = tmpFile(name);
      try {
        const fd = fs.openSync(tmp, "wx", 0o600);
        try {
          let rest = parts.filter((p) => p.length > 0);
          for (let at = 0; rest.length > 0; ) {
            const n = await writev(fd, rest, at);
            at += n;
            rest = skipBytes(rest, n);
          }
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(tmp, file(name));
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
      }
    },
    remove(name) {
      fs.rmSync(file(name), { force: true });
    },
    where: file,
    list: () => safeList(dir).flatMap((f) => (f.endsWith(ENTRY_SUFFIX) ? [f.slice(0, -ENTRY_SUFFIX.length)] : [])),
    open(name) {
      let fd: number;
      try {
        fd = fs.openSync(file(name), "r");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
      // Kept open while the index is read: a save renames a new file over it, this one stays whole.
      let open = true;
      return {
        size: fs.fstatSync(fd).size,
        readAt(into, position) {
          for (let at = 0; at < into.length; ) {
            const n = fs.readSync(fd, into, at, into.length - at, position + at);
            if (n === 0) throw new Error("the file is shorter than expected");
            at += n;
          }
        },
        close() {
          if (open) fs.closeSync(fd);
          open = false;
        },
      };
    },
  };
}

const writev = (fd: number, parts: readonly Uint8Array[], position: number) =>
  new Promise<number>((resolve, reject) => fs.writev(fd, parts as Uint8Array[], position, (e, n) => (e ? reject(e) : resolve(n))));

/** The parts after their first `n` bytes. */
function skipBytes(parts: readonly Uint8Array[], n: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const p of parts) {
    if (n >= p.length) n -= p.length;
    else {
      rest.push(n > 0 ? p.subarray(n) : p);
      n = 0;
    }
  }
  return rest;
}

/**
 * Removes the temporary files of writers that died (killed, crashed, out of disk) in `dir`: a
 * file whose process is gone, or that is over an hour old. Returns how many were removed.
 */
export function removeOrphans(dir: string): number {
  let removed = 0;
  for (const name of safeList(dir)) {
    const m = TEMPORARY.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const pid = Number(m[1]);
      const old = Date.now() - fs.statSync(file).mtimeMs > ORPHAN_AGE_MS;
      if (old || (pid !== process.pid && !alive(pid))) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
