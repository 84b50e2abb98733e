/**
 * A source's text as word ids, new words added to the vocabulary: the indexing hot loop. Plain
 * ASCII words are hashed while they are scanned and looked up without a string; anything else
 * (non-ASCII, apostrophes, `U.S.`) goes through the general scanner, so the ids are exactly
 * those of `scanWords` + `Vocabulary.idOfRange` (tested).
 */
import { ASCII_WORD_TABLE, nextWord, UPPER, wordFlags, wordStart } from "../text/words";
import { HitBuffer } from "./ngramIndex";
import type { Vocabulary } from "./vocabulary";

const scratch = new HitBuffer();

/** The word ids of a text, new words added to the vocabulary. */
export function tokenizeIds(text: string, vocabulary: Vocabulary): Int32Array {
  scratch.length = 0;
  tokenizeInto(text, vocabulary, scratch);
  return scratch.data.slice(0, scratch.length);
}

/** Appends the word ids of a text to `out`. */
export function tokenizeInto(text: string, vocabulary: Vocabulary, out: HitBuffer): void {
  const n = text.length;
  const word = ASCII_WORD_TABLE;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 0x80 && word[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let flags = 0;
    if (c < 0x80) {
      do {
        if (c <= 0x5a && c >= 0x41) {
          c += 32;
          flags = UPPER;
        }
        h = Math.imul(h ^ c, 0x01000193);
        if (++i >= n) break;
        c = text.charCodeAt(i);
      } while (c < 0x80 && word[c] === 1);
      // Not a plain word when it goes on past an apostrophe or a non-ASCII character, or is a `U.S.`.
      if (i >= n || (c !== 0x27 && c < 0x80 && !(c === 0x2e && i - start === 1))) {
        out.push(vocabulary.idOfHashed(text, start, i, h >>> 0, flags));
        continue;
      }
    }
    const end = nextWord(text, start, n);
    if (end < 0) break;
    out.push(vocabulary.idOfRange(text, wordStart, end, wordFlags));
    i = end;
  }
}
