/**
 * `.verbatim.json`: the project's sources, speaker aliases and ignore marker, found in the
 * draft's folder or the nearest folder above it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserError } from "./files";

export interface VerbatimConfig {
  /** Source files or folders, relative to the config file. */
  sources?: string[];
  aliases?: Record<string, string>;
  ignoreMarker?: string;
  thresholds?: { misquoteSimilarity?: number; misquoteCoverage?: number };
}

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
    const list = typeof c.sources === "string" ? [c.sources] : c.sources;
    if (!Array.isArray(list) || !list.every((s) => typeof s === "string")) throw new UserError(`${file}: "sources" must be a string or a list of strings`);
    config.sources = list;
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
  return config;
}
