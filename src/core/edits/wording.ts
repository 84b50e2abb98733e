/**
 * "Use the source's wording": replaces a misquote's words with the passage's, run by run (a run
 * is the words between ellipses or piece breaks), keeping the draft's quote marks, ellipses and
 * the punctuation around the words.
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
  for (const [first, last] of runs(words.gapBefore)) {
    const inRun = (q: number) => q >= first && q <= last;
    const opIndexes = ops.flatMap((op, i) => ("q" in op && inRun(op.q) ? [i] : []));
    if (!opIndexes.length) continue;
    // Source words aligned to the run, including those the draft left out inside it.
    const sources = ops.slice(opIndexes[0], opIndexes[opIndexes.length - 1] + 1).flatMap((op) => ("s" in op && !(op.op === "del" && op.free) ? [op.s] : []));
    if (!sources.length) continue;
    const from = passage.windowWords.starts[Math.min(...sources)];
    const to = passage.windowWords.ends[Math.max(...sources)];
    const newText = asNestedQuote(excerptSlice(passage, from, to).replace(/\s+/g, " "));
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

/** Double quotation marks inside a quotation become single ones, so the draft's marks still pair. */
function asNestedQuote(s: string): string {
  return s.replace(/"/g, "'").replace(/“/g, "‘").replace(/”/g, "’");
}
