/**
 * The timing property of `npm run fuzz`: every input is processed in time linear in its size.
 * Repetitive and adversarial shapes — runs of one punctuation mark, of spaces, of tag openers,
 * of quote marks, of capitalised words; the inputs that once took minutes — are built at 10 KB,
 * 100 KB and 1 MB and checked end to end as the CLI checks them: as a draft (quote finding,
 * attribution, a check against a small source) and as a source file of each format (reading,
 * indexing, a check that finds passages in it). Growth is asserted by ratio, with a generous
 * constant: ten times the input may take at most RATIO times as long (linear is 10; quadratic
 * 100). A floor keeps timer noise at the smallest size out of the ratio; the sizes take turns and
 * the fastest of three runs counts, so load from other processes cannot fake super-linear growth.
 */
import { QuoteChecker } from "../../src/core/check";
import { readSource } from "../../src/core/formats";

export const SIZES = [10_000, 100_000, 1_000_000];
/** Ten times the input: at most this many times the time. */
export const RATIO = 30;
/** Times under this (ms) count as this, so that a 1 ms measurement does not decide a ratio. */
const FLOOR_MS = 50;

export { type Shape, SHAPES, DRAFT_SOURCE_TEXT, SOURCE_DRAFT_TEXT } from "./shapes";
import { type Shape, DRAFT_SOURCE_TEXT, SOURCE_DRAFT_TEXT } from "./shapes";

const DRAFT_SOURCE = { path: "s.txt", text: DRAFT_SOURCE_TEXT };
const SOURCE_DRAFT = { path: "d.md", text: SOURCE_DRAFT_TEXT };

/** Processes the input as the CLI would: once, end to end. */
export async function processShape(shape: Shape, input: string | Uint8Array): Promise<void> {
  if (shape.file === "draft.md" && typeof input === "string") {
    new QuoteChecker([DRAFT_SOURCE]).check([{ path: shape.file, text: input }]);
    return;
  }
  const read = await readSource(shape.file, typeof input === "string" ? new TextEncoder().encode(input) : input);
  const sources = "source" in read ? [read.source] : [];
  const checker = new QuoteChecker(sources);
  checker.check([{ path: SOURCE_DRAFT.path, text: SOURCE_DRAFT.text + " " + (typeof input === "string" ? input : (sources[0]?.text ?? "")).slice(0, 200) }]);
}

/** The shape's input at `size`: its text, or the Word or PDF file holding it. */
export function shapeInput(shape: Shape, size: number): Promise<string | Uint8Array> | string {
  return shape.bytes ? shape.bytes(size) : shape.make(size);
}

export interface Timing {
  shape: string;
  ms: number[];
  /** The worst ratio of one size's time to the previous size's (floored), and whether it holds. */
  worst: number;
  ok: boolean;
}

/**
 * The fastest of `runs` timings of the shape at each size. The sizes take turns run by run, so a
 * burst of load from elsewhere on the machine falls on all of them alike; the fastest run is the
 * one least disturbed. A size over `giveUpMs` is not run again, nor are the larger ones (failing).
 * A ratio over the bound is measured again (up to `attempts` rounds, the fastest of all runs
 * kept): a super-linear input fails every round, a burst of load does not last through three.
 */
export async function timeShape(shape: Shape, sizes = SIZES, runs = 3, giveUpMs = 15_000, attempts = 3): Promise<Timing> {
  const texts = await Promise.all(sizes.map((n) => shapeInput(shape, n)));
  const best: number[] = sizes.map(() => Infinity);
  let reach = sizes.length;
  let result: Timing | undefined;
  for (let attempt = 0; attempt < attempts && reach === sizes.length && !result?.ok; attempt++) {
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < reach; k++) {
        const t0 = performance.now();
        await processShape(shape, texts[k]);
        best[k] = Math.min(best[k], performance.now() - t0);
        if (best[k] > giveUpMs) {
          reach = k + 1;
          break;
        }
      }
    }
    const ms = best.slice(0, reach);
    let worst = 0;
    for (let k = 1; k < ms.length; k++) worst = Math.max(worst, Math.max(ms[k], FLOOR_MS) / Math.max(ms[k - 1], FLOOR_MS));
    result = { shape: shape.name, ms, worst, ok: ms.length === sizes.length && ms[ms.length - 1] <= giveUpMs && worst <= RATIO };
  }
  return result!;
}
