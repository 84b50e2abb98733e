/**
 * `string-similarity`'s `compareTwoStrings` (Dice coefficient over character bigrams, whitespace
 * removed), computed without building strings or a Map: bigrams are 32-bit codes counted in a
 * reused open-addressing table. Gives exactly the library's figure (tested against it); it runs
 * for every non-exact candidate passage, where the library's allocations dominated. The table of
 * the first side is kept for the next call: a search compares one quotation with many windows.
 */

let keys = new Int32Array(256);
let taken = new Uint8Array(256);
let counts = new Int32Array(256);
/** Slots the table's bigrams use, to clear only those. */
let used = new Int32Array(256);
let nUsed = 0;
let mask = 255;
/** The squeezed first side the table holds, and its length (−1: none). */
let tableChars = new Uint16Array(256);
let tableLength = -1;
/** A call's use of each slot's count: `spent[slot]`, valid when `spentIn[slot]` is the call's number. */
let spent = new Int32Array(256);
let spentIn = new Int32Array(256);
let call = 0;
let chars = new Uint16Array(256);
let chars2 = new Uint16Array(256);

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The code units of `parts` joined, whitespace left out; returns the length. */
function squeeze(parts: readonly string[], into: "a" | "b"): number {
  let total = 0;
  for (const p of parts) total += p.length;
  let buf = into === "a" ? chars : chars2;
  if (buf.length < total) {
    buf = new Uint16Array(total * 2);
    if (into === "a") chars = buf;
    else chars2 = buf;
  }
  let n = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!isSpace(c)) buf[n++] = c;
    }
  }
  return n;
}

/** Dice similarity of `a.join(" ")` and `b.join(" ")`, as `compareTwoStrings` gives it. */
export function diceSimilarity(a: readonly string[], b: readonly string[]): number {
  const shared = sharedBigrams(a, b);
  if (shared === SAME) return 1;
  return shared < 0 ? 0 : (2.0 * shared) / (lengthA + lengthB - 2);
}

/** The bigrams `a.join(" ")` and `b.join(" ")` have in common (as multisets), as `diceSimilarity` counts them. */
export function sharedBigramCount(a: readonly string[], b: readonly string[]): number {
  const shared = sharedBigrams(a, b);
  return shared === SAME ? Math.max(0, lengthA - 1) : Math.max(0, shared);
}

/** The code units `diceSimilarity` counts in a word (its white space left out). */
export function squeezedLength(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) if (!isSpace(word.charCodeAt(i))) n++;
  return n;
}

/**
 * The most `diceSimilarity` could give for `b` with `removed` of its words taken away at either
 * end or beside such words, knowing `shared` (its bigrams in common with `a` whole) and the
 * squeezed lengths: taking a word away loses its bigrams and gains at most one new one, where its
 * neighbours now meet. Lets a search skip the readings that cannot reach a threshold.
 */
export function diceBound(shared: number, removed: number, lengthA: number, lengthB: number): number {
  if (lengthA < 2 || lengthB < 2) return 1;
  return (2.0 * Math.min(shared + removed, lengthA - 1, lengthB - 1)) / (lengthA + lengthB - 2);
}

/** The squeezed lengths of the last `sharedBigrams` call's two sides. */
let lengthA = 0;
let lengthB = 0;
const SAME = -2;

/**
 * The bigrams `a` and `b` share, as a multiset (`SAME` when the squeezed strings are equal, −1
 * when either is under two code units); sets `lengthA` and `lengthB`.
 */
function sharedBigrams(a: readonly string[], b: readonly string[]): number {
  const n1 = squeeze(a, "a");
  const n2 = squeeze(b, "b");
  lengthA = n1;
  lengthB = n2;
  const x = chars;
  const y = chars2;
  if (n1 === n2) {
    let same = true;
    for (let i = 0; i < n1 && same; i++) same = x[i] === y[i];
    if (same) return SAME;
  }
  if (n1 < 2 || n2 < 2) return -1;
  if (n1 !== tableLength || !sameChars(x, tableChars, n1)) tabulate(x, n1);
  if (++call === 0x7fffffff) {
    spentIn.fill(0);
    call = 1;
  }
  let intersection = 0;
  for (let i = 0; i + 1 < n2; i++) {
    const key = (y[i] << 16) | y[i + 1];
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (slot &= mask; taken[slot] === 1 && keys[slot] !== key; slot = (slot + 1) & mask);
    if (taken[slot] === 0) continue;
    const already = spentIn[slot] === call ? spent[slot] : 0;
    if (already < counts[slot]) {
      spent[slot] = already + 1;
      spentIn[slot] = call;
      intersection++;
    }
  }
  return intersection;
}

function sameChars(x: Uint16Array, y: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Counts the bigrams of the first `n` code units of `x` into the table (cleared first). */
function tabulate(x: Uint16Array, n: number): void {
  for (let k = 0; k < nUsed; k++) {
    taken[used[k]] = 0;
    counts[used[k]] = 0;
  }
  nUsed = 0;
  let size = 256;
  while (size < n * 2) size *= 2;
  if (keys.length < size) {
    keys = new Int32Array(size);
    taken = new Uint8Array(size);
    counts = new Int32Array(size);
    used = new Int32Array(size);
    spent = new Int32Array(size);
    spentIn = new Int32Array(size);
  }
  mask = size - 1;
  // A bigram of UTF-16 code units fits in 32 bits.
  for (let i = 0; i + 1 < n; i++) {
    const key = (x[i] << 16) | x[i + 1];
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (slot &= mask; taken[slot] === 1 && keys[slot] !== key; slot = (slot + 1) & mask);
    if (taken[slot] === 0) {
      taken[slot] = 1;
      keys[slot] = key;
      used[nUsed++] = slot;
    }
    counts[slot]++;
  }
  if (tableChars.length < n) tableChars = new Uint16Array(n * 2);
  tableChars.set(x.subarray(0, n));
  tableLength = n;
}
