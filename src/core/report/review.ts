/**
 * The review sheet a fact-checker files with the story: every quote of every draft with its
 * verdict, the speaker the draft gives and the one the source gives, the source (file, place,
 * headline, outlet, authors, date, link), the similarity and the changed words — as CSV (for a
 * spreadsheet) or as a Markdown table (for the story's ticket). Built from the JSON report, so
 * the CLI and the editor's "Export review" write the same sheet.
 *
 * Source text is untrusted: in CSV a cell that a spreadsheet would read as a formula (`=`, `+`,
 * `-`, `@`) is prefixed with `'`; in Markdown every character with a meaning is escaped and a
 * link is only ever an http(s) address.
 */
import { joinNames, sourceCredit } from "../formats/metadata";
import { describeDiff } from "../verdict/wordDiff";
import type { QuoteJson, ReportJson } from "./json";

export interface ReviewRow {
  file: string;
  line: number;
  column: number;
  quote: string;
  verdict: string;
  speaker: string;
  sourceSpeaker: string;
  sourceFile: string;
  /** `page 2`, `00:01:44`, or `line 13`. */
  sourcePlace: string;
  sourceTitle: string;
  sourceOutlet: string;
  sourceAuthors: string;
  /** `YYYY-MM-DD`. */
  sourceDate: string;
  sourceUrl: string;
  /** 0–1, empty when there is no source. */
  similarity: number | undefined;
  /** `−“efficiency”, +“flexibility”`. */
  changes: string;
  findings: string;
}

export function reviewRows(report: ReportJson): ReviewRow[] {
  return report.files.flatMap((f) => f.quotes.map((q) => reviewRow(f.file, q)));
}

function reviewRow(file: string, q: QuoteJson): ReviewRow {
  const s = q.source;
  return {
    file,
    line: q.line,
    column: q.column,
    quote: q.text,
    verdict: q.verdict,
    speaker: q.speaker ?? "",
    sourceSpeaker: s?.speaker ?? "",
    sourceFile: s?.file ?? "",
    sourcePlace: s ? (s.region ?? `line ${s.line}`) : "",
    sourceTitle: s?.title ?? "",
    sourceOutlet: s?.outlet ?? "",
    sourceAuthors: s ? joinNames(s.authors) : "",
    sourceDate: s?.date ?? "",
    sourceUrl: s?.url ?? "",
    similarity: s ? s.similarity : undefined,
    changes: q.diff ? describeDiff(q.diff) : "",
    findings: q.findings.map((f) => f.message).join(" | "),
  };
}

const CSV_COLUMNS: [keyof ReviewRow, string][] = [
  ["file", "file"],
  ["line", "line"],
  ["column", "column"],
  ["quote", "quote"],
  ["verdict", "verdict"],
  ["speaker", "speaker"],
  ["sourceSpeaker", "source speaker"],
  ["sourceFile", "source file"],
  ["sourcePlace", "source place"],
  ["sourceTitle", "source title"],
  ["sourceOutlet", "source outlet"],
  ["sourceAuthors", "source authors"],
  ["sourceDate", "source date"],
  ["sourceUrl", "source url"],
  ["similarity", "similarity"],
  ["changes", "changed words"],
  ["findings", "findings"],
];

/** RFC 4180 CSV (CRLF line ends), one row per quote, a header row first. */
export function reviewCsv(report: ReportJson): string {
  const lines = [CSV_COLUMNS.map(([, title]) => csvCell(title))];
  for (const row of reviewRows(report)) {
    lines.push(CSV_COLUMNS.map(([key]) => (key === "similarity" ? (row.similarity === undefined ? "" : row.similarity.toFixed(3)) : csvCell(String(row[key])))));
  }
  return lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  // A spreadsheet runs a cell starting with these as a formula: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const VERDICT_LABEL: Record<string, string> = {
  verified: "verified",
  misattributed: "**misattributed**",
  misquoted: "**misquoted**",
  unsourced: "**unsourced**",
  unchecked: "not checked (emphasis)",
  ignored: "ignored",
};

/** A Markdown review: per draft, a summary line and a table of its quotes. */
export function reviewMarkdown(report: ReportJson): string {
  const out: string[] = [];
  const s = report.summary;
  out.push("# Quote review", "");
  out.push(`${s.quotes} quote${s.quotes === 1 ? "" : "s"}: ${s.verified} verified, ${s.misattributed} misattributed, ${s.misquoted} misquoted, ${s.unsourced} unsourced.`, "");
  for (const f of report.files) {
    out.push(`## ${md(f.file)}`, "");
    if (f.quotes.length === 0) {
      out.push("No quotations.", "");
      continue;
    }
    out.push("| Line | Quote | Verdict | Speaker | Source | Similarity | Changed words |", "|---:|---|---|---|---|---:|---|");
    for (const q of f.quotes) {
      const row = reviewRow(f.file, q);
      const speaker = row.speaker && row.sourceSpeaker && !shortFormOf(row.speaker, row.sourceSpeaker) ? `${md(row.speaker)} (source: ${md(row.sourceSpeaker)})` : md(row.sourceSpeaker || row.speaker);
      const similarity = row.similarity === undefined ? "" : `${Math.round(row.similarity * 100)}%`;
      out.push(`| ${row.line} | “${md(shorten(row.quote))}” | ${VERDICT_LABEL[row.verdict] ?? md(row.verdict)} | ${speaker} | ${sourceCell(row)} | ${similarity} | ${md(row.changes)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** The draft's `Doe` or `Jane Doe` for the source's `Jane Doe`: one person, shown by the fuller name. */
function shortFormOf(draft: string, source: string): boolean {
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const full = new Set(words(source));
  return words(draft).every((w) => full.has(w));
}

/** `Northgate Evening Post, “Headline,” March 12, 2025 ([link](…)) — sources/x.html, line 14`. */
function sourceCell(row: ReviewRow): string {
  if (!row.sourceFile) return "";
  const esc = (v: string) => v && md(v);
  const credit = sourceCredit({ outlet: esc(row.sourceOutlet), title: esc(row.sourceTitle), authors: row.sourceAuthors ? [md(row.sourceAuthors)] : [], date: row.sourceDate || undefined }, { authors: true });
  const link = /^https?:\/\//i.test(row.sourceUrl) ? ` ([link](<${row.sourceUrl.replace(/[<>\s]/g, encodeURIComponent)}>))` : "";
  const where = `${md(row.sourceFile)}, ${md(row.sourcePlace)}`;
  return credit ? `${credit}${link} — ${where}` : `${where}${link}`;
}

/** Text with every Markdown (and HTML) meaning escaped, on one line (brackets escaped, so no link can form). */
function md(s: string): string {
  return s.replace(/\s+/g, " ").replace(/[\\`*_[\]<>|~&]/g, "\\$&").replace(/^([#+-]|\d+\.)/, "\\$1");
}

function shorten(s: string): string {
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}
