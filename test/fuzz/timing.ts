/**
 * The timing property of `npm run fuzz`: every input is processed in time linear in its size.
 * Repetitive and adversarial shapes — runs of one punctuation mark, of spaces, of tag openers,
 * of quote marks, of capitalised words; the inputs that once took minutes — are built at 10 KB,
 * 100 KB and 1 MB and checked end to end as the CLI checks them: as a draft (quote finding,
 * attribution, a check against a small source) and as a source file of each format (reading,
 * indexing, a check that finds passages in it). Growth is asserted by ratio, with a generous
 * constant: ten times the input may take at most RATIO times as long (linear is 10; quadratic
 * 100). A floor keeps timer noise at the smallest size out of the ratio.
 */
import { QuoteChecker } from "../../src/core/check";
import { readSource } from "../../src/core/formats";

export const SIZES = [10_000, 100_000, 1_000_000];
/** Ten times the input: at most this many times the time. */
export const RATIO = 30;
/** Times under this (ms) count as this, so that a 1 ms measurement does not decide a ratio. */
const FLOOR_MS = 20;

export interface Shape {
  name: string;
  /** The file name it is read as (its extension picks the reader); `draft.md` is checked as a draft. */
  file: string;
  /** The input at about `size` characters. */
  make: (size: number) => string;
}

const repeat = (unit: string, size: number, head = "", tail = "") => head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

