/**
 * Everyone the sources quote, with their quotations: for the editor's Speakers view and for
 * inserting a source quotation into a draft. Each source's quotations are attributed from that
 * source alone (once, then kept); listing every speaker attributes every source once. The same
 * person named in several sources is one entry.
 */
import type { QuoteChecker } from "../check";
import type { Span } from "../document/layout";
import type { AttributedQuote } from "../speakers/attribute";
import { DocumentEntities, type Entity, type EntityKind, isPersonalOutfit, summarize } from "../speakers/entity";

export interface SourceQuotation {
  /** The source's position in `corpus.documents`, and its path as reports name it. */
  documentIndex: number;
  path: string;
  start: number;
  end: number;
  pieces: Span[];
  /** The quoted words, pieces joined by a space (the words, not the marks or the attribution). */
  text: string;
  wordCount: number;
}

export interface SourceSpeaker {
  entity: Entity;
  name: string;
  kind: EntityKind;
  role?: string;
  organization?: string;
  /** Other names the sources use for this speaker (lower case, as the registry keeps them). */
  aliases: string[];
  quotes: SourceQuotation[];
}

export interface ListOptions {
  /** Quotations shorter than this many words are left out (default 4). */
  minWords?: number;
}

/** The speakers of the checker's sources, by name, each with their quotations in source order. */
export function listSourceSpeakers(checker: QuoteChecker, options: ListOptions = {}): SourceSpeaker[] {
  const minWords = options.minWords ?? 4;
  const byKey = new Map<string, SourceSpeaker>();
  const people: { entry: SourceSpeaker; e: Entity }[] = [];
  checker.corpus.documents.forEach((doc, d) => {
    for (const q of doc.attributed(checker.aliases)) {
      // Only speakers the source names clearly: the list is what a reporter may quote them as saying.
      if (!q.speaker || q.scare || q.wordCount < minWords || q.confidence === "low" || !listable(q.speaker)) continue;
      const key = speakerKey(q.speaker);
      let entry = byKey.get(key);
      if (!entry) {
        entry = describe(q.speaker);
        byKey.set(key, entry);
        if (q.speaker.kind === "person") people.push({ entry, e: q.speaker });
      } else mergeDescription(entry, q.speaker);
      entry.quotes.push(toQuotation(doc.text, doc.path, d, q));
    }
  });
  // `Doe` in one source and `Jane Doe` in another are one entry when no other Doe is listed.
  for (const { entry, e } of people) {
    if (e.given) continue;
    const fuller = people.filter((p) => p.e.given && p.e.surname?.toLowerCase() === e.surname?.toLowerCase());
    if (fuller.length !== 1) continue;
    fuller[0].entry.quotes.push(...entry.quotes);
    byKey.delete(speakerKey(e));
  }
  for (const { entry, e } of people) if (!personLike(e) && !entry.role && !entry.organization) byKey.delete(speakerKey(e));
  for (const entry of byKey.values()) entry.quotes.sort((a, b) => a.documentIndex - b.documentIndex || a.start - b.start);
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Named people, organisations and their spokespeople; not roles without a name, nor groups. */
const listable = (e: Entity) => (e.kind === "person" || e.kind === "organization" || e.kind === "spokesperson" || e.kind === "anonymous") && /\p{L}{2}/u.test(e.name);

/**
 * A one-word "person" goes on the list only with something that says person: a given name, a
 * title or role, an organisation, a gender from the text. `Reuters` or a dateline in capitals
 * read as a speaker has none of these — still a reading of the source, but not a name to offer.
 */
const personLike = (e: Entity) => /\s/.test(e.name.trim()) || (!/^\p{Lu}+$/u.test(e.name) && !!(e.given || e.role || e.organization || e.gender));

/** One key per speaker across sources: a person by full name, an organisation by its core name. */
function speakerKey(e: Entity): string {
  const fold = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  switch (e.kind) {
    case "person":
      return `person:${fold(e.given ? `${e.given.split(" ")[0]} ${e.surname}` : e.surname ?? e.name)}`;
    case "organization":
      // `Clinton (campaign)` and `Hillary Clinton (campaign)`: one person's outfit, by surname.
      if (isPersonalOutfit(e)) return `outfit:${fold(e.name).split(" ").pop()}:${e.orgType}`;
      return `org:${fold(DocumentEntities.organizationCore(e.name))}`;
    case "spokesperson":
      return `voice:${fold(e.organization ? DocumentEntities.organizationCore(e.organization.name) : e.name)}`;
    default:
      return `${e.kind}:${fold(e.name)}`;
  }
}

function mergeDescription(entry: SourceSpeaker, e: Entity): void {
  if (e.name.length > entry.name.length && (e.kind === "person" || isPersonalOutfit(e))) entry.name = e.name;
  entry.role ??= summarize(e).role;
  entry.organization ??= e.organization?.name;
  for (const a of e.aliases) if (a !== entry.name.toLowerCase() && !entry.aliases.includes(a)) entry.aliases.push(a);
  entry.aliases.sort();
}

function describe(e: Entity): SourceSpeaker {
  const own = e.name.toLowerCase();
  return {
    entity: e,
    name: e.name,
    kind: e.kind,
    role: summarize(e).role,
    organization: e.organization?.name,
    aliases: [...e.aliases].filter((a) => a !== own).sort(),
    quotes: [],
  };
}

function toQuotation(text: string, path: string, documentIndex: number, q: AttributedQuote): SourceQuotation {
  const words = q.pieces.map((p) => text.slice(p.start, p.end).replace(/\s+/g, " ").trim());
  return { documentIndex, path, start: q.start, end: q.end, pieces: q.pieces, text: words.join(" "), wordCount: q.wordCount };
}

/**
 * How a draft names a speaker when crediting a quote: a person or organisation by name, a
 * spokesperson as `a Acme spokeswoman`, an anonymous speaker as the sources describe them.
 */
export function attributionName(e: Pick<Entity, "kind" | "name">): string {
  if (e.kind === "spokesperson") return `${/^[aeiou]/i.test(e.name) ? "an" : "a"} ${e.name}`;
  return e.name;
}
