/**
 * What the corpus keeps of recently read sources, least recently used dropped first once a
 * budget is passed: their text (when the host can re-read it) and word offsets in one pool,
 * their layouts (much larger, needed only to attribute a source's quotations) in another, so
 * that reading layouts never pushes out the texts a quote lookup needs. The index itself never
 * needs source text, so an archive's text is not held in memory: only these.
 */
import type { AttributionStore } from "./savedAttributions";

/** What is cached per document: its text and offsets, or its layout. */
export type CachedPart = "text" | "layout";

export interface Cached {
  /** Drops a cached part (the owner reads or computes it again on next use). */
  evict(part: CachedPart): void;
}

/** Default budgets: about a thousand 8 KB texts with their offsets; a few hundred layouts. */
export const DEFAULT_CACHE_BYTES: Record<CachedPart, number> = { text: 32 * 1024 * 1024, layout: 64 * 1024 * 1024 };

class Pool {
  private readonly recent = new Map<Cached, number>();
  private bytes = 0;
  private last?: Cached;

  constructor(
    private readonly part: CachedPart,
    private readonly budget: number,
  ) {}

  touch(doc: Cached, added: number): void {
    if (doc === this.last && added === 0) return;
    this.last = doc;
    const held = (this.recent.get(doc) ?? 0) + added;
    this.bytes += added;
    this.recent.delete(doc);
    this.recent.set(doc, held);
    for (const [old, oldBytes] of this.recent) {
      if (this.bytes <= this.budget || old === doc) break;
      this.bytes -= oldBytes;
      this.recent.delete(old);
      old.evict(this.part);
    }
  }

  clear(): void {
    for (const doc of this.recent.keys()) doc.evict(this.part);
    this.recent.clear();
    this.bytes = 0;
    this.last = undefined;
  }
}

export class DocCache {
  /** Attributions saved with the index, when the host has a store (see `savedAttributions.ts`). */
  attributions?: AttributionStore;
  private readonly pools: Record<CachedPart, Pool>;

  constructor(budgets = DEFAULT_CACHE_BYTES) {
    this.pools = { text: new Pool("text", budgets.text), layout: new Pool("layout", budgets.layout) };
  }

  /** Marks a part of `doc` as just used, `added` bytes more than before; evicts the oldest over budget. */
  touch(doc: Cached, part: CachedPart, added = 0): void {
    this.pools[part].touch(doc, added);
  }

  /** Drops everything cached. */
  clear(): void {
    this.pools.text.clear();
    this.pools.layout.clear();
  }
}
