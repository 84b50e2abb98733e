/** Helpers for the integration suite: open fixtures, wait for checks, find text. */
import * as assert from "node:assert";
import * as vscode from "vscode";

export const EXTENSION_ID = "verbatim-dev.verbatim";

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder is open");
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  await ext.activate();
}

export async function openDraft(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Polls until `probe` returns a value that is not undefined/false, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const verbatimDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === "Verbatim");

/** The range of `text` in the document (the first occurrence). */
export function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `the document contains ${JSON.stringify(text)}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>("vscode.executeCodeActionProvider", uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => "title" in a && !("command" in a && typeof a.command === "string"));
}

/** The extension's exports (see src/extension/api.ts). */
export async function verbatimApi(): Promise<import("../../../src/extension/api").VerbatimApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.activate();
}

/** Writes a workspace file (creating folders) and returns its URI. */
export async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export const SCREENSHOTS = process.env.VERBATIM_SCREENSHOTS;

/**
 * Asks the runner (scripts/vscode-test/run.mjs) for a screenshot of the window, when run with
 * VERBATIM_SCREENSHOTS=DIR, and waits until it is written. The extension host cannot call into
 * the browser page, so the request is a console line the runner watches for.
 */
export async function screenshot(name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const { existsSync, rmSync } = await import("node:fs");
  const file = `${SCREENSHOTS}/${name}.png`;
  rmSync(file, { force: true });
  console.log(`[screenshot] ${name}`);
  await waitFor(`screenshot ${name}`, () => existsSync(file), 20000);
}
