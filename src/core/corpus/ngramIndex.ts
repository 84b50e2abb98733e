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
  /** `shared`: in memory another thread can be given (see `BuildHelper`), also when it grows. */
  constructor(
    capacity = 1024,
    private readonly shared = false,
  ) {
    this.data = int32s(capacity, shared);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = int32s(Math.ceil(this.data.length * 1.5), this.shared);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `capacity` values. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const bigger = int32s(Math.max(capacity, Math.ceil(this.data.length * 1.5)), this.shared);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

/** Is shared memory there (not in every JavaScript host)? */
export const canShare = typeof SharedArrayBuffer === "function";

/** `n` 32-bit integers, in shared memory when asked and possible. */
export function int32s(n: number, shared = false): Int32Array {
  return shared && canShare ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
}

const uint32s = (n: number, shared: boolean) => (shared ? new Uint32Array(new SharedArrayBuffer(4 * n)) : new Uint32Array(n));
const uint16s = (n: number, shared: boolean) => (shared ? new Uint16Array(new SharedArrayBuffer(2 * n)) : new Uint16Array(n));

/**
 * A part of building an index segment that another thread can do (`runBuildTask` there), over
 * memory shared with the building thread (`SharedArrayBuffer`): the arrays it writes are the
 * build's own, each task's share disjoint from the building thread's.
 */
export type BuildTask =
  /** Count the 3-grams of `ranges` by their run (`hash >>> hShift`). Answer: the counts. */
  | { kind: "count"; ids: Int32Array; ranges: Int32Array; hShift: number; runs: number }
  /** Put the 3-grams of `ranges` into their runs of `values` from `fill` (see `groupTrigrams`). */
  | { kind: "scatter"; ids: Int32Array; ranges: Int32Array; fill: Uint32Array; values: Uint32Array; digits?: Uint16Array; shape: GroupShape }
  /** Group runs `from..to` of `values` by bucket, writing their buckets' starts. */
  | { kind: "group"; values: Uint32Array; digits: Uint16Array; runStart: Uint32Array; from: number; to: number; low: number; bucketStart: Uint32Array }
  /** Word counts and postings of `ranges` (see `wordPostings`). Answer: those arrays. */
  | { kind: "postings"; ids: Int32Array; ranges: Int32Array; vocabularySize: number };

export type BuildAnswer = Uint32Array | Pick<IndexArrays, "wordCounts" | "postingStart" | "postings"> | undefined;

/**
 * Another thread that takes part in a build (the host's; e.g. a worker thread): `begin` hands it
 * a task and gives back the function that waits for the task's answer — or does the task on this
 * thread if the other has not started it by then (a helper still starting up costs no waiting).
 * The building thread blocks while it waits; tasks are pure and their arrays shared, so the index
 * comes out the same, array for array, with a helper or without.
 */
export interface BuildHelper {
  begin(task: BuildTask): () => BuildAnswer;
  /** From how many 3-grams a build is shared (default `MIN_SHARED_TRIGRAMS`). */
  readonly minTrigrams?: number;
  /** The build is done: the helper's thread can go. */
  close?(): void;
}

/** Does a task (on whichever thread has it). */
export function runBuildTask(task: BuildTask): BuildAnswer {
  switch (task.kind) {
    case "count":
      return countRuns(task.ids, task.ranges, task.hShift, task.runs);
    case "scatter":
      scatter(task.ids, task.ranges, task.fill, task.values, task.digits, task.shape);
      return undefined;
    case "group":
      groupRuns(task.values, task.digits, task.runStart, task.from, task.to, task.low, task.bucketStart);
      return undefined;
    case "postings":
      return wordPostings(task.ids, task.ranges, task.vocabularySize);
  }
}

/** Below this many 3-grams a build is not shared with a helper (a message costs more than the work). */
export const MIN_SHARED_TRIGRAMS = 1 << 20;

export class NgramIndex {
  constructor(
    /** Word ids, all sources end to end. */
    readonly ids: Int32Array,
    readonly arrays: IndexArrays,
    /** Set while the arrays are read from a saved index page by page: each look-up asks for what it reads. */
    private readonly pages?: PagedArrays,
  ) {}

  /** Indexes the ranges `[ranges[2k], ranges[2k + 1])` of `ids`; 3-grams never cross a range's end. */
  static build(ids: Int32Array, ranges: Int32Array, vocabularySize: number, helper?: BuildHelper): NgramIndex {
    let count = 0;
    for (let r = 0; r < ranges.length; r += 2) count += Math.max(0, ranges[r + 1] - ranges[r] - 2);
    // About four to eight positions a bucket: a small bucket table (4 bytes a bucket), short scans.
    const bucketBits = Math.max(4, Math.min(24, Math.ceil(Math.log2(count + 1)) - 3));
    const tagBits = tagRoom(ids.length, bucketBits);
    // A helper thread (given the word ids in shared memory) does half of each pass of the
    // grouping, then the word postings while this thread drops the common 3-grams.
    const shared = helper !== undefined && canShare && ids.buffer instanceof SharedArrayBuffer && count >= (helper.minTrigrams ?? MIN_SHARED_TRIGRAMS) ? helper : undefined;
    const [values, bucketStart] = groupTrigrams(ids, ranges, count, bucketBits, tagBits, shared);
    const postings = shared?.begin({ kind: "postings", ids, ranges, vocabularySize });
    const grouped = dropCommon(ids, values, bucketStart, tagBits);
    const words = (postings?.() as ReturnType<typeof wordPostings> | undefined) ?? wordPostings(ids, ranges, vocabularySize);
    return new NgramIndex(ids, { bucketBits, tagBits, ...grouped, ...words });
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
 *
 * With a `helper` (another thread, the arrays in shared memory), each of the three passes is
 * split in two: the helper counts and scatters the second half of the positions and groups the
 * runs of the second half of the result, this thread the first; the same arrays come out.
 */
function groupTrigrams(ids: Int32Array, ranges: Int32Array, count: number, bucketBits: number, tagBits: number, helper?: BuildHelper): [Uint32Array, Uint32Array] {
  const high = Math.min(RUN_BITS, bucketBits);
  const hShift = 32 - high;
  const runs = 1 << high;
  const shared = helper !== undefined;
  // With a helper: this thread takes the ranges of the first half of the positions, the helper
  // the rest; within a run the first half's positions come first, as one thread leaves them.
  const cut = helper ? halfOfRanges(ranges, count) : ranges.length;
  const mine = ranges.subarray(0, cut);
  const theirs = ranges.subarray(cut);
  const theirCount = helper?.begin({ kind: "count", ids, ranges: theirs, hShift, runs });
  const myRuns = countRuns(ids, mine, hShift, runs);
  const theirRuns = theirCount?.() as Uint32Array | undefined;
  const runStart = new Uint32Array(runs + 1);
  for (let b = 0; b < runs; b++) runStart[b + 1] = runStart[b] + myRuns[b] + (theirRuns ? theirRuns[b] : 0);
  // The bucket number's bits below the run's (at most 24 - 8).
  const low = bucketBits - high;
  const shape: GroupShape = { hShift, lShift: 32 - bucketBits, lMask: (1 << low) - 1, tShift: 32 - bucketBits - tagBits, tMask: (1 << tagBits) - 1, tagAt: 32 - tagBits, tagBits };
  const values = uint32s(count, shared);
  const digits = low ? uint16s(count, shared) : undefined;
  const myFill = runStart.slice(0, runs);
  let scattered: (() => BuildAnswer) | undefined;
  if (helper && theirRuns) {
    const theirFill = new Uint32Array(runs);
    for (let b = 0; b < runs; b++) theirFill[b] = runStart[b] + myRuns[b];
    scattered = helper.begin({ kind: "scatter", ids, ranges: theirs, fill: theirFill, values, digits, shape });
  }
  scatter(ids, mine, myFill, values, digits, shape);
  scattered?.();
  const bucketStart = uint32s((1 << bucketBits) + 1, shared);
  if (!digits) {
    bucketStart.set(runStart);
    return [values, bucketStart];
  }
  // The runs are independent: the helper groups those of the second half of the positions.
  let split = runs;
  if (helper) for (split = 0; split < runs && runStart[split] < count >>> 1; ) split++;
  const grouped = split < runs ? helper?.begin({ kind: "group", values, digits, runStart, from: split, to: runs, low, bucketStart }) : undefined;
  groupRuns(values, digits, runStart, 0, split, low, bucketStart);
  grouped?.();
  if (!grouped && split < runs) groupRuns(values, digits, runStart, split, runs, low, bucketStart);
  bucketStart[1 << bucketBits] = count;
  return [values, bucketStart];
}

/** How `groupTrigrams` cuts a hash: its run, the rest of its bucket number, its tag. */
export interface GroupShape {
  hShift: number;
  lShift: number;
  lMask: number;
  tShift: number;
  tMask: number;
  tagAt: number;
  tagBits: number;
}

/** Where to cut `ranges` (an even index) so that the ranges before hold about half of the `count` 3-grams. */
function halfOfRanges(ranges: Int32Array, count: number): number {
  let seen = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    if (seen >= count / 2) return r;
    seen += Math.max(0, ranges[r + 1] - ranges[r] - 2);
  }
  return ranges.length;
}

/** How many 3-grams of the ranges fall into each run (the top bits of their hash). */
function countRuns(ids: Int32Array, ranges: Int32Array, hShift: number, runs: number): Uint32Array {
  const counts = new Uint32Array(runs);
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r], end = ranges[r + 1]; i + 2 < end; i++) counts[hash3(ids[i], ids[i + 1], ids[i + 2]) >>> hShift]++;
  }
  return counts;
}

