/**
 * Pass 1 of attribution: every mention of a possible speaker in one document — names (with
 * their titles, roles and organisations), nominals (`the senator`, `the company`) and `he`/`she`
 * — each linked to an entity of the document as it is read, front to back. Quotations, photo
 * captions, headings and page furniture are not read: they never introduce a speaker or steal a
 * pronoun. Later passes ask this index who was mentioned before a given token.
 */
import { firstStartingAt, type PreparedDocument } from "../document/document";
import { anonymousNouns, cueVerbForms, describingWords, genderedWords, groupNouns, notNameWords, orgNouns, personPronouns, places, rolePhrases, stopwordSet, timeWords, verbForms } from "../lexicon";
import { DocumentEntities, type Entity, isPersonalOutfit, ofGender, orgTypeFits, PERSONAL_OUTFITS, settleGender } from "./entity";
import { type Gender, genderOfGivenName, isGivenName } from "./givenNames";
import { capRunEnd, classifyName, isNameWord, isPartyTag, isTitle, joinWords, leadingParticles, nameGivenAt, isPeopleNoun, parsePhraseSpan, parseSegment, PLACE_PREPOSITIONS, roleAt, type SpeakerPhrase, type WordEvidence } from "./phrase";
import { ASKING_VERBS, type QuoteSpeakerMark, questionAnswered, resolvePersonPronoun } from "./resolve";
import { datelineEnd, type Token, tokenizePhrase } from "./tokens";

export interface Mention {
  /** Document token indices of the mention, end exclusive. */
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  entity: Entity;
  kind: "name" | "pronoun" | "nominal";
  /** Opens its clause and is followed by a verb: the likely subject, which pronouns prefer. */
  subject: boolean;
  /** Part of another phrase (`Doe's campaign`, `Bush speechwriter Jane Roe`), not a participant. */
  modifier: boolean;
  /** The first subject of its sentence: the main clause's. */
  main: boolean;
  /** The subject of a speech verb (`Doe argues`): someone the text has speaking. */
  speaking: boolean;
  /** Asks someone named (`Doe asked Roe whether …`): the reply that follows is not this one's. */
  asking: boolean;
  /** The one asked (`… asked Roe`): whom a reply that follows belongs to. */
  asked: boolean;
}

/** A resolution: the entity and how sure the reading is. */
export interface Resolved {
  entity: Entity;
  /** Another entity was nearly as likely (`Clinton` when two Clintons were named). */
  ambiguous: boolean;
}

const READABLE = new Set(["text", "blockquote", "attribution"]);
/** How many recent mentions a look-up reads at most (it keeps attribution linear in the document). */
const MENTION_WINDOW = 400;
const CLAUSE_OPENERS = new Set(["and", "but", "that", "when", "as", "while", "because", "after", "before", "if", "since", "though", "although", "so", "then", "where", "until", "once", "whereas", "yet", "or"]);
const PREPOSITIONS = new Set(["of", "to", "with", "for", "by", "about", "against", "from", "on", "at", "in", "into", "onto", "over", "under", "between", "among", "toward", "towards", "like", "than", "behind", "beside", "besides", "via", "per", "around", "through", "without", "within", "upon", "during", "including", "alongside", "unlike", "versus", "vs"]);
/** Marks after which a mention opens a clause: `…, Doe said`. */
const CLAUSE_MARKS = new Set([",", ";", ":", "\u2014", "\u2013", "(", "-"]);
/** Lower-case words after a mention that are no verb of it. */
/** Speech verbs that invert with their speaker (`…, said Doe`); not `told Doe`, whose object listens. */
const INVERTING_VERBS = new Set(["said", "says", "added", "adds", "wrote", "writes", "explained", "explains", "continued", "recalled", "recalls", "noted", "notes", "insisted", "argued", "argues", "replied", "answered", "admitted", "conceded", "observed", "remarked", "declared", "countered", "responded", "acknowledged", "concluded", "complained", "cautioned", "quipped", "joked", "agreed", "announced", "predicted", "stressed", "suggested"]);
/** Marks before an inverted speech verb (`"…," said Doe`, `…, said Doe`). */
const INVERSION_MARKS = new Set([",", "\u201d", '"', "\u2014", "\u2013"]);
const NOT_VERBS = new Set(["and", "or", "'s"]);
/** Words for people together that name no role (`the twins …`, `the couple …`). */
const PEOPLE_TOGETHER = new Set(["twins", "siblings", "parents", "spouses", "couple", "pair", "duo", "trio"]);
/** Link words before an organisation that ends a phrase: `a spokeswoman for Acme`. */
const ORG_LINKS = new Set(["for", "of", "at"]);
const PHRASE_DETERMINERS = new Set(["the", "a", "an", "another", "one", "his", "her", "its", "their"]);
const OPENING = new Set(["\u201c", '"', "\u2018", "'", "(", "[", ":", "\u2014", "\u2013", "-", "\u00ab"]);

/** For each sentence id, the index just past its last token (tokens come in sentence order). */
function sentenceEnds(tokenSentence: Int32Array): Int32Array {
  let max = -1;
  for (let i = 0; i < tokenSentence.length; i++) if (tokenSentence[i] > max) max = tokenSentence[i];
  const ends = new Int32Array(max + 1);
  for (let i = 0; i < tokenSentence.length; i++) ends[tokenSentence[i]] = i + 1;
  return ends;
}

/** What the document shows about each capitalised word: see `WordEvidence`. */
export function wordEvidence(doc: PreparedDocument, isStart: (i: number) => boolean): WordEvidence {
  const inside = new Set<string>();
  const lower = new Set<string>();
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (t.kind !== "word") continue;
    const kind = doc.paragraphs[doc.tokenParagraph[i]].kind;
    if (kind === "heading" || kind === "furniture" || kind === "code") continue;
    if (!t.cap) lower.add(t.lower);
    else if (!isStart(i)) inside.add(t.lower);
  }
  return { capitalisedInside: (w) => inside.has(w), writtenLower: (w) => lower.has(w) };
}

export class MentionIndex {
  readonly mentions: Mention[] = [];
  readonly entities: DocumentEntities;
  readonly evidence: WordEvidence;
  /** Sentences written in headline case (`Trump Launches A Bid`), which name no one reliably. */
  private headline: Uint8Array;
  /** How often each entity has been mentioned so far, while scanning. */
  private counts = new Map<Entity, number>();

  constructor(
    readonly doc: PreparedDocument,
    aliases: ReadonlyMap<string, string> = new Map(),
  ) {
    this.entities = new DocumentEntities(aliases);
    this.headline = headlineSentences(doc);
    this.readableTokens = readableTokens(doc, this.headline);
    this.evidence = wordEvidence(doc, (i) => this.isClauseStart(i));
    this.scan();
  }

