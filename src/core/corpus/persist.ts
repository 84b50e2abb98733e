/**
 * Saving and reloading the source index, for the CLI's `.verbatim-cache/` and the extension's
 * own storage. The index is one byte blob (a JSON header: format version, vocabulary and one
 * entry per file with its change stamp, content hash, word count and first position; then the
 * typed arrays as they are in memory: the word ids, the main segment, the delta segment if any).
 * Nothing about speakers is saved: a source's speakers are read from its own text when needed.
 *
 * Loading gives a `PriorIndex`: a new `Corpus` built with it re-tokenizes only the files that are
 * new or changed, and indexes only those (into the delta segment; see `SegmentedIndex`), reusing
 * the saved arrays outright when nothing changed. A blob that is not this version's, or is
 * damaged, throws `IndexFormatError` — callers rebuild.
 */
import type { Corpus, PriorIndex, SavedIndex } from "./corpus";
import type { IndexArrays } from "./ngramIndex";
import { Vocabulary } from "./vocabulary";

export const INDEX_FORMAT_VERSION = 3;
const MAGIC = 0x58494256; // "VBIX"

export class IndexFormatError extends Error {}

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
  counts: number[];
}

interface Header {
  version: number;
  files: FileMeta[];
  vocabulary: string[];
  idCount: number;
  mainEnd: number;
  main: SegmentMeta;
  delta?: SegmentMeta;
}

export function serializeIndex(corpus: Corpus): Uint8Array {
  const { main, delta, mainEnd } = corpus.index;
  const segments = delta ? [main.arrays, delta.arrays] : [main.arrays];
  const arrays: (Int32Array | Uint32Array)[] = [corpus.ids];
  for (const a of segments) for (const name of SEGMENT_ARRAYS) arrays.push(a[name]);
  const meta = (a: IndexArrays): SegmentMeta => ({ bucketBits: a.bucketBits, counts: SEGMENT_ARRAYS.map((name) => a[name].length) });
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    files: corpus.documents.map((d) => ({ path: d.path, stamp: d.stamp, hash: d.indexedHash, length: d.length, words: d.wordCount, first: d.firstWord })),
    vocabulary: corpus.vocabulary.words,
    idCount: corpus.ids.length,
    mainEnd,
    main: meta(main.arrays),
    delta: delta && meta(delta.arrays),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = 12 + Math.ceil(json.length / 4) * 4;
  let total = headerBytes;
  for (const x of arrays) total += x.byteLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = headerBytes;
  for (const x of arrays) {
    out.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength), at);
    at += x.byteLength;
  }
  return out;
}

/** Reads a saved index; throws `IndexFormatError` when it is not usable. */
export function deserializeIndex(bytes: Uint8Array): PriorIndex {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.length < 12) throw new IndexFormatError("index file is truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError("not a Verbatim index file");
  const version = view.getUint32(4, true);
  if (version !== INDEX_FORMAT_VERSION) throw new IndexFormatError(`index format ${version}, expected ${INDEX_FORMAT_VERSION}`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new IndexFormatError("index file is truncated");
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength)));
  } catch {
    throw new IndexFormatError("index header is damaged");
  }
  const okSegment = (s: SegmentMeta | undefined) => !!s && Array.isArray(s.counts) && s.counts.length === SEGMENT_ARRAYS.length;
  if (!Array.isArray(header.files) || !Array.isArray(header.vocabulary) || !okSegment(header.main) || (header.delta && !okSegment(header.delta))) throw new IndexFormatError("index header is damaged");
  let at = 12 + Math.ceil(jsonLength / 4) * 4;
  // Views straight into the blob: no copy.
  const take = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || at + n * 4 > bytes.length) throw new IndexFormatError("index file is truncated");
    const offset = bytes.byteOffset + at;
    at += n * 4;
    return [bytes.buffer, offset, n] as const;
  };
  const ids = new Int32Array(...take(header.idCount));
  const segment = (s: SegmentMeta): IndexArrays => {
    const out: Record<string, unknown> = { bucketBits: s.bucketBits };
    SEGMENT_ARRAYS.forEach((name, k) => (out[name] = SIGNED.has(name) ? new Int32Array(...take(s.counts[k])) : new Uint32Array(...take(s.counts[k]))));
    return out as unknown as IndexArrays;
  };
  const index: SavedIndex = { ids, mainEnd: header.mainEnd, main: segment(header.main), delta: header.delta && segment(header.delta) };
  validate(header, index);
  const vocabulary = Vocabulary.fromWords(header.vocabulary);
  if (vocabulary.size !== header.vocabulary.length) throw new IndexFormatError("index vocabulary is damaged");
  const files: PriorIndex["files"] = new Map();
  for (const f of header.files) {
    files.set(f.path, { stamp: f.stamp, hash: f.hash, length: f.length, first: f.first, ids: ids.subarray(f.first, f.first + f.words) });
  }
  return { vocabulary, files, index };
}

