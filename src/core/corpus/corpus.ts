/**
 * The sources a draft is checked against: their word ids and the index over them. Building it
 * only tokenizes; a source's text, layout, what it teaches about people and who speaks its
 * quotations are read per document, on demand, for the documents a check finds passages in (see
 * `SourceDocument`).
 */
import type { SourceMetadata } from "../formats/metadata";
import { DocCache } from "./docCache";
import { type BuildHelper, HitBuffer, type IndexArrays, int32s, NgramIndex } from "./ngramIndex";
import type { PagedArrays } from "./pagedArrays";
import { PositionMap } from "./positionMap";
import { SegmentedIndex } from "./segmentedIndex";
import { hashText, type Region, SourceDocument, type Utterance } from "./sourceDocument";
import { tokenizeInto } from "./tokenizeIds";
import { Vocabulary } from "./vocabulary";

export { Vocabulary } from "./vocabulary";
export { hashText, type Region, SourceDocument, type Utterance } from "./sourceDocument";
export { tokenizeIds } from "./tokenizeIds";

export interface SourceText {
  /** How the source is named in reports: a path relative to the workspace, or a URI. */
  path: string;
  /** The source's text (for PDF, DOCX, HTML: the extracted text; offsets refer to it). */
  text: string;
  /**
   * Speech the format itself attributes, with no quote marks needed: transcript turns
   * (`JANE DOE: …`, subtitles with a speaker). `speaker` is a name as the source gives it.
   */
  utterances?: Utterance[];
  /** Named places in the text — `page 3`, `00:01:23` — shown with a passage that falls in them. */
  regions?: Region[];
  /** True when the text is Markdown (block quotes, headings are structure, not speech). */
  markdown?: boolean;
  /** Headline, outlet, authors, date and address, as far as the file or its sidecar says. */
  metadata?: SourceMetadata;
  /**
   * A change marker of the very bytes `text` came from (Node hosts: size, modification and change
   * times, inode), saved with the index so that a host can tell an unchanged file without reading it.
   */
  stamp?: string;
  /**
   * Reads the text again (the same text as `text`) when a check needs it. Given this, the corpus
   * does not keep `text` once indexed, so an archive's text is not held in memory.
   */
  load?: () => string | undefined;
  /**
   * The text's length, when the host knows it without reading the file (from a saved index). With
   * `stamp` and `load`, a file the saved index holds at the same stamp and length is not read at
   * all: `text` is then never touched (a host may make it a getter that loads).
   */
  length?: number;
  /**
   * `hashText` of `text`, when the host has just read the file: the saved words are then reused
   * only when the saved hash matches (never on the stamp alone).
   */
  hash?: number;
  /**
   * The text's word ids, when the host tokenized it already (worker threads, see
   * `corpus/wordMerger.ts`), with the vocabulary they are ids of. Used only when that is the
   * corpus's own vocabulary (with `hash` and `length`); otherwise the text is tokenized here.
   */
  words?: { ids: Int32Array; vocabulary: Vocabulary };
}

/** A source's text length, without reading a text the host can give lazily. */
const lengthOf = (s: SourceText) => s.length ?? s.text.length;

/** A file of a saved or live index. */
export interface PriorFile {
  stamp?: string;
  /** Content hash, when known. */
  hash?: number;
  length: number;
  ids: Int32Array;
  /** Where the file's words stand in the index's ids. */
  first?: number;
  /** The text itself, when the index kept it (equal text = unchanged file, no hashing needed). */
  text?: string;
}

/** What a saved index offers to a new build: its vocabulary, per-file words, and the whole index. */
export interface PriorIndex {
  vocabulary: Vocabulary;
  files: Map<string, PriorFile>;
  /** The saved index itself: its segments are reused, and only new or changed files indexed. */
  index?: SavedIndex;
  /** Another thread that takes part in building a main segment (see `BuildHelper`). */
  helper?: BuildHelper;
}

