/**
 * The source index: every word of every source as an integer, word 3-grams hashed into sorted
 * typed arrays (hash → positions), and per-word postings. Finding where a quote's words occur is
 * then a few binary searches, never a scan of the text.
 */

export interface IndexedWords {
  /** Word ids, all sources end to end. */
  ids: Int32Array;
  /** First global position of each document, plus the total at the end. */
  docStarts: Int32Array;
}

/** N-grams that occur more often than this are too common to say where a quote comes from. */
export const COMMON_NGRAM_CAP = 2000;

export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 13)) + b, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 16)) + c, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

export class NgramIndex {
  /** Trigram hashes in ascending order, and the position each came from. */
  readonly hashes: Uint32Array;
  readonly positions: Uint32Array;
  /** Word postings by id: positions of word `id` are `wordPositions[wordStart[id] .. wordStart[id + 1]]`. */
  readonly wordStart: Int32Array;
  readonly wordPositions: Int32Array;

  constructor(readonly words: IndexedWords, vocabularySize: number) {
    const { ids, docStarts } = words;
    // Trigrams never cross a document boundary.
    const n = Math.max(0, ids.length);
    const hashes = new Uint32Array(n);
    const positions = new Uint32Array(n);
    let count = 0;
    let doc = 0;
    for (let i = 0; i + 2 < n; i++) {
      while (doc + 1 < docStarts.length && docStarts[doc + 1] <= i) doc++;
      if (i + 2 >= docStarts[doc + 1]) continue;
      hashes[count] = hash3(ids[i], ids[i + 1], ids[i + 2]);
      positions[count] = i;
      count++;
    }
    const sorted = radixSortPairs(hashes.subarray(0, count), positions.subarray(0, count));
    this.hashes = sorted.keys;
    this.positions = sorted.values;

    // Word postings by counting sort: ids are dense.
    const wordStart = new Int32Array(vocabularySize + 1);
    for (let i = 0; i < n; i++) wordStart[ids[i] + 1]++;
    for (let v = 0; v < vocabularySize; v++) wordStart[v + 1] += wordStart[v];
    const fill = wordStart.slice(0, vocabularySize);
    const wordPositions = new Int32Array(n);
    for (let i = 0; i < n; i++) wordPositions[fill[ids[i]]++] = i;
    this.wordStart = wordStart;
    this.wordPositions = wordPositions;
  }

  /** Positions where the trigram with this hash starts (empty when absent or too common). */
  trigram(hash: number): Uint32Array {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.hashes.length && this.hashes[end] === hash) end++;
    if (end - lo > COMMON_NGRAM_CAP) return new Uint32Array(0);
    return this.positions.subarray(lo, end);
  }

  wordCount(id: number): number {
    return id < 0 ? 0 : this.wordStart[id + 1] - this.wordStart[id];
  }

  word(id: number): Int32Array {
    return this.wordPositions.subarray(this.wordStart[id], this.wordStart[id + 1]);
  }

  /** Which document a global position belongs to. */
  docAt(position: number): number {
    const starts = this.words.docStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** LSD radix sort of (key, value) pairs by 32-bit key, 16 bits a pass. */
function radixSortPairs(keys: Uint32Array, values: Uint32Array): { keys: Uint32Array; values: Uint32Array } {
  const n = keys.length;
  let k1 = Uint32Array.from(keys);
  let v1 = Uint32Array.from(values);
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const b = (k1[i] >>> shift) & 0xffff;
      const at = counts[b]++;
      k2[at] = k1[i];
      v2[at] = v1[i];
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return { keys: k1, values: v1 };
}
