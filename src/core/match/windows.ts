/**
 * From seed positions to the few source windows worth aligning a quote against: hits within one
 * quote length of each other in the same document are one window, voted for by each hit; the
 * windows with the most votes are kept (ties: earlier document, earlier position; every window
 * tying the best one, up to `MAX_TIED`), widened by a quote length each side.
 */
import type { Corpus } from "../corpus/corpus";
import type { HitBuffer } from "../corpus/ngramIndex";

export interface Window {
  doc: number;
  /** Global word positions, end exclusive once widened. */
  from: number;
  to: number;
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

export function candidateWindows(corpus: Corpus, hits: HitBuffer, quoteLength: number): Window[] {
  const sorted = hits.data.subarray(0, hits.length).sort();
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
    const p = sorted[k];
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
      current.votes++;
    } else {
      close();
      current = { doc, from: p, to: p, votes: 1 };
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
