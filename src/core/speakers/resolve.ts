/**
 * Pass 3 of attribution for pronouns: who `he` or `she` at a token is, within the document.
 *
 * News writing resolves a pronoun to the person the text is about at that point: the subject of
 * the sentence or the one before, or whoever spoke the quotation just before. Candidates are the
 * people mentioned in the current paragraph and the two before it (never further: an unlimited
 * look-back falls back on anyone), of a compatible gender. Each candidate is scored on that
 * evidence; when the best is not clearly ahead of the next, the reading is ambiguous and the
 * caller says so instead of guessing.
 */
import { anonymousNouns, cueVerbForms, genderedWords, rolePhrases, stopwordSet } from "../lexicon";
import type { Entity } from "./entity";
import { nameGivenAt } from "./phrase";
import type { MentionIndex, Resolved } from "./mentions";

/** Verbs of replying: `"…," she replied` answers whoever asked the question before. */
const REPLYING: ReadonlySet<string> = new Set(["replied", "replies", "answered", "answers", "responded", "responds", "retorted", "retorts"]);

/**
 * Who asked the question a reply at token `at` answers (`"…?" Doe asked.` then `"…," the editor
 * replied`): the last speaker, when their quotation was a question and a verb of replying follows.
 */
export function questionAnswered(index: MentionIndex, at: number): Entity | undefined {
  const last = index.lastSpeakerBefore(at);
  return last?.question && replyFollows(index, at) ? last.entity : undefined;
}

/** Whether a verb of replying follows within three words of token `at` (`she replied`, `the editor answered`). */
function replyFollows(index: MentionIndex, at: number): boolean {
  return index.doc.tokens.slice(at + 1, at + 4).some((t) => t.kind === "word" && REPLYING.has(t.lower));
}

/** Verbs of asking: `Doe asked Roe …` (whose reply follows), `"…?" he asked`. */
export const ASKING_VERBS: ReadonlySet<string> = new Set(["asked", "asks", "asking", "pressed", "questioned", "quizzed"]);

/** Pronouns for a person, which a sentence may name someone by. */
const PERSONAL = new Set(["he", "she", "him", "her", "his", "i", "we"]);

/** How many paragraphs back (before the pronoun's own) a pronoun may reach. */
const PARAGRAPHS_BACK = 2;
/** How many sentences back, at most. */
const SENTENCES_BACK = 6;
/** How far ahead the best candidate must be for the reading not to be ambiguous. */
const MARGIN = 1;

export interface QuoteSpeakerMark {
  /** Token where the attributed quotation ends. */
  at: number;
  sentence: number;
  paragraph: number;
  entity: Entity;
  /** The quotation asked something (`"Would you do it again?"`): a reply to it is someone else's. */
  question?: boolean;
}

/**
 * `named`, when given, says whether the quotation being attributed names a candidate: `"Doe is
 * finished," he said` is not Doe speaking, so the pronoun gives way to the next reading (as a
 * guess) or to none.
 */
