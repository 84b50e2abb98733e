/**
 * The engine's entry point: checks drafts against sources. Sources are indexed once. A check
 * finds the passages of each draft quotation first (no speakers needed for that), then reads who
 * speaks — in the draft, and in each source it found passages in, each document on its own (a
 * source's speakers are computed once and kept) — and judges each quotation.
 * `checkIncremental` re-reads the edited draft whole (attribution is cheap) but looks up in the
 * index only the quotations whose words changed.
 */
import { Corpus, type PriorIndex, type SourceText } from "./corpus/corpus";
import { type IndexImage, priorFromCorpus, serializeIndex } from "./corpus/persist";
import { type PreparedDocument, prepareDocument } from "./document/document";
import type { DraftReport, DraftText, FoundQuote } from "./checkTypes";
import { type ForeignPassages, mergePassages } from "./foreignSources";
import { findPassages, type Passage, quoteAt } from "./match/passages";
import { quoteWords, type QuoteWords } from "./match/quoteWords";
import { type Quote, quoteText } from "./quotes/quote";
import { attributeQuotes } from "./speakers/attribute";
import { DEFAULT_THRESHOLDS, judge, type QuoteCheck, type Thresholds } from "./verdict/judge";

export interface CheckOptions {
  thresholds?: Partial<Thresholds>;
  /** User aliases: `{"JD": "Jane Doe"}`. */
  aliases?: Record<string, string>;
  /** A comment that switches checking off for the quotes of the paragraph it stands in or before. */
  ignoreMarker?: string;
  /** A saved index to reuse (see `corpus/persist.ts`). */
  prior?: PriorIndex;
}

export const DEFAULT_IGNORE_MARKER = "verbatim-ignore";

export type { DraftReport, DraftText, FoundQuote } from "./checkTypes";

export class QuoteChecker {
  private current: Corpus;
  private readonly thresholds: Thresholds;
  /** For each report of a single draft: the passages of its quotations, by their words. */
  private memos = new WeakMap<DraftReport, Map<string, Passage[]>>();
  /** Passages from a second source store (the newsroom archive), merged with the corpus's. */
  foreignPassages?: ForeignPassages;
  /** How many quotations have been looked up in the index (incremental re-checks look up only changed ones). */
  lookups = 0;

  constructor(
    sources: SourceText[],
    private readonly options: CheckOptions = {},
  ) {
    this.current = new Corpus(sources, options.prior);
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  }

  get corpus(): Corpus {
    return this.current;
  }

  /** Replaces the sources: files whose text is unchanged keep their words; only new and changed files are tokenized. */
  updateSources(sources: SourceText[]): void {
    this.current = new Corpus(sources, priorFromCorpus(this.current));
    this.memos = new WeakMap();
  }

  /** The index as bytes, to save (see `deserializeIndex` and `CheckOptions.prior`). */
  serializeIndex(): IndexImage {
    return serializeIndex(this.current);
  }

  /**
   * Sources a check found changed on disk since they were indexed (their passages were left out)
   * or gone. A host reads the changed ones again and checks again, and warns about the vanished.
   */
  staleSources(): { path: string; vanished: boolean }[] {
    return this.current.documents.filter((d) => d.stale).map((d) => ({ path: d.path, vanished: d.vanished }));
  }

  get ignoreMarker(): string {
    return this.options.ignoreMarker ?? DEFAULT_IGNORE_MARKER;
  }

  get aliases(): Record<string, string> {
    return this.options.aliases ?? {};
  }

  check(drafts: DraftText[]): DraftReport[] {
    return drafts.map((d) => this.checkOne(d.path, d.text, new Map(), drafts.length === 1));
  }

  /**
   * Re-checks a draft after an edit, given the report of a `check` (of that draft alone) or of an
   * earlier `checkIncremental`: the draft is read again whole — a pronoun or a continued quote
   * may depend on any paragraph before it — but only quotations whose words changed are looked
   * up in the index again.
   */
  checkIncremental(previous: DraftReport, newText: string): DraftReport {
    return this.checkOne(previous.path, newText, this.memos.get(previous) ?? new Map(), true);
  }