  /** Is token `i` the first word of its sentence, or the first after an opening mark (`“`, `(`, `:`)? */
  isClauseStart(i: number): boolean {
    const { tokens, tokenSentence } = this.doc;
    let j = i - 1;
    while (j >= 0 && tokenSentence[j] === tokenSentence[i] && tokens[j].kind === "punct" && OPENING.has(tokens[j].text)) j--;
    return j < 0 || tokenSentence[j] !== tokenSentence[i] || j < i - 1;
  }

  /** Tokens a mention may stand in: outside quotations, in story paragraphs, not in headlines. */
  readable(i: number): boolean {
    return this.readableTokens[i] === 1;
  }

  /** `readable` of every token, found once (the scan asks it of each token several times). */
  private readableTokens: Uint8Array;

  /** Is token `j` readable and in sentence `s` (a phrase never runs past its sentence)? */
  private inPhrase(j: number, s: number): boolean {
    return j < this.doc.tokens.length && this.doc.tokenSentence[j] === s && this.readableTokens[j] === 1;
  }

  private scan(): void {
    const { doc } = this;
    const { tokens } = doc;
    let i = 0;
    while (i < tokens.length) {
      if (!this.readable(i) || tokens[i].kind !== "word") {
        i++;
        continue;
      }
      // `PORTO VALENTE, Norland (Wire) — The governor …`: a wire dateline names no one (its country
      // is never the governor the sentence goes on to).
      const dateline = datelineAt(doc, i);
      if (dateline > i) {
        i = dateline;
        continue;
      }
      // `Sen. Jane Doe (R-Ohio)`: a party tag names no one.
      const pastTag = i > 0 ? partyTagEnd(tokens, i - 1) : i;
      if (pastTag > i) {
        i = pastTag;
        continue;
      }
      const end = this.phraseEnd(i);
      if (end <= i) {
        i++;
        continue;
      }
      const consumed = this.readMention(i, end);
      i = Math.max(i + 1, consumed);
    }
  }

  /**
   * The end of the noun phrase that may start at token `i`: capitalised runs, role words,
   * descriptions, possessives, `of`/`for` + an organisation, a determiner at the start, and
   * lower-case nouns that continue it (`Russian telegram channel`: then it names no one).
   */
  private phraseEnd(i: number): number {
    const { tokens, tokenSentence } = this.doc;
    const s = tokenSentence[i];
    let j = i;
    const t = tokens[i];
    if (t.kind !== "word") return i;
    if (personPronouns.has(t.lower) && (t.lower === "he" || t.lower === "she")) return i + 1;
    const det = PHRASE_DETERMINERS.has(t.lower);
    // (`de Blasio said`: a surname opening with its particle)
    const particles = leadingParticles(tokens, i);
    const particle = particles > 0 && this.inPhrase(i + particles, s);
    const startsPhrase = isNameWord(t) || det || particle || !!roleAt(tokens, i, this.sentenceEnd(i)) || describingWords.has(t.lower);
    if (!startsPhrase) return i;
    if (det) j++;
    else if (particle) j += particles;
    let sawHead = false;
    let afterName = false;
    while (this.inPhrase(j, s)) {
      const w = tokens[j];
      if (w.kind === "poss") {
        j++;
        afterName = false;
        continue;
      }
      if (w.kind === "punct") {
        if ((w.text === "-" || w.text === "&") && this.inPhrase(j + 1, s) && tokens[j + 1].kind === "word") {
          j++;
          continue;
        }
        break;
      }
      // (`Harbour master Piotr Doe`: a role of several words, capitalised at the sentence's start)
      const capRole = w.cap ? roleAt(tokens, j, this.sentenceEnd(j)) : undefined;
      if (capRole && capRole.length > 1 && tokens.slice(j + 1, j + capRole.length).every((r) => !r.cap)) {
        j += capRole.length;
        sawHead = true;
        afterName = false;
        continue;
      }
      if (isNameWord(w)) {
        const end = capRunEnd(tokens, j, this.sentenceEnd(j));
        j = Math.max(end, j + 1);
        sawHead = true;
        afterName = true;
        continue;
      }
      const role = roleAt(tokens, j, this.sentenceEnd(j));
      if (role && !w.cap) {
        j += role.length;
        sawHead = true;
        afterName = false;
        continue;
      }
      if (!w.cap && (describingWords.has(w.lower) || /^(then|ex|self)-/.test(w.lower))) {
        j++;
        continue;
      }
      if (!w.cap && (orgNouns.has(w.lower) || anonymousNouns.has(w.lower) || groupNouns.has(w.lower))) {
        j++;
        sawHead = true;
        afterName = false;
        continue;
      }
      // `a spokeswoman for Acme`, `the Bank of Lisport`: a link word and a capitalised organisation.
      if (sawHead && ORG_LINKS.has(w.lower) && this.inPhrase(j + 1, s) && (isNameWord(tokens[j + 1]) || (tokens[j + 1].lower === "the" && isNameWord(tokens[j + 2])))) {
        const k = tokens[j + 1].lower === "the" ? j + 2 : j + 1;
        j = capRunEnd(tokens, k, this.sentenceEnd(k));
        // `the chair of the Northfield party`
        while (this.inPhrase(j, s) && tokens[j].kind === "word" && !tokens[j].cap && orgNouns.has(tokens[j].lower)) j++;
        break;
      }
      // A lower-case noun after a name continues the phrase (`Acme account`, `Doe supporters`).
      if (afterName && !w.cap && isNounLike(w)) {
        while (this.inPhrase(j, s) && tokens[j].kind === "word" && !tokens[j].cap && isNounLike(tokens[j])) j++;
        break;
      }
      break;
    }
    return sawHead ? j : i;
  }

  private sentenceEnd(i: number): number {
    const { tokens, tokenSentence } = this.doc;
    if (i >= tokens.length) return i;
    // Tokens are in sentence order: each sentence's end is found once, not walked to from every token.
    this.sentenceEnds ??= sentenceEnds(tokenSentence);
    return this.sentenceEnds[tokenSentence[i]];
  }

  /** For each sentence id, the index after its last token (see `sentenceEnds`). */
  private sentenceEnds?: Int32Array;

