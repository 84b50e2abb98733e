/**
 * `.verbatim.json`: the project's sources, speaker aliases and ignore marker, found in the
 * draft's folder or the nearest folder above it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readSourceEntries, type SourceEntry } from "../core/formats/sidecar";
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
  /** How each finding kind is reported; `off` drops it. */
  severities?: Partial<Record<FindingKind, Severity>>;
  /** The newsroom archive: a PostgreSQL connection string without a password. */
  archive?: string;
}

export type FindingKind = "misattributed" | "misquoted" | "unsourced";
export type Severity = "error" | "warning" | "information" | "hint" | "off";
const SEVERITIES: readonly string[] = ["error", "warning", "information", "hint", "off"];

export interface FoundConfig {
  file: string;
  config: VerbatimConfig;
}

export const CONFIG_NAME = ".verbatim.json";

export function findConfig(fromDir: string): FoundConfig | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    const file = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(file)) return { file, config: readConfig(file) };
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readConfig(file: string): VerbatimConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
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
    if (typeof c.ignoreMarker !== "string") throw new UserError(`${file}: "ignoreMarker" must be a string`);
    config.ignoreMarker = c.ignoreMarker;
  }
  if (c.thresholds !== undefined) config.thresholds = c.thresholds as VerbatimConfig["thresholds"];
  if (c.ignoredQuotes !== undefined) {
    if (!Array.isArray(c.ignoredQuotes) || !c.ignoredQuotes.every((q) => typeof q === "string")) throw new UserError(`${file}: "ignoredQuotes" must be a list of strings`);
    config.ignoredQuotes = c.ignoredQuotes;
  }
  if (c.archive !== undefined) {
    if (typeof c.archive !== "string") throw new UserError(`${file}: "archive" must be a connection string, e.g. "postgres://reporter@archive.example:5432/news"`);
    config.archive = c.archive;
  }
  if (c.severities !== undefined) {
    const sev = c.severities as Record<string, unknown>;
    if (!sev || typeof sev !== "object" || Array.isArray(sev)) throw new UserError(`${file}: "severities" must be an object`);
    for (const [kind, level] of Object.entries(sev)) {
      if (!["misattributed", "misquoted", "unsourced"].includes(kind)) throw new UserError(`${file}: unknown finding kind "${kind}" in "severities"`);
      if (typeof level !== "string" || !SEVERITIES.includes(level)) throw new UserError(`${file}: severity of ${kind} must be one of ${SEVERITIES.join(", ")}`);
    }
    config.severities = sev as VerbatimConfig["severities"];
  }
  return config;
}
