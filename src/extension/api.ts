/**
 * What `activate` returns (the extension's `exports`): the views' data providers and a few
 * operations, so integration tests can check tree items and run a workspace check with their own
 * cancellation token. Not a stable public API.
 */
import type * as vscode from "vscode";
import type { QuotesTreeProvider } from "./quotesView";
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
}
