/**
 * `npm run fuzz`: first the timing property (./timing: repetitive and adversarial inputs at
 * 10 KB, 100 KB and 1 MB, each processed in time linear in its size), then generated documents
 * checked against the properties of ./properties, counting failures instead of stopping at the
 * first. Ends with `timing: …` and `fuzz: N documents, F failures`.
 *
 *   npm run fuzz [-- --runs N] [--seed S] [--timing-only | --no-timing] [--shape TEXT]
 */
import fc from "fast-check";
import { type Case, checkCase, checkHolds, quoteFindingHolds, readerHolds, sourceFile } from "./properties";
import { RATIO, SHAPES, SIZES, timeShape } from "./timing";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

/** The timing property over every shape (or those whose name contains `filter`): the number that failed. */
async function timing(filter?: string): Promise<number> {
  const shapes = SHAPES.filter((s) => !s.benchOnly && (!filter || s.name.includes(filter)));
  const size = (n: number) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);
  console.log(`timing: each input end to end (fastest of 3 runs, ms; a failing ratio is measured up to 3 times); ten times the input may take at most ${RATIO} times as long`);
  console.log(`  ${"input".padEnd(50)}${SIZES.map((n) => size(n).padStart(10)).join("")}   worst ratio`);
  let failed = 0;
  for (const shape of shapes) {
    const t = await timeShape(shape);
    if (!t.ok) failed++;
    const cells = SIZES.map((_, k) => (t.ms[k] === undefined ? "—" : t.ms[k].toFixed(t.ms[k] < 10 ? 1 : 0)).padStart(10)).join("");
    console.log(`  ${shape.name.padEnd(50)}${cells}   ${t.worst.toFixed(1).padStart(5)}${t.ok ? "" : "  FAIL: super-linear"}`);
  }
  console.log(`timing: ${shapes.length} inputs at ${SIZES.length} sizes, ${failed} super-linear`);
  return failed;
}

async function main(): Promise<void> {
  const filter = process.argv.includes("--shape") ? process.argv[process.argv.indexOf("--shape") + 1] : undefined;
  const slow = process.argv.includes("--no-timing") ? 0 : await timing(filter);
  if (process.argv.includes("--timing-only")) {
    process.exitCode = slow > 0 ? 1 : 0;
    return;
  }
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
  process.exitCode = failures > 0 || slow > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