  /** Reads the phrase `[i, end)` (with an appositive after it), records its mentions, and returns where reading continues. */
  private readMention(i: number, end: number): number {
    const { tokens } = this.doc;
    const t = tokens[i];
    if (end === i + 1 && (t.lower === "he" || t.lower === "she")) {
      const r = this.resolvePronoun(t.lower, i);
      if (r && !r.ambiguous) this.add(i, end, r.entity, "pronoun");
      return end;
    }
    const atStart = this.isClauseStart(i);
    const head = nameGiven(tokens, i, end, coupleName(tokens, i, end, parseSegment(tokens.slice(i, end), atStart, this.evidence)));
    let parsed = head;
    let stop = end;
    // `Jane Doe, CEO of Acme,` / `Acme's chief executive, Jane Doe,`: one person, described
    // (past a party tag: `Gov. Jane Doe (R), a staunch ally,`).
    const comma = head && head.type !== "pronoun" ? partyTagEnd(tokens, end) : end;
    // (`Speaking in Lisport, the mayor said`: a place, which no appositive describes)
    const placed = (i > 0 && tokens[i - 1].kind === "word" && PLACE_PREPOSITIONS.has(tokens[i - 1].lower)) || (tokens[i].kind === "word" && PLACE_PREPOSITIONS.has(tokens[i].lower));
    if (head && head.type !== "pronoun" && !placed && tokens[comma]?.text === "," && comma + 1 < tokens.length && this.readable(comma + 1)) {
      let appEnd = this.phraseEnd(comma + 1);
      // `Doe, the chairman of the county party in New Hampshire, said`: a place after the appositive.
      if (appEnd > end + 1 && ["in", "from", "at"].includes(tokens[appEnd]?.lower ?? "") && isNameWord(tokens[appEnd + 1])) {
        const placeEnd = capRunEnd(tokens, appEnd + 1, this.sentenceEnd(appEnd + 1));
        if (tokens[placeEnd]?.text === ",") appEnd = placeEnd;
      }
      const closes = appEnd > comma + 1 && (appEnd >= tokens.length || !this.readable(appEnd) || [",", ".", ";", ":", ")"].includes(tokens[appEnd].text) || isVerbLike(tokens[appEnd]) || (appEnd > comma + 2 && ["who", "whose"].includes(tokens[appEnd].lower)));
      if (closes) {
        const whole = parsePhraseSpan(tokens.slice(i, appEnd), atStart, this.evidence);
        if (whole && whole.from === 0 && whole.to === appEnd - i && (whole.phrase.type === "person" || whole.phrase.type === "spokesperson")) {
          parsed = whole.phrase;
          stop = appEnd;
        } else if (head.type === "person" || head.type === "name") {
          // An appositive that is not merged still only describes the head: it is not a subject.
          this.appositiveEnd = appEnd;
        }
      }
    }
    this.innerNames(i, stop, parsed);
    if (!parsed) return end;
    // (a bare name there, set off by a comma before the clause's subject, is a place: no one the
    // `the mayor` after it could mean)
    if (placed && (parsed.type === "name" || (parsed.type === "person" && !parsed.role && !parsed.gender && !parsed.organization)) && tokens[stop]?.text === "," && tokens[stop + 1]?.text === "the") return stop;
    const phrase = this.scanReading(this.asSurname(parsed), stop, i);
    if (!phrase) return stop;
    const resolved = this.resolveAt(phrase, i, true);
    if (resolved && !resolved.ambiguous) {
      const kind = phrase.type === "role" || phrase.type === "orgNoun" || phrase.type === "spokesperson" ? "nominal" : "name";
      this.add(i, stop, resolved.entity, kind);
    }
    return stop;
  }

  /**
   * What a bare name read while scanning is: a multi-word name that is the subject of a verb or
   * described by an appositive is a person; a name followed by `, which` is an organisation;
   * a single word is kept as an unknown name until the document says more.
   */
  private scanReading(phrase: SpeakerPhrase, end: number, start: number): SpeakerPhrase | undefined {
    if (phrase.type !== "name") return phrase;
    const { tokens } = this.doc;
    // `"…," said Wanjiru Kamau.`: two name words an inverted speech verb names are a person,
    // whatever the given name (most of the world's are in no list).
    if (phrase.name.includes(" ") && this.afterInvertedVerb(start)) return { type: "person", name: phrase.name, gender: phrase.gender };
    const next = tokens[end];
    const after = tokens[end + 1];
    if (next?.text === "," && after?.kind === "word" && ["which", "whose"].includes(after.lower)) return { type: "organization", name: phrase.name };
    if (!phrase.name.includes(" ")) return this.lonePerson(phrase.name, end) ? { type: "person", name: phrase.name, gender: phrase.gender } : phrase;
    const described = (next?.text === "," && !!after && (after.lower === "who" || /^\p{N}/u.test(after.text) || !!roleAt(tokens, end + 1) || ["a", "an", "the"].includes(after.lower))) ||
      // `Nkechi Adeyemi and her husband run …`: someone with a husband is a person
      (next?.lower === "and" && !!after && ["his", "her"].includes(after.lower));
    return (next && isVerbLike(next)) || described || this.listedAsPeople(start) ? { type: "person", name: phrase.name, gender: phrase.gender } : undefined;
  }

  /**
   * `the brothers Pasang Lama and Tashi Lama`, `climbers Ana Ruiz, Bo Lind and …`: full names
   * listed after a plural word for people (whatever their given names, most of which are in no
   * list) — the name starting at `start` is one of them.
   */
  private listedAsPeople(start: number): boolean {
    const { tokens } = this.doc;
    let k = start - 1;
    for (let items = 0; items < 6 && k > 0 && (tokens[k].lower === "and" || tokens[k].text === ","); items++) {
      k--;
      const runEnd = k;
      while (k >= 0 && k > runEnd - 4 && isNameWord(tokens[k])) k--;
      if (k === runEnd) return false;
    }
    const noun = tokens[k];
    if (noun?.kind !== "word" || noun.cap) return false;
    if (PEOPLE_TOGETHER.has(noun.lower)) return true;
    return /s$/.test(noun.lower) && isPeopleNoun(noun.lower);
  }

  /** Whether a lone name read while scanning, ending at `end`, is a person's. */
  private lonePerson(name: string, end: number): boolean {
    const next = this.doc.tokens[end];
    // `Doe said`: a name that speaks is a person's (an organisation is named as one somewhere).
    // (`Kestrel said` after `Kestrel Logistics` is the business)
    if (next && next.kind === "word" && !next.cap && cueVerbForms.has(next.lower) && !/^\p{Lu}{2,}$/u.test(name)) return !this.entities.businessByFirstWord(name);
    // `Daniela, 12, was more direct`: a lone name given an age is a person's (first names only
    // are common for children, refugees and the bereaved, and most are in no list).
    if (this.givenAge(end)) return true;
    // `Odunsi, who arrived from the academy, was …`, `Marcus, a 34-year-old electrician, was …`: a
    // lone name a person's clause or description follows (an outfit takes `which`; `Harcourt, who
    // finished seventh` after `Harcourt United` is the club).
    return next?.text === "," && this.describedAsPerson(end + 1) && !this.entities.knownOrganization(name) && !this.entities.opensOrganizationName(name);
  }

