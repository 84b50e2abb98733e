/**
 * Findings and quick-fix titles in the user's language: built from the structured facts each
 * finding carries (core/findings.ts, the one definition of the messages) through a `Translate`.
 */
import type { QuoteFix } from "../core/edits/textEdit";
import { findingMessage as message } from "../core/findings";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { Translate } from "../core/translate";
import type { Finding, QuoteCheck } from "../core/verdict/judge";

export function findingMessage(_check: QuoteCheck | PlainQuoteCheck, finding: Finding, t: Translate): string {
  return finding.facts ? message(finding.facts, t) : finding.message;
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