export interface SavedIndex {
  ids: Int32Array;
  mainEnd: number;
  main: IndexArrays;
  delta?: IndexArrays;
  /** Set when the arrays (and the vocabulary) are read page by page from the store as needed. */
  pages?: PagedArrays;
}

/** The delta segment (new and changed files) is merged into the main one beyond this share of it. */
const MAX_DELTA_SHARE = 1 / 8;
/** The index is compacted when this share of the main segment's words is tombstones. */
const MAX_DEAD_SHARE = 1 / 4;
/**
 * A rebuilt index gets a vocabulary of its live words alone when fewer than this share of the
 * words it holds are still in some source: edited sources leave their old words behind, and an
 * editor session editing one file would otherwise grow the vocabulary (and every saved index) without bound.
 */
const MIN_LIVE_VOCABULARY_SHARE = 1 / 2;
/** Vocabularies smaller than this are never compacted (the check costs more than it saves). */
const MIN_COMPACTED_VOCABULARY = 4096;

export class Corpus {
  readonly documents: SourceDocument[] = [];
  /** Word ids of `ids`; shared with the prior corpus, unless this build compacted it. */
  vocabulary: Vocabulary;
  index!: SegmentedIndex;
  /** Word ids, all segments end to end (tombstones included). */
  ids!: Int32Array;
  /** How many documents were tokenized anew (the rest came from `prior`). */
  readonly tokenized: number;
  /** The prior index was reused as it was (nothing changed). */
  reusedIndex = false;
  /** Recently read texts, offsets and layouts. */
  readonly cache = new DocCache();
  /** The saved arrays still being read page by page (the unchanged saved index of a warm start). */
  pages?: PagedArrays;
  private map!: PositionMap;
  private words?: number;

  constructor(sources: SourceText[], prior?: PriorIndex) {
    // A saved index is used page by page only as it is; anything that changes it reads it all first.
    const pages = prior?.index?.pages;
    if (pages && !pages.complete && !(prior!.files.size === sources.length && sources.every((s) => isUnchanged(prior!.files.get(s.path), s)))) pages.loadAll();
    this.vocabulary = prior?.vocabulary ?? new Vocabulary();
    const perDoc: Int32Array[] = [];
    const placed: number[] = [];
    // New words go into one buffer (a few large allocations, not one per file), viewed per file.
    // Sized for the worst case up front: untouched pages of a large typed array take no memory.
    const fresh = new HitBuffer(prior ? 1 << 16 : Math.max(1 << 16, (sources.reduce((n, s) => n + lengthOf(s), 0) >> 2) + 1));
    const freshAt: number[] = [];
    // What each document's index entry describes: the very text tokenized (read once here), or the saved file.
    const indexed: { length: number; hash: number }[] = [];
    for (const s of sources) {
      const saved = prior?.files.get(s.path);
      if (isUnchanged(saved, s)) {
        perDoc.push(saved.ids);
        placed.push(saved.first ?? -1);
        freshAt.push(-1, -1);
        indexed.push({ length: saved.length, hash: saved.hash! });
      } else if (s.words && s.words.vocabulary === this.vocabulary && s.hash !== undefined && s.length !== undefined) {
        // Tokenized by the host already, into this very vocabulary.
        perDoc.push(s.words.ids);
        placed.push(-1);
        freshAt.push(-2, -2);
        indexed.push({ length: s.length, hash: s.hash });
      } else {
        const text = s.text;
        fresh.reserve(fresh.length + (text.length >> 1) + 1);
        freshAt.push(fresh.length);
        tokenizeInto(text, this.vocabulary, fresh);
        freshAt.push(fresh.length);
        perDoc.push(fresh.data.subarray(0, 0));
        placed.push(-1);
        indexed.push({ length: text.length, hash: s.hash ?? hashText(text) });
      }
    }
    for (let d = 0; d < sources.length; d++) if (freshAt[2 * d] >= 0) perDoc[d] = fresh.data.subarray(freshAt[2 * d], freshAt[2 * d + 1]);
    this.tokenized = freshAt.filter((x) => x >= 0 || x === -2).length / 2;
    const firstWords = this.layOut(perDoc, placed, prior);
    sources.forEach((s, d) => {
      this.documents.push(
        new SourceDocument(
          { path: s.path, text: s.load ? undefined : s.text, load: s.load, length: indexed[d].length, firstWord: firstWords[d], wordCount: perDoc[d].length, utterances: s.utterances ?? [], regions: s.regions ?? [], markdown: s.markdown, metadata: s.metadata, stamp: s.stamp, hash: indexed[d].hash },
          this.cache,
        ),
      );
    });
  }

