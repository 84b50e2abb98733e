/**
 * Word ↔ dense integer id. An open-addressing table over FNV hashes of the normalised word lets
 * the corpus tokenizer look a word up straight from the text, without making a string for every
 * word it reads (only new words become strings).
 */
import { APOSTROPHE, SLOW, UPPER, wordText } from "../text/words";

const EMPTY = 0;

export class Vocabulary {
  readonly words: string[] = [];
  /** Per slot: id + 1 (0 when empty), then the word's hash, side by side (one cache line per probe). */
  private table = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;

  /** The id of a word, adding it when new. */
  id(word: string): number {
    const h = hashString(word);
    const found = this.probe(h, (id) => this.words[id] === word);
    return found >= 0 ? found : this.add(word, h);
  }

  /** The id of the scanned word `text[start, end)` (see `scanWords`), adding it when new. */
  idOfRange(text: string, start: number, end: number, flags: number): number {
    if (flags & SLOW) return this.id(wordText(text, start, end, flags));
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c === 0x27) continue;
      if (c <= 0x5a && c >= 0x41) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h >>>= 0;
    const found = this.probe(h, (id) => sameWord(this.words[id], text, start, end, flags));
    return found >= 0 ? found : this.add(wordText(text, start, end, flags), h);
  }

  /**
   * `idOfRange` for a plain ASCII word (no apostrophe, no `SLOW` flag) whose FNV hash of the
   * lower-cased text the caller computed while scanning it.
   */
  idOfHashed(text: string, start: number, end: number, h: number, flags: number): number {
    const { table, mask, words } = this;
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
    return this.probe(h, (id) => this.words[id] === word);
  }

  get size(): number {
    return this.words.length;
  }

  private probe(h: number, same: (id: number) => boolean): number {
    const { table, mask } = this;
    const h32 = h | 0;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[2 * slot];
      if (v === EMPTY) return -1;
      if (table[2 * slot + 1] === h32 && same(v - 1)) return v - 1;
    }
  }

  private add(word: string, h: number): number {
    const id = this.words.length;
    this.words.push(detach(word));
    if (this.words.length * 2 > this.mask + 1) this.grow();
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
    for (const w of words) if (v.find(w) < 0) v.place(v.words.push(w) - 1, hashString(w));
    return v;
  }
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
