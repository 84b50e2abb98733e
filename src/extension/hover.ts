/** Hovering a checked quote shows what the source says (see hoverText.ts). */
import * as vscode from "vscode";
import { hoverMarkdown, OPEN_SOURCE_COMMAND, type HoverSource } from "./hoverText";
import { t } from "./l10n";
import type { Log } from "./log";
import { CheckResults, type DraftResult } from "./results";
import { Corpus } from "../core/corpus/corpus";
import type { QuoteCheck } from "../core/verdict/judge";

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
      const md = new vscode.MarkdownString(hoverMarkdown(check, hoverSource(result, check), t));
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

export function hoverSource(result: DraftResult, check: QuoteCheck): HoverSource | undefined {
  const passage = check.source;
  const source = passage && result.index.sources.get(passage.document.path);
  if (!passage || !source) return undefined;
  return {
    label: source.path,
    place: source.exact ? t("line {0}", source.lines.position(passage.start).line) : (Corpus.regionAt(passage.document, passage.start)?.label ?? ""),
    open: { uri: source.uri.toString(), start: passage.start, end: passage.end, exact: source.exact },
  };
}