  /** Whether the words from `k` describe a person: `who …`, `a 34-year-old electrician`, `the team's captain`. */
  private describedAsPerson(k: number): boolean {
    const { tokens } = this.doc;
    if (tokens[k]?.kind !== "word" || /^\p{Lu}{2,}$/u.test(tokens[k].text)) return false;
    if (tokens[k].lower === "who" || tokens[k].lower === "whose") return true;
    if (!["a", "an", "the"].includes(tokens[k].lower)) return false;
    for (let j = k + 1; j < tokens.length && j < k + 6 && tokens[j].text !== ","; j++) {
      if (/-year-old$/u.test(tokens[j].lower) || (!tokens[j].cap && !!roleAt(tokens, j, j + 1))) return true;
    }
    return false;
  }

  /** Whether the tokens at `end` give an age: `, 12,` (a number a person could be, between commas). */
  private givenAge(end: number): boolean {
    const { tokens } = this.doc;
    const age = tokens[end + 1];
    return tokens[end]?.text === "," && !!age && /^\d{1,3}$/.test(age.text) && Number(age.text) <= 120 && tokens[end + 2]?.text === ",";
  }

  /** Whether the word at `start` follows an inverted speech verb right after a quotation or comma (`"…," said Doe`). */
  private afterInvertedVerb(start: number): boolean {
    const { doc } = this;
    const verb = doc.tokens[start - 1];
    const before = start - 2;
    return !!verb && verb.kind === "word" && !verb.cap && INVERTING_VERBS.has(verb.lower) && before >= 0 && (!!doc.tokenQuoted[before] || (doc.tokens[before].kind === "punct" && INVERSION_MARKS.has(doc.tokens[before].text)));
  }

  /** Records person and organisation names that stand inside a phrase as modifiers. */
  private innerNames(i: number, end: number, phrase: SpeakerPhrase | undefined): void {
    const { tokens } = this.doc;
    // The head's own words (found when a run of name words needs them: most phrases hold none).
    let headWords: Set<string> | undefined;
    let j = i;
    while (j < end) {
      if (!isInnerNameWord(tokens, j)) {
        j++;
        continue;
      }
      let k = j;
      while (k < end && isInnerNameWord(tokens, k)) k++;
      const words = tokens.slice(j, k);
      headWords ??= headWordsOf(phrase);
      const heads = headWords;
      const isHead = words.every((w) => heads.has(withoutFullStop(w.lower)));
      if (!isHead) {
        const kind = classifyName(words);
        const name = joinWords(words);
        let entity: Entity | undefined;
        if (kind === "person") entity = this.entities.person(name);
        else if (kind === "organization") entity = this.entities.organization(name);
        else if (kind === "unknown" && words.length === 1) entity = this.pickPerson(this.entities.withSurname(name), j)?.entity ?? this.entities.knownOrganization(name);
        if (entity) this.add(j, k, entity, "name", true);
      }
      j = k;
    }
  }

  private add(start: number, end: number, entity: Entity, kind: Mention["kind"], modifier = false): void {
    const { doc } = this;
    const tokens = doc.tokens;
    let prevIndex = start - 1;
    while (prevIndex >= 0 && doc.tokenQuoted[prevIndex]) prevIndex--;
    const prev = prevIndex >= 0 && doc.tokenSentence[prevIndex] === doc.tokenSentence[start] ? tokens[prevIndex] : undefined;
    const opensClause = !prev || (prev.kind === "punct" && CLAUSE_MARKS.has(prev.text)) || (prev.kind === "word" && !prev.cap && CLAUSE_OPENERS.has(prev.lower));
    let after = partyTagEnd(tokens, end);
    // `The chief executive, Dr Jane Doe, said`: the mention took its appositive, the verb follows the comma.
    if (tokens[after]?.text === "," && tokens[after + 1] && isVerbLike(tokens[after + 1])) after++;
    // skip an appositive: `Doe, the mayor, said`
    else if (tokens[after]?.text === ",") {
      let k = after + 1;
      while (k < tokens.length && k < after + 24 && tokens[k].text !== "," && doc.tokenSentence[k] === doc.tokenSentence[start]) k++;
      if (tokens[k]?.text === ",") after = k + 1;
    }
    if (after > end && tokens[after]?.text === ",") after++;
    const next = tokens[after];
    const possessive = tokens[end]?.kind === "poss";
    const verbNext = !!next && next.kind === "word" && !next.cap && !PREPOSITIONS.has(next.lower) && !NOT_VERBS.has(next.lower);
    // `…, said Jane Doe, the director.`: the one an inverted speech verb names is speaking.
    // (a name, with no verb of its own after it: `Doe, for example, said Roe continued …` is Doe speaking)
    const inverted = kind === "name" && !verbNext && !modifier && !possessive && prevIndex === start - 1 && this.afterInvertedVerb(start);
    const subject = !modifier && !possessive && opensClause && (verbNext || next === undefined) && start >= this.appositiveEnd;
    // The first subject of a sentence is its main clause's; later ones are embedded (`… that Doe may win`).
    const main = subject && this.lastSubjectSentence !== doc.tokenSentence[start];
    if (subject) this.lastSubjectSentence = doc.tokenSentence[start];
    let v = after;
    while (tokens[v]?.kind === "word" && /ly$/.test(tokens[v].lower)) v++;
    // `Doe continued to …` is not speech.
    const notSpeech = /^continu/.test(tokens[v]?.lower ?? "") && tokens[v + 1]?.lower === "to";
    // `… bridges to Doe, said Jane Roe`: a name that is a preposition's object does not speak the verb after the comma.
    const othersVerb = after > end && !!prev && prev.kind === "word" && !prev.cap && PREPOSITIONS.has(prev.lower);
    const speaking = inverted || (!modifier && !possessive && !!tokens[v] && tokens[v].kind === "word" && !tokens[v].cap && cueVerbForms.has(tokens[v].lower) && !notSpeech && !othersVerb);
    // (an inverted speaker may end the text: no verb after it)
    const asking = speaking && !!tokens[v] && ASKING_VERBS.has(tokens[v].lower) && !!tokens[v + 1] && isNameWord(tokens[v + 1]);
    const asked = start > 0 && tokens[start - 1].kind === "word" && ASKING_VERBS.has(tokens[start - 1].lower) && !modifier && !possessive;
    this.mentions.push({ start, end, sentence: doc.tokenSentence[start], paragraph: doc.tokenParagraph[start], entity, kind, subject, main, modifier: modifier || possessive, speaking, asking, asked });
    this.counts.set(entity, (this.counts.get(entity) ?? 0) + 1);
    this.lastMention.set(entity, this.mentions.length - 1);
    // Gender from the words around a person: `spokeswoman Jane Doe`, `Mr. Doe`.
    if (entity.kind === "person" && !entity.gender) {
      const g = genderNear(tokens, start, end);
      if (g) entity.gender = g;
    }
  }

