/**
 * A second source store beside the workspace's own sources — the newsroom archive: it finds the
 * passages of a quotation's words in documents that are not in the checker's corpus, already
 * aligned by `findPassages` (the same shape the in-memory index gives), with the source's
 * quotation and its speaker attributed when the document was stored. Such a passage has
 * `documentIndex` -1. Local passages come first when both match equally well.
 */
import type { Passage } from "./match/passages";
import type { QuoteWords } from "./match/quoteWords";
import { type Entity, type EntityKind, splitPersonName } from "./speakers/entity";

/**
 * The passages another store has for a quotation's words, best first (synchronous: looked up
 * beforehand). With `minSimilarity`, only those a verdict could rest on (exact, or at least that
 * similar); the others may be left out (as the corpus's own are).
 */
export type ForeignPassages = (words: QuoteWords, minSimilarity?: number) => Passage[];

/** A speaker as a store keeps it: what `summarize` shows, plus the role's own words. */
export interface StoredSpeaker {
  kind: EntityKind;
  name: string;
  role?: string;
  roleText?: string;
  organization?: string;
}

export function storedSpeaker(e: Entity): StoredSpeaker {
  return { kind: e.kind, name: e.name, role: e.role, roleText: e.roleText, organization: e.organization?.name };
}

/**
 * A stored speaker as an entity of its own document, so it compares with a draft's speakers like
 * any source's (see `compareSpeakers`): a person's given name and surname, an organisation a
 * spokesperson speaks for.
 */
export function storedEntity(s: StoredSpeaker): Entity {
  const e: Entity = { id: 1, kind: s.kind, name: s.name, role: s.role, roleText: s.roleText, aliases: new Set([s.name.toLowerCase()]) };
  if (s.organization) e.organization = { id: 2, kind: "organization", name: s.organization, aliases: new Set([s.organization.toLowerCase()]) };
  if (s.kind === "person") Object.assign(e, splitPersonName(s.name));
  return e;
}

const rank = (a: Passage, b: Passage) =>
  Number(b.alignment.exact) - Number(a.alignment.exact) || b.alignment.score - a.alignment.score || b.similarity - a.similarity;

/** Local and foreign passages in one list, best first; on a tie the local one first (the sort is stable). */
export function mergePassages(local: Passage[], foreign: Passage[]): Passage[] {
  if (foreign.length === 0) return local;
  return [...local, ...foreign].sort(rank);
}
