/**
 * A document prepared for reading attributions: its paragraphs, its quotations, its tokens, and
 * sentence boundaries that never fall inside a quotation.
 */
import { layoutParagraphs, type Paragraph, type Span } from "./layout";
import { splitSentences } from "./sentences";
import { findQuotes } from "../quotes/findQuotes";
import { spellDoubledMarks } from "../quotes/marks";
import type { Quote } from "../quotes/quote";
import { asciiShadow, type Token, tokenizePhrase } from "../speakers/tokens";

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

export function prepareDocument(path: string, original: string, markdown = isMarkdownPath(path)): PreparedDocument {
  const text = spellDoubledMarks(original, markdown);
  const paragraphs = layoutParagraphs(text, { markdown });
  const quotes = findQuotes(text, paragraphs);

  // Sentences are found in a copy whose quoted words are masked, so a full stop inside a
  // quotation never splits the sentence that carries its attribution.
  const masked = maskQuotes(text, quotes);
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  // For each sentence: its paragraph and the end of its tokens (the typed arrays are filled after).
  const sentenceParagraph: number[] = [];
  const sentenceTokenEnd: number[] = [];
  const ascii = asciiShadow(text);
  paragraphs.forEach((para, p) => {
    if (para.kind === "code") return;
    for (const seg of para.segments) {
      for (const sentence of splitSentences(masked, seg.start, seg.end)) {
        sentences.push(sentence);
        const from = tokens.length;
        tokenizePhrase(text, sentence.start, sentence.end, tokens, ascii);
        dropInlineMarkup(text, tokens, from);
        sentenceParagraph.push(p);
        sentenceTokenEnd.push(tokens.length);
      }
    }
  });
  const tokenParagraph = new Int32Array(tokens.length);
  const tokenSentence = new Int32Array(tokens.length);
  for (let s = 0, from = 0; s < sentences.length; from = sentenceTokenEnd[s++]) {
    tokenParagraph.fill(sentenceParagraph[s], from, sentenceTokenEnd[s]);
    tokenSentence.fill(s, from, sentenceTokenEnd[s]);
  }
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
    tokenParagraph,
    tokenSentence,
    tokenQuoted,
    sentences,
  };
}

function maskQuotes(text: string, quotes: Quote[]): string {
  if (quotes.length === 0) return text;
  // Which code units become `x`: letters and digits inside a piece (a lone surrogate is neither,
  // as `/[\p{L}\p{N}]/u` reads one code unit). The first character keeps its case: a quote that
  // opens a sentence must still look like one.
  // The text's code units as UTF-16LE bytes, changed in place and read back as one string: two
  // native copies, not a string piece and a run of `x` for every quoted word joined.
  let units: Buffer | undefined;
  for (const q of quotes)
    for (const p of q.pieces)
      for (let i = p.start + 1; i < p.end; i++)
        if (isLetterOrDigitUnit(text.charCodeAt(i))) {
          units ??= Buffer.from(text, "utf16le");
          units[2 * i] = 0x78; // `x`
          units[2 * i + 1] = 0;
        }
  return units ? units.toString("utf16le") : text;
}

/** `/[\p{L}\p{N}]/u` on one UTF-16 code unit, ASCII from the code and the rest remembered once found. */
const UNIT_CLASS = new Uint8Array(0x10000); // 0: not yet, 1: letter or digit, 2: not
function isLetterOrDigitUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  let k = UNIT_CLASS[c];
  if (k === 0) UNIT_CLASS[c] = k = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
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

/** The longest link target (`](…)`) skipped; keeps reading linear. */
const MAX_LINK_TARGET = 2048;

/**
 * Markdown's inline markup is no word of a sentence: `said **Jane Doe**`, `said *Jane Doe*` and
 * `said [Jane Doe](https://…)` read as `said Jane Doe` — in plain text too, where drafts pasted
 * from a Markdown editor keep it. Drops the emphasis markers (`*`, `_`) and a
 * link's brackets and target from `tokens[from…]`; the tokens kept keep their offsets, so a
 * speaker's mention still points at the name in the draft.
 */
function dropInlineMarkup(text: string, tokens: Token[], from: number): void {
  let kept = from;
  let bracket = -1; // where the last `[` was kept
  for (let r = from; r < tokens.length; r++) {
    const t = tokens[r];
    if (t.kind === "punct") {
      if (t.text === "*" || t.text === "_") continue;
      if (t.text === "[") bracket = kept;
      else if (t.text === "]" && text.charCodeAt(t.end) === 0x28) {
        const target = /^\([^\s()]*\)/.exec(text.slice(t.end, t.end + MAX_LINK_TARGET));
        if (target) {
          if (bracket >= 0) {
            // The link's text stays; its `[` goes.
            for (let k = bracket; k < kept - 1; k++) tokens[k] = tokens[k + 1];
            kept--;
            bracket = -1;
          }
          const after = t.end + target[0].length;
          while (r + 1 < tokens.length && tokens[r + 1].start < after) r++;
          continue;
        }
      }
    }
    tokens[kept++] = t;
  }
  // (Only when something was dropped: setting a long array's length is not free.)
  if (kept !== tokens.length) tokens.length = kept;
}

