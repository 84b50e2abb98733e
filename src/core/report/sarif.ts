/**
 * SARIF 2.1.0 output for code-scanning UIs and editorial CI: one rule per finding kind, results
 * located at the quote's region in the draft, and the source passage as a related location.
 */
import type { Log, ReportingDescriptor, Result } from "sarif";
import { DEFAULT_SEVERITY, FINDING_KINDS, FINDING_RULES, type FindingKind, sarifLevel } from "../findings";
import { sourceCredit } from "../formats/metadata";
import type { ReportJson, SourceJson } from "./json";

export interface SarifOptions {
  toolVersion: string;
  /** Turns a report path into a URI relative to the SARIF file's base (`%SRCROOT%`). */
  uri?: (path: string) => string;
  /** The level of each finding kind, when the project chose its own. */
  levelOf?: (kind: string) => Result.level | undefined;
}

export function reportSarif(report: ReportJson, options: SarifOptions): Log {
  const kinds: readonly string[] = FINDING_KINDS;
  const rules: ReportingDescriptor[] = FINDING_KINDS.map((id) => ({
    id,
    name: FINDING_RULES[id].name,
    shortDescription: { text: FINDING_RULES[id].description },
    defaultConfiguration: { level: sarifLevel(DEFAULT_SEVERITY[id]) },
    helpUri: `https://github.com/verbatim-dev/verbatim#${id}`,
  }));
  const uri = options.uri ?? pathUri;
  const results: Result[] = [];
  for (const file of report.files) {
    for (const q of file.quotes) {
      for (const f of q.findings) {
        const end = positionAfter(q.line, q.column, q.text, q.pieces.length > 1);
        const result: Result = {
          ruleId: f.kind,
          ruleIndex: kinds.indexOf(f.kind),
          level: options.levelOf?.(f.kind) ?? sarifLevel(DEFAULT_SEVERITY[f.kind as FindingKind]),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(uri(file.file)),
                region: { startLine: q.line, startColumn: q.column, charOffset: q.start, charLength: q.end - q.start, ...end },
              },
            },
          ],
          partialFingerprints: { quoteText: hash(`${f.kind}:${q.text}`) },
        };
        if (q.source) {
          result.relatedLocations = [
            {
              id: 1,
              message: { text: `Source passage${q.source.speaker ? `, spoken by ${q.source.speaker}` : ""}${creditOf(q.source)}` },
              physicalLocation: {
                artifactLocation: artifactLocation(uri(q.source.file)),
                region: { startLine: q.source.line, startColumn: q.source.column, charOffset: q.source.start, charLength: q.source.end - q.source.start, snippet: { text: q.source.text } },
              },
              ...sourceProperties(q.source),
            },
          ];
        }
        results.push(result);
      }
    }
  }
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: { driver: { name: "Verbatim", informationUri: "https://github.com/verbatim-dev/verbatim", version: options.toolVersion, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: "./" } },
        results,
      },
    ],
  };
}

/**
 * A report path as a URI reference: each segment percent-encoded (`draft #2.md` is
 * `draft%20%232.md`, never a fragment cutting the name short), backslashes as slashes; an
 * absolute path becomes a `file:` URI.
 */
export function pathUri(p: string): string {
  const wellFormed = (p as string & { toWellFormed?: () => string }).toWellFormed?.() ?? p;
  const slashed = wellFormed.split("\\").join("/");
  const drive = /^[A-Za-z]:\//.exec(slashed);
  const encoded = slashed
    .split("/")
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join("/");
  if (drive) return `file:///${encoded}`;
  return slashed.startsWith("/") ? `file://${encoded}` : encoded;
}

/** A relative URI is resolved against `%SRCROOT%`; an absolute one stands alone. */
function artifactLocation(uri: string): { uri: string; uriBaseId?: string } {
  return /^[a-z][a-z0-9+.-]*:/i.test(uri) ? { uri } : { uri, uriBaseId: "%SRCROOT%" };
}

/** ` — Outlet, “Headline,” March 11, 2025, https://…`: the source as a reader names it. */
function creditOf(source: SourceJson): string {
  const credit = sourceCredit({ title: source.title ?? undefined, outlet: source.outlet ?? undefined, authors: source.authors, date: source.date ?? undefined }, { authors: true });
  const parts = [credit, source.url].filter(Boolean);
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

/** The source's metadata as the location's property bag (`title`, `outlet`, `authors`, `date`, `url`). */
function sourceProperties(source: SourceJson): { properties?: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  if (source.title) properties.title = source.title;
  if (source.outlet) properties.outlet = source.outlet;
  if (source.authors.length) properties.authors = source.authors;
  if (source.date) properties.date = source.date;
  if (source.url) properties.url = source.url;
  return Object.keys(properties).length ? { properties } : {};
}

/** End line/column of a quote from its start and text (one-piece quotes only; others stay a point). */
function positionAfter(line: number, column: number, text: string, split: boolean): { endLine?: number; endColumn?: number } {
  if (split) return {};
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return { endLine: line, endColumn: column + text.length };
  return { endLine: line + lines.length - 1, endColumn: lines[lines.length - 1].length + 1 };
}

/** A short stable fingerprint (FNV-1a), so code-scanning UIs can follow a finding between runs. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
