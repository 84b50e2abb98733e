/**
 * Who speaks in the sources, for one learnt state of the entity registry: the user's aliases,
 * plus the facts of the learnt documents and of the drafts, replayed in order. A source's
 * quotations are attributed the first time a check needs them (a passage was found in it) and
 * kept for every later check with the same state, so no check re-attributes the whole archive.
 *
 * The state's `key` says what went into it; a check whose drafts teach something new (a new
 * name, a new role) gets a new state. Checks never change a state: drafts are attributed on a
 * copy of its registry (see `cloneRegistry`).
 */
import { makeQuote } from "../quotes/quote";
import { type AttributedQuote, attributeQuotes } from "../speakers/attribute";
import { EntityRegistry } from "../speakers/entity";
import { parsePhrase } from "../speakers/phrase";
import { tokenizePhrase } from "../speakers/tokens";
import type { Corpus, SourceDocument, Utterance } from "./corpus";
import { type Fact, replayFacts } from "./entityFacts";

export class SpeakerState {
  readonly registry = new EntityRegistry();
  private attributed = new Map<number, AttributedQuote[]>();
  private learnt: Set<number>;

  constructor(
    readonly key: string,
    private readonly corpus: Corpus,
    /** Documents learnt from, in corpus order. */
    learnDocs: readonly number[],
    aliases: Record<string, string>,
    draftFacts: readonly Fact[][],
  ) {
    this.learnt = new Set(learnDocs);
    this.registry.setUserAliases(aliases);
    for (const d of learnDocs) replayFacts(corpus.documents[d].learnt(), this.registry);
    for (const facts of draftFacts) replayFacts(facts, this.registry);
  }

  /** The quotations of source `d` with their speakers (attributed on first use). */
  quotesOf(d: number): AttributedQuote[] {
    let quotes = this.attributed.get(d);
    if (!quotes) {
      const doc = this.corpus.documents[d];
      quotes = attributeQuotes(doc.prepared, this.registry);
      for (const u of doc.utterances) quotes.push(utteranceQuote(doc, u, this.registry));
      quotes.sort((a, b) => a.start - b.start);
      this.attributed.set(d, quotes);
    }
    return quotes;
  }

  /** Did this state learn from source `d`? */
  learns(d: number): boolean {
    return this.learnt.has(d);
  }

  /** How many sources have been attributed in this state. */
  get attributedCount(): number {
    return this.attributed.size;
  }
}

/** A transcript turn as a quotation of its labelled speaker. */
function utteranceQuote(doc: SourceDocument, u: Utterance, registry: EntityRegistry): AttributedQuote {
  const quote = makeQuote([{ start: u.start, end: u.end }], "utterance", 0, 0);
  const phrase = parsePhrase(tokenizePhrase(u.speaker));
  let speaker = undefined;
  if (phrase?.type === "person") speaker = registry.person(phrase.name, phrase.role, phrase.organization ? registry.organization(phrase.organization) : undefined);
  else if (phrase?.type === "name") speaker = registry.lookup(registry.expandAlias(phrase.name))[0] ?? (phrase.name.includes(" ") ? registry.person(phrase.name) : registry.unknown(phrase.name));
  else if (phrase?.type === "organization") speaker = registry.organization(phrase.name);
  else speaker = registry.unknown(u.speaker);
  const words = (doc.text.slice(u.start, u.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return { ...quote, speaker, basis: "label", wordCount: words, scare: false };
}
