/**
 * Word ↔ dense integer id. An open-addressing table over FNV hashes of the normalised word lets
 * the corpus tokenizer look a word up straight from the text, without making a string for every
 * word it reads (only new words become strings).
 */
import { APOSTROPHE, SLOW, UPPER, wordText } from "../text/words";

const EMPTY = 0;

export class Vocabulary {
  readonly words: string[] = [];
  private hashes: number[] = [];
  /** id + 1 per slot, 0 when empty. */
  private table = new Int32Array(1 << 12);
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
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === EMPTY) return -1;
      if (this.hashes[v - 1] === h && same(v - 1)) return v - 1;
    }
  }

  private add(word: string, h: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    if (this.words.length * 2 > this.table.length) this.grow();
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    let slot = h & this.mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]);
  }

  static fromWords(words: string[]): Vocabulary {
    const v = new Vocabulary();
    for (const w of words) v.id(w);
    return v;
  }
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
