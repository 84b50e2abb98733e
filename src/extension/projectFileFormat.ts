/**
 * The contents of a `.verbatim.json` (see schemas/verbatim.schema.json), read leniently: a value
 * of the wrong type is skipped with a note rather than failing the whole file, so one typo does
 * not switch the editor off. Pure (no vscode import) so it is unit-tested.
 */
import { readSourceEntries, type SourceEntry } from "../core/formats/sidecar";
import type { FindingKind } from "../core/verdict/judge";

export type SeveritySetting = "error" | "warning" | "information" | "hint" | "off";

export interface ProjectFile {
  /** Glob patterns relative to the folder (the file's entries, folders made recursive). */
  sources?: string[];
  /** Metadata entries of `sources`, paths relative to the folder. */
  sourceEntries?: SourceEntry[];
  aliases?: Record<string, string>;
  ignoreMarker?: string;
  ignoredQuotes?: string[];
  severities?: Partial<Record<FindingKind, SeveritySetting>>;
  thresholds?: { misquoteSimilarity?: number; misquoteCoverage?: number };
}

const SEVERITIES = new Set(["error", "warning", "information", "hint", "off"]);
const KINDS: FindingKind[] = ["misattributed", "misquoted", "unsourced"];

/** Parses the file's JSON value; `notes` collects what was skipped and why. */
export function parseProjectFile(value: unknown, notes: string[]): ProjectFile {
  const out: ProjectFile = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    notes.push("expected a JSON object");
    return out;
  }
  const c = value as Record<string, unknown>;
  const strings = (v: unknown) => (typeof v === "string" ? [v] : Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined);
  if (c.sources !== undefined) {
    // Object entries (`{"path": …, "title": …}`) give metadata too; their paths are sources like the rest.
    const { paths, entries } = readSourceEntries(c.sources, notes);
    out.sources = sourceGlobs(paths, notes);
    if (entries.length) out.sourceEntries = entries;
  }
  if (c.aliases !== undefined) {
    if (c.aliases && typeof c.aliases === "object" && !Array.isArray(c.aliases)) {
      out.aliases = Object.fromEntries(Object.entries(c.aliases).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""));
    } else notes.push('"aliases" must map names to names');
  }
  if (typeof c.ignoreMarker === "string" && c.ignoreMarker.trim()) out.ignoreMarker = c.ignoreMarker.trim();
  else if (c.ignoreMarker !== undefined) notes.push('"ignoreMarker" must be a non-empty string');
  if (c.ignoredQuotes !== undefined) {
    const list = strings(c.ignoredQuotes);
    if (list) out.ignoredQuotes = list;
    else notes.push('"ignoredQuotes" must be a list of strings');
  }
  if (c.severities && typeof c.severities === "object") {
    const s = c.severities as Record<string, unknown>;
    out.severities = {};
    for (const kind of KINDS) {
      const v = s[kind];
      if (typeof v === "string" && SEVERITIES.has(v)) out.severities[kind] = v as SeveritySetting;
      else if (v !== undefined) notes.push(`"severities.${kind}" must be one of error, warning, information, hint, off`);
    }
  }
  if (c.thresholds && typeof c.thresholds === "object") {
    const t = c.thresholds as Record<string, unknown>;
    const share = (v: unknown) => (typeof v === "number" && v > 0 && v <= 1 ? v : undefined);
    out.thresholds = {};
    if (share(t.misquoteSimilarity) !== undefined) out.thresholds.misquoteSimilarity = share(t.misquoteSimilarity);
    if (share(t.misquoteCoverage) !== undefined) out.thresholds.misquoteCoverage = share(t.misquoteCoverage);
  }
  return out;
}

/**
 * The file's `sources` entries as globs relative to the folder: a plain path names a file or a
 * folder (read recursively), so it gives both `p` and `p/**`; a glob stays as it is. Paths
 * outside the folder cannot be watched or matched by the editor and are skipped with a note.
 */
export function sourceGlobs(entries: string[], notes: string[]): string[] {
  const globs: string[] = [];
  for (const raw of entries) {
    const p = raw.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    if (!p || p === ".") globs.push("**");
    else if (/^(\/|[a-zA-Z]:\/)/.test(p) || p === ".." || p.startsWith("../")) notes.push(`source "${raw}" is outside the workspace folder; the editor reads sources inside it only`);
    else if (/[*?[\]{}]/.test(p)) globs.push(p);
    else globs.push(p, `${p}/**`);
  }
  return globs;
}
