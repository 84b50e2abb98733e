/** Quick fixes for checked quotes; the edits themselves are computed in core/edits. */
import { type CodeAction, CodeActionKind, type Diagnostic, type Range } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { quoteFixes } from "../core/edits/fixes";
import type { QuoteFix } from "../core/edits/textEdit";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { Translate } from "../core/translate";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { fixText } from "./findingText";
import { hoverSource } from "./places";
import type { DraftResult } from "./results";

/** The fixes of every quote the range touches, titles in the user's language. */
export function fixesFor(doc: TextDocument, r: DraftResult, check: PlainQuoteCheck, t: Translate): QuoteFix[] {
  const source = hoverSource(r, check.source, t);
  const fixes = quoteFixes(doc.getText(), check, {
    markdown: r.markdown,
    ignoreMarker: r.entry.effective.ignoreMarker ?? "verbatim-ignore",
    citation: source && { label: source.label, place: source.place },
    citationStyle: r.entry.effective.citationStyle,
  });
  return fixes.map((fix) => ({ ...fix, ...fixText(fix, t) }));
}

export function codeActions(doc: TextDocument, r: DraftResult, range: Range, diagnostics: Diagnostic[], t: Translate): CodeAction[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const checks = r.checks.filter((c) => c.verdict !== "ignored" && c.quote.pieces.some((p) => p.start - 1 <= to && from <= p.end + 1));
  return checks.flatMap((check) => {
    // Diagnostics of this quote: on its words, or (a misquote) on changed words inside them.
    const mine = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && check.quote.pieces.some((p) => p.start <= doc.offsetAt(d.range.start) && doc.offsetAt(d.range.end) <= p.end));
    return fixesFor(doc, r, check, t).map((fix) => toAction(doc, fix, mine));
  });
}

function toAction(doc: TextDocument, fix: QuoteFix, diagnostics: Diagnostic[]): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix };
  const kinds: Record<string, string[]> = { attribute: ["misattributed"], wording: ["misquoted"] };
  const related = diagnostics.filter((d) => (kinds[fix.kind] ?? [String(d.code)]).includes(String(d.code)));
  if (related.length) action.diagnostics = related;
  if (fix.disabledReason) {
    action.disabled = { reason: fix.disabledReason };
    return action;
  }
  action.edit = { changes: { [doc.uri]: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } };
  action.isPreferred = fix.preferred === true;
  return action;
}
