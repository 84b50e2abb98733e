/**
 * The one store of a project's saved index, for every host: the service's `IndexStore` over a
 * host's byte entries (`StoreFiles`: a folder on disk for the CLI and the language server, memory
 * in tests). Each part — the index, what each source teaches about people, each source's stamp
 * and places — is sealed on its own (see `container.ts`): a checksum over every byte and the
 * identity of the build that wrote it. Whatever cannot be used (damaged, truncated, written by
 * another build, unreadable, not the shape this build writes) is removed and rebuilt, with
 * exactly one warning for the whole store.
 */
import type { IndexStore, SaveParts, SourceMeta, StoredIndex } from "../service";
import { joinParts, openEntry, sealEntry, StoreEntryError } from "./container";
import { storeIdentity } from "./identity";
import { CheckedPages, pageFile, PAGES_PREFIX, type RandomAccess, readPageTable } from "./pages";

/** The bytes of the store's entries, kept by the host. */
export interface StoreFiles {
  /** The entry's bytes, or undefined when there is none. May throw for an I/O failure. */
  read(name: string): Uint8Array | undefined;
  /**
   * Replaces the entry with the parts written one after the other, atomically (a reader sees the
   * old bytes or the new), leaving nothing behind on failure. Throws on failure.
   */
  write(name: string, parts: readonly Uint8Array[]): void;
  /**
   * The same, its writes done off the caller's thread (the caller may go on with other work; it
   * must not change the parts' bytes until the promise settles). Optional: `write` stands in.
   */
  writeAsync?(name: string, parts: readonly Uint8Array[]): Promise<void>;
  remove(name: string): void;
  /** Where an entry lives, for messages: a file path. */
  where(name: string): string;
  /** The entry opened for reading at any position (kept open while the index is read), or undefined when there is none. */
  open(name: string): RandomAccess | undefined;
  /** The names of the entries there are. */
  list(): string[];
}

export const INDEX_ENTRY = "index";
export const SOURCES_ENTRY = "sources";
/** Who speaks in the sources attributed so far (see `corpus/savedAttributions.ts`). */
export const SPEAKERS_ENTRY = "speakers";
/** The index's arrays are in `pages-<hex>` (see `pages.ts`), named by the index entry and checked page by page against sums sealed in it. */
export { PAGES_PREFIX } from "./pages";

export interface SealedStoreOptions {
  /** Defaults to this build's `storeIdentity()`. */
  identity?: string;
  now?: () => number;
  /** Random bytes (each save's page file is marked with 16). */
  random?: (n: number) => Uint8Array;
}

/** One step of a save: an entry to write, or what to do after the entries before it are written. */
type SaveStep = { write: string; parts: Uint8Array[] } | { run: () => void };

export class SealedStore implements IndexStore {
  private readonly identity: string;
  private readonly now: () => number;
  private readonly random: (n: number) => Uint8Array;

