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
  const doc = prepareDocument(source.path, source.text, source.markdown);
  // No quotation and no transcript turn: nothing to attribute, and reading the document's
  // mentions (most of attribution's time) would be thrown away.
  if (doc.quotes.length === 0 && !source.utterances?.length) return [];
  return attributeQuotes(doc, { utterances: source.utterances });
}
