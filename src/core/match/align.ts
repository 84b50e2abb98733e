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

/** DP buffers reused across calls (alignment runs for every candidate window of every quote). */
let H = new Float64Array(0);
let T = new Uint8Array(0);
/** Half of each source word's weight: the cost of skipping it. */
let half = new Float64Array(0);

/**
 * `boundaryAfter(j)`: a sentence or paragraph ends between source words j and j + 1. A changed
 * first or last quote word is not paired with a source word across such a boundary.
 */
export function align(q: string[], qWeight: number[], qGap: boolean[], s: string[], sWeight: number[], boundaryAfter: (j: number) => boolean = () => false): Alignment {
  // Same words, same ids: number comparison in the DP instead of string comparison.
  const ids = new Map<string, number>();
  const idOf = (w: string) => {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    return id;
  };
  const sIds = s.map(idOf);
  const qIds = q.map(idOf);
  return alignIds(qIds, qWeight, qGap, sIds, sWeight, boundaryAfter, q[0] === "and" || q[0] === "but");
}

/**
 * `align` over word ids (equal ids = equal words). `optionalFirst`: the quote's first word is a
 * conjunction (`and`, `but`) the writer may have added, so its absence keeps the match exact.
 */
export function alignIds(
  q: ArrayLike<number>,
  qWeight: ArrayLike<number>,
  qGap: readonly boolean[],
  s: ArrayLike<number>,
  sWeight: ArrayLike<number>,
  boundaryAfter: (j: number) => boolean,
  optionalFirst: boolean,
): Alignment {
  const m = q.length;
  const n = s.length;
  const width = n + 1;
  const cells = (m + 1) * width;
  if (H.length < cells) {
    H = new Float64Array(cells * 2);
    T = new Uint8Array(cells * 2);
  }
  H[0] = 0;
  for (let j = 1; j <= n; j++) H[j] = 0;
  for (let i = 1; i <= m; i++) {
    H[i * width] = H[(i - 1) * width] - qWeight[i - 1];
    T[i * width] = UP;
  }
  if (half.length < n) half = new Float64Array(n * 2);
  for (let j = 0; j < n; j++) half[j] = 0.5 * sWeight[j];
  for (let i = 1; i <= m; i++) {
    const qi = q[i - 1];
    const wq = qWeight[i - 1];
    // A changed word costs a little less than a missing one, so "packed" for "full" reads as a change.
    const matchGain = 2 * wq;
    const changeGain = -0.8 * wq;
    const free = i < m && qGap[i];
    const row = i * width;
    const prev = (i - 1) * width;
    // The row's left and diagonal neighbours stay in locals.
    let leftScore = H[row];
    let diagScore = H[prev];
    for (let j = 1; j <= n; j++) {
      const upScore = H[prev + j];
      let best = diagScore + (qi === s[j - 1] ? matchGain : changeGain);
      let dir = DIAG;
      const up = upScore - wq;
      if (up > best) {
        best = up;
        dir = UP;
      }
      const left = leftScore - (free ? 0 : half[j - 1]);
      if (left > best) {
        best = left;
        dir = LEFT;
      }
      H[row + j] = best;
      T[row + j] = dir;
      leftScore = best;
      diagScore = upScore;
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
    } else if (!(op.op === "ins" && op.q === 0 && optionalFirst)) exact = false;
  }
  for (let k = 0; k < m; k++) totalWeight += qWeight[k];
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
