/**
 * The typed arrays of a saved index, read page by page as a check needs them, the way a
 * memory-mapped file would be: a warm start reads the index's small header, and a check then
 * reads only the pages its look-ups touch (a few hundred 4 KB pages for a draft, of 40,000 at
 * 100 MB) instead of the whole file. Each array is allocated at its full size up front — pages
 * never written take no memory — and filled in from the page source, which checks every page
 * it reads against the checksums the store sealed with the header (see `core/store/pages.ts`).
 *
 * Every reader of a lazily loaded array calls `need(array, from, to)` before reading elements
 * `[from, to)`; an array not registered here (a fresh build's) needs nothing. Whatever has to
 * read or change everything (an update after files changed, a save) calls `loadAll()` first.
 */
export class IndexFormatError extends Error {}

/** Pages of checked bytes (the store's page file). */
export interface PageSource {
  readonly pageBytes: number;
  readonly pageCount: number;
  /** Reads pages `[first, first + count)` into `into` (`count * pageBytes` long), each checked; throws when one fails. */
  read(into: Uint8Array, first: number, count: number): void;
  close(): void;
}

export type IndexArray = Int32Array | Uint32Array | Uint16Array;

interface Section {
  array: IndexArray;
  bytes: Uint8Array;
  /** The page source's page where the array starts (arrays start on a page boundary). */
  firstPage: number;
  /** 1 for each of the array's pages already read. */
  loaded: Uint8Array;
}

export class PagedArrays {
  private readonly sections: Section[] = [];
  private source?: PageSource;
  /** Pages read so far (for benchmarks and tests). */
  pagesRead = 0;

  constructor(source: PageSource) {
    this.source = source;
  }

  /** Every page has been read (or the source is gone): `need` is free. */
  get complete(): boolean {
    return this.source === undefined;
  }

  /** Registers an array whose bytes start at page `firstPage` of the source. */
  add(array: IndexArray, firstPage: number): void {
    const pages = Math.ceil(array.byteLength / this.pageBytes);
    if (firstPage < 0 || firstPage + pages > (this.source?.pageCount ?? 0)) throw new IndexFormatError("index is damaged (an array lies outside the page file)");
    this.sections.push({ array, bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), firstPage, loaded: new Uint8Array(pages) });
  }

  get pageBytes(): number {
    return this.source?.pageBytes ?? 4096;
  }

  /** Makes elements `[from, to)` of `array` readable (reads their missing pages). */
  need(array: IndexArray, from: number, to: number): void {
    if (!this.source) return;
    let section: Section | undefined;
    for (const s of this.sections) if (s.array === array) section = s;
    if (!section) return;
    const size = array.BYTES_PER_ELEMENT;
    const lo = Math.max(0, from) * size;
    const hi = Math.min(array.length, to) * size;
    if (hi <= lo) return;
    const page = this.pageBytes;
    this.readPages(section, Math.floor(lo / page), Math.floor((hi - 1) / page) + 1);
  }

  /** Reads every page not read yet, then lets go of the source. */
  loadAll(): void {
    if (!this.source) return;
    for (const s of this.sections) this.readPages(s, 0, s.loaded.length);
    this.source.close();
    this.source = undefined;
  }

  /** Lets go of the source (the arrays stay as far as they were read: only for an index being dropped). */
  close(): void {
    this.source?.close();
    this.source = undefined;
  }

  private readPages(s: Section, from: number, to: number): void {
    const source = this.source!;
    const page = source.pageBytes;
    for (let p = from; p < to; ) {
      if (s.loaded[p]) {
        p++;
        continue;
      }
      let end = p + 1;
      while (end < to && !s.loaded[end]) end++;
      // The array's last page may be cut short: read it through a scratch page.
      const whole = Math.min(end, Math.floor(s.bytes.length / page));
      try {
        if (whole > p) source.read(s.bytes.subarray(p * page, whole * page), s.firstPage + p, whole - p);
        if (whole < end) {
          const scratch = new Uint8Array(page);
          source.read(scratch, s.firstPage + whole, 1);
          s.bytes.set(scratch.subarray(0, s.bytes.length - whole * page), whole * page);
        }
      } catch (e) {
        throw e instanceof IndexFormatError ? e : new IndexFormatError((e as Error).message);
      }
      s.loaded.fill(1, p, end);
      this.pagesRead += end - p;
      p = end;
    }
  }
}

/** Pages over bytes in memory (tests, and a store with nowhere to put a file). */
export function memoryPages(parts: readonly Uint8Array[], pageBytes = 4096): PageSource {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(Math.ceil(total / pageBytes) * pageBytes);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return {
    pageBytes,
    pageCount: all.length / pageBytes,
    read: (into, first, count) => {
      if (first < 0 || first + count > all.length / pageBytes) throw new IndexFormatError("index is damaged (a page past the end)");
      into.set(all.subarray(first * pageBytes, (first + count) * pageBytes));
    },
    close: () => {},
  };
}
