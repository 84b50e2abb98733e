/**
 * A folder's saved index in the extension's storage, read and written by the worker itself with
 * node:fs (the bytes never cross to the extension host). Written atomically; a damaged or
 * old-format file is reported and the index is built afresh.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { QuoteChecker } from "../core/check";
import type { PriorIndex } from "../core/corpus/corpus";
import { deserializeIndex, type SavedFacts } from "../core/corpus/persist";
import type { StorageFiles } from "./protocol";

export function loadSaved(files: StorageFiles, log: (m: string) => void): PriorIndex | undefined {
  if (!fs.existsSync(files.index)) return undefined;
  try {
    let facts: Record<string, SavedFacts> | undefined;
    try {
      facts = JSON.parse(fs.readFileSync(files.facts, "utf8"));
    } catch {
      facts = undefined;
    }
    return deserializeIndex(fs.readFileSync(files.index), facts);
  } catch (e) {
    log(`the saved index ${files.index} could not be used and is rebuilt: ${(e as Error).message}`);
    return undefined;
  }
}

export function saveIndex(files: StorageFiles, checker: QuoteChecker, withIndex: boolean): void {
  fs.mkdirSync(path.dirname(files.index), { recursive: true });
  if (withIndex) writeAtomically(files.index, checker.serializeIndex());
  saveFacts(files, checker);
}

/** What the sources taught about people grows as checks read them: saved on its own. */
export function saveFacts(files: StorageFiles, checker: QuoteChecker): void {
  writeAtomically(files.facts, JSON.stringify(checker.exportFacts()));
}

function writeAtomically(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
