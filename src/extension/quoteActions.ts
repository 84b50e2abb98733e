/** The Quotes view's commands: reveal a quote, open its source, apply its preferred fix, ignore it. */
import * as vscode from "vscode";
import { quoteFixes } from "../core/edits/fixes";
import type { FixKind, QuoteFix } from "../core/edits/textEdit";
import { guardedCommand } from "./commands";
import { hoverSource } from "./hover";
import { t } from "./l10n";
import type { Log } from "./log";
import { openSource } from "./openSource";
import type { QuoteNode } from "./quotesView";
import { CheckResults } from "./results";

export function registerQuoteActions(results: CheckResults, log: Log): vscode.Disposable[] {
  return [
    guardedCommand(log, "verbatim.quotes.reveal", (uri: unknown, start: unknown, end: unknown) => reveal(uri, start, end)),
    guardedCommand(log, "verbatim.quotes.openSource", (node?: QuoteNode) => {
      const source = node?.type === "quote" && hoverSource(node.result, node.check);
      return source ? openSource(results, source.open) : false;
    }),
    guardedCommand(log, "verbatim.quotes.applyFix", (node?: QuoteNode) => applyFix(results, node, (fixes) => fixes.find((f) => f.preferred && !f.disabledReason))),
    guardedCommand(log, "verbatim.quotes.ignore", (node?: QuoteNode) => applyFix(results, node, (fixes) => fixes.find((f) => f.kind === ("ignore" satisfies FixKind)))),
  ];
}

async function reveal(uri: unknown, start: unknown, end: unknown): Promise<boolean> {
  if (typeof uri !== "string" || !Number.isInteger(start) || !Number.isInteger(end)) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  const range = new vscode.Range(document.positionAt(start as number), document.positionAt(end as number));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Applies the fix `pick` chooses to the node's quote, in its draft as it is now. */
async function applyFix(results: CheckResults, node: QuoteNode | undefined, pick: (fixes: QuoteFix[]) => QuoteFix | undefined): Promise<boolean> {
  if (node?.type !== "quote") return false;
  const document = await vscode.workspace.openTextDocument(node.uri);
  const result = results.current(document);
  // The node may be from an older version of the draft: find the same quote in the current result.
  const check = result?.checks.find((c) => c.quote.start === node.check.quote.start && c.text === node.check.text);
  if (!result || !check) {
    void vscode.window.showInformationMessage(t("Verbatim: the draft changed; try again once it has been checked."));
    return false;
  }
  const source = hoverSource(result, check);
  const fixes = quoteFixes(document.getText(), check, {
    markdown: document.languageId === "markdown",
    ignoreMarker: result.index.ignoreMarker,
    citation: source && { label: source.label, place: source.place },
  });
  const fix = pick(fixes);
  if (!fix) {
    void vscode.window.showInformationMessage(t("Verbatim: there is no fix to apply to this quote."));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}
