/**
 * The hover's Markdown for a checked quote, made to fit one screen and not to repeat the
 * diagnostic above it: the verdict (with the similarity for a misquote); for a misquote the word
 * diff first, cut to the changes; the source passage with its paragraph, matched words in bold,
 * after the paragraph that introduces the speaker when that is elsewhere; who the source says
 * spoke, with the role and organisation only as the source gives them; and the source named as a
 * newsroom names it (outlet, headline, date) in a link that opens the passage, with its file and
 * place and the original's address as plain text. Pure (no host import) so it is unit-tested;
 * every piece of source text goes through `escapeMarkdown`.
 */
import { apDate, type SourceMetadata, sourceCredit } from "../core/formats/metadata";
import { type PlainPassage, type PlainQuoteCheck, toPlainCheck } from "../core/plain/plainCheck";
import type { QuoteCheck } from "../core/verdict/judge";
import type { WordChange } from "../core/verdict/wordDiff";
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

/** Characters of the passage's paragraph shown either side of it. */
const CONTEXT_CHARS = 160;
/** Unchanged words kept either side of a change in a misquote's diff. */
const DIFF_CONTEXT_WORDS = 3;

function headline(check: PlainQuoteCheck, t: Translate): string {
  switch (check.verdict) {
    case "verified":
      return t("✓ **Verified**");
    case "misattributed":
      return t("✗ **Misattributed**");
    case "misquoted":
      return t("✗ **Misquoted** · {0}% similar", Math.round((check.source?.similarity ?? 0) * 100));
    case "unsourced":
      return t("? **Unsourced**");
    case "unchecked":
      return t("Not checked (emphasis, not a quotation)");
    case "ignored":
      return t("Ignored (marked to skip)");
  }
  return esc(check.verdict);
}

export function hoverMarkdown(full: QuoteCheck | PlainQuoteCheck, source: HoverSource | undefined, t: Translate = english, note?: string): string {
  const check = toPlainCheck(full);
  const blocks: string[] = [`**Verbatim** · ${headline(check, t)}`];
  if (check.verdict === "misquoted" && check.diff) blocks.push(diffMarkdown(check.diff));
  const passage = check.source;
  if (passage) {
    const quoted = passage.introduction ? [esc(passage.introduction.text), "…", passageInContext(passage)] : [passageInContext(passage)];
    blocks.push(quoted.map((q) => `> ${q}`).join("\n>\n"));
    const speaker = passage.speakerAsSourceGives;
    if (speaker) {
      const details = [speaker.role, speaker.organization].filter((x): x is string => !!x).map(esc).join(", ");
      const who = `**${esc(speaker.name)}**${details ? ` (${details})` : ""}`;
      if (passage.relayedFrom) blocks.push(t("Words of {0} as {1} recounts them, according to the source.", `**${esc(passage.relayedFrom)}**`, who));
      else blocks.push(t("Spoken by {0} according to the source.", who));
    } else if (passage.speakerCandidates?.length) {
      blocks.push(t("The source does not say clearly who spoke these words; it could be {0} — check by hand.", passage.speakerCandidates.map((n) => `**${esc(n)}**`).join(", ")));
    } else if (passage.reportedBy) {
      blocks.push(t("Quoted inside the words of {0}: the source has them repeating someone else, and does not say clearly who first spoke them.", `**${esc(passage.reportedBy)}**`));
    } else {
      blocks.push(t("The source does not say who spoke these words."));
    }
    blocks.push(sourceLine(passage, source));
  }
  if (note) blocks.push(`*${esc(note)}*`);
  return blocks.join("\n\n");
}

/**
 * `[Outlet, “Headline,” March 11, 2025](command:…) · sources/x.txt, line 13 · https://…`: the
 * link opens the passage; the file and the original's address are text.
 */
function sourceLine(passage: PlainPassage, source: HoverSource | undefined): string {
  const m: SourceMetadata | undefined = passage.document.metadata;
  const credit = sourceCredit(m) ?? (m?.date ? apDate(m.date) : undefined);
  const file = source ? (source.place ? `${source.label}, ${source.place}` : source.label) : passage.document.path;
  const parts: string[] = [];
  if (source) parts.push(`[${esc(credit ?? file)}](${commandUri(OPEN_SOURCE_COMMAND, [source.open])})`);
  else parts.push(esc(credit ?? file));
  if (credit) parts.push(esc(file));
  if (m?.url) parts.push(esc(m.url));
  return parts.join(" · ");
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
  return out.trimEnd() + (/^\s*\n/.test(rest) || (atEnd && /^\s*$/.test(rest)) ? "" : "…");
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

/** The changes with a few unchanged words either side: `… compared to the ~~harm~~ **damage** this does …`. */
function diffMarkdown(diff: WordChange[]): string {
  const K = DIFF_CONTEXT_WORDS;
  const changed = (i: number) => i >= 0 && i < diff.length && diff[i].kind !== "same";
  return diff
    .map((c, i) => {
      if (c.kind === "removed") return `~~${esc(c.text)}~~`;
      if (c.kind === "added") return `**${esc(c.text)}**`;
      const words = c.text.split(" ");
      const after = changed(i - 1);
      const before = changed(i + 1);
      if (after && before) return esc(words.length <= 2 * K ? c.text : `${words.slice(0, K).join(" ")} … ${words.slice(-K).join(" ")}`);
      if (after) return esc(words.length <= K ? c.text : `${words.slice(0, K).join(" ")} …`);
      if (before) return esc(words.length <= K ? c.text : `… ${words.slice(-K).join(" ")}`);
      return esc(c.text);
    })
    .join(" ");
}
