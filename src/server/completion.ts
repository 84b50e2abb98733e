/**
 * Quote completion: inside an open quote mark in a draft, the typed words complete to the exact
 * remaining words of a source quotation or transcript turn whose speaker the source names (never
 * narration, a headline or a caption), best match first, with the speaker, outlet and date in the
 * detail. Source text is untrusted: the documentation is escaped Markdown.
 */
import { type CancellationToken, type CompletionItem, CompletionItemKind, type CompletionList, MarkupKind, type Position } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { openQuoteAt } from "../core/sources/complete";
import type { Translate } from "../core/translate";
import { apDate, sourceCredit } from "../core/formats/metadata";
import { escapeMarkdown } from "./markdownEscape";
import { placeLabel } from "./places";
import type { ProjectEntry } from "./projects";

/** Typing these re-asks for completions (Markdown has no quick suggestions by default). */
export const COMPLETION_TRIGGERS = [" ", '"', "“", "«", "„"];
/** Look back at most this far for the opening quote mark. */
const MAX_TYPED = 400;

export async function completions(doc: TextDocument, position: Position, entry: ProjectEntry, t: Translate, token: CancellationToken): Promise<CompletionList | null> {
  const offset = doc.offsetAt(position);
  const from = Math.max(0, offset - MAX_TYPED);
  const before = doc.getText().slice(from, offset);
  const open = openQuoteAt(before, before.length);
  if (open < 0) return null;
  const typed = before.slice(open);
  const found = await entry.service!.complete(typed, token);
  if (token.isCancellationRequested) return null;
  const typedStart = offset - typed.length;
  const items: CompletionItem[] = found.map((c, rank) => {
    const speaker = c.sourceQuote.speaker!;
    const place = placeLabel(c.place, t);
    const file = place ? `${c.path}, ${place}` : c.path;
    const short = [c.metadata?.outlet, c.metadata?.date && apDate(c.metadata.date)].filter(Boolean).join(", ");
    const credit = sourceCredit(c.metadata);
    const label = c.text.length > 60 ? c.text.slice(0, 59) + "…" : c.text;
    const details = [speaker.roleText ?? speaker.role, speaker.organization?.name].filter((x): x is string => !!x).map(escapeMarkdown).join(", ");
    const docs = [
      `> ${escapeMarkdown(c.passage)}`,
      t("Spoken by {0} according to the source.", `**${escapeMarkdown(speaker.name)}**${details ? ` (${details})` : ""}`),
      escapeMarkdown(credit ? `${credit} — ${file}` : file),
    ];
    return {
      label,
      labelDetails: { description: speaker.name },
      kind: CompletionItemKind.Text,
      textEdit: { range: { start: doc.positionAt(typedStart + c.replaceFrom), end: position }, newText: c.text },
      // Whatever is typed in the range is kept as the filter's prefix, so the item survives filtering.
      filterText: typed.slice(c.replaceFrom) + c.text,
      sortText: String(rank).padStart(4, "0"),
      detail: t("{0} — {1}", speaker.name, short || file),
      documentation: { kind: MarkupKind.Markdown, value: docs.join("\n\n") },
    };
  });
  return { isIncomplete: true, items };
}
