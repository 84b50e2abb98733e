/**
 * Finds where a quotation's words stand in the sources: seeds from the trigram index (or, for
 * short or heavily edited quotes, from rare single words), grouped into a few candidate windows,
 * each aligned word by word. Returns the candidates best first, each mapped back to exact
 * character offsets in its source file and to the source quotation (and speaker) it falls in.
 */
import type { Corpus, Vocabulary } from "../corpus/corpus";
import { HitBuffer } from "../corpus/ngramIndex";
import type { SourceDocument } from "../corpus/sourceDocument";
import { stopwordSet } from "../lexicon";
import type { Span } from "../document/layout";
import type { AttributedQuote } from "../speakers/attribute";
import { type Alignment, alignIds } from "./align";
import { diceBound, diceSimilarity, sharedBigramCount, squeezedLength } from "./dice";
import type { QuoteWords } from "./quoteWords";
import { candidateWindows } from "./windows";

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

const STOP_WEIGHT = 0.3;

export function wordWeight(word: string): number {
  return stopwordSet.has(word) ? STOP_WEIGHT : 1;
}

/** Seed positions, reused by every query. */
const hits = new HitBuffer();
/** For each seed position, which of the quotation's 3-grams (or seed words) found it. */
const hitKeys = new HitBuffer();
/** Source word weights of the window being aligned, reused. */
let sWeight = new Float64Array(256);
const BOUNDARY = /[.!?\n\u201c\u201d"]/;

/**
 * The candidate passages for a quotation, best first. `quotesOf` gives a document's attributed
 * quotations (and so the speaker of a passage); without it passages have no `sourceQuote` yet
 * (see `attachSourceQuote`). With `minSimilarity`, only the passages a verdict could rest on —
 * exact ones, and those at least that similar — are returned, and the others' sources never read.
 */
export function findPassages(corpus: Corpus, quote: QuoteWords, quotesOf?: (doc: number) => AttributedQuote[], minSimilarity?: number): Passage[] {
  const m = quote.words.length;
  if (m === 0 || corpus.wordCount === 0) return [];
  const ids = quote.words.map((w) => corpus.vocabulary.find(w));
  hits.length = 0;
  hitKeys.length = 0;
  const keyCount = seedHits(corpus, ids, quote.gapBefore);
  const windows = candidateWindows(corpus, hits, hitKeys, keyCount, m);
  const qWeight = quote.words.map(wordWeight);
  const optionalFirst = quote.words[0] === "and" || quote.words[0] === "but";
  const stop = stopFlags(corpus);
  const vocabulary = corpus.vocabulary;
  const passages: Passage[] = [];
  for (const w of windows) {
    const doc = corpus.documents[w.doc];
    const from = w.from - doc.firstWord;
    const sIds = corpus.wordIds(w.from, w.to);
    if (sWeight.length < sIds.length) sWeight = new Float64Array(sIds.length * 2);
    for (let j = 0; j < sIds.length; j++) sWeight[j] = stop[sIds[j]] === 1 ? STOP_WEIGHT : 1;
    // Only a changed first or last word asks this, so the text is read only then.
    const boundaryAfter = (j: number) => {
      const { starts, ends } = doc.offsets;
      return BOUNDARY.test(doc.text.slice(ends[from + j], starts[from + j + 1] ?? ends[from + j]));
    };
    const weights = sWeight.subarray(0, sIds.length);
    // Before the source is read (for the boundaries a changed edge word may cross): could any
    // reading of those boundaries give a passage worth keeping? If not, the source is never read.
    if (minSimilarity !== undefined && !couldKeep(alignIds(ids, qWeight, quote.gapBefore, sIds, weights, () => false, optionalFirst), quote.words, sIds, vocabulary, optionalFirst, minSimilarity)) continue;
    const alignment = alignIds(ids, qWeight, quote.gapBefore, sIds, weights, boundaryAfter, optionalFirst);
    if (alignment.matchedWeight === 0) continue;
    const sourceWords: string[] = [];
    for (const op of alignment.ops) if (op.op !== "ins" && !(op.op === "del" && op.free)) sourceWords.push(vocabulary.word(sIds[op.s]));
    const similarity = alignment.exact ? 1 : diceSimilarity(quote.words, sourceWords);
    // A passage no verdict can rest on is dropped before its source is read (on an archive, most are).
    if (minSimilarity !== undefined && !alignment.exact && similarity < minSimilarity) continue;
    const local = doc.offsets;
    // The file no longer holds the words it was indexed with (changed on disk, index not updated).
    if (doc.stale) continue;
    const start = local.starts[from + alignment.sStart];
    const end = local.ends[from + alignment.sEnd - 1];
    const passage: Passage = { document: doc, documentIndex: w.doc, start, end, text: doc.text.slice(start, end), alignment, similarity, sourceWords, windowStart: from };
    if (quotesOf) passage.sourceQuote = quoteAt(quotesOf(w.doc), start, end);
    passages.push(passage);
  }
  return passages.sort(
    (a, b) => Number(b.alignment.exact) - Number(a.alignment.exact) || b.alignment.score - a.alignment.score || b.similarity - a.similarity,
  );
}

/**
 * Whether a passage aligned with no sentence boundaries read could be kept once they are: the
 * boundaries only turn a changed word at an edge into a missing one (`trimEdges`) — the outermost
 * first, as a boundary that a changed word crosses is crossed by every changed word beyond it —
 * so each count of leading and trailing changed words turned is tried. Most windows of an
 * unsourced quotation share few letters with it: a bound from the untrimmed words' shared bigrams
 * (`diceBound`) rules a reading out before its similarity is computed.
 */
function couldKeep(base: Alignment, quoteWords: readonly string[], sIds: Int32Array, vocabulary: Vocabulary, optionalFirst: boolean, minSimilarity: number): boolean {
  const { ops } = base;
  const firstMatch = ops.findIndex((o) => o.op === "match");
  if (firstMatch < 0) return true;
  let lastMatch = ops.length - 1;
  while (ops[lastMatch].op !== "match") lastMatch--;
  const lead: number[] = [];
  const trail: number[] = [];
  ops.forEach((o, k) => o.op === "sub" && (k < firstMatch ? lead.push(k) : k > lastMatch && trail.push(k)));
  // The source words a reading keeps, with `turned` left out; and whether it is exact.
  const reading = (turned: Set<number>, words?: string[]) => {
    let exact = true;
    ops.forEach((op, k) => {
      if (turned.has(k)) {
        if (!((op as { q: number }).q === 0 && optionalFirst)) exact = false;
        return;
      }
      if (op.op === "match") words?.push(vocabulary.word(sIds[op.s]));
      else if (op.op === "sub") {
        words?.push(vocabulary.word(sIds[op.s]));
        exact = false;
      } else if (op.op === "del") {
        if (!op.free) {
          words?.push(vocabulary.word(sIds[op.s]));
          exact = false;
        }
      } else if (!(op.q === 0 && optionalFirst)) exact = false;
    });
    return exact;
  };
  // Only the reading with every changed edge word turned can be exact: a changed word kept never is.
  if (reading(new Set([...lead, ...trail]))) return true;
  const all: string[] = [];
  reading(new Set(), all);
  const shared = sharedBigramCount(quoteWords, all);
  let quoteLength = 0;
  for (const w of quoteWords) quoteLength += squeezedLength(w);
  let allLength = 0;
  for (const w of all) allLength += squeezedLength(w);
  const lengthOf = (k: number) => squeezedLength(vocabulary.word(sIds[(ops[k] as { s: number }).s]));
  // Squeezed length of the first `a` leading and the last `b` trailing changed words.
  const leadLength = [0];
  for (const k of lead) leadLength.push(leadLength[leadLength.length - 1] + lengthOf(k));
  const trailLength = [0];
  for (let i = trail.length - 1; i >= 0; i--) trailLength.push(trailLength[trailLength.length - 1] + lengthOf(trail[i]));
  for (let a = 0; a <= lead.length; a++) {
    for (let b = 0; b <= trail.length; b++) {
      if (diceBound(shared, a + b, quoteLength, allLength - leadLength[a] - trailLength[b]) < minSimilarity) continue;
      const turned = new Set([...lead.slice(0, a), ...trail.slice(trail.length - b)]);
      const words: string[] = [];
      reading(turned, words);
      if (diceSimilarity(quoteWords, words) >= minSimilarity) return true;
    }
  }
  return false;
}

/** Global positions where the quote's trigrams (or, failing those, its rarer words) occur, into `hits`. */
/**
 * Fills `hits` with seed positions and `hitKeys` with what found each one (a quotation 3-gram's
 * index, or a seed word's rank); returns how many keys there can be.
 */
function seedHits(corpus: Corpus, ids: number[], gapBefore: boolean[]): number {
  const index = corpus.index;
  const usable = (i: number) => ids[i] >= 0 && ids[i + 1] >= 0 && ids[i + 2] >= 0 && !gapBefore[i + 1] && !gapBefore[i + 2];
  const keyUpTo = (key: number) => {
    while (hitKeys.length < hits.length) hitKeys.push(key);
  };
  for (let i = 0; i + 2 < ids.length; i++) {
    if (usable(i)) index.trigramInto(ids[i], ids[i + 1], ids[i + 2], hits);
    keyUpTo(i);
  }
  if (hits.length > 0) return ids.length;
  // Short quotes, or quotes so edited that no three words survive together: rarest words first.
  const words = [...new Set(ids.filter((id) => id >= 0 && !stopwordSet.has(corpus.vocabulary.word(id))))];
  if (words.length === 0 && ids.length <= 3) words.push(...new Set(ids.filter((id) => id >= 0)));
  words.sort((a, b) => index.wordCount(a) - index.wordCount(b));
  const seedWords = words.slice(0, 4);
  for (let k = 0; k < seedWords.length; k++) {
    const id = seedWords[k];
    if (index.wordCount(id) > 5000) break;
    for (const p of index.word(id)) hits.push(p);
    keyUpTo(k);
  }
  if (hits.length > 0) return seedWords.length;
  // Every 3-gram is over the cap (boilerplate repeated across the archive): their sampled positions.
  for (let i = 0; i + 2 < ids.length; i++) {
    if (usable(i)) index.cappedInto(ids[i], ids[i + 1], ids[i + 2], hits);
    keyUpTo(i);
  }
  return ids.length;
}

/** 1 for each vocabulary id that is a stopword (kept per vocabulary size: ids only grow). */
const stopCache = new WeakMap<Corpus, Uint8Array>();
function stopFlags(corpus: Corpus): Uint8Array {
  let flags = stopCache.get(corpus);
  if (!flags || flags.length < corpus.vocabulary.size) {
    flags = new Uint8Array(corpus.vocabulary.size);
    for (const w of stopwordSet) {
      const id = corpus.vocabulary.find(w);
      if (id >= 0) flags[id] = 1;
    }
    stopCache.set(corpus, flags);
  }
  return flags;
}

/**
 * The source quotation overlapping a character range most, if any. When two hold the words
 * equally, one inside the other — a quotation with its own speaker inside a transcript turn
 * (`C: … "…," said Ada Doe.`) — the inner one is whose words they are (the turn's speaker
 * reports them); the answer does not depend on the order the quotations come in.
 */
export function quoteAt(quotes: readonly AttributedQuote[], start: number, end: number): AttributedQuote | undefined {
  let best: AttributedQuote | undefined;
  let bestOverlap = 0;
  for (const q of quotes) {
    if (q.end <= start || q.start >= end) continue;
    let overlap = 0;
    for (const p of q.pieces) overlap += Math.max(0, Math.min(p.end, end) - Math.max(p.start, start));
    if (overlap > bestOverlap || (overlap === bestOverlap && best && q.speaker && nestedIn(q, best))) {
      best = q;
      bestOverlap = overlap;
    }
  }
  // The words must lie mostly inside the quotation to inherit its speaker.
  if (!best || bestOverlap < 0.6 * (end - start)) return undefined;
  // …and not (almost all) inside a quotation nested in it: those are words its speaker reports someone else
  // saying, never the speaker's own (a draft crediting them to the one first quoted is no
  // misattribution).
  const inner = best.inner?.find((s) => Math.min(s.end, end) - Math.max(s.start, start) >= 0.9 * (end - start));
  return inner ? reported(best, inner) : best;
}

/** The words of a quotation nested in `outer`, as a quotation of no known speaker that `outer`'s speaker reports. */
function reported(outer: AttributedQuote, inner: Span): AttributedQuote {
  const { speaker, speakerMention: _m, confidence: _c, candidates: _k, relayed: _r, cueVerb: _v, inner: _i, ...rest } = outer;
  return { ...rest, pieces: [inner], start: inner.start, end: inner.end, basis: "none", trace: { link: "none" }, scare: false, ...(speaker ? { reportedBy: speaker } : {}) };
}

/** Is `inner` inside `outer`, and shorter? */
function nestedIn(inner: AttributedQuote, outer: AttributedQuote): boolean {
  return inner.start >= outer.start && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start;
}
