/**
 * Metadata given beside a source rather than in it — for plain text, SRT and any file whose own
 * metadata is missing or wrong:
 * - a sidecar file `story.txt.meta.json` (or `story.meta.json`) next to `story.txt`;
 * - an object entry of `.verbatim.json` `sources`:
 *   `{"path": "sources/story.txt", "title": "…", "outlet": "…", "date": "2025-03-11", "url": "…"}`
 *   — a file, or a folder whose files all get it (`{"path": "sources/wire", "outlet": "Reuters"}`).
 * Layers, least specific first: the file's own metadata, folder entries (outer first), the file's
 * entry, its sidecar file. Sidecar files are never read as sources.
 */
import { FIELD_KEYS, metadataFromFields } from "./frontMatter";
import { mergeMetadata, type SourceMetadata } from "./metadata";

export const SIDECAR_SUFFIX = ".meta.json";

/** Is this file a sidecar (and so not a source)? */
export function isSidecarFile(path: string): boolean {
  return path.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

/** The sidecar files a source may have, most specific first: `a/story.txt.meta.json`, `a/story.meta.json`. */
export function sidecarPaths(sourcePath: string): string[] {
  const slash = Math.max(sourcePath.lastIndexOf("/"), sourcePath.lastIndexOf("\\"));
  const dot = sourcePath.lastIndexOf(".");
  const paths = [sourcePath + SIDECAR_SUFFIX];
  if (dot > slash + 1) paths.push(sourcePath.slice(0, dot) + SIDECAR_SUFFIX);
  return paths;
}

const KNOWN_KEYS = new Set<string>(["path", "$schema", ...Object.values(FIELD_KEYS).flat()]);

/** A sidecar's or entry's fields; unknown keys and unusable values are noted, never fatal. */
export function readMetadataObject(value: unknown, notes: string[]): SourceMetadata {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    notes.push("expected a JSON object with title, outlet, authors, date and url");
    return {};
  }
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!KNOWN_KEYS.has(key.toLowerCase())) notes.push(`unknown field "${key}" (known: title, outlet, authors, date, url)`);
  const metadata = metadataFromFields(fields);
  if (fields.date !== undefined && metadata.date === undefined) notes.push(`"date" is not a full date (write it as YYYY-MM-DD)`);
  if (fields.url !== undefined && metadata.url === undefined) notes.push(`"url" must be an http or https address`);
  return metadata;
}

/** Parses a sidecar file's text. */
export function parseSidecar(text: string, notes: string[]): SourceMetadata {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    notes.push(`not valid JSON (${(e as Error).message})`);
    return {};
  }
  return readMetadataObject(value, notes);
}

/** An object entry of `.verbatim.json` `sources`: a path (a file or a folder) and its metadata. */
export interface SourceEntry {
  path: string;
  metadata: SourceMetadata;
}

/**
 * Splits `.verbatim.json` `sources` into the paths to read and the metadata entries. Strings are
 * paths; objects are `{path, …metadata}` (their path is read too).
 */
export function readSourceEntries(sources: unknown, notes: string[]): { paths: string[]; entries: SourceEntry[] } {
  const list = typeof sources === "string" || (sources && typeof sources === "object" && !Array.isArray(sources)) ? [sources] : Array.isArray(sources) ? sources : undefined;
  if (!list) {
    notes.push(`"sources" must be a path or a list of paths`);
    return { paths: [], entries: [] };
  }
  const paths: string[] = [];
  const entries: SourceEntry[] = [];
  for (const item of list) {
    if (typeof item === "string") paths.push(item);
    else if (item && typeof item === "object" && !Array.isArray(item) && typeof (item as { path?: unknown }).path === "string" && (item as { path: string }).path.trim()) {
      const path = (item as { path: string }).path;
      const entryNotes: string[] = [];
      const metadata = readMetadataObject(item, entryNotes);
      notes.push(...entryNotes.map((n) => `"sources" entry ${path}: ${n}`));
      paths.push(path);
      entries.push({ path, metadata });
    } else notes.push(`"sources" entries must be paths, or objects with a "path" and the source's title, outlet, authors, date and url`);
  }
  return { paths, entries };
}

/**
 * The metadata the entries give a source file. Paths are compared after `normalize` (the host
 * makes both absolute, or both relative to the config file): an entry for the file itself, or
 * for a folder holding it.
 */
export function entryMetadata(file: string, entries: SourceEntry[], normalize: (path: string) => string): SourceMetadata | undefined {
  const target = normalize(file);
  const matching = entries
    .map((e) => ({ e, path: normalize(e.path).replace(/[\\/]+$/, "") }))
    .filter(({ path }) => target === path || target.startsWith(path + "/") || target.startsWith(path + "\\"))
    .sort((a, b) => a.path.length - b.path.length);
  return matching.length ? mergeMetadata(...matching.map((m) => m.e.metadata)) : undefined;
}

/** A source's metadata with the overrides applied, least specific last-but-one: see the file comment. */
export function overrideMetadata(own: SourceMetadata | undefined, entry: SourceMetadata | undefined, sidecar: SourceMetadata | undefined): SourceMetadata {
  return mergeMetadata(own, entry, sidecar);
}

/**
 * Separates listed files into sources and sidecars, and pairs each source with its most specific
 * sidecar among them. `extra` are sidecar paths known to exist beyond the list (beside a source
 * given by name).
 */
export function pairSidecars(paths: string[], extra: string[] = []): { sources: string[]; sidecarOf: Map<string, string> } {
  const sidecars = new Set([...paths.filter(isSidecarFile), ...extra]);
  const sources = paths.filter((p) => !isSidecarFile(p));
  const sidecarOf = new Map<string, string>();
  for (const s of sources) {
    const found = sidecarPaths(s).find((c) => sidecars.has(c));
    if (found) sidecarOf.set(s, found);
  }
  return { sources, sidecarOf };
}
