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

// (`PeÃ±a`: UTF-8 read as Latin-1 leaves a symbol after `Ã` or `Â` inside a name; it stays in the word.)
const tokenRe = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|(?<=[ÃÂ])[\u0080-\u00bf]|['’.\-](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu;
const titleLike = /^(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|prof|st|sta|sto|mt|jr|sr|gen|sen|rep|gov|capt|col|lt|sgt|rev|det|insp|supt|cllr|maj|brig|cpl|pvt|cmdr|atty|inc|corp|co|ltd|no|vs|feb|jan|aug|sept|sep|oct|nov|dec|apr|jun|jul|mar)\.$/iu;

/**
 * The tokens of `text[start, end)`: what `tokenRe` matches, one after another. Spaces, ASCII
 * punctuation, other punctuation of the Basic Multilingual Plane and plain ASCII words are read
 * from the character codes; anything else (non-ASCII letters, marks, astral characters) by the
 * regular expression, from the same place. The result is the regular expression's, only faster on
 * long runs of punctuation (a 1 MB draft of `…`) and on ordinary English text.
 */
export function tokenizePhrase(text: string, start = 0, end = text.length, into?: Token[], ascii: string = text): Token[] {
  // `into`: the tokens are appended to it (a document's tokens without a copy per sentence).
  // `ascii`: the same text with one byte a character (see `asciiShadow`), where ASCII words are cut from.
  const tokens: Token[] = into ?? [];
  const first = tokens.length;
  let body: string | undefined;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const kind = c < 0x80 ? ASCII_CLASS[c] : bmpClass(c);
    if (kind === SPACE) {
      i++;
      continue;
    }
    if (kind === PUNCT) {
      // One string per punctuation mark, shared by its tokens (a run of `…` allocates no strings).
      const word = c < 0x80 ? text[i] : PUNCT_TEXT[c];
      tokens.push({ start: i, end: i + 1, text: word, lower: word, cap: false, kind: "punct" });
      i++;
      continue;
    }
    let word: string | undefined;
    let s = i;
    if (kind === ASCII_WORD) {
      const j = asciiWordEnd(text, i, end);
      if (j >= 0) {
        word = ascii.slice(i, j);
        // (`’` joins words too, `Doe’s`: the shadow has a space for it, and such a word is cut from the text.)
        if (word.indexOf(" ") >= 0) word = text.slice(i, j);
        i = j;
      }
    }
    if (word === undefined) {
      // The regular expression from here: it skips what `\s` matches and reads one token.
      body ??= text.slice(start, end);
      tokenRe.lastIndex = i - start;
      const m = tokenRe.exec(body);
      if (!m) break;
      word = m[0];
      s = start + m.index;
      i = start + tokenRe.lastIndex;
    }
    if (startsWord(word)) {
      // A trailing full stop belongs to the word only for abbreviations and initials.
      if (word.endsWith(".") && !titleLike.test(word)) {
        word = word.slice(0, -1);
        i -= 1;
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
      if ((word === "'" || word === "’") && tokens.length > first && /s$/i.test(tokens[tokens.length - 1].text) && tokens[tokens.length - 1].end === s) {
        tokens.push({ start: s, end: s + 1, text: word, lower: "'s", cap: false, kind: "poss" });
        continue;
      }
      tokens.push({ start: s, end: s + word.length, text: word, lower: word, cap: false, kind: "punct" });
    }
  }
  return tokens;
}

/**
 * `text` with every character above ASCII replaced by a space, so that it is stored with one byte
 * a character: V8 keeps a piece cut from a two-byte string (a text holding a single `’` or `“`)
 * two bytes a character, and such words are bigger and slower to lower-case, hash and compare with
 * the word lists. The ASCII words cut from it are the same strings as cut from `text`. `text`
 * itself when it is ASCII already.
 */
export function asciiShadow(text: string): string {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) < 0x80) first++;
  if (first === text.length) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 0x80 ? c : 0x20;
  }
  // UTF-8 of ASCII alone: a one-byte string.
  return new TextDecoder().decode(bytes);
}

/** How a character starts a token: not at all (`\s`), as one punctuation token, as a word, or undecided (left to the regular expression). */
const SPACE = 1;
const PUNCT = 2;
const ASCII_WORD = 3;
const OTHER = 4;