function validate(header: Header, index: SavedIndex): void {
  const fail = (what: string) => {
    throw new IndexFormatError(`index is damaged (${what})`);
  };
  const { ids } = index;
  const v = header.vocabulary.length;
  if (!Number.isInteger(index.mainEnd) || index.mainEnd < 0 || index.mainEnd > ids.length) fail("segments");
  for (const f of header.files) if (!Number.isInteger(f.first) || !Number.isInteger(f.words) || f.first < 0 || f.words < 0 || f.first + f.words > ids.length) fail("word counts");
  if (maxUnsigned(ids) >= v) fail("word ids");
  for (const a of [index.main, index.delta]) {
    if (!a) continue;
    if (!Number.isInteger(a.bucketBits) || a.bucketBits < 1 || a.bucketBits > 30 || a.bucketStart.length !== (1 << a.bucketBits) + 1) fail("buckets");
    if (a.bucketStart[a.bucketStart.length - 1] !== a.positions.length) fail("buckets");
    for (let b = 1; b < a.bucketStart.length; b++) if (a.bucketStart[b] < a.bucketStart[b - 1]) fail("buckets");
    if (a.positions.length && maxUnsigned(a.positions) + 2 >= ids.length) fail("positions");
    if (a.wordCounts.length > v || a.postingStart.length !== a.wordCounts.length + 1 || a.postingStart[a.wordCounts.length] !== a.postings.length) fail("postings");
    if (a.postings.length && maxUnsigned(a.postings) >= ids.length) fail("postings");
    if (a.cappedStart.length !== a.cappedHashes.length + 1 || a.cappedStart[a.cappedHashes.length] !== a.cappedPositions.length) fail("capped 3-grams");
    if (a.cappedPositions.length && maxUnsigned(a.cappedPositions) + 2 >= ids.length) fail("capped 3-grams");
  }
}

/** The largest value read as unsigned (so a negative one counts as huge): one tight pass. */
function maxUnsigned(values: Int32Array | Uint32Array): number {
  const view = values instanceof Uint32Array ? values : new Uint32Array(values.buffer, values.byteOffset, values.length);
  let max = 0;
  for (let i = 0; i < view.length; i++) if (view[i] > max) max = view[i];
  return max;
}

/** A prior index made from a live corpus, to rebuild it after some files changed. */
export function priorFromCorpus(corpus: Corpus): PriorIndex {
  const files: PriorIndex["files"] = new Map();
  corpus.documents.forEach((d, k) =>
    files.set(d.path, { stamp: d.stamp, hash: d.indexedHash, length: d.length, ids: corpus.docIds(k), first: d.firstWord, text: d.keptText }),
  );
  const { main, delta, mainEnd } = corpus.index;
  return { vocabulary: corpus.vocabulary, files, index: { ids: corpus.ids, mainEnd, main: main.arrays, delta: delta?.arrays } };
}
