/**
 * One segment of the source index, over some documents' ranges of the corpus's word ids: the
 * positions of every word 3-gram grouped by the 3-gram's hash (cut into buckets by the hash's top
 * bits), and postings of the rarer single words. Finding where a quote's words occur is then a
 * bucket scan per 3-gram, never a scan of the text. All arrays are typed, so a segment saves and
 * reloads as is. Positions are global (positions in the corpus's `ids`).
 */
import type { PagedArrays } from "./pagedArrays";

/** N-grams that occur more often than this are too common to say where a quote comes from. */
export const COMMON_NGRAM_CAP = 2000;
/** Words more frequent than this are never used as seeds, so their postings are not kept. */
export const RARE_WORD_CAP = 5000;
/** Of each 3-gram over the cap, this many first positions are kept: the last-resort seeds. */
export const CAPPED_SAMPLE = 64;

export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 13)) + b, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 16)) + c, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

export interface IndexArrays {
  bucketBits: number;
  /**
   * Bits of each 3-gram's hash (the ones below the bucket's) kept in the high bits of its
   * positions, where the positions leave room (`tagBits` of 32): a look-up skips the other
   * 3-grams of its bucket without reading their words, which for a saved index read page by page
   * is most of the pages a look-up would read. 0 (or absent): plain positions.
   */
  tagBits?: number;
  /** Positions of bucket `b` are `positions[bucketStart[b] .. bucketStart[b + 1]]`. */
  bucketStart: Uint32Array;
  positions: Uint32Array;
  /** Occurrences of each word id (in this segment). */
  wordCounts: Int32Array;
  /** Positions of a rare word `id` are `postings[postingStart[id] .. postingStart[id + 1]]`. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Hashes of the 3-grams over the cap, ascending; their sampled positions are `cappedPositions[cappedStart[k] .. cappedStart[k + 1]]`. */
  cappedHashes: Uint32Array;
  cappedStart: Uint32Array;
  cappedPositions: Uint32Array;
}

/** A growable list of positions, reused across queries. */
export class HitBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.ceil(this.data.length * 1.5));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `capacity` values. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const bigger = new Int32Array(Math.max(capacity, Math.ceil(this.data.length * 1.5)));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

export class NgramIndex {
  constructor(
    /** Word ids, all sources end to end. */
    readonly ids: Int32Array,
    readonly arrays: IndexArrays,
    /** Set while the arrays are read from a saved index page by page: each look-up asks for what it reads. */
    private readonly pages?: PagedArrays,
  ) {}

  /** Indexes the ranges `[ranges[2k], ranges[2k + 1])` of `ids`; 3-grams never cross a range's end. */
  static build(ids: Int32Array, ranges: Int32Array, vocabularySize: number): NgramIndex {
    let count = 0;
    for (let r = 0; r < ranges.length; r += 2) count += Math.max(0, ranges[r + 1] - ranges[r] - 2);
    // About four to eight positions a bucket: a small bucket table (4 bytes a bucket), short scans.
    const bucketBits = Math.max(4, Math.min(24, Math.ceil(Math.log2(count + 1)) - 3));
    const tagBits = tagRoom(ids.length, bucketBits);
    const [values, bucketStart] = groupTrigrams(ids, ranges, count, bucketBits, tagBits);
    const grouped = dropCommon(ids, values, bucketStart, tagBits);
    return new NgramIndex(ids, { bucketBits, tagBits, ...grouped, ...wordPostings(ids, ranges, vocabularySize) });
  }

  /** Appends to `out` the positions where the 3-gram `a b c` starts (none when absent or too common). */
  trigram(a: number, b: number, c: number, out: number[]): void {
    const hits = new HitBuffer();
    this.trigramInto(a, b, c, hits);
    for (let k = 0; k < hits.length; k++) out.push(hits.data[k]);
  }