export function resolvePersonPronoun(index: MentionIndex, word: string, at: number, named?: (e: Entity) => boolean): Resolved | undefined {
  const doc = index.doc;
  const gender = word === "she" || word === "her" ? "female" : word === "he" || word === "him" ? "male" : undefined;
  const sentence = index.sentenceOf(at);
  const paragraph = at < doc.tokenParagraph.length ? doc.tokenParagraph[at] : doc.paragraphs.length;
  // `His brother was blunter. "Words," he said.`: the sentence before names someone unnamed as
  // its subject — the pronoun is theirs, never a named person further back.
  const unnamed = afterUnnamedSubject(index, at, gender);
  if (unnamed >= 0) return ownMention(index, at, unnamed);
  const scores = new Map<Entity, number>();
  const last = index.lastSpeakerBefore(at);
  const seen = new Set<Entity>();
  const fits = (e: Entity) => (e.kind === "person" || (e.kind === "unknown" && !!e.role) || e.kind === "spokesperson") && (!gender || e.gender !== (gender === "female" ? "male" : "female"));
  // `"…?" he asked` goes on with the asker; any other verb answers the one asked.
  const asks = ASKING_VERBS.has(doc.tokens[at + 1]?.lower ?? "");
  let nearestSubject = true;
  // (`her` only where it cannot be a possessive: `quoted her as saying`, `told her that`)
  const objectPronoun = word === "him" || (word === "her" && (doc.tokens[at + 1]?.kind !== "word" || ["as", "that", "to"].includes(doc.tokens[at + 1].lower)));
  for (let mi = index.lastBefore(at); mi >= 0; mi--) {
    const m = index.mentions[mi];
    if (sentence - m.sentence > SENTENCES_BACK || paragraph - m.paragraph > PARAGRAPHS_BACK) break;
    const e = m.entity;
    // `A man nearby was blunter. "…," he said`: the nearest subject, in this sentence or the one
    // before, is someone unnamed — the pronoun is theirs, never a named person further back.
    if (nearestSubject && m.subject && m.main && m.paragraph === paragraph && sentence - m.sentence <= 1) {
      nearestSubject = false;
      // (Not when that sentence names a person too: `One local woman, Jane Doe, …`, `A reporter
      // asked Doe …`, `he agreed that a president should …`.)
      if (e.kind === "anonymous" && !personInSentence(index, mi)) return undefined;
    }
    if (!fits(e)) continue;
    // `Roe quoted him as saying`, `Roe told her`: an object pronoun right after a verb is never
    // that verb's own subject.
    if (objectPronoun && m.subject && m.end === at - 1 && doc.tokens[at - 1]?.kind === "word" && !doc.tokens[at - 1].cap) continue;
    let s = scores.get(e) ?? 0;
    const distance = sentence - m.sentence;
    if (!seen.has(e)) {
      // The most recent mention sets the base: nearer is likelier.
      s += 2 - 0.45 * distance - (m.modifier ? 1 : 0);
      if (gender && e.gender === gender) s += 0.75;
      // (a gender only a pronoun suggested: it counts against the other pronoun, never rules it out)
      else if (gender && e.pronounGender && e.pronounGender !== gender) s -= 1.5;
      seen.add(e);
    }
    // `Doe asked Roe whether …` then `"…," he said`: the reply is Roe's, not the asker's.
    const asker = m.asking && distance <= 1 && !asks;
    if (m.subject) s += (distance === 0 ? 2.5 : distance === 1 ? 2 : distance <= 3 ? 0.75 : 0.25) * (m.main ? 1 : 0.6) * (asker ? 0.3 : 1);
    else if (m.asked && distance <= 1 && !asks) s += 2;
    else if (!m.modifier) s += 0.2;
    // Someone the text just had speaking (`… Doe argues.`) is whom `he said` goes on with.
    if (m.speaking && !asker && distance <= 2 && e !== last?.entity) s += 1.25;
    scores.set(e, s);
  }
  // Whoever spoke the last quotation before the pronoun (`"…," Doe said. "…," he added.`) —
  // unless the text has since had someone else speak (`Roe said the vote was close.`).
  let overtaken = false;
  if (last) {
    for (let mi = index.lastBefore(at); mi >= 0; mi--) {
    const m = index.mentions[mi];
      if (m.start <= last.at) break;
      if (m.speaking && m.entity !== last.entity) overtaken = true;
      // A new paragraph opening on someone else by name, surely of the pronoun's gender (`Coach
      // Jane Roe was more restrained. "…," she said`), has moved the story on from the last speaker.
      // (or by role, `The harbour master, for his part, was unapologetic.`: whoever the story gave
      // that role, of no other gender)
      else if (m.subject && m.paragraph === paragraph && m.paragraph > last.paragraph && m.entity !== last.entity && !!gender && (m.kind === "name" ? m.entity.gender === gender : m.kind === "nominal" && m.entity.kind === "person" && m.main && m.entity.gender !== (gender === "female" ? "male" : "female")) && opensParagraph(index, m.start)) overtaken = true;
      // So has the sentence just before, about someone else by name (`Jane Roe removed the stock
      // from her list. "…," she said`).
      else if (m.kind === "name" && m.subject && m.main && m.sentence === sentence - 1 && m.paragraph === paragraph && m.entity !== last.entity && !!gender && m.entity.gender === gender) overtaken = true;
    }
  }
  // (`"Would you do it again?" Doe asked.` then `"Tomorrow," the editor replied`: whoever replies
  // is not the one who asked)
  const replies = !!last?.question && replyFollows(index, at);
  if (replies && last && scores.has(last.entity)) scores.set(last.entity, scores.get(last.entity)! - 2);
  else if (!overtaken && last && sentence - last.sentence <= 3 && paragraph - last.paragraph <= 1 && fits(last.entity)) {
    scores.set(last.entity, (scores.get(last.entity) ?? 0) + (sentence - last.sentence <= 1 ? 2.5 : 1.5));
  }
  if (scores.size === 0) return undefined;
  const sorted = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = sorted;
  if (named?.(best[0])) {
    const other = sorted.find(([e]) => !named(e));
    return other ? { entity: other[0], ambiguous: true } : undefined;
  }
  // (`he said` surely meant someone earlier: that someone as the only `she` in reach is a guess)
  const against = !!gender && !best[0].gender && !!best[0].pronounGender && best[0].pronounGender !== gender;
  return { entity: best[0], ambiguous: against || (!!second && best[1] - second[1] < MARGIN) };
}

