/**
 * The archive's retrieval keys: hashed word 3-grams, chosen by winnowing. A source is cut into
 * overlapping passages of words; each passage keeps the 3-gram hashes that winnowing selects (the
 * smallest hash of every run of `WINNOW` consecutive 3-grams), so any stretch of
 * `WINNOW + 2` words that a quote shares with a passage shares at least one stored key. A quote
 * is looked up by all of its own 3-gram hashes. Words are the engine's (lower case, punctuation
 * and quote marks dropped: `tokenize`), so case and punctuation edits do not change a key, and
 * 3-grams made only of function words (`one of the`) are never keys: they say nothing about
 * where a quote comes from.
 *
 * Winnowing: Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
 * fingerprinting" (SIGMOD 2003).
 */
import { hash3 } from "../core/corpus/ngramIndex";
import { stopwordSet } from "../core/lexicon";
import { tokenize } from "../core/text/words";

/** 3-grams per winnowing window: a shared run of `WINNOW + 2` words is always found. */
export const WINNOW = 4;
/** Words per passage, and words shared by consecutive passages (a quote up to that long lies inside one). */
export const PASSAGE_WORDS = 240;
export const PASSAGE_OVERLAP = 60;

/** FNV-1a of a normalised word. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Bits of a stored key. Fewer bits than the hash has make keys shared by several 3-grams, so the
 * GIN index holds posting lists (a byte or two per entry) instead of one index tuple per 3-gram
 * (about 28 bytes): a chance collision only adds a candidate passage that the engine's alignment
 * then rejects. 2^24 keys keep the lists short at 10 GB of text (see docs/archive.md).
 */
export const KEY_BITS = 24;

/** A 3-gram's key as PostgreSQL stores it (a non-negative integer below 2^KEY_BITS). */
const gramKey = (a: number, b: number, c: number) => hash3(a, b, c) >>> (32 - KEY_BITS);

/**
 * Keys of the 3-grams of `words` (each at the index of its first word, -1 not a key), in order:
 * 3-grams crossing a gap (an ellipsis in a quote) and 3-grams of function words only are not keys.
 */
export function gramKeys(words: readonly string[], gapBefore?: readonly boolean[]): { keys: Int32Array; valid: Uint8Array } {
  const n = Math.max(0, words.length - 2);
  const keys = new Int32Array(n);
  const valid = new Uint8Array(n);
  if (n === 0) return { keys, valid };
  // One pass over the words: their hashes and function-word flags in typed arrays.
  const hashes = new Uint32Array(words.length);
  const stop = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    hashes[i] = wordHash(w);
    if (stopwordSet.has(w)) stop[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (gapBefore && (gapBefore[i + 1] || gapBefore[i + 2])) continue;
    if (stop[i] & stop[i + 1] & stop[i + 2]) continue;
    keys[i] = gramKey(hashes[i], hashes[i + 1], hashes[i + 2]);
    valid[i] = 1;
  }
  return { keys, valid };
}

/** The distinct keys of a quotation's words, for a look-up. */
export function quoteKeys(words: readonly string[], gapBefore: readonly boolean[]): number[] {
  const { keys, valid } = gramKeys(words, gapBefore);
  const out = new Set<number>();
  for (let i = 0; i < keys.length; i++) if (valid[i]) out.add(keys[i]);
  return [...out].sort((a, b) => a - b);
}

/**
 * Winnowing over the valid keys of `[from, to)`: the smallest key of every window of `WINNOW`
 * consecutive keys (the rightmost on ties), each selected position once. Returns the distinct
 * keys, ascending (the form intarray's GIN index stores).
 */
export function winnow(keys: Int32Array, valid: Uint8Array, from: number, to: number, window = WINNOW): number[] {
  let count = 0;
  for (let i = from; i < to; i++) count += valid[i];
  const seq = new Int32Array(count);
  for (let i = from, j = 0; i < to; i++) if (valid[i]) seq[j++] = keys[i];
  let chosen: Int32Array;
  let c = 0;
  if (count <= window) {
    chosen = seq;
    c = count;
  } else {
    chosen = new Int32Array(count - window + 1);
    // Monotone deque of positions with increasing keys: the front is the window's minimum.
    const deque = new Int32Array(count);
    let head = 0;
    let tail = 0;
    let last = -1;
    for (let i = 0; i < count; i++) {
      while (tail > head && seq[deque[tail - 1]] >= seq[i]) tail--;
      deque[tail++] = i;
      if (deque[head] <= i - window) head++;
      // The same position stays the minimum of consecutive windows: noted once.
      if (i >= window - 1 && deque[head] !== last) chosen[c++] = seq[(last = deque[head])];
    }
  }
  // Distinct keys, ascending (a typed array sorts numerically).
  const sorted = chosen.subarray(0, c).sort();
  const out: number[] = [];
  for (let i = 0; i < c; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}

export interface PassageKeys {
  /** Character range of the passage in the source text. */
  start: number;
  end: number;
  keys: number[];
}

/** A source cut into overlapping passages of words, each with its winnowed keys. Linear in the text. */
export function documentPassages(text: string): PassageKeys[] {
  const list = tokenize(text);
  const n = list.words.length;
  if (n === 0) return [];
  const { keys, valid } = gramKeys(list.words);
  const out: PassageKeys[] = [];
  const step = PASSAGE_WORDS - PASSAGE_OVERLAP;
  for (let first = 0; ; first += step) {
    const last = Math.min(n, first + PASSAGE_WORDS);
    // 3-grams starting in the passage and ending inside it.
    const gramsTo = Math.max(first, last - 2);
    out.push({ start: list.starts[first], end: list.ends[last - 1], keys: winnow(keys, valid, first, gramsTo) });
    if (last >= n) break;
  }
  return out;
}

/** Keys a look-up keeps at least, however common (the rarest ones). */
export const MIN_LOOKUP_KEYS = 3;

/**
 * The keys a quotation is looked up by: the ones winnowing selects from its own 3-grams (a
 * passage holding the quotation, or any `WINNOW + 2` words of it, selected the same key for every
 * window inside the shared words), less keys found in more than `maxPassages` passages — common
 * phrases whose long posting lists cost time and say little about where the quotation comes from
 * — unless that would leave fewer than `MIN_LOOKUP_KEYS` (the rarest then stay). `passagesOf`
 * estimates a key's passages (from the planner's statistics); unknown keys are rare.
 */
export function lookupKeys(words: readonly string[], gapBefore: readonly boolean[], passagesOf?: (key: number) => number, maxPassages = Infinity): number[] {
  const { keys, valid } = gramKeys(words, gapBefore);
  const chosen = winnow(keys, valid, 0, keys.length);
  if (!passagesOf) return chosen;
  const rare = chosen.filter((k) => passagesOf(k) <= maxPassages);
  if (rare.length >= Math.min(MIN_LOOKUP_KEYS, chosen.length)) return rare;
  const rarest = [...chosen].sort((a, b) => passagesOf(a) - passagesOf(b) || a - b).slice(0, MIN_LOOKUP_KEYS);
  return rarest.sort((a, b) => a - b);
}
