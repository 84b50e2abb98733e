/**
 * Severities from `.verbatim.json` applied to a report: a kind set to `off` is not reported (and
 * does not fail the run). Kinds, defaults and labels are defined once, in core/findings.ts.
 */
import { type FindingKind, isFindingKind, type Severity, severityOf } from "../core/findings";
import type { ReportJson } from "../core/report/json";

/** The report without findings whose kind is switched off. */
export function dropSilencedFindings(report: ReportJson, severities: Partial<Record<FindingKind, Severity>>): ReportJson {
  const silenced = (kind: string) => isFindingKind(kind) && severityOf(kind, severities) === "off";
  if (!Object.values(severities).includes("off")) return report;
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, quotes: f.quotes.map((q) => ({ ...q, findings: q.findings.filter((x) => !silenced(x.kind)) })) })),
  };
}
