/**
 * The one store of a project's saved index, for every host: the service's `IndexStore` over a
 * host's byte entries (`StoreFiles`: a folder on disk for the CLI and the language server, memory
 * in tests). Each part — the index, what each source teaches about people, each source's stamp
 * and places — is sealed on its own (see `container.ts`): a checksum over every byte and the
 * identity of the build that wrote it. Whatever cannot be used (damaged, truncated, written by
 * another build, unreadable, not the shape this build writes) is removed and rebuilt, with
 * exactly one warning for the whole store.
 */
import type { IndexStore, SourceMeta, StoredIndex } from "../service";
import { joinParts, openEntry, sealEntry, StoreEntryError } from "./container";
import { storeIdentity } from "./identity";

/** The bytes of the store's entries, kept by the host. */
export interface StoreFiles {
  /** The entry's bytes, or undefined when there is none. May throw for an I/O failure. */
  read(name: string): Uint8Array | undefined;
  /**
   * Replaces the entry with the parts written one after the other, atomically (a reader sees the
   * old bytes or the new), leaving nothing behind on failure. Throws on failure.
   */
  write(name: string, parts: readonly Uint8Array[]): void;
  remove(name: string): void;
  /** Where an entry lives, for messages: a file path. */
  where(name: string): string;
}

export const INDEX_ENTRY = "index";
export const SOURCES_ENTRY = "sources";

export interface SealedStoreOptions {
  /** Defaults to this build's `storeIdentity()`. */
  identity?: string;
  now?: () => number;
}

export class SealedStore implements IndexStore {
  private readonly identity: string;
  private readonly now: () => number;

  constructor(
    private readonly files: StoreFiles,
    private readonly warn: (message: string) => void,
    options: SealedStoreOptions = {},
  ) {
    this.identity = options.identity ?? storeIdentity();
    this.now = options.now ?? Date.now;
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
    const sources = json(SOURCES_ENTRY, isSourcesFile);
    if (problems.length) this.warn(`the saved source index could not be used and is rebuilt: ${problems.join("; ")}`);
    if (!index) return undefined;
    return { index: index.payload, sources, savedAt: index.savedAt };
  }

  /** Saves the parts given, each sealed; throws when one cannot be written. */
  save(parts: Partial<StoredIndex>): void {
    const seal = (kind: string, payload: Uint8Array) => sealEntry({ kind, identity: this.identity, savedAt: this.now() }, payload);
    const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    if (parts.index) this.files.write(INDEX_ENTRY, seal(INDEX_ENTRY, parts.index));
    if (parts.sources) this.files.write(SOURCES_ENTRY, seal(SOURCES_ENTRY, text(parts.sources)));
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

function isSourcesFile(value: unknown): value is Record<string, SourceMeta> {
  if (!isRecord(value)) return false;
  for (const m of Object.values(value)) {
    if (!isRecord(m) || typeof m.stamp !== "string" || !Number.isInteger(m.length) || typeof m.exact !== "boolean") return false;
    if (!isSpans(m.utterances) || !isSpans(m.regions) || (m.text !== undefined && typeof m.text !== "string") || (m.metadata !== undefined && !isRecord(m.metadata))) return false;
  }
  return true;
}
