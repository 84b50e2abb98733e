/**
 * The hover's Markdown for a checked quote: the verdict, the source passage in context with the
 * matched words in bold, who the source says spoke (role, organisation), a link that opens the
 * source at the passage, the similarity, and a misquote's word-level changes. Pure (no vscode
 * import) so it can be unit-tested; every piece of source text goes through `escapeMarkdown`.
 */
import { type PlainPassage, type PlainQuoteCheck, toPlainCheck } from "../core/plain/plainCheck";
import { summarize } from "../core/speakers/entity";
import type { QuoteCheck } from "../core/verdict/judge";
import { findingMessage } from "./findingText";
import { commandUri, escapeMarkdown as esc } from "./markdownEscape";
import { english, type Translate } from "../core/translate";

export const OPEN_SOURCE_COMMAND = "verbatim.openSource";

export interface OpenSourceArgs {
  uri: string;
  start: number;
  end: number;
  /** False when the offsets are in text extracted from the file (PDF, DOCX, HTML). */
  exact?: boolean;
}

export interface HoverSource {
  /** The source file as the workspace names it. */
  label: string;
  /** Where the passage is in it: `line 7`, or a page or timestamp for extracted text. */
  place: string;
  open: OpenSourceArgs;
}

const CONTEXT_CHARS = 80;

function headline(verdict: string, t: Translate): string {
  switch (verdict) {
    case "verified":
      return t("✓ **Verified** against the source");
    case "misattributed":
      return t("✗ **Misattributed**");
    case "misquoted":
      return t("✗ **Misquoted**");
    case "unsourced":
      return t("? **Unsourced**: no source contains these words");
    case "unchecked":
      return t("Not checked (emphasis, not a quotation)");
    case "ignored":
      return t("Ignored (marked to skip)");
  }
  return esc(verdict);
}

export function hoverMarkdown(full: QuoteCheck | PlainQuoteCheck, source: HoverSource | undefined, t: Translate = english, note?: string): string {
  const check = toPlainCheck(full);
  const lines: string[] = [`**Verbatim** — ${headline(check.verdict, t)}`];
  for (const f of check.findings) if (f.kind !== "unsourced") lines.push(`- ${esc(findingMessage(check, f, t))}`);
  const passage = check.source;
  if (passage) {
    lines.push(`> ${passageInContext(passage)}`);
    const speaker = passage.sourceQuote?.speaker;
    if (speaker) {
      const s = summarize(speaker);
      const details = [s.role, s.organization].filter((x): x is string => !!x).map(esc).join(", ");
      lines.push(t("Spoken by {0} according to the source.", `**${esc(s.name)}**${details ? ` (${details})` : ""}`));
    } else {
      lines.push(t("The source does not say who spoke these words."));
    }
    const where = source ? `[${esc(source.place ? `${source.label}, ${source.place}` : source.label)}](${commandUri(OPEN_SOURCE_COMMAND, [source.open])})` : esc(passage.document.path);
    lines.push(t("Source: {0} · similarity {1}%", where, Math.round(passage.similarity * 100)));
  }
  if (check.diff && check.verdict !== "verified") lines.push(t("Changes (draft ~~struck~~, source **bold**): {0}", diffMarkdown(check.diff)));
  if (note) lines.push(`*${esc(note)}*`);
  return lines.join("\n\n");
}

/**
 * The passage with up to CONTEXT_CHARS of its paragraph either side, matched words in bold.
 * Works on the passage's excerpt of the source (offsets are the source's; `base` is where the
 * excerpt starts), which reaches well beyond CONTEXT_CHARS.
 */
function passageInContext(p: PlainPassage): string {
  const { base, text: excerpt, atEnd } = p.excerpt;
  const start = p.start - base;
  const end = p.end - base;
  const from = contextStart(excerpt, start, base);
  const to = contextEnd(excerpt, end, atEnd);
  const bold = matchedRuns(p).map(([s, e]) => [s - base, e - base]);
  // An ellipsis marks text cut off, not the edge of the paragraph.
  let out = base + from === 0 || /(^|\n)\s*$/.test(excerpt.slice(0, from)) ? "" : "…";
  let at = from;
  for (const [s, e] of bold) {
    if (e <= from || s >= to) continue;
    out += esc(excerpt.slice(at, Math.max(at, s))) + `**${esc(excerpt.slice(Math.max(s, at), e))}**`;
    at = e;
  }
  out += esc(excerpt.slice(at, to));
  const rest = excerpt.slice(to);
  return out + (/^\s*\n/.test(rest) || (atEnd && /^\s*$/.test(rest)) ? "" : "…");
}

function contextStart(text: string, start: number, base: number): number {
  let from = Math.max(0, start - CONTEXT_CHARS);
  const para = text.lastIndexOf("\n\n", start);
  if (para >= from) return para + 2;
  if (base + from > 0) from = text.indexOf(" ", from) + 1 || start;
  return Math.min(from, start);
}

function contextEnd(text: string, end: number, atEnd: boolean): number {
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  const para = text.indexOf("\n\n", end);
  if (para >= 0 && para <= to) return para;
  if (to < text.length || !atEnd) {
    const space = text.lastIndexOf(" ", to);
    to = space > end ? space : to;
  }
  return Math.max(to, end);
}

/** Character ranges of runs of source words the alignment matched exactly. */
function matchedRuns(p: PlainPassage): [number, number][] {
  const { starts, ends } = p.windowWords;
  const matched = p.alignment.ops.flatMap((op) => (op.op === "match" ? [op.s] : [])).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  let last = -2;
  for (const w of matched) {
    if (w === last + 1 && runs.length) runs[runs.length - 1][1] = ends[w];
    else runs.push([starts[w], ends[w]]);
    last = w;
  }
  return runs;
}

function diffMarkdown(diff: NonNullable<PlainQuoteCheck["diff"]>): string {
  return diff
    .map((c) => (c.kind === "same" ? esc(c.text) : c.kind === "removed" ? `~~${esc(c.text)}~~` : `**${esc(c.text)}**`))
    .join(" ");
}
