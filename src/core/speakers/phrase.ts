/**
 * Reads a noun phrase that may name a speaker — `Acme CEO Jesse Doe`, `Sen. Jane Roe, D-Mont.`,
 * `a spokeswoman for Acme`, `Clinton's campaign manager, John Doe`, `the former Ohio governor`,
 * `the company`, `another commenter`, `he` — into what it says about the speaker. Resolving it to
 * an entity of the document (which needs the context before it) is `resolve.ts`'s job.
 *
 * Names are read strictly: a capitalised word is part of a name only when it can be one. Days,
 * months, places, lead-ins (`When`, `Last`, `Using`) and words that this document writes in
 * lower case elsewhere are not; a role chain (`White House deputy press secretary`) is a role,
 * not the first half of a name.
 */
import {
  anonymousDeterminers,
  anonymousNouns,
  corporateSuffixes,
  demonyms,
  describingWords,
  genderedWords,
  groupNouns,
  longestPlace,
  longestRolePhrase,
  monthsThatAreGivenNames,
  notNameWords,
  orgHeads,
  orgNouns,
  thingNouns,
  orgStarts,
  personPronouns,
  personTitles,
  places,
  pluralPronouns,
  rolePhrases,
  spokesRoles,
  stopwordSet,
  thingPronouns,
  timeWords,
  verbForms,
} from "../lexicon";
import { type Gender, genderOfTitle, isGivenName } from "./givenNames";
import type { Token } from "./tokens";

export interface RoleRef {
  role: string;
  text: string;
}

export type SpeakerPhrase =
  | { type: "pronoun"; word: string }
  /** `place`: where a person is from (`Sen. Jane Doe of Vermont`), no organisation of theirs. */
  | { type: "person"; name: string; role?: RoleRef; organization?: string; orgNoun?: string; owner?: string; gender?: Gender; place?: string }
  /**
   * A bare name that may be a person's surname or an organisation (`Doe`, `Acme`); `weak` when
   * the word is also a place or a date (`West`, `May`): a speaker only if the document names a
   * person so.
   */
  | { type: "name"; name: string; organization?: string; gender?: Gender; weak?: boolean }
  | { type: "organization"; name: string; orgType?: string }
  | { type: "spokesperson"; organization?: string; orgNoun?: string; owner?: string; noun: string; gender?: Gender }
  /** `indefinite`: `a candidate`, someone the story has not named (no one to resolve to); `definite`: `the Acme skipper`, someone it may have. */
  | { type: "role"; role: RoleRef; organization?: string; orgNoun?: string; owner?: string; gender?: Gender; indefinite?: boolean; definite?: boolean }
  /** `the company`; `her campaign` (`possessor`: the pronoun whose person it belongs to). */
  | { type: "orgNoun"; noun: string; possessor?: "his" | "her" }
  | { type: "anonymous"; descriptor: string }
  | { type: "group"; name: string };

/** What the document says about a capitalised word outside names: for reading sentence starts. */
export interface WordEvidence {
  /** Written capitalised somewhere other than the start of a sentence. */
  capitalisedInside(lower: string): boolean;
  /** Written in lower case somewhere. */
  writtenLower(lower: string): boolean;
}

export const NO_EVIDENCE: WordEvidence = { capitalisedInside: () => true, writtenLower: () => false };

