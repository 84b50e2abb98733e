/**
 * Properties every input must keep, whatever its Unicode: quote finding and the whole check never
 * throw; every quote lies inside its document with ordered, disjoint pieces; every source passage
 * lies inside its source; every quick fix (in each citation style), hover and review sheet is
 * made without throwing, each fix's edits inside the draft and disjoint; every reader's
 * utterances and regions lie inside the text it made, and its metadata is clean.
 * Shared by the unit test (a few hundred runs) and `npm run fuzz` (a hundred thousand).
 */
import fc from "fast-check";
import { QuoteChecker } from "../../src/core/check";
import type { SourceText } from "../../src/core/corpus/corpus";
import { prepareDocument } from "../../src/core/document/document";
import { readSource } from "../../src/core/formats";
import type { Passage } from "../../src/core/match/passages";
import { CITATION_STYLES } from "../../src/core/edits/citation";
import { quoteFixes } from "../../src/core/edits/fixes";
import { reportJson } from "../../src/core/report/json";
import { reviewCsv, reviewMarkdown } from "../../src/core/report/review";
import { hoverMarkdown } from "../../src/server/hoverText";

const PIECES = [
  "“", "”", "‘", "’", "«", "»", '"', "'", "„", "‹", "›", "「", "」",
  " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u2028",
  ".", ",", ":", "?", "!", "…", "—", "-- ", "> ", "# ", "```", "* ", "(", ")",
  "said", "says", "told", "Ana Ruiz", "Ms. Ruiz", "she", "the mayor", "said Ana Ruiz.", "— Ana Ruiz", "Tomás Ñúñez", "ANA RUIZ: ", "Q: ", "A: ",
  "wall", "the", "will", "be", "rebuilt", "before", "winter",
  "שלום עולם", "مرحبا بالعالم", "\u200f", "\u200e", "e\u0301", "a\u0308\u0323", "🧱", "👩🏽‍🔧", "𝔘𝔫𝔦", "\ud800", "\udc00", "\udbff\udfff",
];

/** Text built from the pieces that trouble quote finding, plus arbitrary code units. */
export const documentText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) }), { maxLength: 120 })
  .map((parts) => parts.join(""));

export interface Case {
  draft: string;
  source: string;
  markdown: boolean;
}

/** A draft and a source; half the time the source is the draft lightly changed, so passages are found. */
export const checkCase: fc.Arbitrary<Case> = fc
  .record({ draft: documentText, other: documentText, mix: fc.nat(3), markdown: fc.boolean() })
  .map(({ draft, other, mix, markdown }) => ({
    draft,
    source: mix === 0 ? other : mix === 1 ? draft : mix === 2 ? draft.replace(/wall/g, "fence") + other : other + draft,
    markdown,
  }));

type Span = { start: number; end: number };

function inside(span: Span, length: number, what: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= length)) {
    throw new Error(`${what} [${span.start}, ${span.end}) is not inside 0..${length}`);
  }
}

function checkQuote(q: { start: number; end: number; pieces: Span[] }, length: number, what: string): void {
  if (q.pieces.length === 0) throw new Error(`${what} has no pieces`);
  let previous = -1;
  for (const p of q.pieces) {
    inside(p, length, `${what} piece`);
    if (p.start >= p.end) throw new Error(`${what} has an empty piece at ${p.start}`);
    if (p.start < previous) throw new Error(`${what} pieces overlap or are out of order at ${p.start}`);
    previous = p.end;
  }
  if (q.start !== q.pieces[0].start || q.end !== q.pieces[q.pieces.length - 1].end) throw new Error(`${what} start/end do not match its pieces`);
}

function checkPassage(p: Passage, what: string): void {
  inside(p, p.document.text.length, what);
  if (p.text !== p.document.text.slice(p.start, p.end)) throw new Error(`${what} text does not match its range`);
}

