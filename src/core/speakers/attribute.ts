/**
 * Gives every quotation in a document its speaker: the cue around it, else the previous quote of
 * its paragraph, else — for a paragraph that is only a quotation — the speaker of the previous
 * paragraph's last quote (news quotes run on like this). Split quotes (`"…," she said, "…"`)
 * become one quote with two pieces.
 */
import { type PreparedDocument, tokenIndexAt } from "../document/document";
import { makeQuote, type Quote } from "../quotes/quote";
import { cueAfter, cueBefore, cueLine, type Cue } from "./cues";
import type { Entity, EntityRegistry } from "./entity";
import { MentionIndex } from "./mentions";
import type { SpeakerPhrase } from "./phrase";
import type { Token } from "./tokens";

/** How the speaker was found. */
export type AttributionBasis = "cue" | "line" | "continued" | "label" | "none";

export interface AttributedQuote extends Quote {
  speaker?: Entity;
  /** The words naming the speaker (`he`, `Mr. Doe`, `the company`), where the document has them. */
  speakerMention?: { start: number; end: number; text: string; phrase: SpeakerPhrase };
  basis: AttributionBasis;
  cueVerb?: string;
  /** Number of words quoted. */
  wordCount: number;
  /** Under four words with no speech cue: emphasis or irony, not a claim about someone's words. */
  scare: boolean;
}

const SCARE_MAX_WORDS = 3;

export function attributeQuotes(doc: PreparedDocument, registry: EntityRegistry): AttributedQuote[] {
  const mentions = new MentionIndex(doc, registry);
  const quotes = mergeSplitQuotes(doc);
  doc.quotes = quotes;
  const result: AttributedQuote[] = [];
  for (let k = 0; k < quotes.length; k++) {
    const quote = quotes[k];
    const found = findCue(doc, quotes, k);
    const wordCount = countWords(doc, quote);
    const out: AttributedQuote = { ...quote, basis: "none", wordCount, scare: false };
    if (found) {
      const speaker = mentions.resolve(found.cue.phrase, found.tokens[found.cue.phraseStart] ? found.offset + found.cue.phraseStart : found.offset);
      const first = found.tokens[found.cue.phraseStart];
      const last = found.tokens[found.cue.phraseEnd - 1];
      out.speaker = speaker;
      out.basis = found.basis;
      out.cueVerb = found.cue.verb;
      if (first && last) {
        out.speakerMention = { start: first.start, end: last.end, text: doc.text.slice(first.start, last.end), phrase: found.cue.phrase };
      }
    } else {
      const previous = continuedFrom(doc, result, quote);
      if (previous) {
        out.speaker = previous.speaker;
        out.speakerMention = previous.speakerMention;
        out.basis = "continued";
      }
    }
    // A short continued quote that is a whole sentence (`"Finals are different."`) is speech, not emphasis.
    const sentence = out.basis === "continued" && isWholeSentence(doc.text.slice(quote.start, quote.end));
    out.scare = wordCount <= SCARE_MAX_WORDS && (out.basis === "none" || (out.basis === "continued" && !sentence));
    result.push(out);
  }
  return result;
}

const isWholeSentence = (text: string) => /^\p{Lu}/u.test(text) && /[.!?]$/.test(text.trim());

function countWords(doc: PreparedDocument, quote: Quote): number {
  let n = 0;
  for (const p of quote.pieces) n += (doc.text.slice(p.start, p.end).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
  return n;
}

/** Tokens between two offsets that lie outside quotations. */
function tokensBetween(doc: PreparedDocument, start: number, end: number): { tokens: Token[]; offset: number } {
  const from = tokenIndexAt(doc, start);
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to].start < end) to++;
  return { tokens: doc.tokens.slice(from, to), offset: from };
}

interface FoundCue {
  cue: Cue;
  basis: AttributionBasis;
  tokens: Token[];
  offset: number;
}

function sentenceOf(doc: PreparedDocument, offset: number) {
  const i = Math.min(tokenIndexAt(doc, offset), doc.tokens.length - 1);
  return i >= 0 ? doc.sentences[doc.tokenSentence[i]] : undefined;
}

