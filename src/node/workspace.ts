/**
 * The service's `SourceWorkspace` on a local file system, shared by the CLI and the language
 * server so both find the same sources: each `sources` entry is a folder (read recursively), a
 * file, or a glob, relative to the project root or absolute. Drafts being checked are never
 * sources. Listing and reading go through node/files.ts (symlink loops, FIFOs, size limits,
 * files changing while read: one warning each, never a crash).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { minimatch } from "minimatch";
import { decodeText } from "../core/formats/decode";
import type { SourceMetadata } from "../core/formats/metadata";
import { entryMetadata, pairSidecars, parseSidecar, type SourceEntry, sidecarPaths } from "../core/formats/sidecar";
import type { CancellationToken, Logger, PreparedFile, ReadOutcome, SourceFile, SourceWorkspace } from "../core/service";
import type { BuildHelper } from "../core/corpus/ngramIndex";
import { ThreadBuildHelper } from "./buildHelper";
import { DEFAULT_LIMITS, type LoadLimits, readStable } from "./files";
import { PrepareWorkers } from "./prepareWorkers";
import { type FsPath, type ListedFile, walkSources } from "./sourceWalk";

const GLOB = /[*?[\]{}]/;

/** A path by where it really leads (so a source reached through a linked folder keeps its entry's metadata). */
function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export interface NodeWorkspaceOptions {
  /** The project root: relative entries are resolved against it, and sources inside it are named relative to it. */
  root: string;
  limits?: LoadLimits;
  logger?: Logger;
  /** Files that are drafts, never sources (absolute paths). */
  isDraft?: (file: string) => boolean;
  /**
   * The drafts being checked: never sources, whatever path leads to them — through a linked
   * folder, by another name, or a hard link (compared by real path and by file identity).
   */
  drafts?: readonly string[];
  /** Follow links that lead out of a source folder (off: a link to `..` must not make the whole disk sources). */
  followLinks?: boolean;
  /** `.verbatim.json` source entries with metadata (absolute paths). */
  entries?: SourceEntry[];
  /** Read and prepare files in worker threads (default: yes, when the worker script is built). */
  threads?: boolean;
}

/** One `sources` entry resolved: a base to walk and, for a glob, the pattern files must match. */
export interface SourceSpec {
  base: string;
  pattern?: string;
}

/** Resolves `sources` entries against the root: `sources`, `./sources/`, `sources/*.txt`, `/abs/archive/**`. */
export function sourceSpecs(root: string, entries: readonly string[]): SourceSpec[] {
  return entries.map((raw) => {
    const entry = raw.replace(/\\/g, "/").replace(/\/+$/, "") || ".";
    const absolute = path.isAbsolute(entry) || /^[a-zA-Z]:\//.test(entry) ? entry : path.posix.join(root.replace(/\\/g, "/"), entry);
    if (!GLOB.test(absolute)) return { base: path.normalize(absolute) };
    const parts = absolute.split("/");
    const first = parts.findIndex((p) => GLOB.test(p));
    const base = parts.slice(0, first).join("/") || "/";
    return { base: path.normalize(base), pattern: path.posix.normalize(absolute) };
  });
}

export class NodeWorkspace implements SourceWorkspace {
  readonly root: string;
  private readonly limits: LoadLimits;
  private readonly log?: Logger;
  /** Report name → the path to open the file by (its bytes, when its name is not valid UTF-8). */
  private readonly byPath = new Map<string, FsPath>();
  /** A source's sidecar (`story.txt.meta.json`): metadata for it, never a source itself. */
  private sidecarOf = new Map<string, string>();

  /** Reads and prepares a file in a worker thread (see `SourceWorkspace.prepare`). */
  readonly prepare?: (name: string, tokenize?: string) => Promise<PreparedFile>;

  constructor(private readonly options: NodeWorkspaceOptions) {
    this.root = path.resolve(options.root);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.log = options.logger;
    const pool = options.threads === false ? undefined : PrepareWorkers.shared();
    if (pool) this.prepare = (name, tokenize) => pool.prepare(this.byPath.get(name) ?? path.resolve(this.root, name), name, this.limits.maxFileBytes, tokenize);
  }

  /**
   * A thread that builds a first index with the service's (`ThreadBuildHelper`), unless threads
   * are off (`threads: false`, or `VERBATIM_BUILD_THREAD=0`).
   */
  buildHelper(): BuildHelper | undefined {
    if (this.options.threads === false || process.env.VERBATIM_BUILD_THREAD === "0") return undefined;
    return ThreadBuildHelper.start();
  }

