/** Verbatim's commands. */
import * as vscode from "vscode";
import type { DraftChecker } from "./draftChecker";
import { isDraft } from "./drafts";
import type { Log } from "./log";
import { openSource } from "./openSource";
import type { CheckResults } from "./results";
import type { SourceIndex } from "./sourceIndex";

const DRAFT_FILES = "**/*.{md,markdown,txt,text}";
const MAX_DRAFTS = 2000;

export function registerCommands(checker: DraftChecker, index: SourceIndex, results: CheckResults, log: Log): vscode.Disposable[] {
  const guarded = (name: string, fn: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(name, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        log.error(name, e);
        void vscode.window.showErrorMessage(`Verbatim: ${(e as Error).message ?? e} (see the Verbatim output for details)`);
        return undefined;
      }
    });
  return [
    guarded("verbatim.checkDocument", async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isDraft(document)) {
        void vscode.window.showInformationMessage("Verbatim: open a draft (Markdown or plain text, outside the source folders) to check it.");
        return;
      }
      await checker.check(document);
    }),
    guarded("verbatim.checkWorkspace", () => checkWorkspace(checker, log)),
    guarded("verbatim.rebuildIndex", async () => {
      index.invalidate();
      await checker.checkOpen();
      void vscode.window.setStatusBarMessage("Verbatim: sources re-read", 3000);
    }),
    guarded("verbatim.openSource", (args) => openSource(results, args)),
    guarded("verbatim.showLog", () => log.show()),
  ];
}

/** Checks every draft file in the workspace (not only open ones), with a cancellable progress. */
async function checkWorkspace(checker: DraftChecker, log: Log): Promise<number> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Verbatim: checking drafts", cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(DRAFT_FILES, "**/{node_modules,.git}/**", MAX_DRAFTS, token);
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        try {
          const document = await vscode.workspace.openTextDocument(uri);
          if (isDraft(document)) {
            await checker.check(document);
            done++;
          }
        } catch (e) {
          log.error(`checking ${uri.toString()}`, e);
        }
      }
      log.info(`workspace check: ${done} draft(s) checked`);
      return done;
    },
  );
}
