/**
 * "Use the source's wording": replaces a misquote's words with the passage's, run by run (a run
 * is the words between ellipses or piece breaks), keeping the draft's quote marks, ellipses and
 * the punctuation around the words — and its typography: the source's words are written with
 * the draft's apostrophes (straight or curly) and, inside the quotation, the draft's nested
 * quote marks (single inside double, double inside single; straight or curly as the draft is).
 */
import { quoteWords } from "../match/quoteWords";
import { excerptSlice, type PlainQuoteCheck, toPlainCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import type { QuoteFix, TextEdit } from "./textEdit";

export function wordingFix(text: string, check: QuoteCheck | PlainQuoteCheck): QuoteFix | undefined {
  const passage = toPlainCheck(check).source;
  if (!passage || !check.findings.some((f) => f.kind === "misquoted")) return undefined;
  const words = quoteWords(text, check.quote.pieces);
  const ops = passage.alignment.ops;
  const edits: TextEdit[] = [];
  const style = draftStyle(text, check.quote);
  for (const [first, last] of runs(words.gapBefore)) {
    const inRun = (q: number) => q >= first && q <= last;
    const opIndexes = ops.flatMap((op, i) => ("q" in op && inRun(op.q) ? [i] : []));
    if (!opIndexes.length) continue;
    // Source words aligned to the run, including those the draft left out inside it.
    const sources = ops.slice(opIndexes[0], opIndexes[opIndexes.length - 1] + 1).flatMap((op) => ("s" in op && !(op.op === "del" && op.free) ? [op.s] : []));
    if (!sources.length) continue;
    const from = passage.windowWords.starts[Math.min(...sources)];
    const to = passage.windowWords.ends[Math.max(...sources)];
    const newText = inDraftStyle(excerptSlice(passage, from, to).replace(/\s+/g, " "), style);
    const start = words.starts[first];
    const end = words.ends[last];
    if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
  }
  if (!edits.length) return undefined;
  return { kind: "wording", title: "Use the source's wording", edits, preferred: !check.findings.some((f) => f.kind === "misattributed") };
}

/** [first, last] word index of each run of words with no gap inside. */
function runs(gapBefore: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < gapBefore.length; i++) {
    if (i === 0 || gapBefore[i]) out.push([i, i]);
    else out[out.length - 1][1] = i;
  }
  return out;
}

/** How the draft writes apostrophes and the quotation's own marks. */
export interface DraftStyle {
  apostrophe: "'" | "’";
  /** The marks for a quotation inside this one. */
  nested: { open: string; close: string };
}

/**
 * The draft's style: apostrophes as the quotation itself writes them (else as the draft does;
 * straight when it has none); nested marks the opposite kind of the quotation's own opening mark,
 * curly when that mark is curly.
 */
export function draftStyle(text: string, quote: { start: number; end: number }): DraftStyle {
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  const inQuote = text.slice(quote.start, quote.end);
  const curlyIn = count(inQuote, /\p{L}’\p{L}/gu);
  const straightIn = count(inQuote, /\p{L}'\p{L}/gu);
  const curly = curlyIn !== straightIn ? curlyIn > straightIn : count(text, /\p{L}’\p{L}/gu) > count(text, /\p{L}'\p{L}/gu);
  const opening = text[quote.start - 1] ?? '"';
  const single = opening === "'" || opening === "‘" || opening === "‚";
  const curlyMarks = /[“‘„«‚]/.test(opening);
  const nested = single ? (curlyMarks ? { open: "“", close: "”" } : { open: '"', close: '"' }) : curlyMarks ? { open: "‘", close: "’" } : { open: "'", close: "'" };
  return { apostrophe: curly ? "’" : "'", nested };
}

/** The source's words with the draft's apostrophes and nested quote marks. */
export function inDraftStyle(s: string, style: DraftStyle): string {
  // Apostrophes: inside a word (`don’t`), after a plural (`workers’`), before a year (`’90s`).
  let out = s.replace(/(?<=\p{L})['’](?=\p{L})|(?<=s)['’](?=\s|$|[.,;:!?])|['’](?=\d0s\b)/gu, "\uE000");
  // Every remaining quote mark opens or closes a quotation inside this one.
  out = out.replace(/["“”„«»'‘’‚]/g, (_, at: number) => (at === 0 || /[\s([{—–-]/.test(out[at - 1]) ? style.nested.open : style.nested.close));
  return out.replace(/\uE000/g, style.apostrophe);
}