/** How many words may come before a name that opens its paragraph (`But Deputy Commissioner …`). */
const OPENING_WORDS = 4;

/** Whether only capitalised words or role words (`Miners coach`, `But Mr.`) come before token `i` in its paragraph. */
function opensParagraph(index: MentionIndex, i: number): boolean {
  const { tokens, tokenParagraph } = index.doc;
  let k = i - 1;
  for (let n = 0; k >= 0 && tokenParagraph[k] === tokenParagraph[i]; k--, n++) {
    const t = tokens[k];
    if (n >= OPENING_WORDS || t.kind !== "word" || !(t.cap || rolePhrases.has(t.lower))) return false;
  }
  return true;
}

/** Whether the sentence of mention `mi` mentions a person besides it (by name or pronoun). */
function personInSentence(index: MentionIndex, mi: number): boolean {
  const { mentions } = index;
  const sentence = mentions[mi].sentence;
  const { tokens, tokenSentence } = index.doc;
  for (let k = mentions[mi].start - 1; k >= 0 && tokenSentence[k] === sentence; k--) if (PERSONAL.has(tokens[k].lower)) return true;
  for (let k = mi - 1; k >= 0 && mentions[k].sentence === sentence; k--) if (mentions[k].entity.kind === "person") return true;
  for (let k = mi + 1; k < mentions.length && mentions[k].sentence === sentence; k++) if (mentions[k].entity.kind === "person") return true;
  return false;
}

/** Determiners opening an unnamed person's description (`His brother`, `The boy's teacher`). */
const UNNAMED_OPENERS = new Set(["the", "his", "her", "their", "its", "my", "our", "a", "an", "another", "one"]);
const LEADING_CONJUNCTIONS = new Set(["but", "and", "yet", "still"]);
/** How many tokens after the noun a name may stand and still rename it (`Her neighbour, Dr. Jane Doe,`). */
const APPOSITION_REACH = 5;
/** Words before a name that make it no apposition (`A neighbour of Jane Doe, who …`). */
const NAME_OBJECT_WORDS = new Set(["of", "to", "for", "with", "from", "near", "by", "about"]);
/** Nouns for someone known by whom they are to someone (`her neighbour`, `the boy's teacher`). */
const RELATION_HEADS = new Set(["teacher", "lawyer", "attorney", "doctor", "driver", "friend", "colleague", "partner", "boss", "landlord", "landlady", "employer", "boyfriend", "girlfriend", "coach", "pastor", "priest", "carer", "neighbour", "neighbor", "flatmate", "roommate", "classmate", "teammate"]);
/** How far back a sentence's first token is looked for (a longer sentence is no plain `X was blunter.`). */
const SENTENCE_REACH = 80;

/**
 * Whether the pronoun at `at` follows only a quotation in its sentence (`"Words," he said`) and
 * the sentence before (in its paragraph, or ending the one before) opens with someone unnamed as
 * its subject (`Her neighbour was blunter.`, `The victim's mother told the court …`, `A woman who
 * lives nearby said …`), of no other gender, and names no one (but whom they are near: `A
 * neighbour of Jane Doe`).
 */
