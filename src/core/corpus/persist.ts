/**
 * Saving and reloading the source index (see `core/store`). The index is a small header (format
 * version, one entry per file with its change stamp, content hash, word count and first
 * position, and where each array lies) and a page file: the typed arrays as they are in memory,
 * each from a page boundary — the vocabulary's hash table and words, the word ids, the main
 * segment, the delta segment if any. A reload reads the header only; the arrays are read page by
 * page as look-ups need them (`PagedArrays`), so a warm check reads a few MB of a 160 MB index.
 * Nothing about speakers is saved: a source's speakers are read from its own text when needed.
 *
 * Loading gives a `PriorIndex`: a new `Corpus` built with it re-tokenizes only the files that are
 * new or changed, and indexes only those (into the delta segment; see `SegmentedIndex`), reusing
 * the saved arrays outright when nothing changed. A blob that is not this version's, or is
 * damaged, throws `IndexFormatError` — callers rebuild.
 */
import type { Corpus, PriorIndex, SavedIndex } from "./corpus";
import type { IndexArrays } from "./ngramIndex";
import { type IndexArray, IndexFormatError, memoryPages, type PageSource, PagedArrays } from "./pagedArrays";
import { storedArrays, Vocabulary } from "./vocabulary";

export { IndexFormatError } from "./pagedArrays";

export const INDEX_FORMAT_VERSION = 4;
const MAGIC = 0x58494256; // "VBIX"
/** Every array starts on a page of this size in the page file. */
export const INDEX_PAGE_BYTES = 4096;

/** A saved index: a small header (read whole), and its arrays as pages (read as needed). */
export interface IndexImage {
  head: Uint8Array;
  /** The page file, in parts written one after the other; every array starts on a page boundary. */
  pages: Uint8Array[];
}

interface FileMeta {
  path: string;
  stamp?: string;
  hash: number;
  length: number;
  words: number;
  /** Position of the file's first word in the saved ids. */
  first: number;
}

/** The typed arrays of a segment, in their saved order. */
const SEGMENT_ARRAYS = ["bucketStart", "positions", "wordCounts", "postingStart", "postings", "cappedHashes", "cappedStart", "cappedPositions"] as const;
const SIGNED = new Set(["wordCounts", "postingStart", "postings"]);

interface SegmentMeta {
  bucketBits: number;
  tagBits?: number;
  counts: number[];
}

/** An array in the page file: its first page and its length in elements. */
type Placed = [page: number, length: number];

interface Header {
  version: number;
  pageBytes: number;
  files: FileMeta[];
  idCount: number;
  mainEnd: number;
  main: SegmentMeta;
  delta?: SegmentMeta;
  /** Where each array lies: vocabulary table, offsets, chars; ids; each segment's arrays in `SEGMENT_ARRAYS` order. */
  placed: Placed[];
}

export function serializeIndex(corpus: Corpus): IndexImage {
  corpus.loadAll();
  const { main, delta, mainEnd } = corpus.index;
  const segments = delta ? [main.arrays, delta.arrays] : [main.arrays];
  const vocabulary = corpus.vocabulary.toStored();
  const arrays: IndexArray[] = [...storedArrays(vocabulary), corpus.ids];
  for (const a of segments) for (const name of SEGMENT_ARRAYS) arrays.push(a[name]);
  const meta = (a: IndexArrays): SegmentMeta => ({ bucketBits: a.bucketBits, tagBits: a.tagBits ?? 0, counts: SEGMENT_ARRAYS.map((name) => a[name].length) });
  const pages: Uint8Array[] = [];
  const placed: Placed[] = [];
  let page = 0;
  for (const x of arrays) {
    placed.push([page, x.length]);
    const bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    const padded = Math.ceil(bytes.length / INDEX_PAGE_BYTES) * INDEX_PAGE_BYTES;
    pages.push(bytes);
    if (padded > bytes.length) pages.push(new Uint8Array(padded - bytes.length));
    page += padded / INDEX_PAGE_BYTES;
  }
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    pageBytes: INDEX_PAGE_BYTES,
    files: corpus.documents.map((d) => ({ path: d.path, stamp: d.stamp, hash: d.indexedHash, length: d.length, words: d.wordCount, first: d.firstWord })),
    idCount: corpus.ids.length,
    mainEnd,
    main: meta(main.arrays),
    delta: delta && meta(delta.arrays),
    placed,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(12 + json.length);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  head.set(json, 12);
  return { head, pages };
}

/**
 * Reads a saved index: its header now, its arrays as a check reads them (`pages`: the store's
 * checked page file, or the image's parts in memory). Throws `IndexFormatError` when it is not
 * usable; a page that fails its check later throws it from the look-up that read it.
 */
