/** Runs `fn` over `items`, at most `parallel` at a time, results in order. No `vscode` import: the host bench uses it too. */
export async function inParallel<T, R>(items: T[], fn: (item: T) => Promise<R>, parallel = 8): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
  return out;
}
