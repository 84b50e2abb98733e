/**
 * What `activate` returns (the extension's `exports`): the views' data providers and a few
 * operations, so integration tests can check tree items, run a workspace check with their own
 * cancellation token and follow the language server's index. Not a stable public API.
 */
import type * as vscode from "vscode";
import type { BuildStats, Readiness } from "../core/service";
import type { QuotesTreeProvider } from "./quotesView";
import type { VerbatimSettings } from "./settings";
import type { SpeakerNode, SpeakersTreeProvider } from "./speakersView";
import type { WorkspaceCheckResult } from "./workspaceCheck";

/** A project's index as the server reported it; `threadId` is the id of the process holding the index (the language server's). */
export interface IndexState {
  building: boolean;
  percent: number;
  progress: number[];
  stats?: BuildStats & { threadId: number };
}

export interface DraftCheckState {
  version: number;
  quotes: number;
  problems: number;
  /** The build of the index that answered (0: a partial index while the first build runs). */
  build: number;
  partial?: Readiness;
}

export interface VerbatimApi {
  quotesView: QuotesTreeProvider;
  speakersView: SpeakersTreeProvider;
  speakersTree: vscode.TreeView<SpeakerNode>;
  checkWorkspace(token: vscode.CancellationToken): Promise<WorkspaceCheckResult>;
  /** The merged settings (defaults < .verbatim.json < explicit settings) for a resource. */
  settings(scope: vscode.Uri): VerbatimSettings;
  /** Creates the writable copy of the sample workspace; its folder. */
  createSample(): Promise<vscode.Uri>;
  /** The index of the folder's project: progress, and the last build's figures. */
  indexState(folder: vscode.WorkspaceFolder): IndexState | undefined;
  /** Resolves when the folder's index has finished building. */
  indexBuilt(folder: vscode.WorkspaceFolder): Promise<IndexState | undefined>;
  /** The extension host's process id and the language server's (undefined until it has reported). */
  threads(): { main: number; worker?: number };
  /** The text of the "indexing" status bar item ("" when hidden). */
  indexStatusText(): string;
  /** The last check of a draft. */
  result(uri: vscode.Uri): DraftCheckState | undefined;
  /** Testing: forgets every index in memory, as a restart of the server would; `fresh` also deletes the saved indexes (a first open). */
  restartIndexing(options?: { fresh?: boolean }): Promise<void>;
  /** Testing: the server waits this long before reading each source file. */
  setIndexDelay(ms: number): Promise<void>;
}
