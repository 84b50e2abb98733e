/**
 * A second source store beside the workspace's own sources — the newsroom archive: it finds the
 * passages of a quotation's words in documents that are not in the checker's corpus, already
 * aligned by `findPassages` (the same shape the in-memory index gives), with the source's
 * quotation and its speaker attributed when the document was stored. Such a passage has
 * `documentIndex` -1. Local passages come first when both match equally well.
 */
import type { Passage } from "./match/passages";
import type { QuoteWords } from "./match/quoteWords";
import type { Entity, EntityKind, EntityRegistry } from "./speakers/entity";

/** The passages another store has for a quotation's words, best first (synchronous: looked up beforehand). */
export type ForeignPassages = (words: QuoteWords) => Passage[];

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
 * The registry's entity for a stored speaker (created in it when new), so a stored `Jane Doe` and
 * the draft's `Doe` are one person, and a spokesperson speaks for their organisation.
 */
export function adoptSpeaker(s: StoredSpeaker, registry: EntityRegistry): Entity {
  const organization = s.organization ? registry.organization(s.organization) : undefined;
  const role = s.role ? { role: s.role, text: s.roleText ?? s.role } : undefined;
  switch (s.kind) {
    case "person":
      return registry.person(s.name, role, organization);
    case "organization":
      return registry.organization(s.name);
    case "spokesperson":
      return organization ? registry.spokesperson(organization, s.roleText ?? "spokesperson") : registry.unknown(s.name);
    case "anonymous":
      return registry.anonymous(s.name);
    default:
      return role ? registry.rolePerson(role, organization) : registry.unknown(s.name);
  }
}

const rank = (a: Passage, b: Passage) =>
  Number(b.alignment.exact) - Number(a.alignment.exact) || b.alignment.score - a.alignment.score || b.similarity - a.similarity;

/** Local and foreign passages in one list, best first; on a tie the local one first (the sort is stable). */
export function mergePassages(local: Passage[], foreign: Passage[]): Passage[] {
  if (foreign.length === 0) return local;
  return [...local, ...foreign].sort(rank);
}
