/**
 * Linter-style output: `file:line:col  severity  message  [kind]`, one line a finding, so that
 * editors and CI problem matchers can read it. Every piece of text that comes from a file (names,
 * passages, speakers, metadata) goes through `oneLine`: a line break in a hard-wrapped passage
 * cannot split a finding, a forged `draft.md:1:1  error …` inside a source cannot stand as a line
 * of its own, and no terminal escape (clear screen, OSC 8 link) or bidirectional control reaches
 * the terminal.
 */
import { sourceCredit } from "../core/formats/metadata";
import type { QuoteJson, ReportJson } from "../core/report/json";
import { type FindingKind, type Severity, severityOf, textLabel } from "../core/findings";
import { oneLine } from "../core/text/visible";

export function formatText(report: ReportJson, options: { verbose: boolean; color: boolean; severities?: Partial<Record<FindingKind, Severity>> }): string {
  const out: string[] = [];
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const colorOf: Record<string, string> = { error: "31", warning: "33", info: "36" };
  for (const file of report.files) {
    for (const q of file.quotes) {
      const where = `${oneLine(file.file)}:${q.line}:${q.column}`;
      for (const f of q.findings) {
        const severity = textLabel(severityOf(f.kind as FindingKind, options.severities ?? {}));
        out.push(`${where}  ${paint(colorOf[severity], severity.padEnd(7))}  ${oneLine(f.message)}  [${f.kind}]`);
      }
      if (options.verbose && q.findings.length === 0) {
        const place = q.source && (q.source.region ? `${q.source.file} (${q.source.region})` : `${q.source.file}:${q.source.line}`);
        const src = q.source ? ` — ${place}${q.source.speaker ? `, ${q.source.speaker}` : ""}` : "";
        out.push(`${where}  ${paint("32", "ok     ")}  ${oneLine(`“${shorten(oneLine(q.text))}” ${q.speaker ? `(${q.speaker})` : ""} ${q.verdict}${src}`)}`);
      }
      const credit = q.findings.length || options.verbose ? sourceLine(q) : undefined;
      if (credit) out.push(paint("2", credit));
    }
  }
  const s = report.summary;
  const unclear = s["speaker-unclear"] ?? 0;
  const problems = s.misattributed + s.misquoted + s.unsourced + unclear;
  out.push(
    `${s.quotes} quote${s.quotes === 1 ? "" : "s"} checked: ${s.verified} verified, ${s.misattributed} misattributed, ${s.misquoted} misquoted, ${s.unsourced} unsourced` +
      (unclear ? `, ${unclear} with the speaker unclear` : "") +
      (problems === 0 ? paint("32", " — all clear") : ""),
  );
  return out.join("\n");
}

/** `    source: Outlet, “Headline,” March 11, 2025 <https://…>` under a quote whose source is known by more than its file. */
function sourceLine(q: QuoteJson): string | undefined {
  if (!q.source) return undefined;
  const credit = sourceCredit({ title: q.source.title ?? undefined, outlet: q.source.outlet ?? undefined, date: q.source.date ?? undefined });
  if (!credit && !q.source.url) return undefined;
  return `    source: ${oneLine([credit, q.source.url && `<${q.source.url}>`].filter(Boolean).join(" "))}`;
}

function shorten(s: string): string {
  return s.length > 70 ? s.slice(0, 67) + "…" : s;
}
