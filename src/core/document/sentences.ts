/**
 * Sentence boundaries inside a paragraph. A full stop ends a sentence unless it closes an
 * abbreviation (`Mr.`, `U.S.`, `Feb.`) or an initial (`J. Doe`).
 */
import { abbreviationSet } from "../lexicon";
import type { Span } from "./layout";

const boundaryRe = /([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«(\[]?[\p{Lu}\p{N}])/gu;

/** Returns the sentence spans of `text.slice(start, end)`, as offsets into `text`. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const body = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  boundaryRe.lastIndex = 0;
  for (let m = boundaryRe.exec(body); m; m = boundaryRe.exec(body)) {
    if (m[1] === "." && !m[2]) {
      const before = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, m.index - 12), m.index));
      const word = before ? before[1].toLowerCase() : "";
      if (abbreviationSet.has(word) || abbreviationSet.has(word.replace(/\./g, "")) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const stop = m.index + m[1].length + m[2].length;
    spans.push({ start: start + from, end: start + stop });
    from = stop + m[3].length;
  }
  if (from < body.length) spans.push({ start: start + from, end });
  return spans;
}