const ASCII_CLASS = new Uint8Array(0x80).map((_, c) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) ? SPACE : isAsciiAlnum(c) ? ASCII_WORD : c === 0x27 ? OTHER : PUNCT,
);

/** Classes of the BMP's characters above ASCII, found once each (0: not yet), and the text of those that are punctuation. */
const BMP_CLASS = new Uint8Array(0x10000);
const PUNCT_TEXT: string[] = new Array<string>(0x10000).fill("");

function bmpClass(c: number): number {
  let k = BMP_CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    // Surrogates, letters, digits, marks and the apostrophe `’` (a possessive) go to the regular expression.
    k = (c >= 0xd800 && c <= 0xdfff) || c === 0x2019 || /[\p{L}\p{N}\p{M}]/u.test(ch) ? OTHER : /\s/.test(ch) ? SPACE : PUNCT;
    BMP_CLASS[c] = k;
    if (k === PUNCT) PUNCT_TEXT[c] = ch;
  }
  return k;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The end of the word `tokenRe` matches at `i` (an ASCII letter or digit) within `end`, when it is
 * made of ASCII alone: `-1` when a non-ASCII character could change the match.
 */
function asciiWordEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d < 0x80 && isAsciiAlnum(d)) {
      j++;
      continue;
    }
    if (d === 0x27 || d === 0x2e || d === 0x2d || d === 0x2019) {
      // A joiner only before a letter or digit; `\.?` takes a last full stop.
      if (j + 1 < end) {
        const e = text.charCodeAt(j + 1);
        if (e >= 0x80 && bmpClass(e) === OTHER) return -1;
        if (isAsciiAlnum(e)) {
          j += 2;
          continue;
        }
      }
      return d === 0x2e ? j + 1 : j;
    }
    // A non-ASCII letter, digit or mark would continue the word; a space or punctuation ends it.
    if (d >= 0x80 && bmpClass(d) === OTHER) return -1;
    return j;
  }
  return j;
}

const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az|abu|bin|ibn|ben|bint)-\p{Lu}/u;

function makeWord(word: string, s: number): Token {
  const bare = word.charCodeAt(word.length - 1) === 0x2e ? word.slice(0, -1) : word;
  const c = word.charCodeAt(0);
  // ASCII answered from the character code; the Unicode property test only for the rest.
  // (`al-Rashid`, `el-Baradei`, `bin-Salman`: an Arabic article before a capitalised name is part of a name)
  const cap = c < 0x80 ? (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && word.length > 3 && ARTICLE_PREFIX.test(word)) : /^\p{Lu}/u.test(word);
  return { start: s, end: s + word.length, text: word, lower: bare.toLowerCase(), cap, kind: "word" };
}

/** Does the token start with a letter or digit (`/^[\p{L}\p{N}]/u`, with ASCII answered from the code)? */
function startsWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? isAsciiAlnum(c) : /^[\p{L}\p{N}]/u.test(word);
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

/** Lower-case words inside a place's name or after it (`San Lorenzo del Norte`, `Frankfurt am Main`, `Zaruzhne region`). */
const PLACE_PARTICLES = new Set(["de", "del", "da", "do", "dos", "das", "di", "la", "las", "los", "el", "sur", "upon", "am", "der", "region", "province", "oblast", "district", "county", "state", "governorate", "prefecture"]);

/**
 * `DECATUR, Ill. — Sen. Jane Doe …`, `LISPORT (Reuters) - …`: a wire story's dateline (a place in
 * capitals, then a dash within a few words) is no part of the subject; where the sentence goes on.
 */
export function datelineEnd(tokens: Token[], from: number, to: number): number {
  const first = tokens[from];
  if (!first || first.kind !== "word" || !/^\p{Lu}{2,}$/u.test(first.text.replace(/\.$/, ""))) return from;
  for (let k = from + 1; k < to && k < from + 8; k++) {
    if (tokens[k].kind === "punct" && ["\u2014", "\u2013", "-"].includes(tokens[k].text) && k + 1 < to) return k + 1;
    // (`NATO envoy Jane Doe - who …`: a lower-case word says this is no dateline — but for a place
    // name's particle, `SAN ISIDRO, San Lorenzo del Norte —`)
    if (tokens[k].kind === "word" && !tokens[k].cap && !/^\p{N}/u.test(tokens[k].text) && !PLACE_PARTICLES.has(tokens[k].lower)) return from;
  }
  return from;
}
