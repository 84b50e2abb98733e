/**
 * Finds the quotations in a laid-out document: marked quotes (straight, curly, guillemets, with
 * nested single quotes), quotes running over several paragraphs, unmarked block quotes followed
 * by an attribution line, and Markdown block quotes. Unbalanced marks are closed at the end of
 * their paragraph, so one stray mark never swallows the rest of the document.
 */
import { type Paragraph, type Span, trimSpan } from "../document/layout";
import { isClosingSingle, isElisionApostrophe, isWordAt, markAt, type MarkFamily, straightQuoteRole, straightSingleClosesLater, straightSingleRole } from "./marks";
import { makeQuote, type Quote } from "./quote";

const QUOTABLE = new Set(["text", "heading", "blockquote"]);

interface OpenQuote {
  family: MarkFamily;
  pieceStart: number;
  pieces: Span[];
  paragraph: number;
  /** Nested `‘…’` inside a double quote. */
  nested: number;
  /** Opened by a straight `'`, which may yet prove an apostrophe (`Sophie in 't Veld`). */
  straight?: boolean;
  /** Opened by a typewriter `"` (not `“`): its next paragraph continues it only with the same mark. */
  typewriter?: boolean;
  /** In a straight single quotation, where a nested double quotation closes (its marks are no quotation of their own). */
  nestedUntil?: number;
  /** In a double quotation, the nested single quotations closed so far, and where an open one starts. */
  inner?: Span[];
  innerStart?: number;
}

/** How far ahead (characters) a nested double quotation's closing mark is looked for. */
const NESTED_CLOSE_WINDOW = 300;

/** The closing mark of a double quotation nested in a single one and opened before `from`, or -1. */
function nestedDoubleClose(text: string, from: number, end: number): number {
  const stop = Math.min(end, from + NESTED_CLOSE_WINDOW);
  for (let k = from; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x201d) return k;
  }
  return -1;
}

export function findQuotes(text: string, paragraphs: Paragraph[]): Quote[] {
  const marked = findMarkedQuotes(text, paragraphs);
  return addBlockQuotes(text, paragraphs, marked);
}

