import type { Span } from "../document/layout";

/** How the quotation is marked in the text. */
export type QuoteForm =
  /** Between quote marks. */
  | "marked"
  /** A paragraph with no marks followed by an attribution line (a block quote whose tags were stripped). */
  | "block"
  /** A Markdown `>` block quote. */
  | "blockquote"
  /** A transcript turn attributed by its speaker label. */
  | "utterance";

export interface Quote {
  /** The quoted words, without the marks: one piece per paragraph, line or side of a split attribution. */
  pieces: Span[];
  start: number;
  end: number;
  form: QuoteForm;
  /** Index of the paragraph holding the first piece. */
  paragraph: number;
  /** Index of the paragraph holding the last piece. */
  lastParagraph: number;
  /** True when the closing mark was missing and the quote was ended at the paragraph's end. */
  unclosed: boolean;
  /** Index of an attribution-line paragraph (`said X.`, `— X`) that names this quote's speaker. */
  attributionLine?: number;
  /**
   * Quotations nested inside this one (`"He said, 'Not here,' and left," Doe said`): words the
   * speaker reports someone else saying, which are part of this quotation's words but not its
   * speaker's own.
   */
  inner?: Span[];
}

export function makeQuote(pieces: Span[], form: QuoteForm, paragraph: number, lastParagraph: number, unclosed = false): Quote {
  return { pieces, start: pieces[0].start, end: pieces[pieces.length - 1].end, form, paragraph, lastParagraph, unclosed };
}

/** The quote's words as the document has them, pieces joined by an ellipsis. */
export function quoteText(text: string, quote: Quote): string {
  return quote.pieces.map((p) => text.slice(p.start, p.end)).join(" … ");
}
