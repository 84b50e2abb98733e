/**
 * `verbatim quotes FILE…`: every quotation of each document with who speaks it, the cue, how the
 * speaker was reached and how sure the reading is — who is quoted in a story, at a glance, and
 * the quickest way to see why a check credits whom it does. Reads every source format.
 *
 *   verbatim quotes [--format text|json] [--min-words N] FILE...
 */
import * as path from "node:path";
import { prepareDocument } from "../core/document/document";
import { readSource } from "../core/formats/index";
import { LineMap } from "../core/report/position";
import { type AttributedQuote, attributeQuotes } from "../core/speakers/attribute";
import { summarize } from "../core/speakers/entity";
import { quoteText } from "../core/quotes/quote";
import { findConfig } from "../node/config";
import { DEFAULT_LIMITS, readStable, UserError } from "../node/files";

export const QUOTES_USAGE = `Usage: verbatim quotes [options] FILE...

Lists every quotation in each FILE with its speaker, the cue that attributes it, how the
speaker was found and how sure that reading is (high, medium, low).

Options:
  --format FORMAT    text (default) or json
  --min-words N      leave out quotations shorter than N words (default: 1)
  -h, --help         this help`;

export interface QuoteListing {
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  speaker: string | null;
  speakerDetails: ReturnType<typeof summarize> | null;
  confidence: string | null;
  cue: string | null;
  cueKind: string | null;
  link: string;
  mention: string | null;
  candidates: string[];
  scare: boolean;
}

/** Control characters and line breaks shown as escapes, so a document cannot write to the terminal. */
const inert = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function listing(text: string, q: AttributedQuote, lines: LineMap): QuoteListing {
  const pos = lines.position(q.start);
  return {
    text: quoteText(text, q),
    start: q.start,
    end: q.end,
    line: pos.line,
    column: pos.column,
    speaker: q.speaker?.name ?? null,
    speakerDetails: q.speaker ? summarize(q.speaker) : null,
    confidence: q.speaker ? q.confidence ?? null : null,
    cue: q.trace.cue ?? null,
    cueKind: q.trace.cueKind ?? null,
    link: q.trace.link,
    mention: q.speakerMention?.text ?? null,
    candidates: (q.candidates ?? []).map((c) => c.name),
    scare: q.scare,
  };
}

export async function runQuotes(argv: string[]): Promise<number> {
  // `verbatim quotes … | head`: a reader that stops early is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  let format: "text" | "json" = "text";
  let minWords = 1;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") {
      console.log(QUOTES_USAGE);
      return 0;
    } else if (a === "--format" || a === "-f") {
      const f = argv[++i];
      if (f !== "text" && f !== "json") throw new UserError(`--format must be text or json, not "${f}"`);
      format = f;
    } else if (a === "--min-words") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new UserError(`--min-words needs a whole number of at least 1`);
      minWords = n;
    } else if (a.startsWith("-")) throw new UserError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new UserError("no file given (usage: verbatim quotes FILE...)");
  const out: { file: string; quotes: QuoteListing[] }[] = [];
  for (const file of files) {
    const read = readStable(file, DEFAULT_LIMITS.maxFileBytes);
    if ("problem" in read) throw new UserError(`cannot read ${file}: ${read.problem}`);
    const result = await readSource(file, read.bytes);
    if ("skipped" in result) throw new UserError(`cannot read ${file}: ${result.skipped}`);
    const { source } = result;
    const aliases = findConfig(path.dirname(path.resolve(file)))?.config.aliases ?? {};
    const doc = prepareDocument(file, source.text, source.markdown);
    const lines = new LineMap(source.text);
    const quotes = attributeQuotes(doc, { aliases, utterances: source.utterances })
      .filter((q) => q.wordCount >= minWords)
      .map((q) => listing(source.text, q, lines));
    out.push({ file, quotes });
  }
  if (format === "json") process.stdout.write(JSON.stringify({ files: out }, null, 2) + "\n");
  else {
    for (const f of out) {
      for (const q of f.quotes) {
        const who = q.speaker ? `${q.speaker}${q.speakerDetails?.role ? ` (${q.speakerDetails.role}${q.speakerDetails.organization ? `, ${q.speakerDetails.organization}` : ""})` : ""}` : "no speaker";
        const how = [q.confidence, q.cue ? `“${q.cue}” ${q.cueKind}` : undefined, q.link !== "none" ? `via ${q.link}` : undefined, q.mention && q.link !== "name" ? `“${q.mention}”` : undefined].filter(Boolean).join(", ");
        const text = q.text.replace(/\s+/g, " ");
        const shown = text.length > 80 ? text.slice(0, 77) + "…" : text;
        process.stdout.write(inert(`${f.file}:${q.line}:${q.column}  ${who}${how ? ` [${how}]` : ""}${q.scare ? " (emphasis)" : ""}  “${shown}”`) + "\n");
        if (q.candidates.length > 1) process.stdout.write(inert(`    could also be: ${q.candidates.slice(1).join(", ")}`) + "\n");
      }
    }
  }
  return 0;
}
