/**
 * The engine's entry point: checks drafts against sources. Sources are indexed once; every check
 * learns the people and organisations of the drafts and the sources together, attributes the
 * quotations on both sides, and judges each draft quotation.
 */
import { Corpus, type SourceText } from "./corpus/corpus";
import { prepareDocument } from "./document/document";
import { findPassages } from "./match/passages";
import { quoteWords } from "./match/quoteWords";
import { attributeQuotes } from "./speakers/attribute";
import { EntityRegistry } from "./speakers/entity";
import { learnEntities } from "./speakers/learn";
import { DEFAULT_THRESHOLDS, judge, type QuoteCheck, type Thresholds } from "./verdict/judge";

export interface CheckOptions {
  thresholds?: Partial<Thresholds>;
  /** User aliases: `{"CZ": "Changpeng Zhao"}`. */
  aliases?: Record<string, string>;
  /** A comment that switches checking off for the quotes of the paragraph it stands in or before. */
  ignoreMarker?: string;
}

export const DEFAULT_IGNORE_MARKER = "verbatim-ignore";

export interface DraftText {
  path: string;
  text: string;
}

export interface DraftReport {
  path: string;
  text: string;
  checks: QuoteCheck[];
}

export class QuoteChecker {
  readonly corpus: Corpus;
  private readonly thresholds: Thresholds;

  constructor(
    sources: SourceText[],
    private readonly options: CheckOptions = {},
  ) {
    this.corpus = new Corpus(sources);
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  }

  check(drafts: DraftText[]): DraftReport[] {
    const registry = new EntityRegistry();
    registry.setUserAliases(this.options.aliases ?? {});
    const prepared = drafts.map((d) => prepareDocument(d.path, d.text));
    this.corpus.learn(registry);
    for (const doc of prepared) learnEntities(doc, registry);
    registry.settle();
    this.corpus.attribute(registry);
    const marker = this.options.ignoreMarker ?? DEFAULT_IGNORE_MARKER;
    return prepared.map((doc, d) => {
      const quotes = attributeQuotes(doc, registry);
      const checks = quotes.map((quote) => {
        const words = quoteWords(doc.text, quote.pieces);
        if (isIgnored(doc.text, doc.paragraphs[quote.paragraph], marker)) {
          return { quote, text: quote.pieces.map((p) => doc.text.slice(p.start, p.end)).join(" … "), speaker: quote.speaker, verdict: "ignored", findings: [], corroboration: [] } satisfies QuoteCheck;
        }
        return judge(doc.text, quote, words, findPassages(this.corpus, words), this.thresholds);
      });
      return { path: drafts[d].path, text: doc.text, checks };
    });
  }
}

/** The marker stands in the quote's paragraph or on the line just before it. */
function isIgnored(text: string, paragraph: { start: number; end: number }, marker: string): boolean {
  if (!marker) return false;
  if (text.slice(paragraph.start, paragraph.end).includes(marker)) return true;
  const before = text.slice(Math.max(0, paragraph.start - 200), paragraph.start).replace(/\s+$/, "");
  const lastLine = before.slice(before.lastIndexOf("\n") + 1);
  return lastLine.includes(marker);
}
