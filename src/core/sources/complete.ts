/**
 * Quote completion: the words a writer has typed after an opening quote mark, looked up in the
 * source index, and for each source quotation (or transcript turn) with a known speaker that
 * holds them, the exact words that follow to the end of that quotation. Only attributed speech is
 * offered — never a source's narration, headline or caption, which nobody said.
 *
 * The last typed words (up to three, and a partly typed word) must match the source exactly:
 * the completion carries on from there. The words typed before them rank the candidates: the
 * more of them match the source's words just before, the higher (a typo early on costs rank, not
 * the completion), then a quotation typed from its start.
 *
 * Lookup never scans text: candidate positions come from the 3-gram index (three or more typed
 * words) or from the postings of the rarest typed word, and are then confirmed word by word.
 */
import type { Corpus } from "../corpus/corpus";
import type { AttributedQuote } from "../speakers/attribute";
import { tokenize } from "../text/words";

export interface QuoteCompletion {
  documentIndex: number;
  path: string;
  /** Where the matched typed words start in the source. */
  matchStart: number;
  /** The source text that completes the typed words: `source.text.slice(from, end)`. */
  from: number;
  end: number;
  /** That text with whitespace runs made single spaces. */
  text: string;
  /** Where the replacement starts in the typed text (the partial last word, or after the last word). */
  replaceFrom: number;
  /** The source's quotation holding the words; it has a speaker. */
  sourceQuote: AttributedQuote;
  /** How many typed words match the source (the anchor and those before it that agree). */
  matchedWords: number;
}

export interface CompleteOptions {
  /** At most this many completions (default 8). */
  limit?: number;
  /** A source's attributed quotations (quotes and transcript turns), to find the speaker and where the quotation ends. */
  quotesOf?: (documentIndex: number) => AttributedQuote[];
}

/** Longest completion offered, in characters. */
const MAX_CHARS = 600;
/** Typed whole words that must match exactly where the completion continues. */
const ANCHOR_WORDS = 3;

/**
 * Completions for `typed` (the text from just after the opening quote mark to the cursor). Needs
 * two whole words, or one whole word and two letters of the next.
 */