  /** Resolves a phrase read at token `at` (using only what came before it). */
  /**
   * A lone capitalised role word that is the surname of someone the document named is that person
   * (`Julie Bishop …` then `Bishop said`), not a bishop.
   */
  asSurname(phrase: SpeakerPhrase): SpeakerPhrase {
    if (phrase.type !== "role" || phrase.organization || phrase.owner || phrase.orgNoun) return phrase;
    const word = phrase.role.text;
    if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return phrase;
    return this.entities.withSurname(word).some((e) => e.kind === "person" && e.name.includes(" ")) ? { type: "name", name: word } : phrase;
  }

  resolveAt(phrase: SpeakerPhrase, at: number, scanning = false): Resolved | undefined {
    const { entities } = this;
    const org = (name?: string) => (name ? entities.knownOrganization(name) ?? entities.organization(name) : undefined);
    const sure = (entity: Entity | undefined): Resolved | undefined => (entity ? { entity, ambiguous: false } : undefined);
    // A name the user declared an alias of someone (`IB` → `Jane Doe`) means that someone.
    if ((phrase.type === "name" || phrase.type === "organization") && entities.expand(phrase.name) !== phrase.name.replace(/\s+/g, " ").trim()) {
      const expanded = entities.expand(phrase.name);
      return sure(expanded.includes(" ") && classifyName(tokenizePhrase(expanded)) !== "organization" ? entities.person(expanded) : entities.organization(expanded));
    }
    switch (phrase.type) {
      case "pronoun":
        // `I said`, `you said` in a story are its writer and reader: no one this index can name.
        if (phrase.word === "i" || phrase.word === "you") return undefined;
        return phrase.word === "he" || phrase.word === "she" || phrase.word === "him" || phrase.word === "her" ? this.resolvePronoun(phrase.word, at) : this.resolvePlural(phrase.word, at);
      case "person": {
        const owner = phrase.organization ? org(phrase.organization) : phrase.orgNoun ? this.recentOrganization(at, phrase.orgNoun) : undefined;
        const words = phrase.name.split(" ");
        if (words.length === 1) {
          const r = this.pickPerson(entities.withSurname(phrase.name), at, phrase.gender) ?? this.pickPerson(entities.withGiven(phrase.name), at, phrase.gender);
          const e = r?.entity ?? entities.person(phrase.name, phrase.gender);
          settleGender(e, phrase.gender);
          entities.describe(e, phrase.role, owner);
          return { entity: e, ambiguous: r?.ambiguous ?? false };
        }
        const e = entities.person(phrase.name, phrase.gender);
        entities.describe(e, phrase.role, owner);
        return sure(e);
      }
      case "name": {
        if (phrase.weak) return this.pickPerson(entities.withSurname(phrase.name), at, phrase.gender);
        const known = entities.withSurname(phrase.name);
        if (known.length) return this.pickPerson(known, at, phrase.gender);
        const byGiven = entities.withGiven(phrase.name);
        if (byGiven.length) return this.pickPerson(byGiven, at, phrase.gender);
        const organization = entities.knownOrganization(phrase.name);
        // `Murphy's campaign` named an organisation after a person: `said Murphy` is that person.
        if (organization && !(isPersonalOutfit(organization) && !phrase.name.includes(" "))) return sure(organization);
        if (phrase.name.includes(" ")) return sure(entities.person(phrase.name, phrase.gender));
        // A single unknown name: a person when it speaks, else not yet known to be anyone.
        return sure(scanning ? entities.unknown(phrase.name) : entities.person(phrase.name, phrase.gender));
      }
      case "organization":
        return sure(entities.organization(phrase.name, phrase.orgType));
      case "group":
        return sure(entities.group(phrase.name));
      case "spokesperson": {
        const owner = org(phrase.organization) ?? (phrase.owner ? this.ownerEntity(phrase.owner, at) : undefined) ?? this.recentOrganization(at, phrase.orgNoun);
        return owner ? sure(entities.spokesperson(owner, phrase.noun)) : undefined;
      }
      case "role": {
        const owner = org(phrase.organization) ?? (phrase.owner ? this.ownerEntity(phrase.owner, at) : undefined) ?? (phrase.orgNoun ? this.recentOrganization(at, phrase.orgNoun) : undefined);
        if (owner) {
          // `captain Jane Doe … "…," the Tigers skipper said`: the person the story gave that role
          // (at no organisation or this one), now placed there — not someone new. (Not `a Tigers
          // skipper`, `Doe's lawyer`, nor `the Ohio senator`: a place tells senators apart.)
          const placed = phrase.definite && owner.kind === "organization" && !places.has(owner.name.toLowerCase());
          // (`the Meridian boss`: whoever leads it, by whatever title — `team principal`, `manager`, `chairman`)
          const boss = phrase.role.text.toLowerCase() === "boss";
          const holder = boss ? leaderOf(entities, owner) : entities.roleHolder(phrase.role, owner);
          const held = holder ?? (placed ? this.recentRoleHolder(boss ? LEADING_ROLES : phrase.role.role, at, phrase.gender, owner) : undefined);
          if (held) {
            entities.describe(held, phrase.role, owner);
            return sure(held);
          }
          return sure(entities.rolePerson(phrase.role, owner));
        }
        if (phrase.indefinite) return sure(entities.anonymous(phrase.role.text));
        return this.resolveNominal(phrase.role.role, at, phrase.gender, phrase.role.text);
      }
      case "orgNoun": {
        // `her campaign`, `his office`: the outfit of the person the pronoun means, named after them
        // (as `Doe's campaign` is) — never the last organisation mentioned.
        if (phrase.possessor && PERSONAL_OUTFITS.has(phrase.noun)) {
          // (only a person known to be a woman for `her`, a man for `his`: a guess names no outfit)
          const person = this.resolvePronoun(phrase.possessor === "her" ? "she" : "he", at);
          const gender = phrase.possessor === "her" ? "female" : "male";
          return person && !person.ambiguous && person.entity.kind === "person" && person.entity.gender === gender ? sure(entities.organization(person.entity.name, phrase.noun)) : undefined;
        }
        return sure(this.recentOrganization(at, phrase.noun));
      }
      case "anonymous":
        // (`one of them`: someone among people just mentioned, whom the words do not describe — no one to name)
        if (/\bof (?:them|those|these|us)$/i.test(phrase.descriptor)) return undefined;
        return sure(entities.anonymous(phrase.descriptor.replace(/^(a|an|one|another|some|several|many|other)\s+(?!of\b)/i, "")));
    }
  }

  private ownerEntity(name: string, at: number): Entity | undefined {
    return this.pickPerson(this.entities.withSurname(name), at)?.entity ?? this.entities.knownOrganization(name) ?? this.entities.organization(name);
  }

  /**
   * Mentions before token `at`, newest first. Callers stop after a bounded window (sentences or
   * a count), so each look-up costs the window, not the document: attribution stays linear.
   */
  *before(at: number): Generator<Mention> {
    // Mentions are in text order.
    for (let m = firstStartingAt(this.mentions, at) - 1; m >= 0; m--) yield this.mentions[m];
  }

