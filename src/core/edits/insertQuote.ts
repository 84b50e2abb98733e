/**
 * "Insert quote": a source quotation put into a draft with its words exactly as the source has
 * them and a correct attribution — `"…," Jane Doe said.` — optionally with a citation (a
 * footnote in Markdown, `[source: …]` in plain text). The closing full stop of the quoted
 * sentence becomes the comma before the attribution, as news style has it; no word changes.
 */
import { type CitationSource, citationText, footnoteEdits } from "./citation";
import type { TextEdit } from "./textEdit";

export interface InsertQuoteOptions {
  markdown: boolean;
  /** Add a citation of the source. */
  citation?: CitationSource;
}

/** The quotation sentence, in the draft's quote style (curly when the draft uses curly marks). */
export function quoteSentence(words: string, speaker: string, curly: boolean): string {
  const [open, close] = curly ? ["“", "”"] : ['"', '"'];
  let body = words.replace(/\s+/g, " ").trim().replace(/^["“”„«»]+|["“”„«»]+$/g, "");
  if (/[.,;:]$/.test(body)) body = body.slice(0, -1) + ",";
  else if (!/[?!…]$/.test(body)) body += ",";
  return `${open}${body}${close} ${speaker} said.`;
}

/** Does the draft write curly quotes more than straight ones? */
export function usesCurlyQuotes(text: string): boolean {
  const curly = (text.match(/[“”]/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return curly > straight;
}

/** The edits that insert the quotation at `at` (replacing `[at.start, at.end)`, e.g. a selection). */
export function insertQuoteEdits(text: string, at: { start: number; end: number }, words: string, speaker: string, options: InsertQuoteOptions): TextEdit[] {
  const sentence = quoteSentence(words, speaker, usesCurlyQuotes(text));
  const source = options.citation;
  if (!source) return [{ ...at, newText: sentence }];
  const cite = citationText(source, options.markdown);
  if (!options.markdown) return [{ ...at, newText: `${sentence} [source: ${cite}]` }];
  // The footnote as "Add citation" writes it, its reference after the inserted sentence.
  const [ref, ...rest] = footnoteEdits(text, at.end, cite);
  return [{ start: at.start, end: ref.end, newText: sentence + ref.newText }, ...rest];
}