export function completeQuote(corpus: Corpus, typed: string, options: CompleteOptions = {}): QuoteCompletion[] {
  if (!options.quotesOf) return [];
  const words = tokenize(typed);
  const n = words.words.length;
  if (n === 0) return [];
  const partial = words.ends[n - 1] === typed.length ? words.words[n - 1] : undefined;
  const whole = partial === undefined ? words.words : words.words.slice(0, -1);
  if (whole.length < 1 || (whole.length < 2 && (partial?.length ?? 0) < 2)) return [];
  const allIds = whole.map((w) => corpus.vocabulary.find(w));
  const anchor = allIds.slice(-ANCHOR_WORDS);
  if (anchor.some((id) => id < 0)) return [];
  const before = allIds.slice(0, allIds.length - anchor.length);

  const out: QuoteCompletion[] = [];
  const seen = new Set<string>();
  for (const p of candidateStarts(corpus, anchor)) {
    const c = confirm(corpus, p, anchor, partial, typed, words.ends[whole.length - 1], words.starts[n - 1], options.quotesOf);
    if (!c) continue;
    c.matchedWords += matchedBefore(corpus, p, before);
    const key = `${c.sourceQuote.speaker!.name}\u0000${c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  // Best match first; then a quotation typed from its start; then in source order.
  out.sort((a, b) => b.matchedWords - a.matchedWords || Number(startsQuote(b)) - Number(startsQuote(a)) || a.documentIndex - b.documentIndex || a.matchStart - b.matchStart);
  return out.slice(0, options.limit ?? 8);
}

/** Does the match start where its quotation does? */
function startsQuote(c: QuoteCompletion): boolean {
  return c.sourceQuote.pieces.some((piece) => c.matchStart <= piece.start + 1 && c.matchStart >= piece.start);
}

/** Typed words before the anchor that match the source's words just before it, counted back from the anchor. */
function matchedBefore(corpus: Corpus, p: number, before: number[]): number {
  const d = corpus.docAt(p);
  const first = corpus.documents[d].firstWord;
  let n = 0;
  const ids = corpus.wordIds(Math.max(first, p - before.length), p);
  for (let i = before.length - 1, q = p - 1; i >= 0 && q >= first; i--, q--) {
    if (ids[q - (p - ids.length)] !== before[i]) break;
    n++;
  }
  return n;
}

/** Global word positions where the typed whole words may start, each once, in order. */
function candidateStarts(corpus: Corpus, ids: number[]): number[] {
  const hits: number[] = [];
  if (ids.length >= 3) corpus.index.trigram(ids[0], ids[1], ids[2], hits);
  if (hits.length === 0) {
    // The rarest typed word that has postings, shifted back to the first typed word.
    let best = -1;
    for (let i = 0; i < ids.length; i++) {
      const count = corpus.index.word(ids[i]).length;
      if (count > 0 && (best < 0 || count < corpus.index.word(ids[best]).length)) best = i;
    }
    if (best < 0) return [];
    for (const p of corpus.index.word(ids[best])) if (p - best >= 0) hits.push(p - best);
  }
  return [...new Set(hits)].sort((a, b) => a - b);
}

function confirm(
  corpus: Corpus,
  p: number,
  ids: number[],
  partial: string | undefined,
  typed: string,
  lastWholeEnd: number,
  partialStart: number,
  quotesOf: (documentIndex: number) => AttributedQuote[],
): QuoteCompletion | undefined {
  const d = corpus.docAt(p);
  if (d < 0) return undefined;
  const doc = corpus.documents[d];
  const local = p - doc.firstWord;
  const next = local + ids.length; // the source word after the typed whole words
  if (next > doc.wordCount || (partial !== undefined && next >= doc.wordCount)) return undefined;
  const source = corpus.wordIds(p, p + ids.length + 1);
  for (let j = 0; j < ids.length; j++) if (source[j] !== ids[j]) return undefined;
  if (partial !== undefined && !corpus.vocabulary.word(source[ids.length]).startsWith(partial)) return undefined;
  const w = doc.words;
  const matchStart = w.starts[local];
  const from = partial !== undefined ? w.starts[next] : w.ends[next - 1];
  // Only what someone said: a quotation or transcript turn whose speaker the source names.
  const sourceQuote = quoteHolding(quotesOf(d), matchStart);
  if (!sourceQuote?.speaker || sourceQuote.scare) return undefined;
  const end = pieceEnd(sourceQuote, matchStart);
  if (from >= end) return undefined;
  let text = doc.text.slice(from, Math.min(end, from + MAX_CHARS)).replace(/\s+/g, " ").trimEnd();
  if (partial === undefined) {
    // Typed a space already: the completion starts at the next word, not with the source's space.
    if (/\s$/.test(typed)) text = text.replace(/^ /, "");
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const replaceFrom = partial !== undefined ? partialStart : /\s$/.test(typed) && !/^[^\p{L}\p{N}]/u.test(text) ? typed.length : lastWholeEnd;
  return { documentIndex: d, path: doc.path, matchStart, from, end, text, replaceFrom, sourceQuote, matchedWords: ids.length + (partial !== undefined ? 1 : 0) };
}

/** The source quotation with a piece holding `offset`. */
function quoteHolding(quotes: readonly AttributedQuote[], offset: number): AttributedQuote | undefined {
  return quotes.find((q) => q.pieces.some((piece) => piece.start <= offset && offset < piece.end));
}

function pieceEnd(q: AttributedQuote, offset: number): number {
  return q.pieces.find((piece) => piece.start <= offset && offset < piece.end)!.end;
}

/**
 * Where the quotation being typed starts: the offset just after the last opening quote mark
 * before `offset` in its paragraph that is not closed yet, or -1 when the cursor is not inside
 * quote marks. Straight double quotes alternate; curly quotes and guillemets say which they are.
 */
export function openQuoteAt(text: string, offset: number): number {
  const para = text.lastIndexOf("\n\n", offset - 1);
  let open = -1;
  for (let i = para < 0 ? 0 : para + 2; i < offset; i++) {
    const c = text[i];
    if (c === "“" || c === "„" || c === "«") open = i + 1;
    else if (c === "”" || c === "»") open = -1;
    else if (c === '"') open = open < 0 ? i + 1 : -1;
  }
  return open;
}
