/**
 * One source as the corpus knows it: where its words stand in the index, and — read on demand —
 * its text, word offsets and layout. A source given with a `load` callback does not keep its
 * text after indexing: it is re-read (and checked against the length it was indexed with) when
 * a check needs it, and kept only while recently used (see `DocCache`).
 */
import { type PreparedDocument, prepareDocument } from "../document/document";
import type { SourceMetadata } from "../formats/metadata";
import type { Quote } from "../quotes/quote";
import { tokenize, type WordList, wordOffsets } from "../text/words";
import type { Cached, CachedPart, DocCache } from "./docCache";
import { type AttributedQuote, attributeQuotes } from "../speakers/attribute";
import { attributionKey } from "./savedAttributions";

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

export interface DocumentInit {
  path: string;
  /** The text, kept when there is no `load`. */
  text?: string;
  load?: () => string | undefined;
  length: number;
  firstWord: number;
  wordCount: number;
  utterances: Utterance[];
  regions: Region[];
  markdown?: boolean;
  metadata?: SourceMetadata;
  stamp?: string;
  /** Content hash of the text the index was built from. */
  hash: number;
}

export class SourceDocument implements Cached {
  readonly path: string;
  /** Global index position of this document's first word. */
  readonly firstWord: number;
  readonly wordCount: number;
  readonly utterances: Utterance[];
  readonly regions: Region[];
  readonly markdown: boolean | undefined;
  /** Headline, outlet, authors, date and address of the source, when known. */
  readonly metadata: SourceMetadata | undefined;
  readonly stamp: string | undefined;
  /** Length of the text the index was built from. */
  readonly length: number;
  /** Content hash of the very text the index was built from (never of a later read). */
  readonly indexedHash: number;
  /** The loader gave a text other than the indexed one: the index is out of date for this file. */
  stale = false;
  /** The loader found no file: it was removed (or became unreadable) after it was indexed. */
  vanished = false;

  /** The text, when there is no loader to read it again. */
  readonly keptText?: string;
  private readonly load?: () => string | undefined;
  private loaded?: string;
  private offsetList?: { starts: Int32Array; ends: Int32Array };
  private wordList?: WordList;
  private preparedDoc?: PreparedDocument;
  private rawQuotes: Quote[] = [];

  constructor(
    init: DocumentInit,
    private readonly cache: DocCache,
  ) {
    this.path = init.path;
    this.firstWord = init.firstWord;
    this.wordCount = init.wordCount;
    this.utterances = init.utterances;
    this.regions = init.regions;
    this.markdown = init.markdown;
    this.metadata = init.metadata;
    this.stamp = init.stamp;
    this.length = init.length;
    this.indexedHash = init.hash;
    this.load = init.load;
    // Without a way to re-read it, the text must stay.
    if (!init.load) this.keptText = init.text;
  }

  /** The source's text (re-read through the host's loader when not kept). */
  get text(): string {
    if (this.keptText !== undefined) return this.keptText;
    if (this.loaded === undefined) {
      const read = this.load?.();
      const text = read ?? "";
      this.vanished = read === undefined;
      this.stale = text.length !== this.length || hashText(text) !== this.indexedHash;
      this.loaded = text;
      this.cache.touch(this, "text", text.length * 2);
    } else this.cache.touch(this, "text");
    return this.loaded;
  }

  /** Word offsets, in index order (computed on first use). */
  get offsets(): { starts: Int32Array; ends: Int32Array } {
    if (!this.offsetList) {
      this.offsetList = wordOffsets(this.text);
      this.cache.touch(this, "text", this.offsetList.starts.byteLength * 2);
    } else this.cache.touch(this, "text");
    return this.offsetList;
  }

  /** The document's words with their offsets (tokenized on first use). */
  get words(): WordList {
    if (!this.wordList) {
      this.wordList = tokenize(this.text);
      this.cache.touch(this, "text", this.wordList.words.length * 40);
    } else this.cache.touch(this, "text");
    return this.wordList;
  }

  /** The document laid out for reading attributions, with its quotations as first found. */
  get prepared(): PreparedDocument {
    if (!this.preparedDoc) {
      this.preparedDoc = prepareDocument(this.path, this.text, this.markdown);
      this.rawQuotes = this.preparedDoc.quotes;
      // A rough figure: tokens, sentences and quotations run to a few dozen bytes a character.
      this.cache.touch(this, "layout", this.length * 24);
    } else this.cache.touch(this, "layout");
    // Attribution replaces `quotes` with merged split quotes: start every reading afresh.
    this.preparedDoc.quotes = this.rawQuotes;
    return this.preparedDoc;
  }

  /**
   * The source's quotations with their speakers, read from this source alone (its transcript
   * turns included), so they never change when other sources are added. Computed on first use
   * and kept: they are small, and a check needs them again for every quote found here.
   */
  attributed(aliases: Record<string, string> = {}): AttributedQuote[] {
    const key = JSON.stringify(aliases);
    if (this.attributions?.key !== key) {
      // Saved with the index for the very text indexed (a changed file is never attributed from it).
      const saved = this.cache.attributions;
      const savedKey = attributionKey(this.path, this.indexedHash, this.length, key);
      let quotes = saved?.get(savedKey);
      if (!quotes) {
        quotes = attributeQuotes(this.prepared, { aliases, utterances: this.utterances });
        if (!this.stale && !this.vanished) saved?.put(savedKey, quotes);
      }
      this.attributions = { key, quotes };
    }
    return this.attributions.quotes;
  }

  private attributions?: { key: string; quotes: AttributedQuote[] };

  evict(part: CachedPart): void {
    if (part === "text") {
      this.loaded = undefined;
      this.offsetList = undefined;
      this.wordList = undefined;
    } else {
      this.preparedDoc = undefined;
      this.rawQuotes = [];
    }
  }
}

/** 32-bit FNV-1a over the UTF-16 code units, with the length mixed in. */
export function hashText(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
