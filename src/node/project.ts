/**
 * Which project a draft belongs to, the same way in the CLI and the language server: the folder
 * of the nearest `.verbatim.json` above the draft; else the nearest folder above it that has a
 * `sources/` folder (so `drafts/story.md` finds `sources/` at the root as well as beside it);
 * else the draft's own folder (or, in an editor, the workspace folder). The search never goes
 * above `stopAt` (an editor's workspace folder).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProjectSettings } from "../core/service";
import { CONFIG_NAME, type FoundConfig, findConfig, findUp } from "./config";

export const DEFAULT_SOURCES = ["sources"];

export interface Project {
  root: string;
  /** The project file, when there is one. */
  config?: FoundConfig;
  /** True when the root was chosen because it has a `sources/` folder (no project file). */
  bySourcesFolder: boolean;
}

/** The project of a draft file (throws `UserError` for an invalid `.verbatim.json`). */
export function projectOf(draft: string, stopAt?: string): Project {
  const dir = path.dirname(path.resolve(draft));
  const config = findConfig(dir, stopAt);
  if (config) return { root: path.dirname(config.file), config, bySourcesFolder: false };
  const withSources = findUp(dir, (d) => isFolder(path.join(d, "sources")), stopAt);
  if (withSources) return { root: withSources, bySourcesFolder: true };
  return { root: stopAt ? path.resolve(stopAt) : dir, bySourcesFolder: false };
}

/** The project's settings from its file (defaults for what the file leaves out). */
export function settingsOf(project: Project): ProjectSettings {
  const c = project.config?.config ?? {};
  return {
    sources: c.sources ?? DEFAULT_SOURCES,
    aliases: c.aliases,
    ignoreMarker: c.ignoreMarker,
    thresholds: c.thresholds,
    ignoredQuotes: c.ignoredQuotes,
    severities: c.severities,
  };
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export { CONFIG_NAME };
