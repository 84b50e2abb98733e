/** Hovering a checked quote shows what the source says (see hoverText.ts). */
import * as vscode from "vscode";
import { hoverMarkdown, OPEN_SOURCE_COMMAND, type HoverSource } from "./hoverText";
import { t } from "./l10n";
import type { Log } from "./log";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import { CheckResults, type DraftResult } from "./results";
import { placeLabel } from "./sourcePlace";

export class QuoteHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly results: CheckResults,
    private readonly log: Log,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const result = this.results.current(document);
      if (!result) return undefined;
      const check = CheckResults.checkAt(result, document.offsetAt(position));
      if (!check || check.verdict === "ignored" || check.verdict === "unchecked") return undefined;
      const note = result.partial && t("Index still building: checked against {0} of {1} sources; checked again when it is done.", result.partial.ready, result.partial.total);
      const md = new vscode.MarkdownString(hoverMarkdown(check, hoverSource(result, check), t, note || undefined));
      // Source text is untrusted: it is escaped, no HTML, and only our own command may run.
      md.supportHtml = false;
      md.isTrusted = { enabledCommands: [OPEN_SOURCE_COMMAND] };
      const piece = check.quote.pieces.find((p) => p.start <= document.offsetAt(position) + 1 && document.offsetAt(position) <= p.end + 1) ?? check.quote.pieces[0];
      return new vscode.Hover(md, new vscode.Range(document.positionAt(piece.start), document.positionAt(piece.end)));
    } catch (e) {
      this.log.error("hover", e);
      return undefined;
    }
  }
}

export function hoverSource(result: DraftResult, check: PlainQuoteCheck): HoverSource | undefined {
  const passage = check.source;
  const uri = passage && result.index.sources.get(passage.document.path);
  if (!passage || !uri) return undefined;
  return {
    label: passage.document.path,
    place: placeLabel(passage.place),
    open: { uri: uri.toString(), start: passage.start, end: passage.end, exact: passage.place?.exact ?? true },
  };
}
