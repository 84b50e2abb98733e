/**
 * The engine's entry point: checks drafts against sources. Sources are indexed once. A check
 * finds the passages of each draft quotation first (no speakers needed for that), then works out
 * who speaks — in the drafts, and in the sources it found passages in — and judges each quotation.
 *
 * Speaker state (the registry learnt from the sources and drafts, and the sources' attributed
 * quotations) is kept between checks and reused while the drafts teach nothing new; see
 * `SpeakerState`. `checkIncremental` re-checks only the quotations of the paragraphs an edit
 * touched.
 */
import { Corpus, type PriorIndex, type SourceText } from "./corpus/corpus";
import { documentFacts, type Fact } from "./corpus/entityFacts";
import { exportFacts, priorFromCorpus, type SavedFacts, serializeIndex } from "./corpus/persist";
import { recheckEdit, type ReportMemo } from "./incremental/recheck";
import type { DraftReport, DraftText, FoundQuote, SpeakerContext } from "./checkTypes";

export type { DraftReport, DraftText, FoundQuote, SpeakerContext } from "./checkTypes";
import { cloneRegistry } from "./corpus/registryClone";
import { SpeakerState } from "./corpus/speakerState";
import { type PreparedDocument, prepareDocument } from "./document/document";
import { adoptSpeaker, type ForeignPassages, mergePassages, storedSpeaker } from "./foreignSources";
import { findPassages, type Passage, quoteAt } from "./match/passages";
import { quoteWords } from "./match/quoteWords";
import { type Quote, quoteText } from "./quotes/quote";
import { attributeQuotes } from "./speakers/attribute";
import { DEFAULT_THRESHOLDS, judge, type QuoteCheck, type Thresholds } from "./verdict/judge";

export interface CheckOptions {
  thresholds?: Partial<Thresholds>;
  /** User aliases: `{"JD": "Jane Doe"}`. */
  aliases?: Record<string, string>;
  /** A comment that switches checking off for the quotes of the paragraph it stands in or before. */
  ignoreMarker?: string;
  /**
   * Up to this many characters of sources, every source teaches the registry who is who (the
   * way a reader of the whole archive would learn it). Above it, a check learns from the sources
   * its quotations were found in, and from the drafts. Default 4,000,000 (about 4 MB).
   */
  learnAllUpTo?: number;
  /** A saved index to reuse (see `corpus/persist.ts`). */
  prior?: PriorIndex;
}

export const DEFAULT_IGNORE_MARKER = "verbatim-ignore";
const DEFAULT_LEARN_ALL_UP_TO = 4_000_000;
/** How many speaker states (one per distinct set of draft facts) are kept. */
const STATES_KEPT = 4;

/** Paragraphs before an edit re-read with it, for continued quotes and pronouns. */
const CONTEXT_PARAGRAPHS = 2;

export class QuoteChecker {
  private current: Corpus;
  private readonly thresholds: Thresholds;
  private states: SpeakerState[] = [];
  private memos = new WeakMap<DraftReport, ReportMemo>();
  /** Passages from a second source store (the newsroom archive), merged with the corpus's. */
  foreignPassages?: ForeignPassages;

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

  /**
   * Replaces the sources: files whose text is unchanged keep their words and what they teach;
   * only new and changed files are tokenized. Forgets speaker states.
   */
  updateSources(sources: SourceText[]): void {
    this.current = new Corpus(sources, priorFromCorpus(this.current));
    this.states = [];
    this.memos = new WeakMap();
  }

  /** The index as bytes, to save (see `deserializeIndex` and `CheckOptions.prior`). */
  serializeIndex(): Uint8Array {
    return serializeIndex(this.current);
  }

