/** A draft's findings as LSP diagnostics: one per finding and quote piece, on the quoted words. */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { type Diagnostic, DiagnosticSeverity } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Severity } from "../core/findings";
import type { Translate } from "../core/translate";
import { showInvisible } from "../core/text/visible";
import { findingMessage } from "./findingText";
import { passageLocation } from "./places";
import type { DraftResult } from "./results";

export const DIAGNOSTIC_SOURCE = "Verbatim";

/** The user guide shipped beside the server explains each finding kind (offline, in the editor). */
const DOCS = pathToFileURL(path.join(__dirname, "..", "docs", "editor.md")).toString();

export function lspSeverity(s: Severity): DiagnosticSeverity | undefined {
  switch (s) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    case "information":
      return DiagnosticSeverity.Information;
    case "hint":
      return DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}

export function toDiagnostics(doc: TextDocument, r: DraftResult, t: Translate, extractedText: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of r.checks) {
    for (const finding of check.findings) {
      const severity = lspSeverity(r.entry.effective.severity[finding.kind]);
      if (severity === undefined) continue;
      const related = check.source && passageLocation(r, check.source, extractedText);
      const sourceInfo = related && check.source ? [{ location: related, message: relatedMessage(check.source.text, check.source.sourceQuote?.speaker?.name, t) }] : [];
      const base = { message: showInvisible(findingMessage(check, finding, t)), severity, source: DIAGNOSTIC_SOURCE, code: finding.kind, codeDescription: { href: `${DOCS}#${finding.kind}` } };
      const rangeOf = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
      if (finding.kind === "misquoted" && finding.ranges?.length) {
        // On the changed words; the whole quotation (and the source passage) as related information.
        const whole = check.quote.pieces.map((p) => ({ location: { uri: doc.uri, range: rangeOf(p.start, p.end) }, message: t("The whole quotation") }));
        for (const range of finding.ranges) out.push({ range: rangeOf(range.start, range.end), ...base, relatedInformation: [...whole, ...sourceInfo] });
        continue;
      }
      for (const piece of check.quote.pieces) out.push({ range: rangeOf(piece.start, piece.end), ...base, ...(sourceInfo.length ? { relatedInformation: sourceInfo } : {}) });
    }
  }
  return out;
}

function relatedMessage(passage: string, speaker: string | undefined, t: Translate): string {
  const text = showInvisible(passage).replace(/\s+/g, " ");
  const shown = text.length > 160 ? text.slice(0, 157) + "…" : text;
  return speaker ? t("Source ({0}): “{1}”", speaker, shown) : t("Source: “{0}”", shown);
}
