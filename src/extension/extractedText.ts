/**
 * A read-only view of the text Verbatim extracted from a PDF, Word or HTML source, so that
 * "open source" and the Problems panel land on the exact passage even where the file itself has
 * no text positions. The view's URI carries the original file's URI; its content is the text the
 * engine checked, so offsets match.
 */
import * as vscode from "vscode";
import type { SourceIndex } from "./sourceIndex";

export const EXTRACTED_SCHEME = "verbatim-extracted";

/** `verbatim-extracted:/sources/statement.pdf.txt?<original URI>` — named like the file, marked as text. */
export function extractedUri(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: `${original.path} (extracted text)`, query: original.toString() });
}

export class ExtractedTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly index: SourceIndex) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const original = vscode.Uri.parse(uri.query, true);
    const folder = vscode.workspace.getWorkspaceFolder(original);
    const index = folder && (await this.index.get(folder));
    for (const [path, uri] of index?.sources ?? []) {
      if (uri.toString() !== original.toString()) continue;
      const text = await this.index.text(index!, path);
      if (text !== undefined) return text;
    }
    return vscode.l10n.t("Verbatim has no extracted text for {0}: it is not one of this folder's sources.", original.toString());
  }
}
