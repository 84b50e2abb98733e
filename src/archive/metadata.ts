/**
 * What the archive records about who published a source: title, outlet, date, URL, authors.
 * Taken from what the format reader found (`SourceText.metadata`, when the reader provides it)
 * and overridden by a sidecar `NAME.meta.json` beside the file (`{"title": …, "outlet": …,
 * "date": "2015-11-30", "url": …, "authors": […]}`), the form the project uses for plain text.
 */
import * as fs from "node:fs";
import type { SourceText } from "../core/corpus/corpus";

export interface SourceMetadata {
  title?: string;
  outlet?: string;
  /** Publication date as the source gives it (ISO `YYYY-MM-DD` where known). */
  date?: string;
  url?: string;
  authors?: string[];
}

/** The sidecar of a source file: `story.txt` → `story.meta.json` (also `story.txt.meta.json`). */
export function sidecarPaths(file: string): string[] {
  const dot = file.lastIndexOf(".");
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const stem = dot > slash + 1 ? file.slice(0, dot) : file;
  return [`${stem}.meta.json`, `${file}.meta.json`];
}

export const isSidecar = (file: string) => /\.meta\.json$/i.test(file);

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 2000) : undefined);

function clean(m: Record<string, unknown> | undefined): SourceMetadata {
  if (!m || typeof m !== "object") return {};
  const authors = Array.isArray(m.authors) ? m.authors.map(str).filter((a): a is string => !!a) : str(m.author) ? [str(m.author)!] : undefined;
  return {
    title: str(m.title),
    outlet: str(m.outlet) ?? str(m.publisher),
    date: str(m.date) ?? str(m.published),
    url: str(m.url),
    authors: authors?.length ? authors : undefined,
  };
}

/** The sidecar's bytes, if there is one (they are part of what decides whether a source changed). */
export function readSidecar(file: string): { path: string; bytes: Buffer } | undefined {
  for (const p of sidecarPaths(file)) {
    try {
      return { path: p, bytes: fs.readFileSync(p) };
    } catch {
      // none here
    }
  }
  return undefined;
}

/** Metadata from the reader, overridden field by field by the sidecar; a broken sidecar is a warning. */
export function sourceMetadata(source: SourceText, sidecar: { path: string; bytes: Buffer } | undefined, warn: (msg: string) => void): SourceMetadata {
  const fromReader = clean((source as { metadata?: Record<string, unknown> }).metadata);
  if (!sidecar) return fromReader;
  let parsed: unknown;
  try {
    parsed = JSON.parse(sidecar.bytes.toString("utf8"));
  } catch (e) {
    warn(`${sidecar.path}: not valid JSON (${(e as Error).message}); metadata ignored`);
    return fromReader;
  }
  const side = clean(parsed as Record<string, unknown>);
  const out: SourceMetadata = { ...fromReader };
  for (const [k, v] of Object.entries(side)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
