/**
 * Pass 2 of attribution: the cue of a quotation and the phrase that names its speaker, read from
 * the words around it (never from inside a quotation):
 * - after it: `"…," X said`, `"…," said X`, `"…," according to X`, and — when the quotation
 *   ends its sentence — an attribution-only sentence right after it (`"…?" X asked.`);
 * - before it: `X said: "…"`, `X told Reuters that "…"`, `X …, saying "…"` (a participle takes the
 *   subject of its clause), `According to X, "…"`, `As X put it, "…"`, `X's statement said "…"`;
 *   `Doe was unmoved: "…"` (a colon introduction);
 * - attribution lines (`said Mr. X.`, `— X, Role`).
 * Returns the tokens of the speaker phrase and its reading; resolving it is the caller's job.
 */
import { anonymousNouns, cueAdverbs, cueParticiples, cuePhrases, cueVerbForms, describingWords, notNameWords, orgHeads, orgNouns, rolePhrases, stopwordSet, thingNouns, timeWords, verbForms } from "../lexicon";
import { andJoinsOrg, ANONYMOUS_DETERMINERS, ASSOCIATE_HEADS, classifyName, givesName, isEpithet, isNameWord, isTitle, isNoiseSegment, joinWords, GOVERNMENT_LEVELS, isPeopleNoun, RELATIONS, nameThenWhere, ORIGIN_LINKS, parsePhraseSpan, parseSegment, PLACE_PREPOSITIONS, roleAt, type SpeakerPhrase, withAppositive, type WordEvidence } from "./phrase";
import { isGivenName } from "./givenNames";
import { datelineEnd, type Token } from "./tokens";

/** How a cue attributes its quotation. */
export type CueKind = "after" | "inverted" | "before" | "participle" | "according" | "colon" | "line" | "next" | "subject";

export interface Cue {
  /** The cue verb as written (`said`, `according to`, `—`, `:`). */
  verb: string;
  kind: CueKind;
  phrase: SpeakerPhrase;
  /** Tokens of the speaker phrase (indices into the slice given), end exclusive. */
  phraseStart: number;
  phraseEnd: number;
  /** `according to Roe` (Roe is on record for the words), or with `quoting`, `quoting Roe` (the words are Roe's, the cue's speaker relays them). */
  via?: { phrase: SpeakerPhrase; phraseStart: number; phraseEnd: number; quoting?: boolean };
}

/** Nouns for things that "say" (`the ad said`): their speaker is whoever made them. */
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "'s"]);
/** Words that end a speaker phrase read forwards after an inverted cue (`said X in a statement`). */
const PHRASE_STOPS = new Set(["whether", "why", "how", "what", "where", "in", "on", "to", "during", "after", "via", "from", "when", "while", "as", "before", "adding", "citing", "referring", "noting", "who", "which", "that", "and", "but", "last", "this", "earlier", "later", "yesterday", "today", "tonight", "recently", "about", "at", "with", "into", "outside", "inside", "following", "amid", "because", "if", "since", "until", "than", "then", "told", "said", "says", "asked", "wrote", "repeating", "pointing", "saying", "explaining", "according", "by", "through"]);
/** Words that start a new clause when reading a subject backwards from its verb. */
/** Words after which a noun phrase is an object (`lost to Doe, who said`, `praised by Doe, who`). */
const OBJECT_LINKS = new Set(["to", "by", "with", "against", "from", "behind", "beat", "beats", "defeat", "defeats", "replace", "replaces", "succeed", "succeeds", "hired", "named", "appointed"]);
/** Verbs of quoting someone: their object, not their subject, said the words (`quoted Doe as saying`). */
const QUOTING = new Set(["quoted", "quotes", "quoting", "quote", "cited", "cites", "citing"]);
/** Verbs that can stand inverted between commas inside a sentence (`The lesson, says Doe, is …`) — never `told`, whose object listens. */
const ASIDE_LEMMAS = new Set(["say", "argue", "write", "note", "add", "explain", "insist", "contend", "observe", "suggest", "warn", "claim", "recall", "believe", "think", "reckon", "concede", "admit"]);
/** Verbs whose object is then heard speaking (`recalled Doe saying`). */
/** The words between a gerund and the verb it hangs on (`have taken to calling`, `began calling`). */
const GERUND_CHAIN = new Set(["to", "taken", "take", "takes", "have", "has", "had", "begun", "began", "begin", "started", "start", "starts", "kept", "keep", "keeps", "been", "also", "now", "since", "already", "even", "increasingly", "long"]);
/** Verbs judging someone for what they said (`accused Roe of calling …`, `praised Roe for saying …`). */
const JUDGING = new Set(["accused", "accuses", "accusing", "accuse", "criticized", "criticised", "criticizes", "criticises", "criticizing", "criticising", "blasted", "blasts", "slammed", "slams", "attacked", "attacks", "faulted", "faults", "mocked", "mocks", "chided", "chides", "praised", "praises", "thanked", "thanks", "credited", "credits", "blamed", "blames", "condemned", "condemns", "denounced", "denounces", "rebuked", "rebukes", "scolded", "scolds", "ridiculed", "ridicules", "lambasted", "lambastes", "berated", "berates", "applauded", "applauds", "commended", "commends", "thanking", "praising", "blaming"]);
const PERCEIVING = new Set(["recalled", "recalls", "remembered", "remembers", "heard", "hears", "saw", "sees", "watched", "watches", "overheard", "recorded", "filmed", "caught", "shows", "showed", "shown", "captured", "captures", "depicts", "depicted"]);
/** Prepositions that go on with a quoted sentence after its closing mark (`"…" for the EU, said Doe`). */
const QUOTE_TAIL_STARTS = new Set(["for", "to", "in", "on", "about", "at", "with", "from", "of", "over", "against", "into", "toward", "towards", "among", "across", "during", "under"]);
/** Conjunctions that, right after a quotation, open a clause of its own (its subject did not say the quotation). */
/**
 * Conjunctions of time and cause opening a subordinate clause after a quotation (`two weeks after
 * the university announced`). Not `as` (`known as`) nor `while` (a contrast: `NEW_CLAUSE`); the
 * clauses a subject of their own speaks in are `SUBORDINATING`'s.
 */
const TIME_AND_CAUSE_CONJUNCTIONS = new Set(["after", "before", "since", "until", "because", "once", "when", "whenever"]);
const NEW_CLAUSE = new Set(["while", "whereas", "but", "and", "although", "though", "yet", "because", "if", "when", "since", "after", "before", "until", "unless", "or", "so", "whether"]);
const CLAUSE_STARTS = new Set(["what", "that", "and", "but", "while", "because", "as", "when", "after", "who", "which", "if", "where", "whereas", "although", "though", "since", "so", "or", "than", "whom", "before", "until", "once", "whether", "unless", "with"]);
/** Lead-ins that open a sentence before its subject: skipped to the next comma. */
const PLACE_ADVERBS = new Set(["here", "there", "elsewhere"]);
const LEAD_INS = new Set(["in", "on", "at", "after", "before", "during", "when", "while", "as", "since", "asked", "speaking", "responding", "writing", "addressing", "following", "despite", "last", "earlier", "later", "meanwhile", "still", "yet", "however", "but", "and", "so", "then", "now", "for", "with", "without", "from", "to", "by", "of", "under", "over", "unlike", "like", "if", "although", "though", "because", "once", "until", "instead", "rather", "indeed", "also", "asked", "pressed", "told", "referring", "given", "amid", "among", "throughout", "within", "outside", "inside", "back", "hours", "days", "minutes", "moments", "weeks", "months", "years", "this", "that", "on", "separately", "similarly", "likewise", "overall", "midway", "halfway", "partway", "online", "offline", "abroad", "overseas", "nationally", "locally", "internationally", "globally", "domestically", "backstage", "onstage", "offstage", "overnight", "nearby", "finally", "first", "second", "third", "next", "afterward", "afterwards", "today", "tonight", "yesterday", "tomorrow", "recently", "previously", "subsequently", "nonetheless", "nevertheless", "moreover", "furthermore", "additionally", "in"]);
const AUXILIARIES = new Set(["has", "have", "had", "would", "will", "was", "were", "is", "are", "been", "did", "does", "do", "could", "can", "should", "may", "might", "must", "later", "also", "then", "once", "recently", "previously", "earlier", "repeatedly", "reportedly", "simply", "flatly", "firmly", "publicly", "privately", "separately", "subsequently", "again", "further", "bluntly", "quickly", "angrily", "sarcastically", "jokingly", "proudly", "frankly", "candidly", "plainly", "openly", "loudly", "quietly", "softly", "calmly", "tersely", "curtly", "succinctly", "emphatically", "defiantly", "confidently", "cheerfully", "ruefully", "wryly", "dryly", "drily", "bitterly", "pointedly", "memorably", "famously", "not", "never", "often", "once", "even", "just", "only", "still", "already", "finally", "eventually", "ultimately", "immediately", "now", "first"]);

/** Verbs taking `to` and another verb (`went on to say`, `continued to insist`). */
const TO_VERBS = new Set(["went", "goes", "go", "continued", "continues", "tried", "tries", "wanted", "wants", "used", "had", "has", "have", "appeared", "appears", "seemed", "seems", "moved", "moves", "rushed", "hastened", "took", "takes", "is", "was", "are", "were", "came"]);
/** Adverbs standing between a modal and its verb (`could only quip`). */
const BETWEEN_MODAL = new Set(["only", "just", "also", "simply", "merely", "then", "later", "still", "even", "never", "not", "always", "often", "probably", "certainly"]);
const BASE_FORM_BEFORE = new Set(["i", "we", "you", "they", "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did", "do", "does", "not", "never", "also", "always", "often", "people", "critics", "experts", "officials", "supporters", "analysts", "democrats", "republicans"]);
const isPunct = (t: Token | undefined, ...texts: string[]) => !!t && t.kind === "punct" && (texts.length === 0 || texts.includes(t.text));
const isStop = (t: Token) => isPunct(t, ".", "!", "?", ";", "\u2026");

/** Is `tokens[i]` a cue verb used as a verb (`said`, not `the post`)? */
export function isCueVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.kind !== "word" || t.cap || !cueVerbForms.has(t.lower)) return false;
  // A bare base form (`state`, `post`, `comment`) is far more often a noun, except after a
  // pronoun, a modal or `to` (`they argue`, `will say`); `say` is a verb in any form.
  const lemma = cueVerbForms.get(t.lower)!;
  // (`could only quip`, `will simply say`: adverbs between the modal and the verb)
  let b = i - 1;
  while (b > 0 && b > i - 3 && tokens[b].kind === "word" && BETWEEN_MODAL.has(tokens[b].lower)) b--;
  if (t.lower === lemma && lemma !== "say" && !BASE_FORM_BEFORE.has(tokens[b]?.lower ?? "") && !/s$/.test(tokens[i - 1]?.lower ?? "")) return false;
  // `charged a fee`, `charged $100`, `charged him with fraud`: a price or an indictment, not speech.
  if (lemma === "charge") {
    const next = tokens[i + 1];
    if (next && (/^[$€£\p{N}]/u.test(next.text) || (next.kind === "word" && ["a", "an", "him", "her", "them", "us", "me", "each", "every", "customers", "members"].includes(next.lower)))) return false;
  }
  // `began to rise`, `continued to grow`: a verb taking another verb, not speech (`continued to
  // insist` reads its subject from the verb after `to`).
  // (`had begun drafting a bill`: nor one taking a gerund, unless the gerund is speech itself:
  // `residents have begun calling it "…"` is the residents' naming)
  const gerund = tokens[i + 1]?.kind === "word" && /^\p{Ll}{3,}ing$/u.test(tokens[i + 1].text) && !cueVerbForms.has(tokens[i + 1].lower);
  if ((lemma === "begin" || lemma === "start" || lemma === "continue") && (tokens[i + 1]?.lower === "to" || gerund)) return false;
  // (`had begun "triaging" cases`: a quotation right after, with no colon or comma, is what was begun)
  if ((lemma === "begin" || lemma === "start") && i === tokens.length - 1) return false;
  // `allowed citizens to …`: permission; only `allowed that …` (or a quotation) reports speech.
  if (lemma === "allow" && !(tokens[i + 1]?.lower === "that" || tokens[i + 1]?.kind === "punct")) return false;
  // `press secretary`, `secretary of state`: part of a role, not a verb.
  for (let k = Math.max(0, i - 3); k <= i; k++) {
    const role = roleAt(tokens, k);
    if (role && role.length > 1 && k + role.length > i) return false;
  }
  // `the post`, `Doe's statement`: a noun after a determiner or a possessive.
  const prev = tokens[i - 1];
  if (prev && (prev.kind === "poss" || (prev.kind === "word" && DETERMINERS.has(prev.lower) && !letterName(tokens, i - 1)))) return false;
  // `a Twitter comment`: capitalised or describing words between a determiner and the noun.
  let k = i - 1;
  while (k >= 0 && k > i - 4 && tokens[k].kind === "word" && (tokens[k].cap || describingWords.has(tokens[k].lower))) k--;
  if (k < i - 1 && tokens[k]?.kind === "word" && DETERMINERS.has(tokens[k].lower) && tokens[k].lower !== "'s") {
    // …but a past form no noun shares, after an institution's name, is its verb: `the Justice
    // Department said`, `the Pentagon told reporters`.
    const nounForm = t.lower === lemma || t.lower.endsWith("s") || t.lower.endsWith("ing");
    // (`the federal Health Ministry said`: a describing word before the name is no part of it)
    const named = tokens.slice(k + 1, i).filter((w, n) => n > 0 || w.cap || !describingWords.has(w.lower));
    const kind = named.length && named.every((w) => w.cap) ? classifyName(named) : "unknown";
    // `adding that Doe said:`: after `that` (a complementiser, not a determiner) a past form of a
    // verb of saying is a verb whatever the name (`that Doe begged`, `that Doe posted the "…"` stay
    // inside the outer speaker's account).
    if (!nounForm && tokens[k].lower === "that" && ["say", "tell", "write", "add", "call"].includes(lemma)) return true;
    // (`the Prime Minister said`, `the Mayor told`: a capitalised role is someone, its past form a verb)
    const role = roleAt(tokens, k + 1, i);
    // (`the Argentine said`: a nationality for someone named before)
    // (`the Lisport Fiscal Analysis said`: capitalised words after `the` that name no person are an outfit)
    return !nounForm && tokens[k].lower === "the" && (kind === "organization" || kind === "place" || (kind === "unknown" && named.length >= 2 && named.every((w) => w.cap)) || role?.length === i - k - 1 || isEpithet(named[named.length - 1]));
  }
  return true;
}

/** `Officer A said`, `Witness A told`: a capital letter after a capitalised word is an anonymous witness's letter, not the article. */
function letterName(tokens: Token[], k: number): boolean {
  return tokens[k].text === "A" && k > 0 && tokens[k - 1].kind === "word" && tokens[k - 1].cap;
}

/** The cue phrases split into words once, grouped by their first word (each group in the list's order). */
const cuePhrasesByFirst: ReadonlyMap<string, string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const p of cuePhrases) {
    const words = p.split(" ");
    const list = byFirst.get(words[0]) ?? [];
    list.push(words);
    byFirst.set(words[0], list);
  }
  return byFirst;
})();

function matchCuePhrase(tokens: Token[], i: number): number {
  const first = tokens[i];
  if (first?.kind !== "word") return 0;
  // Only phrases starting with this word can match; the first that does, in the list's order.
  for (const words of cuePhrasesByFirst.get(first.lower) ?? []) {
    if (words.every((w, k) => tokens[i + k]?.kind === "word" && tokens[i + k].lower === w)) return words.length;
  }
  return 0;
}

/** A cue whose speaker phrase is read from `tokens[from, to)`, narrowed to the words naming the speaker. */
function cueFrom(tokens: Token[], verb: string, kind: CueKind, from: number, to: number, atSentenceStart: boolean, evidence: WordEvidence): Cue | undefined {
  if (to <= from) return undefined;
  const found = parsePhraseSpan(tokens.slice(from, to), atSentenceStart, evidence) ?? institutionSpan(tokens, from, to);
  if (!found) return undefined;
  // `her book, The Honest Kitchen, says`: a name set beside a thing is its title, no speaker.
  const at = from + found.from;
  if (found.phrase.type !== "person" && isPunct(tokens[at - 1], ",") && (!tokens[from + found.to] || isPunct(tokens[from + found.to], ",", ".", ";", "!", "?")) && thingPhraseStart(tokens, at - 2) >= 0) return undefined;
  return { verb, kind, phrase: found.phrase, phraseStart: at, phraseEnd: from + found.to };
}

/**
 * `the Pentagon`, `the United States` as the one who speaks: the institution or government a
 * place names (only here — elsewhere `the Philippines` is a place, not someone to resolve to).
 */
function institution(tokens: Token[], from: number, to: number): SpeakerPhrase | undefined {
  // (`Downing Street said`: a street standing for the office on it)
  const street = tokens[to - 1]?.lower === "street" && to - from === 2 && tokens[from].cap;
  const words = tokens.slice(street ? from : from + 1, to);
  if ((tokens[from]?.lower !== "the" && !street) || words.length === 0 || !words.every((w) => w.kind === "word" && w.cap)) return undefined;
  return classifyName(words) === "place" ? { type: "organization", name: joinWords(words) } : undefined;
}

/** `institution` as a span of `tokens[from, to)`, the whole of it. */
function institutionSpan(tokens: Token[], from: number, to: number): { phrase: SpeakerPhrase; from: number; to: number } | undefined {
  const phrase = institution(tokens, from, to);
  return phrase && { phrase, from: 0, to: to - from };
}

