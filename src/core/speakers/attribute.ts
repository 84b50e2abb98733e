/**
 * Gives every quotation of one document its speaker, reading that document alone:
 * 1. mentions (`mentions.ts`): every name, nominal and pronoun, linked into the document's entities;
 * 2. cues (`cues.ts`): for each quotation, the cue and the phrase naming its speaker;
 * 3. coreference (`mentions.ts`, `resolve.ts`): that phrase resolved to an entity of the document;
 * 4. confidence: how sure the reading is, from the cue and the links used.
 * A quotation with no cue continues the speaker of the quotation before it in its paragraph, or
 * — for a paragraph that is only a quotation — of the previous paragraph's last quotation.
 * Split quotes (`"…," she said, "…"`) become one quote with two pieces.
 */
import { type PreparedDocument, tokenIndexAt } from "../document/document";
import { makeQuote, type Quote } from "../quotes/quote";
import { clauseAfter, clauseOfItsOwn, contrastingClauseBefore, type Cue, documentParticipleBefore, cueAfter, cueBefore, cueLine, isCueVerb, mainSubject, replyToAsking, speakerNamedAfter, unevidencedWord } from "./cues";
import type { Entity } from "./entity";
import { isGivenName } from "./givenNames";
import { MentionIndex, type Resolved } from "./mentions";
import { isNicknameInName } from "./nickname";
import { isReadFromText } from "./recited";
import { statementAuthor } from "./statement";
import { isTitleOfWork } from "./workTitle";
import { isInscription } from "./inscription";
import { parsePhraseSpan, type SpeakerPhrase } from "./phrase";
import { type Token, tokenizePhrase } from "./tokens";

/** How the speaker was found (coarse, for the editor and the incremental re-check). */
export type AttributionBasis = "cue" | "line" | "continued" | "label" | "none";

/**
 * How sure the reading is. `high`: the speaker is named by the cue itself (or a transcript label);
 * `medium`: reached through a clear link (a pronoun with one likely antecedent, a nominal with a
 * matching role, a continued quotation); `low`: a guess between candidates — never a basis for a
 * verdict.
 */
export type Confidence = "high" | "medium" | "low";

/** The attribution's steps, for `verbatim quotes` and the hover: `named cue after`, `pronoun "he"`. */
export interface AttributionTrace {
  cue?: string;
  cueKind?: Cue["kind"];
  /** How the speaker phrase was linked: `name`, `pronoun`, `nominal`, `continued`, `label`. */
  link: "name" | "pronoun" | "nominal" | "continued" | "label" | "none";
}

export interface AttributedQuote extends Quote {
  speaker?: Entity;
  /** The words naming the speaker (`he`, `Mr. Doe`, `the company`), where the document has them. */
  speakerMention?: { start: number; end: number; text: string; phrase: SpeakerPhrase };
  basis: AttributionBasis;
  cueVerb?: string;
  confidence?: Confidence;
  trace: AttributionTrace;
  /**
   * `"…," Doe said, according to Roe`: the speaker is Roe, the person on record, and these are
   * words Roe says Doe spoke (a draft crediting either is not contradicted).
   */
  relayed?: Entity;
  /**
   * Words quoted inside another's quotation (`"He said, 'Not here,'" Doe testified`): the speaker
   * of the quotation that holds them, who reports them; who first said them is not read.
   */
  reportedBy?: Entity;
  /** Other people the reading could have meant, when it is not sure. */
  candidates?: Entity[];
  /** Number of words quoted. */
  wordCount: number;
  /** Under four words with no speech cue: emphasis or irony, not a claim about someone's words. */
  scare: boolean;
}

export interface AttributeOptions {
  /** User aliases: `{"JD": "Jane Doe"}`. */
  aliases?: Record<string, string>;
  /** Speech the format attributes by a label (transcript turns, subtitles with a speaker). */
  utterances?: readonly { start: number; end: number; speaker: string }[];
}

const SCARE_MAX_WORDS = 3;

/** The entities a document's attribution created, with its quotations. */
export interface AttributedDocument {
  quotes: AttributedQuote[];
  entities: Entity[];
}

export function attributeQuotes(doc: PreparedDocument, options: AttributeOptions = {}): AttributedQuote[] {
  return attributeDocument(doc, options).quotes;
}

