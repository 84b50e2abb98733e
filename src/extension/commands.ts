/** Verbatim's commands. */
import * as vscode from "vscode";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";
import { isDraft } from "./drafts";
import { t } from "./l10n";
import type { Log } from "./log";
import { openSource } from "./openSource";
import type { Quotes } from "./quotes";
import { checkWorkspaceCommand } from "./workspaceCheck";

/** Registers a command whose errors are logged and shown, never thrown at the user. */
export function guardedCommand(log: Log, name: string, fn: (...args: any[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(name, async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (e) {
      log.error(name, e);
      void vscode.window.showErrorMessage(t("Verbatim: {0} (see the Verbatim output for details)", String((e as Error).message ?? e)));
      return undefined;
    }
  });
}

/** Checks a document now through the server; resolves once its findings are published. */
export function checkNow(client: VerbatimClient, document: vscode.TextDocument): Promise<P.CheckResultSummary | null> {
  return client.request<P.CheckResultSummary | null>(P.CHECK, { uri: document.uri.toString() } satisfies P.CheckParams);
}

export function registerCommands(client: VerbatimClient, quotes: Quotes, log: Log): vscode.Disposable[] {
  const guarded = (name: string, fn: (...args: any[]) => unknown) => guardedCommand(log, name, fn);
  return [
    guarded("verbatim.checkDocument", async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isDraft(document)) {
        void vscode.window.showInformationMessage(t("Verbatim: open a draft (Markdown or plain text, outside the source folders) to check it."));
        return;
      }
      await checkNow(client, document);
    }),
    guarded("verbatim.checkWorkspace", () => checkWorkspaceCommand(client, log)),
    guarded("verbatim.rebuildIndex", async () => {
      // Everything in memory goes; unchanged files are still not tokenized again (the saved index).
      await client.client.sendRequest("workspace/executeCommand", { command: P.REBUILD_COMMAND, arguments: [] });
      void vscode.window.setStatusBarMessage(t("Verbatim: sources re-read"), 3000);
    }),
    guarded("verbatim.openSource", (args) => openSource(quotes, args)),
    guarded("verbatim.showLog", () => log.show()),
    guarded("verbatim.exportReview", (draft?: unknown, target?: unknown) => exportReview(client, draft, target)),
  ];
}

/**
 * "Export review": writes the draft's review sheet — every quote with its verdict, speakers,
 * source and its metadata, similarity and changed words — as Markdown or CSV (by the file's
 * extension) where the user chooses, the sheet `verbatim check --format markdown|csv` prints.
 * `draft` and `target` (URIs) are for callers that already know them.
 */
async function exportReview(client: VerbatimClient, draftArg: unknown, targetArg: unknown): Promise<string | undefined> {
  const asUri = (v: unknown) => (v instanceof vscode.Uri ? v : typeof v === "string" ? vscode.Uri.parse(v, true) : undefined);
  const document = asUri(draftArg) ? await vscode.workspace.openTextDocument(asUri(draftArg)!) : vscode.window.activeTextEditor?.document;
  if (!document || !isDraft(document)) {
    void vscode.window.showInformationMessage(t("Verbatim: open a draft (Markdown or plain text, outside the source folders) to check it."));
    return undefined;
  }
  let target = asUri(targetArg);
  if (!target) {
    const base = document.uri.path.replace(/\.[^./]*$/, "");
    target = await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: `${base}.review.md` }),
      filters: { [t("Markdown review")]: ["md"], [t("Spreadsheet (CSV)")]: ["csv"] },
      title: t("Export the review of {0}", document.uri.path.split("/").pop() ?? ""),
    });
    if (!target) return undefined;
  }
  const format = /\.csv$/i.test(target.path) ? "csv" : "markdown";
  const answer = await client.client.sendRequest<{ text: string } | null>("workspace/executeCommand", {
    command: P.EXPORT_REVIEW_COMMAND,
    arguments: [{ uri: document.uri.toString(), format } satisfies P.ExportReviewArgs],
  });
  if (!answer) {
    void vscode.window.showInformationMessage(t("Verbatim: this draft has not been checked yet; try again in a moment."));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
  if (format === "markdown" && !targetArg) await vscode.window.showTextDocument(target, { preview: true });
  else if (!targetArg) void vscode.window.showInformationMessage(t("Verbatim: review written to {0}", vscode.workspace.asRelativePath(target)));
  return target.toString();
}