function phraseForward(tokens: Token[], from: number): number {
  let end = from;
  let commas = 0;
  while (end < tokens.length) {
    const t = tokens[end];
    if (t.kind === "punct") {
      if (t.text === ",") {
        // One appositive at most: `said Jane Doe, the mayor, in a statement`.
        if (++commas > 2) break;
      } else if (!["-", "&", "(", ")", "\u2019", "'"].includes(t.text)) break;
    }
    // (`the chief known as Bob`, `a man identified only as Bob`: the name is part of the phrase)
    const naming = t.lower === "as" && ["known", "identified", "only", "simply"].includes(tokens[end - 1]?.lower ?? "");
    // (`an adviser to Doe`, `a source close to Doe`, `a person familiar with the talks`: whom the unnamed speaker is close to)
    const prev = tokens[end - 1]?.lower ?? "";
    const indefinite = ANONYMOUS_DETERMINERS.has(tokens[from]?.lower ?? "");
    // (`Mr. and Mrs. Doe`: one phrase)
    const couple = t.lower === "and" && isTitle(tokens[end - 1]) && isTitle(tokens[end + 1]);
    if (couple) {
      end++;
      continue;
    }
    const associate = indefinite && ((t.lower === "to" && (ASSOCIATE_HEADS.has(prev) || prev === "close" || prev === "loyal")) || (t.lower === "with" && prev === "familiar"));
    if (t.kind === "word" && !t.cap && PHRASE_STOPS.has(t.lower) && end > from && !naming && !associate) break;
    if (end > from && isCueVerb(tokens, end)) break;
    end++;
  }
  while (end > from && tokens[end - 1].kind === "punct") end--;
  return end;
}

/** The start of the subject that ends just before `verb`, going back to a clause boundary. */
function phraseBackward(tokens: Token[], verb: number, floor: number, whatStarts = true): number {
  let start = verb;
  while (start > floor && tokens[start - 1].kind === "word" && (cueAdverbs.has(tokens[start - 1].lower) || AUXILIARIES.has(tokens[start - 1].lower))) start--;
  const end = start;
  // Inside brackets a full stop ends an abbreviation, not the sentence: `Jane Doe (D-Vt.) said`.
  let bracketed = false;
  while (start > floor) {
    const t = tokens[start - 1];
    if (isPunct(t, ")")) bracketed = true;
    else if (isPunct(t, "(")) bracketed = false;
    else if (bracketed && isPunct(t, ".")) {
      start--;
      continue;
    }
    if (isPunct(t, ":", ";", "\u201c", "\u201d", '"', "\u00ab", "\u00bb", ".", "!", "?")) break;
    // `chairman and chief executive of Acme`: an `and` between two roles starts no clause.
    const roles = t.lower === "and" && start >= 2 && start > floor + 1 && !!roleAt(tokens, start - 2, start - 1) && roleAhead(tokens, start, end);
    // `a spokesman for the Securities and Exchange Commission, said`: an `and` inside a name.
    // (`the Ministry of Environment and Wildlife said`: the `and` inside an `of` name, running to the verb)
    const inName = t.lower === "and" && start >= 2 && isNameWord(tokens[start - 2]) && isNameWord(tokens[start]) && ((andJoinsOrg(tokens, start, end) || closesAppositive(tokens, start, end)) && orgRunEndsAt(tokens, start - 2) || ofNameRunsTo(tokens, start, end));
    const couple = t.lower === "and" && isTitle(tokens[start - 2]) && isTitle(tokens[start]);
    if (t.kind === "word" && !t.cap && CLAUSE_STARTS.has(t.lower) && !roles && !inName && !couple && (whatStarts || t.lower !== "what")) break;
    if (t.kind === "word" && !t.cap && end - start > 0 && isCueVerb(tokens, start - 1)) break;
    start--;
    if (end - start > 24) break;
  }
  return start;
}

/** A role at `from`, or after an article and descriptions (`a Republican presidential candidate`). */
function roleAhead(tokens: Token[], from: number, end: number): boolean {
  let k = from;
  if (["a", "an", "the"].includes(tokens[k]?.lower ?? "")) k++;
  for (; k < end && k < from + 6; k++) {
    if (roleAt(tokens, k, end)) return true;
    const t = tokens[k];
    if (t.kind !== "word" || !(t.cap || describingWords.has(t.lower))) return false;
  }
  return false;
}

/** `… at the Center for Strategic and International Studies, said`: the name words from `from` close an appositive. */
function closesAppositive(tokens: Token[], from: number, end: number): boolean {
  let k = from;
  while (k < end && k < from + 6 && isNameWord(tokens[k])) k++;
  return k > from && k < end && isPunct(tokens[k], ",");
}

/**
 * Whether the `and` before `from` joins two words of an outfit's `of` name that runs to `end`:
 * `Ministry of Environment and Wildlife`, `Department of Land and Natural Resources`.
 */
function ofNameRunsTo(tokens: Token[], from: number, end: number): boolean {
  if (end - from > 3 || !tokens.slice(from, end).every((w) => isNameWord(w) && !isGivenName(w.text))) return false;
  let r = from - 2;
  while (r > 0 && r > from - 5 && isNameWord(tokens[r - 1])) r--;
  return tokens[r - 1]?.lower === "of" && !!tokens[r - 2] && isNameWord(tokens[r - 2]) && orgHeads.has(tokens[r - 2].lower.replace(/\.$/, ""));
}

/** Whether the run of name words ending at `last` follows `the`, `of` or `for`: an organisation's name, not a person's. */
function orgRunEndsAt(tokens: Token[], last: number): boolean {
  let r = last;
  while (r > 0 && isNameWord(tokens[r - 1]) && tokens[r - 1].lower !== "the") r--;
  return ["the", "of", "for"].includes(tokens[r - 1]?.lower ?? "");
}

/** Strips adverbs and auxiliaries standing between a subject and its verb. */
function subjectEnd(tokens: Token[], verb: number, floor: number): number {
  let end = verb;
  // `Doe went on to say`, `Doe continued to insist`: the verb before `to` has the subject.
  if (end - 2 > floor && tokens[end - 1]?.lower === "to") {
    let k = end - 2;
    if (tokens[k].lower === "on" && k - 1 > floor) k--;
    if (tokens[k].kind === "word" && !tokens[k].cap && TO_VERBS.has(tokens[k].lower)) end = k;
  }
  while (end > floor && tokens[end - 1].kind === "word" && (cueAdverbs.has(tokens[end - 1].lower) || AUXILIARIES.has(tokens[end - 1].lower))) end--;
  return end;
}

/** The cue in the words right after a quotation (up to the end of its sentence). */
export function cueAfter(tokens: Token[], evidence: WordEvidence, next = false): Cue | undefined {
  const cue = cueAfterQuote(tokens, evidence, next);
  return cue && (cue.kind === "after" || cue.kind === "inverted") ? withVia(tokens, cue, evidence) : cue;
}

/** `Doe said, according to Roe`: Roe's account of Doe's words. */
function withVia(tokens: Token[], cue: Cue, evidence: WordEvidence): Cue {
  let i = Math.max(cue.phraseEnd, cue.kind === "after" ? cue.phraseEnd + 1 : cue.phraseEnd);
  // `Doe said` leaves the verb after the phrase; `said Doe` ends with the phrase.
  while (i < tokens.length && tokens[i].kind === "word" && (isCueVerb(tokens, i) || cueAdverbs.has(tokens[i].lower))) i++;
  if (!isPunct(tokens[i], ",")) return cue;
  // `Doe said, quoting Roe`, `Doe said, citing Roe`: Roe's words, which Doe relays.
  if (["quoting", "citing"].includes(tokens[i + 1]?.lower ?? "")) {
    const quoted = cueFrom(tokens, tokens[i + 1].text, "according", i + 2, phraseForward(tokens, i + 2), false, evidence);
    return quoted && (quoted.phrase.type === "name" || quoted.phrase.type === "person") ? { ...cue, via: { phrase: quoted.phrase, phraseStart: quoted.phraseStart, phraseEnd: quoted.phraseEnd, quoting: true } } : cue;
  }
  const n = matchCuePhrase(tokens, i + 1);
  if (!n || tokens[i + 1].lower !== "according") return cue;
  const via = cueFrom(tokens, "according to", "according", i + 1 + n, phraseForward(tokens, i + 1 + n), false, evidence);
  return via && (via.phrase.type === "name" || via.phrase.type === "person") ? { ...cue, via: { phrase: via.phrase, phraseStart: via.phraseStart, phraseEnd: via.phraseEnd } } : cue;
}

/** Nouns for a quotation's own wording (`"…," a phrase Doe said had …`). */
const WORDING_NOUNS = new Set(["phrase", "line", "word", "words", "label", "term", "description", "remark", "comment", "slogan", "nickname", "promise", "claim", "motto", "expression", "formula", "sentence", "quip", "mantra", "refrain"]);

function cueAfterQuote(tokens: Token[], evidence: WordEvidence, next: boolean): Cue | undefined {
  let i = 0;
  while (i < tokens.length && tokens[i].kind === "punct") {
    if (isStop(tokens[i]) && !next) return undefined;
    i++;
  }
  if (i >= tokens.length) return undefined;
  // `"…" — Jane Doe`, `– Jane Doe, 1998` (a dash, then only a name and its description to the end
  // of the sentence): the name signs the words.
  if (!next && tokens.slice(0, i).some((t) => isPunct(t, "\u2014", "\u2013", "-"))) {
    let end = i;
    while (end < tokens.length && !isStop(tokens[end])) end++;
    const signed = cueFrom(tokens, "\u2014", "after", i, end, true, evidence);
    if (signed && (signed.phrase.type === "person" || signed.phrase.type === "name") && (afterBrackets(tokens, signed.phraseEnd) >= end || isPunct(tokens[signed.phraseEnd], ","))) return signed;
  }
  // `Doe said it was "…," while Roe called it …`: a conjunction opens a clause of someone else's
  // (but `"…" if she lost, said Doe` only finishes the quoted sentence before its cue).
  const conjunction = tokens[i].kind === "word" && !tokens[i].cap && NEW_CLAUSE.has(tokens[i].lower) ? i : -1;
  // `he tries to "…," which his manager, Jo Roe, said was easier said than done`: a clause about
  // the words, opened by `which` right after them (the comma inside the quotation or after it) —
  // whoever speaks in it comments on them.
  if (tokens[i].kind === "word" && tokens[i].lower === "which" && (i === 0 || isPunct(tokens[i - 1], ","))) return undefined;
  // `"…," a nickname that Doe said he liked`, `"…," language which Roe called …`: a thing named after
  // the quotation, with a clause about it, is no cue for it.
  {
    const head = i + 1;
    let k = head;
    // (`a remark`, `a comment`: after the article, a noun, though a verb of speech too)
    while (k < tokens.length && k < head + 3 && tokens[k].kind === "word" && !tokens[k].cap && ((k === head && WORDING_NOUNS.has(tokens[k].lower)) || (!isCueVerb(tokens, k) && !verbForms.has(tokens[k].lower))) && !["that", "which"].includes(tokens[k].lower)) k++;
    if (tokens[i]?.kind === "word" && ["a", "an", "the"].includes(tokens[i].lower) && k > head && tokens[k]?.kind === "word" && ["that", "which"].includes(tokens[k].lower)) return undefined;
    // (`"…," a phrase Doe said had …`: the same without `that`, a name and its verb right after the noun)
    if (tokens[i]?.kind === "word" && ["a", "an", "the"].includes(tokens[i].lower) && k > head && k < tokens.length && isNameWordToken(tokens[k]) && WORDING_NOUNS.has(tokens[k - 1].lower)) {
      let v = k;
      while (v < tokens.length && v < k + 4 && isNameWordToken(tokens[v])) v++;
      // (`, a remark Doe called "…"`: the verb may take the next quotation as its words)
      if (isCueVerb(tokens, v) || (tokens[v]?.kind === "word" && cueVerbForms.has(tokens[v].lower))) return undefined;
    }
  }
  // `"…," according to X`
  const phraseLen = matchCuePhrase(tokens, i);
  if (phraseLen) return cueFrom(tokens, tokens.slice(i, i + phraseLen).map((t) => t.text).join(" "), "according", i + phraseLen, phraseForward(tokens, i + phraseLen), false, evidence);
  // `"…," said X` (inverted), `"…," asked one reader`
  if (isCueVerb(tokens, i) && !cueParticiples.has(tokens[i].lower)) {
    const cue = cueFrom(tokens, tokens[i].text, "inverted", i + 1, phraseForward(tokens, i + 1), false, evidence);
    // (`said a man who gave only his first name, Karim`: the name he gave)
    const given = cue?.phrase.type === "anonymous" ? nameGivenAfter(tokens, cue.phraseEnd) : undefined;
    if (cue && given) return { ...cue, phrase: { type: "name", name: joinWords(tokens.slice(given.from, given.to)) }, phraseStart: given.from, phraseEnd: given.to };
    if (cue && cue.phrase.type !== "pronoun" && !isThing(tokens, cue)) return cue;
    return undefined;
  }
  // `"…," X said`, `"…" X told reporters`, `"…," X, who …, said`
  let bracketed = false;
  for (let v = i + 1; v < Math.min(tokens.length, i + 30); v++) {
    if (isPunct(tokens[v], "(")) bracketed = true;
    else if (isPunct(tokens[v], ")")) bracketed = false;
    // `"…," Jane Doe (D-Vt.) said`: an abbreviation's full stop inside brackets.
    if (bracketed && isPunct(tokens[v], ".")) continue;
    if (abbreviationStop(tokens, v)) continue;
    if (isPunct(tokens[v], ".", "!", "?", ";", ":", "\u2026")) break;
    // A relative clause between the subject and its verb has verbs of its own: skip it.
    if (isPunct(tokens[v], ",") && tokens[v + 1]?.kind === "word" && ["who", "which", "whose"].includes(tokens[v + 1].lower)) {
      let close = v + 2;
      while (close < tokens.length && !isPunct(tokens[close], ",", ".", ";")) close++;
      if (isPunct(tokens[close], ",")) v = close;
      else if (!next) {
        // `"…," Doe, who is chairman of Acme said`: the closing comma left out — a speech verb after
        // the relative clause's own verb is the sentence's.
        const c = mainVerbAfterRelative(tokens, v + 2, close);
        if (c > 0) {
          const cue = cueFrom(tokens, tokens[c].text, "after", i, v, false, evidence);
          if (cue && (cue.phrase.type === "name" || cue.phrase.type === "person") && cue.phraseEnd >= v) return cue;
        }
      }
      continue;
    }
    if (!isCueVerb(tokens, v)) continue;
    if (cueParticiples.has(tokens[v].lower)) {
      // (`"…," Doe, speaking to Roe, said`: a participial adjunct, then the verb)
      let close = v + 1;
      while (close < tokens.length && close < v + 14 && tokens[close].kind !== "punct") close++;
      if (isPunct(tokens[v - 1], ",") && isPunct(tokens[close], ",") && isCueVerb(tokens, close + 1) && !cueParticiples.has(tokens[close + 1].lower)) {
        v = close;
        continue;
      }
      break;
    }
    // `"…," Doe was told by Roe`: the agent speaks, never the one told.
    // (Only with the one told right after the quotation: `his "…" was mentioned by Roe`, `a
    // measure being pushed by Roe` are no passive report of these words.)
    // (`Doe was quoted by Tesnik as saying`: an agency that quotes only relays; the subject speaks)
    if (passiveAgent(tokens, v) && tokens[v - 1].lower !== "being" && !QUOTING.has(tokens[v].lower)) {
      let be = v - 1;
      while (be > i && ["was", "were", "is", "are", "been", "has", "had", "have"].includes(tokens[be - 1].lower)) be--;
      const told = be > i ? cueFrom(tokens, tokens[v].text, "after", i, be, false, evidence) : undefined;
      if (told && told.phraseStart === i && told.phraseEnd === be && ["person", "name", "pronoun", "role", "anonymous", "spokesperson"].includes(told.phrase.type)) {
        const agent = cueFrom(tokens, tokens[v].text, "inverted", v + 2, phraseForward(tokens, v + 2), false, evidence);
        return agent && agent.phrase.type !== "pronoun" && !isThing(tokens, agent) ? agent : undefined;
      }
    }
    // (`"…," Doe, speaking to Roe, said`: the subject ends where a participial adjunct opens)
    const verbEnd = subjectEnd(tokens, v, i);
    const adjunct = participialAdjunct(tokens, verbEnd);
    const end = adjunct > i ? adjunct : verbEnd;
    // `"…" for the EU, said Doe`: words finishing the quoted sentence (opened by a preposition), then an inverted cue.
    if (!next && QUOTE_TAIL_STARTS.has(tokens[i].lower) && tokens[i].kind === "word" && !tokens[i].cap && isPunct(tokens[v - 1], ",")) {
      const inverted = cueFrom(tokens, tokens[v].text, "inverted", v + 1, phraseForward(tokens, v + 1), false, evidence);
      return inverted && inverted.phrase.type !== "pronoun" && !isThing(tokens, inverted) ? inverted : undefined;
    }
    const cue = preferNamed(cueFrom(tokens, tokens[v].text, next ? "next" : "after", i, end, next, evidence), namedBeforeDescriptions(tokens, i, end, tokens[v].text, next ? "next" : "after", evidence));
    // `"…" if she lost, said Jane Doe`: after a clause finishing the quoted sentence, an inverted cue.
    if (!cue && !next && isPunct(tokens[v - 1], ",")) {
      const inverted = cueFrom(tokens, tokens[v].text, "inverted", v + 1, phraseForward(tokens, v + 1), false, evidence);
      if (inverted && inverted.phrase.type !== "pronoun" && !isThing(tokens, inverted)) return inverted;
    }
    if (!cue || isThing(tokens, cue)) return undefined;
    // `his "…" rating — while his supporters have said`: a clause of others after words that go on with the quotation.
    const opener = tokens[cue.phraseStart];
    if (cue.phraseStart > i && opener?.kind === "word" && !opener.cap && NEW_CLAUSE.has(opener.lower)) return undefined;
    // `chanting "…" and carrying signs, two weeks after the university announced …`: the verb of a
    // subordinate clause reports something else.
    // (`"…," hours after the opposition leader told …`: so too a time phrase opening right after the quotation)
    if (tokens.slice(Math.max(i, cue.phraseStart - 1), cue.phraseEnd).some((t) => t.kind === "word" && !t.cap && TIME_AND_CAUSE_CONJUNCTIONS.has(t.lower))) return undefined;
    // (A comma after a clause finishing the quoted sentence, `if she lost, Doe said`, lets the cue
    // through; one inside a noun phrase, `and her ally, Doe, said`, does not.)
    const lead = tokens.slice(conjunction, cue.phraseStart);
    const coordinated = conjunction >= 0 && ["and", "but", "or"].includes(tokens[conjunction].lower) && DETERMINERS.has(tokens[conjunction + 1]?.lower ?? "") && !lead.some((t) => t.kind === "word" && !t.cap && (verbForms.has(t.lower) || cueVerbForms.has(t.lower)));
    if (conjunction >= 0 && (!lead.some((t) => isPunct(t, ",")) || coordinated)) return undefined;
    // The phrase must reach the verb (an appositive or relative clause may stand between).
    if (!reachesVerb(tokens, cue.phraseEnd, end)) return undefined;
    if (next && !attributionOnly(tokens, v + 1)) return undefined;
    // `"…," Doe quoted Roe as saying`, `"…," Doe recalled Roe telling her`: the one quoted or remembered speaks.
    const object = objectSpeaking(tokens, v, evidence);
    if (object !== undefined) return object ?? undefined;
    return cue;
  }
  return undefined;
}