export function deserializeIndex(head: Uint8Array | IndexImage, pageSource?: PageSource): PriorIndex {
  if (!(head instanceof Uint8Array)) {
    pageSource = memoryPages(head.pages, INDEX_PAGE_BYTES);
    head = head.head;
  }
  if (!pageSource) throw new IndexFormatError("index pages are missing");
  if (head.length < 12) throw new IndexFormatError("index file is truncated");
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError("not a Verbatim index file");
  const version = view.getUint32(4, true);
  if (version !== INDEX_FORMAT_VERSION) throw new IndexFormatError(`index format ${version}, expected ${INDEX_FORMAT_VERSION}`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > head.length) throw new IndexFormatError("index file is truncated");
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(head.subarray(12, 12 + jsonLength)));
  } catch {
    throw new IndexFormatError("index header is damaged");
  }
  // The store's checksum and build identity vouch for the bytes; these checks only keep a header
  // of another shape from being used as this one.
  const okSegment = (s: SegmentMeta | undefined) => !!s && Array.isArray(s.counts) && s.counts.length === SEGMENT_ARRAYS.length;
  const arrayCount = 4 + SEGMENT_ARRAYS.length * (header.delta ? 2 : 1);
  if (!Array.isArray(header.files) || !Array.isArray(header.placed) || header.placed.length !== arrayCount || !okSegment(header.main) || (header.delta && !okSegment(header.delta))) throw new IndexFormatError("index header is damaged");
  if (header.pageBytes !== pageSource.pageBytes) throw new IndexFormatError(`index pages of ${pageSource.pageBytes} bytes, expected ${header.pageBytes}`);
  const pages = new PagedArrays(pageSource);
  let next = 0;
  const take = <T extends IndexArray>(make: (n: number) => T): T => {
    const [page, length] = header.placed[next++] ?? [];
    if (!Number.isInteger(page) || !Number.isInteger(length) || length < 0) throw new IndexFormatError("index header is damaged");
    // Allocated whole but untouched: only the pages read take memory.
    const array = make(length);
    pages.add(array, page);
    return array;
  };
  let vocabulary: Vocabulary;
  try {
    vocabulary = Vocabulary.fromStored({ table: take((n) => new Int32Array(n)), offsets: take((n) => new Uint32Array(n)), chars: take((n) => new Uint16Array(n)) }, pages);
  } catch (e) {
    throw e instanceof IndexFormatError ? e : new IndexFormatError(`index vocabulary is damaged (${(e as Error).message})`);
  }
  const ids = take((n) => new Int32Array(n));
  if (ids.length !== header.idCount || !Number.isInteger(header.mainEnd) || header.mainEnd < 0 || header.mainEnd > ids.length) throw new IndexFormatError("index header is damaged (segments)");
  const segment = (s: SegmentMeta): IndexArrays => {
    const out: Record<string, unknown> = { bucketBits: s.bucketBits, tagBits: s.tagBits ?? 0 };
    SEGMENT_ARRAYS.forEach((name, k) => {
      const a = take((n) => (SIGNED.has(name) ? new Int32Array(n) : new Uint32Array(n)));
      if (a.length !== s.counts[k]) throw new IndexFormatError("index header is damaged (arrays)");
      out[name] = a;
    });
    const a = out as unknown as IndexArrays;
    if (!Number.isInteger(a.bucketBits) || a.bucketBits < 1 || a.bucketBits > 30 || a.bucketStart.length !== (1 << a.bucketBits) + 1) throw new IndexFormatError("index header is damaged (buckets)");
    if (!Number.isInteger(a.tagBits) || a.tagBits! < 0 || a.tagBits! > 8 || a.bucketBits + a.tagBits! > 32) throw new IndexFormatError("index header is damaged (tags)");
    return a;
  };
  const index: SavedIndex = { ids, mainEnd: header.mainEnd, main: segment(header.main), delta: header.delta && segment(header.delta), pages };
  const files: PriorIndex["files"] = new Map();
  for (const f of header.files) {
    if (!Number.isInteger(f.first) || !Number.isInteger(f.words) || f.first < 0 || f.words < 0 || f.first + f.words > ids.length) throw new IndexFormatError("index header is damaged (word counts)");
    files.set(f.path, { stamp: f.stamp, hash: f.hash, length: f.length, first: f.first, ids: ids.subarray(f.first, f.first + f.words) });
  }
  return { vocabulary, files, index };
}

/** A prior index made from a live corpus, to rebuild it after some files changed. */
export function priorFromCorpus(corpus: Corpus): PriorIndex {
  const files: PriorIndex["files"] = new Map();
  corpus.documents.forEach((d) =>
    files.set(d.path, { stamp: d.stamp, hash: d.indexedHash, length: d.length, ids: corpus.ids.subarray(d.firstWord, d.firstWord + d.wordCount), first: d.firstWord, text: d.keptText }),
  );
  const { main, delta, mainEnd } = corpus.index;
  return { vocabulary: corpus.vocabulary, files, index: { ids: corpus.ids, mainEnd, main: main.arrays, delta: delta?.arrays, pages: corpus.pages } };
}
