/**
 * Reads drafts and sources from disk. Sources are read-only to Verbatim: nothing here writes.
 * Every file that cannot be used (binary, empty, oversized, unreadable, vanished, changing under
 * us, a symlink loop) is skipped with one warning line, never a crash; the formats themselves
 * are read by src/core/formats.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceText } from "../core/corpus/corpus";
import { decodeText as decodeBytes } from "../core/formats/decode";
import { extensionOf, readSource, readSourceTextSync } from "../core/formats";
import { mergeMetadata } from "../core/formats/metadata";
import { entryMetadata, parseSidecar, type SourceEntry } from "../core/formats/sidecar";
import { describeError, walkSources } from "./sourceWalk";

export interface LoadedText {
  path: string;
  text: string;
}

export interface LoadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxFileBytes: 50 * 1024 * 1024, maxFiles: 20000 };

export class UserError extends Error {}

/** Decodes a file's bytes as text (see core/formats/decode). Undefined for binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  const d = decodeBytes(bytes);
  return "text" in d ? d.text : undefined;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** The few file calls `readStable` makes, so tests can play a file that changes mid-read. */
export interface FileIo {
  open(file: fs.PathLike): number;
  stat(fd: number): { size: number; mtimeMs: number; isFile(): boolean; isFIFO?(): boolean };
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  close(fd: number): void;
}

export const nodeIo: FileIo = {
  // O_NONBLOCK: a file swapped for a FIFO after listing must not hang the open.
  open: (file) => fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)),
  stat: (fd) => fs.fstatSync(fd),
  read: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  close: (fd) => fs.closeSync(fd),
};

export type ReadOutcome = { bytes: Uint8Array } | { problem: string };

/**
 * Reads a whole file, refusing one over `maxBytes` before reading it, and one whose size or
 * modification time changes while it is read (tried twice: an editor saving is a brief event).
 */
export function readStable(file: fs.PathLike, maxBytes: number, io: FileIo = nodeIo): ReadOutcome {
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = io.open(file);
    } catch (e) {
      return { problem: describeError(e) };
    }
    try {
      const before = io.stat(fd);
      if (!before.isFile()) return { problem: before.isFIFO?.() ? "a FIFO (named pipe), not a regular file" : "not a regular file" };
      if (before.size > maxBytes) return { problem: `${mb(before.size)} is over the ${mb(maxBytes).replace(".0 ", " ")} limit (see --max-file-mb)` };
      const bytes = new Uint8Array(before.size + 1); // one byte more, to notice growth
      let got = 0;
      while (got < bytes.length) {
        const n = io.read(fd, bytes, got, bytes.length - got, got);
        if (n <= 0) break;
        got += n;
      }
      const after = io.stat(fd);
      if (got === before.size && after.size === before.size && after.mtimeMs === before.mtimeMs) return { bytes: bytes.subarray(0, got) };
    } catch (e) {
      return { problem: describeError(e) };
    } finally {
      io.close(fd);
    }
  }
  return { problem: "the file kept changing while it was read" };
}


/** Reads one draft; a problem here is the user's to fix, so it is an error, not a warning. */
export function readDraft(file: string, limits: LoadLimits = DEFAULT_LIMITS, warn: (msg: string) => void = () => {}): LoadedText {
  const read = readStable(file, limits.maxFileBytes);
  if ("problem" in read) throw new UserError(`cannot read draft ${file}: ${read.problem}`);
  const decoded = decodeBytes(read.bytes);
  if ("binary" in decoded) throw new UserError(`draft ${file} is a binary file, not text`);
  if (decoded.note) warn(`draft ${file}: ${decoded.note}`);
  return { path: file, text: decoded.text };
}

/**
 * Collects the source files under the given files and folders, recursively, each once (see
 * node/sourceWalk.ts for the policy). A file whose name is not valid UTF-8 cannot be named by a
 * string path: it is left out here with a warning (the service's NodeWorkspace reads it by its bytes).
 */
export function listSources(roots: string[], limits: LoadLimits, warn: (msg: string) => void, options: { followLinks?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const f of walkSources(roots, { maxFiles: limits.maxFiles, warn, followLinks: options.followLinks })) {
    if (typeof f.file === "string") out.push(f.file);
    else warn(`skipping ${f.name}: the file name is not valid UTF-8 (shown with \\x escapes for its bytes), which this reader cannot name`);
  }
  return out;
}

/** A text source file's text read again (undefined when it can no longer be read). */
function reread(file: string, limits: LoadLimits): string | undefined {
  const read = readStable(file, limits.maxFileBytes);
  return "bytes" in read ? readSourceTextSync(file, read.bytes) : undefined;
}

/** Where a source's metadata may be overridden: its sidecar file, `.verbatim.json` entries (absolute paths). */
export interface MetadataOverrides {
  sidecarOf?: Map<string, string>;
  entries?: SourceEntry[];
}

/** Reads and extracts every source file; each one that cannot be used gets one warning line. */
export async function loadSources(files: string[], limits: LoadLimits, warn: (msg: string) => void, overrides: MetadataOverrides = {}): Promise<SourceText[]> {
  const out: SourceText[] = [];
  for (const file of files) {
    const read = readStable(file, limits.maxFileBytes);
    if ("problem" in read) {
      warn(`skipping ${file}: ${read.problem}`);
      continue;
    }
    const result = await readSource(file, read.bytes);
    if ("skipped" in result) {
      warn(`skipping ${file}: ${result.skipped}`);
      continue;
    }
    if (result.notes.length) warn(`${file}: ${result.notes.join("; ")}`);
    const entry = overrides.entries?.length ? entryMetadata(file, overrides.entries, (p) => path.resolve(p)) : undefined;
    const sidecar = overrides.sidecarOf?.get(file);
    let sidecarMetadata;
    if (sidecar) {
      const read = readStable(sidecar, 1024 * 1024);
      const notes: string[] = [];
      if ("problem" in read) notes.push(read.problem);
      else {
        const decoded = decodeText(read.bytes);
        if (decoded === undefined) notes.push("not a text file");
        else sidecarMetadata = parseSidecar(decoded, notes);
      }
      if (notes.length) warn(`${sidecar}: ${notes.join("; ")}`);
    }
    if (entry || sidecarMetadata) result.source.metadata = mergeMetadata(result.source.metadata, entry, sidecarMetadata);
    // Text files are re-read when a check needs their text, so the index does not hold it all.
    const reloadable = !["pdf", "docx"].includes(extensionOf(file)) && readSourceTextSync(file, read.bytes) === result.source.text;
    out.push(reloadable ? { ...result.source, load: () => reread(file, limits) } : result.source);
  }
  return out;
}
