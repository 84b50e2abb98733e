/**
 * `.verbatim.json`: the project's sources, speaker aliases, ignore marker, thresholds and
 * severities, found in the draft's folder or the nearest folder above it. The CLI and the
 * language server both read it here, so an invalid file gets the same message in the terminal
 * and in the editor.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CITATION_STYLES, type CitationStyle } from "../core/edits/citation";
import { readSourceEntries, type SourceEntry } from "../core/formats/sidecar";
import { type FindingKind, isFindingKind, isSeverity, type Severity, SEVERITIES } from "../core/findings";
import { UserError } from "./files";

export interface VerbatimConfig {
  /** Source files or folders, relative to the config file. */
  sources?: string[];
  /** Metadata for some of them (`{"path": …, "title": …}` entries of `sources`), paths relative to the config file. */
  sourceEntries?: SourceEntry[];
  aliases?: Record<string, string>;
  ignoreMarker?: string;
  thresholds?: { misquoteSimilarity?: number; misquoteCoverage?: number };
  /** Quotations never to check, as their words. */
  ignoredQuotes?: string[];
  /** How citations are written. */
  citationStyle?: CitationStyle;
  /** How each finding kind is reported; `off` drops it. */
  severities?: Partial<Record<FindingKind, Severity>>;
  /** The newsroom archive: a PostgreSQL connection string without a password. */
  archive?: string;
}

export type { FindingKind, Severity } from "../core/findings";

export interface FoundConfig {
  file: string;
  config: VerbatimConfig;
}

export const CONFIG_NAME = ".verbatim.json";

/** The nearest `.verbatim.json` from `fromDir` up (not above `stopAt`, when given); throws `UserError` when it is invalid. */
export function findConfig(fromDir: string, stopAt?: string): FoundConfig | undefined {
  const file = findUp(fromDir, (dir) => fs.existsSync(path.join(dir, CONFIG_NAME)), stopAt);
  return file === undefined ? undefined : { file: path.join(file, CONFIG_NAME), config: readConfig(path.join(file, CONFIG_NAME)) };
}

/** The nearest folder from `fromDir` up (not above `stopAt`) for which `test` holds. */
export function findUp(fromDir: string, test: (dir: string) => boolean, stopAt?: string): string | undefined {
  let dir = path.resolve(fromDir);
  const stop = stopAt && path.resolve(stopAt);
  for (;;) {
    if (test(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

export function readConfig(file: string): VerbatimConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new UserError(`${file}: expected a JSON object`);
  const c = raw as Record<string, unknown>;
  const config: VerbatimConfig = {};
  if (c.sources !== undefined) {
    const notes: string[] = [];
    const { paths, entries } = readSourceEntries(c.sources, notes);
    if (notes.length) throw new UserError(`${file}: ${notes[0]}`);
    config.sources = paths;
    if (entries.length) config.sourceEntries = entries;
  }
  if (c.aliases !== undefined) {
    if (!c.aliases || typeof c.aliases !== "object" || !Object.values(c.aliases).every((v) => typeof v === "string")) {
      throw new UserError(`${file}: "aliases" must map names to names, e.g. {"JD": "Jane Doe"}`);
    }
    config.aliases = c.aliases as Record<string, string>;
  }
  if (c.ignoreMarker !== undefined) {
    if (typeof c.ignoreMarker !== "string" || !c.ignoreMarker.trim()) throw new UserError(`${file}: "ignoreMarker" must be a non-empty string`);
    config.ignoreMarker = c.ignoreMarker.trim();
  }
  if (c.thresholds !== undefined) {
    const t = c.thresholds as Record<string, unknown>;
    if (!t || typeof t !== "object" || Array.isArray(t)) throw new UserError(`${file}: "thresholds" must be an object`);
    for (const [name, v] of Object.entries(t)) {
      if (name !== "misquoteSimilarity" && name !== "misquoteCoverage") throw new UserError(`${file}: unknown threshold "${name}" (thresholds: misquoteSimilarity, misquoteCoverage)`);
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > 1) throw new UserError(`${file}: "thresholds.${name}" must be a number above 0 and at most 1, not ${JSON.stringify(v)}`);
    }
    config.thresholds = t as VerbatimConfig["thresholds"];
  }
  if (c.ignoredQuotes !== undefined) {
    if (!Array.isArray(c.ignoredQuotes) || !c.ignoredQuotes.every((q) => typeof q === "string")) throw new UserError(`${file}: "ignoredQuotes" must be a list of strings`);
    config.ignoredQuotes = c.ignoredQuotes;
  }
  if (c.archive !== undefined) {
    if (typeof c.archive !== "string") throw new UserError(`${file}: "archive" must be a connection string, e.g. "postgres://reporter@archive.example:5432/news"`);
    config.archive = c.archive;
  }
  if (c.citationStyle !== undefined) {
    if (!CITATION_STYLES.includes(c.citationStyle as CitationStyle)) throw new UserError(`${file}: "citationStyle" must be one of ${CITATION_STYLES.join(", ")}`);
    config.citationStyle = c.citationStyle as CitationStyle;
  }
  if (c.severities !== undefined) {
    const sev = c.severities as Record<string, unknown>;
    if (!sev || typeof sev !== "object" || Array.isArray(sev)) throw new UserError(`${file}: "severities" must be an object`);
    for (const [kind, level] of Object.entries(sev)) {
      if (!isFindingKind(kind)) throw new UserError(`${file}: unknown finding kind "${kind}" in "severities"`);
      if (!isSeverity(level)) throw new UserError(`${file}: severity of ${kind} must be one of ${SEVERITIES.join(", ")}`);
    }
    config.severities = sev as VerbatimConfig["severities"];
  }
  return config;
}
