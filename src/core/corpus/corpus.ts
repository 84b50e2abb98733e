/**
 * The sources a draft is checked against: their text, their words (with offsets), who speaks
 * each of their quotations, and the index over all their words.
 */
import { type PreparedDocument, prepareDocument } from "../document/document";
import { type AttributedQuote, attributeQuotes } from "../speakers/attribute";
import type { EntityRegistry } from "../speakers/entity";
import { learnEntities, registerPhrase } from "../speakers/learn";
import { parsePhrase } from "../speakers/phrase";
import { tokenizePhrase } from "../speakers/tokens";
import { makeQuote } from "../quotes/quote";
import { tokenize, type WordList } from "../text/words";
import { NgramIndex } from "./ngramIndex";

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

export interface SourceDocument {
  readonly path: string;
  readonly text: string;
  readonly prepared: PreparedDocument;
  readonly words: WordList;
  /** Global index position of this document's first word. */
  readonly firstWord: number;
  /** Quotations in the source with their speakers (filled in by `attribute`). */
  quotes: AttributedQuote[];
  readonly utterances: Utterance[];
  readonly regions: Region[];
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
      this.documents.push({
        path: s.path,
        text: s.text,
        prepared: prepareDocument(s.path, s.text, s.markdown),
        words: words[d],
        firstWord: docStarts[d],
        quotes: [],
        utterances: s.utterances ?? [],
        regions: s.regions ?? [],
      });
    });
    docStarts[sources.length] = at;
    this.index = new NgramIndex({ ids: this.ids, docStarts }, this.vocabulary.size);
  }

  /** Teaches the registry the people and organisations the sources introduce. */
  learn(registry: EntityRegistry): void {
    for (const doc of this.documents) {
      learnEntities(doc.prepared, registry);
      for (const u of doc.utterances) registerPhrase(parsePhrase(tokenizePhrase(u.speaker)), registry);
    }
  }

  /** Works out who speaks each quotation in every source (once the registry has learnt everything). */
  attribute(registry: EntityRegistry): void {
    for (const doc of this.documents) {
      const quotes = attributeQuotes(doc.prepared, registry);
      for (const u of doc.utterances) quotes.push(utteranceQuote(doc, u, registry));
      doc.quotes = quotes.sort((a, b) => a.start - b.start);
    }
  }

  /** The named region (page, timestamp) holding an offset of a document, if any. */
  static regionAt(doc: SourceDocument, offset: number): Region | undefined {
    return doc.regions.find((r) => r.start <= offset && offset < r.end);
  }

  get wordCount(): number {
    return this.ids.length;
  }
}

/** A transcript turn as a quotation of its labelled speaker. */
function utteranceQuote(doc: SourceDocument, u: Utterance, registry: EntityRegistry): AttributedQuote {
  const quote = makeQuote([{ start: u.start, end: u.end }], "utterance", 0, 0);
  const phrase = parsePhrase(tokenizePhrase(u.speaker));
  let speaker = undefined;
  if (phrase?.type === "person") speaker = registry.person(phrase.name, phrase.role, phrase.organization ? registry.organization(phrase.organization) : undefined);
  else if (phrase?.type === "name") speaker = registry.lookup(registry.expandAlias(phrase.name))[0] ?? (phrase.name.includes(" ") ? registry.person(phrase.name) : registry.unknown(phrase.name));
  else if (phrase?.type === "organization") speaker = registry.organization(phrase.name);
  else speaker = registry.unknown(u.speaker);
  const words = (doc.text.slice(u.start, u.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return { ...quote, speaker, basis: "label", wordCount: words, scare: false };
}
