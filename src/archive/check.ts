/**
 * Checking drafts against the archive (alone, or beside local sources): the archive is looked up
 * for every quotation of the drafts first (asynchronously, in PostgreSQL), then the engine checks
 * as usual with the archive's passages merged into the corpus's.
 */
import type { DraftReport, DraftText, QuoteChecker } from "../core/check";
import { prepareDocument } from "../core/document/document";
import { quoteWords, type QuoteWords } from "../core/match/quoteWords";
import type { ArchiveMatches, ArchiveStore } from "./store";

/** The words of every quotation of the drafts, as the matcher sees them. */
export function draftQuoteWords(drafts: DraftText[]): QuoteWords[] {
  return drafts.flatMap((d) => {
    const doc = prepareDocument(d.path, d.text);
    return doc.quotes.map((q) => quoteWords(doc.text, q.pieces));
  });
}

/** The archive's passages for the drafts' quotations (none when it is unavailable). */
export function lookUpDrafts(store: ArchiveStore, drafts: DraftText[]): Promise<ArchiveMatches> {
  return store.lookup(draftQuoteWords(drafts));
}

/** Checks drafts against the checker's sources and the archive; local passages win ties. */
export async function checkWithArchive(checker: QuoteChecker, drafts: DraftText[], store: ArchiveStore): Promise<DraftReport[]> {
  const matches = await lookUpDrafts(store, drafts);
  checker.foreignPassages = matches.passagesFor;
  try {
    return checker.check(drafts);
  } finally {
    checker.foreignPassages = undefined;
  }
}
