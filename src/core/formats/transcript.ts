/**
 * Plain-text transcripts: `JANE DOE: …` turns, or `Q:` / `A:` turns under a header that names
 * who is interviewed (`Interview with Jane Doe, Mayor of X`, `Interviewee: Jane Doe`) and, if
 * given, the interviewer. The text is left as it is; each turn's words become an utterance of
 * its speaker. `Q` turns with no named interviewer, and turns with no known speaker, are skipped.
 */
import type { Utterance } from "../corpus/corpus";
import { normalCaseName } from "./names";

interface Line {
  start: number;
  end: number;
  text: string;
}

interface Label {
  line: number;
  label: string;
  /** Offset where the turn's words start. */
  wordsStart: number;
}

/** An optional `[00:01:02]` or `(00:01)` stamp, a label of up to four words, a colon. */
const LABEL_RE = /^(\s*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s+)?)([\p{Lu}][\p{L}\p{M}.'’-]*(?: [\p{Lu}][\p{L}\p{M}.'’-]*){0,3})\s*:[ \t]+(?=\S)/u;

/** Labels that introduce something other than speech. */
const NOT_SPEAKERS = new Set(
  ("note editor's note editors note update updated correction photo photograph source sources transcript date time location place subject " +
    "re to from cc bcc tags by published warning breaking summary related see also read more filed under contact email tel phone fax web " +
    "recorded duration title headline outlet publisher url link author byline").split(" "),
);
const ASKER_LABELS = new Set(["q", "question", "interviewer", "host", "moderator", "reporter"]);
const ANSWER_LABELS = new Set(["a", "answer", "interviewee", "guest"]);

export function parseTranscript(text: string): Utterance[] | undefined {
  if (!mayBeTranscript(text)) return undefined;
  const lines = splitLines(text);
  const labels = findLabels(text, lines);
  if (!looksLikeTranscript(lines, labels)) return undefined;
  const header = readHeader(lines.slice(0, Math.min(lines.length, labels[0].line)));
  const utterances: Utterance[] = [];
  labels.forEach((l, i) => {
    const last = i + 1 < labels.length ? labels[i + 1].line - 1 : lines.length - 1;
    let end = lines[last].end;
    for (let j = last; j > l.line && lines[j].text.trim() === ""; j--) end = lines[j - 1].end;
    while (end > l.wordsStart && /\s/.test(text[end - 1])) end--;
    const speaker = speakerFor(l.label, header);
    if (speaker && end > l.wordsStart) utterances.push({ start: l.wordsStart, end, speaker });
  });
  return utterances;
}

/**
 * Whether at least three lines could hold a turn's label (a colon in their first 120 characters,
 * and `LABEL_RE` matching there), found from the colons alone: a transcript has at least three
 * turns (`looksLikeTranscript`), and most texts — articles, releases — have too few colons to
 * be worth cutting into lines at all.
 */
function mayBeTranscript(text: string): boolean {
  let candidates = 0;
  let tested = -1;
  for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
    // The line's start, if within 120 characters before the colon.
    let start = colon;
    while (start > 0 && colon - start < 120) {
      const c = text.charCodeAt(start - 1);
      if (c === 0x0a || c === 0x0d) break;
      start--;
    }
    if (start === tested || colon - start >= 120) continue;
    tested = start;
    if (LABEL_RE.test(text.slice(start, start + 120)) && ++candidates >= 3) return true;
  }
  return false;
}

