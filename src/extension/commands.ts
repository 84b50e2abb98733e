/** Verbatim's commands. */
import * as vscode from "vscode";
import type { DraftChecker } from "./draftChecker";
import { isDraft } from "./drafts";
import { t } from "./l10n";
import type { Log } from "./log";
import { openSource } from "./openSource";
import type { CheckResults } from "./results";
import type { SourceIndex } from "./sourceIndex";
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

export function registerCommands(checker: DraftChecker, index: SourceIndex, results: CheckResults, log: Log): vscode.Disposable[] {
  const guarded = (name: string, fn: (...args: any[]) => unknown) => guardedCommand(log, name, fn);
  return [
    guarded("verbatim.checkDocument", async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isDraft(document)) {
        void vscode.window.showInformationMessage(t("Verbatim: open a draft (Markdown or plain text, outside the source folders) to check it."));
        return;
      }
      await checker.check(document);
    }),
    guarded("verbatim.checkWorkspace", () => checkWorkspaceCommand(checker, log)),
    guarded("verbatim.rebuildIndex", async () => {
      // Everything in memory goes; unchanged files are still not tokenized again (the saved index).
      await index.restart();
      await checker.checkOpen();
      void vscode.window.setStatusBarMessage(t("Verbatim: sources re-read"), 3000);
    }),
    guarded("verbatim.openSource", (args) => openSource(results, args)),
    guarded("verbatim.showLog", () => log.show()),
  ];
}