export function attributeDocument(doc: PreparedDocument, options: AttributeOptions = {}): AttributedDocument {
  const aliases = new Map(Object.entries(options.aliases ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const index = new MentionIndex(doc, aliases);
  const quotes = mergeSplitQuotes(doc, index);
  const result: AttributedQuote[] = [];
  // The quotations that are speech: a nickname or a work's title between two quotations does not
  // break a speaker's run (`"…," said Doe, host of the show "Acme Tonight." "…"`).
  const spoken: AttributedQuote[] = [];
  const interview: InterviewCache = {};
  for (let k = 0; k < quotes.length; k++) {
    const quote = quotes[k];
    const wordCount = countWords(doc, quote);
    const out = attributedFrom(quote, wordCount);
    // A nickname or a work's title names something, a sign's words are no one's; words read from a
    // text are the text's.
    const name = isNicknameInName(doc.text, quote, wordCount) || isTitleOfWork(doc.text, quote, wordCount) || isInscription(doc.text, quote);
    if (name || (quote.form === "marked" && isReadFromText(introductionBefore(doc, quote)))) {
      out.scare = name || wordCount <= SCARE_MAX_WORDS;
      result.push(out);
      if (!name) spoken.push(out);
      continue;
    }
    const found = findCue(doc, index, quotes, k);
    // `"…," the statement said`: the statement's author, named in a sentence before.
    const statement = found ? undefined : statementAuthor(doc, index, quote);
    const unread = !found && !statement && unreadCueBefore(doc, quote);
    const previous = found || statement || unread || unreadCueAfter(doc, quote) ? undefined : continuedFrom(doc, index, spoken, quote);
    if (found) applyCue(doc, index, out, found);
    else if (statement) {
      out.speaker = statement.entity;
      out.basis = "cue";
      out.cueVerb = statement.verb;
      out.confidence = "medium";
      out.trace = { cue: statement.verb, cueKind: "after", link: "nominal" };
    } else if (previous?.speaker) {
      out.speaker = previous.speaker;
      out.speakerMention = previous.speakerMention;
      out.basis = "continued";
      out.confidence = previous.confidence === "high" ? "medium" : previous.confidence;
      out.trace = { link: "continued" };
    } else {
      const subject = quote.form === "marked" && !unread ? subjectCue(doc, index, quote) : undefined;
      if (subject) applyCue(doc, index, out, subject);
      else if (quote.form === "marked" && !unread) {
        // `**How many homes will you build?**` ¶ `"About 2,400."` in an interview with one person.
        const answer = interviewAnswer(doc, index, quote, interview);
        if (answer) {
          out.speaker = answer.entity;
          out.basis = "label";
          out.confidence = answer.sure ? "medium" : "low";
          out.trace = { link: "label" };
        }
      }
    }
    // `chanting "Ta-li-a! Ta-li-a!"`: a crowd calling someone's name is not that someone speaking.
    if (out.speaker?.kind === "person" && chantsName(doc.text.slice(quote.start, quote.end), out.speaker.name)) {
      out.speaker = undefined;
      out.speakerMention = undefined;
      out.confidence = undefined;
      out.basis = "none";
      out.trace = { link: "none" };
    }
    // A short continued quote that is a whole sentence (`"Finals are different."`) is speech, not emphasis.
    const sentence = out.basis === "continued" && isWholeSentence(doc.text.slice(quote.start, quote.end));
    out.scare = wordCount <= SCARE_MAX_WORDS && (out.basis === "none" || (out.basis === "continued" && !sentence));
    if (out.speaker && out.confidence !== "low") {
      const at = Math.min(tokenIndexAt(doc, quote.end), doc.tokens.length - 1);
      index.noteSpeaker({ at, sentence: at >= 0 ? doc.tokenSentence[at] : 0, paragraph: quote.lastParagraph, entity: out.speaker, question: /\?[\s"'\u201d\u2019)\]]*$/u.test(doc.text.slice(quote.start, quote.end)) });
    }
    result.push(out);
    spoken.push(out);
  }
  capSecondaryMarks(doc, result);
  for (const u of options.utterances ?? []) result.push(labelledQuote(doc, index, u));
  if (options.utterances?.length) result.sort((a, b) => a.start - b.start);
  return { quotes: result, entities: index.entities.entities };
}

/**
 * A quote's attribution record, every field named: spreading quotes whose shapes differ (some have an
 * attribution line) takes V8's slow path, most of the time of a draft holding a quarter of a million quotes.
 */
function attributedFrom(quote: Quote, wordCount: number): AttributedQuote {
  const { pieces, start, end, form, paragraph, lastParagraph, unclosed, attributionLine, inner } = quote;
  const base: Quote = { pieces, start, end, form, paragraph, lastParagraph, unclosed };
  if (attributionLine !== undefined) base.attributionLine = attributionLine;
  if (inner !== undefined) base.inner = inner;
  return Object.assign(base, { basis: "none" as AttributionBasis, wordCount, scare: false, trace: { link: "none" } as AttributionTrace });
}

/**
 * Where a document quotes speech in double marks, its single-quoted words are a headline's
 * (`Doe slams 'poison pill'`) or a title's — telegraphic text whose subject is no reliable
 * speaker: at most low confidence, so they never decide a verdict. A document quoting in single
 * marks throughout (British copy) keeps its readings.
 */
function capSecondaryMarks(doc: PreparedDocument, quotes: AttributedQuote[]): void {
  const single = (q: AttributedQuote) => q.form === "marked" && isSingleMark(doc.text, q.start);
  let singles = 0;
  for (const q of quotes) if (single(q)) singles++;
  if (singles === 0 || singles * 2 >= quotes.length) return;
  for (const q of quotes) if (single(q) && q.speaker && q.confidence !== "low") q.confidence = "low";
}

/** Is the mark opening a quotation that starts at `start` a single quote (`'` or `‘`)? */
function isSingleMark(text: string, start: number): boolean {
  let i = start - 1;
  while (i > 0 && i > start - 4 && /\s/.test(text[i])) i--;
  return text[i] === "'" || text[i] === "\u2018";
}

/** A transcript turn as a quotation of its labelled speaker. */
function labelledQuote(doc: PreparedDocument, index: MentionIndex, u: { start: number; end: number; speaker: string }): AttributedQuote {
  const quote = makeQuote([{ start: u.start, end: u.end }], "utterance", 0, 0);
  const at = Math.min(tokenIndexAt(doc, u.start), Math.max(0, doc.tokens.length - 1));
  const parsed = parsePhraseSpan(tokenizePhrase(u.speaker));
  const phrase: SpeakerPhrase = parsed && parsed.phrase.type !== "pronoun" ? parsed.phrase : { type: "name", name: u.speaker.replace(/\s+/g, " ").trim() };
  const resolved = index.resolveAt(phrase, at);
  const words = (doc.text.slice(u.start, u.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return { ...quote, speaker: resolved?.entity, basis: "label", confidence: resolved && !resolved.ambiguous ? "high" : "low", trace: { link: "label" }, wordCount: words, scare: false };
}

interface FoundCue {
  cue: Cue;
  /** Document token index of each token the cue's indices refer to. */
  tokens: number[];
}

function applyCue(doc: PreparedDocument, index: MentionIndex, out: AttributedQuote, found: FoundCue): void {
  const phrase = index.asSurname(found.cue.phrase);
  const cue = phrase === found.cue.phrase ? found.cue : { ...found.cue, phrase };
  const first = found.tokens[cue.phraseStart];
  const last = found.tokens[cue.phraseEnd - 1];
  const at = first ?? found.tokens[0] ?? 0;
  const w = cue.phrase.type === "pronoun" ? cue.phrase.word : "";
  const resolved =
    w === "he" || w === "she" ? index.resolvePronoun(w, at, (e) => namedIn(quotedText(doc, out), e)) : index.resolveAt(cue.phrase, at);
  out.basis = cue.kind === "line" ? "line" : "cue";
  out.cueVerb = cue.verb;
  const link = cue.phrase.type === "pronoun" ? "pronoun" : cue.phrase.type === "role" || cue.phrase.type === "orgNoun" || (cue.phrase.type === "spokesperson" && !cue.phrase.organization) ? "nominal" : "name";
  out.trace = { cue: cue.verb, cueKind: cue.kind, link };
  if (first !== undefined && last !== undefined) {
    const start = doc.tokens[first].start;
    const end = doc.tokens[last].end;
    out.speakerMention = { start, end, text: doc.text.slice(start, end), phrase: cue.phrase };
  }
  if (!resolved) return;
  // `Dr Raghavan Iyer … "…," he said`: a pronoun surely his says what a name could not (a later
  // `she` is then not him).
  // (Only a hint, never a filter: a wrong reading must not rule the person out for good.)
  if ((w === "he" || w === "she") && !resolved.ambiguous && resolved.entity.kind === "person" && !resolved.entity.gender) resolved.entity.pronounGender ??= w === "he" ? "male" : "female";
  out.speaker = resolved.entity;
  out.confidence = confidenceOf(cue, link, resolved);
  if (resolved.ambiguous) out.candidates = candidatesOf(index, resolved, at);
  const via = cue.via && index.resolveAt(cue.via.phrase, found.tokens[cue.via.phraseStart] ?? at);
  // (the one recounting must be someone the document has named in full: `according to KavPress`,
  // a lone word never introduced, is more likely the outlet that reported the words)
  if (via && !via.ambiguous && via.entity.kind === "person" && via.entity.name.includes(" ") && via.entity !== resolved.entity && !resolved.ambiguous) {
    // (`Doe said, quoting Roe`: Doe is on record, Roe the one first quoted)
    out.relayed = cue.via?.quoting ? via.entity : resolved.entity;
    out.speaker = cue.via?.quoting ? resolved.entity : via.entity;
  }
}

/** Whether a quotation's words are only the parts of `name` (`"MEI-LIN! MEI-LIN!"` for Mei-Lin Hwang), hyphens and case aside. */
function chantsName(words: string, name: string): boolean {
  const squash = (w: string) => w.toLowerCase().replace(/[-\u2010\u2011'’.]/gu, "");
  const parts = new Set(name.split(/\s+/).map(squash));
  const said = words.split(/[^\p{L}\p{N}'’.\-\u2010\u2011]+/u).map(squash).filter(Boolean);
  return said.length > 0 && said.every((w) => parts.has(w));
}

/** The words a quotation quotes (its pieces, without what stands between them). */
function quotedText(doc: PreparedDocument, quote: Quote): string {
  return quote.pieces.map((p) => doc.text.slice(p.start, p.end)).join(" … ");
}

/**
 * Whether quoted words name a person by surname (`"Doe is finished"`), which the speaker of a
 * pronoun cue then is not. `Jane Doe` named in a quote is not `John Doe`.
 */
function namedIn(quoted: string, e: Entity): boolean {
  if (e.kind !== "person" || !e.surname || e.surname.length < 2) return false;
  // (most quotations do not hold the name at all: no pattern to build or run)
  if (!quoted.includes(e.surname)) return false;
  const re = new RegExp(`(?:^|[^\\p{L}])(?:(\\p{Lu}[\\p{L}’'-]*)\\s+)?${e.surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
  for (const m of quoted.matchAll(re)) {
    const given = m[1];
    if (!given || !e.given || given === e.given || !isGivenName(given)) return true;
  }
  return false;
}

function confidenceOf(cue: Cue, link: AttributionTrace["link"], resolved: Resolved): Confidence {
  if (resolved.ambiguous) return "low";
  // Read from the sentence's subject, with no speech verb: a person the sentence is about, who
  // usually but not always spoke the words. A named subject is a fair reading; anything else a guess.
  if (cue.kind === "subject") return link === "name" && cue.verb !== "" ? "medium" : "low";
  if (cue.kind === "next") return link === "name" ? "medium" : "low";
  return link === "name" ? "high" : "medium";
}

/**
 * With no cue and no quotation to continue: the subject of the sentence the quotation stands in
 * (`Doe credited the win to "…"`), or — for a quotation that opens its sentence — of the
 * sentence just before it when that one reports someone speaking (`Doe agreed. "…"`).
 */
function subjectCue(doc: PreparedDocument, index: MentionIndex, quote: Quote): FoundCue | undefined {
  const ev = index.evidence;
  const startSentence = sentenceOf(doc, quote.start);
  if (startSentence < 0) return undefined;
  const para = doc.paragraphs[quote.paragraph];
  const sentence = doc.sentences[startSentence];
  const beforeIdx = visibleBefore(doc, Math.max(para.start, sentence.start), quote.start);
  const words = beforeIdx.filter((i) => doc.tokens[i].kind === "word");
  if (words.length >= 2) {
    const tokens = tokensOf(doc, beforeIdx);
    const cue = mainSubject(tokens, 0, tokens.length, "", "subject", ev);
    // (`Doe was asked, "…"`: the one asked does not speak the question)
    const asked = cue && tokens.slice(cue.phraseEnd, cue.phraseEnd + 3).some((t, i, w) => ["was", "were", "is", "are", "been"].includes(t.lower) && ASKED.has(w[i + 1]?.lower ?? ""));
    // The subject must be followed by a verb of its own before the quotation.
    if (cue && !asked && isSpeakerPhrase(cue.phrase) && !unevidencedWord(cue, ev) && clauseAfter(tokens, cue.phraseEnd, tokens.length)) {
      const introduced = /[:,]$/.test(tokens[tokens.length - 1]?.text ?? "");
      return { cue: { ...cue, verb: introduced ? tokens[tokens.length - 1].text : "" }, tokens: beforeIdx };
    }
    return undefined;
  }
  if (words.length > 0 || startSentence === 0) return undefined;
  // Words after the quotation in its sentence attribute it, even when they could not be read.
  const endSentence = sentenceOf(doc, Math.max(quote.start, quote.end - 1));
  const tail = endSentence >= 0 ? visibleBetween(doc, quote.end, Math.min(doc.sentences[endSentence].end, doc.paragraphs[quote.lastParagraph].end)) : [];
  if (tail.some((i) => doc.tokens[i].kind === "word")) return undefined;
  // The sentence before, in this paragraph or ending the previous one, with no quotation of its own.
  const prevSentence = doc.sentences[startSentence - 1];
  const prevParagraph = doc.tokenParagraph[Math.min(tokenIndexAt(doc, prevSentence.start), doc.tokens.length - 1)];
  if (prevParagraph < quote.paragraph - 1 || doc.paragraphs[prevParagraph].kind !== "text") return undefined;
  const idx = visibleBetween(doc, prevSentence.start, prevSentence.end);
  if (idx.length === 0 || idx.some((i) => doc.tokenQuoted[i]) || doc.tokens.slice(idx[0], idx[idx.length - 1] + 1).some((t, j) => doc.tokenQuoted[idx[0] + j])) return undefined;
  const tokens = tokensOf(doc, idx);
  const speech = tokens.findIndex((t, i) => isCueVerb(tokens, i));
  const cue = mainSubject(tokens, 0, speech >= 0 ? speech : tokens.length, speech >= 0 ? tokens[speech].text : "", "subject", ev);
  if (!cue || !isSpeakerPhrase(cue.phrase)) return undefined;
  // `Talks resumed on Monday.` then `"…"`: one capitalised word opening a sentence that says nothing
  // of speaking is no evidence of a person.
  if ((speech < 0 && unevidencedWord(cue, ev)) || !clauseAfter(tokens, cue.phraseEnd, tokens.length)) return undefined;
  return { cue, tokens: idx };
}

const isSpeakerPhrase = (p: SpeakerPhrase) => p.type === "person" || p.type === "name" || p.type === "pronoun" || p.type === "role" || p.type === "spokesperson";

function candidatesOf(index: MentionIndex, resolved: Resolved, at: number): Entity[] {
  const out = [resolved.entity];
  for (const m of index.before(at)) {
    if (out.length >= 4) break;
    if (m.entity.kind === "person" && !out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

const isWholeSentence = (text: string) => /^\p{Lu}/u.test(text) && /[.!?]$/.test(text.trim());

function countWords(doc: PreparedDocument, quote: Quote): number {
  let n = 0;
  // (Counted by `test`, which makes no array of the words and no string for each.)
  for (const p of quote.pieces) n += countMatches(QUOTE_WORD, doc.text.slice(p.start, p.end));
  return n;
}
const QUOTE_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** How many times a global regular expression that never matches the empty string matches `text` (`text.match(re)?.length ?? 0`), up to `limit`. */
function countMatches(re: RegExp, text: string, limit = Infinity): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < limit && re.test(text)) n++;
  re.lastIndex = 0;
  return n;
}
const NOT_SPACES = /\S+/g;

/**
 * How far a cue is looked for around a quotation, in tokens. A sentence holding thousands of
 * quotations would otherwise be read again for each of them (quadratic); no cue stands further.
 */
const CUE_WINDOW = 160;

/** Document token indices between two offsets that lie outside quotations: the first `CUE_WINDOW` tokens. */
function visibleBetween(doc: PreparedDocument, start: number, end: number): number[] {
  const from = tokenIndexAt(doc, start);
  const to = Math.min(from + CUE_WINDOW, tokenIndexAt(doc, end));
  const { next } = visibility(doc);
  const out: number[] = [];
  for (let i = from < next.length ? next[from] : next.length; i < to; i = next[i + 1]) out.push(i);
  return out;
}

/** As `visibleBetween`, but the last `CUE_WINDOW` tokens before `end` (the words nearest a quotation that follows). */
function visibleBefore(doc: PreparedDocument, start: number, end: number): number[] {
  const last = tokenIndexAt(doc, end);
  const from = Math.max(tokenIndexAt(doc, start), last - CUE_WINDOW);
  const { prev } = visibility(doc);
  const out: number[] = [];
  for (let i = last > 0 ? prev[Math.min(last, prev.length) - 1] : -1; i >= from; i = i > 0 ? prev[i - 1] : -1) out.push(i);
  return out.reverse();
}

/**
 * For each token, the nearest token at or after it (`next`) and at or before it (`prev`) that is
 * outside quotations and no quote mark — so a window over a run of quotations costs nothing.
 */
interface Visibility {
  next: Int32Array;
  prev: Int32Array;
}

const visibilities = new WeakMap<PreparedDocument, Visibility>();

function visibility(doc: PreparedDocument): Visibility {
  let v = visibilities.get(doc);
  if (v) return v;
  const n = doc.tokens.length;
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n);
  next[n] = n;
  for (let i = n - 1; i >= 0; i--) next[i] = isVisible(doc, i) ? i : next[i + 1];
  // (`next[i] === i` exactly when token i is visible: each token is tested once.)
  for (let i = 0; i < n; i++) prev[i] = next[i] === i ? i : i > 0 ? prev[i - 1] : -1;
  v = { next, prev };
  visibilities.set(doc, v);
  return v;
}

const isVisible = (doc: PreparedDocument, i: number) => !doc.tokenQuoted[i] && !isQuoteMark(doc.tokens[i]);

const QUOTE_MARKS = new Set(['"', "“", "”", "«", "»", "‘", "’", "„"]);
const isQuoteMark = (t: Token) => t.kind === "punct" && QUOTE_MARKS.has(t.text);

function sentenceOf(doc: PreparedDocument, offset: number) {
  const i = Math.min(tokenIndexAt(doc, offset), doc.tokens.length - 1);
  return i >= 0 ? doc.tokenSentence[i] : -1;
}

/**
 * The tokens at `idx`, in a packed array like the slices of `doc.tokens` the mention scan reads
 * (`map` makes a holey one): the phrase readers then see one kind of array, and V8 need not
 * throw away and recompile their optimised code when the other kind arrives.
 */
function tokensOf(doc: PreparedDocument, idx: number[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < idx.length; k++) out.push(doc.tokens[idx[k]]);
  return out;
}

/** The last of the quotations after `k` joined to it by nothing but `and`, `or` and punctuation in one sentence (a few at most). */
function lastJoined(doc: PreparedDocument, quotes: Quote[], k: number): number {
  let j = k;
  while (j + 1 < quotes.length && j < k + 4) {
    const next = quotes[j + 1];
    if (next.form !== "marked" || next.paragraph !== quotes[j].lastParagraph || sentenceOf(doc, next.start) !== sentenceOf(doc, quotes[j].end - 1)) break;
    const between = visibleBetween(doc, quotes[j].end, next.start);
    if (between.length > 3 || !between.every((i) => doc.tokens[i].kind === "punct" || ["and", "or"].includes(doc.tokens[i].lower))) break;
    j++;
  }
  return j;
}

const REPORTED = new Set(["reported", "reports", "reporting"]);

function findCue(doc: PreparedDocument, index: MentionIndex, quotes: Quote[], k: number): FoundCue | undefined {
  const quote = quotes[k];
  const ev = index.evidence;
  const at = (idx: number[], cue: Cue | undefined): FoundCue | undefined => (cue ? { cue, tokens: idx } : undefined);
  if (quote.attributionLine !== undefined) {
    const line = doc.paragraphs[quote.attributionLine];
    const idx = visibleBetween(doc, line.start, line.end);
    const found = at(idx, cueLine(tokensOf(doc, idx), ev));
    if (found) return found;
  }
  // A split quote: the cue stands between its pieces.
  for (let i = 0; i + 1 < quote.pieces.length; i++) {
    const idx = visibleBetween(doc, quote.pieces[i].end, quote.pieces[i + 1].start);
    if (idx.length > 16) continue;
    const found = at(idx, cueAfter(tokensOf(doc, idx), ev));
    if (found) return found;
  }
  if (quote.form !== "marked") return undefined;
  const para = doc.paragraphs[quote.lastParagraph];
  const next = quotes[k + 1];
  // After the quote: to the end of its sentence or the next quote.
  const endSentence = sentenceOf(doc, Math.max(quote.start, quote.end - 1));
  const sentenceSpan = endSentence >= 0 ? doc.sentences[endSentence] : undefined;
  let afterEnd = quoteSentenceEnd(doc, quote);
  if (next && next.start < afterEnd) afterEnd = next.start;
  const afterIdx = visibleBetween(doc, quote.end, afterEnd);
  const afterWords = afterIdx.some((i) => doc.tokens[i].kind === "word");
  // (`Asked "…?", Doe said`: the cue after is the answer's, not the question's)
  // (`When the foreman answered "Guilty," Doe shouted from the dock: "…"`: a cue ending in a colon
  // before the next quotation introduces that one, not this)
  const lastAfter = afterIdx.length ? doc.tokens[afterIdx[afterIdx.length - 1]] : undefined;
  const introducesNext = !!next && next.start < quoteSentenceEnd(doc, quote) + 2 && lastAfter?.kind === "punct" && lastAfter.text === ":";
  const afterTokens = tokensOf(doc, afterIdx);
  const found = askedBefore(doc, quote) ? undefined : at(afterIdx, cueAfter(afterTokens, ev));
  // (…and one reached past other words, `"Guilty" to the single count, Doe shouted from the dock:`, is that one's only)
  const firstWord = afterTokens.findIndex((t) => t.kind === "word");
  const after = found && introducesNext && found.cue.phraseStart > firstWord && !isCueVerb(afterTokens, firstWord) ? undefined : found;
  // `Doe said: "…," the Times reported`: an outlet reporting words a named speaker said.
  // (`…, reported the Lisport Examiner`: an outlet read as a bare name relays as well)
  const relaying = after && (after.cue.phrase.type === "organization" || after.cue.phrase.type === "name") && REPORTED.has(after.cue.verb.toLowerCase());
  // (`"…" — Jane Doe` signs a quotation standing alone; after `Roe said "…."--Jane Doe` it is a byline)
  const signed = after?.cue.verb === "\u2014";
  const wordsBefore = signed && visibleBefore(doc, doc.paragraphs[quote.paragraph].start, quote.start).some((i) => doc.tokens[i].kind === "word");
  // (`Doe told colleagues it needed "…," one of the people said`: an unnamed source may relay a named one's words)
  const unnamedAfter = !!after && (after.cue.phrase.type === "anonymous" || (after.cue.phrase.type === "role" && !!after.cue.phrase.indefinite));
  if (after && after.cue.phrase.type !== "pronoun" && !relaying && !wordsBefore && !unnamedAfter && !introducesNext) return after;
  // Before the quote: back to the start of its sentence or the previous quote.
  const startSentence = sentenceOf(doc, quote.start);
  const first = doc.paragraphs[quote.paragraph];
  // The whole sentence before it: earlier quotations in it are left out, but their cue and
  // subject still speak for this one (`Doe called it "a", adding "b"`).
  const beforeStart = startSentence >= 0 ? Math.max(first.start, doc.sentences[startSentence].start) : first.start;
  const beforeIdx = visibleBefore(doc, beforeStart, quote.start);
  // A quotation of five words or more is a clause of someone's, not a phrase naming something.
  // (Five words or more: the runs between spaces counted up to five, no array of them made.)
  const clauseQuoted = countMatches(NOT_SPACES, doc.text.slice(quote.start, quote.end), 5) >= 5;
  const beforeTokens = tokensOf(doc, beforeIdx);
  const before = at(beforeIdx, cueBefore(beforeTokens, ev, clauseQuoted));
  // `Doe told colleagues the plan needed "…," one of the people said`: an unnamed source relays the
  // words of someone named in the very clause that holds the quotation (no comma between);
  // otherwise the unnamed source is the speaker.
  if (unnamedAfter) {
    const verbAt = before ? beforeTokens.findIndex((t, i) => i >= before.cue.phraseEnd && t.text === before.cue.verb) : -1;
    const tail = verbAt >= 0 ? beforeTokens.slice(verbAt + 1) : [];
    const sameClause = !tail.some((t) => (t.kind === "punct" && !["-", "\u2019", "'"].includes(t.text)) || (t.kind === "word" && ["but", "and", "while", "although", "though"].includes(t.lower)));
    // (`An official described it as "…", according to two people who heard it`: people who heard
    // it tell what the one in the clause said — whoever that is, named or not)
    const heardFrom = after!.cue.kind === "according" && (before?.cue.phrase.type === "role" || before?.cue.phrase.type === "anonymous" || before?.cue.phrase.type === "spokesperson");
    if (before && verbAt >= 0 && sameClause && (before.cue.phrase.type === "person" || before.cue.phrase.type === "name" || heardFrom)) return before;
    if (!wordsBefore) return after;
  }
  // `Doe said "…," she said`: a named cue before beats a pronoun after.
  if (before && (!after || before.cue.phrase.type !== "pronoun") && (!relaying || before.cue.phrase.type === "person" || before.cue.phrase.type === "name")) return before;
  if (after && !wordsBefore) return after;
  // `Guns are "a crisis" and "a scandal," Doe said`: quotations joined only by `and` share the cue after the last of them.
  const joined = lastJoined(doc, quotes, k);
  if (joined > k) {
    const last = quotes[joined];
    let end = quoteSentenceEnd(doc, last);
    if (quotes[joined + 1] && quotes[joined + 1].start < end) end = quotes[joined + 1].start;
    const idx = visibleBetween(doc, last.end, end);
    const shared = at(idx, cueAfter(tokensOf(doc, idx), ev));
    if (shared && shared.cue.phrase.type !== "pronoun") return shared;
  }
  // `"…?" Doe asked.`: the quotation ends its sentence and the next one only attributes it.
  if (!afterWords && sentenceSpan && endSentence + 1 < doc.sentences.length) {
    const nextSentence = doc.sentences[endSentence + 1];
    if (nextSentence.start < para.end && (!next || next.start > nextSentence.start)) {
      const end = next && next.start < nextSentence.end ? next.start : nextSentence.end;
      const idx = visibleBetween(doc, quote.end, end);
      const nextTokens = tokensOf(doc, idx);
      // (Not a sentence introducing a quotation of its own, `Its director, Jane Doe, said: "…"`,
      // nor after a cue of this quotation's own sentence whose subject was unread.)
      const introduces = next && next.start < nextSentence.end && nextTokens[nextTokens.length - 1]?.text === ":";
      const ownCue = beforeTokens.some((t, i) => isCueVerb(beforeTokens, i));
      const found = introduces || ownCue ? undefined : at(idx, cueAfter(nextTokens, ev, true));
      if (found && found.cue.phraseStart <= 1) return found;
    }
  }
  // `"…" ¶ That was how Mayor Jane Doe described the town.`: the sentence after names who said it —
  // in this paragraph, or opening the next for a quotation standing alone.
  if (!afterWords && sentenceSpan && endSentence + 1 < doc.sentences.length) {
    const nextSentence = doc.sentences[endSentence + 1];
    const sameParagraph = nextSentence.start < para.end;
    if ((sameParagraph || (quote.lastParagraph + 1 < doc.paragraphs.length && nextSentence.start === doc.paragraphs[quote.lastParagraph + 1].start && standsAlone(doc, quote))) && (!next || next.start > nextSentence.end)) {
      const idx = visibleBetween(doc, nextSentence.start, nextSentence.end);
      const found = at(idx, speakerNamedAfter(tokensOf(doc, idx), ev));
      if (found) return found;
    }
  }
  // `Jane Doe said:` ending the previous paragraph introduces a quote that opens this one.
  if (beforeIdx.every((i) => doc.tokens[i].kind === "punct")) {
    const intro = doc.paragraphs[storyParagraphBefore(doc, quote.paragraph)];
    if (intro && intro.kind === "text" && /:\s*$/.test(doc.text.slice(intro.start, intro.end))) {
      const introSentence = sentenceOf(doc, intro.end - 1);
      const from = introSentence >= 0 ? Math.max(intro.start, doc.sentences[introSentence].start) : intro.start;
      const idx = visibleBefore(doc, from, intro.end);
      const found = at(idx, cueBefore(tokensOf(doc, idx), ev));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * `"…," said one.`, `"…," another added.`: a cue right after the quotation whose speaker cannot be
 * read still says the words are someone's — not a continuation of the last speaker's.
 */
function unreadCueAfter(doc: PreparedDocument, quote: Quote): boolean {
  if (quote.form !== "marked") return false;
  const tokens = tokensOf(doc, visibleBetween(doc, quote.end, quoteSentenceEnd(doc, quote)));
  let i = 0;
  while (i < tokens.length && tokens[i].kind === "punct" && [",", "\u2014", "\u2013"].includes(tokens[i].text)) i++;
  if (i >= tokens.length || tokens[i].kind !== "word") return false;
  if (isCueVerb(tokens, i)) return true;
  return UNREAD_SPEAKERS.has(tokens[i].lower) && isCueVerb(tokens, i + 1);
}

/**
 * `"…," Doe said as the heckler yelled: "…"`: a speech verb right before the quotation (its
 * clause ending in a colon) whose speaker could not be read — someone is named as speaking, so
 * the quotation does not simply continue the last speaker's.
 */
/** How far back a quotation's sentence is read for how it is introduced (bounded: linear time on any input). */
const INTRODUCTION_REACH = 300;

/** The words of a quotation's sentence before it, within its paragraph (the last `INTRODUCTION_REACH` characters). */
function sentenceBefore(doc: PreparedDocument, quote: Quote): string {
  return doc.text.slice(Math.max(sentenceStartOf(doc, quote), quote.start - INTRODUCTION_REACH), quote.start);
}

/**
 * The words introducing a quotation: its sentence so far, or — for a quotation opening its
 * paragraph after one ending in a colon (`Ostrowski read aloud a message Banda sent him:`) — the
 * end of that paragraph.
 */
function introductionBefore(doc: PreparedDocument, quote: Quote): string {
  const own = sentenceBefore(doc, quote);
  const para = doc.paragraphs[quote.paragraph];
  if (quote.paragraph === 0 || /\p{L}/u.test(doc.text.slice(para.start, quote.start))) return own;
  const previous = doc.paragraphs[quote.paragraph - 1];
  const tail = doc.text.slice(Math.max(previous.start, previous.end - INTRODUCTION_REACH), previous.end).trimEnd();
  return tail.endsWith(":") ? tail : own;
}

/** Where a quotation's sentence starts, within its paragraph. */
function sentenceStartOf(doc: PreparedDocument, quote: Quote): number {
  const sentence = sentenceOf(doc, quote.start);
  const para = doc.paragraphs[quote.paragraph];
  return sentence >= 0 ? Math.max(para.start, doc.sentences[sentence].start) : para.start;
}

function unreadCueBefore(doc: PreparedDocument, quote: Quote): boolean {
  if (quote.form !== "marked") return false;
  const tokens = tokensOf(doc, visibleBefore(doc, sentenceStartOf(doc, quote), quote.start));
  const last = tokens.length - 1;
  if (contrastingClauseBefore(tokens) || documentParticipleBefore(tokens)) return true;
  if (last < 1 || !(tokens[last].kind === "punct" && tokens[last].text === ":")) return false;
  // (`Doe asked …, and the reply came back:` — the answer, whoever gave it, never the asker)
  if (replyToAsking(tokens, last)) return true;
  // (`as the heckler yelled:`, `while a man shouted:` — a clause with a subject of its own)
  for (let k = last - 1; k >= 1 && k >= last - 3; k--) if (isCueVerb(tokens, k) && clauseOfItsOwn(tokens, k)) return true;
  return false;
}

/** Where the sentence a quotation ends in ends (within its last paragraph): the words after it that may attribute it. */
function quoteSentenceEnd(doc: PreparedDocument, quote: Quote): number {
  const para = doc.paragraphs[quote.lastParagraph];
  const sentence = sentenceOf(doc, Math.max(quote.start, quote.end - 1));
  return Math.min(para.end, sentence >= 0 ? Math.max(quote.end, doc.sentences[sentence].end) : para.end);
}

/** Words that stand for a speaker the text does not name (`said one`, `another added`). */
const UNREAD_SPEAKERS = new Set(["one", "another", "someone", "somebody", "many", "some", "others"]);

/** Words of an introduction that presents what follows as one person's answers. */
const INTERVIEW_INTRO = /\b(?:interview(?:ed)? with|conversation with|in conversation|Q&A with|spoke (?:to|with) (?:reporters|the press|journalists)|sat down with|talked (?:to|with)|edited (?:excerpts|transcript)|excerpts|transcript of)\b/i;
/** How many paragraphs from the top an interview's introduction may stand. */
const INTRO_PARAGRAPHS = 6;

interface InterviewCache {
  /** The one person an introduction presents (`null`: none); read once a document. */
  subject?: { entity: Entity; sure: boolean } | null;
}

/**
 * A quotation that is a whole paragraph, right after a question (`**What about the estate?**`)
 * or a topic heading (`On the defeat:`), in a document introduced as an interview with someone
 * (`Edited transcript of a conversation with Mayor Jane Doe`, `Doe spoke to reporters …`): that
 * person's answer. Sure (medium) when the introduction names one person only.
 */
function interviewAnswer(doc: PreparedDocument, index: MentionIndex, quote: Quote, cache: InterviewCache): { entity: Entity; sure: boolean } | undefined {
  if (!standsAlone(doc, quote)) return undefined;
  const p = storyParagraphBefore(doc, quote.paragraph);
  if (p < 0) return undefined;
  const raw = doc.text.slice(doc.paragraphs[p].start, doc.paragraphs[p].end).trim();
  const prompt = raw.replace(/[*_#>\s]+$/u, "").replace(/^[*_#>\s]+/u, "");
  const heading = /^(?:on|about|regarding|asked about)\b/i.test(prompt) && prompt.endsWith(":");
  // (an interviewer's words set in bold, `**Your opponents say they aren't affordable.**`, prompt an answer too)
  const bold = /^\*\*[^*]+\*\*$/.test(raw) || /^__[^_]+__$/.test(raw);
  if (!prompt.endsWith("?") && !heading && !bold) return undefined;
  if (cache.subject === undefined) cache.subject = interviewSubject(doc, index);
  if (cache.subject) return cache.subject;
  // A feature's own question about someone (`Would she go back to intensive care?`): theirs, as a guess.
  if (!prompt.endsWith("?")) return undefined;
  const from = tokenIndexAt(doc, doc.paragraphs[p].start);
  for (let i = from; i < doc.tokens.length && doc.tokens[i].start < doc.paragraphs[p].end && i < from + 4; i++) {
    const w = doc.tokens[i].lower;
    if (w !== "he" && w !== "she") continue;
    const who = index.resolvePronoun(w, i);
    return who && who.entity.kind === "person" ? { entity: who.entity, sure: false } : undefined;
  }
  return undefined;
}

/** The person an interview's introduction (in the first paragraphs) presents, if any. */
function interviewSubject(doc: PreparedDocument, index: MentionIndex): { entity: Entity; sure: boolean } | null {
  for (let p = 0; p < Math.min(doc.paragraphs.length, INTRO_PARAGRAPHS); p++) {
    const para = doc.paragraphs[p];
    if (!INTERVIEW_INTRO.test(doc.text.slice(para.start, Math.min(para.end, para.start + 2000)))) continue;
    // (the subject who `spoke to reporters`, else the first person named; sure only if no one else is)
    const people = new Set<Entity>();
    let subject: Entity | undefined;
    for (const m of index.mentions) {
      if (m.paragraph > p) break;
      if (m.paragraph !== p || m.entity.kind !== "person") continue;
      people.add(m.entity);
      if (m.subject && m.main) subject ??= m.entity;
    }
    const [first] = people;
    const who = subject ?? first;
    return who ? { entity: who, sure: people.size === 1 } : null;
  }
  return null;
}

/** The quote whose speaker an unattributed quote continues, if any. */
function continuedFrom(doc: PreparedDocument, index: MentionIndex, done: AttributedQuote[], quote: Quote): AttributedQuote | undefined {
  const previous = done[done.length - 1];
  if (!previous) return undefined;
  if (previous.lastParagraph === quote.paragraph) return newSubjectBetween(doc, index, previous, quote) ? undefined : previous;
  // A paragraph that is only this quotation continues the last quote of the previous story paragraph.
  if (!standsAlone(doc, quote)) return undefined;
  const p = storyParagraphBefore(doc, quote.paragraph);
  return p >= 0 && previous.lastParagraph === p ? previous : undefined;
}

/** Whether a quotation is its paragraph's only words (quote marks aside). */
function standsAlone(doc: PreparedDocument, quote: Quote): boolean {
  const para = doc.paragraphs[quote.paragraph];
  const outside = doc.text.slice(para.start, quote.start) + doc.text.slice(quote.end, para.end);
  return !/[\p{L}\p{N}]/u.test(outside.replace(/["“”«»‘’]/g, ""));
}

/** The paragraph of the story before paragraph `p`, past captions and page furniture (-1: none). */
function storyParagraphBefore(doc: PreparedDocument, p: number): number {
  let q = p - 1;
  while (q >= 0 && (doc.paragraphs[q].kind === "caption" || doc.paragraphs[q].kind === "furniture")) q--;
  return q;
}

/**
 * `"…," said Doe. Roe was not convinced. "…"`: a sentence between the two quotations about another
 * person (its main subject) means the second is no longer plainly Doe's.
 */
function newSubjectBetween(doc: PreparedDocument, index: MentionIndex, previous: AttributedQuote, quote: Quote): boolean {
  const from = tokenIndexAt(doc, previous.end);
  const sentence = index.sentenceOf(Math.max(0, from - 1));
  for (let mi = index.lastBefore(tokenIndexAt(doc, quote.start)); mi >= 0; mi--) {
    const m = index.mentions[mi];
    // (only a sentence of its own: `said Doe, who suggested that Roe could win` is still Doe's)
    if (m.start < from || m.sentence <= sentence) break;
    if (m.subject && m.main && m.entity !== previous.speaker && m.entity.kind === "person" && !previous.speaker?.aliases.has(m.entity.name.toLowerCase())) return true;
  }
  return false;
}

/** Passive forms of asking (`was asked`, `was pressed`). */
const ASKED = new Set(["asked", "pressed", "questioned", "quizzed", "challenged", "told"]);

/** Words putting a question to someone (`Asked "…?", Doe said`). */
const ASKING = new Set(["asked", "asking", "questioned", "wondered", "wondering", "question", "pressed", "quizzed", "demanded"]);

/** `Asked "Will you resign?", Doe said: "…"`: a question put to the speaker, no first piece of their words. */
function askedBefore(doc: PreparedDocument, quote: Quote): boolean {
  // (a question only: `Asked about it, "It is dead," Doe said` is Doe's)
  if (!/\?\W*$/u.test(doc.text.slice(quote.start, quote.end))) return false;
  const at = tokenIndexAt(doc, quote.start);
  for (let i = at - 1, words = 0; i >= 0 && words < 4; i--) {
    const t = doc.tokens[i];
    if (t.kind !== "word") {
      if (/^[.!?;]$/.test(t.text)) return false;
      continue;
    }
    if (ASKING.has(t.lower)) return true;
    words++;
  }
  return false;
}

/** `"First part," she said, "second part."` → one quote with two pieces. */
function mergeSplitQuotes(doc: PreparedDocument, index: MentionIndex): Quote[] {
  const out: Quote[] = [];
  const quotes = doc.quotes;
  for (let k = 0; k < quotes.length; k++) {
    const a = quotes[k];
    const b = quotes[k + 1];
    if (b && a.form === "marked" && b.form === "marked" && a.lastParagraph === b.paragraph && !a.unclosed && !askedBefore(doc, a)) {
      const idx = visibleBetween(doc, a.end, b.start);
      const between = tokensOf(doc, idx);
      const words = between.filter((t) => t.kind === "word");
      // (`"…," he added, before Doe interrupted: "…"`: two speakers' words, not one quotation split)
      const conj = between.findIndex((t) => t.kind === "word" && ["before", "while", "as", "when", "after", "but", "and", "until", "then"].includes(t.lower));
      // (and `…, before Yoo Min-ji cut in: "…"`: a named subject after the conjunction introducing the rest with a colon)
      const secondCue = conj >= 0 && (between.some((t, i) => i > conj && isCueVerb(between, i)) || (between[between.length - 1]?.text === ":" && between.some((t, i) => i > conj && t.kind === "word" && t.cap)));
      const inner = doc.text.slice(Math.max(a.start, a.end - 2), a.end);
      const lastBetween = between[between.length - 1];
      // One sentence only: `"…," she said, "…"` — not `"…," she said. She added: "…"`.
      const oneSentence = !between.some((t, i) => t.kind === "punct" && /^[.!?]$/.test(t.text) && between[i + 1]?.kind === "word" && between[i + 1].cap);
      const openedWithComma = /[,—–-]\s*$/.test(inner) || between[0]?.text === "," || between[0]?.text === "\u2014";
      // (`"…," she told the crowd after the opener, "Salt for the Sea."`: a title, not her words going on)
      if (oneSentence && openedWithComma && !secondCue && lastBetween && [",", ":"].includes(lastBetween.text) && words.length >= 1 && words.length <= 12 && !isTitleOfWork(doc.text, b, countWords(doc, b))) {
        if (cueAfter(between, index.evidence)) {
          const merged = makeQuote([...a.pieces, ...b.pieces], "marked", a.paragraph, b.lastParagraph, b.unclosed);
          merged.attributionLine = b.attributionLine;
          const inner = [...(a.inner ?? []), ...(b.inner ?? [])];
          if (inner.length) merged.inner = inner;
          out.push(merged);
          k++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

export { isCueVerb };
