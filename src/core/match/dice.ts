/**
 * `string-similarity`'s `compareTwoStrings` (Dice coefficient over character bigrams, whitespace
 * removed), computed without building strings or a Map: bigrams are 32-bit codes counted in a
 * reused open-addressing table. Gives exactly the library's figure (tested against it); it runs
 * for every non-exact candidate passage, where the library's allocations dominated.
 */

let keys = new Int32Array(256);
let taken = new Uint8Array(256);
let counts = new Int32Array(256);
/** Slots used by the current call, to clear only those. */
let used = new Int32Array(256);
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
  const n1 = squeeze(a, "a");
  const n2 = squeeze(b, "b");
  const x = chars;
  const y = chars2;
  if (n1 === n2) {
    let same = true;
    for (let i = 0; i < n1 && same; i++) same = x[i] === y[i];
    if (same) return 1;
  }
  if (n1 < 2 || n2 < 2) return 0;
  let size = 256;
  while (size < n1 * 2) size *= 2;
  if (keys.length < size) {
    keys = new Int32Array(size);
    taken = new Uint8Array(size);
    counts = new Int32Array(size);
    used = new Int32Array(size);
  }
  const mask = size - 1;
  let nUsed = 0;
  // A bigram of UTF-16 code units fits in 32 bits.
  for (let i = 0; i + 1 < n1; i++) {
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
  let intersection = 0;
  for (let i = 0; i + 1 < n2; i++) {
    const key = (y[i] << 16) | y[i + 1];
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (slot &= mask; taken[slot] === 1 && keys[slot] !== key; slot = (slot + 1) & mask);
    if (taken[slot] === 1 && counts[slot] > 0) {
      counts[slot]--;
      intersection++;
    }
  }
  for (let k = 0; k < nUsed; k++) {
    taken[used[k]] = 0;
    counts[used[k]] = 0;
  }
  return (2.0 * intersection) / (n1 + n2 - 2);
}