function findMarkedQuotes(text: string, paragraphs: Paragraph[]): Quote[] {
  const quotes: Quote[] = [];
  let open: OpenQuote | null = null;

  const finishPiece = (end: number) => {
    const piece = trimSpan(text, open!.pieceStart, end);
    if (piece.end > piece.start) open!.pieces.push(piece);
  };
  const closeInner = (outer: OpenQuote, end: number) => {
    if (outer.innerStart === undefined) return;
    const span = trimSpan(text, outer.innerStart, end);
    outer.innerStart = undefined;
    if (span.end > span.start && hasWord(text, span)) (outer.inner ??= []).push(span);
  };
  const closeQuote = (end: number, paragraph: number, unclosed: boolean) => {
    finishPiece(end);
    const pieces = open!.pieces.filter((p) => hasWord(text, p));
    if (pieces.length > 0 && open!.family !== "single") {
      const quote = makeQuote(pieces, "marked", open!.paragraph, paragraph, unclosed);
      if (open!.inner?.length) quote.inner = open!.inner;
      quotes.push(quote);
    } else if (pieces.length > 0 && !unclosed) {
      quotes.push(makeQuote(pieces, "marked", open!.paragraph, paragraph, false));
    }
    open = null;
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    if (!QUOTABLE.has(para.kind)) {
      if (open) closeQuote(paragraphs[p - 1]?.end ?? para.start, p - 1, true);
      continue;
    }
    let continuing = open !== null; // a quote carried over from the previous paragraph
    // (a nested quotation is read within one paragraph: one left open there was no quotation)
    if (open) (open as OpenQuote).innerStart = undefined;
    for (const seg of para.segments) {
      if (open && !continuing) open.pieceStart = seg.start; // next line of a block quote
      // (Only the characters that may be a mark are visited: the rest are skipped by `nextMarkAt`'s small loop.)
      for (let i = nextMarkAt(text, seg.start, seg.end); i < seg.end; i = nextMarkAt(text, i + 1, seg.end)) {
        if (text.charCodeAt(i) === 0x27) {
          // A straight `'`: a quotation of its own only outside any other (inside one it is an apostrophe or nested).
          if (open && (open as OpenQuote).family !== "single") {
            const outer = open as OpenQuote;
            if (outer.innerStart === undefined) {
              if (straightSingleRole(text, i, false) === "open") outer.innerStart = i + 1;
            } else if (straightSingleRole(text, i, true) === "close" && !isElisionApostrophe(text, i, seg.end)) closeInner(outer, i);
            continue;
          }
          const role = straightSingleRole(text, i, open !== null);
          if (role === "open") open = { family: "single", pieceStart: i + 1, pieces: [], paragraph: p, nested: 0, straight: true };
          else if (role === "close" && !isElisionApostrophe(text, i, seg.end)) closeQuote(i, p, false);
          continue;
        }
        const mark = markAt(text, i);
        if (!mark) continue;
        // A double or curly mark inside a straight-single "quotation": that `'` was an apostrophe —
        // unless the single quotation closes as one later (`'He told me "never again",' she said`).
        if (open && (open as OpenQuote).straight && mark.family !== "single") {
          const single = open as OpenQuote;
          if (mark.family === "double" && (single.nestedUntil ?? -1) >= i) continue;
          if (mark.family === "double" && straightSingleClosesLater(text, i + 1, seg.end)) {
            // (skip to the nested quotation's own closing mark; its words stay part of the outer one)
            const close = nestedDoubleClose(text, i + 1, seg.end);
            if (close > i) {
              single.nestedUntil = close;
              continue;
            }
          }
          open = null;
        }
        if (continuing) {
          // The paragraph must open with a mark to continue the quote; anything else ends it.
          continuing = false;
          if (i === seg.start && (mark.role === "open" || mark.role === "either") && mark.family === open!.family && sameTyping(text, i, open!)) {
            open!.pieceStart = i + 1;
            continue;
          }
        }
        const current = open as OpenQuote | null;
        if (mark.family === "single") {
          if (!current) {
            if (mark.role === "open" && !isWordAt(text, i - 1) && isWordAt(text, i + 1)) {
              open = { family: "single", pieceStart: i + 1, pieces: [], paragraph: p, nested: 0 };
            }
          } else if (current.family === "single") {
            if (mark.role === "close" && isClosingSingle(text, i) && !isElisionApostrophe(text, i, seg.end)) closeQuote(i, p, false);
          } else if (mark.role === "open" && isWordAt(text, i + 1)) {
            if (current.nested++ === 0) current.innerStart = i + 1;
          } else if (mark.role === "close" && current.nested > 0 && isClosingSingle(text, i) && --current.nested === 0) closeInner(current, i);
          continue;
        }
        let role = mark.role === "either" ? straightQuoteRole(text, i, current !== null && current.family !== "single") : mark.role;
        // `…, here,“ said Doe`: an opening mark typed where a closing one belongs — glued to the
        // quoted words, before a space or punctuation, while a quotation is open — closes it.
        if (role === "open" && mark.family === "double" && current && current.family === "double" && !/\s/.test(text[i - 1] ?? " ") && !isWordAt(text, i + 1) && !/["“”‘’']/.test(text[i + 1] ?? "")) role = "close";
        if (role === "open") {
          if (current && current.family !== "single") closeQuote(i, p, true); // a new opening mark: the last one never closed
          if (!open || (open as OpenQuote).family !== "single") {
            open = { family: mark.family, pieceStart: i + 1, pieces: [], paragraph: p, nested: 0, typewriter: text.charCodeAt(i) === 0x22 };
          }
        } else if (role === "close" && current && current.family !== "single") {
          closeQuote(i, p, false);
        }
      }
      if (open && para.kind === "blockquote") finishPiece(seg.end);
    }
    if (!open) continue;
    const still = open as OpenQuote;
    if (still.family === "single") {
      open = null; // an unclosed `‘` is an apostrophe (‘90s), not a quotation
      continue;
    }
    const next = paragraphs[p + 1];
    if (next && QUOTABLE.has(next.kind) && opensWithMark(text, next, still)) {
      if (para.kind !== "blockquote") finishPiece(para.end);
      continue; // carried into the next paragraph
    }
    if (para.kind === "blockquote") {
      const pieces = still.pieces.filter((s) => hasWord(text, s));
      if (pieces.length) quotes.push({ ...makeQuote(pieces, "marked", still.paragraph, p, true), ...(still.inner?.length ? { inner: still.inner } : {}) });
      open = null;
    } else closeQuote(para.end, p, true);
  }
  if (open) closeQuote(paragraphs[paragraphs.length - 1].end, paragraphs.length - 1, true);
  return quotes;
}

/**
 * The first index in `[from, end)` holding a straight `'` or a character `markAt` reads as a mark
 * (`"`, `«`, `»`, U+2018–U+201F), else `end`. Every other character does nothing in
 * `findMarkedQuotes`: a small loop of its own skips them, so the long reader runs once a mark,
 * not once a character (and V8 compiles the small loop, not the whole reader, for a long text).
 */
function nextMarkAt(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201f)) return i;
  }
  return end;
}

