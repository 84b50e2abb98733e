/**
 * The inputs of the timing property (./timing) and of `npm run bench:linear`: repetitive and
 * adversarial shapes, each made at any size. `issue` marks the rows of issue 10's table (inputs
 * that once took minutes). No imports: the benchmark bundles this file alone.
 */

/** The source a generated draft is checked against, and the draft a generated source is checked with. */
export const DRAFT_SOURCE_TEXT = '"We will act," said Jane Doe.';
export const SOURCE_DRAFT_TEXT = '"We will act on the report," said Jane Doe. "Jane Jane Jane," she said. "Hello," he said.';

export interface Shape {
  name: string;
  /** The file name it is read as (its extension picks the reader); `draft.md` is checked as a draft. */
  file: string;
  /** The input at about `size` characters. */
  make: (size: number) => string;
  /** A row of issue 10's table. */
  issue?: boolean;
}

const repeat = (unit: string, size: number, head = "", tail = "") => head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

export const SHAPES: Shape[] = [
  { name: "draft of `.` repeated", file: "draft.md", make: (n) => repeat(".", n), issue: true },
  { name: "draft of `!` repeated", file: "draft.md", make: (n) => repeat("!", n), issue: true },
  { name: "draft of `…` repeated", file: "draft.md", make: (n) => repeat("…", n), issue: true },
  { name: "draft of `. ` repeated", file: "draft.md", make: (n) => repeat(". ", n) },
  { name: '`"Hello," ` + spaces + `"more."`', file: "draft.md", make: (n) => repeat(" ", n, '"Hello," ', '"more."'), issue: true },
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
  { name: "transcript header `Interview with Jane` + spaces", file: "source.txt", make: (n) => repeat(" ", n, "Interview with Jane"), issue: true },
  { name: "transcript header `Interview with ` + capitals", file: "source.txt", make: (n) => repeat("Jane ", n, "Interview with ") },
  { name: "source with front matter of `-`", file: "source.md", make: (n) => repeat("-", n, "---\n") },
  { name: ".vtt cue `<v a` repeated", file: "source.vtt", make: (n) => repeat("<v a", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"), issue: true },
  { name: ".vtt cue `‹` repeated", file: "source.vtt", make: (n) => repeat("‹", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"), issue: true },
  { name: ".vtt cue `<` repeated", file: "source.vtt", make: (n) => repeat("<", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n") },
  { name: ".vtt of `-->` repeated", file: "source.vtt", make: (n) => repeat("-->", n, "WEBVTT\n\n") },
  { name: ".vtt header of spaces", file: "source.vtt", make: (n) => repeat(" ", n, "WEBVTT ") },
  { name: ".srt `{\\` repeated", file: "source.srt", make: (n) => repeat("{\\", n, "1\n00:00:01,000 --> 00:00:02,000\n"), issue: true },
  { name: ".srt `&` repeated", file: "source.srt", make: (n) => repeat("&", n, "1\n00:00:01,000 --> 00:00:02,000\n") },
  { name: ".srt of cue numbers", file: "source.srt", make: (n) => repeat("1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n", n) },
  { name: "HTML of `<` repeated", file: "source.html", make: (n) => repeat("<", n, "<p>") },
  { name: "HTML of `<p>` repeated", file: "source.html", make: (n) => repeat("<p>", n) },
  { name: "HTML of `<blockquote>` repeated", file: "source.html", make: (n) => repeat("<blockquote>", n) },
  { name: "HTML of `&` repeated", file: "source.html", make: (n) => repeat("&", n, "<p>") },
  { name: 'HTML meta of `"` repeated', file: "source.html", make: (n) => repeat('"', n, '<meta name="author" content="') },
];
