/**
 * Where the user guide explains each finding: `docs/editor.md`, shipped inside the extension, so
 * a diagnostic's code opens the explanation offline, in the editor.
 */
import * as vscode from "vscode";

let root: vscode.Uri | undefined;

export function setDocsRoot(extensionUri: vscode.Uri): void {
  root = extensionUri;
}

/** The guide's section on a finding kind (`#misattributed`); undefined before activation. */
export function findingDocs(kind: string): vscode.Uri | undefined {
  return root && vscode.Uri.joinPath(root, "docs", "editor.md").with({ fragment: kind });
}