const DETERMINERS = new Set(["the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "some", "several", "many", "other", "two", "three", "our", "your", "these", "those", "both"]);
const LINKS = new Set(["of", "for", "at", "with", "from"]);
/** Courtesy titles of other languages that open a name in English copy (`Mme Jane Doe`, `Sra. Ana Ruiz`). */
const FOREIGN_COURTESY = new Set(["mme", "mlle", "sra", "srta", "sr", "dona", "dom", "herr", "frau", "sig", "sgra", "hr", "fr"]);
/** Words relating one person to another (`her counterpart Anri Louw`). */
export const RELATIONS: ReadonlySet<string> = new Set(["counterpart", "rival", "opponent", "colleague", "teammate", "partner", "husband", "wife", "son", "daughter", "brother", "sister", "mother", "father", "friend", "successor", "predecessor", "deputy", "boss", "opposite", "fiancé", "fiancée", "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "stepson", "stepdaughter"]);
/** A word for people, singular or plural (`aides`, `traders`, `brothers`, `deputies`): a role, a relation, or an unnamed someone. */
export function isPeopleNoun(lower: string): boolean {
  const one = lower.endsWith("ies") ? `${lower.slice(0, -3)}y` : lower.replace(/s$/, "");
  return RELATIONS.has(one) || rolePhrases.has(one) || anonymousNouns.has(one);
}
/** Lower-case words before an outfit's name saying which government it belongs to (`the federal Health Ministry`). */
export const GOVERNMENT_LEVELS: ReadonlySet<string> = new Set(["federal", "national", "provincial", "regional", "municipal", "state", "county", "city", "central", "interim"]);
/** Words linking a person to the outfit or place they speak from (`Jane Doe of Acme`, `at`, `from`). */
export const ORIGIN_LINKS: ReadonlySet<string> = new Set(["of", "at", "from"]);
/** Role words that are also given names but before a name are titles (`Mayor Brandt`, `Judge Roe`). */
const TITLE_ROLE_WORDS = new Set(["mayor", "judge", "justice", "general", "colonel", "marshal", "chancellor", "sergeant", "marine"]);
const AUXILIARY_VERBS = new Set(["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "does", "did", "been", "being"]);
const CONNECTORS = new Set(["moreover", "however", "meanwhile", "furthermore", "besides", "also", "additionally", "still", "yet", "instead", "later", "earlier", "now", "then", "and", "but", "so", "finally", "indeed", "separately", "previously", "in", "detail", "addition", "particular", "short", "fact", "turn", "response", "even", "only", "just", "both", "either"]);
/** Lower-case words that may stand between capitalised name words. */
const NAME_PARTICLES = new Set(["de", "del", "della", "der", "den", "di", "da", "du", "la", "las", "los", "le", "van", "von", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "bint", "binti", "ap", "ab", "verch", "við", "í", "af", "av", "zu", "vom", "degli", "dei", "y", "i"]);

/** Name words with particles only inside them (`Renske van der Meulen`, `Sunnvør við Kellingará`). */
function isParticledName(words: readonly Token[]): boolean {
  return words.every((w, k) => isNameWord(w) || (k > 0 && k < words.length - 1 && NAME_PARTICLES.has(w.lower)));
}

/** Particles that open a surname written without the given name (`de Blasio`, `van Hollen`, `di Maio`). */
export const LEADING_PARTICLES = new Set(["de", "del", "della", "di", "da", "du", "van", "von", "dos", "das", "ibn", "bin", "ter", "bint"]);
/** Particles that may follow a first one (`de la Vega`, `van der Berg`, `de los Santos`). */
const SECOND_PARTICLES = new Set(["la", "las", "los", "le", "der", "den", "de", "del"]);

/** How many lower-case particles open a surname at `ws[i]` (`de`, `de la`, `van der`) when a name word follows them; else 0. */
export function leadingParticles(ws: readonly Token[], i: number): number {
  const t = ws[i];
  if (!t || t.kind !== "word" || t.cap || !LEADING_PARTICLES.has(t.lower)) return 0;
  const next = ws[i + 1];
  const n = next && next.kind === "word" && !next.cap && SECOND_PARTICLES.has(next.lower) ? 2 : 1;
  return isNameWord(ws[i + n]) ? n : 0;
}

export const isWord = (t: Token | undefined): boolean => !!t && t.kind === "word";
const bare = (t: Token) => (t.lower.charCodeAt(t.lower.length - 1) === 0x2e ? t.lower.slice(0, -1) : t.lower);

/** A capitalised word that can be part of a name (not `I`, not a number, not a day or month). */
export function isNameWord(t: Token | undefined): boolean {
  return !!t && t.kind === "word" && t.cap && !startsWithNumber(t.text) && t.lower !== "i" && !isGlued(t.text) && !PRONOUN_CONTRACTION.test(t.text);
}

/** `You've`, `I'm`, `We're`, `They'd`: a pronoun with its verb, never a name. */
const PRONOUN_CONTRACTION = /^(?:I|You|We|They|He|She|It)['’](?:ve|m|re|d|ll|s)$/;

/**
 * Words glued together where a page lost its spacing (`BushASSOCIATED`, `10:35PMJane`): a
 * lower-case letter followed by two capitals. No name is written so (`McDonald`, `DeSantis`,
 * `LaToya` have one capital after the lower case).
 */
function isGlued(text: string): boolean {
  for (let i = 1; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    if (a >= 0x61 && a <= 0x7a) {
      const b = text.charCodeAt(i);
      const c = text.charCodeAt(i + 1);
      if (b >= 0x41 && b <= 0x5a && c >= 0x41 && c <= 0x5a) return true;
    }
  }
  return false;
}

/** `/^\p{N}/u`, with ASCII answered from the character code. */
function startsWithNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 0x80 ? c >= 0x30 && c <= 0x39 : /^\p{N}/u.test(text);
}

export function isTitle(t: Token | undefined): boolean {
  return !!t && t.kind === "word" && personTitles.has(bare(t));
}

/** The longest role phrase starting at `words[i]`, if any (`deputy press secretary`). */
export function roleAt(words: Token[], i: number, end = words.length): { role: RoleRef; length: number } | undefined {
  // Most words start no role phrase and no title: answered from the first word alone.
  if (end - i < 1) return undefined;
  const first = words[i];
  if (first.kind !== "word" || (!ROLE_FIRST_WORDS.has(first.lower) && !ROLE_FIRST_WORDS.has(bare(first)) && !first.lower.includes("-"))) return undefined;
  for (let n = Math.min(longestRolePhrase, end - i); n >= 1; n--) {
    let key = "";
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const w = words[i + k];
      if (w.kind !== "word") ok = false;
      else key += (k ? " " : "") + (n === 1 ? bare(w) : w.lower);
    }
    if (!ok) continue;
    // A hyphenated compound of roles (`secretary-treasurer`, `co-chair`) is a role.
    const compound = n === 1 && key.includes("-") ? key.split("-").map((k) => rolePhrases.get(k)).find(Boolean) : undefined;
    // (`the PM`: only in capitals — `9 pm` is a time)
    if (key === "pm" && words[i].text !== "PM") continue;
    const role = rolePhrases.get(key) ?? (personTitles.has(key) ? titleRole(key) : undefined) ?? compound;
    if (role) return { role: { role, text: words.slice(i, i + n).map((w) => w.text.replace(/\.$/, "")).join(" ") }, length: n };
  }
  return undefined;
}

/** The first word of every role phrase and title (the keys `roleAt` looks up all start with one). */
const ROLE_FIRST_WORDS: ReadonlySet<string> = new Set([...rolePhrases.keys(), ...personTitles].map((k) => k.split(" ")[0]));

const TITLE_ROLES: Record<string, string> = { sen: "senator", rep: "representative", gov: "governor", pres: "president", gen: "military", col: "military", capt: "military", sgt: "military", lt: "military", maj: "military", adm: "military", cmdr: "military", cdr: "military", brig: "military", judge: "judge", justice: "judge", det: "police", insp: "police", amb: "official", atty: "lawyer" };
const titleRole = (key: string) => TITLE_ROLES[key];

/** The longest place name starting at `words[i]`, in words. */
function placeAt(words: Token[], i: number, end: number): number {
  for (let n = Math.min(longestPlace, end - i); n >= 1; n--) {
    const key = words.slice(i, i + n).map(bare).join(" ");
    if (places.has(key)) return n;
  }
  return 0;
}

/** Nouns that, after `the`, describe a person the story has named: an age, a nationality, `the youngster`. */
const EPITHET_NOUNS = new Set(["youngster", "teenager", "teen", "newcomer", "pensioner", "retiree", "octogenarian", "nonagenarian", "centenarian"]);
export const isEpithet = (w: Token | undefined) => !!w && w.kind === "word" && (/^\d+-year-old$/.test(w.lower) || (w.cap && demonyms.has(w.lower)) || (!w.cap && EPITHET_NOUNS.has(w.lower)));

/** Words that describe a person without naming them: `former`, `Republican`, `54-year-old`. */
export const isDescription = (w: Token) => describingWords.has(bare(w)) || w.lower === "then" || /^(then|ex|self)-/.test(w.lower) || /^\d+-(year|month)-old$/.test(w.lower);

/** Initials and `U.S.`: letters each followed by a full stop. */
const INITIALS = /^(?:\p{L}\.)+$/u;

/** Joins name words, dropping a title's full stop but keeping initials and `U.S.`. */
export function joinWords(ws: Token[]): string {
  // (Each regular expression only where it can change something: a word ending in a full stop,
  // a ` - ` in the words, a first character that may be a capital.)
  let joined = ws.map((w) => (w.text.charCodeAt(w.text.length - 1) !== 0x2e || INITIALS.test(w.text) ? w.text : w.text.slice(0, -1))).join(" ");
  if (joined.includes(" - ")) joined = joined.replace(/ - /g, "-");
  // `CLEVELAND-Donald …`: a dateline in capitals glued to the name by a dash is not part of it.
  const c = joined.charCodeAt(0);
  return c >= 0x80 || (c >= 0x41 && c <= 0x5a) ? joined.replace(/^\p{Lu}{3,} ?[-\u2013\u2014] ?(?=\p{Lu}\p{Ll})/u, "") : joined;
}

/**
 * The capitalised run starting at `i` that may be a name or an organisation's name: name words,
 * with `of`/`for`/`the`/`and`/`&` and particles between them (`Bank of America`, `Marks &
 * Spencer`, `Oscar de la Hoya`), initials and suffixes. Returns its end (exclusive).
 */
export function capRunEnd(ws: Token[], i: number, end = ws.length): number {
  let j = i;
  while (j < end) {
    const t = ws[j];
    if (isNameWord(t)) {
      j++;
      continue;
    }
    // (`Pieter van der Berg`, `José de la Vega`: two particles inside a name)
    if (j > i && leadingParticles(ws, j) === 2) {
      j += 2;
      continue;
    }
    // a hyphen inside a name: `Chicago - Kent` when tokenised apart
    const joiner = t.text === "&" || (t.kind === "word" && !t.cap && (NAME_PARTICLES.has(t.lower) || ["of", "for", "the"].includes(t.lower) || (t.lower === "and" && andJoinsOrg(ws, j + 1, end))));
    if (j > i && joiner && isNameWord(ws[j + 1])) {
      // `of`/`for`/`the`/`and` join only organisation-like runs: `Secretary of State`, `Bank of America`.
      if (["of", "for", "the"].includes(t.lower) && !runLooksLikeOrgOrRole(ws, i, j)) break;
      j += 1;
      continue;
    }
    break;
  }
  return j;
}

/** `Harbour and Dockworkers Union`: `and` joins name words when the words after it end an organisation's name. */
export function andJoinsOrg(ws: Token[], from: number, end: number): boolean {
  let k = from;
  while (k < end && k < from + 5 && isNameWord(ws[k])) k++;
  return k > from && orgHeads.has(bare(ws[k - 1]));
}

/** Before `of`: a run such as `Secretary`, `Bank`, `University`, `Party` may continue. */
function runLooksLikeOrgOrRole(ws: Token[], i: number, j: number): boolean {
  const last = ws[j - 1];
  return orgHeads.has(bare(last)) || orgStarts.has(bare(last)) || rolePhrases.has(bare(last)) || personTitles.has(bare(last)) || !!roleAt(ws, j - 1, j);
}

/** Titles that only stand before a person's name (a role word after one is a surname). */
const COURTESY_TITLES = new Set(["mr", "mrs", "ms", "miss", "dr", "mister", "madam", "mme", "m"]);

/** Offices a courtesy title addresses (`Mr. President`, `Madam Secretary`): the role, not a surname. */
const ADDRESSED_OFFICES = new Set(["president", "speaker", "chairman", "chairwoman", "chair", "secretary", "ambassador", "mayor", "governor", "senator", "minister", "justice", "commissioner", "director", "prosecutor"]);

const SURNAME_PREFIX = /^(Vander|Vanden|Vande|Van|Von|Fitz|Della|Delle|Dela)\p{Lu}\p{Ll}/u;

export type NameKind = "person" | "organization" | "place" | "group" | "time" | "unknown";

/** What a run of capitalised words is. */
export function classifyName(words: Token[]): NameKind {
  if (words.length === 0) return "unknown";
  const lowers = words.map(bare);
  if (lowers.some((w) => timeWords.has(w)) && !isMonthSurname(words)) return "time";
  if (placeAt(words, 0, words.length) === words.length) return "place";
  const last = lowers[lowers.length - 1];
  // `Maple Street`, `Route 9 Highway`: a street or road, whatever the words before it.
  if (words.length >= 2 && words[words.length - 1].cap && STREET_WORDS.has(last.replace(/\.$/, ""))) return "place";
  // (`Mill Lane`, `Orchard Close`: a street, unless a given name comes first — `Nathan Lane` is a man)
  if (words.length === 2 && words[1].cap && (last === "lane" || last === "close") && !isGivenName(words[0].text)) return "place";
  if (words.length === 1 && groupNouns.has(last)) return "group";
  if (orgHeads.has(last) || corporateSuffixes.has(last) || (words.length > 1 && orgNouns.has(last))) return "organization";
  if (words.length > 2 && orgStarts.has(lowers[0]) && lowers[1] === "of") return "organization";
  // `Jane Doe and John Roe`: two people, not an organisation's name.
  const and = lowers.indexOf("and");
  if (and >= 2 && and <= words.length - 3 && classifyName(words.slice(0, and)) === "person" && classifyName(words.slice(and + 1)) === "person") return "group";
  // `Attorneys for Doe`, `Lawyers for the Acme Trust`: people in a role, speaking together.
  if (words.length >= 3 && (lowers[1] === "for" || lowers[1] === "of") && /s$/.test(lowers[0]) && rolePhrases.has(lowers[0].slice(0, -1))) return "group";
  if (lowers.includes("of") || lowers.includes("for") || lowers.includes("the") || lowers.includes("and") || lowers.includes("&")) return "organization";
  // `HuffPo`, `BuzzFeed`: a capital inside a word after three lower-case letters is a brand, not a person (`McDonald`, `DeSantis` are).
  // A given name written with two capitals (`KellyAnne Doe`, `MaryBeth Roe`) before a surname is a person's.
  const twoCapitalGiven = (w: Token, k: number) => k === 0 && words.length >= 2 && isGivenName(w.text.replace(/^(\p{Lu}\p{Ll}+)\p{Lu}.*$/u, "$1"));
  // A surname with a particle written into it (`VanderSloot`, `FitzGerald`, `VonDrehle`) is a person's too.
  if (words.some((w, k) => /^\p{Lu}\p{Ll}{3,}\p{Lu}/u.test(w.text) && !twoCapitalGiven(w, k) && !SURNAME_PREFIX.test(w.text))) return "organization";
  // An acronym (`FBI`, `NAACP`) names an organisation; initials (`J.D.`) may name a person.
  if (words.length === 1 && /^\p{Lu}{2,6}s?$/u.test(words[0].text) && !/\./.test(words[0].text)) return "organization";
  if (words.length >= 2 && words.every((w) => /^\p{Lu}{2,}$/u.test(w.text))) return "organization";
  // `CNN Money`, `POLITICO Florida`: an outlet's name in capitals beside ordinary words (a person's is not written so, unless all of it is).
  // (A place in capitals is a dateline: `CHICAGO - Jane Doe`.)
  if (words.length >= 2 && !isGivenName(words[0].text) && words.some((w) => /^\p{Lu}{3,}$/u.test(w.text) && !places.has(bare(w))) && words.some((w) => /\p{Ll}/u.test(w.text))) return "organization";
  // (`Jean-Luc Doe`: given names joined by a hyphen are a given name.)
  const given = words[0].text;
  if (words.length >= 2 && words.length <= 5 && (isGivenName(given) || (given.includes("-") && given.split("-").every((g) => isGivenName(g))) || words.slice(1, -1).some((w) => /^\p{Lu}\.$/u.test(w.text)) || /^(jr|sr|ii|iii|iv)\.?$/i.test(words[words.length - 1].text))) return "person";
  return "unknown";
}

/** Words ending the name of a street or a road (not `Lane`, `Hill` or `Park`: surnames too). */
const STREET_WORDS = new Set(["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "highway", "hwy", "parkway", "pkwy", "township", "heights", "plaza", "expressway", "freeway", "turnpike", "creek", "river", "drive", "crescent", "terrace", "falls", "springs", "beach", "valley", "junction", "landing", "crossing"]);

/** `Theresa May`, `Jim April`: a month after a given name is a surname. */
function isMonthSurname(words: Token[]): boolean {
  const lowers = words.map(bare);
  return lowers.every((w, k) => !timeWords.has(w) || (monthsThatAreGivenNames.has(w) && (k > 0 ? isNameWord(words[k - 1]) : words.length > 1)));
}

/**
 * Drops capitalised words at the start of a run that are not names here: lead-ins and time
 * words (`When`, `Last`, `On Tuesday`), and — at the start of a sentence — words this document
 * otherwise writes in lower case and never capitalises inside a sentence (`Endorsed`, `Using`).
 */
export function trimRunStart(ws: Token[], i: number, end: number, atSentenceStart: boolean, evidence: WordEvidence): number {
  let k = i;
  while (k < end) {
    const w = ws[k];
    const lower = bare(w);
    const next = ws[k + 1];
    const nextIsName = k + 1 < end && isNameWord(next);
    // `Additionally`, `Notably`: an adverb opening the sentence (but `Kelly`, `Emily` are names).
    if (notNameWords.has(lower) || (k === i && atSentenceStart && /^\p{L}{2,}ly$/u.test(lower) && !isGivenName(w.text) && !nextIsName && !evidence.capitalisedInside(lower))) {
      k++;
      continue;
    }
    // `Conceding that …, he warned`: a participle opening the sentence (but `Manning`, `Reed` are names when the text says so).
    if (k === i && atSentenceStart && !nextIsName && /^\p{L}{3,}(ing|ed)$/u.test(lower) && !isGivenName(w.text) && !evidence.capitalisedInside(lower)) {
      k++;
      continue;
    }
    if (timeWords.has(lower) && !(monthsThatAreGivenNames.has(lower) && nextIsName && !/^\p{N}/u.test(next.text))) {
      k++;
      continue;
    }
    if (k === i && atSentenceStart && evidence.writtenLower(lower) && !evidence.capitalisedInside(lower) && !(nextIsName && isGivenName(w.text))) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

/** `who gave only his first name`, `giving her name`: words ending in the name someone gave. */
export function givesName(ws: readonly Token[]): boolean {
  const last = ws[ws.length - 1];
  return !!last && last.lower === "name" && ws.some((w) => GIVING.has(w.lower));
}
const GIVING = new Set(["gave", "give", "gives", "giving", "would", "asked", "requested", "provided", "shared", "offered"]);

/**
 * `… named Jo Doe`, `… known as Bob`, `… identified (only) as Bob`: where the naming word is and
 * where the name (one to three capitalised words ending the phrase) starts, after a description
 * opened by an article.
 */
function namedAs(ws: Token[]): { at: number; nameAt: number } | undefined {
  if (ws.length < 4 || ws[0].kind !== "word" || !DETERMINERS.has(ws[0].lower)) return undefined;
  for (let k = 2; k < ws.length - 1; k++) {
    const w = ws[k].lower;
    let nameAt = -1;
    if (w === "named" && !ws[k].cap) nameAt = k + 1;
    // (`a man who gave his name only as Karim`)
    else if (w === "as" && k >= 3 && (ws[k - 1].lower === "name" || (ws[k - 1].lower === "only" && ws[k - 2].lower === "name")) && givesName(ws.slice(0, ws[k - 1].lower === "name" ? k : k - 1))) nameAt = k + 1;
    else if ((w === "known" || w === "identified") && !ws[k].cap) {
      let j = k + 1;
      if (["only", "simply"].includes(ws[j]?.lower ?? "")) j++;
      if (ws[j]?.lower === "as") nameAt = j + 1;
    }
    if (nameAt < 0) continue;
    const name = ws.slice(nameAt);
    return name.length >= 1 && name.length <= 3 && name.every((t) => isNameWord(t) && !notNameWords.has(t.lower)) ? { at: k, nameAt } : undefined;
  }
  return undefined;
}

/** Plural common nouns that open `Shares of Acme rose` and never begin an organisation's name. */
const PLURAL_HEADS = new Set(["shares", "stocks", "sales", "profits", "revenues", "earnings", "customers", "employees", "workers", "members", "residents", "users", "investors", "shareholders", "executives", "officials", "supporters", "critics", "fans", "students", "parents", "owners", "analysts"]);

const FINANCIAL_HEADS = new Set(["shares", "stocks", "sales", "profits", "revenues", "earnings"]);

/** Words joining a role to the organisation it serves (`spokeswoman for`, `chairman of`, `adviser to`). */
const ROLE_LINKS = new Set(["for", "of", "at", "to", "with"]);

/** `Jane Doe (D-Md.)`, `Acme (UNHCR)`: what stands in brackets is no part of a name. */
function withoutBrackets(input: Token[]): Token[] {
  if (!input.some((t) => t.kind === "punct" && t.text === "(")) return input;
  const out: Token[] = [];
  let depth = 0;
  for (const t of input) {
    if (t.kind === "punct" && t.text === "(") depth++;
    else if (t.kind === "punct" && t.text === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

/** `ranking Democrat Jane Doe`: a party word before a full name describes the person. */
function withoutParty(tail: Token[]): Token[] {
  let k = 0;
  while (tail.length - k > 2 && PARTY_MEMBERS.has(tail[k].lower)) k++;
  return k ? tail.slice(k) : tail;
}

/** A role word or a plain noun for a person (`director`, `voter`) at `k`. */
const describedNoun = (ws: Token[], k: number) => !!roleAt(ws, k) || (ws[k]?.kind === "word" && !ws[k].cap && anonymousNouns.has(ws[k].lower));

/**
 * A document's segments read so far, by the evidence they were read with (one document's: see
 * `wordEvidence`) and their words (`segmentKey`). A reading depends on nothing else, and a
 * document names the same people and roles again and again (`Jane Doe`, `the company`, `Doe`):
 * over a 1 MB news source most segments were read before (61 % of them over 250 train
 * articles joined). `null`: read as no phrase. Readings are shared, so they are never changed
 * by their users (none does: a reading completed or adjusted is a copy).
 */
const segmentReadings = new WeakMap<WordEvidence, Map<string, SpeakerPhrase | null>>();
/** Readings kept for one evidence at most (then forgotten and read again): bounds the memory of a huge document. */
const MAX_READINGS = 20000;
/**
 * The longest key remembered, in characters: a phrase is a few words; a longer segment (a run of
 * hundreds of capitalised words) is read each time, so the readings of a document stay within
 * 20,000 short keys whatever its text.
 */
const MAX_KEY = 256;

/**
 * What `parseSegment` reads of its tokens, as one string: each token's kind, case, text and
 * lower-case form (each text preceded by its length, so no two token lists share a key), and
 * whether the segment opens its sentence. Undefined for a segment too long to remember.
 */
function segmentKey(input: Token[], atSentenceStart: boolean): string | undefined {
  let key = atSentenceStart ? "S" : "s";
  for (let k = 0; k < input.length; k++) {
    const t = input[k];
    if (key.length + 3 + t.text.length + t.lower.length > MAX_KEY) return undefined;
    key += (t.kind === "word" ? (t.cap ? "W" : "w") : t.kind === "punct" ? "p" : "o") + String.fromCharCode(t.text.length) + t.text + String.fromCharCode(t.lower.length) + t.lower;
  }
  return key;
}

/** Reads one comma-free segment as a speaker phrase (remembered per document: see `segmentReadings`). */
export function parseSegment(input: Token[], atSentenceStart = false, evidence: WordEvidence = NO_EVIDENCE): SpeakerPhrase | undefined {
  // (No memo for the shared `NO_EVIDENCE`: it would outlive every document.)
  if (evidence === NO_EVIDENCE) return readSegment(input, atSentenceStart, evidence);
  const key = segmentKey(input, atSentenceStart);
  if (key === undefined) return readSegment(input, atSentenceStart, evidence);
  let readings = segmentReadings.get(evidence);
  if (!readings) segmentReadings.set(evidence, (readings = new Map()));
  const known = readings.get(key);
  if (known !== undefined) return known ?? undefined;
  const read = readSegment(input, atSentenceStart, evidence);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, read ?? null);
  return read;
}

/** Reads one comma-free segment as a speaker phrase (`parseSegment` without its memo). */
function readSegment(input: Token[], atSentenceStart: boolean, evidence: WordEvidence): SpeakerPhrase | undefined {
  // (`1st Lt. Jane Doe`: the ordinal is part of the rank)
  let ws = withoutBrackets(input).filter((t, k, all) => (t.kind !== "punct" || t.text === "-" || t.text === "&") && !(/^\d+(?:st|nd|rd|th)$/.test(t.lower) && isTitle(all[k + 1])));
  while (ws.length && ws[0].kind === "word" && !ws[0].cap && CONNECTORS.has(ws[0].lower)) ws = ws.slice(1);
  // `**10:44** A reader emails`: a live blog's time stamp before a phrase opening a sentence is no part of it.
  // (`11:02 Tom Doe tweeted`: the minutes, two digits, before a capitalised word)
  while (ws.length > 1 && (/^\d{2}$/.test(ws[0].text) || (/^\d{1,4}$/.test(ws[0].text) && DETERMINERS.has(ws[1].lower))) && ws[1].kind === "word" && ws[1].cap) ws = ws.slice(1);
  // `As one employee told …`, `But a spokesman said`: a sentence's opening word is no part of who speaks.
  if (ws.length > 2 && ws[0].kind === "word" && ws[0].cap && OPENING_WORDS.has(ws[0].lower) && ["one", "a", "an", "the", "another", "some"].includes(ws[1].lower)) ws = ws.slice(1);
  // `what her team calls "…"`: a free relative's `what` is no part of who speaks.
  if (ws.length > 2 && ws[0].kind === "word" && !ws[0].cap && ws[0].lower === "what") ws = ws.slice(1);
  if (ws.length === 0) return undefined;
  // `Mr. and Mrs. Doe`: a couple, not one of them (and not `Mr`).
  if (ws.length >= 4 && isTitle(ws[0]) && ws[1].lower === "and" && isTitle(ws[2]) && ws.slice(3).every(isNameWord)) {
    return { type: "group", name: ws.map((w) => w.text).join(" ") };
  }
  if (ws.length === 1 && ws[0].kind === "word") {
    // (`I'm`, `we've`: a contracted pronoun is the pronoun)
    const w = ws[0].lower.replace(/^(i|we|you|he|she|they)['’](?:m|ve|d|ll|re|s)$/, "$1");
    if (personPronouns.has(w) || pluralPronouns.has(w) || thingPronouns.has(w) || w === "we" || w === "i") return { type: "pronoun", word: w };
  }
  // `Shares of Acme rose`, `Employees of Acme`: a plural common noun opening a sentence is no part
  // of a name; the phrase mentions the organisation after `of`.
  if (ws.length >= 3 && ws[0].cap && PLURAL_HEADS.has(ws[0].lower) && ws[1].lower === "of" && !ws[1].cap) {
    // (`Supporters of Doe argue`: people, a group; `Shares of Acme`: the company)
    if (!FINANCIAL_HEADS.has(ws[0].lower)) return { type: "group", name: joinWords(ws) };
    const owner = parseSegment(ws.slice(2), false, evidence);
    return owner?.type === "organization" || owner?.type === "name" ? { type: "organization", name: owner.name } : undefined;
  }
  // `a freshman named Jo Doe`, `the base chief known as Bob`, `a man identified only as Bob`: the name given is who it is.
  const naming = namedAs(ws);
  if (naming) {
    const head = parseSegment(ws.slice(0, naming.at), atSentenceStart, evidence);
    const name = joinWords(ws.slice(naming.nameAt));
    if (head?.type === "role") return { type: "person", name, role: head.role, organization: head.organization, gender: head.gender };
    if (head?.type === "anonymous" || head?.type === "spokesperson") return { type: "person", name, gender: head.type === "spokesperson" ? head.gender : undefined };
    // (`a freshman named …`: a description in plain nouns the lexicon does not list)
    if (!head && ws.slice(1, naming.at).every((w) => w.kind === "word" && !w.cap && !verbForms.has(w.lower) && !stopwordSet.has(w.lower))) return { type: "person", name };
  }
  // `Democrat of Tennessee`, `Republican of New York`: a lawmaker's party and state, describing a person.
  if (ws.length >= 3 && PARTY_MEMBERS.has(ws[0].lower) && ws[0].cap && ws[1].lower === "of" && ws.slice(2).every(isNameWord)) {
    return { type: "role", role: { role: "politician", text: ws.map((w) => w.text).join(" ") } };
  }
  // A clause, not a noun phrase: `playing the mayor on TV`, `said in a statement`.
  const opener = ws[0];
  // (`organizing director Jane Doe`, `undecided Republican voter …`: a participle modifying a role is part of it)
  const participle = opener.kind === "word" && !opener.cap && /(ing|ed)$/.test(opener.lower);
  const describedAfterName = participle && isNameWord(ws[1]) && describedNoun(ws, 2);
  if (opener.kind === "word" && !opener.cap && (verbForms.has(opener.lower) || participle) && !rolePhrases.has(opener.lower) && !describingWords.has(opener.lower) && !roleAt(ws, 0) && !orgNouns.has(opener.lower) && !(participle && (describedNoun(ws, 1) || describedAfterName))) return undefined;
  // (`undecided Republican voter Jane Doe`: the person the rest names)
  if (describedAfterName) {
    const rest = parseSegment(ws.slice(1), false, evidence);
    if (rest?.type === "person") return rest;
  }
  // A finite verb makes it a clause (`the season had tried to organize a campaign`), not a name for anyone.
  if (ws.some((w) => w.kind === "word" && !w.cap && (AUXILIARY_VERBS.has(w.lower) || (/ed$/.test(w.lower) && verbForms.has(w.lower) && !rolePhrases.has(w.lower) && !describingWords.has(w.lower))))) return undefined;
  // `the committee said about its … Acme's platform`: a speech verb inside makes it a clause, whatever ends it.
  if (ws.some((w) => w.kind === "word" && !w.cap && SPEECH_FORMS.has(w.lower))) return undefined;
  let det: string | undefined;
  if (ws[0].kind === "word" && DETERMINERS.has(ws[0].lower) && ws.length > 1) {
    det = ws[0].lower;
    ws = ws.slice(1);
  }
  // `her counterpart Anri Louw`, `his rival Jane Doe`: a word relating someone to the one the pronoun
  // means, then that someone's full name.
  if ((det === "his" || det === "her" || det === "their") && ws.length >= 3 && ws[0].kind === "word" && !ws[0].cap && /^\p{Ll}+$/u.test(ws[0].text) && !verbForms.has(ws[0].lower) && !orgNouns.has(ws[0].lower) && !thingNouns.has(ws[0].lower)) {
    const who = ws.slice(1);
    const kind = isParticledName(who) ? classifyName(who.filter(isNameWord)) : "none";
    if (kind === "person" || (kind === "unknown" && RELATIONS.has(ws[0].lower) && isNameWord(who[0]) && who.length >= 2)) return { type: "person", name: joinWords(who) };
  }
  // `a longtime adviser to Doe`, `a source close to the governor`, `an aide to Sen. Doe`: someone
  // unnamed around a person — never that person, nor anyone the story names.
  if (det && ANONYMOUS_DETERMINERS.has(det)) {
    let h = 0;
    while (h < ws.length && h < 3 && ws[h].kind === "word" && !ws[h].cap && !ASSOCIATE_HEADS.has(ws[h].lower) && !KNOWN_BY_HEADS.has(ws[h].lower) && !verbForms.has(ws[h].lower)) h++;
    const head = ws[h];
    // (`one well-connected Democrat familiar with the campaign`: a party member unnamed)
    const party = head?.kind === "word" && head.cap && PARTY_MEMBERS.has(head.lower);
    const link = ws[h + 1]?.lower === "close" || ws[h + 1]?.lower === "familiar" || ws[h + 1]?.lower === "loyal" ? h + 2 : h + 1;
    const linkWord = ws[link - 1]?.lower;
    // (`a friend of the chef`, `a neighbour of the family`: someone known by whom they know)
    const knownBy = head?.kind === "word" && !head.cap && (ASSOCIATE_HEADS.has(head.lower) || KNOWN_BY_HEADS.has(head.lower)) && ws[h + 1]?.lower === "of";
    const linked = knownBy || linkWord === "to" || (ws[link]?.lower === "to" && linkWord !== "familiar") || (linkWord === "familiar" && ws[link]?.lower === "with");
    const principal = ws.slice(knownBy ? h + 2 : ws[link]?.lower === "to" || ws[link]?.lower === "with" ? link + 1 : link);
    if (head && head.kind === "word" && ((!head.cap && (ASSOCIATE_HEADS.has(head.lower) || knownBy)) || party) && linked && principal.length && !principal.some((w) => w.lower === "and")) {
      return { type: "anonymous", descriptor: spaced(ws) };
    }
  }
  // `the Argentine`, `the 21-year-old`, `the veteran Frenchman`: a description of someone the
  // story has named, never a name or an organisation (sports and features copy name a person
  // once, then describe them).
  if (det === "the" && isEpithet(ws[ws.length - 1]) && ws.slice(0, -1).every((w) => w.kind === "word" && (isDescription(w) || (!w.cap && !verbForms.has(w.lower) && !stopwordSet.has(w.lower))))) {
    const head = ws[ws.length - 1].lower;
    return { type: "role", role: { role: "epithet", text: ws.map((w) => w.text).join(" ") }, gender: head.endsWith("woman") ? "female" : head.endsWith("man") && head !== "german" ? "male" : undefined };
  }
  // A possessive owner: `Clinton's campaign manager`, `the company's chief executive`, `Acme's Jane Doe`.
  let owner: Token[] | undefined;
  let ownerIsNominal = false;
  const poss = lastIndex(ws, (w) => w.kind === "poss");
  if (poss > 0) {
    // `vice chairwoman for Clinton's campaign`, `the chairman of Acme's board`: a role whose
    // organisation is someone's — the possessive belongs to the organisation, not the role.
    const prep = ws.findIndex((w, k) => k > 0 && k < poss && w.kind === "word" && !w.cap && ROLE_LINKS.has(w.lower));
    if (prep > 0) {
      const head = parseSegment(ws.slice(0, prep), atSentenceStart, evidence);
      const outfit = parseSegment(ws.slice(prep + 1), false, evidence);
      const organization = outfit?.type === "organization" ? outfit.name : undefined;
      if (organization && head?.type === "role") return { type: "role", role: head.role, organization, gender: head.gender };
      // (`the editor of the city's main newspaper`: an outfit named by a noun only)
      if (outfit?.type === "orgNoun" && head?.type === "role") return head;
      if (organization && head?.type === "spokesperson") return { type: "spokesperson", organization, noun: head.noun, gender: head.gender };
      // `Detective Jane Doe of the Corliss County Sheriff's Office`: the person, from an outfit named
      // with a possessive — never the outfit's last word.
      if (head?.type === "person" && ORIGIN_LINKS.has(ws[prep].lower)) return { ...head, organization: head.organization ?? possessiveOrg(ws.slice(prep + 1)) };
    }
    owner = ws.slice(0, poss);
    // `the Corliss County Sheriff's Office`, `the Northfield Teachers' Union`: capitalised words
    // through a possessive to an organisation's head word are one organisation, never its last word
    // (`Senator Jane Doe's Office` is still Doe's, below).
    const named = owner.filter((w) => !(w.kind === "word" && DETERMINERS.has(w.lower)));
    const rest = ws.slice(poss + 1);
    const outfitHead = rest.length > 0 && rest.every(isNameWord) && orgHeads.has(bare(rest[rest.length - 1]));
    // (`The jury at Southfold Coroner's Court`: the outfit is where the one before `at` speaks from)
    const at = named.findIndex((w, k) => k > 0 && w.kind === "word" && !w.cap && ["at", "of", "from"].includes(w.lower));
    if (outfitHead && at > 0 && at < named.length - 1 && named.slice(at + 1).every(isNameWord)) {
      const head = parseSegment(ws.slice(0, ws.indexOf(named[at])), atSentenceStart, evidence);
      if (!head || (head.type !== "person" && head.type !== "name")) return head;
    }
    const outfit = outfitHead && named.length > 0 && named.every(isNameWord);
    const personal = outfit && parseSegment(named, false, evidence)?.type === "person";
    if (outfit && !personal) return { type: "organization", name: spaced([...named, ws[poss], ...rest]) };
    // (`Jane Doe's Office`: her office, however it is capitalised)
    ws = personal && rest.length === 1 ? [{ ...rest[0], text: rest[0].lower, cap: false }] : rest;
    // (`the national ombudsman's office`: an owner of common nouns only, its determiner already taken)
    if (owner[0]?.kind === "word" && !owner[0].cap && (DETERMINERS.has(owner[0].lower) || owner.length === 1 || owner.every((w) => w.kind === "word" && !w.cap))) ownerIsNominal = true;
    if (ws.length === 0) return undefined;
  }
  const ownerName = owner && !ownerIsNominal ? ownerText(owner) : undefined;
  // The owner's words past its determiner (`the prime minister`, `Doe`).
  const ownerWords = owner ? owner.filter((w) => w.kind === "word" && !DETERMINERS.has(w.lower)) : [];
  // What an outfit is called after its owner: a name (`Doe's office` is Doe's); an office named
  // after a role, not a person (`The Prime Minister's office`: no one reading it should take its
  // statement for the Prime Minister's own words); common nouns (`the prime minister's office` is the
  // prime minister's, not any minister's).
  const ownersOutfit = (outfit: string): string | undefined => {
    if (ownerName) return roleAt(ownerWords, 0)?.length === ownerWords.length ? `${ownerName}'s ${outfit}` : ownerName;
    return ownerIsNominal && ownerWords.length ? `${ownerWords.map((w) => w.lower).join(" ")}'s ${outfit}` : undefined;
  };
  const ownerNoun = ownerIsNominal ? ownerWords[ownerWords.length - 1]?.lower : undefined;
  // (`the federal Health Ministry`: a lower-case word saying whose level of government it is, then the name)
  if (!owner && ws.length >= 3 && ws[0].kind === "word" && !ws[0].cap && GOVERNMENT_LEVELS.has(ws[0].lower) && ws.slice(1).every(isNameWord) && orgHeads.has(bare(ws[ws.length - 1])) && classifyName(ws.slice(1)) === "organization") {
    return { type: "organization", name: joinWords(ws.slice(1)) };
  }
  // `the Justice Department`: capitalised words ending in an organisation's head word are that organisation, whatever role word they hold.
  // (a sentence's opening word, `As Acme News reported`, `But Acme Bank`, is no part of it)
  if (!owner && ws.length >= 2 && ws.every(isNameWord) && orgHeads.has(bare(ws[ws.length - 1]))) {
    const named = ws[0].kind === "word" && notNameWords.has(ws[0].lower) ? ws.slice(1) : ws;
    if (named.length >= 2 && classifyName(named) === "organization") return { type: "organization", name: joinWords(named) };
  }
  // `the Institute for Justice`, `the Council on Foreign Relations`: an organisation's head word, a
  // link, then capitalised words name that organisation (`Justice` is no judge here).
  if (!owner && ws.length >= 3 && isNameWord(ws[0]) && orgHeads.has(bare(ws[0])) && ["for", "of", "on"].includes(ws[1].lower) && !ws[1].cap && isNameWord(ws[2]) && ws.slice(2).every((w) => isNameWord(w) || (!w.cap && ["and", "the", "of", "for", "&"].includes(w.lower)))) {
    // (no person inside: `Bank of America CEO Jane Doe`, `… Foreign Relations President` — a role
    // word only as the one word after the link, `for Justice`)
    const rest = ws.slice(2);
    const personal = rest.some((w, k) => (isGivenName(w.text) || isTitle(w) || !!roleAt(rest, k, k + 1)) && !(ws.length === 3 && k === 0));
    if (isNameWord(ws[ws.length - 1]) && !personal) return { type: "organization", name: joinWords(ws) };
  }
  // A role: `Acme CEO Jesse Doe`, `the chief executive`, `a spokeswoman for Acme`, `Sen. Jane Roe`.
  const roleIndex = findRole(ws);
  // `Jane Doe of the nationalist Bloc Ribaterra`: a full name, then where it speaks from, described
  // with a word that can be a role — the person, never someone called `Bloc Ribaterra`.
  if (roleIndex && !det && !owner) {
    const link = ws.findIndex((w, k) => k > 1 && k < roleIndex.at && w.kind === "word" && !w.cap && ORIGIN_LINKS.has(w.lower));
    const who = link > 0 ? ws.slice(0, link) : [];
    const outfit = ws.slice(roleIndex.at + roleIndex.found.length);
    if (who.length >= 2 && isNameWord(who[0]) && outfit.length && outfit.every(isNameWord) && ws.slice(link + 1, roleIndex.at).every((w) => w.kind === "word" && !w.cap)) {
      const person = parseSegment(who, false, evidence);
      if (person?.type === "person") return { ...person, organization: person.organization ?? joinWords(outfit) };
    }
  }
  if (roleIndex) {
    const { at, found } = roleIndex;
    // A sentence's opening conjunction is no part of an organisation (`But Sen. Jane Doe`, `As House Speaker Doe`).
    let lead = 0;
    while (lead < at && ws[lead].kind === "word" && notNameWords.has(ws[lead].lower)) lead++;
    // (`Mr. President`, `Madam Secretary`: the courtesy title is no organisation)
    while (lead < at && COURTESY_TITLES.has(bare(ws[lead]))) lead++;
    const before = ws.slice(lead, at).filter((w) => !(w.kind === "word" && isDescription(w)));
    const after = ws.slice(at + found.length);
    let organization = ownerName;
    const orgNoun = ownerNoun && orgNouns.has(ownerNoun) ? ownerNoun : undefined;
    // `White House deputy press secretary …`, `Acme CEO …`: a capitalised organisation before the role.
    // `Republican National Committee spokesman`, `a longtime Democratic Party activist`: a description
    // word that begins an organisation's name stays in it.
    let described = ws.slice(lead, at);
    while (described.length && !isNameWord(described[0])) described = described.slice(1);
    if (!organization && described.length >= 2 && described.every(isNameWord) && classifyName(described) === "organization") organization = joinWords(described);
    const orgWords = before.filter(isNameWord);
    if (!organization && orgWords.length && orgWords.length === before.length) {
      const kind = classifyName(orgWords);
      if (kind !== "place" && kind !== "time" && kind !== "person") organization = joinWords(orgWords);
    }
    // `a company spokesman`, `its regional officer`: the organisation is a nominal to resolve.
    const prev = before[before.length - 1];
    let forNoun: string | undefined;
    const nominalOrg = !organization && prev?.kind === "word" && !prev.cap && (orgNouns.has(prev.lower) || prev.lower === "its" || prev.lower === "their") ? prev.lower : det === "its" || det === "their" ? det : orgNoun;
    const gender = genderedWords.get(found.role.text.toLowerCase()) ?? genderedWords.get(bare(ws[at]));
    let name: string | undefined;
    let nameGender: Gender | undefined;
    if (after.length && LINKS.has(after[0].lower)) {
      // `Secretary of Commerce Jane Doe`: a full name closing the organisation is the person in the role.
      const run = after.slice(after[1]?.lower === "the" ? 2 : 1);
      const tail = run.slice(-2);
      // (Only a capitalised title with `of` and no role or title inside the run: `a spokesman for
      // House Speaker Jane Doe` is the spokesman, `agent for President Doe` the agent.)
      // (`Minister for Housing Dara Roe`, `Undersecretary for Political Affairs Wendy Sherman` as well)
      if (ws[at].cap && (after[0].lower === "of" || after[0].lower === "for") && run.length >= 3 && run.every((w, k) => isNameWord(w) && !isTitle(w) && !roleAt(run, k, k + 1)) && isGivenName(tail[0].text) && classifyName(tail) === "person" && classifyName(run.slice(0, -2)) !== "person") {
        return { type: "person", name: joinWords(tail), role: found.role, organization: joinWords(run.slice(0, -2)), gender: gender };
      }
      const org = readOrgForward(after, 1);
      if (org) organization = org;
      // `a spokesman for the council`, `for the family`: an outfit named by a common noun, to
      // resolve as one (never simply the last organisation mentioned).
      else if (!nominalOrg && after.length >= 2 && after.slice(1).every((w) => w.kind === "word" && !w.cap)) forNoun = after[after.length - 1].lower;
    } else if (after.length) {
      const from = nameThenOrg(after);
      if (from) return { type: "person", name: joinWords(from.who), role: found.role, organization: organization ?? from.org, orgNoun: from.org || from.place ? nominalOrg : from.noun, place: from.place, gender };
      const words = after.filter((w) => !isTitle(w) || !isNameWord(after[after.indexOf(w) + 1]));
      const titles = after.filter((w) => isTitle(w));
      // `the Northern Marine Assessment Council`: a capitalised role word inside an organisation's
      // name (its head word last) is part of that name, not a title before a person.
      if (ws[at].cap && words.length && words.every(isNameWord) && orgHeads.has(bare(words[words.length - 1])) && classifyName(words) === "organization") {
        let first = at;
        while (first > 0 && isNameWord(ws[first - 1])) first--;
        return { type: "organization", name: joinWords(ws.slice(first)) };
      }
      // `Qasr Marine Terminals`, `Transit Justice Lakeshore`: a title that is also a common noun, between
      // two capitalised words neither of which names a person or an outfit, is inside a name.
      if (TITLE_ROLE_WORDS.has(bare(ws[at])) && ws[at].cap && before.length === 1 && isNameWord(before[0]) && !isTitle(before[0]) && !/\.$/.test(before[0].text) && !roleAt(before, 0) && !isGivenName(before[0].text) && classifyName(before) === "unknown" && words.length === 1 && isNameWord(words[0]) && !isGivenName(words[0].text)) {
        return { type: "organization", name: joinWords(ws.slice(lead)) };
      }
      if (words.length && words.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower)) && classifyName(words) !== "place" && classifyName(words) !== "time") {
        // (`Nurse C`, `Officer A`: a witness kept anonymous by a letter is known by role and letter together)
        name = words.length === 1 && /^\p{Lu}\.?$/u.test(words[0].text) ? `${joinWords(ws.slice(at, at + found.length))} ${words[0].text[0]}` : joinWords(words);
        nameGender = titles.map((t) => genderOfTitle(bare(t))).find(Boolean);
      } else if (!words.every((w) => isNameWord(w))) return undefined;
    }
    if (name) return { type: "person", name, role: found.role, organization, orgNoun: nominalOrg, owner: undefined, gender: nameGender ?? gender };
    if (spokesRoles.has(found.role.role)) return { type: "spokesperson", organization, orgNoun: nominalOrg ?? forNoun, owner: ownerName && !organization ? ownerName : undefined, noun: found.role.text, gender };
    // `a candidate`, `another senator`: someone new, never the candidate the story already named.
    const indefinite = (det === "a" || det === "an" || det === "another" || det === "one") && !organization && !nominalOrg && !owner;
    return { type: "role", role: found.role, organization, orgNoun: nominalOrg, gender, indefinite: indefinite || undefined, definite: (det === "the" && !owner) || undefined };
  }
  // `Mr. Doe`, `Dr Jane Roe`
  if (isTitle(ws[0]) && ws.length > 1 && ws.slice(1).every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower))) {
    return { type: "person", name: joinWords(ws.slice(1)), gender: genderOfTitle(bare(ws[0])) };
  }
  // `Christian Rev. Jane Roe`, `Baptist Pastor Mr. Doe`: capitalised descriptions, a title, then the name.
  const titleAt = ws.findIndex((w, k) => k > 0 && isTitle(w) && w.cap);
  if (titleAt > 0 && titleAt < ws.length - 1 && ws.every(isNameWord) && ws.slice(titleAt + 1).every((w) => !isTitle(w))) {
    const who = ws.slice(titleAt + 1);
    const kind = classifyName(who);
    if (kind !== "organization" && kind !== "place" && kind !== "time" && kind !== "group") return { type: "person", name: joinWords(who), gender: genderOfTitle(bare(ws[titleAt])) };
  }
  const last = ws[ws.length - 1];
  // `one of them`, `another of those` (people just mentioned, left unnamed)
  if (det && ONE_OF_HEADS.has(det) && ws.length === 2 && ws[0].lower === "of" && ["them", "those", "these", "us"].includes(ws[1].lower)) return { type: "anonymous", descriptor: `${det} of ${ws[1].lower}` };
  // `one Twitter user`, `another commenter`, `some readers`
  // (not past `by`: `a copy seen by Apex Insider` is a document, and the insider part of a name)
  // (nor past a preposition: in `a joke about a supervisor`, `chapters lean on a …`, the one named
  // last is no subject)
  if (last.kind === "word" && anonymousNouns.has(last.lower) && (!det || anonymousDeterminers.has(det)) && !owner && !ws.some((w) => w.lower === "by") && !ws.some((w, k) => k > 0 && w.kind === "word" && OBJECT_PREPOSITIONS.has(w.lower))) {
    // (`one of the people`: the `one` stays, or the label reads `of the people`)
    if (det || !last.cap) return { type: "anonymous", descriptor: ws[0].lower === "of" && det ? `${det} ${ws.map((w) => w.text).join(" ")}` : singular(ws.map((w) => w.text).join(" ")) };
  }
  // (`"…," language that analysts read as …`: people inside a relative clause are no group that speaks)
  if (!det && !owner && ws.length <= 3 && last.kind === "word" && (groupNouns.has(last.lower) || ["others", "critics"].includes(last.lower)) && !ws.some((w) => !w.cap && ["that", "which", "who", "whom"].includes(w.lower))) {
    return { type: "group", name: ws.map((w) => w.text).join(" ") };
  }
  // `the company`, `the campaign`, or `trading platform Acme`
  for (let i = ws.length - 1; i >= 0; i--) {
    if (ws[i].kind !== "word" || ws[i].cap || !orgNouns.has(ws[i].lower)) continue;
    // `Jane Doe of digital consulting firm Acme`: the person, from the organisation (read below).
    const link = ws.findIndex((w, k) => k > 0 && k < i && w.kind === "word" && ORIGIN_LINKS.has(w.lower) && !w.cap);
    if (link > 0 && ws.slice(0, link).every(isNameWord) && describedOrg(ws, link + 1)) break;
    const rest = ws.slice(i + 1);
    if (rest.length && rest.every(isNameWord)) return { type: "organization", name: joinWords(rest), orgType: ws[i].lower };
    // `the bank's board`: the organisation `the bank` means (a common noun names no organisation).
    if (i === ws.length - 1 && ownerIsNominal && ownerNoun && orgNouns.has(ownerNoun) && !ws.slice(0, i).some(isNameWord)) return { type: "orgNoun", noun: ownerNoun };
    // `the Clinton campaign`, `the Obama administration`: the outfit named after whom it serves (as
    // `Clinton's campaign` is; not `the Mexican government`, a nation's).
    const namer = ws.slice(0, i);
    if (i === ws.length - 1 && !owner && (!det || det === "the") && namer.length >= 1 && namer.length <= 4 && namer.every((w) => isNameWord(w) && !isDemonym(w, evidence)) && classifyName(namer) !== "time") {
      return { type: "organization", name: joinWords(namer), orgType: ws[i].lower };
    }
    // (`a statement from his office`: the pronoun right before the outfit owns it)
    const possessor = det === "his" || det === "her" ? det : ws[i - 1]?.lower === "his" || ws[i - 1]?.lower === "her" ? (ws[i - 1].lower as "his" | "her") : undefined;
    if (i === ws.length - 1 && !ws.slice(0, i).some(isNameWord)) return owner ? { type: "organization", name: ownersOutfit(ws[i].lower) ?? ws[i].lower, orgType: ws[i].lower } : possessor ? { type: "orgNoun", noun: ws[i].lower, possessor } : { type: "orgNoun", noun: ws[i].lower };
    break;
  }
  // `Dr Jane Roe of the Lisport Health Board`: a name, then the organisation it speaks from.
  const link = ws.findIndex((w, k) => k > 0 && w.kind === "word" && ORIGIN_LINKS.has(w.lower) && !w.cap);
  if (link > 0) {
    // `undecided voter Jane Doe of Derry`, `retired teacher Jane Doe from Lisport`: a person described
    // in plain nouns and named in full, then where they are from.
    if (!det && !owner && ws[0].kind === "word" && !ws[0].cap && isNameWord(ws[link - 1])) {
      const head = parseSegment(ws.slice(0, link), false, evidence);
      if (head?.type === "person" && head.name.includes(" ")) {
        const from = readOrgForward(ws, link + 1) ?? describedOrg(ws, link + 1);
        return from && !head.organization ? { ...head, organization: from } : head;
      }
    }
    const who = ws.slice(isTitle(ws[0]) ? 1 : 0, link);
    const org = readOrgForward(ws, link + 1, true) ?? describedOrg(ws, link + 1);
    // A name the given-name list does not know (`Meenakshi Ganguly of Human Rights Watch`) counts
    // when what follows is an organisation and the name holds no role, acronym or organisation word.
    const whoKind = classifyName(who);
    const linked = ws.slice(link + 1).filter((w) => w.lower !== "the");
    const linkedKind = classifyName(linked);
    const linkedIsOrg = linkedKind === "organization";
    // `Holger Schmieding of Berenberg`: one unknown capitalised word after `of` is where a person is from.
    const linkedIsFirm = linkedIsOrg || (linkedKind === "unknown" && linked.length === 1 && ws[link + 1]?.lower !== "the" && isNameWord(linked[0]) && !/^\p{Lu}{2,}$/u.test(linked[0].text));
    const roles = who.map((_, k) => roleAt(who, k));
    const unknownPerson = whoKind === "unknown" && who.length >= 2 && who.length <= 3 && linkedIsFirm && who.every((w, k) => !roles[k] && !/^\p{Lu}{2,}$/u.test(w.text) && !orgStarts.has(bare(w)) && !orgHeads.has(bare(w)) && !groupNouns.has(w.lower));
    // `Acme Chairman Jane Doe of Lisport`, `Archbishop Jane Doe of the Lisport Diocese`: a role inside the run heads the name.
    const roleIn = roles.findIndex((r, k) => k < who.length - 1 && r?.length === 1 && roles.slice(k + 1).every((n) => !n));
    // `… of the Lisport Diocese of Northfield`: the organisation may itself hold `of`.
    const orgAhead = org ?? readOrgForward(ws, link + 1);
    if (roleIn >= 0 && who.every(isNameWord) && orgAhead) {
      const name = who.slice(roleIn + 1);
      // (a sentence's opening word, `As Archbishop …`, is no part of an organisation)
      const before = who.slice(0, roleIn).filter((w, k) => k > 0 || !notNameWords.has(w.lower));
      const nameKind = classifyName(name);
      if ((name.length >= 2 || nameKind === "person") && nameKind !== "organization" && nameKind !== "place" && nameKind !== "time" && nameKind !== "group") {
        const organization = before.length ? (classifyName(before) === "organization" ? joinWords(before) : undefined) : linkedIsOrg ? orgAhead : undefined;
        return { type: "person", name: joinWords(name), role: roles[roleIn]!.role, organization, gender: genderOfTitle(bare(who[roleIn])) };
      }
    }
    // `Mr. Burman of the Tax Policy Center`: a title makes the name a person's.
    const titled = isTitle(ws[0]) && who.length >= 1 && who.length <= 3 && whoKind !== "organization" && whoKind !== "place" && whoKind !== "time";
    // (a name may hold particles: `Ursula von der Leyen of the Commission`, `Renske van der Meulenkamp of Norvania`)
    const named = who.length >= 1 && isParticledName(who);
    const particled = named && who.some((w) => !isNameWord(w));
    if (named && org && (who.length >= 2 || isTitle(ws[0])) && (whoKind === "person" || unknownPerson || titled || (particled && whoKind === "unknown" && linkedIsFirm))) {
      return { type: "person", name: joinWords(who), organization: org, gender: isTitle(ws[0]) ? genderOfTitle(bare(ws[0])) : undefined };
    }
    // `said Heiserman of the Lisport Teachers`: one name word that is no organisation's start, then
    // where the person is from (a plural, `Friends of the Earth`, or a word the text writes in
    // lower case, `Signs of …`, or only capitalises to open a sentence, `Footage of …`, starts an
    // organisation's name or is no name at all).
    // `Robert Doe of the New York delegation`: a full name is a person wherever the words after `of` place them.
    if (!det && !owner && who.length >= 2 && who.length <= (particled ? 5 : 4) && named && whoKind === "person") return { type: "person", name: joinWords(who), organization: org };
    const one = who[0];
    if (!det && !owner && link === 1 && who.length === 1 && isNameWord(one) && orgAhead && whoKind === "unknown" && !runLooksLikeOrgOrRole(ws, 0, 1) && !/^\p{Lu}{2,}/u.test(one.text) && !/s$/.test(one.lower) && !groupNouns.has(one.lower) && !evidence.writtenLower(one.lower) && (!atSentenceStart || evidence.capitalisedInside(one.lower)) && !notNameWords.has(one.lower) && !timeWords.has(one.lower)) {
      return { type: "person", name: joinWords(who), organization: orgAhead };
    }
  }
  // `harbour master Lena Fischer`, `17-year-old Jane Doe`: a description, then a full name.
  let nameStart = 0;
  while (nameStart < ws.length && !isNameWord(ws[nameStart])) nameStart++;
  if (nameStart > 0 && ws.slice(0, nameStart).every((w) => w.kind === "word" && isDescription(w))) {
    const tail = withoutParty(ws.slice(nameStart));
    if (tail.length >= 2 && tail.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower)) && classifyName(tail) !== "organization" && classifyName(tail) !== "place" && classifyName(tail) !== "time") {
      return { type: "person", name: joinWords(tail), organization: ownerName };
    }
    // `the 67-year-old Nakamura`: only a person has an age.
    const aged = ws.slice(0, nameStart).some((w) => /^\d+-year-old$/.test(w.lower));
    if (aged && tail.length === 1 && isNameWord(tail[0]) && !/^\p{Lu}{2,}$/u.test(tail[0].text) && (classifyName(tail) === "unknown" || classifyName(tail) === "person")) return { type: "name", name: joinWords(tail) };
  }
  const lead = ws.slice(0, nameStart);
  // `A flabbergasted Doe`, `an angry Jane Doe`: a name someone was described by in passing.
  if ((det === "a" || det === "an") && !owner && nameStart > 0 && nameStart <= 2 && lead.every((w) => w.kind === "word" && !w.cap && /^\p{Ll}+$/u.test(w.text) && !PREPOSITIONS.has(w.lower) && !anonymousNouns.has(w.lower) && !groupNouns.has(w.lower))) {
    const tail = ws.slice(nameStart);
    if (tail.length >= 1 && tail.length <= 3 && tail.every(isNameWord)) {
      const kind = classifyName(tail);
      if (kind === "person" || kind === "unknown") return { type: kind === "person" ? "person" : "name", name: joinWords(tail) };
    }
  }
  if (nameStart > 0 && lead.length <= 4 && lead.every((w) => w.kind === "word" && !w.cap && !/^\p{N}/u.test(w.text) && !LINKS.has(w.lower))) {
    const tail = ws.slice(nameStart);
    // (`trustee Kavitha Rao`: one plain noun for a person — an agent noun, `-ee`, `-er`, `-ist` — before
    // two or three name words no list knows, none an outfit's; never `the journal Polar Letters`)
    const tailKind = classifyName(tail);
    const described = tailKind === "unknown" && lead.length === 1 && tail.length <= 3 && /^\p{Ll}{3,}(?:ee|er|or|ist|ian|ant|ent|man|woman|ess)$/u.test(lead[0].text) && !verbForms.has(lead[0].lower) && !stopwordSet.has(lead[0].lower) && !PREPOSITIONS.has(lead[0].lower) && !orgNouns.has(lead[0].lower) && !thingNouns.has(lead[0].lower) && !groupNouns.has(lead[0].lower) && tail.every((w) => isNameWord(w) && !isTitle(w) && !orgHeads.has(bare(w)) && !orgStarts.has(bare(w)) && !/^\p{Lu}{2,}$/u.test(w.text));
    if (tail.length >= 2 && tail.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower)) && (tailKind === "person" || described)) {
      const text = lead.map((w) => w.text).join(" ");
      return { type: "person", name: joinWords(tail), role: { role: text.toLowerCase(), text }, organization: ownerName };
    }
  }
  // `Clinton ally Jane Doe`, `Lind constituent Dan Roe`: whose someone is (capitalised), a plain noun, then a full name.
  if (!det && !owner && nameStart === 0) {
    let k = 0;
    while (k < ws.length && k < 3 && isNameWord(ws[k])) k++;
    // (`Grade 12 student Jane Doe`, `Year 10 pupil …`: a number closing the capitalised words)
    if (k > 0 && /^\d{1,2}$/.test(ws[k]?.text ?? "")) k++;
    let n = k;
    // (`Khalid bin Saeed al-Mansouri`: a particle inside a name is no plain noun)
    while (n < ws.length && n < k + 2 && ws[n].kind === "word" && !ws[n].cap && /^\p{Ll}{3,}$/u.test(ws[n].text) && !NAME_PARTICLES.has(ws[n].lower) && !verbForms.has(ws[n].lower) && !stopwordSet.has(ws[n].lower) && !LINKS.has(ws[n].lower) && !PREPOSITIONS.has(ws[n].lower)) n++;
    const tail = withoutParty(ws.slice(n));
    if (k > 0 && n > k && tail.length >= 2 && tail.length <= 3 && tail.every(isNameWord) && classifyName(tail) === "person" && classifyName(ws.slice(0, k)) !== "time") {
      const text = ws.slice(0, ws.length - tail.length).map((w) => w.text).join(" ");
      return { type: "person", name: joinWords(tail), role: { role: ws.slice(k, n).map((w) => w.lower).join(" "), text } };
    }
  }
  // `the Wisconsin Republican`, `the Democrat`: a party member (from a state) is a person, named elsewhere.
  // (from a place no list knows too: `the Tolland Republican`, one or two name words before the party)
  const from = ws.slice(0, -1);
  const place = placeAt(ws, 0, ws.length - 1) === ws.length - 1 || (from.length <= 2 && from.every(isNameWord) && !["organization", "time", "person"].includes(classifyName(from)));
  if (det === "the" && !owner && last.kind === "word" && last.cap && PARTY_MEMBERS.has(last.lower) && place) {
    return { type: "role", role: { role: "politician", text: ws.map((w) => w.text).join(" ") } };
  }
  if (ws.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower) || w.text === "&" || w.text === "-" || ["of", "for", "the", "and"].includes(w.lower))) {
    const from = trimRunStart(ws, 0, ws.length, atSentenceStart && !det && !owner, evidence);
    let words = ws.slice(from);
    // A link word ends no name (`Obama for`, `Signs of`): the phrase stopped inside one.
    if (words.length && !words[words.length - 1].cap) return undefined;
    // (`de Blasio`, `van Hollen`: a surname may open with its lower-case particle)
    if (!words.length || !(isNameWord(words[0]) || leadingParticles(words, 0) > 0)) return undefined;
    // `SHORT READS`, `BREAKING NEWS`: a heading in capitals made of words the text writes in lower
    // case (or of common words) names no one.
    if (ws.length >= 2 && ws.every((w) => /^\p{Lu}{2,}$/u.test(w.text) && (evidence.writtenLower(w.lower) || verbForms.has(w.lower) || notNameWords.has(w.lower) || stopwordSet.has(w.lower)))) return undefined;
    let kind = classifyName(words);
    // `Pollster Ann Selzer`, `House Republican Jane Doe`: capitalised descriptions before a full name.
    if (kind === "unknown" && words.length >= 3) {
      let j = 1;
      while (j < words.length - 2 && !isGivenName(words[j].text) && !NAME_PARTICLES.has(words[j].lower)) j++;
      // (a short word no list knows opening the name is part of it — `Ang Kami Lama`, `Ma Ying-wen` —
      // never a description; nor is an initial, `R. Gil Doe`)
      // (but a courtesy title in another language, `Mme Jane Doe`, `M. Jean Doe`, is no part of it)
      const partOfName = j === 1 && (/^\p{Lu}\p{Ll}{1,2}$/u.test(words[0].text) || /^[A-LN-Z]\.$/u.test(words[0].text)) && !isTitle(words[0]) && !FOREIGN_COURTESY.has(bare(words[0]));
      if (isGivenName(words[j].text) && !words.slice(0, j).some((w) => isGivenName(w.text))) {
        // (kept, the name is still a person's as its given name says)
        kind = classifyName(words.slice(j));
        if (!partOfName) words = words.slice(j);
      }
    }
    // `Former Secretary of Commerce Jane Doe` written with a title the role list lacks (or a slip,
    // `Security of State Jane Doe`): a full name after a capitalised word ends an `of` run. (After
    // `of` itself, `Friends of Jane Doe`, the name is the organisation's.)
    if (kind === "organization" && !det && !owner && words.length >= 5 && words.some((w) => w.lower === "of") && !orgHeads.has(bare(words[words.length - 1]))) {
      const j = words.length - 2;
      const tail = words.slice(j);
      if (isGivenName(words[j].text) && words[j - 1].cap && !["of", "for", "the", "and"].includes(words[j - 1].lower) && classifyName(tail) === "person") return { type: "person", name: joinWords(tail) };
    }
    if ((kind === "place" || kind === "time") && words.length === 1 && !det && !owner) return { type: "name", name: joinWords(words), weak: true };
    if (kind === "place" || kind === "time") return undefined;
    if (kind === "group") return { type: "group", name: joinWords(words) };
    // `the Acme Party's Jane Doe`: the article belongs to the owner, not to the name (one unknown
    // word after it is a thing's name: `the group's Web page`).
    if (kind === "organization" || (det === "the" && (!owner || (words.length < 2 && kind !== "person")))) return { type: "organization", name: joinWords(words) };
    if (owner) return { type: "person", name: joinWords(words), organization: ownerName };
    if (kind === "person") return { type: "person", name: joinWords(words) };
    // (`Two Brazilian [officials]`: a nationality after a determiner is no one's name)
    if (det && words.length === 1 && isDemonym(words[0], evidence)) return undefined;
    return { type: "name", name: joinWords(words) };
  }
  return undefined;
}

/**
 * A nationality (`Brazilian`), or a word the document forms from a place it names the way
 * nationalities are formed (`Kadessan` beside `Kadessa`, `Valdorian` beside `Valdoria`) — never
 * from a given name (`Julian` beside `Julia`).
 */
export function isDemonym(w: Token, evidence: WordEvidence): boolean {
  if (w.kind !== "word" || !w.cap) return false;
  if (describingWords.has(w.lower) || demonyms.has(w.lower)) return true;
  for (const suffix of ["n", "an", "ian", "ean", "ese", "i"]) {
    if (!w.lower.endsWith(suffix)) continue;
    const stem = w.lower.slice(0, -suffix.length);
    if (stem.length >= 4 && evidence !== NO_EVIDENCE && evidence.capitalisedInside(stem) && !isGivenName(stem[0].toUpperCase() + stem.slice(1))) return true;
  }
  return false;
}

/** Finite forms of speech verbs that no name, role or organisation contains. */
const SPEECH_FORMS = new Set(["said", "says", "told", "tells", "wrote", "writes", "asked", "asks", "added", "adds", "stated", "states", "explained", "explains", "declared", "declares", "tweeted", "tweets"]);
/** Capitalised words opening a sentence before its subject. */
const OPENING_WORDS = new Set(["as", "but", "and", "when", "while", "though", "although", "so", "yet", "still", "then", "now", "because", "if"]);
/** Determiners of someone not named (`a`, `one`, `another`). */
export const ANONYMOUS_DETERMINERS: ReadonlySet<string> = new Set(["a", "an", "another", "one"]);
/** People known only by whom they are close to (`a longtime adviser to Doe`). */
export const ASSOCIATE_HEADS: ReadonlySet<string> = new Set(["aide", "adviser", "advisor", "ally", "confidant", "confidante", "friend", "associate", "source", "person", "official", "insider", "operative", "strategist", "donor", "staffer", "lawyer", "attorney", "relative", "clerk", "assistant", "speechwriter", "bodyguard", "driver", "caddie"]);
/** Words counting some of the people just mentioned (`one of them`). */
const ONE_OF_HEADS = new Set(["one", "another", "two", "three", "some", "several", "many", "both", "each", "either", "neither", "none"]);
/** Prepositions after which a name is a place (`in Lisport, the mayor said`: no mayor called Lisport). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "near", "outside", "inside", "across", "throughout", "around"]);
/** Nouns for someone known by whom they know, with `of` (`a neighbour of the family`). */
const KNOWN_BY_HEADS = new Set(["neighbour", "neighbor", "cousin", "pal", "acquaintance", "classmate", "colleague", "schoolmate", "teammate", "bandmate", "co-worker", "coworker", "member"]);
const PARTY_MEMBERS = new Set(["democrat", "republican", "independent", "conservative", "liberal", "socialist", "libertarian"]);

/** Prepositions before a noun that make it an object, never a subject (`a joke about a supervisor`). */
const OBJECT_PREPOSITIONS = new Set(["about", "on", "with", "into", "against", "over", "under", "at", "for", "to", "toward", "towards"]);

/** Words that link a noun to a place or a thing after it (`a woman in Lisport`): no describing word. */
const PREPOSITIONS = new Set(["in", "on", "at", "by", "of", "for", "with", "from", "to", "into", "near", "outside", "inside", "over", "under", "about", "like", "and", "or"]);

const ROLE_MODIFIERS = new Set(["senior", "assistant", "associate", "lead", "principal", "executive", "managing", "acting", "interim", "chief", "deputy", "vice"]);

/** The role in a segment: the last role phrase followed only by name words (or by nothing / `of X`). */
/** `Jane Doe of Lisport Police`, `Jane Doe of the police` after a role: the name, then where it speaks from. */
function nameThenOrg(after: Token[]): { who: Token[]; org?: string; noun?: string; place?: string } | undefined {
  const link = after.findIndex((w) => w.kind === "word" && !w.cap && ORIGIN_LINKS.has(w.lower));
  if (link <= 0) return undefined;
  const who = after.slice(0, link);
  const whoKind = classifyName(who);
  if (!who.every(isNameWord) || who.some(isTitle) || whoKind === "organization" || whoKind === "place" || whoKind === "time" || whoKind === "group") return undefined;
  const org = readOrgForward(after, link + 1, true);
  // (an organisation only when its words say so: `of Lisport` is where the person is from)
  if (org) return classifyName(after.slice(link + 1).filter((w) => w.lower !== "the")) === "organization" ? { who, org } : { who, place: org };
  const tail = after.slice(link + 1).filter((w) => w.lower !== "the");
  if (after[link + 1]?.lower !== "the" || tail.length === 0) return undefined;
  if (tail.length === 1) return orgNouns.has(tail[0].lower) ? { who, noun: tail[0].lower } : undefined;
  // `Detective Jane Doe of the county fraud unit`: a unit described in a few plain words — the
  // person, from an outfit not named.
  const plain = tail.length <= 4 && tail.every((w) => w.kind === "word" && !verbForms.has(w.lower) && !stopwordSet.has(w.lower) && (!w.cap || isNameWord(w)));
  return plain && !tail[tail.length - 1].cap ? { who } : undefined;
}

/** `the Corliss County Sheriff's Office`: capitalised words and a possessive, naming an outfit (else undefined). */
function possessiveOrg(ws: Token[]): string | undefined {
  const words = ws[0]?.lower === "the" ? ws.slice(1) : ws;
  if (words.length < 3 || !words.every((w) => w.kind === "poss" || isNameWord(w)) || words[words.length - 1].kind === "poss") return undefined;
  return spaced(words);
}

/** The words as written, a possessive glued to its owner (`the Sheriff's Office`). */
function spaced(ws: Token[]): string {
  return ws.map((w, k) => (k && w.kind !== "poss" ? " " : "") + w.text).join("");
}

function findRole(ws: Token[]): { at: number; found: { role: RoleRef; length: number } } | undefined {
  let best: { at: number; found: { role: RoleRef; length: number } } | undefined;
  for (let i = 0; i < ws.length; i++) {
    if (ws[i].kind !== "word") continue;
    const found = roleAt(ws, i);
    if (!found) continue;
    const after = ws.slice(i + found.length);
    const tailOk = after.length === 0 || LINKS.has(after[0].lower) || !!nameThenOrg(after) || after.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower) || isTitle(w));
    // A capitalised role word at the start of a two-word name is a name (`Dean Baker`), unless a title.
    const w = ws[i];
    const nameLike = w.cap && isGivenName(w.text) && !isTitle(w) && !TITLE_ROLE_WORDS.has(w.lower) && found.length === 1 && after.length === 1 && i === 0;
    // Before a role, only descriptions, an organisation or an owner may stand.
    const beforeOk = ws.slice(0, i).every((b) => b.kind === "word" && (b.cap || describingWords.has(bare(b)) || rolePhrases.has(b.lower) || orgNouns.has(b.lower) || /^(then|ex|self)-/.test(b.lower) || ["its", "their", "then", "top", "new", "acting", "interim"].includes(b.lower) || /^\p{Ll}+$/u.test(b.text)));
    // A capitalised role word ending a run after a given name is a surname (`Julie Bishop`, `Mike Judge`).
    // (and after a courtesy title: `Mr. Singer`, `Dr. Judge`)
    const surname = w.cap && found.length === 1 && after.length === 0 && i > 0 && ((isGivenName(ws[i - 1].text) && ws[i - 1].cap && classifyName([ws[i - 1]]) !== "place") || (COURTESY_TITLES.has(bare(ws[i - 1])) && !ADDRESSED_OFFICES.has(w.lower)));
    if (tailOk && !nameLike && !surname && beforeOk) {
      // `chief engineer`, `senior adviser`: lower-case role words right before the role belong to its text.
      let k = i;
      while (k > 0 && ws[k - 1].kind === "word" && !ws[k - 1].cap && (rolePhrases.has(ws[k - 1].lower) || ROLE_MODIFIERS.has(ws[k - 1].lower))) k--;
      const text = ws.slice(k, i + found.length).map((w) => w.text.replace(/\.$/, "")).join(" ");
      best = { at: i, found: k < i ? { role: { role: found.role.role, text }, length: found.length } : found };
      // `agent for President Jane Doe`: a role with a link word after it heads the phrase.
      if (after.length && LINKS.has(after[0].lower)) break;
      i += found.length - 1;
    }
  }
  return best;
}

function lastIndex<T>(xs: T[], f: (x: T, i: number) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i], i)) return i;
  return -1;
}

