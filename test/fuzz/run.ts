/**
 * `npm run fuzz`: generates documents and checks the properties of ./properties on each, counting
 * failures instead of stopping at the first. Ends with `fuzz: N documents, F failures`.
 *
 *   npm run fuzz [-- --runs N] [--seed S]
 */
import fc from "fast-check";
import { type Case, checkCase, checkHolds, quoteFindingHolds, readerHolds, sourceFile } from "./properties";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

async function main(): Promise<void> {
  const runs = arg("--runs", 100_000);
  const seed = arg("--seed", Date.now() % 2 ** 31);
  const batch = 1000;
  let documents = 0;
  let failures = 0;
  const report = (what: string, input: unknown, e: unknown) => {
    failures++;
    if (failures <= 5) console.error(`FAIL ${what}: ${(e as Error).message}\n  input: ${JSON.stringify(input).slice(0, 600)}`);
  };
  const t0 = Date.now();
  console.log(`fuzz: seed ${seed}`);
  for (let b = 0; documents < runs; b++) {
    const n = Math.min(batch, runs - documents);
    const cases: Case[] = fc.sample(checkCase, { numRuns: n, seed: seed + b });
    for (const c of cases) {
      try {
        quoteFindingHolds(c.draft, c.markdown);
        quoteFindingHolds(c.source, !c.markdown);
        checkHolds(c);
      } catch (e) {
        report("check", c, e);
      }
    }
    // One in ten documents also goes through a format reader.
    for (const f of fc.sample(sourceFile, { numRuns: Math.ceil(n / 10), seed: seed + b })) {
      try {
        await readerHolds(f);
      } catch (e) {
        report("reader", f, e);
      }
    }
    documents += n;
    if (b % 10 === 9) console.log(`  ${documents} documents, ${failures} failures, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  console.log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`fuzz: ${documents} documents, ${failures} failures`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
