/**
 * Finds the attribution cue of a quotation in the words around it: `"…," X said`,
 * `"…," said X`, `X told Reuters: "…"`, `X said that "…"`, `"…," according to X`, or an
 * attribution line (`said Mr. X.`, `— X, Role`). Returns the speaker phrase and where it stands.
 */
import { cueAdverbs, cuePhrases, cueVerbForms } from "../lexicon";
import { parsePhraseSpan, type SpeakerPhrase } from "./phrase";
import type { Token } from "./tokens";

export interface Cue {
  /** The cue verb as written (`said`, `according to`, `—`). */
  verb: string;
  phrase: SpeakerPhrase;
  /** Tokens of the speaker phrase in the document (indices into the slice given). */
  phraseStart: number;
  phraseEnd: number;
}

/** Lower-case words that may stand inside a sentence's subject (`the company's chief executive`). */
const SUBJECT_WORDS = new Set(["the", "a", "an", "'s", "of", "for", "at", "chief", "executive", "its", "his", "her", "their"]);

const isCueVerb = (t: Token | undefined) => !!t && t.kind === "word" && cueVerbForms.has(t.lower);
/** Words that end a noun phrase read forwards after an inverted cue (`said X in a statement`). */
const PHRASE_STOPS = new Set(["in", "on", "to", "during", "after", "via", "from", "when", "while", "as", "before", "adding", "citing", "referring", "noting", "who", "which", "that", "and", "but", "last", "this", "on", "earlier", "later", "yesterday", "today"]);
/** Words that start a new clause when reading a subject backwards from its verb. */
const CLAUSE_STARTS = new Set(["that", "and", "but", "while", "because", "as", "when", "after", "who", "which", "if", "where", "whereas", "although", "though", "since", "so", "or", "than", "whom"]);

function phraseForward(tokens: Token[], from: number): number {
  let end = from;
  while (end < tokens.length) {
    const t = tokens[end];
    if (t.kind === "punct" && t.text !== "," && t.text !== "-" && t.text !== "\u2019" && t.text !== "'") break;
    if (t.kind === "word" && !t.cap && PHRASE_STOPS.has(t.lower) && end > from) break;
    end++;
  }
  while (end > from && tokens[end - 1].kind === "punct") end--;
  return end;
}

function phraseBackward(tokens: Token[], verb: number, floor: number): number {
  let start = verb;
  while (start > floor && tokens[start - 1].kind === "word" && cueAdverbs.has(tokens[start - 1].lower)) start--;
  const end = start;
  while (start > floor) {
    const t = tokens[start - 1];
    if (t.kind === "punct" && [":", ";", "\u201c", "\u201d", '"', "\u00ab", "\u00bb", ".", "!", "?"].includes(t.text)) break;
    if (t.kind === "word" && !t.cap && CLAUSE_STARTS.has(t.lower)) break;
    start--;
    if (end - start > 24) break;
  }
  return start;
}

/** A cue whose speaker phrase is read from `tokens[from, to)`, narrowed to the words that name the speaker. */
function cueFrom(tokens: Token[], verb: string, from: number, to: number): Cue | undefined {
  const found = parsePhraseSpan(tokens.slice(from, to));
  return found ? { verb, phrase: found.phrase, phraseStart: from + found.from, phraseEnd: from + found.to } : undefined;
}

function forwardCue(tokens: Token[], verbText: string, from: number): Cue | undefined {
  const end = phraseForward(tokens, from);
  const cue = cueFrom(tokens, verbText, from, end);
  if (cue) return cue;
  // `one resident at the meeting`: retry without the trailing prepositional phrase.
  const link = tokens.slice(from, end).findIndex((t, k) => k > 0 && t.kind === "word" && ["at", "for", "of", "with", "from"].includes(t.lower));
  return link > 0 ? cueFrom(tokens, verbText, from, from + link) : undefined;
}