  /** Places every document's words in `ids` and indexes what is not indexed yet; returns each document's first position. */
  private layOut(perDoc: Int32Array[], placed: number[], prior?: PriorIndex): number[] {
    const saved = prior?.index;
    const wordsOf = (d: number) => perDoc[d].length;
    const all = perDoc.map((_, d) => d);
    const toPlace = all.filter((d) => placed[d] < 0);
    const newWords = toPlace.reduce((n, d) => n + wordsOf(d), 0);
    if (saved) {
      const inMain = all.filter((d) => placed[d] >= 0 && placed[d] < saved.mainEnd).reduce((n, d) => n + wordsOf(d), 0);
      const inDelta = all.filter((d) => placed[d] >= saved.mainEnd).reduce((n, d) => n + wordsOf(d), 0);
      const small = newWords + inDelta <= saved.mainEnd * MAX_DELTA_SHARE && saved.mainEnd - inMain <= saved.mainEnd * MAX_DEAD_SHARE;
      if (small && saved.mainEnd > 0) return this.addDelta(perDoc, placed, toPlace, saved, prior!.files.size);
    }
    // One main segment over everything, in the sources' order (a saved index is read whole for that).
    saved?.pages?.loadAll();
    const firstWords: number[] = [];
    let total = 0;
    for (const ids of perDoc) {
      firstWords.push(total);
      total += ids.length;
    }
    const allFresh = perDoc.length > 0 && perDoc.every((ids, d) => ids.buffer === perDoc[0].buffer && ids.byteOffset === firstWords[d] * 4);
    const helper = prior?.helper;
    if (allFresh) this.ids = new Int32Array(perDoc[0].buffer, 0, total);
    else {
      this.ids = int32s(total, helper !== undefined);
      perDoc.forEach((ids, d) => this.ids.set(ids, firstWords[d]));
    }
    if (prior) this.compactVocabulary();
    this.map = new PositionMap(firstWords, perDoc.map((x) => x.length), total);
    const main = NgramIndex.build(this.ids, this.map.ranges(), this.vocabulary.size, helper);
    this.index = new SegmentedIndex(main, total, undefined, this.map);
    return firstWords;
  }

