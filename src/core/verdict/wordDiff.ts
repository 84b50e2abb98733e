/**
 * The word-level difference between a quotation and its source passage, read off the alignment,
 * in the words as each text spells them.
 */
import type { Passage } from "../match/passages";
import type { QuoteWords } from "../match/quoteWords";

export interface WordChange {
  kind: "same" | "removed" | "added";
  /** `removed`: words only the draft has; `added`: words only the source has. */
  text: string;
}

export function wordDiff(draftText: string, quote: QuoteWords, passage: Passage, windowOffset: number): WordChange[] {
  const src = passage.document;
  const changes: WordChange[] = [];
  const push = (kind: WordChange["kind"], text: string) => {
    const last = changes[changes.length - 1];
    if (last && last.kind === kind) last.text += " " + text;
    else changes.push({ kind, text });
  };
  const qText = (i: number) => draftText.slice(quote.starts[i], quote.ends[i]);
  const sText = (j: number) => src.text.slice(src.words.starts[windowOffset + j], src.words.ends[windowOffset + j]);
  for (const op of passage.alignment.ops) {
    if (op.op === "match") push("same", qText(op.q));
    else if (op.op === "sub") {
      push("removed", qText(op.q));
      push("added", sText(op.s));
    } else if (op.op === "ins") push("removed", qText(op.q));
    else if (!op.free) push("added", sText(op.s));
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
