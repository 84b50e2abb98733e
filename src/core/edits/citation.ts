/**
 * "Add citation": credits the source the way a newsroom does, in one of three styles.
 * - `footnote` (the default): `[^n]` after the quote, its definition at the end of the draft —
 *   `Northgate Evening Post, “Cafés on the quay count the cost of the strike,” March 12, 2025,
 *   <https://…>.`; an identical definition already in the draft is reused.
 * - `link`: an inline link at the end of the quote's sentence —
 *   `([Northgate Evening Post, “Cafés on the quay…,” March 12, 2025](https://…))`.
 * - `ap`: an AP-style attribution phrase in the sentence — `Whitfield told the Northgate Evening
 *   Post on March 12, 2025` (`said in a statement on …` when the outlet is the speaker's own
 *   organisation); where the sentence has no `said` to turn into one, a footnote instead.
 * In plain text, a bracket after the quote: `[source: Northgate Evening Post, …]`. The bare file
 * (`sources/x.txt, line 13`) only when the source says nothing better about itself.
 * Offered on verified and misquoted quotes; never on a misattributed one (the speaker must be
 * fixed first), an unsourced one or emphasis.
 */
import { apDate, type SourceMetadata, sourceCredit } from "../formats/metadata";
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import { speakerPhraseAt } from "./speakerPhrase";
import type { QuoteFix, TextEdit } from "./textEdit";

export type CitationStyle = "footnote" | "link" | "ap";
export const CITATION_STYLES: readonly CitationStyle[] = ["footnote", "link", "ap"];

export interface CitationSource {
  /** How the draft names the source file when nothing better is known: a workspace-relative path. */
  label: string;
  /** Where in the source: `line 12`, `page 3`, `00:01:23`; empty when unknown. */
  place: string;
  /** What the source says about itself; defaults to the passage's document's metadata. */
  metadata?: SourceMetadata;
}

const CLOSING_MARKS = /["”’»']/;

export function citationFix(text: string, check: QuoteCheck | PlainQuoteCheck, markdown: boolean, source: CitationSource | undefined, style: CitationStyle = "footnote"): QuoteFix | undefined {
  if (!check.source || !source) return undefined;
  if (check.verdict !== "verified" && check.verdict !== "misquoted") return undefined;
  if (check.quote.scare || check.findings.some((f) => f.kind === "misattributed")) return undefined;
  const metadata = source.metadata ?? check.source.document.metadata;
  let at = check.quote.end;
  if (CLOSING_MARKS.test(text[at] ?? "")) at++;
  // Already cited right after the quote.
  if (/^\[\^[^\]\s]+\]/.test(text.slice(at, at + 40))) return undefined;
  const known = isKnown(metadata);
  const name = known ? shortCredit(metadata!) : source.label;
  if (known && style === "ap" && metadata!.outlet) {
    const phrase = apEdit(text, check, metadata!);
    if (phrase) return { kind: "citation", title: `Cite as “${phrase.phrase}”`, edits: [phrase.edit], subject: name, phrase: phrase.phrase };
  }
  const title = `Add citation (${name})`;
  if (!markdown) return { kind: "citation", title, subject: name, edits: [{ start: at, end: at, newText: ` [source: ${citationText({ ...source, metadata }, false)}]` }] };
  if (known && style === "link") return { kind: "citation", title, subject: name, edits: [linkEdit(text, check.quote.end, at, metadata!, source)] };
  return { kind: "citation", title, subject: name, edits: footnoteEdits(text, at, citationText({ ...source, metadata }, true)) };
}

/** Does the source say enough about itself to be cited by more than its file? */
function isKnown(m: SourceMetadata | undefined): boolean {
  return !!(m && (m.outlet || m.title || m.url));
}

/** The citation's text (no final stop): the credit when the source is known, else the file and place. */
export function citationText(source: CitationSource, markdown: boolean): string {
  return isKnown(source.metadata) ? creditText(source.metadata!, source, markdown) : where(source);
}

/** `Northgate Evening Post, March 12, 2025`: what the fix's title names. */
function shortCredit(m: SourceMetadata): string {
  return [m.outlet ?? m.title, m.date && apDate(m.date)].filter(Boolean).join(", ") || (m.url ?? "");
}

/** `sources/x.txt, line 13`: the file, when nothing better is known. */
function where(source: CitationSource): string {
  return source.place ? `${source.label}, ${source.place}` : source.label;
}

/** `at 00:01:44`, `page 2`; a line number is no place to cite once the source is known. */
function citedPlace(place: string): string | undefined {
  if (!place || /^line\b/i.test(place)) return undefined;
  return /^\d{1,2}:\d{2}/.test(place) ? `at ${place}` : place;
}

/** Markdown's special characters in source text, escaped so they stay text. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, "\\$&");
}

/** `Outlet, “Headline,” March 12, 2025, at 00:01:44, <https://…>` (no final stop). */
function creditText(m: SourceMetadata, source: CitationSource, markdown: boolean): string {
  const esc = markdown ? escapeMarkdown : (s: string) => s;
  const credit = sourceCredit({ outlet: m.outlet && esc(m.outlet), title: m.title && esc(m.title), date: m.date });
  const parts = [credit ?? esc(source.label), citedPlace(source.place), m.url && (markdown ? `<${m.url}>` : m.url)].filter(Boolean);
  return parts.join(", ").replace(/”, /g, ",” ");
}

