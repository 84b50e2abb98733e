/**
 * "Ignore this quote": puts the ignore marker on its own line just before the quote's paragraph,
 * where the engine looks for it (an HTML comment in Markdown, so it does not show when rendered).
 */
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import type { QuoteFix } from "./textEdit";

export function ignoreFix(text: string, check: QuoteCheck | PlainQuoteCheck, markdown: boolean, marker: string): QuoteFix | undefined {
  if (!marker.trim() || check.verdict === "ignored") return undefined;
  const start = paragraphStart(text, check.quote.start);
  const line = markdown ? `<!-- ${marker} -->` : marker;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { kind: "ignore", title: "Ignore this quote", edits: [{ start, end: start, newText: line + eol }] };
}

/** Offset of the first line of the paragraph holding `offset` (paragraphs are split by blank lines). */
export function paragraphStart(text: string, offset: number): number {
  const head = text.slice(0, offset);
  let start = 0;
  for (const m of head.matchAll(/\r?\n[ \t]*(?=\r?\n)/g)) start = m.index + m[0].length;
  if (start > 0) start = head.indexOf("\n", start) + 1;
  return start;
}