/**
 * In `who is chairman of Acme said`, the speech verb after the relative clause's own verb (`is`,
 * `chairs`) — not its first verb (`who said`, `who has long said`: the clause's own).
 */
function mainVerbAfterRelative(tokens: Token[], from: number, to: number): number {
  let k = from;
  while (k < to && tokens[k].kind === "word" && (AUXILIARIES.has(tokens[k].lower) || cueAdverbs.has(tokens[k].lower)) && !["is", "was"].includes(tokens[k].lower)) k++;
  if (k >= to || isCueVerb(tokens, k) || tokens[k].kind !== "word") return -1;
  for (let c = k + 2; c < to; c++) {
    if (tokens[c].kind === "word" && !tokens[c].cap && CLAUSE_STARTS.has(tokens[c].lower)) return -1;
    if (isCueVerb(tokens, c) && !cueParticiples.has(tokens[c].lower)) return tokens[c - 1].kind === "word" && ["to", "not"].includes(tokens[c - 1].lower) ? -1 : c;
  }
  return -1;
}

/** Between a subject and its verb only an appositive or a relative clause may stand. */
function reachesVerb(tokens: Token[], phraseEnd: number, verb: number): boolean {
  if (phraseEnd >= verb) return true;
  const gap = tokens.slice(phraseEnd, verb);
  if (gap.every((t) => t.kind === "punct")) return true;
  // `Doe, who …, said` / `Doe, 54, said` / `Doe (R-Ohio) said`
  return isPunct(gap[0], ",", "(", "\u2014", "\u2013") && isPunct(gap[gap.length - 1], ",", ")", "\u2014", "\u2013");
}

/** After the verb of an attribution-only sentence: nothing that reports new speech (`said that …`). */
function attributionOnly(tokens: Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && tokens[k].kind === "word" && (cueAdverbs.has(tokens[k].lower) || AUXILIARIES.has(tokens[k].lower))) k++;
  const t = tokens[k];
  if (!t || t.kind === "punct") return true;
  return !["that", "he", "she", "it", "they", "we", "i", "there", "this", "his", "her", "their", "its", "the", "a", "an", "if", "whether", "what", "how", "why", "you"].includes(t.lower) || ["the", "a", "an", "his", "her", "their"].includes(t.lower) && isObjectThenEnd(tokens, k);
}

/** `told the crowd.`, `asked the woman,`: a short object, then the sentence or clause ends. */
function isObjectThenEnd(tokens: Token[], k: number): boolean {
  let j = k + 1;
  while (j < tokens.length && j < k + 5 && tokens[j].kind === "word" && !isCueVerb(tokens, j)) j++;
  return j >= tokens.length || tokens[j].kind === "punct";
}

/** Does the phrase name a thing (`the ad`, `a statement`) rather than a speaker? */
function isThing(tokens: Token[], cue: Cue): boolean {
  const last = tokens[cue.phraseEnd - 1];
  return cue.phrase.type === "name" || cue.phrase.type === "person" ? false : !!last && last.kind === "word" && thingNouns.has(last.lower);
}

/** Whose thing it is: `Doe's statement said` → `Doe`. */
function thingOwner(tokens: Token[], from: number, to: number, evidence: WordEvidence): Cue | undefined {
  const span = tokens.slice(from, to);
  const poss = span.findIndex((t) => t.kind === "poss");
  if (poss <= 0) return undefined;
  // (not people of Doe's: `One of Doe's aides, who …, said` is an aide's, never Doe's)
  const head = span[span.length - 1];
  if (head.kind === "word" && isPeopleNoun(head.lower)) return undefined;
  return cueFrom(tokens, "'s", "before", from, from + poss, false, evidence);
}

/**
 * The subject of the sentence in `tokens[from, to)`: after lead-ins (`In an interview with X,`,
 * `When asked about it,`), the first phrase that names someone.
 */
export function mainSubject(tokens: Token[], from: number, to: number, verb: string, kind: CueKind, evidence: WordEvidence): Cue | undefined {
  let k = datelineEnd(tokens, from, to);
  // `Caption: Jane Doe speaks …`, `Update: …`: a label before the sentence is no subject.
  if (tokens[k]?.kind === "word" && LABELS.has(tokens[k].lower) && isPunct(tokens[k + 1], ":") && k + 2 < to) k += 2;
  // `ODUYA: Your own backbenchers are calling this "…"`, `CANBERRA: The minister said`: a turn's
  // label or a dateline in capitals before a colon is no part of the subject.
  else if (tokens[k]?.kind === "word" && /^\p{Lu}{2,}$/u.test(tokens[k].text) && isPunct(tokens[k + 1], ":") && k + 2 < to) k += 2;
  for (let guard = 0; guard < 4; guard++) {
    const t = tokens[k];
    if (!t || t.kind !== "word") break;
    let c = k;
    while (c < to && !isPunct(tokens[c], ",")) c++;
    // (`In the letter - addressed to the attorney, Jane Doe - the senator asks`: an aside set off by
    // dashes inside a lead-in runs to its closing dash, commas and all)
    if (LEAD_INS.has(t.lower) && tokens.slice(k, c).filter((w) => isPunct(w, "-", "\u2014", "\u2013")).length === 1) {
      let d = c;
      while (d < to && !isPunct(tokens[d], "-", "\u2014", "\u2013")) d++;
      if (d < to) c = d;
    }
    // A lead-in: opened by a preposition or conjunction (`In an interview with X,`, `When asked,`),
    // a participle (`Appearing before supporters,`), or with no verb at all (`Eight years ago,`).
    const segment = tokens.slice(k, c);
    const verbless = !segment.some((w) => w.kind === "word" && !w.cap && (verbForms.has(w.lower) || cueVerbForms.has(w.lower)));
    const nameless = segment.slice(1).every((w) => !isNameWordToken(w) || timeWords.has(w.lower.replace(/\.$/, "")));
    const opensAsLeadIn = NUMBER_WORDS.has(t.lower) || /^\p{N}/u.test(t.text) || timeWords.has(t.lower.replace(/\.$/, "")) || (notNameWords.has(t.lower) && !PRONOUNS.has(t.lower));
    // `Here in Lisport,`, `There, …`: a place adverb opening a lead-in (not `Here's Doe:`, `There was …`).
    const placeLeadIn = PLACE_ADVERBS.has(t.lower) && (isPunct(tokens[k + 1], ",") || LEAD_INS.has(tokens[k + 1]?.lower ?? ""));
    // (a participle opens a lead-in only before a comma: `Tsering was blunter:` is a name)
    const participleLeadIn = segment.length >= 2 && c < to && /^\p{Lu}\p{Ll}+(ing|ed)$/u.test(t.text);
    const leadIn = placeLeadIn || LEAD_INS.has(t.lower) || participleLeadIn || (c < to && segment.length <= 6 && verbless && nameless && opensAsLeadIn);
    // `Her most famous book, The Honest Kitchen, opens with …`: a thing and its title are the subject.
    const thing = thingPhraseStart(tokens, c - 1) === k;
    if (!leadIn || thing) break;
    if (c >= to) return undefined;
    k = c + 1;
  }
  // The subject runs to the first word that cannot be part of a noun phrase (its verb).
  let end = k;
  while (end < to) {
    const t = tokens[end];
    if (t.kind === "punct" && !["-", "&", ",", "(", ")", "\u2019", "'"].includes(t.text)) break;
    if (t.kind === "word" && !t.cap && end > k && !inNounPhrase(t)) break;
    end++;
  }
  // `the Acme convention committee said`, `the Herald technology columnist Jane Doe said`:
  // capitalised words modifying a lower-case noun are not the subject; the whole noun phrase is.
  // (Only after an article: a bare name before an unlisted verb, `Doe shook her head`, is a subject.)
  if (end > k + 1 && end < to && ["the", "a", "an"].includes(tokens[k].lower) && tokens.slice(k + 1, end).every((t) => t.cap) && isCompoundNoun(tokens[end])) {
    while (end < to && tokens[end].kind === "word" && (tokens[end].cap || isCompoundNoun(tokens[end]) || inNounPhrase(tokens[end]))) end++;
  }
  const cue = preferNamed(cueFrom(tokens, verb, kind, k, end, k === from, evidence), namedBeforeDescriptions(tokens, k, end, verb, kind, evidence));
  // (`Refunds will be …`: a plural word opening the sentence, never written as a name inside one, is
  // no one's name — people only when it is a plural of a word for people: `Traders have taken to calling him`)
  if (cue && unevidencedPlural(cue, evidence)) return isPeopleNoun(cue.phrase.type === "name" ? cue.phrase.name.toLowerCase() : "") ? { ...cue, phrase: { type: "group", name: cue.phrase.name } } : undefined;
  return cue && !isThing(tokens, cue) ? cue : undefined;
}

/** A lower-case word that continues a noun phrase rather than starting its verb (`convention`, `campaign`). */
const isCompoundNoun = (t: Token) =>
  t.kind === "word" && !t.cap && /^\p{Ll}{3,}$/u.test(t.text) && !verbForms.has(t.lower) && !cueVerbForms.has(t.lower) && !stopwordSet.has(t.lower) && !notNameWords.has(t.lower) && !timeWords.has(t.lower) && !cueAdverbs.has(t.lower) && !/(ed|ly|ing|s)$/.test(t.lower);

/**
 * Where the phrase starts whose noun, the word at `at`, names a thing (`her most famous book`, `the
 * film`, `Doe's memoir`) — not of a lead-in (`In an interview`, `In his order`) — so that a name
 * set beside it is its title; -1 when it names none.
 */
function thingPhraseStart(tokens: Token[], at: number): number {
  const noun = tokens[at];
  if (noun?.kind !== "word" || noun.cap || !thingNouns.has(noun.lower)) return -1;
  // Back to its determiner (`her`, `the`) or its owner (`Doe's`), then the word before the phrase.
  let k = at - 1;
  let determined = false;
  while (k >= 0 && at - k <= 6 && (tokens[k].kind === "word" || tokens[k].kind === "poss")) {
    if (tokens[k].kind === "poss") determined = true;
    else if (THING_DETERMINERS.has(tokens[k].lower)) {
      determined = true;
      k--;
      break;
    } else if (THING_LEAD_INS.has(tokens[k].lower) || (determined && !tokens[k].cap)) break;
    k--;
  }
  return determined && !THING_LEAD_INS.has(tokens[k]?.lower ?? "") ? k + 1 : -1;
}

/** Prepositions opening a lead-in about a thing (`From Doe's post:`, `In his order,`, `by law,`). */
const THING_LEAD_INS = new Set(["in", "on", "from", "at", "by", "with", "under", "after", "before", "during", "against", "to", "for", "of", "about", "via", "through", "according", "and", "or", "but"]);

/** Words opening a noun phrase for a thing (`Her book, …`), as against a lead-in (`In a statement, …`). */
const THING_DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that"]);
const PRONOUNS = new Set(["he", "she", "they", "i", "we", "it", "you"]);
const NUMBER_WORDS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozens", "several", "few", "many", "some", "weeks", "days", "months", "years", "hours", "minutes", "moments"]);
const isNameWordToken = (t: Token) => t.kind === "word" && t.cap && !/^\p{N}/u.test(t.text);

/** Lower-case words that may stand inside a subject phrase (`the company's chief executive`). */
const LOWER_NP = new Set(["the", "a", "an", "of", "for", "at", "'s", "de", "van", "von", "da", "di", "du", "la", "le", "al", "bin", "former", "then", "its", "his", "her", "their"]);
const inNounPhrase = (t: Token) =>
  t.kind === "poss" || LOWER_NP.has(t.lower) || GOVERNMENT_LEVELS.has(t.lower) || RELATIONS.has(t.lower) || rolePhrases.has(t.lower) || describingWords.has(t.lower) || orgNouns.has(t.lower) || anonymousNouns.has(t.lower) || /^\p{N}/u.test(t.text) || /^(then|ex|self)-/.test(t.lower) || (!cueVerbForms.has(t.lower) && /-/.test(t.lower) && !/(ed|ing)$/.test(t.lower));

/**
 * The subject of the cue verb at `v`, read backwards: the phrase just before the verb (`Doe
 * said`, `Acme's chief executive, Jane Doe, said`), past a relative clause (`Doe, who …, said`)
 * or a parenthetical (`Doe, for his part, said`); for a verb coordinated with another (`Doe was
 * cheered and joked`), the subject of the clause.
 */
function subjectOf(tokens: Token[], v: number, verb: string, evidence: WordEvidence): Cue | undefined {
  // (`PORTO VALENTE, Norland — The governor said`: a wire dateline is no part of the subject)
  const dateline = datelineEnd(tokens, 0, v);
  const read = clauseSubject(tokens, v, verb, evidence);
  const usual = read && read.phraseStart < dateline ? subjectPhrase(tokens, verb, dateline, subjectEnd(tokens, v, dateline), evidence) : read;
  // `what Doe called "…"` names Doe; `what we call "…"` names no one, and `what he called` is read
  // as before `what` counted as a clause start (from the sentence's subject).
  // (`here is what she wrote: "…"`: the clause introduces the words, and the pronoun wrote them)
  if (usual?.phrase.type === "pronoun" && tokens[usual.phraseStart - 1]?.lower === "what" && !(isPunct(tokens[v + 1], ":") && ["he", "she", "they"].includes(usual.phrase.word))) {
    if (usual.phrase.word === "we" || usual.phrase.word === "you" || usual.phrase.word === "i") return undefined;
    return clauseSubject(tokens, v, verb, evidence, false);
  }
  const end = subjectEnd(tokens, v, 0);
  const named = namedBeforeDescriptions(tokens, clauseStart(tokens, end), end, verb, "before", evidence);
  return preferNamed(usual, named);
}