  /** How reports name a source file: relative to the root (with `/`) when inside it, else its absolute path. */
  nameOf(file: string): string {
    const rel = path.relative(this.root, file);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : file;
  }

  /** The file a reported source path stands for (as messages show it). */
  fileOf(name: string): string {
    const file = this.byPath.get(name);
    return typeof file === "string" ? file : path.resolve(this.root, name);
  }

  async listSources(entries: readonly string[], token: CancellationToken): Promise<SourceFile[]> {
    const warn = (m: string) => this.log?.warn(m);
    const specs = sourceSpecs(this.root, entries);
    const drafts = this.draftIdentities();
    const listed: ListedFile[] = [];
    const named: string[] = [];
    const seen = new Set<string>();
    for (const spec of specs) {
      if (token.isCancellationRequested) break;
      if (!fs.existsSync(spec.base)) {
        if (!spec.pattern) warn(`source path ${spec.base} does not exist`);
        continue;
      }
      const matcher = spec.pattern ? (f: string) => minimatch(f.split(path.sep).join("/"), spec.pattern!, { dot: false }) : () => true;
      for (const f of walkSources([spec.base], { maxFiles: this.limits.maxFiles, warn, followLinks: this.options.followLinks })) {
        const identity = `${f.stat.dev}:${f.stat.ino}`;
        if (seen.has(identity) || !matcher(f.name)) continue;
        if (drafts.has(identity) || this.options.isDraft?.(f.name)) continue;
        seen.add(identity);
        if (typeof f.file !== "string") warn(`${f.name}: the file name is not valid UTF-8 (shown with \\x escapes for its bytes); read all the same`);
        listed.push(f);
        if (f.name === path.resolve(spec.base)) named.push(f.name);
      }
      // Listing a large folder is synchronous: let requests in between entries.
      await new Promise<void>((r) => setImmediate(r));
    }
    // A source named on its own may still have a sidecar beside it.
    const beside = named.flatMap(sidecarPaths).filter((p) => fs.existsSync(p));
    const byName = new Map(listed.map((f) => [f.name, f]));
    const { sources, sidecarOf } = pairSidecars(listed.map((f) => f.name), beside);
    this.sidecarOf = sidecarOf;
    const out: SourceFile[] = [];
    for (const abs of sources) {
      const f = byName.get(abs);
      if (!f) continue;
      const st = f.stat;
      // An edited sidecar changes the source's stamp, so its metadata is read again.
      const sidecar = sidecarOf.get(abs);
      const sidecarStamp = sidecar ? `+${fs.statSync(sidecar, { throwIfNoEntry: false })?.mtimeMs ?? 0}` : "";
      const name = this.nameOf(abs);
      this.byPath.set(name, f.file);
      // The change time and inode too: `touch -d` can put a modification time back, not those.
      out.push({ path: name, size: st.size, mtimeMs: st.mtimeMs, stamp: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}${sidecarStamp}` });
    }
    return out;
  }

  /** The drafts' file identities (device and inode): the same file under any path. */
  private draftIdentities(): Set<string> {
    const out = new Set<string>();
    for (const d of this.options.drafts ?? []) {
      const st = fs.statSync(d, { throwIfNoEntry: false });
      if (st) out.add(`${st.dev}:${st.ino}`);
    }
    return out;
  }

  /** Metadata that overrides what a source says of itself: its `.verbatim.json` entry, then its sidecar. */
  async metadata(name: string): Promise<(SourceMetadata | undefined)[]> {
    const file = this.fileOf(name);
    const entry = this.options.entries?.length ? entryMetadata(file, this.options.entries, realOrResolved) : undefined;
    const sidecar = this.sidecarOf.get(file);
    let fromSidecar: SourceMetadata | undefined;
    if (sidecar) {
      const read = readStable(sidecar, 1024 * 1024);
      const notes: string[] = [];
      if ("problem" in read) notes.push(read.problem);
      else {
        const decoded = decodeText(read.bytes);
        if ("binary" in decoded) notes.push("not a text file");
        else fromSidecar = parseSidecar(decoded.text, notes);
      }
      if (notes.length) this.log?.warn(`${sidecar}: ${notes.join("; ")}`);
    }
    return [entry, fromSidecar];
  }

  async read(name: string): Promise<ReadOutcome> {
    return this.readSync(name);
  }

  readSync(name: string): ReadOutcome {
    return readStable(this.byPath.get(name) ?? path.resolve(this.root, name), this.limits.maxFileBytes);
  }
}
