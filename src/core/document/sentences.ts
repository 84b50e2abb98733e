/**
 * Sentence boundaries inside a paragraph. A full stop ends a sentence unless it closes an
 * abbreviation (`Mr.`, `U.S.`, `Feb.`), an initial (`J. Doe`) or a number sign before its number
 * (`No. 2`).
 *
 * A boundary is a run of `.!?…`, any closing quotes or brackets, whitespace, and then (looked
 * at, not taken) an optional opening quote and a capital letter or digit. The text is scanned
 * once, run by run: a regular expression for this backtracks through every run of dots (one line
 * of `....` took minutes).
 */
import { abbreviationSet, timeWords } from "../lexicon";
import type { Span } from "./layout";

const isTerminator = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
const TERMINATOR = /[.!?\u2026]/g;
const CLOSERS = new Set([0x22, 0x201d, 0x2019, 0xbb, 0x29, 0x5d]); // " ” ’ » ) ]
const SPACE = /\s/;
const NEXT_STARTS_SENTENCE = /["“‘«(\[]?[\p{Lu}\p{N}]/uy;
/** Abbreviations only before a number (`No. 2`, `no. 7`); anywhere else the word and its full stop end a sentence. */
const NUMBER_SIGNS = new Set(["no"]);
/**
 * Words that open a sentence and never continue a name: after an abbreviation that can end a
 * sentence (`… entering the U.S. While Doe …`, `… at 10 a.m. The council …`) they start a new one.
 */
const SENTENCE_OPENERS = new Set(["the", "this", "that", "these", "those", "while", "when", "whenever", "but", "and", "however", "he", "she", "it", "they", "we", "there", "his", "her", "its", "their", "our", "my", "in", "on", "after", "before", "although", "though", "because", "if", "since", "yet", "so", "what", "why", "how", "as", "still", "meanwhile", "instead", "then", "now", "today", "yesterday"]);
/** Abbreviations that join what follows even when it is such a word (`Doe vs. The State`). */
const JOINING_ABBREVIATIONS = new Set(["vs", "v", "no", "st", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "rev", "prof", "hon", "pres", "supt", "messrs"]);

/**
 * `… results here.Read the latest:` — paragraphs run together when a page is scraped, so a
 * sentence may end with no space before the next one: one stop after a lower-case word of two
 * letters or more (not an abbreviation) and before a capitalised word (not `Amazon.com`,
 * `St.Louis`, `U.S.A.`, `3.5`).
 */
const GLUED_BEFORE = /\p{L}*\p{Ll}{2}$/u;
const GLUED_AFTER = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}.])/u;
function glued(body: string, runStart: number, runEnd: number, next: number): boolean {
  if (runEnd - runStart !== 1) return false;
  // (Answered from the character codes when ASCII says no: a lower-case letter right before the
  // stop and a capital right after it — `3.5`, `Amazon.com` and masked quotations never get as far
  // as the regular expressions.)
  // (Indices inside the body: a read past either end would make V8 deoptimise the sentence splitter.)
  if (runStart === 0 || next >= body.length || !mayBeLower(body.charCodeAt(runStart - 1)) || !mayBeUpper(body.charCodeAt(next))) return false;
  const before = GLUED_BEFORE.exec(body.slice(Math.max(0, runStart - 24), runStart));
  if (!before || abbreviationSet.has(before[0].toLowerCase())) return false;
  return GLUED_AFTER.test(body.slice(next, next + 24));
}

/** Could this code unit be `\p{Ll}` (false only for ASCII that is not `a`–`z`, and for none)? */
const mayBeLower = (c: number) => c >= 0x80 || (c >= 0x61 && c <= 0x7a);
/** Could this code unit start `\p{Lu}` (false only for ASCII that is not `A`–`Z`, and for none)? */
const mayBeUpper = (c: number) => c >= 0x80 || (c >= 0x41 && c <= 0x5a);

/** Returns the sentence spans of `text.slice(start, end)`, as offsets into `text`. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const body = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  let i = 0;
  while (i < body.length) {
    if (!isTerminator(body.charCodeAt(i))) {
      // To the next `.!?…`, found by the regular expression engine (no loop in JavaScript over
      // every character of the text, which V8 would compile again and again): none, no boundary.
      TERMINATOR.lastIndex = i;
      if (!TERMINATOR.test(body)) break;
      i = TERMINATOR.lastIndex - 1;
    }
    const runStart = i;
    while (i < body.length && isTerminator(body.charCodeAt(i))) i++;
    const runEnd = i;
    while (i < body.length && CLOSERS.has(body.charCodeAt(i))) i++;
    const closersEnd = i;
    while (i < body.length && SPACE.test(body[i])) i++;
    if (i === closersEnd && !glued(body, runStart, runEnd, i)) continue; // no whitespace after: not a boundary
    NEXT_STARTS_SENTENCE.lastIndex = i;
    if (!NEXT_STARTS_SENTENCE.test(body)) continue;
    if (runEnd - runStart === 1 && body.charCodeAt(runStart) === 0x2e && closersEnd === runEnd) {
      const before = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, runStart - 12), runStart));
      const word = before ? before[1].toLowerCase() : "";
      // `No. 2` is a number sign; `… said no. When …` ends a sentence.
      if (NUMBER_SIGNS.has(word)) {
        if (/^["“‘«(\[]?\p{N}/u.test(body.slice(i, i + 2))) continue;
      } else if (abbreviationSet.has(word) || abbreviationSet.has(word.replace(/\./g, "")) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
        const next = /^\p{Lu}\p{Ll}*(?=[\s,])/u.exec(body.slice(i, i + 12));
        const opens = next && SENTENCE_OPENERS.has(next[0].toLowerCase()) && !/^\p{L}$/u.test(word) && !JOINING_ABBREVIATIONS.has(word.replace(/\./g, ""));
        // (`… shortly after 2 a.m. One, a veteran …`: after a time of day any capitalised word but a
        // time zone, a day or a month opens a sentence)
        const clock = (word === "a.m" || word === "p.m") && !!next && !timeWords.has(next[0].toLowerCase()) && !/^\p{Lu}{2,4}$/u.test(next[0]);
        if (!opens && !clock) continue;
      }
    }
    spans.push({ start: start + from, end: start + closersEnd });
    from = i;
  }
  if (from < body.length) spans.push({ start: start + from, end });
  return spans;
}