/** Puts each 3-gram's position (with its tag) at `fill[run]++` of `values`, the rest of its bucket number beside it in `digits`. */
function scatter(ids: Int32Array, ranges: Int32Array, fill: Uint32Array, values: Uint32Array, digits: Uint16Array | undefined, shape: GroupShape): void {
  const { hShift, lShift, lMask, tShift, tMask, tagAt, tagBits } = shape;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r], end = ranges[r + 1]; i + 2 < end; i++) {
      const h = hash3(ids[i], ids[i + 1], ids[i + 2]);
      const at = fill[h >>> hShift]++;
      values[at] = tagBits ? i | (((h >>> tShift) & tMask) << tagAt) : i;
      if (digits) digits[at] = (h >>> lShift) & lMask;
    }
  }
}

/** Groups runs `from..to` of `values` by their `digits` (stable), writing where their buckets start. */
function groupRuns(values: Uint32Array, digits: Uint16Array, runStart: Uint32Array, from: number, to: number, low: number, bucketStart: Uint32Array): void {
  if (from >= to) return;
  let longest = 0;
  for (let b = from; b < to; b++) longest = Math.max(longest, runStart[b + 1] - runStart[b]);
  const size = 1 << low;
  const runValues = new Uint32Array(longest);
  const runDigits = new Uint16Array(longest);
  const counts = new Uint32Array(size + 1);
  for (let b = from; b < to; b++) {
    const start = runStart[b];
    const n = runStart[b + 1] - start;
    runValues.set(values.subarray(start, start + n));
    runDigits.set(digits.subarray(start, start + n));
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[runDigits[i] + 1]++;
    counts[0] = start;
    for (let d = 0; d < size; d++) counts[d + 1] += counts[d];
    bucketStart.set(counts.subarray(0, size), b << low);
    for (let i = 0; i < n; i++) values[counts[runDigits[i]]++] = runValues[i];
  }
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
