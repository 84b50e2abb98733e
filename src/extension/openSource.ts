/**
 * `verbatim.openSource`: opens a source file at a passage (for PDF, Word and HTML, the text
 * Verbatim extracted from it). With no arguments it opens the source of the quote under the
 * cursor. Its arguments come from hover links, so they are validated, not trusted.
 */
import * as vscode from "vscode";
import { extractedUri } from "./extractedText";
import { t } from "./l10n";
import { openArgs, Quotes } from "./quotes";

export interface OpenSourceArgs {
  uri: string;
  start: number;
  end: number;
  /** False when the offsets are in text extracted from the file (PDF, DOCX, HTML). */
  exact?: boolean;
}

export async function openSource(quotes: Quotes, args?: unknown): Promise<boolean> {
  const target = isOpenArgs(args) ? args : underCursor(quotes);
  if (!target) {
    void vscode.window.showInformationMessage(t("Verbatim: put the cursor on a checked quote that has a source to open it."));
    return false;
  }
  const file = vscode.Uri.parse(target.uri, true);
  // A PDF, Word or HTML file: show the text Verbatim read from it, where the offsets hold.
  const uri = target.exact === false ? extractedUri(file) : file;
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
  await vscode.window.showTextDocument(document, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
  return true;
}

function isOpenArgs(a: unknown): a is OpenSourceArgs {
  const o = a as OpenSourceArgs;
  return !!o && typeof o === "object" && typeof o.uri === "string" && Number.isInteger(o.start) && Number.isInteger(o.end) && o.start >= 0 && o.end >= o.start && (o.exact === undefined || typeof o.exact === "boolean");
}

function underCursor(quotes: Quotes): OpenSourceArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  const result = editor && quotes.current(editor.document);
  if (!editor || !result) return undefined;
  const check = Quotes.checkAt(result, editor.document.offsetAt(editor.selection.active));
  return check && openArgs(result, check);
}