function opensWithMark(text: string, para: Paragraph, open: OpenQuote): boolean {
  const i = para.segments[0]?.start ?? para.start;
  const mark = markAt(text, i);
  return !!mark && mark.family === open.family && sameTyping(text, i, open) && (mark.role === "open" || (mark.role === "either" && straightQuoteRole(text, i, false) === "open"));
}

/**
 * A paragraph continues an open double quotation only with the same kind of mark: a passage
 * pasted in typewriter marks (`"…`) whose next paragraph opens a typographic quotation (`“…”
 * Doe said.`) is an excerpt quoting someone, not one speaker's words running on.
 */
function sameTyping(text: string, i: number, open: OpenQuote): boolean {
  return open.family !== "double" || (text.charCodeAt(i) === 0x22) === !!open.typewriter;
}

function hasWord(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (isWordAt(text, i)) return true;
  return false;
}

/** Share of a paragraph's characters covered by marked quotes. */
function coverage(paragraph: Paragraph, quotes: Quote[]): number {
  let covered = 0;
  for (const q of quotes)
    for (const piece of q.pieces) {
      const s = Math.max(piece.start, paragraph.start);
      const e = Math.min(piece.end, paragraph.end);
      if (e > s) covered += e - s;
    }
  return covered / Math.max(1, paragraph.end - paragraph.start);
}

/**
 * Adds quotations that have no marks: a paragraph followed by an attribution line, and Markdown
 * block quotes that carry an attribution or are introduced by a colon. A marked quote that fills
 * such a paragraph simply gains the attribution line.
 */
function addBlockQuotes(text: string, paragraphs: Paragraph[], marked: Quote[]): Quote[] {
  let quotes = marked;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    if (para.kind !== "text" && para.kind !== "blockquote") continue;
    // The attribution line may follow directly, or after a blank `>` line inside the block quote.
    const next = paragraphs[p + 1];
    const hasLine = next?.kind === "attribution";
    const introduced = para.kind === "blockquote" && !hasLine && /:\s*$/.test(text.slice(paragraphs[p - 1]?.start ?? 0, paragraphs[p - 1]?.end ?? 0)) && paragraphs[p - 1]?.kind === "text";
    if (!hasLine && !introduced) continue;
    const inside = quotes.filter((q) => q.paragraph === p && q.lastParagraph === p);
    if (inside.length > 0 && coverage(para, inside) >= 0.8) {
      if (hasLine) for (const q of inside) q.attributionLine = p + 1;
      continue;
    }
    // The paragraph itself is the quotation; marks inside it are the speaker's own.
    quotes = quotes.filter((q) => !(q.paragraph === p && q.lastParagraph === p));
    const pieces = para.segments.filter((s) => hasWord(text, s));
    if (pieces.length === 0) continue;
    const quote = makeQuote(pieces, para.kind === "blockquote" ? "blockquote" : "block", p, p);
    if (hasLine) quote.attributionLine = p + 1;
    quotes.push(quote);
  }
  return quotes.sort((a, b) => a.start - b.start);
}