/** Adverbs that open a sentence before its subject, often with no comma (`Later she said`). */
const LEAD_ADVERBS = new Set(["later", "earlier", "then", "now", "also", "previously", "separately", "afterwards", "afterward", "yesterday", "today", "tonight", "recently", "meanwhile", "again", "finally", "eventually", "instead", "subsequently", "initially", "originally", "privately", "publicly", "elsewhere"]);
/** Prepositions and determiners that open an adverbial before the subject (`In a 1998 interview she said`, `Last week Doe told`). */
const LEAD_OPENERS = new Set(["in", "on", "at", "during", "after", "before", "since", "over", "last", "this", "following", "throughout"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i"]);
const LEAD_CLAUSE_WORDS = new Set(["what", "which", "who", "whom", "whose", "that", "where", "when", "whether", "if", "as", "because", "while", "although", "though", "how", "why", "than"]);

/**
 * `Later she said:`, `In a 1998 interview she said:`, `On Tuesday Doe told …`: an adverbial
 * opening the sentence without a comma is no part of its subject — the subject starts after its
 * last word (a lower-case word, a number or a day; never after a capitalised name, which could
 * be the subject's own first word).
 */
function afterLeadIn(tokens: Token[], verb: string, start: number, end: number, evidence: WordEvidence): Cue | undefined {
  const first = tokens[start];
  if (first.kind !== "word" || !(LEAD_ADVERBS.has(first.lower) || LEAD_OPENERS.has(first.lower))) return undefined;
  for (let k = start + 1; k < end && k <= start + 8; k++) {
    const prev = tokens[k - 1];
    // (`In what he called …`, `At the rally where she spoke …`: the subject of a clause inside the lead-in)
    if (prev.kind === "punct" || LEAD_CLAUSE_WORDS.has(prev.lower)) return undefined;
    const closesLead = k === start + 1 ? LEAD_ADVERBS.has(first.lower) : !prev.cap || /^\p{N}/u.test(prev.text) || timeWords.has(prev.lower);
    const t = tokens[k];
    if (!closesLead || t.kind !== "word" || !(t.cap || SUBJECT_PRONOUNS.has(t.lower))) continue;
    const subject = subjectPhrase(tokens, verb, k, end, evidence);
    if (subject && ["pronoun", "person", "name", "role", "spokesperson"].includes(subject.phrase.type) && !isThing(tokens, subject)) return subject;
  }
  return undefined;
}

/** `a man in the public gallery, who`: an unnamed person (`a man`) the relative pronoun ending at `end` refers to. */
function unnamedAntecedent(tokens: Token[], verb: string, end: number, evidence: WordEvidence): Cue | undefined {
  for (let d = end - 1; d >= 0 && end - d <= 8 && tokens[d].kind === "word"; d--) {
    if (!["a", "an", "another", "one"].includes(tokens[d].lower)) continue;
    let e = d + 1;
    while (e < end && !PHRASE_STOPS.has(tokens[e].lower) && !["of", "near", "outside", "behind"].includes(tokens[e].lower)) e++;
    const cue = cueFrom(tokens, verb, "before", d, e, false, evidence);
    return cue?.phrase.type === "anonymous" ? cue : undefined;
  }
  return undefined;
}

/**
 * `A volunteer who worked with Jane Roe said`: the unnamed one (`a volunteer`, `one clerk`) whose
 * restrictive relative clause holds the words from `start` on, when the clause opens with it.
 */
function unnamedBeforeRelative(tokens: Token[], start: number, verb: string, evidence: WordEvidence): Cue | undefined {
  let r = start - 1;
  while (r > 0 && start - r <= 10 && tokens[r].kind === "word" && tokens[r].lower !== "who") r--;
  // (the relative clause has words of its own before the name: `who worked with`)
  if (r < 1 || r >= start - 1 || tokens[r].lower !== "who" || tokens[r].cap) return undefined;
  // (`A man who gave his name only as Karim said`: the name he gave is his)
  if (nameGivenAfter(tokens, r)) return undefined;
  let d = r - 1;
  while (d > 0 && r - d < 6 && tokens[d].kind === "word" && !ANONYMOUS_DETERMINERS.has(tokens[d].lower)) d--;
  if (tokens[d].kind !== "word" || !ANONYMOUS_DETERMINERS.has(tokens[d].lower) || (d > 0 && tokens[d - 1].kind === "word" && !OPENERS.has(tokens[d - 1].lower))) return undefined;
  const cue = cueFrom(tokens, verb, "before", d, r, false, evidence);
  return cue && (cue.phrase.type === "anonymous" || (cue.phrase.type === "role" && cue.phrase.indefinite)) ? cue : undefined;
}

/** `who gave only his first name, Karim`, `, who gave her name only as Leila`: where the name given stands. */
function nameGivenAfter(tokens: Token[], from: number): { from: number; to: number } | undefined {
  // (`said a woman from the province of Marul, who gave only her first name, Amina`: past where she is from)
  if (tokens[from]?.lower === "from" || tokens[from]?.lower === "in") {
    let k = from + 1;
    while (k < tokens.length && k < from + 8 && tokens[k].kind === "word") k++;
    if (isPunct(tokens[k], ",") && tokens[k + 1]?.lower === "who") from = k;
  }
  if (isPunct(tokens[from], ",")) from++;
  if (tokens[from]?.lower !== "who") return undefined;
  // (`who identified himself only as Hamad`, `who asked to be identified only as Leila`)
  {
    let i = from + 1;
    while (i < tokens.length && i < from + 6 && tokens[i].kind === "word" && tokens[i].lower !== "identified") i++;
    if (tokens[i]?.lower === "identified") {
      i++;
      if (["himself", "herself", "themselves"].includes(tokens[i]?.lower ?? "")) i++;
      if (tokens[i]?.lower === "only") i++;
      if (tokens[i]?.lower === "as") {
        let end = i + 1;
        while (end < tokens.length && end < i + 4 && isNameWordToken(tokens[end])) end++;
        if (end > i + 1) return { from: i + 1, to: end };
      }
    }
  }
  let k = from + 1;
  // (`who gave only his surname, Hamada`: a surname, family or last name is a name given)
  const named = (t: Token | undefined) => t?.lower === "name" || t?.lower === "surname";
  while (k < tokens.length && k < from + 8 && !named(tokens[k])) {
    if (tokens[k].kind !== "word") return undefined;
    k++;
  }
  if (!named(tokens[k]) || !givesName([...tokens.slice(from + 1, k), { ...tokens[k], lower: "name" }])) return undefined;
  k++;
  if (tokens[k]?.lower === "only") k++;
  if (tokens[k]?.lower === "as" || isPunct(tokens[k], ",")) k++;
  let end = k;
  while (end < tokens.length && end < k + 3 && isNameWordToken(tokens[end])) end++;
  return end > k ? { from: k, to: end } : undefined;
}

/** The name before its descriptions, unless the usual reading already is that name (with a role from them). */
function preferNamed(usual: Cue | undefined, named: Cue | undefined): Cue | undefined {
  if (!named || (usual && usual.phraseStart < named.phraseEnd && usual.phraseEnd > named.phraseStart)) return usual;
  return named;
}

/** `Q:` and `A:` label an interview's turns, naming no one. */
function turnLabel(tokens: Token[], named: Cue): boolean {
  return named.phraseEnd - named.phraseStart === 1 && tokens[named.phraseStart].text.length === 1;
}

/**
 * After a quoting or remembering verb at `v`, an object and a speech participle (`quoted Roe as
 * saying`, `recalled Roe telling her`): that object's cue, `null` when it names no one readable,
 * `undefined` when the verb has no such object.
 */
function objectSpeaking(tokens: Token[], v: number, evidence: WordEvidence): Cue | null | undefined {
  if (!QUOTING.has(tokens[v].lower) && !PERCEIVING.has(tokens[v].lower)) return undefined;
  // (`Doe was quoted by Tesnik as saying`: a passive, whose agent is no object that speaks)
  if (tokens[v + 1]?.lower === "by" && BE_FORMS.has(tokens[v - 1]?.lower ?? "")) return undefined;
  for (let p = v + 1; p < tokens.length && p < v + 10; p++) {
    if (tokens[p].kind === "punct") return undefined;
    if (p === v + 1 || !cueParticiples.has(tokens[p].lower)) continue;
    const end = tokens[p - 1].lower === "as" ? p - 1 : p;
    // (`Doe is quoted as saying`: no object, the subject speaks)
    if (end <= v + 1) return undefined;
    const object = cueFrom(tokens, tokens[p].text, "participle", v + 1, end, false, evidence);
    return object && (object.phrase.type === "person" || object.phrase.type === "name") ? object : null;
  }
  return undefined;
}

/** `was told by`, `were urged by`: a passive cue verb at `v` with its agent after `by`. */
const passiveAgent = (tokens: Token[], v: number) => tokens[v + 1]?.lower === "by" && tokens[v - 1]?.kind === "word" && BE_FORMS.has(tokens[v - 1].lower);
/** Forms of `be` that make a participle passive (`was told`, `being quoted`). */
const BE_FORMS: ReadonlySet<string> = new Set(["was", "were", "is", "are", "been", "being"]);

/**
 * Where a participial adjunct set off by commas opens (its first comma), when one ends at `end`
 * (`, responding to Roe,`, `, speaking in Arabic,`, `, asked about the deal,`); otherwise -1.
 */
function participialAdjunct(tokens: Token[], end: number): number {
  if (!isPunct(tokens[end - 1], ",")) return -1;
  let open = end - 2;
  // (past an acronym in brackets: `Doe, quoted by the Qiaoling News Agency (QNA), said`)
  while (open > 0 && open > end - 16 && (tokens[open].kind !== "punct" || isPunct(tokens[open], "(", ")"))) open--;
  if (open <= 0 || !isPunct(tokens[open], ",") || open >= end - 2) return -1;
  // (past a place named in apposition inside it: `Doe, speaking in the regional capital, Santa
  // Olalla del Monte, said`)
  if (tokens[open + 1].kind === "word" && tokens[open + 1].cap && tokens[open - 1]?.kind === "word" && !tokens[open - 1].cap && tokens.slice(open + 1, end - 1).every((w) => w.kind === "word")) {
    let earlier = open - 1;
    while (earlier > 0 && earlier > end - 24 && tokens[earlier].kind !== "punct") earlier--;
    if (earlier > 0 && isPunct(tokens[earlier], ",") && /^\p{Ll}{3,}ing$/u.test(tokens[earlier + 1]?.text ?? "")) open = earlier;
  }
  const first = tokens[open + 1];
  if (first.kind !== "word" || first.cap || describingWords.has(first.lower) || rolePhrases.has(first.lower)) return -1;
  const participle = /^\p{Ll}{3,}ing$/u.test(first.text) ? !["according", "including", "during", "something", "nothing", "anything", "everything"].includes(first.lower) : /^\p{Ll}{3,}ed$/u.test(first.text) && verbForms.has(first.lower);
  // (the subject before the adjunct must be a phrase of its own: `Doe, speaking …, said`)
  return participle && tokens[open - 1]?.kind === "word" ? open : -1;
}

/**
 * `The Daily, quoting an unnamed official, said`, `Acme News, citing two people familiar with the
 * talks, reported`: an outlet (an organisation) whose adjunct at `adjunct` quotes someone only
 * relays what it reports.
 */
function relaysQuoted(tokens: Token[], verb: string, adjunct: number, subject: Cue | undefined): boolean {
  const participle = tokens[adjunct + 1].lower;
  return (participle === "quoting" || participle === "citing") && REPORTING.has(verb.toLowerCase()) && !!subject && (subject.phrase.type === "organization" || subject.phrase.type === "orgNoun");
}
const REPORTING = new Set(["said", "says", "reported", "reports", "wrote", "writes"]);

/** Whether the cue verb at `v` has an outlet relaying someone it quotes as its subject (`relaysQuoted`). */
function outletRelaying(tokens: Token[], v: number, evidence: WordEvidence): boolean {
  const end = subjectEnd(tokens, v, 0);
  const adjunct = participialAdjunct(tokens, end);
  return adjunct > 0 && relaysQuoted(tokens, tokens[v].text, adjunct, subjectPhrase(tokens, tokens[v].text, phraseBackward(tokens, adjunct, 0), adjunct, evidence));
}

/** Conjunctions opening a clause whose own subject speaks (`as the heckler yelled`). */
const SUBORDINATING = ["as", "while", "when", "before", "after", "until"];

/**
 * Whether the cue verb at `v` has a subject of its own in a clause opened by a conjunction and a
 * determiner (`as the heckler yelled`, `while a man shouted`; with `coordinated`, `and the crowd
 * cheered` too): someone other than the sentence's subject speaks.
 */
export function clauseOfItsOwn(tokens: Token[], v: number, coordinated = false): boolean {
  const start = subjectEnd(tokens, v, 0);
  let conj = start - 1;
  const opens = (t: Token) => t.kind === "word" && !t.cap && (SUBORDINATING.includes(t.lower) || CONCESSIVE.includes(t.lower) || (coordinated && (t.lower === "and" || t.lower === "but")));
  while (conj >= 0 && conj > start - 5 && !opens(tokens[conj])) conj--;
  if (!(conj >= 0 && conj > start - 5 && conj < start - 1 && tokens.slice(conj + 1, start).every((w) => w.kind === "word"))) return false;
  // (`while the heckler yelled`; `though trustee Kavitha Rao acknowledged`: someone named, however described)
  return DETERMINERS.has(tokens[conj + 1].lower) || (CONCESSIVE.includes(tokens[conj].lower) && tokens.slice(conj + 1, start).some(isNameWordToken));
}
const CONCESSIVE = ["though", "although", "whereas"];

/**
 * `an operation one salvor described as "…"`: a relative clause without `that`, its own subject
 * (a determiner and common nouns) right after the noun it describes — someone else speaking.
 */
function contactRelative(tokens: Token[], v: number): boolean {
  const start = subjectEnd(tokens, v, 0);
  let k = start;
  while (k > 0 && k > start - 4 && tokens[k - 1].kind === "word" && !tokens[k - 1].cap && !DETERMINERS.has(tokens[k - 1].lower) && !ANONYMOUS_DETERMINERS.has(tokens[k - 1].lower) && !verbForms.has(tokens[k - 1].lower) && !stopwordSet.has(tokens[k - 1].lower)) k--;
  const det = tokens[k - 1];
  const noun = tokens[k - 2];
  return k < start && !!det && det.kind === "word" && (DETERMINERS.has(det.lower) || ANONYMOUS_DETERMINERS.has(det.lower)) && !!noun && noun.kind === "word" && !noun.cap && !DETERMINERS.has(noun.lower) && !verbForms.has(noun.lower) && !stopwordSet.has(noun.lower) && !isCueVerb(tokens, k - 2);
}

/** Past a bracketed aside at `k` (`Jane Doe (R-S.C.):`), where the text goes on; `k` itself when there is none. */
function afterBrackets(tokens: Token[], k: number): number {
  if (!isPunct(tokens[k], "(")) return k;
  let close = k + 1;
  while (close < tokens.length && close < k + 8 && !isPunct(tokens[close], ")")) close++;
  return isPunct(tokens[close], ")") ? close + 1 : k;
}

/** `of Lexington, Ky., said`: the full stop of a short capitalised abbreviation before a comma ends no sentence. */
function abbreviationStop(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  return isPunct(tokens[k], ".") && isPunct(tokens[k + 1], ",") && before?.kind === "word" && before.cap && before.text.length <= 5;
}

/** Where the clause ending at `end` starts: after the sentence's last stop, colon or quotation mark (an abbreviation's full stop in brackets is none). */
function clauseStart(tokens: Token[], end: number): number {
  let start = end;
  let bracketed = false;
  while (start > 0) {
    const t = tokens[start - 1];
    if (isPunct(t, ")")) bracketed = true;
    else if (isPunct(t, "(")) bracketed = false;
    else if (!bracketed && !abbreviationStop(tokens, start - 1) && isPunct(t, ":", ";", "\u201c", "\u201d", '"', "\u00ab", "\u00bb", ".", "!", "?", "\u2014", "\u2013")) break;
    start--;
  }
  return start;
}

function clauseSubject(tokens: Token[], v: number, verb: string, evidence: WordEvidence, whatStarts = true): Cue | undefined {
  // `Doe was asked by host Jane Roe, "…"`: the agent of a passive cue speaks.
  // (`Doe was asked by reporters: "…"`: an agent read as no one leaves no speaker — never the one asked)
  if (passiveAgent(tokens, v)) {
    const agent = cueFrom(tokens, verb, "before", v + 2, phraseForward(tokens, v + 2), false, evidence);
    return agent && agent.phrase.type !== "pronoun" ? agent : undefined;
  }
  // `the mayor — who has built his campaign on patrols with municipal police — promised`: a
  // relative clause set off by dashes describes the subject before it; nothing in it speaks. So does
  // any aside set off so (`Jane Roe, an economist — and no relation to Governor John Roe — said`).
  if (isPunct(tokens[v - 1], "\u2014", "\u2013")) {
    let open = v - 2;
    while (open > 0 && v - open < 60 && !isPunct(tokens[open], "\u2014", "\u2013", ".", "!", "?", ";")) open--;
    if (open > 0 && isPunct(tokens[open], "\u2014", "\u2013") && tokens[open + 1]?.kind === "word") {
      const subject = subjectPhrase(tokens, verb, phraseBackward(tokens, open, 0), open, evidence);
      if (subject && !isThing(tokens, subject)) return subject;
    }
  }
  const start = phraseBackward(tokens, v, 0, whatStarts);
  const end = subjectEnd(tokens, v, start);
  const before = tokens[start - 1];
  // `Doe, who identifies as a moderate, told …`: a relative clause (with clause words of its own) before the verb.
  if (isPunct(tokens[end - 1], ",")) {
    let open = end - 2;
    // (`The Chamber of Commerce, which had praised Doe's overhaul of the office, said`: an outfit's clause)
    while (open > 0 && open > end - 30 && !isStop(tokens[open]) && !(isPunct(tokens[open], ",") && ["who", "whose", "which"].includes(tokens[open + 1]?.lower ?? ""))) open--;
    // `A resident, who asked that only her first name, Shirin, be used for her safety, said`: the
    // name she gave, wherever it stands in the clause.
    if (open > 0 && isPunct(tokens[open], ",") && tokens[open + 1]?.lower === "who") {
      const given = nameGivenAfter(tokens, open);
      if (given && given.to < end) return { verb, kind: "before", phrase: { type: "name", name: joinWords(tokens.slice(given.from, given.to)) }, phraseStart: given.from, phraseEnd: given.to };
    }
    let close = open + 1;
    while (close < end - 1 && !isPunct(tokens[close], ",")) close++;
    // `Another customer, who gave only his first name, Dev, said`: a name after the clause is read directly.
    // (`Doe, who gave evidence through an interpreter, Mele Roe, told`: a name in apposition closes the clause)
    const appositive = close < end - 2 && tokens.slice(close + 1, end - 1).every((t) => isNameWordToken(t));
    if (open > 0 && (close === end - 1 || appositive) && isPunct(tokens[open], ",") && ["who", "whose", "which"].includes(tokens[open + 1]?.lower ?? "")) {
      const subjectStart = phraseBackward(tokens, open, 0);
      const subject = subjectPhrase(tokens, verb, subjectStart, open, evidence);
      if (subject && !isThing(tokens, subject)) return subject;
    }
  }
  // `Doe, responding to Roe, said`, `Doe, writing in the Herald, said`, `Doe, pressed by Roe, said`:
  // a participial adjunct between the subject and its verb — whoever it names does not speak.
  const adjunct = participialAdjunct(tokens, end);
  if (adjunct > 0) {
    // `The Daily, quoting an unnamed official, said`, `Acme News, citing two people familiar with
    // the talks, reported`: the outlet only relays — the one it quotes speaks (no one named: no one).
    // (a person citing someone still speaks: `Jane Doe, citing Tom Roe, said the plan was "bold"`)
    const subject = subjectPhrase(tokens, verb, phraseBackward(tokens, adjunct, 0), adjunct, evidence);
    if (relaysQuoted(tokens, verb, adjunct, subject)) {
      const quoted = cueFrom(tokens, verb, "before", adjunct + 2, end - 1, false, evidence);
      return quoted && ["person", "name", "anonymous", "role", "spokesperson"].includes(quoted.phrase.type) && !isThing(tokens, quoted) ? quoted : undefined;
    }
    return subject && !isThing(tokens, subject) ? subject : undefined;
  }
  const direct = end > start ? subjectPhrase(tokens, verb, start, end, evidence) ?? afterLeadIn(tokens, verb, start, end, evidence) : undefined;
  // (`Online, posts carrying the slogan …`: an adverb opening the sentence, set off by a comma, is no subject)
  if (direct && direct.phraseEnd === direct.phraseStart + 1 && LEAD_INS.has(tokens[direct.phraseStart].lower) && isPunct(tokens[direct.phraseEnd], ",")) return undefined;
  // `Friends offered …`, `Aides say …`: a plural word opening the sentence, never written as a name inside one.
  if (direct && unevidencedPlural(direct, evidence)) return undefined;
  // `A volunteer who worked with Jane Roe's group said`: the name ends a relative clause on an
  // unnamed subject, which is who speaks.
  const unnamedHead = direct && ["person", "name", "organization"].includes(direct.phrase.type) ? unnamedBeforeRelative(tokens, start, verb, evidence) : undefined;
  if (unnamedHead) return unnamedHead;
  if (direct && !isThing(tokens, direct)) return direct;
  // `Doe, who has X, said`, `Doe, the founder of a group that …, said`, `a video that said`
  // `Doe said that by refusing to say "…"`: after a speech verb, `that` opens what was said, not a
  // relative clause — the words are the outer speaker's account.
  if (before && before.lower === "that" && start >= 2 && isCueVerb(tokens, start - 2)) {
    const outer = subjectOf(tokens, start - 2, tokens[start - 2].text, evidence);
    if (outer) return outer;
  }
  if (before && before.kind === "word" && !before.cap && ["who", "which", "that"].includes(before.lower)) {
    const antecedentEnd = isPunct(tokens[start - 2], ",") ? start - 2 : start - 1;
    // `Roe lost to Jane Doe, who said`: the noun phrase ending at the relative pronoun, not the clause it ends.
    // Only when the pronoun is the verb's subject (`who said`, `who later told`; not `who Doe
    // called`) and the noun phrase is the object of a verb or of `to`/`by`/`with` (not `an actor in
    // Lisport, who`: that place is no antecedent).
    let np = nounPhraseStart(tokens, antecedentEnd, 0);
    while (np < antecedentEnd && ["of", "for", "at"].includes(tokens[np].lower)) np++;
    const link = tokens[np - 1];
    const isObject = !!link && link.kind === "word" && !link.cap && (OBJECT_LINKS.has(link.lower) || (/ed$/.test(link.lower) && verbForms.has(link.lower)));
    if (end <= start && isObject && np < antecedentEnd) {
      const near = subjectPhrase(tokens, verb, np, antecedentEnd, evidence);
      if (near && (near.phrase.type === "person" || near.phrase.type === "name") && !isThing(tokens, near)) return near;
    }
    const antecedentStart = phraseBackward(tokens, antecedentEnd, 0);
    const cue = subjectPhrase(tokens, verb, antecedentStart, antecedentEnd, evidence);
    if (cue && !isThing(tokens, cue)) return cue;
    const owner = thingOwner(tokens, antecedentStart, antecedentEnd, evidence);
    if (owner) return owner;
    // `Doe was heckled by a man in the gallery, who shouted`: someone unnamed speaks, not the sentence's subject.
    const unnamed = before.lower === "who" ? unnamedAntecedent(tokens, verb, antecedentEnd, evidence) : undefined;
    if (unnamed) return unnamed;
    return mainSubject(tokens, 0, antecedentStart, verb, "subject", evidence);
  }
  if (end <= start) {
    // `Doe was joined on stage and joked, "…"`: the verb shares the clause's subject.
    if (before && before.kind === "word" && ["and", "but", "then", "or"].includes(before.lower)) return mainSubject(tokens, 0, start - 1, verb, "before", evidence);
    return undefined;
  }
  if (direct) return thingOwner(tokens, start, end, evidence) ?? mainSubject(tokens, 0, start, verb, "subject", evidence);
  // `Doe, for his part, said`: a parenthetical between the subject and its verb.
  if (isPunct(tokens[end - 1], ",")) {
    let open = end - 2;
    while (open > 0 && open > end - 24 && !isPunct(tokens[open], ",")) open--;
    if (open > 0 && isPunct(tokens[open], ",")) {
      const subjectStart = phraseBackward(tokens, open, 0);
      const subject = subjectPhrase(tokens, verb, subjectStart, open, evidence);
      if (subject && !isThing(tokens, subject)) return subject;
    }
  }
  return undefined;
}

/** Words that open a sentence before its subject without a comma (`But Doe, a …, said`). */
const OPENERS = new Set(["but", "and", "still", "yet", "so", "meanwhile", "now", "also", "then"]);

/**
 * `Jane Doe, 22, of Lisport, said`, `Jane Doe, a pollster who works with Acme, a super PAC, said`,
 * `John Roe, HP's former spokesman, said`: a name opening the clause (after lead-ins such as
 * `Still,` or `In Lisport,`), then only descriptions of it, each set off by commas, up to the verb.
 * The name speaks, not a name inside the descriptions (`Acme`, `HP`). `tokens[from, to)` is the
 * clause before its verb; `to - 1` is the comma closing the last description.
 */
function namedBeforeDescriptions(tokens: Token[], from: number, to: number, verb: string, kind: CueKind, evidence: WordEvidence): Cue | undefined {
  if (to - from < 4 || !isPunct(tokens[to - 1], ",")) return undefined;
  // Segments between top-level commas (a bracketed aside, `(D-Pa.)`, stays in its segment).
  const segments: { from: number; to: number }[] = [];
  let depth = 0;
  let s = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isPunct(t, "(")) depth++;
    else if (isPunct(t, ")")) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isPunct(t, ",")) {
      if (i > s) segments.push({ from: s, to: i });
      s = i + 1;
    } else if (depth === 0 && t.kind === "punct" && !["-", "&", "\u2019", "'", "."].includes(t.text)) return undefined;
  }
  let n = 0;
  // Lead-ins: `Still,`, `In Lisport,`, `On Tuesday,`.
  while (n < segments.length - 2 && n < 3) {
    const first = tokens[segments[n].from];
    // (`The moderator, Mariam Fakhoury, a presenter with Sahil TV, asked`: a role naming the one the name then names)
    const last = tokens[segments[n].to - 1];
    const roleLead = ["the", "its", "their", "his", "her"].includes(first.lower) && segments[n].to - segments[n].from <= 4 && last.kind === "word" && !last.cap && rolePhrases.has(last.lower);
    if (first.kind !== "word" || !(roleLead || LEAD_INS.has(first.lower) || timeWords.has(first.lower) || (segments[n].to - segments[n].from === 1 && /ly$/.test(first.lower)))) break;
    n++;
  }
  if (segments.length - n < 2) return undefined;
  const nameSeg = { ...segments[n] };
  if (tokens[nameSeg.from].kind === "word" && OPENERS.has(tokens[nameSeg.from].lower) && nameSeg.to - nameSeg.from > 1) nameSeg.from++;
  // `Jane Doe (D-Pa.)`: the party and state in brackets are no part of the name.
  if (isPunct(tokens[nameSeg.to - 1], ")")) {
    let open = nameSeg.to - 1;
    while (open > nameSeg.from && !isPunct(tokens[open], "(")) open--;
    if (open > nameSeg.from) nameSeg.to = open;
  }
  const words = tokens.slice(nameSeg.from, nameSeg.to).filter((t) => t.kind === "word");
  // A person's name (`the Acme Country Club, a private course, charged` is an organisation's doing, not speech).
  if (["the", "a", "an"].includes(words[0]?.lower ?? "")) return undefined;
  // The name segment is a name (with its titles and roles), no clause: every lower-case word a role or title word.
  if (!words.some((t) => t.cap) || words.some((t) => !t.cap && !(rolePhrases.has(t.lower) || describingWords.has(t.lower) || LOWER_NP.has(t.lower) || /^\p{N}+-year-old$/u.test(t.lower)))) return undefined;
  const phrase = parseSegment(tokens.slice(nameSeg.from, nameSeg.to), nameSeg.from === 0, evidence);
  if (!phrase || !(phrase.type === "person" || (phrase.type === "name" && !phrase.weak))) return undefined;
  for (let k = n + 1; k < segments.length; k++) {
    if (!isDescription(tokens, segments[k], segments[k - 1])) return undefined;
  }
  return { verb, kind, phrase, phraseStart: nameSeg.from, phraseEnd: nameSeg.to };
}

