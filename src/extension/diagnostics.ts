/**
 * Findings as diagnostics: one per finding on each piece of the quoted words, coded by kind
 * (linking to the docs), with the source passage as related information.
 */
import * as vscode from "vscode";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import { findingDocs } from "./docs";
import { findingMessage } from "./findingText";
import { t } from "./l10n";
import type { CheckResults, DraftResult } from "./results";
import { readSettings, toSeverity } from "./settings";
import { passageLocation } from "./sourceLocation";

export const DIAGNOSTIC_SOURCE = "Verbatim";

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("verbatim");
  private readonly subscription: vscode.Disposable;

  constructor(private readonly results: CheckResults) {
    this.subscription = results.onDidChange((uri) => this.refresh(uri));
  }

  refresh(uri: vscode.Uri): void {
    const result = this.results.latest(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!result || !document || document.version !== result.version) {
      if (!result) this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, toDiagnostics(document, result));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

export function toDiagnostics(document: vscode.TextDocument, result: DraftResult): vscode.Diagnostic[] {
  const settings = readSettings(document.uri);
  const out: vscode.Diagnostic[] = [];
  for (const check of result.checks) {
    for (const finding of check.findings) {
      const severity = toSeverity(settings.severity[finding.kind]);
      if (severity === undefined) continue;
      for (const piece of check.quote.pieces) {
        const range = new vscode.Range(document.positionAt(piece.start), document.positionAt(piece.end));
        const d = new vscode.Diagnostic(range, findingMessage(check, finding, t), severity);
        d.source = DIAGNOSTIC_SOURCE;
        const docs = findingDocs(finding.kind);
        d.code = docs ? { value: finding.kind, target: docs } : finding.kind;
        const related = relatedPassage(result, check);
        if (related) d.relatedInformation = [related];
        out.push(d);
      }
    }
  }
  return out;
}

function relatedPassage(result: DraftResult, check: PlainQuoteCheck): vscode.DiagnosticRelatedInformation | undefined {
  if (!check.source) return undefined;
  const location = passageLocation(result.index, check.source);
  if (!location) return undefined;
  const speaker = check.source.sourceQuote?.speaker?.name;
  const text = check.source.text.replace(/\s+/g, " ");
  const shown = text.length > 160 ? text.slice(0, 157) + "…" : text;
  return new vscode.DiagnosticRelatedInformation(location, speaker ? t("Source ({0}): “{1}”", speaker, shown) : t("Source: “{0}”", shown));
}