function ownerText(owner: Token[]): string | undefined {
  // `Mrs. Clinton's campaign`: the owner is Clinton, not `Mrs Clinton`.
  // (`New Hampshire Sen. Jane Doe's campaign`: what stands before a title is where she serves, not her name)
  const all = owner.filter(isNameWord);
  const title = lastIndex(all, (w: Token, k: number) => isTitle(w) && k < all.length - 1);
  const words = all.slice(title + 1);
  return words.length ? joinWords(words) : undefined;
}

/** `of the Lisport Health Board`: a capitalised organisation after a link word. */
function readOrgForward(ws: Token[], from: number, whole = false): string | undefined {
  let i = from;
  if (ws[i]?.lower === "the") i++;
  let end = capRunEnd(ws, i);
  // `of Rock the Vote`: `the` inside a name that runs to the end of the phrase.
  if (end > i && ws[end]?.lower === "the" && !ws[end].cap && isNameWord(ws[end + 1]) && capRunEnd(ws, end + 1) === ws.length) end = ws.length;
  if (end === i || (whole && end !== ws.length)) return undefined;
  const words = ws.slice(i, end);
  return classifyName(words) === "time" ? undefined : joinWords(words);
}

/** `digital consulting firm Acme`, `the law firm Doe & Roe` to the end of the phrase: the organisation's name. */
function describedOrg(ws: Token[], from: number): string | undefined {
  let i = from;
  if (["the", "a", "an"].includes(ws[i]?.lower ?? "")) i++;
  let noun = -1;
  // (`the campaign group Acme`, `the lobby group`: a word that is a verb too modifies the noun after it)
  while (i < ws.length && ws[i].kind === "word" && !ws[i].cap && (!verbForms.has(ws[i].lower) || orgNouns.has(ws[i].lower) || (ws[i + 1]?.kind === "word" && !ws[i + 1].cap && orgNouns.has(ws[i + 1].lower)))) {
    if (orgNouns.has(ws[i].lower)) noun = i;
    i++;
  }
  if (noun < 0 || noun !== i - 1 || i >= ws.length) return undefined;
  const run = ws.slice(i);
  // (after `the campaign group`, `Blue Ledger` names the group, though it reads like a person's name)
  return run.every((w) => isNameWord(w) || w.text === "&") && (classifyName(run) !== "person" || ws[from]?.lower === "the") ? joinWords(run) : undefined;
}

