/**
 * The words of a draft quotation as the matcher sees them: bracketed insertions (`[the company]`)
 * removed, ellipses and piece boundaries marked as places where the source may skip words.
 */
import type { Span } from "../document/layout";
import { tokenize } from "../text/words";

export interface QuoteWords {
  words: string[];
  starts: number[];
  ends: number[];
  /** `gapBefore[i]`: the source may skip any number of words before word i (an ellipsis, a split). */
  gapBefore: boolean[];
}

// Linear on any text: no leading or trailing run of spaces to try from every space (the spaces
// around an ellipsis fall between words anyway), and a bracket never spans another `[`.
const ellipsisRe = /\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\]/g;
const bracketRe = /\[[^[\]]*\]/g;

export function quoteWords(text: string, pieces: Span[]): QuoteWords {
  const out: QuoteWords = { words: [], starts: [], ends: [], gapBefore: [] };
  for (const piece of pieces) {
    let gap = true; // every piece after the first may start anywhere later in the passage
    const body = text.slice(piece.start, piece.end);
    // Cut the piece at ellipses; drop bracketed insertions (the writer's words, not the speaker's).
    const cuts: Span[] = [];
    let from = 0;
    ellipsisRe.lastIndex = 0;
    for (let m = ellipsisRe.exec(body); m; m = ellipsisRe.exec(body)) {
      cuts.push({ start: from, end: m.index });
      from = m.index + m[0].length;
    }
    cuts.push({ start: from, end: body.length });
    for (const cut of cuts) {
      const segment = body.slice(cut.start, cut.end);
      const masked = segment.replace(bracketRe, (m) => " ".repeat(m.length));
      const words = tokenize(masked);
      let bracketGap = false;
      let lastEnd = 0;
      for (let i = 0; i < words.words.length; i++) {
        // A bracket between two words replaced something the speaker said: allow a gap there.
        bracketGap = /\[/.test(segment.slice(lastEnd, words.starts[i]));
        out.words.push(words.words[i]);
        out.starts.push(piece.start + cut.start + words.starts[i]);
        out.ends.push(piece.start + cut.start + words.ends[i]);
        out.gapBefore.push(gap || bracketGap);
        gap = false;
        lastEnd = words.ends[i];
      }
      gap = true;
    }
  }
  if (out.gapBefore.length) out.gapBefore[0] = true;
  return out;
}
