/**
 * The machine-readable report: the contract of `verbatim check --format json`, shared by the
 * evaluation script, CI integrations and the editor.
 */
import type { DraftReport } from "../check";
import { summarize, type EntitySummary } from "../speakers/entity";
import type { Passage } from "../match/passages";
import type { PlainPassage, PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import type { WordChange } from "../verdict/wordDiff";
import { LineMap } from "./position";
import { Corpus } from "../corpus/corpus";
import type { SourceMetadata } from "../formats/metadata";
import type { Finding } from "../verdict/judge";

export interface SourceJson {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
  speaker: string | null;
  speakerDetails: EntitySummary | null;
  /** How sure the source's attribution is: "high", "medium", "low", or null with no speaker. */
  speakerConfidence: string | null;
  similarity: number;
  exact: boolean;
  /** The page or timestamp the passage stands at, for formats that have them. */
  region: string | null;
  /** The source's headline, outlet, bylines, publication date (`YYYY-MM-DD`) and address, where known. */
  title: string | null;
  outlet: string | null;
  authors: string[];
  date: string | null;
  url: string | null;
}

export interface FindingJson {
  kind: string;
  message: string;
  /** A misquote's changed words in the draft (UTF-16 offsets, 1-based line and column). */
  ranges?: { start: number; end: number; line: number; column: number; text: string }[];
}

export interface QuoteJson {
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  pieces: { start: number; end: number }[];
  speaker: string | null;
  speakerDetails: EntitySummary | null;
  speakerMention: { text: string; start: number; end: number } | null;
  /** How sure the draft's attribution is: "high", "medium", "low", or null with no speaker. */
  speakerConfidence: string | null;
  attribution: string;
  /** How the speaker was found: the cue (`said`, `according to`, `:`), its kind, and the link used. */
  attributionHow: { cue: string | null; cueKind: string | null; link: string };
  /** Who else the attribution could mean, when it is not sure. */
  speakerCandidates?: string[];
  verdict: string;
  findings: FindingJson[];
  source: SourceJson | null;
  corroboration: SourceJson[];
  diff?: WordChange[];
}

export interface ReportJson {
  version: 1;
  files: { file: string; quotes: QuoteJson[] }[];
  summary: Record<string, number>;
}

const lineMaps = new WeakMap<object, LineMap>();
function lineMapFor(key: object, text: string): LineMap {
  let map = lineMaps.get(key);
  if (!map) {
    map = new LineMap(text);
    lineMaps.set(key, map);
  }
  return map;
}

export function sourceJson(p: Passage | PlainPassage, displayPath: (p: string) => string): SourceJson {
  // A plain passage (a host's copy of a check) carries where it stands; a live one has its document.
  const plain = "excerpt" in p;
  const pos = plain ? { line: p.place?.line ?? 0, column: p.place?.column ?? 0 } : lineMapFor(p.document, p.document.text).position(p.start);
  const region = plain ? (p.place?.region ?? null) : (Corpus.regionAt(p.document, p.start)?.label ?? null);
  const speaker = p.sourceQuote?.speaker;
  return {
    file: displayPath(p.document.path),
    start: p.start,
    end: p.end,
    line: pos.line,
    column: pos.column,
    text: p.text,
    speaker: speaker?.name ?? null,
    speakerDetails: speaker ? summarize(speaker) : null,
    speakerConfidence: speaker ? p.sourceQuote?.confidence ?? null : null,
    similarity: Math.round(p.similarity * 1000) / 1000,
    exact: p.alignment.exact,
    region,
    ...metadataJson(p.document.metadata),
  };
}

/** The metadata fields of a source in the report, each present (null or empty when unknown). */
export function metadataJson(m: SourceMetadata | undefined): Pick<SourceJson, "title" | "outlet" | "authors" | "date" | "url"> {
  return { title: m?.title ?? null, outlet: m?.outlet ?? null, authors: m?.authors ?? [], date: m?.date ?? null, url: m?.url ?? null };
}

export function quoteJson(check: QuoteCheck | PlainQuoteCheck, lines: LineMap, displayPath: (p: string) => string, draftText = ""): QuoteJson {
  const q = check.quote;
  const pos = lines.position(q.start);
  const mention = q.speakerMention;
  return {
    text: check.text,
    start: q.start,
    end: q.end,
    line: pos.line,
    column: pos.column,
    pieces: q.pieces.map((p) => ({ start: p.start, end: p.end })),
    speaker: check.speaker?.name ?? null,
    speakerDetails: check.speaker ? summarize(check.speaker) : null,
    speakerMention: mention ? { text: mention.text, start: mention.start, end: mention.end } : null,
    speakerConfidence: check.speaker ? q.confidence ?? null : null,
    attribution: q.basis,
    attributionHow: { cue: q.trace?.cue ?? null, cueKind: q.trace?.cueKind ?? null, link: q.trace?.link ?? "none" },
    ...(q.candidates ? { speakerCandidates: q.candidates.map((c) => c.name) } : {}),
    verdict: check.verdict,
    findings: check.findings.map((f) => findingJson(f, lines, draftText)),
    source: check.source ? sourceJson(check.source, displayPath) : null,
    corroboration: check.corroboration.map((p) => sourceJson(p, displayPath)),
    ...(check.diff ? { diff: check.diff } : {}),
  };
}

function findingJson(f: Finding, lines: LineMap, text: string): FindingJson {
  const out: FindingJson = { kind: f.kind, message: f.message };
  if (f.ranges?.length) out.ranges = f.ranges.map((r) => ({ ...r, ...lines.position(r.start), text: text.slice(r.start, r.end) }));
  return out;
}

export function reportJson(reports: DraftReport[], displayPath: (p: string) => string = (p) => p): ReportJson {
  return reportOf(reports, displayPath);
}

/** The report of checks a host holds as plain data (a language server's latest results). */
export function plainReportJson(reports: { path: string; text: string; checks: PlainQuoteCheck[] }[], displayPath: (p: string) => string = (p) => p): ReportJson {
  return reportOf(reports, displayPath);
}

function reportOf(reports: { path: string; text: string; checks: (QuoteCheck | PlainQuoteCheck)[] }[], displayPath: (p: string) => string): ReportJson {
  const summary: Record<string, number> = { quotes: 0, verified: 0, misattributed: 0, misquoted: 0, unsourced: 0, "speaker-unclear": 0, unchecked: 0, ignored: 0 };
  const files = reports.map((r) => {
    const lines = new LineMap(r.text);
    const quotes = r.checks.map((c) => {
      summary.quotes++;
      summary[c.verdict] = (summary[c.verdict] ?? 0) + 1;
      return quoteJson(c, lines, displayPath, r.text);
    });
    return { file: displayPath(r.path), quotes };
  });
  return { version: 1, files, summary };
}