/** Whether a comma-set segment after a name describes it (`a pollster`, `22`, `of Lisport`, `HP's spokesman`, `who …`). */
function isDescription(tokens: Token[], seg: { from: number; to: number }, prev: { from: number; to: number }): boolean {
  const span = tokens.slice(seg.from, seg.to);
  const first = span[0];
  if (first.kind === "punct") return isPunct(first, "(");
  if (/^\p{N}/u.test(first.text)) return span.length <= 3;
  if (!first.cap) return !["and", "or", "nor", "but"].includes(first.lower) && !isCueVerb(tokens, seg.from) && !verbForms.has(first.lower);
  // `HP's former chief spokesman`, `Acme's founder`
  const poss = span.findIndex((t) => t.kind === "poss");
  if (poss > 0 && poss < 4 && span[poss + 1]?.kind === "word" && !span[poss + 1].cap) return true;
  // `Lisport, Ky.` after `of Lisport`: the place's state.
  if (["of", "from", "in"].includes(tokens[prev.from].lower) && span.filter((t) => t.kind === "word").length <= 2) return true;
  // `GOP strategist`, `Democratic pollster`: capitalised words before a role noun ending the segment.
  const last = span[span.length - 1];
  return last.kind === "word" && !last.cap && rolePhrases.has(last.lower) && !span.some((t) => t.lower === "and");
}

/** Segment separators inside a phrase: commas, brackets, dashes. */
const isSeparator = (t: Token) => t.kind === "punct" && [",", "(", ")", "\u2014", "\u2013", ";", "-"].includes(t.text);

/**
 * The speaker phrase that ends a span right before its verb: the last comma-free segment, with
 * the segment before it when the two are a name and its appositive (`Jane Doe, the mayor`,
 * `the mayor, Jane Doe`). Lead-ins earlier in the span (`In an interview with X,`) are not it.
 */
function subjectPhrase(tokens: Token[], verb: string, from: number, to: number, evidence: WordEvidence): Cue | undefined {
  const segments: { from: number; to: number }[] = [];
  let s = from;
  // `(UNHCR)`, `(R-Ohio)`, `(Lab, Haddon North)`: a bracketed aside belongs to the phrase before
  // it — none of its parts is a segment of its own.
  let depth = 0;
  for (let i = from; i <= to; i++) {
    // (a bracket the phrase does not close, `(Jane Doe, who …, once said`, opens no aside)
    if (i < to && isPunct(tokens[i], "(") && closesBefore(tokens, i, to)) {
      if (depth === 0 && tokens.slice(s, i).some((t) => t.kind === "word")) segments.push({ from: s, to: i });
      depth++;
    }
    if (depth > 0) {
      if (isPunct(tokens[i], ")")) depth--;
      s = i + 1;
      continue;
    }
    if (i === to || isSeparator(tokens[i])) {
      if (tokens.slice(s, i).some((t) => t.kind === "word")) segments.push({ from: s, to: i });
      s = i + 1;
    }
  }
  const noise = (g: { from: number; to: number }) => {
    // `JACKSON, Miss. - …`: a dateline's place in capitals opening the sentence.
    const dateline = g.from === 0 && segments.length > 1 && /^\p{Lu}{2,}$/u.test(tokens.slice(g.from, g.to).map((t) => t.text).join(""));
    return isNoiseSegment(tokens.slice(g.from, g.to)) || dateline;
  };
  const parts = segments.filter((g) => !noise(g));
  const k = parts.length - 1;
  if (k < 0) return undefined;
  const seg = parts[k];
  const last = parseSegment(tokens.slice(seg.from, seg.to), seg.from === 0, evidence) ?? institution(tokens, seg.from, seg.to) ?? (k > 0 ? nameThenWhere(tokens.slice(seg.from, seg.to)) : undefined);
  // `…, outside the capital, Sacramento, said`: a place closing a clause is not the subject.
  if (!last || (last.type === "name" && last.weak && k > 0)) return undefined;
  const prev = parts[k - 1];
  // The last segment describes an organisation (`a conservative group`, `Lisport's largest bank`).
  const describesOrg = last.type === "orgNoun" || (last.type === "organization" && !!last.orgType);
  // `Jane Doe, the president of Acme Watch, a conservative group, said`: an indefinite description
  // of an organisation describes the one named before it; the subject is read without it (`a
  // story by the website Acme says` is Acme's, not a description).
  if (prev && describesOrg && ["a", "an"].includes(tokens[seg.from].lower) && !tokens.slice(seg.from, seg.to).some((t) => t.lower === "by")) {
    return subjectPhrase(tokens, verb, from, prev.to, evidence);
  }
  // `Jane Doe, the editor of the city's newspaper, the Lisport Herald, said`: a name renaming the
  // organisation that ends the appositive before it is no subject; the person before both speaks.
  const prevLast = prev && tokens[prev.to - 1];
  // `her book, The Honest Kitchen, says`: a name set beside a thing is its title; the thing is the subject.
  if (last.type !== "person" && prev && isPunct(tokens[seg.to], ",") && thingPhraseStart(tokens, prev.to - 1) === prev.from) return subjectPhrase(tokens, verb, from, prev.to, evidence);
  if (k >= 2 && (last.type === "organization" || last.type === "name") && prevLast?.kind === "word" && !prevLast.cap && orgNouns.has(prevLast.lower)) {
    const whole = subjectPhrase(tokens, verb, from, prev.to, evidence);
    if (whole && (whole.phrase.type === "person" || whole.phrase.type === "name")) return whole;
  }
  if (prev) {
    const head = parseSegment(tokens.slice(prev.from, prev.to), prev.from === 0, evidence);
    // `Prof Jane Doe, of the Hallam Institute, said`: where the person is from, set off by commas;
    // `Professor Jane Doe of St Cuthbert's College, Harlingford, called`: the college's town.
    const from = tokens[seg.from];
    if (head && (head.type === "person" || head.type === "name") && ((from.kind === "word" && !from.cap && ORIGIN_LINKS.has(from.lower)) || (head.type === "person" && !!head.organization && last.type === "name" && seg.to - seg.from === 1 && isPunct(tokens[seg.to], ",") && tokens[prev.from].cap))) {
      return { verb, kind: "before", phrase: head, phraseStart: prev.from, phraseEnd: prev.to };
    }
    // (`In Lisport, the mayor said`: a place opening the clause is no one the role describes)
    const placed = tokens[prev.from].kind === "word" && PLACE_PREPOSITIONS.has(tokens[prev.from].lower);
    const merged = head && !placed && withAppositive(head, last);
    if (merged && merged !== head) return { verb, kind: "before", phrase: merged, phraseStart: prev.from, phraseEnd: seg.to };
    // `Gulfline Energy, the region's largest utility, said`: a description of the organisation named
    // before it (its "name" a lower-case owner: `region`) is no speaker of its own.
    if (head && (head.type === "organization" || head.type === "person" || head.type === "name") && ((last.type === "organization" && !!last.orgType && !/^\p{Lu}/u.test(last.name)) || last.type === "orgNoun")) {
      return { verb, kind: "before", phrase: head, phraseStart: prev.from, phraseEnd: prev.to };
    }
    // `Renata Solis, a Democrat, accused`: an indefinite description after a name describes that
    // person (not `…, an honor Doe said`, where the name closing it is the subject).
    if (head && (head.type === "person" || head.type === "name") && ["a", "an"].includes(tokens[seg.from].lower) && last.type !== "person" && (last.type !== "name" || seg.to - seg.from === 2)) {
      return { verb, kind: "before", phrase: head, phraseStart: prev.from, phraseEnd: prev.to };
    }
    // `Jane Doe of Acme, Lisport's largest bank, said`: the appositive describes the organisation
    // the speaker is from; the one who speaks is the name before it.
    if (head && describesOrg && (head.type === "person" || head.type === "name") && tokens.slice(prev.from, prev.to).some((t) => t.kind === "word" && !t.cap && ORIGIN_LINKS.has(t.lower))) {
      return { verb, kind: "before", phrase: head, phraseStart: prev.from, phraseEnd: prev.to };
    }
  }
  return { verb, kind: "before", phrase: last, phraseStart: seg.from, phraseEnd: seg.to };
}

/** Verbs that move someone to speak (`prompting Doe to ask`, `leading Doe to declare`). */
const MOVING_VERBS = new Set(["prompting", "prompted", "leading", "led", "forcing", "forced", "causing", "caused", "provoking", "provoked", "spurring", "spurred", "inspiring", "inspired", "moving", "moved"]);
/** Speech verbs as infinitives after `to` (`prompting Doe to ask both to "…"`). */
const SPEECH_INFINITIVES = new Set(["say", "ask", "declare", "quip", "joke", "remark", "exclaim", "shout", "warn", "plead", "insist", "retort", "tweet", "write", "describe", "call", "demand", "reply", "respond", "comment", "observe", "urge", "tell", "announce", "admit", "protest", "complain"]);