/** The cue in the words right after a quotation (up to the end of its sentence). */
export function cueAfter(tokens: Token[]): Cue | undefined {
  let i = 0;
  while (i < tokens.length && tokens[i].kind === "punct") i++;
  if (i >= tokens.length) return undefined;
  // `"…," according to X`
  const phraseLen = matchCuePhrase(tokens, i);
  if (phraseLen) return forwardCue(tokens, tokens.slice(i, i + phraseLen).map((t) => t.text).join(" "), i + phraseLen);
  // `"…," said X` (inverted)
  if (isCueVerb(tokens[i]) && !tokens[i].cap) return forwardCue(tokens, tokens[i].text, i + 1);
  // `"…," X said`
  for (let v = i + 1; v < Math.min(tokens.length, i + 24); v++) {
    if (tokens[v].kind === "punct" && [".", "!", "?", ";", ":"].includes(tokens[v].text)) break;
    if (!isCueVerb(tokens[v]) || tokens[v].cap) continue;
    let start = v;
    while (start > i && tokens[start - 1].kind === "word" && cueAdverbs.has(tokens[start - 1].lower)) start--;
    const cue = cueFrom(tokens, tokens[v].text, i, start);
    if (cue) return cue;
    break;
  }
  return undefined;
}

/** The cue in the words before a quotation, back to the start of its sentence: `X said: "…"`. */
export function cueBefore(tokens: Token[]): Cue | undefined {
  for (let v = tokens.length - 1; v >= 0; v--) {
    const phraseLen = matchCuePhrase(tokens, v);
    if (phraseLen) {
      const cue = forwardCue(tokens, "according to", v + phraseLen);
      if (cue) return cue;
    }
    if (!isCueVerb(tokens[v])) continue;
    const start = phraseBackward(tokens, v, 0);
    let end = v;
    while (end > start && tokens[end - 1].kind === "word" && cueAdverbs.has(tokens[end - 1].lower)) end--;
    const cue = cueFrom(tokens, tokens[v].text, start, end);
    if (cue) return cue;
    // `Tom Hale, who has fished here for years, said`: the subject stands before the relative clause.
    if (start >= 2 && tokens[start - 1].kind === "word" && ["who", "which"].includes(tokens[start - 1].lower) && tokens[start - 2].text === ",") {
      const subjectEnd = start - 2;
      const subjectStart = phraseBackward(tokens, subjectEnd, 0);
      const subject = cueFrom(tokens, tokens[v].text, subjectStart, subjectEnd);
      if (subject) return subject;
    }
  }
  // Headline and transcript style: `Jane Doe: "…"`, the whole lead-in a name and a colon.
  const last = tokens.length - 1;
  if (last >= 1 && tokens[last].text === ":") {
    const cue = cueFrom(tokens, ":", 0, last);
    if (cue && (cue.phrase.type === "name" || cue.phrase.type === "person" || cue.phrase.type === "organization")) return cue;
    // `Reid was unmoved: "…"`: a sentence about someone that introduces the quote with a colon.
    let k = 0;
    while (k < last && !(tokens[k].kind === "word" && !tokens[k].cap && !SUBJECT_WORDS.has(tokens[k].lower))) k++;
    if (k > 0 && k < last) {
      const subject = cueFrom(tokens, ":", 0, k);
      if (subject && subject.phrase.type !== "anonymous") return subject;
    }
  }
  return undefined;
}

/** An attribution line: `said Mr. X.`, `commented the company.`, `— X, Role`. */
export function cueLine(tokens: Token[]): Cue | undefined {
  let i = 0;
  while (i < tokens.length && tokens[i].kind === "punct" && !/[\u2014\u2015\u2013-]/.test(tokens[i].text)) i++;
  if (i < tokens.length && tokens[i].kind === "punct") {
    let from = i;
    while (from < tokens.length && tokens[from].kind === "punct") from++;
    let end = tokens.length;
    while (end > from && tokens[end - 1].kind === "punct") end--;
    return cueFrom(tokens, tokens[i].text, from, end);
  }
  if (isCueVerb(tokens[i])) return forwardCue(tokens, tokens[i].text, i + 1);
  return undefined;
}

function matchCuePhrase(tokens: Token[], i: number): number {
  for (const p of cuePhrases) {
    const words = p.split(" ");
    if (words.every((w, k) => tokens[i + k]?.lower === w)) return words.length;
  }
  return 0;
}
