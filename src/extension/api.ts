/**
 * What `activate` returns (the extension's `exports`): the views' data providers and a few
 * operations, so integration tests can check tree items and run a workspace check with their own
 * cancellation token. Not a stable public API.
 */
import type * as vscode from "vscode";
import type { QuotesTreeProvider } from "./quotesView";
import type { DraftResult } from "./results";
import type { IndexState } from "./sourceIndex";
import type { VerbatimSettings } from "./settings";
import type { SpeakerNode, SpeakersTreeProvider } from "./speakersView";
import type { WorkspaceCheckResult } from "./workspaceCheck";

export interface VerbatimApi {
  quotesView: QuotesTreeProvider;
  speakersView: SpeakersTreeProvider;
  speakersTree: vscode.TreeView<SpeakerNode>;
  checkWorkspace(token: vscode.CancellationToken): Promise<WorkspaceCheckResult>;
  /** The merged settings (defaults < .verbatim.json < explicit settings) for a resource. */
  settings(scope: vscode.Uri): VerbatimSettings;
  /** Creates the writable copy of the sample workspace; its folder. */
  createSample(): Promise<vscode.Uri>;
  /** The index of a folder: progress, and the last build's figures (files tokenized, reused, thread). */
  indexState(folder: vscode.WorkspaceFolder): IndexState | undefined;
  /** Resolves when the folder's index has finished building. */
  indexBuilt(folder: vscode.WorkspaceFolder): Promise<IndexState | undefined>;
  /** The extension host's thread id and the index worker's (undefined until it has started). */
  threads(): { main: number; worker?: number };
  /** The text of the "indexing" status bar item ("" when hidden). */
  indexStatusText(): string;
  /** The stored check of a draft. */
  result(uri: vscode.Uri): DraftResult | undefined;
  /** Testing: forgets every index in memory (a fresh worker), as a restart would. */
  restartIndexing(): Promise<void>;
  /** Testing: the worker waits this long before decoding each source file. */
  setIndexDelay(ms: number): Promise<void>;
}