/**
 * `…, prompting the deputy speaker, Jane Doe, to ask both to "…"`, `leading Doe to declare: "…"`:
 * the one moved to speak speaks, not the subject of the clause that moved her (nor of the
 * sentence). `last` is the last token before the quotation.
 */
function movedToSpeak(tokens: Token[], last: number, evidence: WordEvidence): Cue | undefined {
  for (let v = last; v > 1 && last - v < 12; v--) {
    if (isStop(tokens[v])) return undefined;
    if (!(tokens[v].kind === "word" && SPEECH_INFINITIVES.has(tokens[v].lower) && tokens[v - 1].lower === "to")) continue;
    // (`to describe the scheme's "…" branding`: words someone owns, which the one moved names)
    if (tokens.slice(v + 1, last + 1).some((t) => t.kind === "poss")) return undefined;
    for (let m = v - 2; m >= 0 && v - m <= 12; m--) {
      if (isStop(tokens[m])) return undefined;
      if (tokens[m].kind !== "word" || !MOVING_VERBS.has(tokens[m].lower)) continue;
      // (the phrase runs up to `to`, an appositive's closing comma aside)
      let end = v - 1;
      while (end > m + 1 && isPunct(tokens[end - 1], ",")) end--;
      const cue = end > m + 1 ? subjectPhrase(tokens, tokens[v].text, m + 1, end, evidence) : undefined;
      return cue && (cue.phrase.type === "person" || cue.phrase.type === "name" || cue.phrase.type === "role" || cue.phrase.type === "anonymous") ? cue : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The cue in the words before a quotation, back to the start of its sentence (quotations
 * earlier in the sentence left out): `X said: "…"`, `X told Reuters that "…"`, `X …, saying "…"`.
 */
export function cueBefore(tokens: Token[], evidence: WordEvidence, clauseQuoted = false): Cue | undefined {
  return coordinatedSubject(tokens, cueBeforeOne(tokens, evidence, clauseQuoted));
}

/** Heads of an organisation named `… of A, B and C` (`the Ministry of Transport, Communications and Information Technology`). */
const LISTED_ORG_HEADS = new Set(["ministry", "department", "office", "secretariat", "commission", "committee", "council", "board", "agency", "authority", "institute", "school", "faculty", "bureau", "minister", "secretary"]);

/**
 * `Jane Roe, Tom Avery and Jim Beam said`, `the Ministry of Transport, Communications and
 * Information Technology said`: a name closing a list joined by `and` is not the subject alone —
 * the whole list is (one outfit's name, or several people speaking together).
 */
function coordinatedSubject(tokens: Token[], cue: Cue | undefined): Cue | undefined {
  if (!cue || !(cue.phrase.type === "person" || cue.phrase.type === "name") || cue.kind !== "before") return cue;
  const and = cue.phraseStart - 1;
  if (tokens[and]?.lower !== "and" || !(tokens[and - 1]?.kind === "word" && tokens[and - 1].cap)) return cue;
  let start = and - 1;
  while (start > 0 && cue.phraseStart - start < 14 && ((tokens[start - 1].kind === "word" && tokens[start - 1].cap && !stopwordSet.has(tokens[start - 1].lower)) || isPunct(tokens[start - 1], ","))) start--;
  if (isPunct(tokens[start], ",")) start++;
  // (`In Lisport, Jane Roe and Tom Avery said`: the place before the first comma is no one in the list)
  if (tokens[start - 1]?.kind === "word" && PLACE_PREPOSITIONS.has(tokens[start - 1].lower)) {
    while (start < and && !isPunct(tokens[start], ",")) start++;
    start++;
  }
  // (`the Member for Glasbury and Wenn, who insisted`: the places someone stands for, no one who
  // speaks — and no one this reads)
  if (tokens[start - 1]?.lower === "for" && tokens[start - 2]?.kind === "word") return cue.phrase.type === "person" ? cue : undefined;
  // (`the Ministry of A, B and C`: the outfit whose name the list ends)
  if (tokens[start - 1]?.lower === "of" && tokens[start - 2]?.kind === "word" && LISTED_ORG_HEADS.has(tokens[start - 2].lower)) {
    const from = start - 2;
    return { ...cue, phrase: { type: "organization", name: listText(tokens, from, cue.phraseEnd) }, phraseStart: from };
  }
  // (only a list of names: `Roe, Avery and Beam`; `In Lisport, Jane Roe and …` is not one)
  const items = tokens.slice(start, cue.phraseEnd);
  if (start > 0 && !isStop(tokens[start - 1]) && !isPunct(tokens[start - 1], ",") && !(tokens[start - 1].kind === "word" && (OPENERS.has(tokens[start - 1].lower) || stopwordSet.has(tokens[start - 1].lower)))) return cue;
  if (!items.some((t) => isPunct(t, ",")) && and - start > 3) return cue;
  return { ...cue, phrase: { type: "name", name: `${listText(tokens, start, and)} and ${cue.phrase.name}` }, phraseStart: start };
}

/** The words of `tokens[from, to)` as written, commas against the word before them (`Transport, Communications`). */
const listText = (tokens: Token[], from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(" ").replace(/ ,/g, ",");

function cueBeforeOne(tokens: Token[], evidence: WordEvidence, clauseQuoted = false): Cue | undefined {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].kind === "punct" && !isPunct(tokens[last], ":", ",")) last--;
  if (last < 0) return undefined;
  // `Doe's "…" promise`: a possessive right before the quotation names whose words they are.
  // (Not a quoted clause reported after a speech verb: `Roe says in a statement that Doe's "…
  // has crossed the line"` is Roe's account; a phrase, `stated that Doe's "…" rallying cry`, stays Doe's.)
  if (tokens[last].kind === "poss") {
    const start = nameRunStart(tokens, last);
    // (`Roe mocked Doe's "…" promise` is still Doe's: only a clause reported with `that` is Roe's.)
    let reported = false;
    let spoken = false;
    for (let k = start - 1, that = false; k >= 0 && !reported; k--) {
      that ||= tokens[k].lower === "that";
      const verb = isCueVerb(tokens, k) && !cueParticiples.has(tokens[k].lower);
      spoken ||= verb;
      reported = clauseQuoted && that && verb;
    }
    const owner = start < last && !reported ? subjectPhrase(tokens, "'s", start, last, evidence) : undefined;
    // After someone's speech verb (`Doe joked about Roe's "…"`, `Doe mocked Roe's "…" promise`)
    // the words may be either's: a guess, never a sure reading.
    if (owner && (owner.phrase.type === "person" || owner.phrase.type === "name")) return spoken ? { ...owner, kind: "subject", verb: "" } : owner;
  }
  const moved = movedToSpeak(tokens, last, evidence);
  if (moved) return moved;
  // `Respondents were asked: "…"`, `Doe was pressed:`: the question put to them, by someone unnamed.
  if (isPunct(tokens[last], ":") && last >= 2 && tokens[last - 1].kind === "word" && ["asked", "pressed", "questioned", "quizzed"].includes(tokens[last - 1].lower) && BE_FORMS.has(tokens[last - 2].lower)) return undefined;
  // `The interpreter translated Jane Doe's answer: "…"`, `Roe read out Doe's statement:`: the words
  // are the owner's of what was said, not the one passing them on.
  if (isPunct(tokens[last], ":") && last >= 2 && tokens[last - 1].kind === "word" && SAID_THINGS.has(tokens[last - 1].lower) && tokens[last - 2].kind === "poss") {
    const owner = possessorBefore(tokens, last - 2, evidence);
    if (owner && (owner.phrase.type === "person" || owner.phrase.type === "name" || owner.phrase.type === "organization")) return { ...owner, kind: "colon" };
  }
  // `Doe denied Roe's allegation that he had "…"`: the claim's owner said those words.
  const claim = claimOwner(tokens, last, evidence);
  if (claim !== undefined) return claim ?? undefined;
  // `Said Jane Doe, who …, "…"`: an inverted cue opening the sentence.
  const first = tokens[0];
  const second = tokens[1];
  const opensWithName = !!second && second.kind === "word" && (second.cap || ["the", "a", "an", "one", "another"].includes(second.lower));
  if (first && first.kind === "word" && first.cap && opensWithName && cueVerbForms.has(first.lower) && !cueParticiples.has(first.lower) && !["ask", "tell", "press", "question", "call"].includes(cueVerbForms.get(first.lower)!)) {
    const cue = cueFrom(tokens, first.text, "inverted", 1, phraseForward(tokens, 1), false, evidence);
    if (cue && cue.phrase.type !== "pronoun") return cue;
  }
  // `Doe asked how many were aboard, and the reply came back: "…"`: the answer to a question, never the asker's.
  if (isPunct(tokens[last], ":") && replyToAsking(tokens, last)) return undefined;
  // `Pollsters agree - Jane Doe: "…"`, `… doesn't surprise pollster Jane Doe: "…"`: a name right before the colon.
  if (isPunct(tokens[last], ":")) {
    const credited = creditLine(tokens, last, evidence);
    if (credited) return credited;
    const named = subjectPhrase(tokens, ":", 0, last, evidence);
    // (`he added, in Samoan:`, `in English:`: the language the words are in, no one who speaks them;
    // `a listener in Pell's Crossing:`: a place)
    const placeOrLanguage = !!named && (placeObject(tokens, named.phraseEnd) || tokens[named.phraseStart]?.lower === "in");
    if (named && !placeOrLanguage && !turnLabel(tokens, named) && (named.phrase.type === "person" || named.phrase.type === "name") && afterBrackets(tokens, named.phraseEnd) === last && !(named.phrase.type === "name" && named.phrase.weak) && !addressedName(tokens, named)) return { ...named, kind: "colon" };
    const trailing = trailingPerson(tokens, last, evidence);
    if (trailing && !addressed(tokens, trailing.phraseStart)) return trailing;
  }
  // `"…," Doe had said, while her counterpart Roe shrugged: "…"`: a clause of its own, opened after a
  // comma and introducing the quotation with a colon, names its own speaker.
  if (isPunct(tokens[last], ":")) {
    for (let c = last - 1; c >= 1 && c > last - 16; c--) {
      if (isStop(tokens[c]) || isCueVerb(tokens, c)) break;
      // (`"…," Roe said, before Doe cut in: "…"`; `Roe began to answer — "…" — before Doe cut across him: "…"`)
      if (!(tokens[c].kind === "word" && ["while", "whereas", "but", "and", "before", "until"].includes(tokens[c].lower) && isPunct(tokens[c - 1], ",", "\u2014", "\u2013"))) continue;
      const own = mainSubject(tokens, c + 1, last, ":", "colon", evidence);
      if (own && ["person", "name", "pronoun"].includes(own.phrase.type) && verbAfter(tokens, own.phraseEnd, last)) return own;
      break;
    }
  }
  if (contrastingClauseBefore(tokens, last)) return undefined;
  if (voicelessRelative(tokens, last)) return undefined;
  for (let v = last; v >= 0; v--) {
    const t = tokens[v];
    if (isStop(t)) break;
    // A relative clause (`, who has said X,`) has verbs of its own: skip it — unless its comma
    // opens the quotation (`Jane Doe, who said, "…"`: its verb is the cue; not `a report, which notes,`).
    if (isPunct(t, ",") && v > 0) {
      let open = v - 1;
      while (open > 0 && !isPunct(tokens[open], ",", ".", ";", ":")) open--;
      const relative = tokens[open + 1]?.kind === "word" ? tokens[open + 1].lower : "";
      if (isPunct(tokens[open], ",") && ["who", "which", "whose"].includes(relative) && !(v === last && relative === "who")) {
        v = open;
        continue;
      }
    }
    const phraseLen = matchCuePhrase(tokens, v);
    if (phraseLen) {
      let end = v + phraseLen;
      while (end <= last && !isPunct(tokens[end], ",", ":")) end++;
      const cue = cueFrom(tokens, "according to", "according", v + phraseLen, end, false, evidence);
      if (cue) return cue;
      continue;
    }
    // `As Doe put it, "…"`, `As Doe puts it, "…"`
    if (t.kind === "word" && (t.lower === "put" || t.lower === "puts") && tokens[v + 1]?.lower === "it") {
      const cue = subjectOf(tokens, v, "put it", evidence);
      if (cue) return cue;
      continue;
    }
    if (!isCueVerb(tokens, v)) continue;
    // `Wirepress quoted an unnamed "source in the ministry" as saying`: a quotation that is the
    // quoting verb's object, opened by a determiner, describes who is quoted; the one quoting never said it.
    if (QUOTING.has(t.lower) && v < last && v >= last - 3 && ["a", "an", "the"].includes(tokens[v + 1]?.lower ?? "") && describedObject(tokens, v + 2, last + 1)) return undefined;
    // `members had been asked to work "…"`: a passive cue without its agent names no speaker.
    // (`he was told to "…"`: the words of whoever told him, whom the sentence does not name — never his)
    if (isPassive(tokens, v) && tokens[v + 1]?.lower !== "by") {
      if (["tell", "ask", "instruct", "order", "urge", "warn"].includes(cueVerbForms.get(t.lower) ?? "") && tokens[v + 1]?.lower === "to" && v >= last - 4) return undefined;
      continue;
    }
    if (cueParticiples.has(t.lower)) {
      const cue = participleSubject(tokens, v, evidence);
      if (cue === null) return undefined;
      if (cue) return cue;
      continue;
    }
    // `The paradox of it, says Jane Doe, a historian, is that she was "…"`: an inverted cue set off by commas inside the sentence.
    if (isPunct(tokens[v - 1], ",") && v >= 2 && tokens[v + 1]?.kind === "word" && tokens[v + 1].cap && ASIDE_LEMMAS.has(cueVerbForms.get(t.lower) ?? "")) {
      const aside = cueFrom(tokens, t.text, "inverted", v + 1, phraseForward(tokens, v + 1), false, evidence);
      let close = afterBrackets(tokens, aside?.phraseEnd ?? v);
      // (past the rest of its appositive: `says Jane Doe, historian at the Lisport Library,`)
      while (close < tokens.length && close < (aside?.phraseEnd ?? v) + 10 && !isPunct(tokens[close], ",") && !isStop(tokens[close]) && !isCueVerb(tokens, close)) close++;
      if (aside && (aside.phrase.type === "person" || aside.phrase.type === "name") && isPunct(tokens[close], ",")) return aside;
    }
    if (documentSubject(tokens, v)) return undefined;
    // `She said the Government would announce a package "within days"`: a speech act still to come,
    // reported by an earlier verb, is no cue — the words are the reporter's.
    if (modalBefore(tokens, v) && cueVerbBefore(tokens, v)) continue;
    // `Asked whether the Council would accept …, she was cautious:`: a verb inside the question put
    // to someone is no cue.
    if (modalBefore(tokens, v) && tokens.slice(Math.max(0, v - 8), v).some((w) => w.kind === "word" && (w.lower === "whether" || w.lower === "if"))) continue;
    const cue = subjectOf(tokens, v, t.text, evidence);
    if (cue) return outerReport(tokens, cue, v, evidence) ?? cue;
    // `Doe said as the heckler yelled: "…"`: a clause of its own with a subject this cannot read
    // is someone else speaking — not the earlier verb's subject.
    if (clauseOfItsOwn(tokens, v, true) || contactRelative(tokens, v) || outletRelaying(tokens, v, evidence)) return undefined;
  }
  // `Jane Doe: "…"`, `Doe was unmoved: "…"`: a sentence about someone introducing the quote with a colon.
  if (isPunct(tokens[last], ":")) {
    const named = subjectPhrase(tokens, ":", 0, last, evidence);
    if (named && !turnLabel(tokens, named) && ["name", "person", "organization"].includes(named.phrase.type) && named.phraseEnd === last && !addressedName(tokens, named) && !placeObject(tokens, named.phraseEnd)) return { ...named, kind: "colon" };
    const subject = mainSubject(tokens, 0, last, ":", "colon", evidence);
    // (`Placards read "…," while a large banner proclaimed:` — the colon closes a clause of its own,
    // whose subject is no one this reads)
    const ownClause = !!subject && tokens.slice(subject.phraseEnd, last).some((t, k, ws) => t.kind === "word" && !t.cap && ["while", "whereas"].includes(t.lower) && DETERMINERS.has(ws[k + 1]?.lower ?? ""));
    // `Doe was unmoved:` has a verb after its subject; `Wait, it gets better:` and `Partial transcript as follows:` do not.
    if (subject && !ownClause && subject.phrase.type !== "anonymous" && !addressed(tokens, subject.phraseStart) && (verbAfter(tokens, subject.phraseEnd, last) || (clauseAfter(tokens, subject.phraseEnd, last) && !unevidencedWord(subject, evidence)))) return subject;
  }
  return undefined;
}

/**
 * `…, citing what the decision notice will describe as "…"`: a document is the subject of the cue
 * verb at `v` and says the words — no one named before it does. (Not a thing inside someone's
 * report: `Doe said that the platform should reiterate "…"` is hers.)
 */
function documentSubject(tokens: Token[], v: number): boolean {
  const start = phraseBackward(tokens, v, 0);
  const end = subjectEnd(tokens, v, start);
  const reported = start > 0 && (tokens[start - 1].lower === "that" || isCueVerb(tokens, start - 1));
  return !reported && end - start >= 2 && THING_DETERMINERS.has(tokens[start].lower) && !tokens[start].cap && tokens.slice(start, end).every((w) => w.kind === "word" && !w.cap) && thingNouns.has(tokens[end - 1].lower);
}

/** Nouns for the words that answer a question (`the reply came back:`). */
const REPLY_NOUNS = new Set(["reply", "answer", "response", "retort", "rejoinder"]);

/** `Doe asked …, and the reply came back:` — a reply, subject of its own clause after someone asking, before the colon at `last`. */
export function replyToAsking(tokens: Token[], last: number): boolean {
  let reply = false;
  for (let k = last - 1; k >= 0 && k > last - 30 && !isStop(tokens[k]); k--) {
    const t = tokens[k];
    if (t.kind !== "word") continue;
    if (REPLY_NOUNS.has(t.lower) && ["the", "a"].includes(tokens[k - 1]?.lower ?? "") && tokens[k + 1]?.kind === "word") reply = true;
    else if (reply && cueVerbForms.get(t.lower) === "ask") return true;
  }
  return false;
}

/** Besides the places' prepositions (`in`, `near`), these too put a name before a colon where something happened. */
const MORE_PLACE_PREPOSITIONS = new Set(["at", "along", "into", "onto", "through"]);

/** `in Dunmore:`, `outside Pell's Crossing:`: the name ending at `end` (before a colon) is where something happened, never who speaks. */
function placeObject(tokens: Token[], end: number): boolean {
  let k = end - 1;
  while (k >= 0 && (tokens[k].kind === "poss" || (tokens[k].kind === "word" && tokens[k].cap))) k--;
  const before = tokens[k]?.lower ?? "";
  return k < end - 1 && (PLACE_PREPOSITIONS.has(before) || MORE_PLACE_PREPOSITIONS.has(before));
}

const MODALS = new Set(["will", "would", "could", "might", "may", "should", "shall", "must", "can", "won't", "wouldn't", "'ll"]);

/** `would announce`, `will not say`, `could soon declare`: a modal (past `not` or an adverb) before the verb at `v`. */
function modalBefore(tokens: Token[], v: number): boolean {
  let k = v - 1;
  while (k >= 0 && k >= v - 3 && tokens[k].kind === "word" && (tokens[k].lower === "not" || /ly$/.test(tokens[k].lower) || tokens[k].lower === "soon")) k--;
  return k >= 0 && tokens[k].kind === "word" && MODALS.has(tokens[k].lower);
}

/** How far back the verb reporting a clause is looked for (bounded: linear on an endless sentence). */
const REPORTING_REACH = 40;

/** Whether a speech verb stands earlier in the sentence than `v` (the one reporting the clause `v` is in). */
function cueVerbBefore(tokens: Token[], v: number): boolean {
  for (let u = v - 1; u >= 0 && u >= v - REPORTING_REACH; u--) {
    if (isStop(tokens[u])) return false;
    // (`Roe said …, while Doe would say only that "…"`: a clause of its own, not one Roe reports)
    // (the comma may stand inside the closing mark of a quotation before: `"…," while Doe would say`)
    // (a named subject opens it; not `She said that while the Government would announce "…"`, her account)
    if (tokens[u].kind === "word" && ["while", "whereas", "but"].includes(tokens[u].lower) && tokens[u - 1]?.lower !== "that" && tokens[u + 1]?.kind === "word" && tokens[u + 1].cap) return false;
    if (isCueVerb(tokens, u)) return true;
  }
  return false;
}

/** Whether the bracket opened at `open` closes before `to`. */
function closesBefore(tokens: Token[], open: number, to: number): boolean {
  for (let k = open + 1; k < to; k++) if (isPunct(tokens[k], ")")) return true;
  return false;
}

/** Labels of captions and live updates (`Caption:`, `Update:`). */
const LABELS = new Set(["caption", "image", "photo", "picture", "pictured", "update", "updated", "watch", "video", "above", "top", "below", "credit", "correction", "clarification", "editor's", "note"]);

/** Words opening a topic heading (`On the injury to …:`). */
const TOPIC_OPENERS = new Set(["on", "about", "regarding", "concerning", "re", "asked"]);

/** Conjunctions opening a clause of someone else's (`while Roe found it …`, `and Roe thought it …`). */
const CONTRASTING = new Set(["while", "whereas", "but", "and"]);

/**
 * `Acme called it "…", while Jane Doe found it "…"`: a clause of someone else's, with no cue verb
 * of its own, opens between the sentence's cue and the quotation — neither that cue nor the
 * speaker before is the quotation's.
 */
export function contrastingClauseBefore(tokens: Token[], last = tokens.length - 1): boolean {
  for (let v = last; v >= 0; v--) {
    const t = tokens[v];
    // (`, and Roe found it`: a clause of its own only after a comma — `Doe and Roe saw`, `he and
    // Roe shared` join subjects — and not `, and that Roe faced`, more of what was said)
    const conjunction = t.kind === "word" && !t.cap && CONTRASTING.has(t.lower) && (t.lower !== "and" || (isPunct(tokens[v - 1], ",") && tokens[v + 1]?.lower !== "that"));
    if ((conjunction || isPunct(t, ";")) && namedClauseAfter(tokens, v + 1, last + 1)) return true;
    if (isStop(t) || (isCueVerb(tokens, v) && !cueParticiples.has(t.lower))) return false;
  }
  return false;
}

/** A capitalised subject, then a finite verb that is no cue (`Jane Doe found`, `the Herald's Roe thought`), in `[from, to)`. */
function namedClauseAfter(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  while (k < to && tokens[k].kind === "word" && !tokens[k].cap && DETERMINERS.has(tokens[k].lower)) k++;
  let named = false;
  while (k < to && (isNameWordToken(tokens[k]) || tokens[k].kind === "poss" || (named && isPunct(tokens[k], "-")))) {
    named ||= isNameWordToken(tokens[k]);
    k++;
  }
  const verb = tokens[k];
  // (a past form the verb list lacks, `deemed`, `rated`, is a finite verb too)
  return named && k < to && verb.kind === "word" && !verb.cap && (verbForms.has(verb.lower) || /^\p{Ll}{3,}ed$/u.test(verb.lower)) && !/ing$/.test(verb.lower) && !isCueVerb(tokens, k) && !AUXILIARIES.has(verb.lower);
}

/** Nouns for what someone said or wrote, whose owner speaks the words a colon introduces (`Doe's answer:`). */
const SAID_THINGS = new Set(["answer", "answers", "reply", "response", "words", "message", "statement", "remarks", "question", "plea", "appeal", "warning", "testimony", "speech", "address", "letter", "note", "email", "post", "tweet", "text"]);

/** Nouns for what someone said, whose `that` clause reports it (`Roe's allegation that …`). */
const CLAIM_NOUNS = new Set(["claim", "claims", "allegation", "allegations", "accusation", "accusations", "suggestion", "suggestions", "assertion", "assertions", "contention", "insinuation", "jibe", "jibes", "gibe", "charge", "charges", "insistence", "complaint", "complaints", "boast", "remark", "remarks", "comment", "comments", "warning", "warnings", "prediction", "predictions", "promise", "promises", "pledge", "pledges", "threat", "threats", "admission", "admissions", "argument", "arguments", "assessment", "assessments", "characterisation", "characterization", "description", "descriptions", "statement", "statements", "verdict", "verdicts", "view", "views", "conclusion", "conclusions", "declaration", "observation", "belief", "criticism", "criticisms", "confession", "announcement", "insinuations", "contentions", "retort", "quip", "boasts", "denial", "denials", "theory", "portrayal"]);
/** Verbs that answer a claim (`denied`, `dismissed`): its words are not their subject's. */
const ANSWERING_LEMMAS = new Set(["scoff", "deride", "deny", "reject", "dismiss", "dispute", "rebut", "refute", "respond", "counter", "challenge", "laugh", "question", "contest", "ridicule", "mock", "slam", "blast", "criticize", "criticise", "condemn", "attack"]);

/**
 * `Doe denied Roe's allegation that he had "…"`, `dismissed suggestions by Roe that …`: between
 * the nearest cue verb and the quotation, a claim noun with a `that` clause — its owner spoke the
 * words. `null` when the claim is answered but its owner unread (`denied the allegation that …`:
 * not the denier's words); `undefined` when there is no such claim (`Doe repeated her claim that …`
 * stays the subject's).
 */
function claimOwner(tokens: Token[], last: number, evidence: WordEvidence): Cue | null | undefined {
  // (`describing Roe's statement that he opposed the war as "…"`: the words describe the claim, they are none of it)
  if (tokens[last]?.kind === "word" && tokens[last].lower === "as") return undefined;
  for (let c = last; c >= 1; c--) {
    const t = tokens[c];
    if (isStop(t) || isPunct(t, ":", ";")) return undefined;
    // (`rejected claims that`, `Roe's claims that`: the noun; `Roe claims that`: the verb)
    const prev = tokens[c - 1];
    const noun = t.kind === "word" && !t.cap && CLAIM_NOUNS.has(t.lower) && (prev.kind === "poss" || DETERMINERS.has(prev.lower) || (prev.kind === "word" && !prev.cap && (isCueVerb(tokens, c - 1) || (!verbForms.has(prev.lower) && !PRONOUNS.has(prev.lower)))));
    // (a participle opening its own phrase ends the claim: `… that he was "…" by calling it "…"`)
    if (!noun && isCueVerb(tokens, c) && (!cueParticiples.has(t.lower) || prev.lower === "by" || isPunct(prev, ","))) return undefined;
    if (!noun) continue;
    // (`Doe said Roe's claim that … is "…"`: what a plain speech verb reports is its subject's account)
    const at = nearestCueVerb(tokens, c);
    const governing = at >= 0 ? cueVerbForms.get(tokens[at].lower) ?? "" : undefined;
    // (`Doe responded to Roe's accusation that …`, `replied to`: the claim answered, not reported)
    // (`Doe answered the chief justice's warning that …`: answering a claim is replying to it)
    const answeredTo = ((governing === "respond" || governing === "reply") && tokens[at + 1]?.lower === "to") || governing === "answer";
    if (governing && SPEECH_LEMMAS.has(governing) && !answeredTo) return undefined;
    const next = tokens[c + 1]?.lower;
    if (next !== "that" && next !== "by") continue;
    let owner: Cue | undefined;
    if (next === "by") {
      let thatAt = c + 2;
      while (thatAt <= last && thatAt < c + 10 && tokens[thatAt].lower !== "that" && !isPunct(tokens[thatAt])) thatAt++;
      if (tokens[thatAt]?.lower !== "that") continue;
      owner = cueFrom(tokens, "by", "before", c + 2, thatAt, false, evidence);
    } else {
      // (past a describing word or two: `Roe's latest allegation`)
      let p = c - 1;
      while (p > c - 3 && p > 0 && tokens[p].kind === "word" && !tokens[p].cap && !DETERMINERS.has(tokens[p].lower)) p--;
      if (tokens[p]?.kind === "poss") owner = possessorBefore(tokens, p, evidence);
      else if (tokens[p]?.kind === "word" && ["his", "her", "their", "its", "my", "our"].includes(tokens[p].lower)) return undefined;
    }
    if (owner && (owner.phrase.type === "person" || owner.phrase.type === "name" || owner.phrase.type === "organization")) return owner;
    // The claim answered, its owner unread: not the answering subject's words.
    return governing && (ANSWERING_LEMMAS.has(governing) || answeredTo) ? null : undefined;
  }
  return undefined;
}

/** Where the nearest finite cue verb before token `c` in its sentence is, or -1. */
function nearestCueVerb(tokens: Token[], c: number): number {
  for (let v = c - 1; v >= 0 && !isStop(tokens[v]); v--) {
    if (isCueVerb(tokens, v) && !cueParticiples.has(tokens[v].lower)) return v;
  }
  return -1;
}

/** Verbs that report speech itself: a quotation after them is their subject's words. */
const SPEECH_LEMMAS = new Set(["say", "tell", "write", "ask", "add", "reply", "answer", "tweet", "post", "state", "declare", "respond", "explain"]);

/**
 * `Doe said the company had offered "…"`: a quotation that is the object of a verb inside what a
 * named person said is that person's account; the inner verb's nominal subject did not speak it.
 */
function outerReport(tokens: Token[], inner: Cue, v: number, evidence: WordEvidence): Cue | undefined {
  const lemma = cueVerbForms.get(tokens[v].lower);
  if (!lemma || SPEECH_LEMMAS.has(lemma) || inner.phrase.type === "person" || inner.phrase.type === "name" || inner.phrase.type === "pronoun") return undefined;
  for (let u = inner.phraseStart - 1; u >= 0; u--) {
    const t = tokens[u];
    if (isStop(t) || isPunct(t, ":", ";")) return undefined;
    // (`Acme said it failed, a setback the company's chief called "…"`: a noun phrase set after the
    // clause is the inner speaker's own sentence, not the outer report's)
    if (isPunct(t, ",") && ["a", "an"].includes(tokens[u + 1]?.lower ?? "")) return undefined;
    if (!isCueVerb(tokens, u) || !SPEECH_LEMMAS.has(cueVerbForms.get(t.lower) ?? "") || cueParticiples.has(t.lower)) continue;
    const outer = subjectOf(tokens, u, t.text, evidence);
    return outer && (outer.phrase.type === "person" || outer.phrase.type === "name") ? outer : undefined;
  }
  return undefined;
}

/** Whether a verb follows the subject ending at `from` (past commas, an appositive's words and adverbs). */
export function verbAfter(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  // `Doe, the mayor, was …`: past one appositive.
  if (isPunct(tokens[k], ",")) {
    let close = k + 1;
    while (close < to && close < k + 12 && !isPunct(tokens[close], ",")) close++;
    if (isPunct(tokens[close], ",") && !tokens.slice(k + 1, close).some((t) => t.kind === "word" && !t.cap && verbForms.has(t.lower))) k = close;
  }
  while (k < to && (isPunct(tokens[k], ",") || (tokens[k].kind === "word" && cueAdverbs.has(tokens[k].lower) && !verbForms.has(tokens[k].lower)))) k++;
  const t = tokens[k];
  return !!t && t.kind === "word" && !t.cap && (verbForms.has(t.lower) || cueVerbForms.has(t.lower) || /ed$/.test(t.lower));
}

/** Lower-case words after a subject, not opened by a pronoun of their own (`Wait, it gets better`). */
export function clauseAfter(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  while (k < to && isPunct(tokens[k], ",")) k++;
  if (tokens[k]?.kind === "word" && PRONOUNS.has(tokens[k].lower)) return false;
  return tokens.slice(from, to).some((t) => t.kind === "word" && !t.cap);
}

/** One capitalised word opening a sentence, never capitalised inside one and not a given name: no evidence of a name. */
export function unevidencedWord(cue: Cue, ev: WordEvidence): boolean {
  return cue.phrase.type === "name" && !cue.phrase.name.includes(" ") && cue.phraseStart === 0 && !ev.capitalisedInside(cue.phrase.name.toLowerCase()) && !isGivenName(cue.phrase.name);
}

/** `Friends offered …`, `Refunds will …`: a plural word opening the sentence, never written as a name inside one. */
function unevidencedPlural(cue: Cue, ev: WordEvidence): cue is Cue & { phrase: { type: "name"; name: string } } {
  return cue.phrase.type === "name" && /s$/.test(cue.phrase.name) && unevidencedWord(cue, ev);
}

/** `was asked`, `had been told`: a cue verb in the passive. */
function isPassive(tokens: Token[], v: number): boolean {
  let k = v - 1;
  while (k >= 0 && tokens[k].kind === "word" && /ly$/.test(tokens[k].lower)) k--;
  const aux = tokens[k];
  return !!aux && aux.kind === "word" && ["was", "were", "is", "are", "been", "being", "be", "get", "got"].includes(aux.lower) && /(ed|en|told|said|asked)$/.test(tokens[v].lower);
}

/**
 * `Doe told CNN's Jake Roe:`, `Doe wrote to Mayor Roe:`, `… released by her lawyer, Jake Roe:` —
 * the phrase before a colon is the one spoken to (or the go-between), not the speaker, when a
 * speech verb or a preposition stands right before it (or before the noun it renames).
 */
function addressed(tokens: Token[], start: number): boolean {
  // `On the injury to halfback Jane Doe:`, `About Doe:`: a topic heading a press conference's answers names whom it is about.
  // (`Asked about it, he said:` is a clause before its subject, no heading)
  if (tokens[0]?.kind === "word" && TOPIC_OPENERS.has(tokens[0].lower) && !tokens.slice(0, start).some((t) => isPunct(t, ","))) return true;
  let k = start - 1;
  if (isPunct(tokens[k], ",")) k = nounPhraseStart(tokens, k, start - 8) - 1;
  // (past a title or role the name carries: `put the question to Premier Jane Doe:`)
  while (k > 0 && k > start - 4 && tokens[k].kind === "word" && tokens[k].cap && (isTitle(tokens[k]) || !!roleAt(tokens, k, k + 1))) k--;
  const t = tokens[k];
  return !!t && t.kind === "word" && !t.cap && (ADDRESSING.has(t.lower) || ADDRESSING_VERBS.has(cueVerbForms.get(t.lower) ?? ""));
}
const ADDRESSING = new Set(["to", "by", "with", "from", "at", "for"]);

/** Where the run of name words ending at `end` starts (`Premier Jane Doe`, `Jane Doe` before `'s`). */
function nameRunStart(tokens: Token[], end: number): number {
  let k = end;
  while (k > 0 && isNameWordToken(tokens[k - 1])) k--;
  return k;
}

/**
 * Whether a phrase read before a colon names someone addressed (`put the question to Premier Jane
 * Doe:`), checked from the phrase's first word and from the name's own (the phrase may have read
 * words before it).
 */
function addressedName(tokens: Token[], cue: Cue): boolean {
  return addressed(tokens, cue.phraseStart) || addressed(tokens, nameRunStart(tokens, cue.phraseEnd));
}

/** The one named before the possessive at `poss` (`Jane Doe` of `Jane Doe's answer`), read as a subject. */
function possessorBefore(tokens: Token[], poss: number, evidence: WordEvidence): Cue | undefined {
  const start = nameRunStart(tokens, poss);
  return start < poss ? subjectPhrase(tokens, "'s", start, poss, evidence) : undefined;
}

/** Where the noun phrase ending at `end` starts (`CNN's chief political host`, `his probation officer`), no further back than `floor`. */
function nounPhraseStart(tokens: Token[], end: number, floor: number): number {
  let k = end;
  while (k > Math.max(0, floor) && tokens[k - 1].kind !== "punct" && (tokens[k - 1].cap || tokens[k - 1].kind === "poss" || inNounPhrase(tokens[k - 1]) || isCompoundNoun(tokens[k - 1]) || ["my", "our"].includes(tokens[k - 1].lower)) && !isCueVerb(tokens, k - 1)) k--;
  return k;
}
/** Speech verbs whose object is the one spoken to (`told X:`); after others the name is their inverted subject (`explained X:`). */
const ADDRESSING_VERBS = new Set(["tell", "ask", "inform", "assure", "remind", "urge", "thank", "advise", "question", "press", "interview", "greet", "address"]);

/**
 * `Jane Doe, senior rates strategist, Acme Bank: "…"`, `Jane Doe, Acme Capital: "…"`: a credit line
 * (a round-up's list of analysts) — a person's name, then their title and firm set off by commas,
 * and no verb before the colon. The name speaks, not the firm that ends the line.
 */
function creditLine(tokens: Token[], last: number, evidence: WordEvidence): Cue | undefined {
  let start = 0;
  while (start < last && tokens[start].kind === "punct" && ["-", "*", "\u2022", "\u2013", "\u2014"].includes(tokens[start].text)) start++;
  let comma = start;
  while (comma < last && !isPunct(tokens[comma], ",")) comma++;
  if (comma === start || comma >= last - 1) return undefined;
  for (let k = comma; k < last; k++) {
    const t = tokens[k];
    if (t.kind === "punct" ? !isPunct(t, ",", "&", ".") : t.kind === "word" && !t.cap && (verbForms.has(t.lower) || isCueVerb(tokens, k))) return undefined;
  }
  const phrase = parseSegment(tokens.slice(start, comma), start === 0, evidence);
  if (!phrase || (phrase.type !== "person" && !(phrase.type === "name" && phrase.name.includes(" ") && classifyName(tokens.slice(start, comma)) !== "organization"))) return undefined;
  return { verb: ":", kind: "colon", phrase, phraseStart: start, phraseEnd: comma };
}

/** `… surprise Republican pollster Jane Doe:`: the person phrase that ends the words before a colon. */
function trailingPerson(tokens: Token[], end: number, evidence: WordEvidence): Cue | undefined {
  let start = end;
  while (start > 0) {
    const t = tokens[start - 1];
    const np = t.kind === "poss" || isNameWordToken(t) || (t.kind === "word" && (rolePhrases.has(t.lower) || describingWords.has(t.lower) || ["of", "for", "the", "a", "an"].includes(t.lower)));
    if (!np) break;
    start--;
  }
  while (start < end && tokens[start].kind === "word" && ["of", "for", "the", "a", "an"].includes(tokens[start].lower) && tokens[start].lower !== "the") start++;
  if (start >= end) return undefined;
  const phrase = parseSegment(tokens.slice(start, end), false, evidence);
  if (!phrase || phrase.type !== "person" || !phrase.name.includes(" ")) return undefined;
  return { verb: ":", kind: "colon", phrase, phraseStart: start, phraseEnd: end };
}

/** Whether tokens `[from, to)` are only lower-case describing words (`unnamed`, `senior`): no verb, no name. */
function describedObject(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].kind !== "word" || tokens[k].cap || isCueVerb(tokens, k)) return false;
  return true;
}

