/**
 * The CLI's saved source index. Lives under the OS cache folder (`$XDG_CACHE_HOME/verbatim`, else
 * `~/.cache/verbatim`; `VERBATIM_CACHE_DIR` overrides), one index and one facts file per set of
 * source roots. Files are recognised by size + mtime, else by content hash, so only new or
 * changed files are tokenized again. Small source sets (under 256 KB) are not cached: they index
 * faster than a cache loads. `VERBATIM_CACHE=off` switches the cache off, `=on` forces it. A
 * damaged or old-format cache is rebuilt with a warning, never fatal.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CheckOptions, QuoteChecker } from "../core/check";
import type { SourceText } from "../core/corpus/corpus";
import { deserializeIndex, type SavedFacts } from "../core/corpus/persist";

const MIN_CACHED_CHARS = 256 * 1024;

export function cacheFolder(): string {
  if (process.env.VERBATIM_CACHE_DIR) return process.env.VERBATIM_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "verbatim");
}

export interface CachedChecker {
  checker: QuoteChecker;
  /** Saves what changed since loading (the index when files were re-tokenized; new facts). */
  save(): void;
}

export function openCachedChecker(sources: SourceText[], roots: string[], options: CheckOptions, warn: (msg: string) => void): CachedChecker {
  const mode = process.env.VERBATIM_CACHE ?? "auto";
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  if (mode === "off" || (mode !== "on" && chars < MIN_CACHED_CHARS)) return { checker: new QuoteChecker(sources, options), save: () => {} };

  for (const s of sources) {
    try {
      const st = fs.statSync(s.path);
      s.stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      // Not a plain file: recognised by content hash.
    }
  }
  const key = createHash("sha256").update(JSON.stringify(roots.map((r) => path.resolve(r)).sort())).digest("hex").slice(0, 16);
  const dir = cacheFolder();
  const indexFile = path.join(dir, `index-${key}.bin`);
  const factsFile = path.join(dir, `facts-${key}.json`);

  let prior: CheckOptions["prior"];
  let loadedFacts = 0;
  if (fs.existsSync(indexFile)) {
    try {
      let facts: Record<string, SavedFacts> | undefined;
      try {
        facts = JSON.parse(fs.readFileSync(factsFile, "utf8"));
        loadedFacts = Object.keys(facts ?? {}).length;
      } catch {
        facts = undefined;
      }
      prior = deserializeIndex(fs.readFileSync(indexFile), facts);
    } catch (e) {
      warn(`the saved source index (${indexFile}) could not be used and is rebuilt: ${(e as Error).message}`);
      prior = undefined;
    }
  }
  const checker = new QuoteChecker(sources, { ...options, prior });
  const reusedIndex = !!prior && checker.corpus.reusedIndex;
  return {
    checker,
    save() {
      try {
        fs.mkdirSync(dir, { recursive: true });
        if (!reusedIndex) writeAtomically(indexFile, checker.serializeIndex());
        const facts = checker.exportFacts();
        if (!reusedIndex || Object.keys(facts).length !== loadedFacts) writeAtomically(factsFile, JSON.stringify(facts));
      } catch (e) {
        warn(`could not save the source index in ${dir}: ${(e as Error).message}`);
      }
    },
  };
}

function writeAtomically(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
