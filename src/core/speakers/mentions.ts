/**
 * Coreference: the running list of who a document has mentioned, and how a pronoun (`he`), a
 * nominal (`the CEO`, `the company`) or a bare name (`Doe`) is resolved against it. Photo
 * captions and page furniture are skipped, so they never steal a pronoun.
 */
import type { PreparedDocument } from "../document/document";
import { orgNouns, personPronouns, pluralPronouns, thingPronouns } from "../lexicon";
import { type Entity, type EntityRegistry, orgTypeFits } from "./entity";
import { roleAt, type SpeakerPhrase } from "./phrase";

export interface Mention {
  token: number;
  sentence: number;
  entity: Entity;
  /** First mention of its sentence: the likely subject, which pronouns prefer. */
  subject: boolean;
}

const PERSONISH = (e: Entity) => e.kind === "person" || (e.kind === "unknown" && !!e.role) || e.kind === "spokesperson";
const ORGISH = (e: Entity) => e.kind === "organization" || e.kind === "unknown";

/** How many sentences back a pronoun may look for a subject before taking any mention. */
const PRONOUN_WINDOW = 4;

export class MentionIndex {
  readonly mentions: Mention[] = [];
  /** First tokens of aliases, for a quick scan. */
  private aliasFirst = new Map<string, { words: string[]; entities: Entity[] }[]>();

