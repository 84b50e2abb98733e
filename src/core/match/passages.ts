/**
 * Finds where a quotation's words stand in the sources: seeds from the trigram index (or, for
 * short or heavily edited quotes, from rare single words), grouped into a few candidate windows,
 * each aligned word by word. Returns the candidates best first, each mapped back to exact
 * character offsets in its source file and to the source quotation (and speaker) it falls in.
 */
import stringSimilarity from "string-similarity";
import type { Corpus, SourceDocument } from "../corpus/corpus";
import { stopwordSet } from "../lexicon";
import type { AttributedQuote } from "../speakers/attribute";
import { type Alignment, align } from "./align";
import type { QuoteWords } from "./quoteWords";

export interface Passage {
  document: SourceDocument;
  /** The document's position in `corpus.documents`. */
  documentIndex: number;
  /** Character range of the matched words in the source text. */
  start: number;
  end: number;
  text: string;
  alignment: Alignment;
  /** string-similarity score of the quote's words against the aligned source words (1 = identical). */
  similarity: number;
  /** The source's own quotation holding these words, and so their speaker. */
  sourceQuote?: AttributedQuote;
  /** Source words aligned to the quote (free skips at ellipses left out), for diffs. */
  sourceWords: string[];
  /** The document word index where the aligned window starts (alignment `s` indices are relative to it). */
  windowStart: number;
}

/** How many candidate windows get a full alignment. */
const MAX_CANDIDATES = 8;

export function wordWeight(word: string): number {
  return stopwordSet.has(word) ? 0.3 : 1;
}

interface Window {
  doc: number;
  from: number; // global word positions
  to: number;
  votes: number;
}

/**
 * The candidate passages for a quotation, best first. `quotesOf` gives a document's attributed
 * quotations (and so the speaker of a passage); without it passages have no `sourceQuote` yet
 * (see `attachSourceQuote`).
 */
export function findPassages(corpus: Corpus, quote: QuoteWords, quotesOf?: (doc: number) => AttributedQuote[]): Passage[] {
  const m = quote.words.length;
  if (m === 0 || corpus.wordCount === 0) return [];
  const ids = quote.words.map((w) => corpus.vocabulary.find(w));
  const hits = seedHits(corpus, ids, quote.gapBefore);
  const windows = groupHits(corpus, hits, m);
  const qWeight = quote.words.map(wordWeight);
  const vocabulary = corpus.vocabulary.words;
  const passages: Passage[] = [];
  for (const w of windows.slice(0, MAX_CANDIDATES)) {
    const doc = corpus.documents[w.doc];
    const from = w.from - doc.firstWord;
    const sWords: string[] = [];
    for (let p = w.from; p < w.to; p++) sWords.push(vocabulary[corpus.ids[p]]);
    const local = doc.words;
    const boundaryAfter = (j: number) => /[.!?\n\u201c\u201d"]/.test(doc.text.slice(local.ends[from + j], local.starts[from + j + 1] ?? local.ends[from + j]));
    const alignment = align(quote.words, qWeight, quote.gapBefore, sWords, sWords.map(wordWeight), boundaryAfter);
    if (alignment.matchedWeight === 0) continue;
    const firstWord = from + alignment.sStart;
    const lastWord = from + alignment.sEnd - 1;
    const start = local.starts[firstWord];
    const end = local.ends[lastWord];
    const sourceWords: string[] = [];
    for (const op of alignment.ops) if (op.op !== "ins" && !(op.op === "del" && op.free)) sourceWords.push(sWords[op.s]);
    const similarity = alignment.exact ? 1 : stringSimilarity.compareTwoStrings(quote.words.join(" "), sourceWords.join(" "));
    const passage: Passage = { document: doc, documentIndex: w.doc, start, end, text: doc.text.slice(start, end), alignment, similarity, sourceWords, windowStart: from };
    if (quotesOf) passage.sourceQuote = quoteAt(quotesOf(w.doc), start, end);
    passages.push(passage);
  }
  return passages.sort(
    (a, b) => Number(b.alignment.exact) - Number(a.alignment.exact) || b.alignment.score - a.alignment.score || b.similarity - a.similarity,
  );
}

/** Global positions where the quote's trigrams (or, failing those, its rarer words) occur. */
function seedHits(corpus: Corpus, ids: number[], gapBefore: boolean[]): number[] {
  const hits: number[] = [];
  for (let i = 0; i + 2 < ids.length; i++) {
    if (ids[i] < 0 || ids[i + 1] < 0 || ids[i + 2] < 0 || gapBefore[i + 1] || gapBefore[i + 2]) continue;
    corpus.index.trigram(ids[i], ids[i + 1], ids[i + 2], hits);
  }
  if (hits.length > 0) return hits;
  // Short quotes, or quotes so edited that no three words survive together: rarest words first.
  const words = [...new Set(ids.filter((id) => id >= 0 && !stopwordSet.has(corpus.vocabulary.words[id])))];
  if (words.length === 0 && ids.length <= 3) words.push(...new Set(ids.filter((id) => id >= 0)));
  words.sort((a, b) => corpus.index.wordCount(a) - corpus.index.wordCount(b));
  for (const id of words.slice(0, 4)) {
    if (corpus.index.wordCount(id) > 5000) break;
    for (const p of corpus.index.word(id)) hits.push(p);
  }
  return hits;
}

/** Clusters hits that fall within one quote length of each other in the same document. */
function groupHits(corpus: Corpus, hits: number[], quoteLength: number): Window[] {
  hits.sort((a, b) => a - b);
  const windows: Window[] = [];
  const reach = quoteLength + 8;
  let current: Window | undefined;
  for (const p of hits) {
    const doc = corpus.docAt(p);
    if (current && current.doc === doc && p - current.to <= reach) {
      current.to = p;
      current.votes++;
    } else {
      current = { doc, from: p, to: p, votes: 1 };
      windows.push(current);
    }
  }
  for (const w of windows) {
    const docStart = corpus.documents[w.doc].firstWord;
    const docEnd = docStart + corpus.documents[w.doc].wordCount;
    w.from = Math.max(docStart, w.from - quoteLength - 8);
    w.to = Math.min(docEnd, w.to + quoteLength + 8);
  }
  return windows.sort((a, b) => b.votes - a.votes);
}

/** The source quotation overlapping a character range most, if any. */
export function quoteAt(quotes: readonly AttributedQuote[], start: number, end: number): AttributedQuote | undefined {
  let best: AttributedQuote | undefined;
  let bestOverlap = 0;
  for (const q of quotes) {
    if (q.end <= start || q.start >= end) continue;
    let overlap = 0;
    for (const p of q.pieces) overlap += Math.max(0, Math.min(p.end, end) - Math.max(p.start, start));
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  // The words must lie mostly inside the quotation to inherit its speaker.
  return best && bestOverlap >= 0.6 * (end - start) ? best : undefined;
}