  /** Like `trigram`, into a reused buffer; returns how many positions it added. */
  trigramInto(a: number, b: number, c: number, out: HitBuffer): number {
    const { bucketBits, bucketStart, positions } = this.arrays;
    const tagBits = this.arrays.tagBits ?? 0;
    const { ids, pages } = this;
    const h = hash3(a, b, c);
    const bucket = h >>> (32 - bucketBits);
    const before = out.length;
    const lazy = pages !== undefined && !pages.complete;
    if (lazy) pages.need(bucketStart, bucket, bucket + 2);
    const from = bucketStart[bucket];
    const end = bucketStart[bucket + 1];
    if (lazy) pages.need(positions, from, end);
    const shift = 32 - tagBits;
    const tag = tagBits ? tagOf(h, bucketBits, tagBits) : 0;
    const mask = tagBits ? (1 << shift) - 1 : -1;
    for (let k = from; k < end; k++) {
      const v = positions[k];
      // Another 3-gram of the bucket: not this one, whatever its words.
      if (tagBits && v >>> shift !== tag) continue;
      const p = v & mask;
      if (lazy) pages.need(ids, p, p + 3);
      if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) out.push(p);
    }
    if (out.length - before > COMMON_NGRAM_CAP) out.length = before;
    return out.length - before;
  }

  /** Sampled positions of a 3-gram over the cap (none for any other); returns how many. */
  cappedInto(a: number, b: number, c: number, out: HitBuffer): number {
    const { cappedHashes, cappedStart, cappedPositions } = this.arrays;
    const { pages } = this;
    // Small arrays (a few thousand 3-grams): read whole.
    pages?.need(cappedHashes, 0, cappedHashes.length);
    pages?.need(cappedStart, 0, cappedStart.length);
    pages?.need(cappedPositions, 0, cappedPositions.length);
    const h = hash3(a, b, c);
    let lo = 0;
    let hi = cappedHashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cappedHashes[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    if (lo === cappedHashes.length || cappedHashes[lo] !== h) return 0;
    const before = out.length;
    const ids = this.ids;
    for (let k = cappedStart[lo]; k < cappedStart[lo + 1]; k++) {
      const p = cappedPositions[k];
      pages?.need(ids, p, p + 3);
      if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) out.push(p);
    }
    return out.length - before;
  }

  wordCount(id: number): number {
    if (id < 0 || id >= this.arrays.wordCounts.length) return 0;
    this.pages?.need(this.arrays.wordCounts, id, id + 1);
    return this.arrays.wordCounts[id];
  }

  /** Positions of a word seen at most `RARE_WORD_CAP` times (empty for commoner words). */
  word(id: number): Int32Array {
    const { postingStart, postings } = this.arrays;
    if (id < 0 || id + 1 >= postingStart.length) return postings.subarray(0, 0);
    this.pages?.need(postingStart, id, id + 2);
    this.pages?.need(postings, postingStart[id], postingStart[id + 1]);
    return postings.subarray(postingStart[id], postingStart[id + 1]);
  }

  /** Reads whatever of the saved arrays is not read yet. */
  loadAll(): void {
    this.pages?.loadAll();
  }

  /** Bytes held by the index arrays (not the word ids). */
  get byteLength(): number {
    let n = 0;
    for (const x of Object.values(this.arrays)) if (typeof x !== "number") n += x.byteLength;
    return n;
  }
}

/** Bits of the first grouping pass of `groupTrigrams`: 256 runs. */
const RUN_BITS = 8;

/**
 * The starting positions of every 3-gram of the ranges, grouped by bucket (the top `bucketBits`
 * bits of the 3-gram's hash), in the order of the positions within a bucket (as a stable sort of
 * the 3-grams in the ranges' order leaves them), each carrying its tag (see `IndexArrays.tagBits`);
 * and where each bucket starts (`(1 << bucketBits) + 1` entries).
 *
 * Most significant bits first, with no array of hashes: one pass counts the 3-grams by the top 8
 * bits of their hash, a second computes the hashes again and puts each position (with its tag)
 * straight into its run of the result, with the rest of its bucket number beside it (16 bits),
 * and each run (about 60,000 positions at 15 million 3-grams, in cache) is grouped by that through
 * a run-sized scratch buffer. Before, the hashes and positions were written out, then
 * radix-sorted by two passes over 2,048 places at once into two more arrays: four fresh 60 MB
 * arrays at 100 MB of sources, whose first writes (the kernel's page faults) and scattered stores
 * cost more than the sorting itself. The buckets come out the same, position for position.
 */
function groupTrigrams(ids: Int32Array, ranges: Int32Array, count: number, bucketBits: number, tagBits: number): [Uint32Array, Uint32Array] {
  const high = Math.min(RUN_BITS, bucketBits);
  const hShift = 32 - high;
  const runs = 1 << high;
  const runStart = new Uint32Array(runs + 1);
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r], end = ranges[r + 1]; i + 2 < end; i++) runStart[(hash3(ids[i], ids[i + 1], ids[i + 2]) >>> hShift) + 1]++;
  }
  let longest = 0;
  for (let b = 0; b < runs; b++) {
    longest = Math.max(longest, runStart[b + 1]);
    runStart[b + 1] += runStart[b];
  }
  // The bucket number's bits below the run's (at most 24 - 8).
  const low = bucketBits - high;
  const lShift = 32 - bucketBits;
  const lMask = (1 << low) - 1;
  const tShift = 32 - bucketBits - tagBits;
  const tMask = (1 << tagBits) - 1;
  const tagAt = 32 - tagBits;
  const values = new Uint32Array(count);
  const digits = low ? new Uint16Array(count) : undefined;
  const fill = runStart.slice(0, runs);
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r], end = ranges[r + 1]; i + 2 < end; i++) {
      const h = hash3(ids[i], ids[i + 1], ids[i + 2]);
      const at = fill[h >>> hShift]++;
      values[at] = tagBits ? i | (((h >>> tShift) & tMask) << tagAt) : i;
      if (digits) digits[at] = (h >>> lShift) & lMask;
    }
  }
  const bucketStart = new Uint32Array((1 << bucketBits) + 1);
  if (!digits) {
    bucketStart.set(runStart);
    return [values, bucketStart];
  }
  const size = 1 << low;
  const runValues = new Uint32Array(longest);
  const runDigits = new Uint16Array(longest);
  const counts = new Uint32Array(size + 1);
  for (let b = 0; b < runs; b++) {
    const from = runStart[b];
    const to = runStart[b + 1];
    const n = to - from;
    runValues.set(values.subarray(from, to));
    runDigits.set(digits.subarray(from, to));
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[runDigits[i] + 1]++;
    counts[0] = from;
    for (let d = 0; d < size; d++) counts[d + 1] += counts[d];
    bucketStart.set(counts.subarray(0, size), b << low);
    for (let i = 0; i < n; i++) values[counts[runDigits[i]]++] = runValues[i];
  }
  bucketStart[1 << bucketBits] = count;
  return [values, bucketStart];
}

