/** Hovering a checked quote shows what the source says (the Markdown is built in hoverText.ts). */
import { type Hover, MarkupKind, type Position } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Translate } from "../core/translate";
import { hoverMarkdown } from "./hoverText";
import { hoverSource } from "./places";
import { type DraftResult, Results } from "./results";

export function hover(doc: TextDocument, r: DraftResult, position: Position, t: Translate): Hover | null {
  const offset = doc.offsetAt(position);
  const check = Results.checkAt(r, offset);
  if (!check || check.verdict === "ignored" || check.verdict === "unchecked") return null;
  const note = r.partial && t("Index still building: checked against {0} of {1} sources; checked again when it is done.", r.partial.ready, r.partial.total);
  const value = hoverMarkdown(check, hoverSource(r, check.source, t), t, note || undefined);
  const piece = check.quote.pieces.find((p) => p.start <= offset + 1 && offset <= p.end + 1) ?? check.quote.pieces[0];
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: doc.positionAt(piece.start), end: doc.positionAt(piece.end) } };
}