export const SHAPES: Shape[] = [
  { name: "draft of `.` repeated", file: "draft.md", make: (n) => repeat(".", n) },
  { name: "draft of `!` repeated", file: "draft.md", make: (n) => repeat("!", n) },
  { name: "draft of `…` repeated", file: "draft.md", make: (n) => repeat("…", n) },
  { name: "draft of `. ` repeated", file: "draft.md", make: (n) => repeat(". ", n) },
  { name: '`"Hello," ` + spaces + `"more."`', file: "draft.md", make: (n) => repeat(" ", n, '"Hello," ', '"more."') },
  { name: "draft of spaces", file: "draft.md", make: (n) => repeat(" ", n, "a", "b") },
  { name: "draft of `\"` repeated", file: "draft.md", make: (n) => repeat('"', n) },
  { name: "draft of `“` repeated", file: "draft.md", make: (n) => repeat("“", n) },
  { name: "draft of `'` repeated", file: "draft.md", make: (n) => repeat("'", n) },
  { name: 'draft of `"a" ` repeated', file: "draft.md", make: (n) => repeat('"a" ', n) },
  { name: "draft of capitalised words", file: "draft.md", make: (n) => repeat("Jane ", n, '"We will act," said ') },
  { name: "draft of `Mr. ` repeated", file: "draft.md", make: (n) => repeat("Mr. ", n, '"We will act," said ') },
  { name: "draft of `said ` repeated", file: "draft.md", make: (n) => repeat("said ", n, '"We will act," ') },
  { name: "draft of `> ` repeated", file: "draft.md", make: (n) => repeat("> ", n) },
  { name: "draft of `-` repeated", file: "draft.md", make: (n) => repeat("-", n) },
  { name: "draft of `#` repeated", file: "draft.md", make: (n) => repeat("#", n) },
  { name: "draft of `*` repeated", file: "draft.md", make: (n) => repeat("*", n) },
  { name: "draft of `[` repeated", file: "draft.md", make: (n) => repeat("[", n) },
  { name: "draft of `<` repeated", file: "draft.md", make: (n) => repeat("<", n) },
  { name: "draft of `<!--` repeated", file: "draft.md", make: (n) => repeat("<!--", n) },
  { name: "draft of newlines", file: "draft.md", make: (n) => repeat("\n", n, "a") },
  { name: "draft of one long word", file: "draft.md", make: (n) => repeat("a", n) },
  { name: "source text of `.` repeated", file: "source.txt", make: (n) => repeat(".", n) },
  { name: "source text of `Q: ` repeated", file: "source.txt", make: (n) => repeat("Q: ", n, "Interview with Jane Doe\n\n") },
  { name: "source text of `JANE: ` repeated", file: "source.txt", make: (n) => repeat("JANE: ", n) },
  { name: "transcript header `Interview with Jane` + spaces", file: "source.txt", make: (n) => repeat(" ", n, "Interview with Jane") },
  { name: "transcript header `Interview with ` + capitals", file: "source.txt", make: (n) => repeat("Jane ", n, "Interview with ") },
  { name: "source with front matter of `-`", file: "source.md", make: (n) => repeat("-", n, "---\n") },
  { name: ".vtt cue `<v a` repeated", file: "source.vtt", make: (n) => repeat("<v a", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n") },
  { name: ".vtt cue `‹` repeated", file: "source.vtt", make: (n) => repeat("‹", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n") },
  { name: ".vtt cue `<` repeated", file: "source.vtt", make: (n) => repeat("<", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n") },
  { name: ".vtt of `-->` repeated", file: "source.vtt", make: (n) => repeat("-->", n, "WEBVTT\n\n") },
  { name: ".vtt header of spaces", file: "source.vtt", make: (n) => repeat(" ", n, "WEBVTT ") },
  { name: ".srt `{\\` repeated", file: "source.srt", make: (n) => repeat("{\\", n, "1\n00:00:01,000 --> 00:00:02,000\n") },
  { name: ".srt `&` repeated", file: "source.srt", make: (n) => repeat("&", n, "1\n00:00:01,000 --> 00:00:02,000\n") },
  { name: ".srt of cue numbers", file: "source.srt", make: (n) => repeat("1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n", n) },
  { name: "HTML of `<` repeated", file: "source.html", make: (n) => repeat("<", n, "<p>") },
  { name: "HTML of `<p>` repeated", file: "source.html", make: (n) => repeat("<p>", n) },
  { name: "HTML of `<blockquote>` repeated", file: "source.html", make: (n) => repeat("<blockquote>", n) },
  { name: "HTML of `&` repeated", file: "source.html", make: (n) => repeat("&", n, "<p>") },
  { name: 'HTML meta of `"` repeated', file: "source.html", make: (n) => repeat('"', n, '<meta name="author" content="') },
];

const DRAFT_SOURCE = { path: "s.txt", text: '"We will act," said Jane Doe.' };
const SOURCE_DRAFT = { path: "d.md", text: '"We will act on the report," said Jane Doe. "Jane Jane Jane," she said. "Hello," he said.' };

/** Processes the input as the CLI would: once, end to end. */
export async function processShape(shape: Shape, text: string): Promise<void> {
  if (shape.file === "draft.md") {
    new QuoteChecker([DRAFT_SOURCE]).check([{ path: shape.file, text }]);
    return;
  }
  const read = await readSource(shape.file, new TextEncoder().encode(text));
  const sources = "source" in read ? [read.source] : [];
  const checker = new QuoteChecker(sources);
  checker.check([{ path: SOURCE_DRAFT.path, text: SOURCE_DRAFT.text + " " + text.slice(0, 200) }]);
}

export interface Timing {
  shape: string;
  ms: number[];
  /** The worst ratio of one size's time to the previous size's (floored), and whether it holds. */
  worst: number;
  ok: boolean;
}

/** The median of `runs` timings of the shape at each size; stops early (failing) once one size takes over `giveUpMs`. */
export async function timeShape(shape: Shape, sizes = SIZES, runs = 3, giveUpMs = 15_000): Promise<Timing> {
  const ms: number[] = [];
  for (const size of sizes) {
    const text = shape.make(size);
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await processShape(shape, text);
      times.push(performance.now() - t0);
      if (times[times.length - 1] > giveUpMs) break;
    }
    times.sort((a, b) => a - b);
    ms.push(times[Math.floor(times.length / 2)]);
    if (ms[ms.length - 1] > giveUpMs) break;
  }
  let worst = 0;
  for (let k = 1; k < ms.length; k++) worst = Math.max(worst, Math.max(ms[k], FLOOR_MS) / Math.max(ms[k - 1], FLOOR_MS));
  return { shape: shape.name, ms, worst, ok: ms.length === sizes.length && worst <= RATIO };
}
