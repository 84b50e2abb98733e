/**
 * The shapes a check works with, apart from the checker itself, for hosts and stores that
 * handle reports without importing the checker.
 */
import type { Passage } from "./match/passages";
import type { QuoteWords } from "./match/quoteWords";
import type { QuoteCheck } from "./verdict/judge";

export interface DraftText {
  path: string;
  text: string;
}

export interface DraftReport {
  path: string;
  text: string;
  checks: QuoteCheck[];
}

/** One draft quotation with its passages, before speakers are known. */
export interface FoundQuote {
  words: QuoteWords;
  ignored: boolean;
  passages: Passage[];
}