  constructor(
    private readonly files: StoreFiles,
    private readonly warn: (message: string) => void,
    options: SealedStoreOptions = {},
  ) {
    this.identity = options.identity ?? storeIdentity();
    this.now = options.now ?? Date.now;
    this.random = options.random ?? ((n) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256)));
  }

  /**
   * The saved index with the source records that pass their checks, or undefined when
   * there is no usable index. Anything refused is removed, and one warning says what and why.
   */
  load(): StoredIndex | undefined {
    const problems: string[] = [];
    const refuse = (name: string, why: string) => {
      problems.push(`${this.files.where(name)}: ${why}`);
      try {
        this.files.remove(name);
      } catch {
        // Rewritten on the next save anyway.
      }
    };
    const open = (name: string): { payload: Uint8Array; savedAt: number } | undefined => {
      let bytes: Uint8Array | undefined;
      try {
        bytes = this.files.read(name);
      } catch (e) {
        problems.push(`${this.files.where(name)} could not be read (${(e as Error).message})`);
        return undefined;
      }
      if (!bytes) return undefined;
      try {
        const { header, payload } = openEntry(bytes, name, this.identity);
        return { payload, savedAt: header.savedAt };
      } catch (e) {
        if (!(e instanceof StoreEntryError)) throw e;
        refuse(name, e.message);
        return undefined;
      }
    };
    const json = <T>(name: string, valid: (value: unknown) => value is T): T | undefined => {
      const entry = open(name);
      if (!entry) return undefined;
      const value = parseJson(entry.payload);
      if (valid(value)) return value;
      refuse(name, "not what this build writes");
      return undefined;
    };
    const index = open(INDEX_ENTRY);
    // The index's pages: the page file this index entry names and was sealed with, or nothing.
    let opened: { head: Uint8Array; pages: CheckedPages } | undefined;
    if (index) {
      let file: RandomAccess | undefined;
      let name = "";
      try {
        const payload = index.payload.byteOffset % 4 === 0 ? index.payload : index.payload.slice();
        const table = readPageTable(payload);
        name = table.name;
        file = this.files.open(name);
        if (!file) throw new StoreEntryError(`${this.files.where(name)} is missing`);
        opened = { head: payload.subarray(table.length), pages: new CheckedPages(file, payload.subarray(0, table.length), this.files.where(name)) };
      } catch (e) {
        file?.close();
        if (!(e instanceof StoreEntryError)) problems.push(`${this.files.where(name || INDEX_ENTRY)} could not be read (${(e as Error).message})`);
        else {
          problems.push(e.message.startsWith(this.files.where(name)) ? e.message : `${this.files.where(INDEX_ENTRY)}: ${e.message}`);
          this.removeQuietly(INDEX_ENTRY);
          if (name) this.removeQuietly(name);
        }
      }
    } else if (problems.length) {
      // The index entry was refused: the page files it named are of no use.
      for (const old of this.files.list()) if (old.startsWith(PAGES_PREFIX)) this.removeQuietly(old);
    }
    const sources = json(SOURCES_ENTRY, isSourcesFile);
    const speakers = opened ? json(SPEAKERS_ENTRY, isStringRecord) : undefined;
    if (problems.length) this.warn(`the saved source index could not be used and is rebuilt: ${problems.join("; ")}`);
    if (!index || !opened) return undefined;
    return { index: opened.head, pages: opened.pages, sources, speakers, savedAt: index.savedAt };
  }

  private removeQuietly(name: string): void {
    try {
      this.files.remove(name);
    } catch {
      // Removed by the next save.
    }
  }

  /**
   * Saves the parts given, each sealed; throws when one cannot be written. The index's page file
   * is written first, then the entry that vouches for it, so a reader never takes new pages for
   * an old entry's (page 0 of each save is its own).
   */
  save(parts: SaveParts): void {
    for (const step of this.plan(parts)) {
      if ("write" in step) this.files.write(step.write, step.parts);
      else step.run();
    }
  }

  /**
   * `save`, with the entries written off this thread where the host can (`StoreFiles.writeAsync`):
   * the checksums are computed now, and this thread is free while the bytes go to disk. The
   * parts' arrays must not change until the promise settles.
   */
  async saveAsync(parts: SaveParts): Promise<void> {
    for (const step of this.plan(parts)) {
      if (!("write" in step)) step.run();
      else if (this.files.writeAsync) await this.files.writeAsync(step.write, step.parts);
      else this.files.write(step.write, step.parts);
    }
  }

  /** What a save does, in order: entries to write (each sealed now) and the clean-up after the index's. */
  private plan(parts: SaveParts): SaveStep[] {
    const seal = (kind: string, payload: Uint8Array[]) => sealEntry({ kind, identity: this.identity, savedAt: this.now() }, joinParts(payload));
    const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const steps: SaveStep[] = [];
    if (parts.index) {
      const { name, file, table } = pageFile(parts.index.pages, this.random);
      steps.push({ write: name, parts: file });
      steps.push({ write: INDEX_ENTRY, parts: seal(INDEX_ENTRY, [table, parts.index.head]) });
      // Older page files (a reader that has one open keeps reading it: it is only unlinked).
      steps.push({ run: () => {
        for (const old of this.files.list()) if (old.startsWith(PAGES_PREFIX) && old !== name) this.removeQuietly(old);
      } });
    }
    if (parts.sources) steps.push({ write: SOURCES_ENTRY, parts: seal(SOURCES_ENTRY, [text(parts.sources)]) });
    if (parts.speakers) steps.push({ write: SPEAKERS_ENTRY, parts: seal(SPEAKERS_ENTRY, [text(parts.speakers)]) });
    return steps;
  }
}

/** A store in memory (tests, and hosts with nowhere to write): the same sealing, no disk. */
export function memoryFiles(): StoreFiles & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return {
    entries,
    read: (name) => entries.get(name)?.slice(),
    write: (name, parts) => void entries.set(name, joinParts(parts)),
    remove: (name) => void entries.delete(name),
    where: (name) => `memory:${name}`,
    list: () => [...entries.keys()],
    open: (name) => {
      const bytes = entries.get(name);
      if (!bytes) return undefined;
      return {
        size: bytes.length,
        readAt: (into, position) => {
          if (position + into.length > bytes.length) throw new Error("read past the end");
          into.set(bytes.subarray(position, position + into.length));
        },
        close: () => {},
      };
    },
  };
}

function parseJson(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payload));
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

const isSpans = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => isRecord(s) && Number.isInteger(s.start) && Number.isInteger(s.end)));

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}

function isSourcesFile(value: unknown): value is Record<string, SourceMeta> {
  if (!isRecord(value)) return false;
  for (const m of Object.values(value)) {
    if (!isRecord(m) || typeof m.stamp !== "string" || !Number.isInteger(m.length) || typeof m.exact !== "boolean") return false;
    if (!isSpans(m.utterances) || !isSpans(m.regions) || (m.text !== undefined && typeof m.text !== "string") || (m.metadata !== undefined && !isRecord(m.metadata))) return false;
  }
  return true;
}