  /** The index in `mentions` of the newest mention before token `at` (-1: none): `before` as a plain loop, for hot look-ups. */
  lastBefore(at: number): number {
    return firstStartingAt(this.mentions, at) - 1;
  }

  /**
   * Among people sharing a name (`Clinton`), the one this document has made most present by
   * `at`: mentioned most, and most recently. Ambiguous when another is nearly as present.
   */
  pickPerson(candidates: Entity[], at: number, gender?: Gender): Resolved | undefined {
    const list = ofGender(candidates.filter((e) => e.kind === "person" || e.kind === "unknown"), gender);
    if (list.length === 0) return undefined;
    if (list.length === 1) return { entity: list[0], ambiguous: false };
    // Each candidate once, in the order first listed, with its score (a handful: found by a
    // look along them, no map of entities built for each look-up).
    const people: Entity[] = [];
    for (const e of list) if (!people.includes(e)) people.push(e);
    // (Doubles from the start: an array of small integers turning into one of fractions would deoptimise this.)
    const score = new Float64Array(people.length);
    let rank = 0;
    let seen = 0;
    for (let mi = this.lastBefore(at); mi >= 0; mi--) {
      const m = this.mentions[mi];
      // A bounded window of recent mentions, then each one's count over the whole document.
      if (++seen > MENTION_WINDOW) break;
      const k = people.indexOf(m.entity);
      if (k < 0) continue;
      // Recent mentions count more; a bare-surname mention says who the surname means here.
      // (A pronoun says less: `He died.` after the son does not make `Kowalczyk said`, after his
      // father was named, the son's.)
      const bareSurname = m.end - m.start === 1 && m.kind === "name";
      score[k] += (bareSurname ? 2 : m.kind === "pronoun" ? 0.3 : 1) / (1 + rank * 0.15);
      rank++;
    }
    for (const e of list) score[people.indexOf(e)] += 0.1 * Math.min(this.mentionCount(e), 20);
    // (The sort is stable: equal scores stay in the order listed.)
    const sorted = people.map((_, k) => k).sort((a, b) => score[b] - score[a]);
    const [best, second] = sorted;
    return { entity: people[best], ambiguous: score[best] < 1.5 * score[second] + 0.01 };
  }

  /** `he`/`she` at token `at`: see `resolve.ts` for the rules. */
  resolvePronoun(word: string, at: number, named?: (e: Entity) => boolean): Resolved | undefined {
    return resolvePersonPronoun(this, word, at, named);
  }

  /** `they`/`it`: the last organisation, group or anonymous speaker. */
  private resolvePlural(word: string, at: number): Resolved | undefined {
    const sentence = this.sentenceOf(at);
    for (let mi = this.lastBefore(at); mi >= 0; mi--) {
      const m = this.mentions[mi];
      if (sentence - m.sentence > 3) break;
      const k = m.entity.kind;
      if (k === "organization" || k === "group" || k === "anonymous" || (k === "unknown" && !m.entity.role) || (word === "we" && k === "person")) {
        // `Acme … the groups who wrote to her say they …`: a plural noun between them is what `they` means.
        if (word !== "we" && word !== "it" && this.pluralSubjectBetween(m.end, at)) return undefined;
        return { entity: m.entity, ambiguous: false };
      }
    }
    return undefined;
  }

  /**
   * Whether a plural common noun that is a subject (`the groups who …`, `these activists say`)
   * stands in `[from, to)`. Looks at most at the last 150 tokens, so a look-up stays bounded.
   */
  private pluralSubjectBetween(from: number, to: number): boolean {
    const { tokens } = this.doc;
    for (let k = to - 1; k >= Math.max(from, to - 150); k--) {
      const t = tokens[k];
      if (t.kind !== "word" || t.cap || !PLURAL_DETERMINERS.has(t.lower) || this.doc.tokenQuoted[k]) continue;
      // Up to two describing words, then the plural noun and a verb or `who` after it.
      for (let n = k + 1; n < to && n <= k + 3; n++) {
        const noun = tokens[n];
        const next = tokens[n + 1];
        if (isPluralNoun(noun) && next && next.kind === "word" && !next.cap && (["who", "that", "have", "are", "were", "say", "said"].includes(next.lower) || (verbForms.has(next.lower) && !/ing$/.test(next.lower)))) return true;
        if (!isAdjectiveLike(noun)) break;
      }
    }
    return false;
  }

  sentenceOf(at: number): number {
    return at < this.doc.tokenSentence.length ? this.doc.tokenSentence[at] : this.doc.sentences.length;
  }

  /** The organisation a nominal (`the company`, `its`) most likely means: the last one of a fitting kind. */
  recentOrganization(at: number, noun?: string): Entity | undefined {
    let seen = 0;
    for (let mi = this.lastBefore(at); mi >= 0; mi--) {
      const m = this.mentions[mi];
      if (++seen > MENTION_WINDOW) break;
      const e = m.entity;
      // (`… was contacted by Reuters. A spokeswoman said`: the outlet asking is not whose spokeswoman speaks)
      // (a one-word name seen only at a sentence's start may be a common noun: `Revenue declined 7
      // percent. … the company said` is not `Revenue`)
      if ((e.kind === "organization" || (e.kind === "unknown" && !e.role && (e.name.includes(" ") || this.evidence.capitalisedInside(e.name.toLowerCase())))) && (!noun || nominalFits(noun, e)) && (!isNewsOutlet(e.name) || (!!noun && MEDIA_NOUNS.has(noun)))) return e;
    }
    return undefined;
  }

  /**
   * `the senator`, `the former governor`: the last person this document gave that role; else
   * the person the text is about at that point, as for a pronoun (less sure: a role they were
   * never given).
   */
  resolveNominal(role: string, at: number, gender?: Gender, text?: string): Resolved | undefined {
    const held = this.recentRoleHolder(role, at, gender, undefined, text);
    // (not the one whose question this replies to: `the editor replied` after the moderator asked)
    if (held && held !== questionAnswered(this, at)) return { entity: held, ambiguous: false };
    const likely = resolvePersonPronoun(this, gender === "female" ? "she" : gender === "male" ? "he" : "", at);
    return likely && { entity: likely.entity, ambiguous: true };
  }

