/** Every fix Verbatim offers for one checked quotation, most useful first. */
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import { attributionFix } from "./attribution";
import { citationFix, type CitationSource, type CitationStyle } from "./citation";
import { ignoreFix } from "./ignore";
import type { QuoteFix } from "./textEdit";
import { wordingFix } from "./wording";

export interface FixOptions {
  markdown: boolean;
  ignoreMarker: string;
  /** Where the check's source passage is, as the draft should cite it. */
  citation?: CitationSource;
  /** How citations are written (default: a footnote). */
  citationStyle?: CitationStyle;
}

export function quoteFixes(text: string, check: QuoteCheck | PlainQuoteCheck, options: FixOptions): QuoteFix[] {
  const fixes = [
    attributionFix(text, check),
    wordingFix(text, check),
    citationFix(text, check, options.markdown, options.citation, options.citationStyle),
    ignoreFix(text, check, options.markdown, options.ignoreMarker),
  ];
  return fixes.filter((f): f is QuoteFix => f !== undefined);
}