function singular(s: string): string {
  return s.replace(/\b(user|reader|commenter|follower|customer|critic|supporter|resident|witness|protester|trader|holder|member|voter)s$/i, "$1");
}

/** A party tag with its state (`D-N.Y.`, `R-Wis.`); in brackets, a letter alone is one too (`(R)`). */
export const isPartyTag = (text: string, bracketed = false) => /^[RDI]-[\p{L}.]+$/u.test(text) || (bracketed && /^[RDI]$/.test(text));

/** Party-and-state tags (`R-Wis.`, `D-N.Y.`) and ages (`54`) carry no name. */
export const isNoiseSegment = (ts: readonly Token[]) => {
  const text = ts.map((t) => t.text).join("");
  return isPartyTag(text) || /^\d{1,3}$/.test(text);
};

/**
 * Reads a whole phrase: the head (the first comma-free segment that names someone), completed
 * by one appositive (`Jesse Doe, CEO of Acme` or `Acme's chief executive, Jesse Doe`). Returns
 * the tokens (end exclusive) that name the speaker, without lead-ins such as `In an interview,`.
 */
export function parsePhraseSpan(tokens: Token[], atSentenceStart = false, evidence: WordEvidence = NO_EVIDENCE): { phrase: SpeakerPhrase; from: number; to: number } | undefined {
  const segments: { from: number; to: number }[] = [{ from: 0, to: 0 }];
  tokens.forEach((t, i) => {
    if (t.kind === "punct" && [",", "(", ")", "\u2014", "\u2013", ";", "-"].includes(t.text)) segments.push({ from: i + 1, to: i + 1 });
    else segments[segments.length - 1].to = i + 1;
  });
  const parts = segments.filter((s) => tokens.slice(s.from, s.to).some(isWord) && !isNoiseSegment(tokens.slice(s.from, s.to)));
  let first = 0;
  let head: SpeakerPhrase | undefined;
  while (first < parts.length && !(head = parseSegment(tokens.slice(parts[first].from, parts[first].to), atSentenceStart && first === 0, evidence))) first++;
  if (!head) return undefined;
  // `master of ceremonies Jane Doe, a Syrian engineer`: a description after words that did not read
  // as a name describes them — it does not bring someone new.
  if (first > 0 && head.type === "role" && head.indefinite) head = { ...head, indefinite: undefined };
  let to = parts[first].to;
  const next = parts[first + 1];
  const app = next && (parseSegment(tokens.slice(next.from, next.to)) ?? (head.type === "anonymous" ? nameThenWhere(tokens.slice(next.from, next.to)) : undefined));
  if (app) {
    const merged = withAppositive(head, app);
    if (merged !== head) {
      head = merged;
      to = next.to;
    }
  }
  return { phrase: head, from: parts[first].from, to: to === parts[first].to ? trimToPhrase(tokens, parts[first].from, to, head) : to };
}

