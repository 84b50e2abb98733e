/**
 * LSD radix sort of (key, value) pairs by 32-bit key, 16 bits a pass, in place (two passes
 * through one pair of scratch arrays, so the result lands back in `keys` / `values`).
 */
export function radixSortPairs(keys: Uint32Array, values: Uint32Array): void {
  const n = keys.length;
  let k1: Uint32Array = keys;
  let v1: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let shift = 0; shift <= 16; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const key = k1[i];
      const at = counts[(key >>> shift) & 0xffff]++;
      k2[at] = key;
      v2[at] = v1[i];
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
}
