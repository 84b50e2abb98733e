/**
 * The word-level difference between a quotation and its source passage, read off the alignment,
 * in the words as each text spells them, with where each change stands in the draft.
 */
import type { Passage } from "../match/passages";
import type { QuoteWords } from "../match/quoteWords";

export interface WordChange {
  kind: "same" | "removed" | "added";
  /** `removed`: words only the draft has; `added`: words only the source has. */
  text: string;
  /**
   * Draft offsets: of the words (`same`, `removed`), or the point where the source's words
   * would go (`added`, start = end). Absent for a skipped stretch (`…`).
   */
  start?: number;
  end?: number;
}

/** A range of the draft's text. */
export interface TextRange {
  start: number;
  end: number;
}

export function wordDiff(draftText: string, quote: QuoteWords, passage: Passage, windowOffset: number): WordChange[] {
  const src = passage.document;
  const changes: WordChange[] = [];
  // Where the next draft word would be inserted: after the last draft word seen.
  let point = quote.starts[0] ?? 0;
  const push = (kind: WordChange["kind"], text: string, start?: number, end?: number) => {
    const last = changes[changes.length - 1];
    if (last && last.kind === kind && (last.start === undefined) === (start === undefined)) {
      last.text += " " + text;
      if (end !== undefined) last.end = end;
    } else changes.push(start === undefined ? { kind, text } : { kind, text, start, end });
  };
  const qText = (i: number) => draftText.slice(quote.starts[i], quote.ends[i]);
  const sText = (j: number) => src.text.slice(src.words.starts[windowOffset + j], src.words.ends[windowOffset + j]);
  for (const op of passage.alignment.ops) {
    if (op.op === "match") {
      push("same", qText(op.q), quote.starts[op.q], quote.ends[op.q]);
      point = quote.ends[op.q];
    } else if (op.op === "sub") {
      push("removed", qText(op.q), quote.starts[op.q], quote.ends[op.q]);
      push("added", sText(op.s), quote.ends[op.q], quote.ends[op.q]);
      point = quote.ends[op.q];
    } else if (op.op === "ins") {
      push("removed", qText(op.q), quote.starts[op.q], quote.ends[op.q]);
      point = quote.ends[op.q];
    } else if (!op.free) push("added", sText(op.s), point, point);
    else push("same", "…");
  }
  return changes;
}

/** `…to {+basic+} financial services unless the [-government-] {+law+}…` shortened to the changes. */
export function describeDiff(changes: WordChange[]): string {
  return changes
    .filter((c) => c.kind !== "same")
    .map((c) => (c.kind === "removed" ? `−“${c.text}”` : `+“${c.text}”`))
    .join(", ");
}

/**
 * The draft ranges a misquote's diagnostics belong on: each run of changed words; where the
 * draft only left words out, the draft word just before the gap (or after it, at the start).
 */
export function changedRanges(draftText: string, changes: WordChange[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (c.kind === "same" || c.start === undefined || c.end === undefined) continue;
    if (c.kind === "removed") ranges.push({ start: c.start, end: c.end });
    else if (changes[i - 1]?.kind !== "removed") ranges.push(wordNear(draftText, c.start, changes, i));
  }
  // Runs with only spaces between them become one.
  ranges.sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && (r.start <= last.end || /^\s+$/.test(draftText.slice(last.end, r.start)))) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** The draft word ending at `point` (an omission after it), else the next draft word of the diff. */
function wordNear(text: string, point: number, changes: WordChange[], i: number): TextRange {
  let start = point;
  while (start > 0 && /[\p{L}\p{N}'’-]/u.test(text[start - 1])) start--;
  if (start < point) return { start, end: point };
  const next = changes.slice(i + 1).find((c) => c.kind !== "added" && c.start !== undefined);
  if (next && next.start !== undefined) {
    let end = next.start;
    while (end < text.length && /[\p{L}\p{N}'’-]/u.test(text[end])) end++;
    return { start: next.start, end };
  }
  return { start: point, end: point };
}
