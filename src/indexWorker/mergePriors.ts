/**
 * The words a saved index and a partial index (built from it while a first build ran) know
 * between them, as one prior for the full index: per-file word ids from either, the later
 * vocabulary (a build extends its prior's vocabulary in place, so ids agree). The saved
 * segments are left out: their positions belong to the saved word array, not to the partial one.
 */
import type { PriorIndex } from "../core/corpus/corpus";

export function mergePriors(saved: PriorIndex, partial: PriorIndex): PriorIndex {
  if (saved.vocabulary !== partial.vocabulary) return partial;
  const files: PriorIndex["files"] = new Map();
  for (const [path, f] of saved.files) files.set(path, { ...f, first: undefined });
  for (const [path, f] of partial.files) files.set(path, { ...f, first: undefined });
  return { vocabulary: partial.vocabulary, files };
}
