/**
 * Who speaks each quotation of one archive document, worked out once, at ingest, from that
 * document alone (a check never re-attributes archive documents). This is the one place the
 * archive calls attribution: when the per-document attribution pipeline lands in
 * `src/core/speakers/`, the call below becomes that function.
 */
import type { SourceText } from "../core/corpus/corpus";
import { QuoteChecker } from "../core/check";
import { sourceSpeakerState } from "../core/sources/speakers";
import type { AttributedQuote } from "../core/speakers/attribute";

/** The document's quotations (and transcript turns) with their speakers, in text order. */
export function attributeDocument(source: SourceText): AttributedQuote[] {
  return sourceSpeakerState(new QuoteChecker([source])).quotesOf(0);
}