  private checkOne(path: string, text: string, known: Map<string, Passage[]>, remember: boolean): DraftReport {
    const doc = prepareDocument(path, text);
    const passagesByWords = new Map<string, Passage[]>();
    const checks = this.judgeDraft(doc, (quote) => {
      const words = quoteWords(doc.text, quote.pieces);
      const ignored = paragraphIgnored(doc, quote.paragraph, this.ignoreMarker);
      const key = words.words.join(" ");
      let passages = ignored ? [] : known.get(key) ?? passagesByWords.get(key);
      if (!passages) passages = this.lookUp(words);
      if (!ignored) passagesByWords.set(key, passages);
      return { words, ignored, passages };
    });
    const report = { path, text: doc.text, checks };
    if (remember) this.memos.set(report, passagesByWords);
    return report;
  }

  /** The candidate passages of one quotation of a prepared document. */
  findQuote(doc: PreparedDocument, quote: Quote): FoundQuote {
    const words = quoteWords(doc.text, quote.pieces);
    const ignored = paragraphIgnored(doc, quote.paragraph, this.ignoreMarker);
    return { words, ignored, passages: ignored ? [] : this.lookUp(words) };
  }

  /** The passages of a quotation's words: the corpus's, and a second store's (local first on ties). */
  private lookUp(words: QuoteWords): Passage[] {
    this.lookups++;
    const floor = this.thresholds.misquoteSimilarity;
    const local = findPassages(this.corpus, words, undefined, floor);
    return this.foreignPassages ? mergePassages(local, this.foreignPassages(words, floor)) : local;
  }

  /**
   * Can a verdict rest on this passage (see `judge`)? Only exact passages and those at least as
   * similar as a misquote must be; the sources of the others are never read for their speakers,
   * which on an archive is most of a check's work.
   */
  judgeable(p: Passage): boolean {
    return p.alignment.exact || p.similarity >= this.thresholds.misquoteSimilarity;
  }

  /** Attributes a draft's quotations and judges each against the passages `find` gives. */
  judgeDraft(doc: PreparedDocument, find: (quote: Quote) => FoundQuote = (q) => this.findQuote(doc, q)): QuoteCheck[] {
    return attributeQuotes(doc, { aliases: this.aliases }).map((quote) => {
      const f = find(quote);
      if (f.ignored) return { quote, text: quoteText(doc.text, quote), speaker: quote.speaker, verdict: "ignored", findings: [], corroboration: [] };
      const passages = f.passages.filter((p) => this.judgeable(p)).map((p) => this.withSourceQuote(p));
      return judge(doc.text, quote, f.words, passages, this.thresholds);
    });
  }

  /**
   * A passage with the source quotation it falls in (and so that quotation's speaker). A
   * passage of another store (`documentIndex` -1) carries the quotation attributed when stored.
   */
  withSourceQuote(p: Passage): Passage {
    if (p.documentIndex < 0) return { ...p };
    const q = quoteAt(this.corpus.documents[p.documentIndex].attributed(this.aliases), p.start, p.end);
    return q ? { ...p, sourceQuote: q } : { ...p };
  }
}

/** Identifies a quotation by where its pieces stand. */
export function piecesKey(quote: Quote): string {
  return quote.pieces.map((p) => `${p.start}-${p.end}`).join(",");
}

/** Whether each paragraph of a draft is ignored, worked out once a paragraph (a paragraph may hold thousands of quotes). */
const ignoredParagraphs = new WeakMap<PreparedDocument, { marker: string; flags: Map<number, boolean> }>();

function paragraphIgnored(doc: PreparedDocument, paragraph: number, marker: string): boolean {
  let memo = ignoredParagraphs.get(doc);
  if (!memo || memo.marker !== marker) ignoredParagraphs.set(doc, (memo = { marker, flags: new Map() }));
  let flag = memo.flags.get(paragraph);
  if (flag === undefined) memo.flags.set(paragraph, (flag = isIgnored(doc.text, doc.paragraphs[paragraph], marker)));
  return flag;
}

/** The marker stands in the quote's paragraph or on the line just before it. */
export function isIgnored(text: string, paragraph: { start: number; end: number }, marker: string): boolean {
  if (!marker) return false;
  if (text.slice(paragraph.start, paragraph.end).includes(marker)) return true;
  const before = text.slice(Math.max(0, paragraph.start - 200), paragraph.start).trimEnd();
  const lastLine = before.slice(before.lastIndexOf("\n") + 1);
  return lastLine.includes(marker);
}