  /** The last person given `role` in the twelve sentences before `at` (at no organisation or at `organization`, when given). */
  private recentRoleHolder(role: string | ReadonlySet<string>, at: number, gender?: Gender, organization?: Entity, text?: string): Entity | undefined {
    const holds = typeof role === "string" ? (e: Entity) => e.role === role || !!e.roles?.has(role) : (e: Entity) => (!!e.role && role.has(e.role)) || [...(e.roles ?? [])].some((r) => role.has(r));
    const head = headNoun(text);
    let held: Entity | undefined;
    const sentence = this.sentenceOf(at);
    for (let mi = this.lastBefore(at); mi >= 0; mi--) {
      const m = this.mentions[mi];
      if (sentence - m.sentence > 12) break;
      const e = m.entity;
      // (an unnamed one too: `a Navy captain who was not authorized to speak said …` then `the captain said`)
      // (the same noun, not only the same kind of role: `the general` is not `a Navy captain`)
      // (`A diplomat from a member state said …` then `the diplomat said`: an anonymous one, named by the noun alone)
      // (and only just before: a lede's `A lawmaker in the Philippines is calling …` is often named later)
      const unnamed = (e.kind === "unknown" || (e.kind === "anonymous" && sentence - m.sentence <= 2)) && m.kind === "nominal" && INDEFINITE.has(this.doc.tokens[m.start].lower) && !!head && headNoun(e.roleText ?? (e.kind === "anonymous" ? e.name : undefined)) === head;
      if (!(e.kind === "person" || unnamed) || (!unnamed && !holds(e)) || (gender && e.gender && e.gender !== gender) || (organization && e.organization && e.organization !== organization)) continue;
      // (someone named with that kind of role (`the general`, General Doe) may still be someone
      // else: an unnamed one with the very noun, introduced before, is whom it means)
      // (an anonymous one only when no one named with the role came since: `A lawmaker in the
      // Philippines is calling …`, then Rep. Joey Salceda, then `The lawmaker … said` is Salceda)
      if (unnamed) return e.kind === "anonymous" && held ? held : e;
      if (!head || headNoun(e.roleText) === head) return held ?? e;
      held ??= e;
    }
    return held;
  }

  private spoke: QuoteSpeakerMark[] = [];
  private lastSubjectSentence = -1;
  /** Per entity: how often and where (the index of its last mention) the scan has met it. */
  private lastMention = new Map<Entity, number>();
  /** Tokens before this end an appositive the scan read after a name. */
  private appositiveEnd = 0;

  /** Records who spoke a quotation ending at a token (for `"…," he added` after it). */
  noteSpeaker(mark: QuoteSpeakerMark): void {
    this.spoke.push(mark);
  }

  /** The speaker of the last quotation that ended before token `at`. */
  lastSpeakerBefore(at: number): QuoteSpeakerMark | undefined {
    for (let k = this.spoke.length - 1; k >= 0; k--) if (this.spoke[k].at <= at) return this.spoke[k];
    return undefined;
  }

  mentionCount(e: Entity): number {
    return this.counts.get(e) ?? 0;
  }
}

/** Roles that lead an organisation: the ones `the Acme boss` may mean. */
const LEADING_ROLES: ReadonlySet<string> = new Set(["CEO", "head", "chair", "president", "director", "manager", "coach", "founder", "owner", "leader"]);

/** Whoever the document gave a leading role at `organization` (in `LEADING_ROLES` order). */
function leaderOf(entities: DocumentEntities, organization: Entity): Entity | undefined {
  for (const role of LEADING_ROLES) {
    const holder = entities.roleHolder({ role, text: role }, organization);
    if (holder) return holder;
  }
  return undefined;
}
/** Last words of a news outlet's name (`the Lisport Echo`), and outlets known by name alone. */
const OUTLET_HEADS = new Set(["echo", "times", "post", "herald", "gazette", "journal", "news", "tribune", "telegraph", "guardian", "chronicle", "observer", "courier", "mirror", "express", "examiner", "inquirer", "independent", "sun", "star", "bulletin", "dispatch", "press", "review", "reuters", "bloomberg", "politico", "axios", "bbc", "cnn", "msnbc", "npr", "afp", "ap", "upi", "radio", "television", "tv"]);
const OUTLET_NAMES = new Set(["associated press", "agence france-presse", "agence france presse", "fox news", "sky news", "al jazeera", "nbc", "abc", "cbs", "itv", "rte", "cbc"]);
const MEDIA_NOUNS = new Set(["newspaper", "paper", "broadcaster", "network", "channel", "station", "outlet", "magazine", "agency", "site", "publication"]);
const isNewsOutlet = (name: string) => OUTLET_NAMES.has(name.toLowerCase()) || OUTLET_HEADS.has(name.split(" ").pop()!.toLowerCase());

/**
 * Can `the board` (a nominal) mean this organisation? When its kind is known, if the kinds fit;
 * when not, only a business noun (`the company`) or the organisation's own last word
 * (`the board` for `Lisport Health Board`) — a newspaper is not `the board`.
 */
function nominalFits(noun: string, e: Entity): boolean {
  if (e.orgType || noun === "its" || noun === "their") return orgTypeFits(noun, e);
  const last = e.name.split(" ").pop()!.toLowerCase();
  // (`The company said` is never the regulator named last: `the Federal Thrift Board`)
  if (COMMERCIAL_NOUNS.has(noun) && PUBLIC_BODIES.has(last)) return false;
  // (`Crescendo Entertainment …` then `the agency said`, `the label said`: an entertainment company is an artist's agency or label)
  if ((noun === "agency" || noun === "label") && ENTERTAINMENT_HEADS.has(last)) return true;
  return last === noun || BUSINESS_NOUNS.has(noun);
}
/** Last words of an entertainment company's name (`Crescendo Entertainment`, `Bellstar Music`). */
const ENTERTAINMENT_HEADS = new Set(["entertainment", "management", "talent", "music", "records", "artists", "creative", "media"]);
/** Nouns for a business, which a public body is not. */
const COMMERCIAL_NOUNS = new Set(["company", "firm", "business", "startup", "start-up", "retailer", "maker", "operator", "chain", "exchange", "app", "website", "site", "platform"]);
/** Last words of a public body's name. */
const PUBLIC_BODIES = new Set(["board", "agency", "department", "commission", "committee", "council", "ministry", "court", "police", "government", "office", "administration", "bureau", "authority", "regulator", "assembly", "parliament", "senate", "congress", "service", "tribunal", "inspectorate", "ombudsman"]);
/** The last word of a role's words, lower case (`Navy captain` → `captain`). */
const headNoun = (text: string | undefined) => text?.toLowerCase().split(" ").pop();
/** Determiners introducing someone new and unnamed (`a Navy captain`). */
const INDEFINITE = new Set(["a", "an", "one", "another"]);
const BUSINESS_NOUNS = new Set(["company", "firm", "business", "group", "platform", "exchange", "organization", "organisation", "startup", "start-up", "app", "website", "site", "network", "chain", "retailer", "maker", "operator", "campaign"]);