  /** What each source file has taught about people so far, to save beside the index. */
  exportFacts(): Record<string, SavedFacts> {
    return exportFacts(this.current);
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

  check(drafts: DraftText[]): DraftReport[] {
    const prepared = drafts.map((d) => prepareDocument(d.path, d.text));
    const facts = prepared.map((doc) => documentFacts(doc));
    const found = prepared.map((doc) => this.findQuotes(doc));
    const context = this.speakerContext(facts, found.flatMap((f) => [...f.values()]));
    return prepared.map((doc, d) => {
      const report = { path: drafts[d].path, text: doc.text, checks: this.judgeDraft(doc, found[d], context) };
      if (drafts.length === 1) this.memos.set(report, { facts: facts[0], context, paragraphStarts: doc.paragraphs.map((p) => p.start) });
      return report;
    });
  }

  /**
   * Re-checks a draft after an edit, given the report of a `check` (of that draft alone) or of an
   * earlier `checkIncremental`: only the quotations of the paragraphs the edit touched are found,
   * attributed (with the two paragraphs before them as context) and judged; the others keep their
   * verdicts, moved by the edit. Falls back to a full check when the edit teaches the registry
   * something new, finds passages in sources the speaker state has not learnt, or cuts through a
   * quotation that spans paragraphs.
   */
  checkIncremental(previous: DraftReport, newText: string): DraftReport {
    const memo = this.memos.get(previous);
    const full = () => this.check([{ path: previous.path, text: newText }])[0];
    if (!memo) return full();
    const result = recheckEdit(this, previous, newText, memo, CONTEXT_PARAGRAPHS);
    if (!result) return full();
    this.memos.set(result.report, result.memo);
    return result.report;
  }

  /**
   * The candidate passages of the draft's quotations as first found (before split quotes are
   * merged, which needs no registry), by their pieces. `only` limits it to some quotations.
   */
  findQuotes(doc: PreparedDocument, only?: (quote: Quote) => boolean): Map<string, FoundQuote> {
    const found = new Map<string, FoundQuote>();
    for (const quote of doc.quotes) {
      if (only && !only(quote)) continue;
      found.set(piecesKey(quote), this.findQuote(doc, quote));
    }
    return found;
  }

  findQuote(doc: PreparedDocument, quote: Quote): FoundQuote {
    const words = quoteWords(doc.text, quote.pieces);
    const ignored = isIgnored(doc.text, doc.paragraphs[quote.paragraph], this.ignoreMarker);
    if (ignored) return { words, ignored, passages: [] };
    const local = findPassages(this.corpus, words);
    return { words, ignored, passages: this.foreignPassages ? mergePassages(local, this.foreignPassages(words)) : local };
  }

  /**
   * Can a verdict rest on this passage (see `judge`)? Only exact passages and those at least as
   * similar as a misquote must be; the sources of the others are never read for their speakers,
   * which on an archive is most of a check's work.
   */
  judgeable(p: Passage): boolean {
    return p.alignment.exact || p.similarity >= this.thresholds.misquoteSimilarity;
  }

  /** The speaker state for these draft facts and passages, and a copy of its registry for the drafts. */
  speakerContext(draftFacts: Fact[][], found: Iterable<FoundQuote>): SpeakerContext {
    const hit = new Set<number>();
    // Documents of another store (the archive) teach who is who like the sources learnt from.
    const foreign = new Set<Passage["document"]>();
    for (const f of found) {
      for (const p of f.passages) {
        if (!this.judgeable(p)) continue;
        if (p.documentIndex >= 0) hit.add(p.documentIndex);
        else foreign.add(p.document);
      }
    }
    const hitDocs = [...hit].sort((a, b) => a - b);
    if (foreign.size) draftFacts = [...[...foreign].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((d) => d.learnt()), ...draftFacts];
    const learnAll = this.corpus.textLength <= (this.options.learnAllUpTo ?? DEFAULT_LEARN_ALL_UP_TO);
    const aliases = this.options.aliases ?? {};
    const key = JSON.stringify([aliases, draftFacts, learnAll ? "all" : hitDocs]);
    let state = this.states.find((s) => s.key === key);
    if (!state) {
      const learnDocs = learnAll ? this.corpus.documents.map((_, d) => d) : hitDocs;
      state = new SpeakerState(key, this.corpus, learnDocs, aliases, draftFacts);
      this.states = [state, ...this.states].slice(0, STATES_KEPT);
    }
    for (const d of hitDocs) state.quotesOf(d);
    return { state, copy: cloneRegistry(state.registry) };
  }

  /** Attributes a draft's quotations in the context's registry copy and judges those found. */
  judgeDraft(doc: PreparedDocument, found: Map<string, FoundQuote>, context: SpeakerContext, only?: (quote: Quote) => boolean): QuoteCheck[] {
    const raw = doc.quotes;
    const quotes = attributeQuotes(doc, context.copy.registry);
    doc.quotes = raw;
    const checks: QuoteCheck[] = [];
    quotes.forEach((quote) => {
      if (only && !only(quote)) return;
      // A split quote merged by attribution is looked up now.
      const f = found.get(piecesKey(quote)) ?? this.findQuote(doc, quote);
      if (f.ignored) {
        checks.push({ quote, text: quoteText(doc.text, quote), speaker: quote.speaker, verdict: "ignored", findings: [], corroboration: [] });
        return;
      }
      const passages = f.passages.filter((p) => this.judgeable(p)).map((p) => withSourceQuote(p, context));
      checks.push(judge(doc.text, quote, f.words, passages, this.thresholds));
    });
    return checks;
  }
}

/** Identifies a quotation by where its pieces stand. */
export function piecesKey(quote: Quote): string {
  return quote.pieces.map((p) => `${p.start}-${p.end}`).join(",");
}

/** A passage with the source quotation it falls in, its speaker taken from the draft's registry copy. */
function withSourceQuote(p: Passage, context: SpeakerContext): Passage {
  if (p.documentIndex < 0) {
    // A passage of another store: its quotation was attributed when stored; its speaker joins the draft's registry copy.
    const sq = p.sourceQuote;
    return sq?.speaker ? { ...p, sourceQuote: { ...sq, speaker: adoptSpeaker(storedSpeaker(sq.speaker), context.copy.registry) } } : { ...p };
  }
  const q = quoteAt(context.state.quotesOf(p.documentIndex), p.start, p.end);
  if (!q) return { ...p };
  const speaker = q.speaker && (context.copy.byId.get(q.speaker.id) ?? q.speaker);
  return { ...p, sourceQuote: { ...q, speaker } };
}

/** The marker stands in the quote's paragraph or on the line just before it. */
export function isIgnored(text: string, paragraph: { start: number; end: number }, marker: string): boolean {
  if (!marker) return false;
  if (text.slice(paragraph.start, paragraph.end).includes(marker)) return true;
  const before = text.slice(Math.max(0, paragraph.start - 200), paragraph.start).replace(/\s+$/, "");
  const lastLine = before.slice(before.lastIndexOf("\n") + 1);
  return lastLine.includes(marker);
}