function findCue(doc: PreparedDocument, quotes: Quote[], k: number): FoundCue | undefined {
  const quote = quotes[k];
  if (quote.attributionLine !== undefined) {
    const line = doc.paragraphs[quote.attributionLine];
    const { tokens, offset } = tokensBetween(doc, line.start, line.end);
    const cue = cueLine(tokens);
    if (cue) return { cue, basis: "line", tokens, offset };
  }
  // A split quote: the cue stands between its pieces.
  for (let i = 0; i + 1 < quote.pieces.length; i++) {
    const between = tokensBetween(doc, skipMark(doc.text, quote.pieces[i].end), quote.pieces[i + 1].start);
    const visible = between.tokens.filter((_, j) => !doc.tokenQuoted[between.offset + j]);
    if (visible.length > 14) continue;
    const cue = cueAfter(visible);
    if (cue) return withOffsets(doc, between, cue, "cue");
  }
  const para = doc.paragraphs[quote.lastParagraph];
  // After the quote: up to the end of its sentence or the next quote in the paragraph.
  const next = quotes[k + 1];
  const closeEnd = skipMark(doc.text, quote.end);
  const endSentence = sentenceOf(doc, Math.max(quote.start, quote.end - 1));
  // A sentence that ends with the closing mark has no words after the quote.
  let afterEnd = Math.min(para.end, endSentence ? Math.max(closeEnd, endSentence.end) : para.end);
  if (next && next.start < afterEnd) afterEnd = next.start;
  const after = tokensBetween(doc, closeEnd, afterEnd);
  const cueA = quote.form === "marked" ? cueAfter(after.tokens.filter((t, i) => !doc.tokenQuoted[after.offset + i])) : undefined;
  if (cueA) return withOffsets(doc, after, cueA, "cue");
  // Before the quote: back to the start of its sentence or the previous quote.
  const first = doc.paragraphs[quote.paragraph];
  const prev = quotes[k - 1];
  const startSentence = sentenceOf(doc, quote.start);
  let beforeStart = startSentence ? Math.max(first.start, startSentence.start) : first.start;
  if (prev && prev.end > beforeStart && prev.end <= quote.start) beforeStart = skipMark(doc.text, prev.end);
  if (quote.form !== "marked") return undefined;
  const before = tokensBetween(doc, beforeStart, quote.start);
  const visible = before.tokens.filter((t, i) => !doc.tokenQuoted[before.offset + i] && t.end <= quote.start && !isQuoteMark(t));
  const cueB = cueBefore(visible);
  if (cueB) return withOffsets(doc, before, cueB, "cue");
  // `Jane Doe said:` ending the previous paragraph introduces a quote that opens this one.
  if (visible.length === 0) {
    let p = quote.paragraph - 1;
    while (p >= 0 && (doc.paragraphs[p].kind === "caption" || doc.paragraphs[p].kind === "furniture")) p--;
    const intro = doc.paragraphs[p];
    if (intro && intro.kind === "text" && /:\s*$/.test(doc.text.slice(intro.start, intro.end))) {
      const range = tokensBetween(doc, intro.start, intro.end);
      const lead = range.tokens.filter((_, i) => !doc.tokenQuoted[range.offset + i]);
      const introCue = cueBefore(lead);
      if (introCue) return withOffsets(doc, range, introCue, "cue");
    }
  }
  return undefined;
}

/** Re-expresses a cue found in a filtered token list in terms of document token indices. */
function withOffsets(doc: PreparedDocument, range: { tokens: Token[]; offset: number }, cue: Cue, basis: AttributionBasis): FoundCue {
  const visible = range.tokens.filter((_, i) => !doc.tokenQuoted[range.offset + i]);
  const firstTok = visible[cue.phraseStart];
  const lastTok = visible[cue.phraseEnd - 1];
  const tokens = doc.tokens;
  const start = firstTok ? tokens.indexOf(firstTok, range.offset) : range.offset;
  const end = lastTok ? tokens.indexOf(lastTok, range.offset) + 1 : start;
  return { cue: { ...cue, phraseStart: start - range.offset, phraseEnd: end - range.offset }, basis, tokens: range.tokens, offset: range.offset };
}

const isQuoteMark = (t: Token) => t.kind === "punct" && /^["“”«»‘’„]$/.test(t.text);

function skipMark(text: string, offset: number): number {
  return /["”’»“]/.test(text[offset] ?? "") ? offset + 1 : offset;
}

/** The quote whose speaker an unattributed quote continues, if any. */
function continuedFrom(doc: PreparedDocument, done: AttributedQuote[], quote: Quote): AttributedQuote | undefined {
  const previous = done[done.length - 1];
  if (!previous) return undefined;
  if (previous.lastParagraph === quote.paragraph) return previous;
  // A paragraph that is only this quotation continues the last quote of the previous story paragraph.
  const para = doc.paragraphs[quote.paragraph];
  const outside = doc.text.slice(para.start, quote.start) + doc.text.slice(quote.end, para.end);
  if (/[\p{L}\p{N}]/u.test(outside.replace(/["“”«»‘’]/g, ""))) return undefined;
  let p = quote.paragraph - 1;
  while (p >= 0 && (doc.paragraphs[p].kind === "caption" || doc.paragraphs[p].kind === "furniture")) p--;
  return p >= 0 && previous.lastParagraph === p ? previous : undefined;
}

/** `"First part," she said, "second part."` → one quote with two pieces. */
function mergeSplitQuotes(doc: PreparedDocument): Quote[] {
  const out: Quote[] = [];
  const quotes = doc.quotes;
  for (let k = 0; k < quotes.length; k++) {
    const a = quotes[k];
    const b = quotes[k + 1];
    if (b && a.form === "marked" && b.form === "marked" && a.lastParagraph === b.paragraph && !a.unclosed) {
      const between = doc.text.slice(skipMark(doc.text, a.end), b.start - 1);
      const inner = doc.text.slice(a.start, a.end);
      const words = between.match(/[\p{L}\p{N}]+/gu) ?? [];
      // One sentence only: `"…," she said, "…"` — not `"…," she said. She added: "…"`.
      const oneSentence = !/[.!?]\s+\p{Lu}/u.test(between);
      if (oneSentence && /[,—–-]\s*$/.test(inner + between.slice(0, 1)) && /^\s*,?\s*\S/.test(between) && /[,:]\s*$/.test(between) && words.length >= 1 && words.length <= 12) {
        const { tokens } = tokensBetween(doc, skipMark(doc.text, a.end), b.start);
        if (cueAfter(tokens)) {
          const merged = makeQuote([...a.pieces, ...b.pieces], "marked", a.paragraph, b.lastParagraph, b.unclosed);
          merged.attributionLine = b.attributionLine;
          out.push(merged);
          k++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}
