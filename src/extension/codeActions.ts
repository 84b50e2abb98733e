/** Quick fixes for checked quotes; the edits themselves are computed in core/edits. */
import * as vscode from "vscode";
import { quoteFixes } from "../core/edits/fixes";
import type { QuoteFix } from "../core/edits/textEdit";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { fixText } from "./findingText";
import { t } from "./l10n";
import { hoverSource } from "./hover";
import type { Log } from "./log";
import type { CheckResults } from "./results";

export class QuoteFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly results: CheckResults,
    private readonly log: Log,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
      const result = this.results.current(document);
      if (!result) return [];
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      const checks = result.checks.filter((c) => c.verdict !== "ignored" && c.quote.pieces.some((p) => p.start - 1 <= to && from <= p.end + 1));
      const text = document.getText();
      const markdown = document.languageId === "markdown";
      return checks.flatMap((check) => {
        const source = hoverSource(result, check);
        const fixes = quoteFixes(text, check, {
          markdown,
          ignoreMarker: result.index.ignoreMarker,
          citation: source && { label: source.label, place: source.place },
        });
        const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && onQuote(document, d, check));
        return fixes.map((fix) => toAction(document, { ...fix, ...fixText(fix, check, source?.label, t) }, diagnostics));
      });
    } catch (e) {
      this.log.error("code actions", e);
      return [];
    }
  }
}

function onQuote(document: vscode.TextDocument, d: vscode.Diagnostic, check: PlainQuoteCheck): boolean {
  const start = document.offsetAt(d.range.start);
  return check.quote.pieces.some((p) => p.start === start);
}

function toAction(document: vscode.TextDocument, fix: QuoteFix, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  const kinds: Record<string, string[]> = { attribute: ["misattributed"], wording: ["misquoted"] };
  const related = diagnostics.filter((d) => {
    const code = typeof d.code === "object" ? String(d.code.value) : String(d.code);
    return (kinds[fix.kind] ?? [code]).includes(code);
  });
  if (related.length) action.diagnostics = related;
  if (fix.disabledReason) {
    action.disabled = { reason: fix.disabledReason };
    return action;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  action.edit = edit;
  action.isPreferred = fix.preferred === true;
  return action;
}
