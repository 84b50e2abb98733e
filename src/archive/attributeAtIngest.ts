/**
 * Who speaks each quotation of one archive document, worked out once, at ingest, from that
 * document alone (a check never re-attributes archive documents). This is the one place the
 * archive calls attribution.
 */
import type { SourceText } from "../core/corpus/corpus";
import { prepareDocument } from "../core/document/document";
import { type AttributedQuote, attributeQuotes } from "../core/speakers/attribute";

/** The document's quotations (and transcript turns) with their speakers, in text order. */
export function attributeDocument(source: SourceText): AttributedQuote[] {
  return attributeQuotes(prepareDocument(source.path, source.text, source.markdown), { utterances: source.utterances });
}
