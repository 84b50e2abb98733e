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
export function fixText(fix: QuoteFix, t: Translate): { title: string; disabledReason?: string } {
  switch (fix.kind) {
    case "attribute":
      return { title: t("Attribute to {0}", fix.subject ?? ""), disabledReason: fix.disabledReason && t("The draft names no speaker for this quote to change.") };
    case "wording":
      return { title: t("Use the source's wording") };
    case "citation":
      return { title: fix.phrase ? t("Cite as “{0}”", fix.phrase) : t("Add citation ({0})", fix.subject ?? "") };
    case "ignore":
      return { title: t("Ignore this quote") };
  }
  return { title: fix.title, disabledReason: fix.disabledReason };
}
