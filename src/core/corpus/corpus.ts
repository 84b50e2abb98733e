/**
 * The sources a draft is checked against: their text, their word ids and the index over them.
 * Building it only tokenizes; everything a speaker check needs (the document layout, what it
 * teaches about people, who speaks its quotations) is worked out per document, on demand, for
 * the documents a check actually finds passages in (see `SpeakerState`).
 */
import { type PreparedDocument, prepareDocument } from "../document/document";
import type { Quote } from "../quotes/quote";
import { scanWords, tokenize, type WordList } from "../text/words";
import { documentFacts, type Fact } from "./entityFacts";
import { type IndexArrays, NgramIndex } from "./ngramIndex";
import { Vocabulary } from "./vocabulary";

export { Vocabulary } from "./vocabulary";

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
  /**
   * A cheap change marker for a saved index (the CLI uses size and mtime): when it equals the
   * saved one the file's saved words are reused without hashing its text.
   */
  stamp?: string;
}

export interface Utterance {
  start: number;
  end: number;
  speaker: string;
}

export interface Region {
  start: number;
  end: number;
  label: string;
}

export class SourceDocument {
  private wordList?: WordList;
  private preparedDoc?: PreparedDocument;
  private rawQuotes: Quote[] = [];
  /** What the document teaches the entity registry (computed on first use, or loaded). */
  facts?: Fact[];
  /** Content hash (computed on first use, or loaded). */
  hash?: number;

  constructor(
    readonly path: string,
    readonly text: string,
    /** Global index position of this document's first word. */
    readonly firstWord: number,
    readonly wordCount: number,
    readonly utterances: Utterance[],
    readonly regions: Region[],
    readonly markdown: boolean | undefined,
    readonly stamp: string | undefined,
  ) {}

  /** The document's words with their offsets (tokenized on first use). */
  get words(): WordList {
    return (this.wordList ??= tokenize(this.text));
  }

  /** The document laid out for reading attributions, with its quotations as first found. */
  get prepared(): PreparedDocument {
    if (!this.preparedDoc) {
      this.preparedDoc = prepareDocument(this.path, this.text, this.markdown);
      this.rawQuotes = this.preparedDoc.quotes;
    }
    // Attribution replaces `quotes` with merged split quotes: start every reading afresh.
    this.preparedDoc.quotes = this.rawQuotes;
    return this.preparedDoc;
  }

  learnt(): Fact[] {
    return (this.facts ??= documentFacts(this.prepared, this.utterances.map((u) => u.speaker)));
  }

  contentHash(): number {
    return (this.hash ??= hashText(this.text));
  }
}

/** What a saved index offers to a new build: its vocabulary, per-file words, and the whole index. */
export interface PriorIndex {
  vocabulary: Vocabulary;
  files: Map<string, { stamp?: string; hash: number; length: number; ids: Int32Array; facts?: Fact[] }>;
  /** The saved index itself, usable as is when the same files come back in the same order unchanged. */
  index?: { paths: string[]; ids: Int32Array; arrays: IndexArrays };
}

export class Corpus {
  readonly documents: SourceDocument[] = [];
  readonly vocabulary: Vocabulary;
  readonly index: NgramIndex;
  readonly ids: Int32Array;
  /** First global position of each document, plus the total at the end. */
  readonly docStarts: Int32Array;
  /** How many documents were tokenized anew (the rest came from `prior`). */
  readonly tokenized: number = 0;

  constructor(sources: SourceText[], prior?: PriorIndex) {
    this.vocabulary = prior?.vocabulary ?? new Vocabulary();
    const perDoc: Int32Array[] = [];
    const reusedFacts: (Fact[] | undefined)[] = [];
    const hashes: (number | undefined)[] = [];
    let tokenized = 0;
    const scratch = new IdBuffer(1 << 16);
    for (const s of sources) {
      const saved = prior?.files.get(s.path);
      let hash: number | undefined;
      let same = false;
      if (saved && saved.length === s.text.length) {
        if (s.stamp !== undefined && s.stamp === saved.stamp) same = true;
        else same = (hash = hashText(s.text)) === saved.hash;
      }
      if (same && saved) {
        perDoc.push(saved.ids);
        reusedFacts.push(saved.facts);
        hashes.push(saved.hash);
      } else {
        tokenized++;
        perDoc.push(tokenizeIds(s.text, this.vocabulary, scratch));
        reusedFacts.push(undefined);
        hashes.push(hash);
      }
    }
    this.tokenized = tokenized;
    this.docStarts = new Int32Array(sources.length + 1);
    for (let d = 0; d < sources.length; d++) this.docStarts[d + 1] = this.docStarts[d] + perDoc[d].length;
    const total = this.docStarts[sources.length];
    const saved = prior?.index;
    const reuseIndex = tokenized === 0 && !!saved && saved.paths.length === sources.length && saved.paths.every((p, d) => p === sources[d].path) && saved.ids.length === total;
    if (reuseIndex && saved) {
      this.ids = saved.ids;
      this.index = new NgramIndex(this.ids, saved.arrays);
    } else {
      this.ids = new Int32Array(total);
      perDoc.forEach((ids, d) => this.ids.set(ids, this.docStarts[d]));
      this.index = NgramIndex.build(this.ids, this.docStarts, this.vocabulary.size);
    }
    sources.forEach((s, d) => {
      const doc = new SourceDocument(s.path, s.text, this.docStarts[d], perDoc[d].length, s.utterances ?? [], s.regions ?? [], s.markdown, s.stamp);
      doc.facts = reusedFacts[d];
      doc.hash = hashes[d];
      this.documents.push(doc);
    });
  }

  /** The word ids of one document. */
  docIds(d: number): Int32Array {
    return this.ids.subarray(this.docStarts[d], this.docStarts[d + 1]);
  }

  /** Which document a global position belongs to. */
  docAt(position: number): number {
    const starts = this.docStarts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The named region (page, timestamp) holding an offset of a document, if any. */
  static regionAt(doc: SourceDocument, offset: number): Region | undefined {
    return doc.regions.find((r) => r.start <= offset && offset < r.end);
  }

  get wordCount(): number {
    return this.ids.length;
  }

  /** Total characters of all sources. */
  get textLength(): number {
    let n = 0;
    for (const d of this.documents) n += d.text.length;
    return n;
  }
}

/** A growable scratch buffer of word ids. */
class IdBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** The word ids of a text, new words added to the vocabulary. */
export function tokenizeIds(text: string, vocabulary: Vocabulary, scratch = new IdBuffer(1024)): Int32Array {
  scratch.length = 0;
  scanWords(text, 0, text.length, (start, end, flags) => scratch.push(vocabulary.idOfRange(text, start, end, flags)));
  return scratch.data.slice(0, scratch.length);
}

/** 32-bit FNV-1a over the UTF-16 code units, with the length mixed in. */
export function hashText(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
