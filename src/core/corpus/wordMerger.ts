/**
 * Tokenizing a first build's sources on two threads with the ids of one. A reading thread
 * tokenizes some files into a vocabulary of its own (`LocalTokenizer`): each file's ids in that
 * vocabulary, and the words it added, in order. The service's thread, taking files in their order,
 * tokenizes the others itself and maps each tokenized file's ids into the build's vocabulary
 * (`WordMerger`), a word that is new to the build getting its id where it first occurs — so the
 * ids, the vocabulary and its table are exactly those of tokenizing every file in order on one
 * thread (tested). Mapping a file costs one look-up per distinct word new to the thread's
 * vocabulary and an array read per word; tokenizing it, a hash-table probe per word.
 */
import type { HitBuffer } from "./ngramIndex";
import { tokenizeIds } from "./tokenizeIds";
import { Vocabulary } from "./vocabulary";

/** A file's words tokenized by another thread, in that thread's vocabulary. */
export interface LocalWords {
  /** Which vocabulary: one per thread and build (its words come only from its own answers). */
  vocabulary: string;
  /** How many words that vocabulary had before this file (the first new word's id). */
  first: number;
  /** The words this file added to it, in order of their ids. */
  added: string[];
  /** The file's word ids in it. */
  ids: Int32Array;
}

/** A thread's side: one vocabulary per build (`key`), the latest few kept. */
export class LocalTokenizer {
  private readonly vocabularies = new Map<string, Vocabulary>();

  constructor(
    /** Unique to this thread's life (a restarted thread starts from an empty vocabulary). */
    private readonly thread: string,
    private readonly keep = 4,
  ) {}

  tokenize(key: string, text: string): LocalWords {
    let vocabulary = this.vocabularies.get(key);
    if (!vocabulary) {
      vocabulary = new Vocabulary();
      this.vocabularies.set(key, vocabulary);
      for (const old of this.vocabularies.keys()) if (this.vocabularies.size > this.keep) this.vocabularies.delete(old);
    }
    const first = vocabulary.size;
    const ids = tokenizeIds(text, vocabulary);
    const added: string[] = [];
    for (let id = first; id < vocabulary.size; id++) added.push(vocabulary.word(id));
    return { vocabulary: `${this.thread}\u0000${key}`, first, added, ids };
  }
}

/** The service's side: each thread vocabulary's words, and their ids in the build's vocabulary. */
export class WordMerger {
  private readonly threads = new Map<string, { words: string[]; ids: Int32Array }>();

  constructor(readonly vocabulary: Vocabulary) {}

  /**
   * Appends the file's ids in this vocabulary to `out`; false (nothing appended) when the thread's
   * words are not all known here (an answer of that thread was not merged), to tokenize the text here.
   */
  merge(words: LocalWords, out: HitBuffer): boolean {
    let t = this.threads.get(words.vocabulary);
    if (!t) this.threads.set(words.vocabulary, (t = { words: [], ids: new Int32Array(1024).fill(-1) }));
    if (words.first !== t.words.length) return false;
    for (const w of words.added) t.words.push(w);
    if (t.words.length > t.ids.length) {
      const bigger = new Int32Array(Math.max(t.words.length, t.ids.length * 2)).fill(-1);
      bigger.set(t.ids);
      t.ids = bigger;
    }
    const map = t.ids;
    const local = words.ids;
    const n = local.length;
    out.reserve(out.length + n);
    const data = out.data;
    let at = out.length;
    for (let i = 0; i < n; i++) {
      const l = local[i];
      let g = map[l];
      if (g < 0) g = map[l] = this.vocabulary.id(t.words[l]);
      data[at++] = g;
    }
    out.length = at;
    return true;
  }
}
