/**
 * The index a corpus looks words up in: a main segment, built over every source at once, and a
 * small delta segment over the files added or changed since (whose words follow the main
 * segment's in the corpus's ids). Positions of replaced or deleted files stay in the main
 * segment as tombstones: they belong to no document (see `PositionMap`) and are left out here.
 * A changed file thus costs a re-index of the delta only, not of the archive; the corpus
 * compacts everything into one main segment when the delta or the tombstones grow large.
 */
import { COMMON_NGRAM_CAP, HitBuffer, type IndexArrays, type NgramIndex } from "./ngramIndex";
import type { PositionMap } from "./positionMap";

export class SegmentedIndex {
  private liveCounts?: Int32Array;
  private readonly scratch = new HitBuffer();

  constructor(
    readonly main: NgramIndex,
    /** Where the main segment's positions end (it covers `[0, mainEnd)`). */
    readonly mainEnd: number,
    readonly delta: NgramIndex | undefined,
    private readonly map: PositionMap,
  ) {}

  get arrays(): IndexArrays {
    return this.main.arrays;
  }

  /** Positions where the 3-gram `a b c` starts, live ones only (none when absent or too common). */
  trigram(a: number, b: number, c: number, out: number[]): void {
    const hits = this.scratch;
    hits.length = 0;
    this.trigramInto(a, b, c, hits);
    for (let k = 0; k < hits.length; k++) if (!this.map.hasGaps || this.map.docAt(hits.data[k]) >= 0) out.push(hits.data[k]);
  }

  /** Appends the 3-gram's positions, tombstones included (callers map positions to documents anyway). */
  trigramInto(a: number, b: number, c: number, out: HitBuffer): number {
    const before = out.length;
    this.main.trigramInto(a, b, c, out);
    if (this.delta) this.delta.trigramInto(a, b, c, out);
    if (out.length - before > COMMON_NGRAM_CAP) out.length = before;
    return out.length - before;
  }

  /** Sampled positions of a 3-gram over the cap, tombstones included. */
  cappedInto(a: number, b: number, c: number, out: HitBuffer): number {
    return this.main.cappedInto(a, b, c, out) + (this.delta ? this.delta.cappedInto(a, b, c, out) : 0);
  }

  /** Occurrences of a word in the live documents. */
  wordCount(id: number): number {
    if (!this.delta && !this.map.hasGaps) return this.main.wordCount(id);
    const counts = (this.liveCounts ??= this.countLive());
    return id < 0 || id >= counts.length ? 0 : counts[id];
  }

  /** Live positions of a word seen at most `RARE_WORD_CAP` times in its segment. */
  word(id: number): Int32Array {
    const main = this.main.word(id);
    if (!this.delta && !this.map.hasGaps) return main;
    const delta = this.delta ? this.delta.word(id) : main.subarray(0, 0);
    const out: number[] = [];
    for (const list of [main, delta]) for (const p of list) if (this.map.docAt(p) >= 0) out.push(p);
    return Int32Array.from(out);
  }

  get byteLength(): number {
    return this.main.byteLength + (this.delta?.byteLength ?? 0);
  }

  private countLive(): Int32Array {
    // Every count and the tombstones' words: read the saved arrays whole.
    this.main.loadAll();
    this.delta?.loadAll();
    const main = this.main.arrays.wordCounts;
    const delta = this.delta?.arrays.wordCounts;
    const counts = new Int32Array(Math.max(main.length, delta?.length ?? 0));
    counts.set(main);
    if (delta) for (let v = 0; v < delta.length; v++) counts[v] += delta[v];
    const ids = this.main.ids;
    this.map.forEachGap(0, this.mainEnd, (start, end) => {
      for (let p = start; p < end; p++) counts[ids[p]]--;
    });
    return counts;
  }
}
