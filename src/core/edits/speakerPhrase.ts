/**
 * The whole phrase a draft credits a quote to, read from the text around the speaker mention the
 * engine found: the name with a title before it (`Harbour master Oskar Bly`), an apposition
 * before or after it (`His deputy, Oskar Bly,` / `Oskar Bly, the harbour master,` — with the
 * comma that closes it, so a rewrite leaves no stray comma), a block quote's credit line
 * (`— Oskar Bly, harbour master`), or a pronoun. Also what surrounds it, which decides how a
 * replacement is written: whether the sentence starts there, whether the clause goes on after
 * it (`X said:` / `X was blunt:`) and where the cue verb stands.
 *
 * Only the mention's sentence is read (linear in its length).
 */
import { cueVerbForms } from "../lexicon";
import { ROLE_WORDS } from "./newsStyle";

export interface SpeakerPhrase {
  start: number;
  end: number;
  /** A block quote's credit line (`— Name, Role`): the phrase runs to the end of the line. */
  creditLine: boolean;
  /** The draft wrote a title before the name, without commas (`Harbour master Oskar Bly`). */
  titled: boolean;
  /** The phrase is a pronoun (`he`, `She`, `they`). */
  pronoun: boolean;
  /** The clause goes on after the phrase (a verb follows: `X said:`, `X, the mayor, was blunt:`). */
  subject: boolean;
  /** The phrase starts a sentence. */
  sentenceStart: boolean;
  /** `X said.` (or `X said, "…` in a split quote): a `say` verb right after the phrase, ending the clause (a rewrite may invert it). */
  sayAfter?: { start: number; end: number; word: string };
}