/** Quote finding on one document. Throws on a broken property. */
export function quoteFindingHolds(text: string, markdown: boolean): void {
  const doc = prepareDocument(markdown ? "d.md" : "d.txt", text, markdown);
  for (const p of doc.paragraphs) inside(p, text.length, "paragraph");
  doc.quotes.forEach((q, i) => checkQuote(q, text.length, `quote ${i}`));
}

/** The whole check of a draft against a source. Throws on a broken property. */
export function checkHolds(c: Case): void {
  const checker = new QuoteChecker([{ path: "source.txt", text: c.source, markdown: c.markdown }]);
  const [report] = checker.check([{ path: c.markdown ? "draft.md" : "draft.txt", text: c.draft }]);
  report.checks.forEach((check, i) => {
    checkQuote(check.quote, c.draft.length, `draft quote ${i}`);
    if (check.source) checkPassage(check.source, `source passage of quote ${i}`);
    check.corroboration.forEach((p, j) => checkPassage(p, `corroborating passage ${j} of quote ${i}`));
    for (const f of check.findings) for (const r of f.ranges ?? []) inside(r, c.draft.length, `changed words of quote ${i}`);
    for (const style of CITATION_STYLES) {
      for (const fix of quoteFixes(c.draft, check, { markdown: c.markdown, ignoreMarker: "verbatim-ignore", citation: { label: "source.txt", place: "line 1" }, citationStyle: style })) {
        const edits = [...fix.edits].sort((a, b) => a.start - b.start);
        edits.forEach((e, j) => {
          inside(e, c.draft.length, `${fix.kind} edit of quote ${i}`);
          if (j > 0 && e.start < edits[j - 1].end) throw new Error(`${fix.kind} edits of quote ${i} overlap`);
        });
      }
    }
    hoverMarkdown(check, undefined);
  });
  const json = reportJson([report]);
  reviewCsv(json);
  reviewMarkdown(json);
}

const EXTENSIONS = ["txt", "md", "html", "vtt", "srt", "bin"];

export const sourceFile = fc.record({
  ext: fc.constantFrom(...EXTENSIONS),
  head: fc.constantFrom("", "---\ntitle: A\ndate: 2024-02-30\n---\n", "+++\ntitle = \"A\"\n+++\n", "Title: A\nDate: 12 March 2025\nURL: javascript:x\n\n", "WEBVTT - A\nSource: B\n\n", "<meta property=\"og:title\" content=\"\u001b[31mA\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":", "WEBVTT\n\n", "1\n00:00:01,000 --> 00:00:02,000\n", "<!doctype html><p>", "Interview with Ana Ruiz\nInterviewer: Tom Reyes\n\n", "00:00:01.000 --> 00:00:03.000\n<v Ana Ruiz>"),
  body: fc.array(fc.oneof(documentText, fc.constantFrom("<blockquote>", "</blockquote>", "<cite>Ana Ruiz</cite>", "<q>", "</q>", "<script>", "<br>", "&amp;", "&#xD800;", "\n\n00:00:02.000 --> 00:00:04.000\n", "<v Tom Reyes>", "ANA RUIZ: ", "Q: ", "A: ")), { maxLength: 12 }).map((p) => p.join("")),
});

/** A source file read by the format readers: never throws, and its spans lie inside its text. */
export async function readerHolds(f: { ext: string; head: string; body: string }): Promise<void> {
  const result = await readSource(`file.${f.ext}`, new TextEncoder().encode(f.head + f.body));
  if ("skipped" in result) return;
  const s: SourceText = result.source;
  for (const u of s.utterances ?? []) inside(u, s.text.length, "utterance");
  for (const r of s.regions ?? []) inside(r, s.text.length, "region");
  const m = s.metadata ?? {};
  for (const v of [m.title, m.outlet, ...(m.authors ?? [])]) if (v !== undefined && (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(v) || !v.trim())) throw new Error(`unclean metadata ${JSON.stringify(v)}`);
  if (m.url !== undefined && !/^https?:\/\//.test(m.url)) throw new Error(`metadata url ${m.url}`);
  if (m.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(m.date)) throw new Error(`metadata date ${m.date}`);
  quoteFindingHolds(s.text, !!s.markdown);
}
