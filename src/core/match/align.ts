/**
 * Word-level alignment of a quotation against a window of source words: every quote word is
 * accounted for (matched, changed, or missing from the source), while the source may start and
 * end anywhere and skip freely at the quote's ellipses. Rare words weigh more than function words,
 * so "the accounts of" cannot outvote "unilaterally … innocent".
 */

export type AlignOp =
  | { op: "match"; q: number; s: number }
  | { op: "sub"; q: number; s: number }
  /** A quote word the source does not have here. */
  | { op: "ins"; q: number }
  /** A source word the quote left out. */
  | { op: "del"; s: number; free: boolean };

export interface Alignment {
  score: number;
  /** Source window word range covered by the alignment, end exclusive. */
  sStart: number;
  sEnd: number;
  ops: AlignOp[];
  /** Sum of the weights of matched quote words, and of all quote words. */
  matchedWeight: number;
  totalWeight: number;
  /** Same words in the same order; the source skipped words only where the quote has an ellipsis. */
  exact: boolean;
}

const DIAG = 1;
const UP = 2;
const LEFT = 3;

/**
 * `boundaryAfter(j)`: a sentence or paragraph ends between source words j and j + 1. A changed
 * first or last quote word is not paired with a source word across such a boundary.
 */
export function align(q: string[], qWeight: number[], qGap: boolean[], s: string[], sWeight: number[], boundaryAfter: (j: number) => boolean = () => false): Alignment {
  const m = q.length;
  const n = s.length;
  const width = n + 1;
  const H = new Float64Array((m + 1) * width);
  const T = new Uint8Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    H[i * width] = H[(i - 1) * width] - qWeight[i - 1];
    T[i * width] = UP;
  }
  for (let i = 1; i <= m; i++) {
    const qi = q[i - 1];
    const wq = qWeight[i - 1];
    const free = i < m && qGap[i];
    const row = i * width;
    const prev = (i - 1) * width;
    for (let j = 1; j <= n; j++) {
      // A changed word costs a little less than a missing one, so "packed" for "full" reads as a change.
      let best = H[prev + j - 1] + (qi === s[j - 1] ? 2 * wq : -0.8 * wq);
      let dir = DIAG;
      const up = H[prev + j] - wq;
      if (up > best) {
        best = up;
        dir = UP;
      }
      const left = H[row + j - 1] - (free ? 0 : 0.5 * sWeight[j - 1]);
      if (left > best) {
        best = left;
        dir = LEFT;
      }
      H[row + j] = best;
      T[row + j] = dir;
    }
  }
  let endJ = 0;
  for (let j = 1; j <= n; j++) if (H[m * width + j] > H[m * width + endJ]) endJ = j;
  const ops: AlignOp[] = [];
  let i = m;
  let j = endJ;
  while (i > 0) {
    const dir = T[i * width + j];
    if (dir === DIAG) {
      ops.push(q[i - 1] === s[j - 1] ? { op: "match", q: i - 1, s: j - 1 } : { op: "sub", q: i - 1, s: j - 1 });
      i--;
      j--;
    } else if (dir === UP || j === 0) {
      ops.push({ op: "ins", q: i - 1 });
      i--;
    } else {
      ops.push({ op: "del", s: j - 1, free: i < m && qGap[i] });
      j--;
    }
  }
  ops.reverse();
  trimEdges(ops, boundaryAfter);
  let sEnd = endJ;
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k];
    if (op.op !== "ins") {
      sEnd = op.s + 1;
      break;
    }
  }
  let sStart = sEnd;
  for (const op of ops) if (op.op !== "ins") {
    sStart = op.s;
    break;
  }
  let matchedWeight = 0;
  let totalWeight = 0;
  let exact = true;
  for (const op of ops) {
    if (op.op === "match") matchedWeight += qWeight[op.q];
    else if (op.op === "del") {
      if (!op.free) exact = false;
    } else if (!(op.op === "ins" && op.q === 0 && (q[0] === "and" || q[0] === "but"))) exact = false;
  }
  for (const w of qWeight) totalWeight += w;
  return { score: H[m * width + endJ], sStart, sEnd, ops, matchedWeight, totalWeight, exact };
}

/**
 * The passage does not reach across a sentence boundary for a changed first or last word: the
 * draft's `Besides` is its own word, not the previous sentence's last one. Source words skipped
 * before the first or after the last match are not part of the passage either.
 */
function trimEdges(ops: AlignOp[], boundaryAfter: (j: number) => boolean): void {
  const firstMatch = ops.findIndex((o) => o.op === "match");
  if (firstMatch < 0) return;
  let lastMatch = ops.length - 1;
  while (ops[lastMatch].op !== "match") lastMatch--;
  const anchorStart = (ops[firstMatch] as { s: number }).s;
  const anchorEnd = (ops[lastMatch] as { s: number }).s;
  const crosses = (a: number, b: number) => {
    for (let j = Math.min(a, b); j < Math.max(a, b); j++) if (boundaryAfter(j)) return true;
    return false;
  };
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.op !== "sub" || (k > firstMatch && k < lastMatch)) continue;
    if (crosses(op.s, k < firstMatch ? anchorStart : anchorEnd)) ops[k] = { op: "ins", q: op.q };
  }
  const kept = ops.filter((o, k) => !(o.op === "del" && (k < firstMatch || k > lastMatch)));
  ops.splice(0, ops.length, ...kept);
}
