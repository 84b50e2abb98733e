/**
 * The header of a plain-text source or transcript: the lines before the story or the first turn.
 * Read from it:
 * - `Key: value` lines with the usual names (`Title:`, `Source:`, `Date:`, `URL:`, `By:` …);
 * - a `By Jane Doe` byline;
 * - in a transcript, `Interviewer: Jane Doe, Outlet` (the interviewer wrote it for that outlet),
 *   `Interview with …` as the title, and a `Recorded …` / `Broadcast …` line's full date;
 * - a headline: a first line on its own, short, capitalised, without final punctuation.
 * A date with no year is left out, never guessed.
 */
import { FIELD_KEYS } from "./frontMatter";
import { cleanMetadata, parseDate, type RawMetadata, type SourceMetadata } from "./metadata";

/** Lines of a header looked at. */
const MAX_LINES = 30;

const FIELD_OF = new Map<string, keyof typeof FIELD_KEYS>();
for (const [field, keys] of Object.entries(FIELD_KEYS)) for (const k of keys) FIELD_OF.set(k, field as keyof typeof FIELD_KEYS);

const KEY_LINE = /^\s*([A-Za-z][A-Za-z _.-]{0,24}?)\s*:\s+(\S.*)$/;
const ASKERS = new Set(["interviewer", "interviewed by", "host", "presenter", "moderator"]);

/**
 * `end` is where the header stops: a transcript's first turn, or the end of the text (then the
 * header ends at the first line that is not a header line).
 */
export function textHeaderMetadata(text: string, options: { transcript: boolean; end?: number } = { transcript: false }): SourceMetadata {
  const head = text.slice(0, Math.min(options.end ?? text.length, 8192));
  const lines = head.split(/\r\n|\n|\r/).slice(0, MAX_LINES);
  const raw: RawMetadata & { headline?: string } = {};
  const set = (field: keyof RawMetadata, value: string) => {
    if (raw[field] === undefined && value.trim()) raw[field] = value.trim();
  };
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const kv = KEY_LINE.exec(line);
    const key = kv?.[1].trim().toLowerCase().replace(/[ .-]+/g, "_");
    if (kv && key && FIELD_OF.has(key)) {
      set(FIELD_OF.get(key)!, kv[2]);
      continue;
    }
    if (kv && key && ASKERS.has(key.replace(/_/g, " ")) && options.transcript) {
      // `Interviewer: Priya Menon, Northgate Evening Post`
      // A run of spaces is tried once, from its start (`(?<!\s)`), not from each space in it.
      const [who, ...rest] = kv[2].split(/(?:(?<!\s)\s+)?[,(]\s*|(?<!\s)\s+(?:for|of)\s+/);
      set("authors", who);
      if (rest.length) set("outlet", rest.join(", ").replace(/\)\s*$/, ""));
      continue;
    }
    const by = /^by\s+(\p{Lu}.*)$/iu.exec(line);
    if (by && by[1].split(/\s+/).length <= 8) {
      set("authors", by[1]);
      continue;
    }
    if (options.transcript) {
      if (/^(?:an? )?interview(?:ed)? with\s+\S/i.test(line) && raw.headline === undefined) raw.headline = line;
      else if (/^(?:recorded|broadcast|aired|taped|filmed)\b/i.test(line) && parseDate(line)) set("date", parseDate(line)!);
      else if (!seenText && raw.headline === undefined && isHeadline(line)) raw.headline = line;
      seenText = true;
      continue;
    }
    // Plain text: a headline may open the file; anything else ends the header.
    if (!seenText && isHeadline(line) && isParagraphEnd(lines, i)) {
      raw.headline = line;
      seenText = true;
      continue;
    }
    break;
  }
  if (raw.title === undefined && raw.headline) raw.title = raw.headline;
  return cleanMetadata(raw);
}

/** A line on its own like a headline: capitalised, short, no final full stop, comma or colon. */
function isHeadline(line: string): boolean {
  return /^\p{Lu}/u.test(line) && line.length <= 160 && !/[.,;:"”]$/.test(line) && line.split(/\s+/).length <= 20 && !/^\S+:\s/.test(line);
}

/** The line stands alone: a blank line (or the end) follows it. */
function isParagraphEnd(lines: string[], i: number): boolean {
  return i + 1 >= lines.length || lines[i + 1].trim() === "";
}
