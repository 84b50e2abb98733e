/**
 * "Check Quotes in All Drafts": every draft file of every workspace folder, not only open ones,
 * with progress and cancellation; the server checks each from disk and its findings go to the
 * Problems panel and stay there after the files are closed.
 */
import * as vscode from "vscode";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";
import { t } from "./l10n";
import type { Log } from "./log";

const DRAFT_FILES = "**/*.{md,markdown,txt,text}";
const EXCLUDE = "**/{node_modules,.git,.vscode-test,.verbatim-cache}/**";
const MAX_DRAFTS = 2000;

export interface WorkspaceCheckResult {
  /** Drafts checked. */
  checked: number;
  /** Files found that may be drafts. */
  files: number;
  cancelled: boolean;
}

export async function checkDrafts(client: VerbatimClient, log: Log, token: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string; increment?: number }>): Promise<WorkspaceCheckResult> {
  const files = await vscode.workspace.findFiles(DRAFT_FILES, EXCLUDE, MAX_DRAFTS, token);
  let checked = 0;
  for (const uri of files) {
    if (token.isCancellationRequested) break;
    progress?.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
    try {
      const summary = await client.request<P.CheckResultSummary | null>(P.CHECK, { uri: uri.toString(), fromDisk: true } satisfies P.CheckParams);
      if (summary?.draft) checked++;
    } catch (e) {
      log.error(`checking ${uri.toString()}`, e);
    }
  }
  const cancelled = token.isCancellationRequested;
  log.info(`workspace check: ${checked} of ${files.length} file(s) checked${cancelled ? " (cancelled)" : ""}`);
  return { checked, files: files.length, cancelled };
}

/** The command: a cancellable notification; resolves to the number of drafts checked. */
export async function checkWorkspaceCommand(client: VerbatimClient, log: Log): Promise<number> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t("Verbatim: checking drafts"), cancellable: true }, (progress, token) => checkDrafts(client, log, token, progress));
  if (result.cancelled) void vscode.window.showInformationMessage(t("Verbatim: check cancelled after {0} of {1} files.", result.checked, result.files));
  else void vscode.window.setStatusBarMessage(t("Verbatim: {0} draft(s) checked; findings are in the Problems panel.", result.checked), 5000);
  return result.checked;
}