/** `Graham in Kessa`, after `A reader,`: a live blog's reader named by first name and town. */
export function nameThenWhere(ws: Token[]): SpeakerPhrase | undefined {
  const at = ws.findIndex((w) => w.kind === "word" && w.lower === "in");
  if (at < 1 || !ws.slice(at + 1).some(isNameWord)) return undefined;
  const name = parseSegment(ws.slice(0, at));
  return name?.type === "name" || name?.type === "person" ? name : undefined;
}

export function parsePhrase(tokens: Token[]): SpeakerPhrase | undefined {
  return parsePhraseSpan(tokens)?.phrase;
}

/** The words a reading names the speaker with (name, role, organisation, descriptor). */
function keyWords(p: SpeakerPhrase): string[] {
  const texts: (string | undefined)[] = [];
  switch (p.type) {
    case "pronoun":
      texts.push(p.word);
      break;
    case "person":
      texts.push(p.name, p.organization, p.role?.text, p.owner, p.orgNoun, p.place);
      break;
    case "name":
      texts.push(p.name, p.organization);
      break;
    case "organization":
      // (`the Clinton campaign`: the outfit's noun ends the phrase)
      texts.push(p.name, p.orgType);
      break;
    case "group":
      texts.push(p.name);
      break;
    case "spokesperson":
      texts.push(p.noun, p.organization, p.orgNoun, p.owner);
      break;
    case "role":
      texts.push(p.role.text, p.organization, p.orgNoun, p.owner);
      break;
    case "orgNoun":
      texts.push(p.noun);
      break;
    case "anonymous":
      texts.push(p.descriptor);
      break;
  }
  return texts.flatMap((t) => (t ? t.toLowerCase().split(/\s+/) : []));
}

