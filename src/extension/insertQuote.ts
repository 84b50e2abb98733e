/**
 * "Insert Quote" (Speakers view): the source quotation's exact words with a correct attribution
 * at the cursor of the draft — `"…," Jane Doe said.` — plus a citation when
 * `verbatim.insertCitation` is on. One editor edit, so one undo takes it back.
 */
import * as vscode from "vscode";
import { insertQuoteEdits } from "../core/edits/insertQuote";
import { attributionName } from "../core/sources/speakers";
import { isDraft } from "./drafts";
import { t } from "./l10n";
import { readSettings } from "./settings";
import type { SpeakerNode } from "./speakersView";
import { placeLabel } from "./sourcePlace";

export async function insertQuote(node: SpeakerNode | undefined): Promise<boolean> {
  if (node?.type !== "sourceQuote") return false;
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => isDraft(e.document));
  if (!editor || !isDraft(editor.document)) {
    void vscode.window.showInformationMessage(t("Verbatim: put the cursor in a draft to insert a quote there."));
    return false;
  }
  const document = editor.document;
  const { quote } = node;
  // Cited as "Add citation" cites: the outlet, headline, date and link when the source says them.
  const citation = readSettings(document.uri).insertCitation ? { label: quote.path, place: placeLabel(quote.place), metadata: quote.metadata } : undefined;
  const sel = editor.selection;
  const edits = insertQuoteEdits(document.getText(), { start: document.offsetAt(sel.start), end: document.offsetAt(sel.end) }, quote.text, attributionName(node.speaker), {
    markdown: document.languageId === "markdown",
    citation,
  });
  const ok = await editor.edit((b) => {
    for (const e of edits) b.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  });
  if (ok) await vscode.window.showTextDocument(document, editor.viewColumn);
  return ok;
}
