/**
 * Word tokens with their exact character offsets.
 *
 * Matching works on words, not characters: case, punctuation, curly/straight quotes, dashes and
 * whitespace all drop out, and every word keeps the UTF-16 span it came from so a match maps back
 * to an exact range of the original text.
 *
 * The scanner is a charCode loop with an ASCII table (about five times faster than a `\p{L}`
 * regex); only non-ASCII characters fall back to a Unicode-property test.
 */

export interface WordList {
  /** Normalised words: lower case, no apostrophes or diacritics, NFKC. */
  readonly words: string[];
  /** Offset of each word's first code unit in the original text. */
  readonly starts: Int32Array;
  /** Offset just past each word's last code unit. */
  readonly ends: Int32Array;
}

const wordCharRe = /[\p{L}\p{N}\p{M}]/u;

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;

/** True for letters, digits and combining marks, with a fast path for ASCII. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return ASCII_WORD[code] === 1;
  return wordCharRe.test(String.fromCodePoint(code));
}

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2bc || c === 0x2018;

const combiningRe = /\p{M}+/gu;
const nonAsciiRe = /[^\x00-\x7f]/;

/** Lower-cases a raw word and folds away what readers do not see as a difference. */
export function normalizeWord(raw: string): string {
  let w = raw;
  if (nonAsciiRe.test(w)) w = w.normalize("NFKD").replace(combiningRe, "").normalize("NFKC");
  w = w.toLowerCase();
  if (w.includes("'") || w.includes("\u2019") || w.includes("\u02bc") || w.includes("\u2018")) {
    w = w.replace(/['\u2019\u02bc\u2018]/g, "");
  }
  return w;
}

/** What the scanner saw in a word, to pick the cheapest normalisation. */
export const UPPER = 1;
export const APOSTROPHE = 2;
/** Non-ASCII characters, or a dotted abbreviation (`U.S.`): needs `normalizeWord`. */
export const SLOW = 4;

/**
 * Scans words in `text[from, to)` and calls `emit(start, end, flags)` for each. An apostrophe
 * between two word characters joins them (`don't` is one word, `users'` is `users`); single
 * letters joined by full stops are one word (`U.S.` = `US`).
 */
export function scanWords(text: string, from: number, to: number, emit: (start: number, end: number, flags: number) => void): void {
  let i = from;
  while (i < to) {
    const end = nextWord(text, i, to);
    if (end < 0) return;
    emit(wordStart, end, wordFlags);
    i = end;
  }
}

/** Start and flags of the word `nextWord` found last (module state: no object per word). */
export let wordStart = 0;
export let wordFlags = 0;

/** Finds the first word in `text[from, to)`: returns its end (start and flags in `wordStart`, `wordFlags`), or -1. */
export function nextWord(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (ASCII_WORD[c] === 0) {
        i++;
        continue;
      }
    } else {
      const cp = text.codePointAt(i)!;
      if (!isWordChar(cp)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    let flags = 0;
    for (;;) {
      if (i >= to) break;
      c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD[c] === 1) {
          if (c <= 0x5a && c >= 0x41) flags |= UPPER;
          i++;
          continue;
        }
        if (c === 0x27 && i > start && i + 1 < to && isWordCharAt(text, i + 1)) {
          flags |= APOSTROPHE;
          i++;
          continue;
        }
        break;
      }
      const cp = text.codePointAt(i)!;
      if (isWordChar(cp)) {
        flags |= SLOW;
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      if (isApostrophe(cp) && i > start && i + 1 < to && isWordCharAt(text, i + 1)) {
        flags |= SLOW;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    // U.S., U.K., e.g.: a run of single letters each followed by a full stop.
    if (end - start === 1 && text.charCodeAt(end) === 0x2e && end + 2 <= to && isLetterAt(text, end + 1) && !isWordChar(text.charCodeAt(end + 2) || 0x20)) {
      let j = end;
      while (j + 2 <= to && text.charCodeAt(j) === 0x2e && isLetterAt(text, j + 1) && !isWordChar(text.charCodeAt(j + 2) || 0x20)) j += 2;
      if (j < to && text.charCodeAt(j) === 0x2e) j += 1;
      end = j;
      flags |= SLOW;
    }
    wordStart = start;
    wordFlags = flags;
    return end;
  }
  return -1;
}

/** 1 for ASCII letters and digits (for tokenizers with their own fast path). */
export const ASCII_WORD_TABLE: Readonly<Uint8Array> = ASCII_WORD;

/** The normalised form of a scanned word. */
export function wordText(text: string, start: number, end: number, flags: number): string {
  const raw = text.slice(start, end);
  if (flags === 0) return raw;
  if (flags & SLOW) return normalizeWord(text.charCodeAt(start + 1) === 0x2e ? raw.replace(/\./g, "") : raw);
  const lower = flags & UPPER ? raw.toLowerCase() : raw;
  return flags & APOSTROPHE ? lower.replace(/'/g, "") : lower;
}

/** Splits text into words with their offsets. */
export function tokenize(text: string, from = 0, to = text.length): WordList {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  scanWords(text, from, to, (start, end, flags) => {
    words.push(wordText(text, start, end, flags));
    starts.push(start);
    ends.push(end);
  });
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? ASCII_WORD[c] === 1 : isWordChar(text.codePointAt(i)!);
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Only the offsets of the words of `text` (no word strings): what mapping a match back needs. */
export function wordOffsets(text: string): { starts: Int32Array; ends: Int32Array } {
  let starts = new Int32Array(Math.max(16, text.length >> 2));
  let ends = new Int32Array(starts.length);
  let n = 0;
  scanWords(text, 0, text.length, (start, end) => {
    if (n === starts.length) {
      const s = new Int32Array(n * 2);
      s.set(starts);
      starts = s;
      const e = new Int32Array(n * 2);
      e.set(ends);
      ends = e;
    }
    starts[n] = start;
    ends[n++] = end;
  });
  return { starts: starts.slice(0, n), ends: ends.slice(0, n) };
}
