/**
 * A document prepared for reading attributions: its paragraphs, its quotations, its tokens, and
 * sentence boundaries that never fall inside a quotation.
 */
import { layoutParagraphs, type Paragraph, type Span } from "./layout";
import { splitSentences } from "./sentences";
import { findQuotes } from "../quotes/findQuotes";
import type { Quote } from "../quotes/quote";
import { type Token, tokenizePhrase } from "../speakers/tokens";

export interface PreparedDocument {
  readonly path: string;
  readonly text: string;
  readonly paragraphs: Paragraph[];
  quotes: Quote[];
  /** Tokens of every paragraph that is not code, in order. */
  readonly tokens: Token[];
  /** For each token: its paragraph, its sentence, and whether it lies inside a quotation. */
  readonly tokenParagraph: Int32Array;
  readonly tokenSentence: Int32Array;
  readonly tokenQuoted: Uint8Array;
  readonly sentences: Span[];
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(path);
}

export function prepareDocument(path: string, text: string, markdown = isMarkdownPath(path)): PreparedDocument {
  const paragraphs = layoutParagraphs(text, { markdown });
  const quotes = findQuotes(text, paragraphs);

  // Sentences are found in a copy whose quoted words are masked, so a full stop inside a
  // quotation never splits the sentence that carries its attribution.
  const masked = maskQuotes(text, quotes);
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  const tokenParagraph: number[] = [];
  const tokenSentence: number[] = [];
  paragraphs.forEach((para, p) => {
    if (para.kind === "code") return;
    for (const seg of para.segments) {
      for (const sentence of splitSentences(masked, seg.start, seg.end)) {
        const s = sentences.length;
        sentences.push(sentence);
        for (const t of tokenizePhrase(text, sentence.start, sentence.end)) {
          tokens.push(t);
          tokenParagraph.push(p);
          tokenSentence.push(s);
        }
      }
    }
  });
  const tokenQuoted = new Uint8Array(tokens.length);
  let qi = 0;
  const pieces = quotes.flatMap((q) => q.pieces).sort((a, b) => a.start - b.start);
  tokens.forEach((t, i) => {
    while (qi < pieces.length && pieces[qi].end <= t.start) qi++;
    if (qi < pieces.length && pieces[qi].start <= t.start && t.end <= pieces[qi].end) tokenQuoted[i] = 1;
  });
  return {
    path,
    text,
    paragraphs,
    quotes,
    tokens,
    tokenParagraph: Int32Array.from(tokenParagraph),
    tokenSentence: Int32Array.from(tokenSentence),
    tokenQuoted,
    sentences,
  };
}

function maskQuotes(text: string, quotes: Quote[]): string {
  if (quotes.length === 0) return text;
  const chars = text.split("");
  for (const q of quotes)
    for (const p of q.pieces)
      // The first character keeps its case: a quote that opens a sentence must still look like one.
      for (let i = p.start + 1; i < p.end; i++) if (/[\p{L}\p{N}]/u.test(chars[i])) chars[i] = "x";
  return chars.join("");
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(doc: PreparedDocument, offset: number): number {
  return firstStartingAt(doc.tokens, offset);
}

/** In items sorted by `start`, the index of the first starting at or after `at` (bisection). */
export function firstStartingAt(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
