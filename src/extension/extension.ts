/**
 * Verbatim in the editor: checks the quotations of open drafts against the workspace's source
 * documents as the user types, and shows the findings as diagnostics, hovers and quick fixes;
 * the Quotes and Speakers views, quote completion and the first-run walkthrough build on that.
 */
import * as vscode from "vscode";
import { ActiveDraft } from "./activeDraft";
import type { VerbatimApi } from "./api";
import { QuoteFixProvider } from "./codeActions";
import { guardedCommand, registerCommands } from "./commands";
import { createConfig } from "./createConfig";
import { Diagnostics } from "./diagnostics";
import { setDocsRoot } from "./docs";
import { DraftChecker } from "./draftChecker";
import { EXTRACTED_SCHEME, ExtractedTextProvider } from "./extractedText";
import { QuoteHoverProvider } from "./hover";
import { insertQuote } from "./insertQuote";
import { Log } from "./log";
import { loadAllProjectFiles, loadProjectFile } from "./projectFiles";
import { registerQuoteActions } from "./quoteActions";
import { COMPLETION_TRIGGERS, QuoteCompletionProvider } from "./quoteCompletion";
import { QuotesTreeProvider } from "./quotesView";
import { CheckResults } from "./results";
import { createSample, openSample, showMisattribution } from "./sample";
import { INDEX_SETTINGS, readSettings, SECTION } from "./settings";
import { IndexStatus } from "./indexStatus";
import { SourceIndex } from "./sourceIndex";
import { SourceWatcher } from "./sourceWatcher";
import { SpeakersTreeProvider } from "./speakersView";
import { QuoteStatus } from "./statusBar";
import { checkDrafts, workspaceChecked } from "./workspaceCheck";

export async function activate(context: vscode.ExtensionContext): Promise<VerbatimApi> {
  setDocsRoot(context.extensionUri);
  const log = new Log();
  await loadAllProjectFiles(log);
  const results = new CheckResults();
  const index = new SourceIndex(log, vscode.Uri.joinPath(context.extensionUri, "dist", "indexWorker.js").fsPath, context.storageUri ?? context.globalStorageUri);
  const indexStatus = new IndexStatus(index);
  const checker = new DraftChecker(index, results, log);
  const diagnostics = new Diagnostics(results);
  const activeDraft = new ActiveDraft();
  const quotesView = new QuotesTreeProvider(results, activeDraft);
  const speakersView = new SpeakersTreeProvider(index, results, activeDraft, log);
  const speakersTree = vscode.window.createTreeView("verbatim.speakers", { treeDataProvider: speakersView, showCollapseAll: true });
  const watcher = new SourceWatcher(async (folder) => {
    log.info(`sources or .verbatim.json of ${folder.name} changed`);
    await loadProjectFile(folder, log);
    watcher.watch(); // the project file may name other sources
    index.invalidate(folder);
    speakersView.refresh();
    void checker.checkOpen(folder);
  });
  // Every language: which ones are drafts is a setting, checked per document.
  const everyDocument: vscode.DocumentSelector = [{ scheme: "file" }, { scheme: "untitled" }, { scheme: "vscode-remote" }, { scheme: "vscode-vfs" }];
  const command = (name: string, fn: (...args: any[]) => unknown) => guardedCommand(log, name, fn);

  context.subscriptions.push(
    log,
    index,
    indexStatus,
    index.onDidBuild((stats) => void checker.recheckPartial(stats.folder)),
    results,
    checker,
    diagnostics,
    watcher,
    activeDraft,
    quotesView,
    speakersView,
    new QuoteStatus(results),
    vscode.window.createTreeView("verbatim.quotes", { treeDataProvider: quotesView, showCollapseAll: true }),
    speakersTree,
    vscode.languages.registerHoverProvider(everyDocument, new QuoteHoverProvider(results, log)),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, new ExtractedTextProvider(index)),
    vscode.languages.registerCodeActionsProvider(everyDocument, new QuoteFixProvider(results, log), QuoteFixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(everyDocument, new QuoteCompletionProvider(index, log), ...COMPLETION_TRIGGERS),
    ...registerCommands(checker, index, results, log),
    ...registerQuoteActions(results, log),
    command("verbatim.speakers.insertQuote", (node) => insertQuote(node)),
    command("verbatim.speakers.refresh", () => speakersView.refresh()),
    command("verbatim.createConfig", (folder) => createConfig(folder)),
    command("verbatim.openSample", () => openSample(context)),
    command("verbatim.walkthrough.showMisattribution", () => showMisattribution(context, checker, results)),
    command("verbatim.walkthrough.showHover", async () => {
      if (await showMisattribution(context, checker, results)) await vscode.commands.executeCommand("editor.action.showHover");
    }),
    command("verbatim.walkthrough.showFix", async () => {
      if (await showMisattribution(context, checker, results)) await vscode.commands.executeCommand("editor.action.quickFix");
    }),
    vscode.workspace.onDidOpenTextDocument((d) => void checker.check(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) checker.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      checker.forget(d);
      // A saved draft from a workspace check keeps its findings in Problems; others go with the editor.
      if (workspaceChecked.has(d.uri.toString()) && !d.isDirty) results.detach(d.uri);
      else results.delete(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const folders = vscode.workspace.workspaceFolders ?? [];
      for (const folder of folders) if (INDEX_SETTINGS.some((s) => e.affectsConfiguration(s, folder))) index.invalidate(folder);
      watcher.watch();
      speakersView.refresh();
      void checker.checkOpen();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(async () => {
      await loadAllProjectFiles(log);
      index.invalidate();
      watcher.watch();
      void checker.checkOpen();
    }),
  );
  log.info(`Verbatim activated for ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(", ") ?? "no folder"}`);
  void checker.checkOpen();
  return {
    quotesView,
    speakersView,
    speakersTree,
    checkWorkspace: (token) => checkDrafts(checker, log, token),
    settings: (scope) => readSettings(scope),
    createSample: () => createSample(context),
    indexState: (folder) => index.state(folder),
    indexBuilt: (folder) => index.built(folder),
    threads: () => ({ main: index.mainThreadId, worker: index.workerThreadId }),
    indexStatusText: () => indexStatus.text,
    result: (uri) => results.latest(uri),
    restartIndexing: () => index.restart(),
    setIndexDelay: (ms) => index.setDelay(ms),
  };
}

export function deactivate(): void {}
