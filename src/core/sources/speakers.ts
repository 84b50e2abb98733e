/**
 * Everyone the sources quote, with their quotations: for the editor's Speakers view and for
 * inserting a source quotation into a draft. Source quotations are attributed lazily by the
 * checker's speaker state; listing every speaker attributes every source once (later calls
 * with the same state reuse it).
 */
import type { QuoteChecker } from "../check";
import type { SpeakerState } from "../corpus/speakerState";
import type { Span } from "../document/layout";
import type { AttributedQuote } from "../speakers/attribute";
import type { Entity, EntityKind } from "../speakers/entity";

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
  const state = sourceSpeakerState(checker);
  const bySpeaker = new Map<number, SourceSpeaker>();
  checker.corpus.documents.forEach((doc, d) => {
    for (const q of state.quotesOf(d)) {
      if (!q.speaker || q.scare || q.wordCount < minWords) continue;
      let entry = bySpeaker.get(q.speaker.id);
      if (!entry) {
        entry = describe(q.speaker);
        bySpeaker.set(q.speaker.id, entry);
      }
      entry.quotes.push(toQuotation(doc.text, doc.path, d, q));
    }
  });
  return [...bySpeaker.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const states = new WeakMap<QuoteChecker, SpeakerState>();

/**
 * Who speaks in the sources as the sources alone tell it (no draft's facts): the checker's
 * state for no drafts, kept per checker so repeated look-ups (completion while typing) reuse
 * its attributions.
 */
export function sourceSpeakerState(checker: QuoteChecker): SpeakerState {
  let state = states.get(checker);
  if (!state) {
    state = checker.speakerContext([], []).state;
    states.set(checker, state);
  }
  return state;
}

function describe(e: Entity): SourceSpeaker {
  const own = e.name.toLowerCase();
  return {
    entity: e,
    name: e.name,
    kind: e.kind,
    role: e.roleText ?? e.role,
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
