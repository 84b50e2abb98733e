/**
 * A read-only view of the text Verbatim extracted from a PDF, Word or HTML source, so that
 * "open source" and the Problems panel land on the exact passage even where the file itself has
 * no text positions. The view's URI carries the original file's URI; its content is the text the
 * server checked (`verbatim/sourceText`), so offsets match.
 */
import * as vscode from "vscode";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";

export const EXTRACTED_SCHEME = P.EXTRACTED_SCHEME;

/** `verbatim-extracted:/sources/statement.pdf (extracted text)?<original URI>` — named like the file, marked as text. */
export function extractedUri(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: `${original.path} (extracted text)`, query: original.toString() });
}

export class ExtractedTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: VerbatimClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const original = vscode.Uri.parse(uri.query, true);
    const text = await this.client.request<string | null>(P.SOURCE_TEXT, { uri: original.toString() } satisfies P.SourceTextParams);
    return text ?? vscode.l10n.t("Verbatim has no extracted text for {0}: it is not one of this folder's sources.", original.toString());
  }
}
