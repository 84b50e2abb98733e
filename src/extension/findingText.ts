/**
 * Findings in the user's language. The engine's finding messages are English; the editor builds
 * its own from the check's structured data (speakers, source file, similarity, word changes)
 * through a `Translate` (vscode.l10n.t in the extension). Pure, so it is unit-tested.
 */
import type { QuoteFix } from "../core/edits/textEdit";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { Finding, QuoteCheck } from "../core/verdict/judge";
import { describeDiff } from "../core/verdict/wordDiff";
import type { Translate } from "./translate";

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function findingMessage(check: QuoteCheck | PlainQuoteCheck, finding: Finding, t: Translate): string {
  const source = check.source;
  switch (finding.kind) {
    case "misattributed": {
      const real = source?.sourceQuote?.speaker;
      if (!source || !real) break;
      return t("Misattributed: attributed to {0}, but {1} attributes these words to {2}", check.speaker?.name ?? t("nobody named"), fileName(source.document.path), real.name);
    }
    case "misquoted":
      if (!source) break;
      return t("Misquoted: {0} has “{1}” ({2}% similar): {3}", fileName(source.document.path), source.text, Math.round(source.similarity * 100), check.diff ? describeDiff(check.diff) : "");
    case "unsourced":
      return check.speaker ? t("Unsourced: no source contains these words (attributed to {0})", check.speaker.name) : t("Unsourced: no source contains these words");
  }
  return finding.message;
}

/** A quick fix's title and reason (the engine's are English) in the user's language. */
export function fixText(fix: QuoteFix, check: QuoteCheck | PlainQuoteCheck, citationLabel: string | undefined, t: Translate): { title: string; disabledReason?: string } {
  switch (fix.kind) {
    case "attribute": {
      const real = check.source?.sourceQuote?.speaker?.name ?? "";
      const mention = check.quote.speakerMention;
      const disabledReason = !fix.disabledReason
        ? undefined
        : !check.speaker || !mention
          ? t("The draft names no speaker for this quote to change.")
          : t("“{0}” names no one, and no earlier mention of {1} was found to change.", mention.text, check.speaker.name);
      return { title: t("Attribute to {0}", real), disabledReason };
    }
    case "wording":
      return { title: t("Use the source's wording") };
    case "citation":
      return { title: t("Add citation ({0})", citationLabel ?? "") };
    case "ignore":
      return { title: t("Ignore this quote") };
  }
  return { title: fix.title, disabledReason: fix.disabledReason };
}
