/**
 * The shapes a check works with, apart from the checker itself, so that the checker and the
 * incremental re-check (incremental/recheck.ts) both import them from here and not each other.
 */
import type { RegistryCopy } from "./corpus/registryClone";
import type { SpeakerState } from "./corpus/speakerState";
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

/** What a check needs to judge quotations: a speaker state and a copy of its registry for the drafts. */
export interface SpeakerContext {
  state: SpeakerState;
  copy: RegistryCopy;
}
