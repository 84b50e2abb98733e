/**
 * The first-run walkthrough's commands. The sample workspace ships inside the extension
 * (`sample/`); it is copied to the extension's global storage, so the reader can edit it
 * without touching the installed extension, and opened as a folder. The other steps open the
 * sample draft at its misattributed quote and show its hover or its quick fixes.
 */
import * as vscode from "vscode";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";
import { checkNow } from "./commands";
import { fileExists } from "./fileExists";
import { t } from "./l10n";

const SAMPLE_DRAFT = "drafts/harbour-strike.md";

/** The writable copy of the sample workspace, created (from the shipped one) when missing. */
export async function createSample(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(context.globalStorageUri, "sample");
  if (!(await fileExists(vscode.Uri.joinPath(target, SAMPLE_DRAFT)))) {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, "sample"), target, { overwrite: true });
  }
  return target;
}

export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const folder = await createSample(context);
  await vscode.commands.executeCommand("vscode.openFolder", folder, { forceNewWindow: false });
}

/** Opens the sample draft (the open workspace's, else the copy's) with the misattributed quote selected. */
export async function showMisattribution(context: vscode.ExtensionContext, client: VerbatimClient): Promise<vscode.TextEditor | undefined> {
  const inWorkspace = await Promise.all((vscode.workspace.workspaceFolders ?? []).map(async (f) => ((await fileExists(vscode.Uri.joinPath(f.uri, SAMPLE_DRAFT))) ? f.uri : undefined)));
  const root = inWorkspace.find((u) => u) ?? (await createSample(context));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, SAMPLE_DRAFT));
  const editor = await vscode.window.showTextDocument(document);
  await checkNow(client, document);
  const result = await client.request<P.QuotesResult | null>(P.QUOTES, { uri: document.uri.toString() } satisfies P.QuotesParams);
  const check = result?.checks.find((c) => c.verdict === "misattributed");
  if (!check) {
    void vscode.window.showInformationMessage(t("Verbatim: open the sample workspace first, so its sources can be read."));
    return editor;
  }
  const piece = check.quote.pieces[0];
  const at = document.positionAt(piece.start + 1);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  return editor;
}

