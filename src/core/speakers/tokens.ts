/**
 * Tokens for reading attributions: words with their case kept, possessive `'s` split off, and
 * punctuation as tokens of its own. (Matching uses the plainer tokens of `text/words.ts`.)
 */
import type { Span } from "../document/layout";

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
    if (/^[\p{L}\p{N}]/u.test(word)) {
      // A trailing full stop belongs to the word only for abbreviations and initials.
      if (word.endsWith(".") && !titleLike.test(word)) {
        word = word.slice(0, -1);
        tokenRe.lastIndex -= 1;
      }
      // A dateline glued to a name (`BOSTON-Jane Doe`): the place, a dash, then the name.
      const dateline = /^(\p{Lu}{3,})-(?=\p{Lu}\p{Ll})/u.exec(word);
      if (dateline) {
        tokens.push(makeWord(dateline[1], s));
        tokens.push({ start: s + dateline[1].length, end: s + dateline[1].length + 1, text: "-", lower: "-", cap: false, kind: "punct" });
        word = word.slice(dateline[0].length);
        s += dateline[0].length;
      }
      const poss = /^(.+?)['’]s$/iu.exec(word);
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
  const bare = word.replace(/\.$/, "");
  return { start: s, end: s + word.length, text: word, lower: bare.toLowerCase(), cap: /^\p{Lu}/u.test(word), kind: "word" };
}