/** The text's lines (ends at CR LF, LF or CR); a line's text is cut from the text when first asked for. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  // The next LF and CR at or after `start` (each text searched once per kind).
  let lf = -1;
  let cr = -1;
  for (let start = 0; ; ) {
    if (lf < start) lf = at(text.indexOf("\n", start), n);
    if (cr < start) cr = at(text.indexOf("\r", start), n);
    const end = Math.min(lf, cr);
    lines.push(new LazyLine(text, start, end));
    if (end === n) break;
    start = end + (end === cr && lf === end + 1 ? 2 : 1);
  }
  return lines;
}

const at = (found: number, none: number) => (found < 0 ? none : found);

class LazyLine implements Line {
  private cut?: string;
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get text(): string {
    return (this.cut ??= this.source.slice(this.start, this.end));
  }
}

function findLabels(text: string, lines: Line[]): Label[] {
  const found: Label[] = [];
  // The first colon at or after the line's start (lines come in order: the text is searched once).
  let colon = -1;
  lines.forEach((line, i) => {
    if (colon < line.start) {
      const at = text.indexOf(":", line.start);
      colon = at < 0 ? text.length : at;
    }
    // A label ends at a colon in the line's first 120 characters: most lines have none.
    if (colon >= Math.min(line.end, line.start + 120)) return;
    const m = LABEL_RE.exec(line.text.slice(0, 120));
    if (!m) return;
    const label = m[2].replace(/[.]$/, "");
    if (NOT_SPEAKERS.has(label.toLowerCase()) || isHeaderLine(label, line.text.slice(m[0].length))) return;
    found.push({ line: i, label, wordsStart: line.start + m[0].length });
  });
  // A label in mixed case (`Jane Doe:`) counts only if it recurs; capitals and Q/A count at once.
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return found.filter((f) => isCaps(f.label) || (counts.get(f.label) ?? 0) >= 2);
}

const ROLE_HEADERS = new Set(["interviewee", "interviewer", "guest", "host", "moderator", "reporter"]);

/** `Interviewer: Tom Reyes` names the interviewer; `INTERVIEWER: So why now?` is a turn. */
function isHeaderLine(label: string, rest: string): boolean {
  if (!ROLE_HEADERS.has(label.toLowerCase())) return false;
  const t = rest.trim();
  return /^\p{Lu}/u.test(t) && !/[?!]$/.test(t) && !/\.$/.test(t.replace(/\b\p{Lu}\.$/u, "")) && t.split(/\s+/).length <= 8;
}

const isCaps = (label: string) => !/\p{Ll}/u.test(label) && (label.replace(/[^\p{L}]/gu, "").length >= 2 || /^[QA]$/.test(label));

/** At least three turns by at least two labels, making up a good share of the lines after the first. */
function looksLikeTranscript(lines: Line[], labels: Label[]): boolean {
  if (labels.length < 3 || new Set(labels.map((l) => l.label.toUpperCase())).size < 2) return false;
  let nonBlank = 0;
  for (let i = labels[0].line; i < lines.length; i++) if (lines[i].text.trim()) nonBlank++;
  return labels.length >= 0.3 * nonBlank;
}

interface Header {
  interviewee?: string;
  interviewer?: string;
}

function readHeader(lines: Line[]): Header {
  const header: Header = {};
  for (const { text } of lines.slice(0, 30)) {
    const t = text.trim();
    let m = /^(?:an? )?interview(?:ed)? with\s+(.+)$/i.exec(t) ?? /^(?:interviewee|guest|subject)\s*:\s*(.+)$/i.exec(t);
    if (m && !header.interviewee) header.interviewee = nameOf(m[1]);
    m = /^(?:interviewer|host|moderator|interviewed by|reporter)\s*:?\s+(.+)$/i.exec(t);
    if (m && !header.interviewer) header.interviewer = nameOf(m[1]);
    m = /^interview(?:ed)? by\s+(.+)$/i.exec(t) ?? /\binterviewed by\s+(.+)$/i.exec(t);
    if (m && !header.interviewer) header.interviewer = nameOf(m[1]);
  }
  return header;
}

/** The name in `Jane Doe, Mayor of X (March 3)`: everything before a comma, bracket or dash. */
function nameOf(s: string): string | undefined {
  // `(?<!\s)`: a run of spaces is tried once, from its start (not again from every space in it).
  const name = s.split(/[,(;|]|\s[—–-]\s|(?<!\s)\s+on\s+\p{Lu}/u)[0].replace(/[.:]+$/, "").trim();
  return name && /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 5 ? normalCaseName(name) : undefined;
}

function speakerFor(label: string, header: Header): string | undefined {
  const lower = label.toLowerCase();
  if (ASKER_LABELS.has(lower)) return header.interviewer;
  if (ANSWER_LABELS.has(lower)) return header.interviewee;
  const name = normalCaseName(label);
  // `DOE:` in a transcript whose header names Jane Doe.
  for (const full of [header.interviewee, header.interviewer]) {
    if (full && full.toLowerCase().split(/\s+/).pop() === lower && !full.toLowerCase().startsWith(lower + " ")) return full;
  }
  return name;
}
