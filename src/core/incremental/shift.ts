/** Moves a quotation's check by a number of characters (and paragraphs), for reuse after an edit. */
import type { QuoteCheck } from "../verdict/judge";

export function shiftCheck(check: QuoteCheck, chars: number, paragraphs: number): QuoteCheck {
  if (chars === 0 && paragraphs === 0) return check;
  const q = check.quote;
  const quote = {
    ...q,
    start: q.start + chars,
    end: q.end + chars,
    pieces: q.pieces.map((p) => ({ ...p, start: p.start + chars, end: p.end + chars })),
    paragraph: q.paragraph + paragraphs,
    lastParagraph: q.lastParagraph + paragraphs,
    attributionLine: q.attributionLine === undefined ? undefined : q.attributionLine + paragraphs,
    speakerMention: q.speakerMention && { ...q.speakerMention, start: q.speakerMention.start + chars, end: q.speakerMention.end + chars },
  };
  const move = (r: { start?: number; end?: number }) => (r.start === undefined || r.end === undefined ? r : { ...r, start: r.start + chars, end: r.end + chars });
  const findings = check.findings.map((f) => (f.ranges ? { ...f, ranges: f.ranges.map((r) => ({ start: r.start + chars, end: r.end + chars })) } : f));
  return { ...check, quote, findings, ...(check.diff ? { diff: check.diff.map(move) as typeof check.diff } : {}) };
}
