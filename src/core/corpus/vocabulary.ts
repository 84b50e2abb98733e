/**
 * Word ↔ dense integer id. An open-addressing table over FNV hashes of the normalised word lets
 * the corpus tokenizer look a word up straight from the text, without making a string for every
 * word it reads (only new words become strings).
 *
 * A saved vocabulary is this very table and its words as one block of UTF-16 code units
 * (`stored`): a reloaded vocabulary looks words up in them as they are — read page by page when
 * the index is paged — and makes a string of a word only when asked for it, so a warm start
 * neither parses nor re-hashes the archive's words.
 */
import type { IndexArray, PagedArrays } from "./pagedArrays";
import { APOSTROPHE, SLOW, UPPER, wordText } from "../text/words";

const EMPTY = 0;

/** A vocabulary as saved: its table, and its words end to end (`chars[offsets[id] .. offsets[id + 1]]`). */
export interface StoredVocabulary {
  table: Int32Array;
  offsets: Uint32Array;
  chars: Uint16Array;
}

export class Vocabulary {
  private list: string[] = [];
  /** Per slot: id + 1 (0 when empty), then the word's hash, side by side (one cache line per probe). */
  private table: Int32Array = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  /** The saved words, until every word has been made a string (`materialize`). */
  private stored?: { offsets: Uint32Array; chars: Uint16Array; size: number; pages?: PagedArrays };

  /** Every word, by id (makes a string of each saved word: for saving and tests, not for look-ups). */
  get words(): readonly string[] {
    this.materialize();
    return this.list;
  }

  /** The word of an id. */
  word(id: number): string {
    const s = this.stored;
    if (!s) return this.list[id];
    let w = this.list[id];
    if (w === undefined && id >= 0 && id < s.size) {
      s.pages?.need(s.offsets, id, id + 2);
      const from = s.offsets[id];
      const to = s.offsets[id + 1];
      s.pages?.need(s.chars, from, to);
      w = this.list[id] = charsToString(s.chars, from, to);
    }
    return w;
  }

  /** The id of a word, adding it when new. */
  id(word: string): number {
    const h = hashString(word);
    const found = this.probe(h, (id) => this.word(id) === word);
    if (found >= 0) return found;
    this.materialize();
    return this.add(word, h);
  }