/** Ends the span at the phrase's last naming word: a fix must replace only those words. */
function trimToPhrase(tokens: Token[], from: number, to: number, phrase: SpeakerPhrase): number {
  const keys = new Set(keyWords(phrase).map((w) => w.replace(/\.$/, "")));
  for (let end = to; end > from; end--) {
    const t = tokens[end - 1];
    if (t.kind === "word" && keys.has(t.lower)) return end;
  }
  return to;
}

/** Completes a head with an appositive: `Acme's chief executive, Jesse Doe` / `Jesse Doe, CEO of Acme`. */
export function withAppositive(head: SpeakerPhrase, app: SpeakerPhrase): SpeakerPhrase {
  if ((head.type === "role" || head.type === "orgNoun" || head.type === "spokesperson") && (app.type === "name" || app.type === "person")) {
    const role = head.type === "role" ? head.role : head.type === "spokesperson" ? { role: "spokesperson", text: head.noun } : app.type === "person" ? app.role : undefined;
    const organization = (head.type === "role" || head.type === "spokesperson" ? head.organization ?? head.owner : undefined) ?? (app.type === "person" ? app.organization : undefined);
    const orgNoun = head.type === "role" || head.type === "spokesperson" ? head.orgNoun : undefined;
    return { type: "person", name: app.name, role, organization, orgNoun, gender: app.gender ?? (head.type !== "orgNoun" ? head.gender : undefined) };
  }
  // `A reader, Graham Tully,`, `said one resident, Joan Pike`: the unnamed person is then named.
  if (head.type === "anonymous" && (app.type === "name" || (app.type === "person" && !app.role))) {
    return { type: "person", name: app.name, organization: app.type === "person" ? app.organization : undefined, gender: app.gender };
  }
  if ((head.type === "name" || head.type === "person") && app.type === "role") {
    return { type: "person", name: head.name, role: app.role, organization: app.organization ?? head.organization ?? app.owner, orgNoun: app.orgNoun, gender: head.gender ?? app.gender };
  }
  if ((head.type === "name" || head.type === "person") && app.type === "spokesperson") {
    return { type: "person", name: head.name, role: { role: "spokesperson", text: app.noun }, organization: app.organization ?? app.owner ?? head.organization, orgNoun: app.orgNoun, gender: head.gender ?? app.gender };
  }
  return head;
}

/** `who gave her name only as Dorothy`, `identified only as Karim`, `gave only his first name, Karim`, `gave only his surname, Okabe`: whether the name at `start` is one someone gave. */
export function nameGivenAt(tokens: readonly { lower: string }[], start: number): boolean {
  const before = tokens.slice(Math.max(0, start - 4), start).map((t) => t.lower);
  const last = before[before.length - 1];
  return (last === "as" || last === ",") && before.some((w) => w === "name" || w === "surname" || w === "identified");
}
