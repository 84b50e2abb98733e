/**
 * A checked quotation as plain data, for a host that runs checks in another thread: everything
 * in it survives structured clone (no classes, no source document). A passage keeps its source's
 * path, the source text around it (enough for a hover's context and for the quick fix that puts
 * the source's words back) and the character ranges of its window's words, all at the source's
 * own offsets; and where it stands (line and column, page or timestamp), so the host need not
 * hold the source text at all.
 */
import type { SourceMetadata } from "../formats/metadata";
import type { Passage } from "../match/passages";
import type { QuoteCheck } from "../verdict/judge";
import type { SourcePlace } from "../report/places";
import { type EntitySummary, summarize } from "../speakers/entity";
import { asSourceGives, type SpeakerIntroduction, speakerIntroduction } from "./speakerIntro";

export type { SourcePlace } from "../report/places";

/** Characters of source text kept either side of a passage (the hover shows up to 80). */
export const EXCERPT_MARGIN = 240;

export interface PlainPassage extends Omit<Passage, "document"> {
  document: { path: string; metadata?: SourceMetadata };
  /** Source text from offset `base` on; `atEnd` when it runs to the end of the source. */
  excerpt: { base: number; text: string; atEnd: boolean };
  /** Character ranges of the source words from `windowStart` on, as far as the alignment reaches. */
  windowWords: { starts: number[]; ends: number[] };
  place?: SourcePlace;
  /** Who spoke, with only the role and organisation the source's own text gives. */
  speakerAsSourceGives?: EntitySummary;
  /** When the source's speaker is only a guess: the people it could be (no `speakerAsSourceGives` then). */
  speakerCandidates?: string[];
  /** `"…," Doe said, according to Roe`: Doe, whose words the speaker (Roe) recounts. */
  relayedFrom?: string;
  /** `"He said, 'Not here,'" Doe testified`: the passage is nested in Doe's quotation, Doe reporting someone else's words. */
  reportedBy?: string;
  /** Where the source introduces the speaker, when that is not the passage's own paragraph. */
  introduction?: SpeakerIntroduction;
}

export interface PlainQuoteCheck extends Omit<QuoteCheck, "source" | "corroboration"> {
  source?: PlainPassage;
  corroboration: PlainPassage[];
}

/** Where a passage stands in its source; the worker computes it from the source text. */
export type PlaceOf = (p: Passage) => SourcePlace | undefined;

export function isPlainCheck(check: QuoteCheck | PlainQuoteCheck): check is PlainQuoteCheck {
  return !check.source || "excerpt" in check.source;
}

export function toPlainCheck(check: QuoteCheck | PlainQuoteCheck, placeOf?: PlaceOf): PlainQuoteCheck {
  if (isPlainCheck(check)) return check as PlainQuoteCheck;
  return { ...check, source: check.source && toPlainPassage(check.source, placeOf), corroboration: check.corroboration.map((p) => toPlainPassage(p, placeOf)) };
}

export function toPlainPassage(p: Passage, placeOf?: PlaceOf): PlainPassage {
  const { document: doc, ...rest } = p;
  const text = doc.text;
  let last = -1;
  for (const op of p.alignment.ops) if ("s" in op && op.s > last) last = op.s;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k <= last; k++) {
    starts.push(doc.words.starts[p.windowStart + k]);
    ends.push(doc.words.ends[p.windowStart + k]);
  }
  const from = Math.max(0, Math.min(p.start, starts[0] ?? p.start) - EXCERPT_MARGIN);
  const to = Math.min(text.length, Math.max(p.end, ends[ends.length - 1] ?? p.end) + EXCERPT_MARGIN);
  // A low reading is a guess: shown as the people it could be, never as who spoke.
  const guess = p.sourceQuote?.confidence === "low";
  const speaker = p.sourceQuote?.speaker && !guess ? summarize(p.sourceQuote.speaker) : undefined;
  const candidates = guess && p.sourceQuote?.speaker ? [...new Set([p.sourceQuote.speaker, ...(p.sourceQuote.candidates ?? [])].map((e) => e.name))] : undefined;
  const introduction = speaker && speakerIntroduction(text, p.start, speaker.name, speaker.kind);
  return {
    ...rest,
    ...(speaker ? { speakerAsSourceGives: asSourceGives(speaker, text) } : {}),
    ...(introduction ? { introduction } : {}),
    ...(p.sourceQuote?.relayed ? { relayedFrom: p.sourceQuote.relayed.name } : {}),
    ...(p.sourceQuote?.reportedBy ? { reportedBy: p.sourceQuote.reportedBy.name } : {}),
    ...(candidates ? { speakerCandidates: candidates } : {}),
    document: doc.metadata ? { path: doc.path, metadata: doc.metadata } : { path: doc.path },
    excerpt: { base: from, text: text.slice(from, to), atEnd: to === text.length },
    windowWords: { starts, ends },
    place: placeOf?.(p),
  };
}

/** The source text of [from, to), which must lie within the passage's excerpt. */
export function excerptSlice(p: PlainPassage, from: number, to: number): string {
  return p.excerpt.text.slice(from - p.excerpt.base, to - p.excerpt.base);
}
