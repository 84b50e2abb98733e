/**
 * Severities from `.verbatim.json`: a kind set to `off` is not reported (and does not fail the
 * run); the others choose the label of the text output and the SARIF level.
 */
import type { ReportJson } from "../core/report/json";
import type { FindingKind, Severity } from "./config";

export const DEFAULT_SEVERITY: Record<FindingKind, Severity> = { misattributed: "error", misquoted: "warning", unsourced: "information" };

export function severityOf(kind: string, severities: Partial<Record<FindingKind, Severity>>): Severity {
  return severities[kind as FindingKind] ?? DEFAULT_SEVERITY[kind as FindingKind] ?? "information";
}

/** The report without findings whose kind is switched off. */
export function dropSilencedFindings(report: ReportJson, severities: Partial<Record<FindingKind, Severity>>): ReportJson {
  const silenced = (kind: string) => severityOf(kind, severities) === "off";
  if (!Object.values(severities).includes("off")) return report;
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, quotes: f.quotes.map((q) => ({ ...q, findings: q.findings.filter((x) => !silenced(x.kind)) })) })),
  };
}

export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}