  /** The id of the scanned word `text[start, end)` (see `scanWords`), adding it when new. */
  idOfRange(text: string, start: number, end: number, flags: number): number {
    this.materialize();
    if (flags & SLOW) return this.id(wordText(text, start, end, flags));
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c === 0x27) continue;
      if (c <= 0x5a && c >= 0x41) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h >>>= 0;
    const found = this.probe(h, (id) => sameWord(this.list[id], text, start, end, flags));
    return found >= 0 ? found : this.add(wordText(text, start, end, flags), h);
  }

  /**
   * `idOfRange` for a plain ASCII word (no apostrophe, no `SLOW` flag) whose FNV hash of the
   * lower-cased text the caller computed while scanning it.
   */
  idOfHashed(text: string, start: number, end: number, h: number, flags: number): number {
    if (this.stored) this.materialize();
    const { table, mask, list: words } = this;
    const h32 = h | 0;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[2 * slot];
      if (v === EMPTY) break;
      if (table[2 * slot + 1] === h32 && sameWord(words[v - 1], text, start, end, flags)) return v - 1;
    }
    return this.add(wordText(text, start, end, flags), h);
  }

  /** The id of a known word, or -1. */
  find(word: string): number {
    const h = hashString(word);
    return this.probe(h, (id) => this.word(id) === word);
  }

  get size(): number {
    return this.stored ? this.stored.size : this.list.length;
  }

  private probe(h: number, same: (id: number) => boolean): number {
    const { table, mask } = this;
    const pages = this.stored?.pages;
    const h32 = h | 0;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      pages?.need(table, 2 * slot, 2 * slot + 2);
      const v = table[2 * slot];
      if (v === EMPTY) return -1;
      if (table[2 * slot + 1] === h32 && same(v - 1)) return v - 1;
    }
  }

  private add(word: string, h: number): number {
    const id = this.list.length;
    this.list.push(detach(word));
    if (this.list.length * 2 > this.mask + 1) this.grow();
    this.place(id, h);
    return id;
  }

  /** Puts a word's id in the table (the table is big enough). */
  private place(id: number, h: number): void {
    let slot = h & this.mask;
    while (this.table[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = id + 1;
    this.table[2 * slot + 1] = h | 0;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length / 2 - 1;
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== EMPTY) this.place(old[slot] - 1, old[slot + 1] >>> 0);
  }

  static fromWords(words: string[]): Vocabulary {
    const v = new Vocabulary();
    // Sized once, not grown word by word.
    let slots = 1 << 12;
    while (slots < words.length * 2 + 2) slots *= 2;
    v.table = new Int32Array(2 * slots);
    v.mask = slots - 1;
    // Saved words are strings of their own (no slices to detach).
    for (const w of words) if (v.find(w) < 0) v.place(v.list.push(w) - 1, hashString(w));
    return v;
  }

  /** The vocabulary as saved (see `fromStored`): its table as it is, its words end to end. */
  toStored(): StoredVocabulary {
    const words = this.words;
    const offsets = new Uint32Array(words.length + 1);
    let n = 0;
    for (let i = 0; i < words.length; i++) offsets[i + 1] = n += words[i].length;
    const chars = new Uint16Array(n);
    for (let i = 0, at = 0; i < words.length; i++) {
      const w = words[i];
      for (let k = 0; k < w.length; k++) chars[at++] = w.charCodeAt(k);
    }
    return { table: this.table, offsets, chars };
  }

  /**
   * A vocabulary over its saved table and words, used as they are (no word is hashed or made a
   * string until looked up). The table must be this build's (the store's checksum and build
   * identity say so); `pages`, when the arrays are read lazily, is asked for what a look-up reads.
   */
  static fromStored(stored: StoredVocabulary, pages?: PagedArrays): Vocabulary {
    const slots = stored.table.length >> 1;
    if (slots < 2 || (slots & (slots - 1)) !== 0 || stored.offsets.length < 1) throw new Error("vocabulary table is damaged");
    const v = new Vocabulary();
    v.table = stored.table;
    v.mask = slots - 1;
    const size = stored.offsets.length - 1;
    // Words made strings as they are asked for, by id (sparse: no 330,000-slot array up front).
    v.list = [];
    v.stored = { offsets: stored.offsets, chars: stored.chars, size, pages };
    return v;
  }

  /** Makes every saved word a string (before words are added, or all of them are read). */
  private materialize(): void {
    const s = this.stored;
    if (!s) return;
    s.pages?.need(s.offsets, 0, s.offsets.length);
    s.pages?.need(s.chars, 0, s.chars.length);
    s.pages?.need(this.table, 0, this.table.length);
    const list: string[] = [];
    for (let id = 0; id < s.size; id++) list.push(this.list[id] ?? charsToString(s.chars, s.offsets[id], s.offsets[id + 1]));
    this.list = list;
    this.stored = undefined;
  }
}

/** The arrays a stored vocabulary reads (to register with `PagedArrays`). */
export function storedArrays(s: StoredVocabulary): IndexArray[] {
  return [s.table, s.offsets, s.chars];
}

function charsToString(chars: Uint16Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i += 4096) out += String.fromCharCode.apply(null, chars.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return out;
}

/**
 * A copy of `word` that does not point into the text it was cut from: V8 makes a slice of 13 or
 * more characters a view of its parent, and a vocabulary of such views would keep every source
 * text it ever read alive.
 */
function detach(word: string): string {
  if (word.length < 13) return word;
  let copy = "";
  for (let i = 0; i < word.length; i += 4096) copy += String.fromCharCode(...Array.from({ length: Math.min(4096, word.length - i) }, (_, k) => word.charCodeAt(i + k)));
  return copy;
}

function hashString(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Does the ASCII word `text[start, end)`, lower-cased without apostrophes, equal `word`? */
function sameWord(word: string, text: string, start: number, end: number, flags: number): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x27 && flags & APOSTROPHE) continue;
    if (flags & UPPER && c <= 0x5a && c >= 0x41) c += 32;
    if (word.charCodeAt(k++) !== c) return false;
  }
  return k === word.length;
}
