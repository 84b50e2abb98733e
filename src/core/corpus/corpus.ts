/**
 * The sources a draft is checked against: their text, their words (with offsets), who speaks
 * each of their quotations, and the index over all their words.
 */
import { type PreparedDocument, prepareDocument } from "../document/document";
import { type AttributedQuote, attributeQuotes } from "../speakers/attribute";
import type { EntityRegistry } from "../speakers/entity";
import { learnEntities } from "../speakers/learn";
import { tokenize, type WordList } from "../text/words";
import { NgramIndex } from "./ngramIndex";

export interface SourceText {
  /** How the source is named in reports: a path relative to the workspace, or a URI. */
  path: string;
  text: string;
}

export interface SourceDocument {
  readonly path: string;
  readonly text: string;
  readonly prepared: PreparedDocument;
  readonly words: WordList;
  /** Global index position of this document's first word. */
  readonly firstWord: number;
  /** Quotations in the source with their speakers (filled in by `attribute`). */
  quotes: AttributedQuote[];
}

export class Vocabulary {
  private ids = new Map<string, number>();
  readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
  /** The id of a known word, or -1. */
  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }
  get size(): number {
    return this.words.length;
  }
}

export class Corpus {
  readonly documents: SourceDocument[] = [];
  readonly vocabulary = new Vocabulary();
  readonly index: NgramIndex;
  readonly ids: Int32Array;

  constructor(sources: SourceText[]) {
    let total = 0;
    const words = sources.map((s) => tokenize(s.text));
    for (const w of words) total += w.words.length;
    this.ids = new Int32Array(total);
    const docStarts = new Int32Array(sources.length + 1);
    let at = 0;
    sources.forEach((s, d) => {
      docStarts[d] = at;
      for (const w of words[d].words) this.ids[at++] = this.vocabulary.id(w);
      this.documents.push({ path: s.path, text: s.text, prepared: prepareDocument(s.path, s.text), words: words[d], firstWord: docStarts[d], quotes: [] });
    });
    docStarts[sources.length] = at;
    this.index = new NgramIndex({ ids: this.ids, docStarts }, this.vocabulary.size);
  }

  /** Teaches the registry the people and organisations the sources introduce. */
  learn(registry: EntityRegistry): void {
    for (const doc of this.documents) learnEntities(doc.prepared, registry);
  }

  /** Works out who speaks each quotation in every source (once the registry has learnt everything). */
  attribute(registry: EntityRegistry): void {
    for (const doc of this.documents) doc.quotes = attributeQuotes(doc.prepared, registry);
  }

  get wordCount(): number {
    return this.ids.length;
  }
}