  constructor(
    private readonly doc: PreparedDocument,
    private readonly registry: EntityRegistry,
  ) {
    for (const [alias, entities] of registry.aliasEntries()) {
      const words = alias.split(" ");
      const list = this.aliasFirst.get(words[0]) ?? [];
      list.push({ words, entities });
      this.aliasFirst.set(words[0], list);
    }
    for (const list of this.aliasFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.scan();
  }

  private scan(): void {
    const { doc } = this;
    // The first person and the first organisation of a sentence are its likely subjects.
    const lastSentence = { person: -1, other: -1 };
    for (let i = 0; i < doc.tokens.length; i++) {
      if (doc.tokenQuoted[i]) continue;
      const kind = doc.paragraphs[doc.tokenParagraph[i]].kind;
      if (kind === "caption" || kind === "furniture" || kind === "code") continue;
      const t = doc.tokens[i];
      if (t.kind !== "word") continue;
      const sentence = doc.tokenSentence[i];
      const add = (entity: Entity | undefined) => {
        if (!entity) return;
        const slot = PERSONISH(entity) ? "person" : "other";
        this.mentions.push({ token: i, sentence, entity, subject: lastSentence[slot] !== sentence });
        lastSentence[slot] = sentence;
      };
      if (personPronouns.has(t.lower) && (t.lower === "he" || t.lower === "she")) {
        const person = this.resolve({ type: "pronoun", word: t.lower }, i);
        if (person && person.kind === "person") person.gender ??= t.lower === "she" ? "female" : "male";
        add(person);
        continue;
      }
      if (t.lower === "the" && i + 1 < doc.tokens.length) {
        const rest = doc.tokens.slice(i + 1, i + 6);
        const role = roleAt(rest, 0);
        const followedByName = (n: number) => rest[n]?.kind === "word" && rest[n].cap;
        if (role && !followedByName(role.length) && rest[role.length]?.lower !== "of") {
          add(this.resolve({ type: "role", role: role.role }, i));
          i += role.length;
          continue;
        }
        if (rest[0]?.kind === "word" && !rest[0].cap && orgNouns.has(rest[0].lower) && !followedByName(1)) {
          add(this.resolve({ type: "orgNoun", noun: rest[0].lower }, i));
          i += 1;
          continue;
        }
      }
      if (!t.cap) continue;
      const found = this.aliasAt(i);
      if (found) {
        add(this.pick(found.entities, i));
        i += found.length - 1;
      }
    }
  }

  /** The longest known alias starting at token `i`. */
  private aliasAt(i: number): { entities: Entity[]; length: number } | undefined {
    const { tokens } = this.doc;
    for (const cand of this.aliasFirst.get(tokens[i].lower) ?? []) {
      let ok = true;
      for (let k = 1; k < cand.words.length && ok; k++) ok = tokens[i + k]?.lower === cand.words[k];
      if (ok) return { entities: cand.entities, length: cand.words.length };
    }
    return undefined;
  }

  /** Among entities sharing a name, the one this document mentioned last; people first. */
  private pick(entities: Entity[], before: number): Entity {
    if (entities.length === 1) return entities[0];
    for (let m = this.mentions.length - 1; m >= 0; m--) {
      if (this.mentions[m].token >= before) continue;
      if (entities.includes(this.mentions[m].entity)) return this.mentions[m].entity;
    }
    return entities.find((e) => e.kind === "person") ?? entities[0];
  }

  private recent(before: number, accept: (e: Entity) => boolean, window = Infinity, preferSubject = false): Entity | undefined {
    const sentence = before < this.doc.tokenSentence.length ? this.doc.tokenSentence[before] : this.doc.sentences.length;
    let fallback: Entity | undefined;
    for (let m = this.mentions.length - 1; m >= 0; m--) {
      const mention = this.mentions[m];
      if (mention.token >= before || !accept(mention.entity)) continue;
      if (sentence - mention.sentence > window) break;
      if (!preferSubject || mention.subject) return mention.entity;
      fallback ??= mention.entity;
    }
    return fallback;
  }

  /** The organisation a nominal (`the company`, `its`) most likely means: the last one of a fitting kind. */
  private recentOrganization(at: number, noun?: string): Entity | undefined {
    // An organisation of another known kind is not a fallback: `the board` is not the hospital.
    return this.recent(at, (e) => e.kind === "organization" && (!noun || orgTypeFits(noun, e)));
  }

  /** Resolves a speaker phrase read at token `at` to an entity, using only what came before. */
  resolve(phrase: SpeakerPhrase, at: number): Entity | undefined {
    const { registry } = this;
    const org = (name?: string) => (name ? registry.organization(name) : undefined);
    switch (phrase.type) {
      case "pronoun":
        if (personPronouns.has(phrase.word)) {
          // `he` never means a person known to be female, nor `she` a male one.
          const clash = /^(she|her)$/.test(phrase.word) ? "male" : "female";
          const fits = (e: Entity) => PERSONISH(e) && e.gender !== clash;
          return this.recent(at, fits, PRONOUN_WINDOW, true) ?? this.recent(at, fits, PRONOUN_WINDOW) ?? this.recent(at, fits);
        }
        if (pluralPronouns.has(phrase.word) || thingPronouns.has(phrase.word)) {
          return this.recent(at, (e) => ORGISH(e) || e.kind === "anonymous", PRONOUN_WINDOW);
        }
        return undefined;
      case "person":
        return registry.person(phrase.name, phrase.role, org(phrase.organization) ?? (phrase.orgNoun ? this.recentOrganization(at, phrase.orgNoun) : undefined));
      case "organization":
        return registry.organization(phrase.name);
      case "name": {
        const known = registry.lookup(registry.expandAlias(phrase.name));
        if (known.length) return this.pick(known, at);
        if (phrase.name.includes(" ")) return registry.person(phrase.name, undefined, org(phrase.organization));
        return registry.unknown(phrase.name);
      }
      case "spokesperson": {
        const owner = org(phrase.organization) ?? this.recentOrganization(at, phrase.orgNoun);
        return owner ? registry.spokesperson(owner, phrase.noun) : undefined;
      }
      case "role": {
        const owner = org(phrase.organization) ?? (phrase.orgNoun ? this.recentOrganization(at, phrase.orgNoun) : undefined);
        if (owner) {
          const holder = registry.entities.find((e) => e.kind === "person" && e.organization === owner && e.role === phrase.role.role);
          return holder ?? registry.rolePerson(phrase.role, owner);
        }
        return (
          this.recent(at, (e) => PERSONISH(e) && e.role === phrase.role.role) ??
          this.recent(at, PERSONISH, PRONOUN_WINDOW, true) ??
          registry.rolePerson(phrase.role)
        );
      }
      case "orgNoun":
        return this.recentOrganization(at, phrase.noun);
      case "anonymous":
        return registry.anonymous(phrase.descriptor.replace(/^(a|an|one|another|some|several|many|other)\s+/i, ""));
    }
  }
}

