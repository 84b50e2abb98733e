/**
 * Saving and reloading the source index, for the CLI's `.verbatim-cache/` and the extension's
 * own storage. The index is one byte blob (a JSON header: format version, vocabulary and one
 * entry per file with its change stamp, content hash and word count; then the typed arrays as
 * they are in memory), and what each file teaches about people is a separate small JSON, since
 * that grows as checks read more files.
 *
 * Loading gives a `PriorIndex`: a new `Corpus` built with it re-tokenizes only the files that are
 * new or changed (and reuses the saved arrays outright when nothing changed). A blob that is not
 * this version's, or is damaged, throws `IndexFormatError` — callers rebuild.
 */
import type { Corpus, PriorIndex } from "./corpus";
import type { Fact } from "./entityFacts";
import type { IndexArrays } from "./ngramIndex";
import { Vocabulary } from "./vocabulary";

export const INDEX_FORMAT_VERSION = 2;
const MAGIC = 0x58494256; // "VBIX"

export class IndexFormatError extends Error {}

interface FileMeta {
  path: string;
  stamp?: string;
  hash: number;
  length: number;
  words: number;
}

interface Header {
  version: number;
  files: FileMeta[];
  vocabulary: string[];
  bucketBits: number;
  /** Element counts of the arrays, in order: ids, bucketStart, positions, wordCounts, postingStart, postings. */
  counts: number[];
}

export function serializeIndex(corpus: Corpus): Uint8Array {
  const a = corpus.index.arrays;
  const arrays = [corpus.ids, a.bucketStart, a.positions, a.wordCounts, a.postingStart, a.postings];
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    files: corpus.documents.map((d) => ({ path: d.path, stamp: d.stamp, hash: d.contentHash(), length: d.text.length, words: d.wordCount })),
    vocabulary: corpus.vocabulary.words,
    bucketBits: a.bucketBits,
    counts: arrays.map((x) => x.length),
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
export function deserializeIndex(bytes: Uint8Array, facts?: Record<string, SavedFacts>): PriorIndex {
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
  const counts = header.counts;
  if (!Array.isArray(counts) || counts.length !== 6 || !Array.isArray(header.files) || !Array.isArray(header.vocabulary)) throw new IndexFormatError("index header is damaged");
  let at = 12 + Math.ceil(jsonLength / 4) * 4;
  // Views straight into the blob: no copy.
  const take = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || at + n * 4 > bytes.length) throw new IndexFormatError("index file is truncated");
    const offset = bytes.byteOffset + at;
    at += n * 4;
    return [bytes.buffer, offset, n] as const;
  };
  const ids = new Int32Array(...take(counts[0]));
  const arrays: IndexArrays = {
    bucketBits: header.bucketBits,
    bucketStart: new Uint32Array(...take(counts[1])),
    positions: new Uint32Array(...take(counts[2])),
    wordCounts: new Int32Array(...take(counts[3])),
    postingStart: new Int32Array(...take(counts[4])),
    postings: new Int32Array(...take(counts[5])),
  };
  validate(header, ids, arrays);
  const vocabulary = Vocabulary.fromWords(header.vocabulary);
  if (vocabulary.size !== header.vocabulary.length) throw new IndexFormatError("index vocabulary is damaged");
  const files: PriorIndex["files"] = new Map();
  let first = 0;
  for (const f of header.files) {
    const saved = facts?.[f.path];
    files.set(f.path, { stamp: f.stamp, hash: f.hash, length: f.length, ids: ids.subarray(first, first + f.words), facts: saved && saved.hash === f.hash ? saved.facts : undefined });
    first += f.words;
  }
  return { vocabulary, files, index: { paths: header.files.map((f) => f.path), ids, arrays } };
}

function validate(header: Header, ids: Int32Array, a: IndexArrays): void {
  const fail = (what: string) => {
    throw new IndexFormatError(`index is damaged (${what})`);
  };
  const v = header.vocabulary.length;
  if (!Number.isInteger(a.bucketBits) || a.bucketBits < 1 || a.bucketBits > 30 || a.bucketStart.length !== (1 << a.bucketBits) + 1) fail("buckets");
  if (a.bucketStart[a.bucketStart.length - 1] !== a.positions.length) fail("buckets");
  for (let b = 1; b < a.bucketStart.length; b++) if (a.bucketStart[b] < a.bucketStart[b - 1]) fail("buckets");
  if (header.files.reduce((n, f) => n + f.words, 0) !== ids.length) fail("word counts");
  for (let i = 0; i < ids.length; i++) if (ids[i] < 0 || ids[i] >= v) fail("word ids");
  for (let i = 0; i < a.positions.length; i++) if (a.positions[i] + 2 >= ids.length) fail("positions");
  if (a.wordCounts.length !== v || a.postingStart.length !== v + 1 || a.postingStart[v] !== a.postings.length) fail("postings");
  for (let i = 0; i < a.postings.length; i++) if (a.postings[i] < 0 || a.postings[i] >= ids.length) fail("postings");
}

/** What each file teaches about people, keyed by path, with the content hash it was learnt from. */
export interface SavedFacts {
  hash: number;
  facts: Fact[];
}

export function exportFacts(corpus: Corpus): Record<string, SavedFacts> {
  const out: Record<string, SavedFacts> = {};
  for (const d of corpus.documents) if (d.facts) out[d.path] = { hash: d.contentHash(), facts: d.facts };
  return out;
}

/** A prior index made from a live corpus, to rebuild it after some files changed. */
export function priorFromCorpus(corpus: Corpus): PriorIndex {
  const files: PriorIndex["files"] = new Map();
  corpus.documents.forEach((d, k) => files.set(d.path, { stamp: d.stamp, hash: d.contentHash(), length: d.text.length, ids: corpus.docIds(k), facts: d.facts }));
  return { vocabulary: corpus.vocabulary, files, index: { paths: corpus.documents.map((d) => d.path), ids: corpus.ids, arrays: corpus.index.arrays } };
}
