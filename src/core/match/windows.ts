/**
 * From seed positions to the few source windows worth aligning a quote against: hits within one
 * quote length of each other in the same document are one window, voted for by each of the
 * quotation's 3-grams (or seed words) found in it — once, however often it recurs there, so a
 * window over boilerplate repeating a few of the quote's 3-grams never outranks a window holding
 * many of them (the exact copy); the windows with the most votes are kept (ties: earlier
 * document, earlier position; every window tying the best one, up to `MAX_TIED`), widened by a
 * quote length each side.
 */
import type { Corpus } from "../corpus/corpus";
import type { HitBuffer } from "../corpus/ngramIndex";

export interface Window {
  doc: number;
  /** Global word positions, end exclusive once widened. */
  from: number;
  to: number;
  /** How many distinct keys (quotation 3-grams or seed words) found it. */
  votes: number;
}

/** How many candidate windows get a full alignment. */
export const MAX_CANDIDATES = 8;
/**
 * How many windows with the best window's votes are aligned, beyond `MAX_CANDIDATES`: words
 * reprinted word for word in many sources (a wire story in every paper) are all equally good
 * candidates, and cutting them by document order could drop the one that credits the draft's
 * speaker — and accuse the draft of a misattribution on the strength of the others.
 */
export const MAX_TIED = 64;

/** Packed (position, key) pairs, reused by every query. */
let packed = new Float64Array(1024);
/** The last window each key voted for (window numbers from `stamp`), reused. */
let votedIn = new Int32Array(64);
let stamp = 0;

/**
 * `keys[k]` says which of `keyCount` keys (quotation 3-grams or seed words) found `hits[k]`: a
 * window gets one vote from each key found in it. Linear in the hits once they are sorted.
 */
export function candidateWindows(corpus: Corpus, hits: HitBuffer, keys: HitBuffer, keyCount: number, quoteLength: number): Window[] {
  const n = hits.length;
  // position × width + key stays below 2^53 for any position (< 2^31); keys past 2^22 (a quote of
  // millions of words) share the last one.
  const width = Math.min(Math.max(1, keyCount), 1 << 22);
  if (packed.length < n) packed = new Float64Array(Math.max(n, packed.length * 2));
  for (let k = 0; k < n; k++) packed[k] = hits.data[k] * width + Math.min(keys.data[k], width - 1);
  const sorted = packed.subarray(0, n).sort();
  if (votedIn.length < width) votedIn = new Int32Array(Math.max(width, votedIn.length * 2));
  // Window numbers only grow; start afresh long before they could wrap.
  if (stamp > 0x3fffffff) {
    votedIn.fill(0);
    stamp = 0;
  }
  const reach = quoteLength + 8;
  const top: Window[] = [];
  let current: Window | undefined;
  let docStart = 0;
  let docEnd = -1;
  let doc = -1;
  // Windows with the best votes so far that `top` had no room for (reset when a better one comes).
  let tied: Window[] = [];
  const close = () => {
    if (!current) return;
    const bestVotes = top.length ? top[0].votes : 0;
    if (current.votes > bestVotes) tied = [];
    const full = top.length === MAX_CANDIDATES;
    const dropped = full ? top[MAX_CANDIDATES - 1] : undefined;
    keepBest(top, current);
    // The window `top` let go (or refused), kept aside while it ties the best.
    const out = full ? (top.includes(current) ? dropped! : current) : undefined;
    if (out && out.votes === top[0].votes && tied.length < MAX_TIED - MAX_CANDIDATES) tied.push(out);
  };
  for (let k = 0; k < sorted.length; k++) {
    const p = Math.floor(sorted[k] / width);
    const key = sorted[k] - p * width;
    if (p < docStart || p >= docEnd) {
      doc = corpus.docAt(p);
      if (doc < 0) {
        // A tombstone: a replaced or deleted file's words.
        docEnd = -1;
        continue;
      }
      docStart = corpus.documents[doc].firstWord;
      docEnd = docStart + corpus.documents[doc].wordCount;
    }
    if (current && current.doc === doc && p - current.to <= reach) {
      current.to = p;
    } else {
      close();
      current = { doc, from: p, to: p, votes: 0 };
      stamp++;
    }
    if (votedIn[key] !== stamp) {
      votedIn[key] = stamp;
      current.votes++;
    }
  }
  close();
  // Only windows still tying the best are kept (a better window may have come after them).
  for (const w of tied) if (w.votes === top[0].votes) top.push(w);
  for (const w of top) {
    const d = corpus.documents[w.doc];
    w.from = Math.max(d.firstWord, w.from - quoteLength - 8);
    w.to = Math.min(d.firstWord + d.wordCount, w.to + quoteLength + 8);
  }
  return top;
}

/** Inserts `w` into `top` (best first, at most `MAX_CANDIDATES`). */
function keepBest(top: Window[], w: Window): void {
  const before = (a: Window, b: Window) => a.votes > b.votes || (a.votes === b.votes && (a.doc < b.doc || (a.doc === b.doc && a.from < b.from)));
  if (top.length === MAX_CANDIDATES && !before(w, top[MAX_CANDIDATES - 1])) return;
  let k = Math.min(top.length, MAX_CANDIDATES - 1);
  top[k] = w;
  while (k > 0 && before(w, top[k - 1])) {
    top[k] = top[k - 1];
    top[k - 1] = w;
    k--;
  }
}