/** Texts whose words are no one's in the sentence (not a statement, letter or post, which its author says). */
const VOICELESS_TEXTS = new Set(["page", "website", "site", "notice", "brief", "sign", "signs", "banner", "caption", "headline", "card", "flyer", "placard", "manifesto", "pamphlet", "statute", "law", "amendment", "provision", "bill", "clause", "contract", "label", "policy", "guideline", "guidelines", "handbook", "manual", "brochure", "leaflet", "screen", "display"]);

/**
 * `pointed to a page on its website stating that "…"`: a document (`a page`, `the notice`) right
 * before the participle at `v` says the words, not anyone the sentence names.
 */
function documentSays(tokens: Token[], v: number): boolean {
  let k = v - 1;
  while (k > 0 && k > v - 6 && tokens[k].kind === "word" && (tokens[k].cap || !VOICELESS_TEXTS.has(tokens[k].lower)) && !isCueVerb(tokens, k)) k--;
  const head = tokens[k];
  if (!(head?.kind === "word" && !head.cap && VOICELESS_TEXTS.has(head.lower) && ["a", "an", "the", "its", "their", "his", "her"].includes(tokens[k - 1]?.lower ?? ""))) return false;
  for (let j = k + 1; j < v; j++) if (tokens[j].kind !== "word" || isCueVerb(tokens, j)) return false;
  return true;
}

