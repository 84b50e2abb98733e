/**
 * Which document a global word position belongs to. Documents need not lie in their list order
 * (a changed file's words go to the end of the corpus's ids), and positions of replaced or
 * deleted files belong to none: they are tombstones until the index is next compacted.
 */
export class PositionMap {
  /** First position of each live document, ascending, and that document's index. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly docs: Int32Array;
  /** Some positions below `end` belong to no document. */
  readonly hasGaps: boolean;

  constructor(firstWords: ArrayLike<number>, wordCounts: ArrayLike<number>, readonly end: number) {
    // Empty documents hold no position.
    const order = Array.from({ length: firstWords.length }, (_, d) => d)
      .filter((d) => wordCounts[d] > 0)
      .sort((a, b) => firstWords[a] - firstWords[b] || a - b);
    this.starts = Int32Array.from(order, (d) => firstWords[d]);
    this.ends = Int32Array.from(order, (d) => firstWords[d] + wordCounts[d]);
    this.docs = Int32Array.from(order);
    let covered = 0;
    let gaps = false;
    for (let k = 0; k < order.length; k++) {
      if (this.starts[k] !== covered) gaps = true;
      covered = Math.max(covered, this.ends[k]);
    }
    this.hasGaps = gaps || covered !== end;
  }

  /** The document holding position `p`, or -1 (a tombstone). */
  docAt(p: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || p < starts[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return p < this.ends[lo] ? this.docs[lo] : -1;
  }

  /** Live ranges as `[start, end)` pairs, ascending, from `from` on. */
  ranges(from = 0): Int32Array {
    const out: number[] = [];
    for (let k = 0; k < this.starts.length; k++) if (this.starts[k] >= from) out.push(this.starts[k], this.ends[k]);
    return Int32Array.from(out);
  }

  /** Words of live documents from `from` on. */
  liveWords(from = 0): number {
    let n = 0;
    for (let k = 0; k < this.starts.length; k++) if (this.starts[k] >= from) n += this.ends[k] - this.starts[k];
    return n;
  }

  /** Calls `fn(start, end)` for each run of positions in `[from, to)` that belongs to no document. */
  forEachGap(from: number, to: number, fn: (start: number, end: number) => void): void {
    let at = from;
    for (let k = 0; k < this.starts.length && at < to; k++) {
      if (this.ends[k] <= at) continue;
      if (this.starts[k] > at) fn(at, Math.min(this.starts[k], to));
      at = Math.max(at, this.ends[k]);
    }
    if (at < to) fn(at, to);
  }
}
