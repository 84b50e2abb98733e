/**
 * Reads drafts and sources from disk. Sources are read-only to Verbatim: nothing here writes.
 * Binary, empty, unreadable and oversized files are skipped with a warning, never a crash.
 */
import * as fs from "node:fs";
import * as path from "node:path";

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

/** Decodes a file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Undefined for binary. */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Reads one draft; a problem here is the user's to fix, so it is an error, not a warning. */
export function readDraft(file: string): LoadedText {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UserError(`cannot read draft ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  const text = decodeText(bytes);
  if (text === undefined) throw new UserError(`draft ${file} is a binary file, not text`);
  return { path: file, text };
}

const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", ".vscode-test", ".verbatim-cache"]);

/** Collects the source files under the given files and folders, recursively, each once. */
export function listSources(roots: string[], limits: LoadLimits, warn: (msg: string) => void): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (p: string) => {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(p);
      stat = fs.statSync(real);
    } catch (e) {
      warn(`skipping ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    if (seen.has(real)) return; // symlink loops and duplicates
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(real).sort();
      } catch (e) {
        warn(`skipping folder ${p}: ${(e as Error).message}`);
        return;
      }
      for (const name of entries) {
        if (name.startsWith(".") || SKIP_DIRS.has(name)) continue;
        visit(path.join(p, name));
      }
    } else if (stat.isFile()) {
      if (files.length >= limits.maxFiles) {
        if (files.length === limits.maxFiles) warn(`more than ${limits.maxFiles} source files: the rest are skipped`);
        files.push("");
        return;
      }
      files.push(p);
    }
  };
  for (const r of roots) visit(r);
  return files.filter(Boolean);
}

export function readSources(files: string[], limits: LoadLimits, warn: (msg: string) => void): LoadedText[] {
  const out: LoadedText[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > limits.maxFileBytes) {
        warn(`skipping ${file}: ${(size / 1048576).toFixed(1)} MB is over the ${(limits.maxFileBytes / 1048576).toFixed(0)} MB limit`);
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (e) {
      warn(`skipping ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    if (bytes.length === 0) {
      warn(`skipping ${file}: empty file`);
      continue;
    }
    const text = decodeText(bytes);
    if (text === undefined) {
      warn(`skipping ${file}: binary file`);
      continue;
    }
    out.push({ path: file, text });
  }
  return out;
}
