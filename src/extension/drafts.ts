/** Which documents are drafts to check: the configured languages, not a source themselves (as the server decides). */
import * as vscode from "vscode";
import { readSettings } from "./settings";

const SCHEMES = new Set(["file", "untitled"]);

/** The workspace folder a document is checked in: its own, else the first one. */
export function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
}

export function isDraft(document: vscode.TextDocument): boolean {
  if (!SCHEMES.has(document.uri.scheme)) return false;
  const folder = folderOf(document.uri);
  const settings = readSettings(folder ?? document.uri);
  if (!settings.languages.includes(document.languageId)) return false;
  if (!folder || document.uri.scheme === "untitled") return true;
  return !settings.sources.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0);
}
