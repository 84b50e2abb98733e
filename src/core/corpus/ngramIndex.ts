/**
 * The source index: every word of every source as an integer, the positions of every word
 * 3-gram sorted by the 3-gram's hash and cut into buckets by the hash's top bits, and postings
 * of the rarer single words. Finding where a quote's words occur is then a bucket scan per
 * 3-gram, never a scan of the text. All arrays are typed, so the index saves and reloads as is.
 */
import { radixSortPairs } from "./radix";

/** N-grams that occur more often than this are too common to say where a quote comes from. */
export const COMMON_NGRAM_CAP = 2000;
/** Words more frequent than this are never used as seeds, so their postings are not kept. */
export const RARE_WORD_CAP = 5000;

export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 13)) + b, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 16)) + c, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

export interface IndexArrays {
  bucketBits: number;
  /** Positions of bucket `b` are `positions[bucketStart[b] .. bucketStart[b + 1]]`. */
  bucketStart: Uint32Array;
  positions: Uint32Array;
  /** Occurrences of each word id. */
  wordCounts: Int32Array;
  /** Positions of a rare word `id` are `postings[postingStart[id] .. postingStart[id + 1]]`. */
  postingStart: Int32Array;
  postings: Int32Array;
}

export class NgramIndex {
  constructor(
    /** Word ids, all sources end to end. */
    readonly ids: Int32Array,
    readonly arrays: IndexArrays,
  ) {}

  /** Indexes `ids`; 3-grams never cross a boundary in `docStarts` (first word of each document, then the total). */
  static build(ids: Int32Array, docStarts: Int32Array, vocabularySize: number): NgramIndex {
    const n = ids.length;
    const hashes = new Uint32Array(n);
    const positions = new Uint32Array(n);
    let count = 0;
    for (let d = 0; d + 1 < docStarts.length; d++) {
      for (let i = docStarts[d]; i + 2 < docStarts[d + 1]; i++) {
        hashes[count] = hash3(ids[i], ids[i + 1], ids[i + 2]);
        positions[count++] = i;
      }
    }
    const keys = hashes.subarray(0, count);
    const values = positions.subarray(0, count);
    radixSortPairs(keys, values);
    // Drop 3-grams too common to seed (the lookup would return nothing for them anyway).
    let kept = 0;
    for (let i = 0; i < count; ) {
      let j = i + 1;
      while (j < count && keys[j] === keys[i]) j++;
      if (j - i <= COMMON_NGRAM_CAP) {
        for (let k = i; k < j; k++) {
          keys[kept] = keys[k];
          values[kept++] = values[k];
        }
      }
      i = j;
    }
    // About four positions a bucket: small bucket table, short scans.
    const bucketBits = Math.max(4, Math.min(24, Math.ceil(Math.log2(kept + 1)) - 2));
    const shift = 32 - bucketBits;
    const bucketStart = new Uint32Array((1 << bucketBits) + 1);
    for (let i = 0; i < kept; i++) bucketStart[(keys[i] >>> shift) + 1]++;
    for (let b = 0; b < 1 << bucketBits; b++) bucketStart[b + 1] += bucketStart[b];

    const wordCounts = new Int32Array(vocabularySize);
    for (let i = 0; i < n; i++) wordCounts[ids[i]]++;
    const postingStart = new Int32Array(vocabularySize + 1);
    for (let v = 0; v < vocabularySize; v++) postingStart[v + 1] = postingStart[v] + (wordCounts[v] <= RARE_WORD_CAP ? wordCounts[v] : 0);
    const fill = postingStart.slice(0, vocabularySize);
    const postings = new Int32Array(postingStart[vocabularySize]);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (wordCounts[id] <= RARE_WORD_CAP) postings[fill[id]++] = i;
    }
    return new NgramIndex(ids, { bucketBits, bucketStart, positions: positions.slice(0, kept), wordCounts, postingStart, postings });
  }

  /** Appends to `out` the positions where the 3-gram `a b c` starts (none when absent or too common). */
  trigram(a: number, b: number, c: number, out: number[]): void {
    const { bucketBits, bucketStart, positions } = this.arrays;
    const ids = this.ids;
    const bucket = hash3(a, b, c) >>> (32 - bucketBits);
    const before = out.length;
    for (let k = bucketStart[bucket], end = bucketStart[bucket + 1]; k < end; k++) {
      const p = positions[k];
      if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) out.push(p);
    }
    if (out.length - before > COMMON_NGRAM_CAP) out.length = before;
  }

  wordCount(id: number): number {
    return id < 0 || id >= this.arrays.wordCounts.length ? 0 : this.arrays.wordCounts[id];
  }

  /** Positions of a word seen at most `RARE_WORD_CAP` times (empty for commoner words). */
  word(id: number): Int32Array {
    const { postingStart, postings } = this.arrays;
    return postings.subarray(postingStart[id], postingStart[id + 1]);
  }

  /** Bytes held by the index arrays and the word ids. */
  get byteLength(): number {
    const a = this.arrays;
    return this.ids.byteLength + a.bucketStart.byteLength + a.positions.byteLength + a.wordCounts.byteLength + a.postingStart.byteLength + a.postings.byteLength;
  }
}