/** How many hash bits a position can carry (up to 8), when `length` positions leave room in 32 bits. */
function tagRoom(length: number, bucketBits: number): number {
  const positionBits = 32 - Math.clz32(Math.max(1, length));
  return Math.max(0, Math.min(8, 32 - positionBits, 32 - bucketBits));
}

/** The hash bits just below the bucket's. */
function tagOf(hash: number, bucketBits: number, tagBits: number): number {
  return (hash >>> (32 - bucketBits - tagBits)) & ((1 << tagBits) - 1);
}

/**
 * Cuts the grouped positions into buckets, dropping the 3-grams seen more than the cap (the
 * lookup would return nothing for them anyway) but keeping a sample of each. `values` and
 * `bucketStart` (from `groupTrigrams`) are compacted in place.
 */
function dropCommon(ids: Int32Array, values: Uint32Array, bucketStart: Uint32Array, tagBits: number): Pick<IndexArrays, "bucketStart" | "positions" | "cappedHashes" | "cappedStart" | "cappedPositions"> {
  const buckets = bucketStart.length - 1;
  const position = tagBits ? (1 << (32 - tagBits)) - 1 : -1;
  const cappedHashes: number[] = [];
  const cappedStart: number[] = [0];
  const cappedPositions: number[] = [];
  let kept = 0;
  let i = bucketStart[0];
  for (let b = 0; b < buckets; b++) {
    const j = bucketStart[b + 1];
    if (j - i <= COMMON_NGRAM_CAP) {
      // No 3-gram in this bucket can be over the cap.
      if (kept !== i) values.copyWithin(kept, i, j);
      kept += j - i;
    } else {
      // A big bucket: order it by hash (stable, so by position within a hash) to count each 3-gram.
      const segment = values.slice(i, j);
      const keys = new Uint32Array(j - i);
      for (let k = 0; k < keys.length; k++) {
        const p = segment[k] & position;
        keys[k] = hash3(ids[p], ids[p + 1], ids[p + 2]);
      }
      const order = Array.from({ length: j - i }, (_, k) => k).sort((x, y) => keys[x] - keys[y] || x - y);
      for (let a = 0; a < order.length; ) {
        let c = a + 1;
        while (c < order.length && keys[order[c]] === keys[order[a]]) c++;
        if (c - a <= COMMON_NGRAM_CAP) {
          for (let k = a; k < c; k++) values[kept++] = segment[order[k]];
        } else {
          cappedHashes.push(keys[order[a]]);
          for (let k = a; k < Math.min(c, a + CAPPED_SAMPLE); k++) cappedPositions.push(segment[order[k]] & position);
          cappedStart.push(cappedPositions.length);
        }
        a = c;
      }
    }
    bucketStart[b + 1] = kept;
    i = j;
  }
  bucketStart[0] = 0;
  return {
    bucketStart,
    // A view, not a copy: few positions are dropped, and a copy would double the peak memory.
    positions: values.subarray(0, kept),
    cappedHashes: Uint32Array.from(cappedHashes),
    cappedStart: Uint32Array.from(cappedStart),
    cappedPositions: Uint32Array.from(cappedPositions),
  };
}

/** How often each word occurs in the ranges, and the postings of the rare ones. */
function wordPostings(ids: Int32Array, ranges: Int32Array, vocabularySize: number): Pick<IndexArrays, "wordCounts" | "postingStart" | "postings"> {
  const wordCounts = new Int32Array(vocabularySize);
  for (let r = 0; r < ranges.length; r += 2) for (let i = ranges[r], end = ranges[r + 1]; i < end; i++) wordCounts[ids[i]]++;
  const postingStart = new Int32Array(vocabularySize + 1);
  for (let v = 0; v < vocabularySize; v++) postingStart[v + 1] = postingStart[v] + (wordCounts[v] <= RARE_WORD_CAP ? wordCounts[v] : 0);
  const fill = postingStart.slice(0, vocabularySize);
  const postings = new Int32Array(postingStart[vocabularySize]);
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r], end = ranges[r + 1]; i < end; i++) {
      const id = ids[i];
      if (wordCounts[id] <= RARE_WORD_CAP) postings[fill[id]++] = i;
    }
  }
  return { wordCounts, postingStart, postings };
}