/** A lower-case word that is a verb form, an auxiliary or a modal. */
const PLURAL_DETERMINERS = new Set(["the", "these", "those", "some", "many", "several", "both", "other", "most", "two", "three", "four", "five", "dozens", "hundreds"]);
const isAdjectiveLike = (t: Token) => t.kind === "word" && !t.cap && !verbForms.has(t.lower) && !stopwordSet.has(t.lower);
/** `groups`, `activists`, `people` — not `process`, `campus`, `crisis`, `news`, `politics`. */
const isPluralNoun = (t: Token) => t.kind === "word" && !t.cap && (groupNouns.has(t.lower) || (/^\p{Ll}{3,}s$/u.test(t.lower) && !/(ss|us|is|ics|news|ways)$/.test(t.lower) && !verbForms.has(t.lower) && !stopwordSet.has(t.lower)));
export const isVerbLike = (t: Token) => t.kind === "word" && !t.cap && verbForms.has(t.lower);

/** A lower-case word that may be a noun continuing a phrase: not a verb, not a function word. */
const isNounLike = (t: Token) => t.kind === "word" && !t.cap && !verbForms.has(t.lower) && !stopwordSet.has(t.lower) && !notNameWords.has(t.lower) && !CLAUSE_OPENERS.has(t.lower) && !PREPOSITIONS.has(t.lower) && !/(ed|ly)$/.test(t.lower) && !/^\p{N}/u.test(t.text);

/** Words right before or inside a mention that say whether it is a man or a woman. */
function genderNear(tokens: Token[], start: number, end: number): Gender | undefined {
  for (let k = Math.max(0, start - 3); k < end; k++) {
    const w = tokens[k];
    if (w.kind !== "word") continue;
    const lower = w.lower.replace(/\.$/, "");
    if (k < start && !(rolePhrases.has(lower) || isTitle(w) || lower === "actress" || lower === "actor")) continue;
    const g = GENDERED.get(lower);
    if (g) return g;
  }
  return undefined;
}

const GENDERED = new Map([...genderedWords].filter(([w]) => !["he", "she", "her", "him", "his", "herself", "himself", "man", "woman"].includes(w)));

/** A name word inside a phrase, not a title, role, description or time word: `Acme CEO Jane Doe` → `Acme`, `Jane Doe`. */
function isInnerNameWord(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  return isNameWord(t) && !isTitle(t) && !roleAt(tokens, j, j + 1) && !describingWords.has(t.lower) && !notNameWords.has(t.lower) && !timeWords.has(t.lower);
}

/** The lower-case words of a person's or a bare name (without a final full stop): the head of a phrase. */
function headWordsOf(phrase: SpeakerPhrase | undefined): Set<string> {
  const words = new Set<string>();
  if (phrase && (phrase.type === "person" || phrase.type === "name")) for (const w of phrase.name.toLowerCase().split(" ")) words.add(withoutFullStop(w));
  return words;
}

/** `w.replace(/\.$/, "")` without the regular expression. */
const withoutFullStop = (w: string) => (w.charCodeAt(w.length - 1) === 0x2e ? w.slice(0, -1) : w);

/** Which tokens a mention may stand in (see `MentionIndex.readable`): 1 for each that may. */
function readableTokens(doc: PreparedDocument, headline: Uint8Array): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  for (let i = 0; i < out.length; i++) out[i] = !doc.tokenQuoted[i] && READABLE.has(doc.paragraphs[doc.tokenParagraph[i]].kind) && !headline[doc.tokenSentence[i]] ? 1 : 0;
  return out;
}

/**
 * Sentences in headline case (`Trump Launches A Bid That Buried Rivals`): capitalised common words
 * (`The`, `That`, `Launches`) and no lower-case word of four letters or more. A sentence that is
 * merely full of names (`Jane Doe and Ravi Menon run Acme`) is not one.
 */
function headlineSentences(doc: PreparedDocument): Uint8Array {
  const out = new Uint8Array(doc.sentences.length);
  const common = new Int32Array(doc.sentences.length);
  const longLower = new Uint8Array(doc.sentences.length);
  doc.tokens.forEach((t, i) => {
    if (t.kind !== "word" || doc.tokenQuoted[i]) return;
    const s = doc.tokenSentence[i];
    if (!t.cap && t.lower.length >= 4) longLower[s] = 1;
    if (t.cap && (stopwordSet.has(t.lower) || verbForms.has(t.lower) || notNameWords.has(t.lower))) common[s]++;
  });
  for (let s = 0; s < out.length; s++) if (common[s] >= 2 && !longLower[s]) out[s] = 1;
  for (let i = 0; i < doc.tokens.length; i++) if (doc.paragraphs[doc.tokenParagraph[i]].kind === "heading") out[doc.tokenSentence[i]] = 1;
  return out;
}

/** Past a party tag in brackets at `k` (`(R)`, `(D-N.Y.)`, `(R-Texas)`), or `k` itself. */
export function partyTagEnd(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== "(") return k;
  let close = k + 1;
  while (close < tokens.length && close <= k + 5 && tokens[close].text !== ")") close++;
  if (tokens[close]?.text !== ")") return k;
  return isPartyTag(tokens.slice(k + 1, close).map((t) => t.text).join(""), true) ? close + 1 : k;
}

/**
 * `Jason and Erin Moody`: a couple named with one surname — the first given name is a person of
 * that surname too (`Mr. Moody` later is Jason, not Erin).
 */
function coupleName(tokens: readonly Token[], i: number, end: number, head: SpeakerPhrase | undefined): SpeakerPhrase | undefined {
  if (head?.type !== "name" || end !== i + 1 || !isGivenName(tokens[i].text)) return head;
  const [and, given, surname, after] = [tokens[end], tokens[end + 1], tokens[end + 2], tokens[end + 3]];
  if (and?.lower !== "and" || !given?.cap || !isGivenName(given.text) || !surname?.cap || surname.kind !== "word") return head;
  if (after?.kind === "word" && after.cap) return head;
  return { type: "person", name: `${tokens[i].text} ${surname.text}`, gender: head.gender };
}

/**
 * `a woman who gave her name only as Dorothy`, `a man identified only as Karim`, `who gave only
 * his first name, Karim`: the name someone gave is a person's, whom `she said` may then mean.
 */
function nameGiven(tokens: readonly Token[], i: number, end: number, head: SpeakerPhrase | undefined): SpeakerPhrase | undefined {
  if (head?.type !== "name" || end !== i + 1) return head;
  return nameGivenAt(tokens, i) ? { type: "person", name: head.name, gender: head.gender ?? genderOfGivenName(head.name) } : head;
}

/** Where a wire dateline opening a paragraph ends (`LISPORT, Norland (Wire) —`), or `i` when none starts at token `i`. */
function datelineAt(doc: PreparedDocument, i: number): number {
  if (i > 0 && doc.tokenParagraph[i - 1] === doc.tokenParagraph[i]) return i;
  return datelineEnd(doc.tokens, i, doc.tokens.length);
}