  /**
   * When dead words dominate the vocabulary, gives this corpus one of its live words only (in the
   * order of their old ids) and its ids renumbered — into a new array: `ids` may be the prior
   * corpus's, which stays as it is for whoever still holds it. Only for a full rebuild (every
   * segment is indexed anew from `ids`).
   */
  private compactVocabulary(): void {
    const { vocabulary, ids } = this;
    if (vocabulary.size < MIN_COMPACTED_VOCABULARY) return;
    const used = new Uint8Array(vocabulary.size);
    let live = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id >= 0 && used[id] === 0) {
        used[id] = 1;
        live++;
      }
    }
    if (live >= vocabulary.size * MIN_LIVE_VOCABULARY_SHARE) return;
    const renumber = new Int32Array(vocabulary.size).fill(-1);
    const words: string[] = [];
    for (let id = 0; id < used.length; id++) if (used[id]) renumber[id] = words.push(vocabulary.word(id)) - 1;
    const compacted = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) compacted[i] = ids[i] >= 0 ? renumber[ids[i]] : ids[i];
    this.vocabulary = Vocabulary.fromWords(words);
    this.ids = compacted;
  }

  /** Keeps the saved main segment; new and changed files go after its words, into a re-built delta. */
  private addDelta(perDoc: Int32Array[], placed: number[], toPlace: number[], saved: SavedIndex, savedFiles: number): number[] {
    const firstWords = [...placed];
    let total = saved.ids.length;
    for (const d of toPlace) {
      firstWords[d] = total;
      total += perDoc[d].length;
    }
    const unchanged = toPlace.length === 0 && savedFiles === perDoc.length;
    if (unchanged) {
      this.ids = saved.ids;
      if (saved.pages && !saved.pages.complete) this.pages = saved.pages;
    } else {
      saved.pages?.loadAll();
      this.ids = new Int32Array(total);
      this.ids.set(saved.ids);
      for (const d of toPlace) this.ids.set(perDoc[d], firstWords[d]);
    }
    this.map = new PositionMap(firstWords, perDoc.map((x) => x.length), total);
    const main = new NgramIndex(this.ids, saved.main, this.pages);
    let delta: NgramIndex | undefined;
    if (unchanged) {
      delta = saved.delta && new NgramIndex(this.ids, saved.delta, this.pages);
      this.reusedIndex = true;
    } else {
      const ranges = this.map.ranges(saved.mainEnd);
      if (ranges.length) delta = NgramIndex.build(this.ids, ranges, this.vocabulary.size);
    }
    this.index = new SegmentedIndex(main, saved.mainEnd, delta, this.map);
    return firstWords;
  }

  /** Which document a global position belongs to (-1 for a tombstone). */
  docAt(position: number): number {
    return this.map.docAt(position);
  }

  /** The word ids of one document. */
  docIds(d: number): Int32Array {
    const doc = this.documents[d];
    return this.wordIds(doc.firstWord, doc.firstWord + doc.wordCount);
  }

  /** The word ids at global positions `[from, to)` (read from the saved index when not read yet). */
  wordIds(from: number, to: number): Int32Array {
    this.pages?.need(this.ids, from, to);
    return this.ids.subarray(from, to);
  }

  /** Reads whatever of a saved index is not read yet (before saving it or building on it). */
  loadAll(): void {
    this.pages?.loadAll();
    this.pages = undefined;
  }

  /** The named region (page, timestamp) holding an offset of a document, if any. */
  static regionAt(doc: SourceDocument, offset: number): Region | undefined {
    return doc.regions.find((r) => r.start <= offset && offset < r.end);
  }

  /** Words of all documents (tombstones not counted). */
  get wordCount(): number {
    if (this.words === undefined) {
      this.words = 0;
      for (const d of this.documents) this.words += d.wordCount;
    }
    return this.words;
  }

  /** Total characters of all sources. */
  get textLength(): number {
    let n = 0;
    for (const d of this.documents) n += d.length;
    return n;
  }
}

/**
 * Is the source the file the prior index holds? A text in hand is compared by content (its hash),
 * never by stamp alone; only a file the host chose not to read (its saved stamp and length
 * matched: see the service's reading policy) is taken on its stamp.
 */
function isUnchanged(saved: PriorFile | undefined, s: SourceText): saved is PriorFile {
  return saved !== undefined && saved.hash !== undefined && unchanged(saved, s);
}

function unchanged(saved: PriorFile, s: SourceText): boolean {
  if (s.hash !== undefined) return s.hash === saved.hash && lengthOf(s) === saved.length;
  if (s.length !== undefined && s.stamp !== undefined && s.load) return s.stamp === saved.stamp && s.length === saved.length;
  if (saved.length !== s.text.length) return false;
  if (saved.text !== undefined) return saved.text === s.text;
  return hashText(s.text) === saved.hash;
}