/** Words that end a title or apposition scan: function words and time words. */
const STOP = new Set(
  "a an the and or but nor that which who whom whose when where while as after before because if though although since until unless than then so to of in on at by for from with about into over under during without within between among according also later earlier today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday this next last".split(" "),
);
/** First words that make what follows a comma something other than an apposition. */
const NOT_APPOSITION = new Set("who which that whose whom when where while as and but or so because although though if in at on for to with during after before since until according adding saying noting insisting arguing explaining calling describing speaking".split(" "));
const PRONOUNS = /^(?:he|she|they|him|her|them|it|i|we)$/i;
const OPEN_QUOTES = /["“„«‘'‚]/;
const CLOSE_QUOTES = /["”»’']/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export function speakerPhraseAt(text: string, mention: { start: number; end: number }): SpeakerPhrase {
  const lineStart = text.lastIndexOf("\n", mention.start - 1) + 1;
  const lineEndAt = text.indexOf("\n", mention.end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const mentionText = text.slice(mention.start, mention.end);
  const phrase: SpeakerPhrase = { start: mention.start, end: mention.end, creditLine: false, titled: false, pronoun: PRONOUNS.test(mentionText.trim()), subject: false, sentenceStart: false };

  // A block quote's credit line: `> — Name, Role` — the phrase is all of it.
  const creditPrefix = /^[ \t]*(?:>[ \t]*)*[—―–-]{1,2}[ \t]*$/.exec(text.slice(lineStart, mention.start));
  if (creditPrefix) {
    phrase.creditLine = true;
    phrase.end = lineEnd;
    while (phrase.end > phrase.start && /[\s.]/.test(text[phrase.end - 1])) phrase.end--;
    return phrase;
  }

  if (!phrase.pronoun) {
    extendLeft(text, phrase, lineStart);
    extendRight(text, phrase, lineEnd);
    // The engine may give the title with the name (`Harbour master Oskar Bly`): a role word before the last word.
    const words = mentionText.includes(",") ? [] : mentionText.trim().split(/\s+/).slice(0, -1);
    if (words.some((w) => ROLE_WORDS.has(w.toLowerCase()))) phrase.titled = true;
  }
  phrase.sentenceStart = startsSentence(text, phrase.start, lineStart);
  const after = text.slice(phrase.end, Math.min(lineEnd, phrase.end + 40));
  phrase.subject = /^\s*\p{L}/u.test(after);
  // `X said.` or, in a split quote, `X said, "…`.
  const say = /^(\s+)(said|says)(?=\s*(?:[.!?]|$)|,\s*["“«])/.exec(after);
  if (say) phrase.sayAfter = { start: phrase.end + say[1].length, end: phrase.end + say[0].length, word: say[2] };
  return phrase;
}

/** Words (with offsets) of `text` in [from, to). */
function wordsIn(text: string, from: number, to: number): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) out.push({ word: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

function isDescriptor(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  return !STOP.has(w) && !cueVerbForms.has(w) && !PRONOUNS.test(w);
}

/** A title before the name (`Harbour master`), or an apposition before it (`His deputy,`). */
function extendLeft(text: string, phrase: SpeakerPhrase, lineStart: number): void {
  const from = Math.max(lineStart, phrase.start - 200);
  const head = text.slice(from, phrase.start);
  // Title: words directly before the name, with only spaces between, the nearest being a role word.
  const title = /((?:[\p{L}\p{N}][\p{L}\p{N}'’.-]*[ \t]+){1,6})$/u.exec(head);
  if (title) {
    const words = wordsIn(text, from + title.index, phrase.start);
    let first = words.length;
    while (first > 0 && isDescriptor(words[first - 1].word)) first--;
    const kept = words.slice(first);
    if (kept.length && ROLE_WORDS.has(kept[kept.length - 1].word.toLowerCase())) {
      phrase.start = kept[0].start;
      phrase.titled = true;
      return;
    }
  }
  // Apposition before: `His deputy, Oskar Bly` at the start of a clause, when the mention does not already hold it.
  const comma = /,[ \t]+$/.exec(head);
  if (!comma) return;
  const before = head.slice(0, comma.index);
  let clause = 0;
  for (const m of before.matchAll(/[.!?:;\n]\s*|["”’»],?\s+/g)) clause = m.index + m[0].length;
  const noun = before.slice(clause);
  const words = wordsIn(noun, 0, noun.length);
  const content = words.filter((w) => !/^(?:his|her|their|its|our|the|a|an)$/i.test(w.word));
  if (noun.includes(",") || words.length === 0 || words.length > 6 || content.length === 0) return;
  if (content.every((w) => isDescriptor(w.word)) && content.some((w) => ROLE_WORDS.has(w.word.toLowerCase().replace(/['’]s$/, "")))) {
    phrase.start = from + clause + words[0].start;
  }
}

/** An apposition after the name (`, the harbour master,`), with the comma that closes it. */
function extendRight(text: string, phrase: SpeakerPhrase, lineEnd: number): void {
  const tail = text.slice(phrase.end, Math.min(lineEnd, phrase.end + 200));
  const hasInnerApposition = /,\s/.test(text.slice(phrase.start, phrase.end));
  const m = /^,[ \t]+([^,.;:!?"“”«»\n]{1,120})([,.;:!?"“”«»]|$)/.exec(tail);
  if (m && !hasInnerApposition) {
    const body = m[1].trimEnd();
    const words = wordsIn(body, 0, body.length).map((w) => w.word);
    const first = words[0]?.toLowerCase() ?? "";
    if (words.length > 0 && words.length <= 12 && !NOT_APPOSITION.has(first) && !cueVerbForms.has(first) && !/ing$/.test(first) && !PRONOUNS.test(first)) {
      phrase.end += m[0].length - m[1].length - m[2].length + body.length;
      // `X, the mayor, said`: the comma that closes the apposition belongs to it.
      if (/^,\s*\p{L}/u.test(text.slice(phrase.end, phrase.end + 3))) phrase.end += 1;
      return;
    }
  }
  // The mention already holds an apposition (`Oskar Bly, the harbour master`): take its closing comma.
  if (hasInnerApposition && /^,\s*\p{L}/u.test(tail)) phrase.end += 1;
}

/** Does a sentence start at `at` (only spaces, block-quote marks or nothing between it and the last sentence's end)? */
function startsSentence(text: string, at: number, lineStart: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  if (i < 0 || text[i] === "\n") return true;
  if (i < lineStart && text.slice(lineStart, at).trim() === "") return true;
  if (/[.!?]/.test(text[i])) return true;
  // `…done." He said` — a closing mark after a sentence's end, then a capital.
  return CLOSE_QUOTES.test(text[i]) && /[.!?]/.test(text[i - 1] ?? "") && /^\p{Lu}/u.test(text.slice(at, at + 1)) && !OPEN_QUOTES.test(text[at] ?? "");
}
