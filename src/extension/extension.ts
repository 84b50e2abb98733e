/**
 * Verbatim in VS Code: a thin client of the Verbatim language server (diagnostics, hovers, quick
 * fixes and completion all come from the server, as in any LSP editor) plus what only VS Code
 * has — the Quotes and Speakers views, the status bar, the walkthrough (opened on first
 * activation), extracted-text documents and the commands.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import * as P from "../server/protocol";
import { ActiveDraft } from "./activeDraft";
import type { IndexState, VerbatimApi } from "./api";
import { answerPasswordRequests, setArchivePassword } from "./archivePassword";
import { VerbatimClient } from "./client";
import { guardedCommand, registerCommands } from "./commands";
import { createConfig } from "./createConfig";
import { EXTRACTED_SCHEME, ExtractedTextProvider } from "./extractedText";
import { IndexStatus } from "./indexStatus";
import { insertQuote } from "./insertQuote";
import { Log } from "./log";
import { registerQuoteActions } from "./quoteActions";
import { Quotes } from "./quotes";
import { QuotesTreeProvider } from "./quotesView";
import { createSample, openSample, showMisattribution } from "./sample";
import { readSettings, useClient } from "./settings";
import { SpeakersTreeProvider } from "./speakersView";
import { QuoteStatus } from "./statusBar";
import { checkDrafts } from "./workspaceCheck";

const WALKTHROUGH = "verbatim-dev.verbatim#verbatim.firstRun";
const WALKTHROUGH_SHOWN = "verbatim.walkthroughShown";

export async function activate(context: vscode.ExtensionContext): Promise<VerbatimApi> {
  const log = new Log();
  const client = new VerbatimClient(context, log.channel);
  useClient(client);
  const quotes = new Quotes(client);
  const activeDraft = new ActiveDraft();
  const quotesView = new QuotesTreeProvider(quotes, activeDraft);
  const speakersView = new SpeakersTreeProvider(client, activeDraft, log);
  const speakersTree = vscode.window.createTreeView("verbatim.speakers", { treeDataProvider: speakersView, showCollapseAll: true });
  const indexStatus = new IndexStatus(client);
  const command = (name: string, fn: (...args: any[]) => unknown) => guardedCommand(log, name, fn);

  context.subscriptions.push(
    log,
    client,
    quotes,
    activeDraft,
    quotesView,
    speakersView,
    indexStatus,
    new QuoteStatus(client),
    vscode.window.createTreeView("verbatim.quotes", { treeDataProvider: quotesView, showCollapseAll: true }),
    speakersTree,
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, new ExtractedTextProvider(client)),
    ...registerCommands(client, quotes, log),
    ...registerQuoteActions(client, quotes, log),
    command("verbatim.speakers.insertQuote", (node) => insertQuote(node)),
    command("verbatim.speakers.refresh", () => speakersView.refresh()),
    command("verbatim.createConfig", (folder) => createConfig(folder)),
    command("verbatim.openSample", () => openSample(context)),
    command("verbatim.walkthrough.showMisattribution", () => showMisattribution(context, client)),
    command("verbatim.walkthrough.showHover", async () => {
      if (await showMisattribution(context, client)) await vscode.commands.executeCommand("editor.action.showHover");
    }),
    command("verbatim.walkthrough.showFix", async () => {
      if (await showMisattribution(context, client)) await vscode.commands.executeCommand("editor.action.quickFix");
    }),
    command("verbatim.setArchivePassword", (url?: string) => setArchivePassword(context, client, typeof url === "string" ? url : undefined)),
    vscode.workspace.onDidCloseTextDocument((d) => client.forgetCheck(d.uri)),
  );
  answerPasswordRequests(context, client);
  await client.start();
  log.info(`Verbatim activated for ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(", ") ?? "no folder"}`);
  void openWalkthroughOnce(context);

  const stateOf = (folder: vscode.WorkspaceFolder): IndexState | undefined => {
    const s = client.indexOf(folder.uri.fsPath) ?? client.indexOf(path.resolve(folder.uri.fsPath));
    return s && { building: s.building, percent: s.percent, progress: s.progress, stats: s.stats && { ...s.stats, threadId: s.stats.pid } };
  };
  return {
    quotesView,
    speakersView,
    speakersTree,
    checkWorkspace: (token) => checkDrafts(client, log, token),
    settings: (scope) => readSettings(scope),
    createSample: () => createSample(context),
    indexState: stateOf,
    indexBuilt: async (folder) => {
      const s = await client.request<P.IndexStateResult>(P.INDEX_STATE, { uri: folder.uri.toString(), wait: true } satisfies P.IndexStateParams);
      if (s.stats) client.serverPid = s.stats.pid;
      return { building: s.building, percent: s.percent, progress: s.progress, stats: s.stats && { ...s.stats, threadId: s.stats.pid } };
    },
    threads: () => ({ main: process.pid, worker: client.serverPid }),
    indexStatusText: () => indexStatus.text,
    result: (uri) => client.lastCheck(uri),
    restartIndexing: async (options) => {
      await client.request(P.RESTART, { fresh: options?.fresh === true });
    },
    setIndexDelay: async (ms) => {
      await client.request(P.SET_DELAY, { ms });
    },
  };
}

/** The walkthrough opens by itself once, on the first activation (not in test runs, where it would take the editor's focus). */
async function openWalkthroughOnce(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get(WALKTHROUGH_SHOWN) || context.extensionMode === vscode.ExtensionMode.Test) return;
  await context.globalState.update(WALKTHROUGH_SHOWN, true);
  await vscode.commands.executeCommand("workbench.action.openWalkthrough", WALKTHROUGH, false);
}

export function deactivate(): void {}


