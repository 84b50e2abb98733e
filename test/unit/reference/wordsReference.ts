/** Reference copy of the original regex tokenizer (kept to test the fast one against).
 *
 * Word tokens with their exact character offsets.
 *
 * Matching works on words, not characters: case, punctuation, curly/straight quotes, dashes and
 * whitespace all drop out, and every word keeps the UTF-16 span it came from so a match maps back
 * to an exact range of the original text.
 */

export interface WordList {
  /** Normalised words: lower case, no apostrophes or diacritics, NFKC. */
  readonly words: string[];
  /** Offset of each word's first code unit in the original text. */
  readonly starts: Int32Array;
  /** Offset just past each word's last code unit. */
  readonly ends: Int32Array;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0x2018]);
const wordCharRe = /[\p{L}\p{N}\p{M}]/u;

/** Reference copy of the original regex tokenizer (kept to test the fast one against).
 * True for letters, digits and combining marks, with a fast path for ASCII. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  return wordCharRe.test(String.fromCodePoint(code));
}

const combiningRe = /\p{M}+/gu;
const nonAsciiRe = /[^\x00-\x7f]/;

/** Reference copy of the original regex tokenizer (kept to test the fast one against).
 * Lower-cases a raw word and folds away what readers do not see as a difference. */
export function normalizeWord(raw: string): string {
  let w = raw;
  if (nonAsciiRe.test(w)) w = w.normalize("NFKD").replace(combiningRe, "").normalize("NFKC");
  w = w.toLowerCase();
  if (w.includes("'") || w.includes("\u2019") || w.includes("\u02bc") || w.includes("\u2018")) {
    w = w.replace(/['\u2019\u02bc\u2018]/g, "");
  }
  return w;
}

/** Reference copy of the original regex tokenizer (kept to test the fast one against).
 *
 * Splits text into words. An apostrophe between two word characters joins them (`don't` is one
 * word, `users'` is `users`); single letters joined by full stops are one word (`U.S.` = `US`).
 */
export function tokenize(text: string, from = 0, to = text.length): WordList {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = from;
  while (i < to) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (!isWordChar(code)) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      if (i >= to) break;
      const c = text.codePointAt(i)!;
      if (isWordChar(c)) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
      if (APOSTROPHES.has(c) && i + 1 < to && isWordChar(text.codePointAt(i + 1)!)) {
        i += 1;
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
      i = j;
      words.push(normalizeWord(text.slice(start, end).replace(/\./g, "")));
    } else {
      words.push(normalizeWord(text.slice(start, end)));
    }
    starts.push(start);
    ends.push(end);
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
