/**
 * Verbatim in the editor: checks the quotations of open drafts against the workspace's source
 * documents as the user types, and shows the findings as diagnostics, hovers and quick fixes.
 */
import * as vscode from "vscode";
import { setDocsRoot } from "./docs";
import { EXTRACTED_SCHEME, ExtractedTextProvider } from "./extractedText";
import { QuoteFixProvider } from "./codeActions";
import { registerCommands } from "./commands";
import { Diagnostics } from "./diagnostics";
import { DraftChecker } from "./draftChecker";
import { QuoteHoverProvider } from "./hover";
import { Log } from "./log";
import { CheckResults } from "./results";
import { INDEX_SETTINGS, SECTION } from "./settings";
import { SourceIndex } from "./sourceIndex";
import { SourceWatcher } from "./sourceWatcher";
import { QuoteStatus } from "./statusBar";

export function activate(context: vscode.ExtensionContext): void {
  setDocsRoot(context.extensionUri);
  const log = new Log();
  const results = new CheckResults();
  const index = new SourceIndex(log);
  const checker = new DraftChecker(index, results, log);
  const diagnostics = new Diagnostics(results);
  const watcher = new SourceWatcher((folder) => {
    log.info(`sources of ${folder.name} changed`);
    index.invalidate(folder);
    void checker.checkOpen(folder);
  });
  // Every language: which ones are drafts is a setting, checked per document.
  const everyDocument: vscode.DocumentSelector = [{ scheme: "file" }, { scheme: "untitled" }, { scheme: "vscode-remote" }, { scheme: "vscode-vfs" }];

  context.subscriptions.push(
    log,
    results,
    checker,
    diagnostics,
    watcher,
    new QuoteStatus(results),
    vscode.languages.registerHoverProvider(everyDocument, new QuoteHoverProvider(results, log)),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, new ExtractedTextProvider(index)),
    vscode.languages.registerCodeActionsProvider(everyDocument, new QuoteFixProvider(results, log), QuoteFixProvider.metadata),
    ...registerCommands(checker, index, results, log),
    vscode.workspace.onDidOpenTextDocument((d) => void checker.check(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) checker.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      checker.forget(d);
      results.delete(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const folders = vscode.workspace.workspaceFolders ?? [];
      for (const folder of folders) if (INDEX_SETTINGS.some((s) => e.affectsConfiguration(s, folder))) index.invalidate(folder);
      watcher.watch();
      void checker.checkOpen();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      index.invalidate();
      watcher.watch();
      void checker.checkOpen();
    }),
  );
  log.info(`Verbatim activated for ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(", ") ?? "no folder"}`);
  void checker.checkOpen();
}

export function deactivate(): void {}