function afterUnnamedSubject(index: MentionIndex, at: number, gender: Entity["gender"]): number {
  const { tokens, tokenSentence, tokenParagraph, tokenQuoted } = index.doc;
  if (at >= tokens.length) return -1;
  const k = sentenceStart(tokenSentence, at);
  if (k < 0) return -1;
  for (let j = k; j < at; j++) if (!tokenQuoted[j] && tokens[j].kind === "word") return -1;
  // (the sentence before may end the paragraph before: `The victim's mother said …` ¶ `"…," she told …`)
  if (k === 0 || tokenParagraph[k - 1] < tokenParagraph[at] - 1) return -1;
  // The sentence before: its first token, then `the`/a possessive, an owner, describing words, the noun.
  const prev = tokenSentence[at] - 1;
  const f = sentenceStart(tokenSentence, k - 1);
  if (f < 0) return -1;
  // (`But an analyst at a brokerage, who asked not to be named, said …`: past a conjunction)
  const lead = tokens[f]?.kind === "word" && LEADING_CONJUNCTIONS.has(tokens[f].lower) ? f + 1 : f;
  const opener = tokens[lead];
  if (opener.kind !== "word" || !UNNAMED_OPENERS.has(opener.lower)) return -1;
  let j = lead + 1;
  let owned = opener.lower !== "the";
  // (`One of the shop's assistants, who …, said`: one of a group, its noun plural)
  const oneOf = opener.lower === "one" && tokens[j]?.lower === "of";
  if (oneOf) {
    j++;
    if (tokens[j]?.kind === "word" && ["the", "his", "her", "their", "its"].includes(tokens[j].lower)) j++;
  }
  if (tokens[j]?.kind === "word" && !tokens[j].cap && tokens[j + 1]?.kind === "poss") {
    j += 2;
    owned = true;
  }
  // (an indefinite or owned role is someone new: `an analyst`, `Its purchasing director`; `the analyst` may be someone named before)
  const single = (w: string) => anonymousNouns.has(w) || (owned && (rolePhrases.has(w) || RELATION_HEADS.has(w)));
  const personal = (w: string) => single(w) || (oneOf && /s$/.test(w) && single(w.slice(0, -1)));
  // (`A Brightwell receptionist`: an indefinite one may carry the outfit's name)
  const indefinite = opener.lower === "a" || opener.lower === "an" || opener.lower === "another";
  for (let n = 0; n < 2 && j < k && tokens[j].kind === "word" && (!tokens[j].cap || (indefinite && n === 0 && j === lead + 1)) && !personal(tokens[j].lower) && !stopwordSet.has(tokens[j].lower); n++) j++;
  const head = tokens[j];
  const next = tokens[j + 1];
  if (j + 1 >= k || head.kind !== "word" || head.cap || !personal(head.lower)) return -1;
  // (`His brother was blunter. "…," she said`: someone else)
  const headGender = genderedWords.get(head.lower);
  if (gender && headGender && headGender !== gender) return -1;
  if (!((next.kind === "word" && !next.cap) || (next.kind === "punct" && next.text === ","))) return -1;
  // (`Her neighbour, Jane Doe, was blunter.`: a name in the sentence is who it is)
  // (only a name beside the noun or speaking renames it: `… said she was present when Mr. Roe spoke` does not)
  for (let mi = index.lastBefore(k); mi >= 0 && index.mentions[mi].sentence >= prev; mi--) {
    const m = index.mentions[mi];
    const renames = m.start <= j + APPOSITION_REACH || cueVerbForms.has(tokens[m.start - 1]?.lower ?? "") || cueVerbForms.has(tokens[m.end]?.lower ?? "") || nameGivenAt(tokens, m.start);
    // (not a name that only modifies the noun: `A Brightwell receptionist`)
    if (m.sentence === prev && renames && m.kind === "name" && m.entity.kind === "person" && !(m.modifier && m.end <= j) && !NAME_OBJECT_WORDS.has(tokens[m.start - 1]?.lower ?? "")) return -1;
  }
  return j;
}

/** The unnamed person's own mention at token `head` (`A reporter for Acme …`), where the document made one. */
function ownMention(index: MentionIndex, at: number, head: number): Resolved | undefined {
  for (let mi = index.lastBefore(at); mi >= 0 && index.mentions[mi].end > head - 4; mi--) {
    const m = index.mentions[mi];
    // (a role — `A reporter for Acme` — only: an anonymous `man` or `woman` stays no one, as before a verdict)
    if (m.start <= head && m.end > head && ((m.entity.kind === "unknown" && !!m.entity.role) || m.entity.kind === "spokesperson")) return { entity: m.entity, ambiguous: false };
  }
  return undefined;
}

/** The first token of the sentence of token `i`, if no more than `SENTENCE_REACH` tokens back (-1: further). */
function sentenceStart(tokenSentence: Int32Array, i: number): number {
  const s = tokenSentence[i];
  let k = i;
  for (let n = 0; k > 0 && tokenSentence[k - 1] === s && n < SENTENCE_REACH; n++) k--;
  return k > 0 && tokenSentence[k - 1] === s ? -1 : k;
}
