/**
 * `.verbatim.json`: the project's sources, speaker aliases, ignore marker, thresholds and
 * severities, found in the draft's folder or the nearest folder above it. The CLI and the
 * language server both read it here and check it with core/config (the shipped schema), so an
 * invalid file gets the same message in the terminal and in the editor.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_NAME, configMessage, parseProjectConfig, type VerbatimConfig } from "../core/config/config";
import { readStable, UserError } from "./files";

export { CONFIG_NAME, type VerbatimConfig } from "../core/config/config";
export type { FindingKind, Severity } from "../core/findings";

/** A project file is a few lines of JSON: anything much larger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface FoundConfig {
  file: string;
  config: VerbatimConfig;
}

/** The nearest `.verbatim.json` from `fromDir` up (not above `stopAt`, when given); throws `UserError` when it is invalid. */
export function findConfig(fromDir: string, stopAt?: string): FoundConfig | undefined {
  // Any entry of that name counts, a dangling link or a link loop too: it is reported, not passed over.
  const file = findUp(fromDir, (dir) => fs.lstatSync(path.join(dir, CONFIG_NAME), { throwIfNoEntry: false }) !== undefined, stopAt);
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

/**
 * Reads and checks a `.verbatim.json` (see core/config): any problem throws `UserError` with the
 * message every host shows. A FIFO, a device, a symlink loop or a huge file is refused without
 * being read (it must never hang a check).
 */
export function readConfig(file: string): VerbatimConfig {
  const read = readStable(file, MAX_CONFIG_BYTES);
  if ("problem" in read) throw new UserError(configMessage(file, [`cannot be read: ${read.problem}`]));
  const { config, problems } = parseProjectConfig(read.bytes);
  if (problems.length) throw new UserError(configMessage(file, problems));
  return config;
}