/**
 * `the studio's careers page, which until Tuesday promised applicants "…"`, `the law, which states
 * that "…"`: the quotation stands in a relative clause about a text — the text's words, no one's
 * the sentence names.
 */
function voicelessRelative(tokens: Token[], last: number): boolean {
  let c = last;
  while (c > 0 && c > last - 12 && !isPunct(tokens[c], ",") && !isStop(tokens[c])) c--;
  if (!isPunct(tokens[c], ",") || tokens[c + 1]?.lower !== "which") return false;
  const head = tokens[c - 1];
  // (not `the bill, which she said was "…"`: someone inside the clause speaks)
  for (let k = c + 2; k <= last; k++) if (tokens[k].kind === "word" && (SUBJECT_PRONOUNS.has(tokens[k].lower) || (isNameWordToken(tokens[k]) && !timeWords.has(tokens[k].lower) && isCueVerb(tokens, k + 1)))) return false;
  // (`Article 19 of the Constitution, which guarantees "…"`: a founding text, named)
  return head?.kind === "word" && ((!head.cap && VOICELESS_TEXTS.has(head.lower)) || (head.cap && FOUNDING_TEXTS.has(head.lower)));
}

/** Texts named with a capital whose words are their own (`the Constitution, which guarantees "…"`). */
const FOUNDING_TEXTS = new Set(["constitution", "charter", "treaty", "convention", "covenant", "declaration", "act", "code", "amendment"]);

/** Whether the words before a quotation end in a document's participle cue (`a page stating that`): words no one the sentence names says. */
export function documentParticipleBefore(tokens: Token[]): boolean {
  let v = tokens.length - 1;
  while (v > 0 && v > tokens.length - 4 && !(tokens[v].kind === "word" && cueParticiples.has(tokens[v].lower))) v--;
  return v > 0 && tokens[v].kind === "word" && cueParticiples.has(tokens[v].lower) && tokens.slice(v + 1).every((t) => t.lower === "that" || t.kind === "punct") && documentSays(tokens, v);
}

/** Who a participle cue (`saying`, `adding`) belongs to: its own subject, the finite cue verb before it, or the clause's subject; null when it is surely no one the sentence names. */
function participleSubject(tokens: Token[], v: number, evidence: WordEvidence): Cue | null | undefined {
  const verb = tokens[v].text;
  // `with Doe saying "…"`: an explicit subject right before the participle.
  // (null: the participle has its own subject, but one that names no speaker: `with each side
  // accusing the other of "…"` is never the main clause's subject's)
  const withSubject = (p: number): Cue | null | undefined => {
    const start = phraseBackward(tokens, p, 0);
    const end = subjectEnd(tokens, p, start);
    if (start > 0 && tokens[start - 1].lower === "with" && end > start && !tokens.slice(start, end).some((t) => isSeparator(t))) return subjectPhrase(tokens, verb, start, end, evidence) ?? null;
    // (`with officials accusing Roe of "…" and the group saying "…"`: a second subject after `and`,
    // coordinated with the first under one `with`)
    if (start > 1 && tokens[start - 1].lower === "and" && end > start && !tokens.slice(start, end).some((t) => isSeparator(t)) && tokens.slice(Math.max(0, start - 20), start - 1).some((t) => t.lower === "with")) {
      return subjectPhrase(tokens, verb, start, end, evidence) ?? null;
    }
    return undefined;
  };
  // `Doe recalled Roe saying "…"`, `Doe heard Roe say`, `a message shows a manager telling
  // colleagues`: the one remembered, heard or shown speaks (not the clause's subject).
  {
    let p = v - 1;
    while (p > 0 && p > v - 7 && tokens[p].kind === "word" && !PERCEIVING.has(tokens[p].lower)) p--;
    const start = p + 1;
    const perceiver = tokens[p];
    if (start < v && perceiver?.kind === "word" && !perceiver.cap && PERCEIVING.has(perceiver.lower)) {
      const heard = subjectPhrase(tokens, verb, start, v, evidence);
      if (heard && (heard.phrase.type === "person" || heard.phrase.type === "name" || heard.phrase.type === "anonymous" || heard.phrase.type === "role")) return { ...heard, kind: "participle" };
    }
  }
  const own = withSubject(v);
  if (own) return { ...own, kind: "participle" };
  if (own === null) return null;
  if (documentSays(tokens, v)) return null;
  // `which locals have taken to calling the "…"`, `residents began calling it "…"`: the subject of
  // the verb the gerund hangs on, in its own clause.
  {
    let k = v - 1;
    while (k > 0 && k > v - 6 && tokens[k].kind === "word" && GERUND_CHAIN.has(tokens[k].lower)) k--;
    if (k < v - 1 && tokens[k]?.kind === "word" && !tokens[k].cap && !GERUND_CHAIN.has(tokens[k].lower)) {
      let start = k;
      while (start > 0 && start > k - 4 && tokens[start - 1].kind === "word" && !CLAUSE_STARTS.has(tokens[start - 1].lower) && !isCueVerb(tokens, start - 1)) start--;
      const opener = tokens[start - 1];
      if (opener && (isPunct(opener, ",") || (opener.kind === "word" && CLAUSE_STARTS.has(opener.lower)))) {
        const own = cueFrom(tokens, verb, "participle", start, k + 1, false, evidence);
        if (own && ["group", "anonymous", "person", "name", "organization"].includes(own.phrase.type)) return own;
        // `in what brokers have taken to calling "…"`: the idiom's gerund belongs to that clause's
        // own subject, even one not known as a speaker; never the main clause's.
        if (tokens.slice(k + 1, v).some((t) => t.lower === "taken" || t.lower === "take" || t.lower === "takes")) return null;
      }
    }
  }
  // `Doe accused Roe of calling residents "…"`, `thanked Roe for saying`: the one accused speaks.
  if (tokens[v - 1]?.kind === "word" && (tokens[v - 1].lower === "of" || tokens[v - 1].lower === "for")) {
    const start = phraseBackward(tokens, v - 1, 0);
    const judge = tokens[start - 1];
    if (start < v - 1 && judge?.kind === "word" && JUDGING.has(judge.lower)) {
      const judged = subjectPhrase(tokens, verb, start, v - 1, evidence);
      if (judged && (judged.phrase.type === "person" || judged.phrase.type === "name")) return { ...judged, kind: "participle" };
    }
  }
  // `Reuters quoted Chief Jane Doe as saying`: the one quoted speaks, not the one quoting; `Doe
  // was quoted by the Herald as saying`: the subject speaks, the Herald only relays.
  if (tokens[v - 1]?.lower === "as") {
    for (let q = v - 2; q >= 0 && q > v - 16; q--) {
      if (isStop(tokens[q])) break;
      if (!QUOTING.has(tokens[q].lower)) continue;
      const aux = tokens[q - 1];
      if (aux && BE_FORMS.has(aux.lower)) return mainSubject(tokens, 0, q - 1, verb, "participle", evidence);
      const quoted = q + 1 < v - 1 ? cueFrom(tokens, verb, "participle", q + 1, v - 1, false, evidence) : undefined;
      // (one it cannot read — `an unnamed "source in the security structures"` — is still not the
      // one quoting: no one the sentence names)
      return quoted ?? null;
    }
  }
  // `Doe said Monday, adding "…"`: the subject of the cue verb it follows; `with Doe tweeting … and asking`.
  for (let u = v - 1; u >= 0; u--) {
    if (isStop(tokens[u])) break;
    if (!isCueVerb(tokens, u)) continue;
    if (cueParticiples.has(tokens[u].lower)) {
      const other = withSubject(u);
      if (other) return { ...other, kind: "participle" };
      continue;
    }
    const cue = subjectOf(tokens, u, verb, evidence);
    if (cue) return { ...cue, kind: "participle" };
  }
  // `Doe was quoted as saying`, `Doe is heard saying`
  const aux = tokens.slice(0, v).findIndex((w) => ["was", "is", "were", "are"].includes(w.lower));
  return mainSubject(tokens, 0, aux > 0 ? aux : v, verb, "participle", evidence);
}

/** An attribution line: `said Mr. X.`, `commented the company.`, `— X, Role`. */
export function cueLine(tokens: Token[], evidence: WordEvidence): Cue | undefined {
  let i = 0;
  while (i < tokens.length && tokens[i].kind === "punct" && !/[\u2014\u2015\u2013-]/.test(tokens[i].text)) i++;
  if (i < tokens.length && tokens[i].kind === "punct") {
    let from = i;
    while (from < tokens.length && tokens[from].kind === "punct") from++;
    let end = tokens.length;
    while (end > from && tokens[end - 1].kind === "punct") end--;
    return cueFrom(tokens, tokens[i].text, "line", from, end, false, evidence);
  }
  if (isCueVerb(tokens, i)) return cueFrom(tokens, tokens[i].text, "line", i + 1, phraseForward(tokens, i + 1), false, evidence);
  return undefined;
}

/** What a sentence after a quotation may call it before naming its speaker (`That was the verdict of`). */
const VERDICT_NOUNS = new Set(["verdict", "view", "response", "reaction", "assessment", "call", "word", "words", "message", "answer", "reply", "warning", "take", "conclusion", "judgment", "judgement", "opinion", "advice", "plea", "prediction", "analysis", "explanation", "reasoning", "argument", "complaint", "boast", "promise", "pledge", "vow", "admission", "remark", "remarks", "comment", "comments", "retort", "quip"]);

/**
 * `That was the verdict of Hollis Brack, a former designer.`, `So said Orla Venn, …`, `Those
 * words came from Kwame Asante, …`, `The speaker is Aurelie Mbou, …`: a sentence after a quotation
 * that names its speaker without a speech verb of its own.
 */
function namedNext(tokens: Token[], evidence: WordEvidence): Cue | undefined {
  const w = (k: number) => (tokens[k]?.kind === "word" ? tokens[k].lower : "");
  let from = -1;
  // (`Those were the words of …` as `That was the verdict of …`)
  if ((["that", "this", "such"].includes(w(0)) && ["was", "is", "'s"].includes(w(1))) || (["those", "these"].includes(w(0)) && ["were", "are"].includes(w(1)))) {
    let k = w(2) === "the" ? 3 : 2;
    if (!VERDICT_NOUNS.has(w(k)) && VERDICT_NOUNS.has(w(k + 1))) k++;
    if (VERDICT_NOUNS.has(w(k)) && (w(k + 1) === "of" || w(k + 1) === "from")) from = k + 2;
  } else if (w(0) === "so" && ["said", "says", "wrote", "writes", "argued", "argues"].includes(w(1))) from = 2;
  // (`The words came from …`, `The pledge came from …`)
  else if (["those", "these", "the"].includes(w(0)) && VERDICT_NOUNS.has(w(1)) && ["came", "come", "were"].includes(w(2)) && w(3) === "from") from = 4;
  else if (w(0) === "the" && w(1) === "speaker" && ["is", "was"].includes(w(2))) from = 3;
  if (from < 0 || !tokens[from]) return undefined;
  const cue = cueFrom(tokens, tokens[from - 1].text, "next", from, phraseForward(tokens, from), false, evidence);
  return cue && (cue.phrase.type === "person" || cue.phrase.type === "name") ? cue : undefined;
}

/** `That was how`, `That's what`: openings of a sentence that names who said the quotation before it. */
const DESCRIBED_OPENERS = [["that", "was", "how"], ["that", "is", "how"], ["that", "'s", "how"], ["this", "was", "how"], ["that", "was", "what"], ["that", "is", "what"], ["that", "'s", "what"]];

/**
 * The speaker of the quotation just before, named by the sentence after it: with a speech verb
 * (`That was how Mayor Jane Doe described the town.`, `That's what Doe told the council.`) or
 * without one (`That was the verdict of …`, `So said …`; see `namedNext`).
 */
export function speakerNamedAfter(tokens: Token[], evidence: WordEvidence): Cue | undefined {
  const named = namedNext(tokens, evidence);
  if (named) return named;
  const opener = DESCRIBED_OPENERS.find((o) => o.every((w, k) => tokens[k]?.kind !== "punct" && tokens[k]?.lower === w));
  if (!opener) return undefined;
  const from = opener.length;
  for (let v = from + 1; v < tokens.length && v < from + 14; v++) {
    if (isStop(tokens[v]) || isPunct(tokens[v], ",")) return undefined;
    // (`described` and `characterized` are speech verbs; `put it` and `summed up` are not)
    if (!isCueVerb(tokens, v) && !(tokens[v].lower === "put" && tokens[v + 1]?.lower === "it") && tokens[v].lower !== "summed") continue;
    const cue = cueFrom(tokens, tokens[v].text, "next", from, v, false, evidence);
    return cue && (cue.phrase.type === "person" || cue.phrase.type === "name" || cue.phrase.type === "pronoun") && cue.phraseEnd === v ? cue : undefined;
  }
  return undefined;
}
