/**
 * "Add citation": a Markdown footnote (`[^n]` after the quote, its definition at the end of the
 * draft), or a bracketed `[source: file]` after the quote in plain text.
 */
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import type { QuoteFix } from "./textEdit";

export interface CitationSource {
  /** How the draft should name the source file: a workspace-relative path. */
  label: string;
  /** Where in the source: `line 12`, `page 3`, `00:01:23`; empty when unknown. */
  place: string;
}

const CLOSING_MARKS = /["”’»']/;

export function citationFix(text: string, check: QuoteCheck | PlainQuoteCheck, markdown: boolean, source: CitationSource | undefined): QuoteFix | undefined {
  if (!check.source || !source) return undefined;
  let at = check.quote.end;
  if (CLOSING_MARKS.test(text[at] ?? "")) at++;
  const title = `Add citation (${source.label})`;
  if (!markdown) return { kind: "citation", title, edits: [{ start: at, end: at, newText: ` [source: ${source.label}]` }] };
  const n = nextFootnote(text);
  const definition = `[^${n}]: ${source.place ? `${source.label}, ${source.place}` : source.label}.\n`;
  const trimmed = text.replace(/\s+$/, "");
  const lastLine = trimmed.slice(trimmed.lastIndexOf("\n") + 1);
  // Footnote definitions stay together; otherwise a blank line sets them off from the story.
  const separator = /^\[\^[^\]\s]+\]:/.test(lastLine) ? "\n" : "\n\n";
  return {
    kind: "citation",
    title,
    edits: [
      { start: at, end: at, newText: `[^${n}]` },
      { start: trimmed.length, end: text.length, newText: separator + definition },
    ],
  };
}

/** One more than the highest numbered footnote the draft uses. */
export function nextFootnote(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/\[\^(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}