/** `[^n]` at `at`, its definition at the end of the draft (or an identical one reused). */
export function footnoteEdits(text: string, at: number, definition: string): TextEdit[] {
  const line = `${definition}.`;
  for (const m of text.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm)) {
    if (m[2].trim() === line) return [{ start: at, end: at, newText: `[^${m[1]}]` }];
  }
  const n = nextFootnote(text);
  const trimmed = text.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf("\n") + 1);
  // Footnote definitions stay together; otherwise a blank line sets them off from the story.
  const separator = /^\[\^[^\]\s]+\]:/.test(lastLine) ? "\n" : "\n\n";
  const entry = `${separator}[^${n}]: ${line}\n`;
  // A quote at the very end of the draft: its reference and the definition are one edit.
  if (at >= trimmed.length) return [{ start: at, end: text.length, newText: `[^${n}]${entry}` }];
  return [
    { start: at, end: at, newText: `[^${n}]` },
    { start: trimmed.length, end: text.length, newText: entry },
  ];
}

/** One more than the highest numbered footnote the draft uses. */
export function nextFootnote(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/\[\^(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** ` ([Outlet, “Headline,” date](url))` where the quote's sentence ends. */
function linkEdit(text: string, quoteEnd: number, afterMark: number, m: SourceMetadata, source: CitationSource): TextEdit {
  const label = [sourceCredit({ outlet: m.outlet && escapeMarkdown(m.outlet), title: m.title && escapeMarkdown(m.title), date: m.date }) ?? escapeMarkdown(source.label), citedPlace(source.place)].filter(Boolean).join(", ");
  const cite = m.url ? ` ([${label}](${m.url.replace(/[()]/g, (c) => encodeURIComponent(c))}))` : ` (${label})`;
  return { start: sentenceEnd(text, quoteEnd, afterMark), end: sentenceEnd(text, quoteEnd, afterMark), newText: cite };
}

/**
 * Where the citation of a quote's sentence goes: before the full stop that ends the sentence
 * after the quote (`…," Whitfield said (…).`); right after the closing mark when the quotation
 * itself ends the sentence (`…it." (…)`) or another quotation follows.
 */
function sentenceEnd(text: string, quoteEnd: number, afterMark: number): number {
  if (/[.!?…]/.test(text[quoteEnd - 1] ?? "") && /^(?:\s|$)/.test(text.slice(afterMark, afterMark + 1))) return afterMark;
  for (let i = afterMark; i < text.length && i < afterMark + 500; i++) {
    const c = text[i];
    if (/["“«]/.test(c) || c === "\n") return c === "\n" ? trimBack(text, i, afterMark) : afterMark;
    if (/[.!?]/.test(c) && /^(?:\s|$)/.test(text.slice(i + 1, i + 2))) return i;
  }
  return trimBack(text, Math.min(text.length, afterMark + 500), afterMark);
}

function trimBack(text: string, i: number, floor: number): number {
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}

/** Outlets that take `the`: `told the Evening Post`, but `told Reuters`. */
const PUBLICATIONS = /\b(?:post|times|journal|gazette|herald|guardian|telegraph|tribune|chronicle|observer|independent|economist|globe|star|sun|mirror|standard|mail|express|courier|examiner|inquirer|dispatch|sentinel|register|review|record|bulletin|press|agency|news agency|wire)$/i;

function outletName(outlet: string): string {
  return /^the\s/i.test(outlet) || !PUBLICATIONS.test(outlet) ? outlet : `the ${outlet}`;
}

/** `told the Evening Post on March 12, 2025` replacing the sentence's `said`, or undefined when it has none. */
function apEdit(text: string, check: QuoteCheck | PlainQuoteCheck, m: SourceMetadata): { edit: TextEdit; phrase: string } | undefined {
  const mention = check.quote.speakerMention;
  if (!mention || mention.start >= check.quote.end + 300 || mention.end <= check.quote.start - 300) return undefined;
  const on = m.date ? ` on ${apDate(m.date)}` : "";
  const speakerOrg = check.source?.sourceQuote?.speaker;
  const own = !!speakerOrg && [speakerOrg.name, speakerOrg.organization?.name].some((n) => n && n.toLowerCase() === m.outlet!.toLowerCase());
  const phrase = own ? `said in a statement${on}` : `told ${outletName(m.outlet!)}${on}`;
  const sp = speakerPhraseAt(text, mention);
  // `X said` → `X told the Post on …`
  const after = /^(\s+)(said|says)\b/.exec(text.slice(sp.end, sp.end + 12));
  if (after) {
    const start = sp.end + after[1].length;
    return { edit: { start, end: start + after[2].length, newText: phrase }, phrase };
  }
  // `said X` → `X told the Post on …` (`said X in a statement on …` for a statement).
  const head = text.slice(Math.max(0, sp.start - 12), sp.start);
  const before = /\b(said|says)(\s+)$/.exec(head);
  // Only where the sentence ends after the name: `said X, who chairs…` would leave the clause on the date.
  if (before && /^\s*(?:[.!?]|$)/.test(text.slice(sp.end, sp.end + 2))) {
    const verbStart = sp.start - before[0].length;
    const who = text.slice(sp.start, sp.end);
    if (own) return { edit: { start: sp.end, end: sp.end, newText: ` in a statement${on}` }, phrase };
    return { edit: { start: verbStart, end: sp.end, newText: `${who}${/,\s/.test(who) ? "," : ""} ${phrase}` }, phrase };
  }
  return undefined;
}
