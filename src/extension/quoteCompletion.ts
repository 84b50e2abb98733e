/**
 * Quote completion: inside an open quote mark in a draft, the first words of a sentence the
 * sources have complete to its exact remaining words, with the speaker and source file shown.
 * Lookup runs in the index worker (core/sources/complete.ts). Source text is
 * untrusted: the documentation is escaped Markdown, no HTML, no commands.
 */
import * as vscode from "vscode";
import { openQuoteAt } from "../core/sources/complete";
import { folderOf, isDraft } from "./drafts";
import { t } from "./l10n";
import type { Log } from "./log";
import { escapeMarkdown } from "./markdownEscape";
import type { SourceIndex } from "./sourceIndex";
import { placeLabel } from "./sourcePlace";

/** Typing these re-asks for completions (Markdown has no quick suggestions by default). */
export const COMPLETION_TRIGGERS = [" ", '"', "“", "«", "„"];
/** Look back at most this far for the opening quote mark. */
const MAX_TYPED = 400;

export class QuoteCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly index: SourceIndex,
    private readonly log: Log,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    try {
      if (!isDraft(document)) return undefined;
      const offset = document.offsetAt(position);
      const from = Math.max(0, offset - MAX_TYPED);
      const before = document.getText(new vscode.Range(document.positionAt(from), position));
      const open = openQuoteAt(before, before.length);
      if (open < 0) return undefined;
      const typed = before.slice(open);
      const folder = folderOf(document.uri);
      const index = folder && (await this.index.get(folder));
      if (!index || token.isCancellationRequested) return undefined;
      const found = await this.index.complete(index, typed);
      if (token.isCancellationRequested) return undefined;
      const typedStart = offset - typed.length;
      const items = found.map((c, rank) => {
        const range = new vscode.Range(document.positionAt(typedStart + c.replaceFrom), position);
        const speaker = c.speaker;
        const place = placeLabel(c.place);
        const where = place ? `${c.path}, ${place}` : c.path;
        const label = c.text.length > 60 ? c.text.slice(0, 59) + "…" : c.text;
        const item = new vscode.CompletionItem({ label, description: speaker ? speaker.name : where }, vscode.CompletionItemKind.Text);
        item.insertText = c.text;
        item.range = range;
        // Whatever is typed in the range is kept as the filter's prefix, so the item survives filtering.
        item.filterText = typed.slice(c.replaceFrom) + c.text;
        item.sortText = String(rank).padStart(4, "0");
        item.detail = speaker ? t("{0} — {1}", speaker.name, where) : t("Source: {0}", where);
        item.documentation = documentation(c.passage, speaker, where);
        return item;
      });
      return new vscode.CompletionList(items, true);
    } catch (e) {
      this.log.error("quote completion", e);
      return undefined;
    }
  }
}

function documentation(passage: string, speaker: { name: string; role?: string; organization?: string } | undefined, where: string): vscode.MarkdownString {
  const lines = [`> ${escapeMarkdown(passage)}`];
  if (speaker) {
    const details = [speaker.role, speaker.organization].filter((x): x is string => !!x).map(escapeMarkdown).join(", ");
    lines.push(t("Spoken by {0} according to the source.", `**${escapeMarkdown(speaker.name)}**${details ? ` (${details})` : ""}`));
  } else lines.push(t("The source does not say who spoke these words."));
  lines.push(escapeMarkdown(where));
  const md = new vscode.MarkdownString(lines.join("\n\n"));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
