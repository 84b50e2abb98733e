/**
 * Groups (key, value) pairs by the top `bits` bits of the key: an LSD radix sort in two passes
 * of about `bits / 2` bits each (small count tables stay in cache, unlike 16-bit passes), stable,
 * so values with the same top bits keep their order. Returns the arrays holding the result
 * (`keys` / `values` or the scratch pair).
 */
export function radixGroupByTopBits(keys: Uint32Array, values: Uint32Array, bits: number): [Uint32Array, Uint32Array] {
  const n = keys.length;
  let k1: Uint32Array = keys;
  let v1: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const low = bits >> 1;
  const high = bits - low;
  for (const [shift, width] of [
    [32 - bits, low],
    [32 - high, high],
  ]) {
    if (width === 0) continue;
    const size = 1 << width;
    const mask = size - 1;
    const counts = new Uint32Array(size + 1);
    for (let i = 0; i < n; i++) counts[((k1[i] >>> shift) & mask) + 1]++;
    for (let b = 0; b < size; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const key = k1[i];
      const at = counts[(key >>> shift) & mask]++;
      k2[at] = key;
      v2[at] = v1[i];
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return [k1, v1];
}
