/**
 * "Verbatim: Create .verbatim.json": a starter project file in a workspace folder — only when
 * the folder has none; an existing file is opened, never overwritten.
 */
import * as vscode from "vscode";
import { fileExists } from "./fileExists";
import { t } from "./l10n";
const PROJECT_CONFIG = ".verbatim.json";

export const STARTER_CONFIG = {
  sources: ["sources"],
  aliases: {},
  ignoreMarker: "verbatim-ignore",
  ignoredQuotes: [],
  severities: { misattributed: "error", misquoted: "warning", unsourced: "information", "speaker-unclear": "information" },
  thresholds: { misquoteSimilarity: 0.6 },
};

/** Resolves to the file's URI when it was created, undefined when it existed or no folder was chosen. */
export async function createConfig(folderArg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(folderArg);
  if (!folder) {
    void vscode.window.showInformationMessage(t("Verbatim: open a folder first; .verbatim.json goes at its root."));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG);
  if (await fileExists(uri)) {
    void vscode.window.showInformationMessage(t("Verbatim: {0} already has a .verbatim.json; it was left as it is.", folder.name));
    await vscode.window.showTextDocument(uri);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(STARTER_CONFIG, null, 2) + "\n"));
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function pickFolder(arg: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: t("Which folder gets the .verbatim.json?") });
}

