/** Reference copy of the regular-expression phrase tokenizer (kept to test the fast one against).
 *
 * Tokens for reading attributions: words with their case kept, possessive `'s` split off, and
 * punctuation as tokens of its own. (Matching uses the plainer tokens of `text/words.ts`.)
 */
import type { Span } from "../../../src/core/document/layout";

export interface Token extends Span {
  text: string;
  lower: string;
  /** Starts with a capital letter. */
  cap: boolean;
  kind: "word" | "punct" | "poss";
}

const tokenRe = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu;
const titleLike = /^(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|prof|st|jr|sr|gen|sen|rep|gov|capt|col|lt|sgt|rev|inc|corp|co|ltd|no|vs|feb|jan|aug|sept|sep|oct|nov|dec|apr|jun|jul|mar)\.$/iu;

export function tokenizePhrase(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const body = text.slice(start, end);
  tokenRe.lastIndex = 0;
  for (let m = tokenRe.exec(body); m; m = tokenRe.exec(body)) {
    let word = m[0];
    let s = start + m.index;
    if (startsWord(word)) {
      // A trailing full stop belongs to the word only for abbreviations and initials.
      if (word.endsWith(".") && !titleLike.test(word)) {
        word = word.slice(0, -1);
        tokenRe.lastIndex -= 1;
      }
      // A dateline glued to a name (`BOSTON-Jane Doe`): the place, a dash, then the name.
      const dateline = word.indexOf("-") >= 3 ? /^(\p{Lu}{3,})-(?=\p{Lu}\p{Ll})/u.exec(word) : null;
      if (dateline) {
        tokens.push(makeWord(dateline[1], s));
        tokens.push({ start: s + dateline[1].length, end: s + dateline[1].length + 1, text: "-", lower: "-", cap: false, kind: "punct" });
        word = word.slice(dateline[0].length);
        s += dateline[0].length;
      }
      const poss = mayBePossessive(word) ? /^(.+?)['’]s$/iu.exec(word) : null;
      if (poss) {
        tokens.push(makeWord(poss[1], s));
        s += poss[1].length;
        tokens.push({ start: s, end: s + 2, text: word.slice(poss[1].length), lower: "'s", cap: false, kind: "poss" });
        continue;
      }
      tokens.push(makeWord(word, s));
    } else {
      if ((word === "'" || word === "’") && tokens.length && /s$/i.test(tokens[tokens.length - 1].text) && tokens[tokens.length - 1].end === s) {
        tokens.push({ start: s, end: s + 1, text: word, lower: "'s", cap: false, kind: "poss" });
        continue;
      }
      tokens.push({ start: s, end: s + word.length, text: word, lower: word, cap: false, kind: "punct" });
    }
  }
  return tokens;
}

function makeWord(word: string, s: number): Token {
  const bare = word.charCodeAt(word.length - 1) === 0x2e ? word.slice(0, -1) : word;
  const c = word.charCodeAt(0);
  // ASCII answered from the character code; the Unicode property test only for the rest.
  const cap = c < 0x80 ? c >= 0x41 && c <= 0x5a : /^\p{Lu}/u.test(word);
  return { start: s, end: s + word.length, text: word, lower: bare.toLowerCase(), cap, kind: "word" };
}

/** Does the token start with a letter or digit (`/^[\p{L}\p{N}]/u`, with ASCII answered from the code)? */
function startsWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return /^[\p{L}\p{N}]/u.test(word);
}

/** Could `word` end in a possessive `'s` (a cheap test before the regular expression)? */
function mayBePossessive(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word.charCodeAt(n - 1);
  const mark = word.charCodeAt(n - 2);
  // `s`, `S` and `ſ` (U+017F, which case-folds to `s` under the regular expression's `iu`).
  return (last === 0x73 || last === 0x53 || last === 0x17f) && (mark === 0x27 || mark === 0x2019);
}
