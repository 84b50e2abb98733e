/** The Quotes view's commands: reveal a quote, open its source, apply its preferred fix, ignore it. */
import * as vscode from "vscode";
import type { FixKind, QuoteFix } from "../core/edits/textEdit";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";
import { guardedCommand } from "./commands";
import { t } from "./l10n";
import type { Log } from "./log";
import { openSource } from "./openSource";
import { openArgs, type Quotes } from "./quotes";
import type { QuoteNode } from "./quotesView";

export function registerQuoteActions(client: VerbatimClient, quotes: Quotes, log: Log): vscode.Disposable[] {
  return [
    guardedCommand(log, "verbatim.quotes.reveal", (uri: unknown, start: unknown, end: unknown) => reveal(uri, start, end)),
    guardedCommand(log, "verbatim.quotes.openSource", (node?: QuoteNode) => {
      const args = node?.type === "quote" && openArgs(node.result, node.check);
      return args ? openSource(quotes, args) : false;
    }),
    guardedCommand(log, "verbatim.quotes.applyFix", (node?: QuoteNode) => applyFix(client, node, (fixes) => fixes.find((f) => f.preferred && !f.disabledReason))),
    guardedCommand(log, "verbatim.quotes.ignore", (node?: QuoteNode) => applyFix(client, node, (fixes) => fixes.find((f) => f.kind === ("ignore" satisfies FixKind)))),
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

/** Applies the fix `pick` chooses to the node's quote, in its draft as it is now (the server computes the fixes). */
async function applyFix(client: VerbatimClient, node: QuoteNode | undefined, pick: (fixes: QuoteFix[]) => QuoteFix | undefined): Promise<boolean> {
  if (node?.type !== "quote") return false;
  const document = await vscode.workspace.openTextDocument(node.uri);
  const fixes = await client.request<QuoteFix[] | null>(P.FIXES, { uri: document.uri.toString(), start: node.check.quote.start, text: node.check.text } satisfies P.FixesParams);
  if (!fixes) {
    void vscode.window.showInformationMessage(t("Verbatim: the draft changed; try again once it has been checked."));
    return false;
  }
  const fix = pick(fixes);
  if (!fix) {
    void vscode.window.showInformationMessage(t("Verbatim: there is no fix to apply to this quote."));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}
