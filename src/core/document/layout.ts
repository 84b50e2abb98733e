/**
 * Splits a document into paragraphs and says what each one is: story text, a heading, a photo
 * caption, page furniture ("Also read: …"), a Markdown block quote, an attribution line
 * (`said Mr. X.`, `— Name, Role`) or code. Offsets always point into the original text.
 */
import { captionCredits, cueVerbForms, furniturePrefixes } from "../lexicon";

export type ParagraphKind = "text" | "heading" | "caption" | "furniture" | "blockquote" | "attribution" | "code";

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  kind: ParagraphKind;
  /** The paragraph's content with Markdown prefixes (`> `) removed: one span per line for block quotes. */
  segments: Span[];
  /** True when the paragraph sits inside a Markdown block quote (an attribution line may too). */
  quoted: boolean;
}

export interface LayoutOptions {
  markdown: boolean;
}

interface Line extends Span {
  /** Content after any `>` prefix, trimmed. */
  content: Span;
  quoted: boolean;
  blank: boolean;
}

const lineBreakRe = /\r\n|\n|\r|\u2028|\u2029/g;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const push = (end: number) => {
    let cs = start;
    let quoted = false;
    // Markdown block quote prefix: up to three spaces, then one or more `>`.
    const m = /^ {0,3}((?:> ?)+)/.exec(text.slice(start, Math.min(end, start + 64)));
    if (m && m[1].includes(">")) {
      quoted = true;
      cs = start + m[0].length;
    }
    const content = trimSpan(text, cs, end);
    lines.push({ start, end, content, quoted, blank: content.end <= content.start });
  };
  lineBreakRe.lastIndex = 0;
  for (let m = lineBreakRe.exec(text); m; m = lineBreakRe.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** A line that names the speaker of the text above it. */
export function isAttributionLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return false;
  // `— Jesse Doe, CEO of Acme` / `-- Jesse Doe`
  // (`– Old hands –`, closed by a dash too, is a wire story's section heading)
  // (`- Jane Doe: "…"`, a name, a colon and a quotation, is a list item that quotes her)
  if (/^(?:\u2014|\u2015|\u2013|--?)\s*\p{Lu}/u.test(t)) return t.split(/\s+/).length <= 16 && !/(?:\u2014|\u2015|\u2013|-)\s*[.!]?$/u.test(t) && !/:\s*["\u201c\u201e\u00ab']/u.test(t);
  // `said Mr. Doe.` / `commented the company.`: a lower-case cue verb, a short noun phrase, a stop.
  const m = /^(\p{Ll}+)\s+([^"“”«»]{2,80}?)[.!]?$/u.exec(t);
  if (!m || !cueVerbForms.has(m[1])) return false;
  return m[2].split(/\s+/).length <= 10 && !/[,;:]\s*\p{Ll}+\s+\p{Ll}+\s+\p{Ll}+/u.test(m[2]);
}

function isFurniture(line: string): boolean {
  const t = line.trim().toLowerCase();
  return furniturePrefixes.some((p) => t.startsWith(p));
}

/** A short paragraph that ends with a photo agency or credit after its last full stop. */
export function isCaption(paragraph: string): boolean {
  const t = paragraph.trim();
  if (t.length > 400 || /["“”«»]/.test(t)) return false;
  const m = /[.!?]\s+((?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|\/|via|and|for|&))*)\s*$/u.exec(t);
  if (!m) return false;
  const credit = m[1].toLowerCase();
  if (captionCredits.has(credit)) return true;
  const words = credit.split(/\s+/);
  if (words.length > 5) return false;
  const last = words[words.length - 1];
  return ["images", "photo", "photos", "pictures", "press", "agency", "wire"].includes(last) || words.some((w) => captionCredits.has(w) && words.length <= 3);
}

/** A one-line paragraph with no final punctuation, short, like a section title. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 90 || /[.!?:;,"”]$/.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= 12 && /^\p{Lu}/u.test(t);
}

export function layoutParagraphs(text: string, options: LayoutOptions): Paragraph[] {
  const lines = splitLines(text);
  const paragraphs: Paragraph[] = [];
  let block: Line[] = [];
  let inFence = false;
  let fence: Line[] = [];

  const flush = () => {
    if (block.length === 0) return;
    emitBlock(text, block, paragraphs, options.markdown);
    block = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const raw = text.slice(line.content.start, line.content.end);
    if (options.markdown) {
      if (/^(```|~~~)/.test(raw) && !line.quoted) {
        flush();
        if (inFence) {
          fence.push(line);
          paragraphs.push({ start: fence[0].start, end: line.end, kind: "code", segments: [], quoted: false });
          fence = [];
        } else fence = [line];
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        fence.push(line);
        continue;
      }
      if (/^#{1,6}\s/.test(raw) && !line.quoted) {
        flush();
        paragraphs.push({ start: line.start, end: line.end, kind: "heading", segments: [line.content], quoted: false });
        continue;
      }
      if (/^<!--/.test(raw) || (/^( {4}|\t)/.test(text.slice(line.start, line.end)) && block.length === 0 && !line.quoted)) {
        flush();
        paragraphs.push({ start: line.start, end: line.end, kind: "code", segments: [], quoted: false });
        continue;
      }
      if (i === 0 && raw === "---") {
        // YAML front matter: skip to the closing fence.
        let j = 1;
        while (j < lines.length && text.slice(lines[j].content.start, lines[j].content.end) !== "---") j++;
        if (j < lines.length) {
          paragraphs.push({ start: line.start, end: lines[j].end, kind: "code", segments: [], quoted: false });
          i = j;
          continue;
        }
      }
    }
    // A blank line, or a change between quoted and unquoted lines, ends a block.
    if (line.blank && !line.quoted) {
      flush();
      continue;
    }
    if (block.length > 0 && block[block.length - 1].quoted !== line.quoted) flush();
    block.push(line);
  }
  if (inFence && fence.length) {
    paragraphs.push({ start: fence[0].start, end: fence[fence.length - 1].end, kind: "code", segments: [], quoted: false });
  }
  flush();
  return paragraphs;
}

/** A line that ends a sentence: `.`, `!`, `?` or `…`, then perhaps closing quote marks or brackets. */
const SENTENCE_END_LINE = /[.!?\u2026]["'\u201d\u2019\u00bb)\]]*$/u;
/** …but not a title, an initial or an abbreviation before a wrap (`said Mr.` / `Doe`). */
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{L}|(?:\p{L}\.)+\p{L}|mr|mrs|ms|dr|prof|st|sen|rep|gov|gen|col|capt|lt|sgt|rev|no|vs|jr|sr|inc|corp|co|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/iu;
/** How a line that ends a sentence, a quotation or an introduction ends. */
const LINE_ENDED = /[.!?\u2026:;"'\u201d\u2019\u00bb)\]]$/u;
const DOUBLE_QUOTE_MARKS = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb]);
/** Longer than any hard wrap leaves a line (72–80 columns, at most ~100). */
const UNWRAPPED_LINE = 110;

/**
 * Are the lines of a block (no blank line between them) paragraphs of their own, not one
 * paragraph hard-wrapped? Wrapping leaves lines of about one width that end anywhere in a
 * sentence. Lines that each end a sentence, or lines too long for any wrap whose widths vary,
 * are paragraphs (in Markdown, only the second: it joins a paragraph's lines, and writers
 * break them after sentences on purpose) — and a name or a sentence must not run from one into
 * the next (a headline line `… Says He Would Quit` before `Jane Doe said …`).
 */
function linesAreParagraphs(text: string, lines: Line[], markdown: boolean): boolean {
  const body = lines.slice(0, -1);
  const endsSentence = (l: Line) => {
    const tail = text.slice(Math.max(l.content.start, l.content.end - 12), l.content.end);
    return SENTENCE_END_LINE.test(tail) && !ABBREVIATION_END.test(tail);
  };
  // A quotation left open at a line's end runs on into the next line, unless that line opens
  // one again (a quotation over several paragraphs).
  const closesQuotes = (k: number) => {
    let marks = 0;
    for (let i = lines[k].content.start; i < lines[k].content.end; i++) if (DOUBLE_QUOTE_MARKS.has(text.charCodeAt(i))) marks++;
    return marks % 2 === 0 || DOUBLE_QUOTE_MARKS.has(text.charCodeAt(lines[k + 1].content.start));
  };
  // Two lines are too few to tell: a wrapped quotation's last line often ends one (`“…?”` / `Doe said.`).
  if (!markdown && body.length >= 2 && body.every((l, k) => endsSentence(l) && closesQuotes(k))) return true;
  let longest = 0;
  for (const l of lines) longest = Math.max(longest, l.content.end - l.content.start);
  if (longest <= UNWRAPPED_LINE) return false;
  // Wrapping breaks a line only where the next word would not fit: a line plus a space plus the
  // next line's first word is wider than the widest line. Lines that break earlier are paragraphs.
  let fits = 0;
  for (let k = 0; k < body.length; k++) {
    const next = lines[k + 1].content;
    let word = next.start;
    while (word < next.end && !/\s/.test(text[word])) word++;
    if (body[k].content.end - body[k].content.start + 1 + (word - next.start) <= longest) fits++;
  }
  return fits > 0.2 * body.length;
}

/** A list item's first line: `- `, `* `, `+ `, `• `, `1. `, `2) `. */
const LIST_ITEM = /^(?:[-*+\u2022\u25aa\u25cf\u2043]|\d{1,3}[.)])[ \t]+\S/u;

/** Turns a block of consecutive lines into paragraphs, splitting off attribution and furniture lines. */
function emitBlock(text: string, block: Line[], out: Paragraph[], markdown: boolean): void {
  let run: Line[] = [];
  const quoted = block[0].quoted;
  // Each item of a list is a paragraph of its own, so a name never runs on from one item into
  // the next (`* Jane Doe: "…"` / `* John Roe: "…"`). Markdown says which lines are items; in
  // plain text it takes two, as a hard-wrapped sentence may put one dash first on a line.
  const isItem = (l: Line) => !l.blank && LIST_ITEM.test(text.slice(l.content.start, Math.min(l.content.end, l.content.start + 8)));
  let items = 0;
  for (const l of block) if (isItem(l)) items++;
  const lists = items >= (markdown ? 1 : 2);
  const emitRun = () => {
    const content = run.filter((l) => !l.blank);
    if (content.length === 0) {
      run = [];
      return;
    }
    if (!quoted && content.length > 1 && linesAreParagraphs(text, content, markdown)) {
      // Text pasted from the web: one paragraph per line, no blank lines between them.
      for (const line of content) {
        run = [line];
        emitRun();
      }
      return;
    }
    const start = content[0].content.start;
    const end = content[content.length - 1].content.end;
    const body = text.slice(start, end);
    let kind: ParagraphKind = quoted ? "blockquote" : "text";
    if (!quoted) {
      if (isCaption(body)) kind = "caption";
      else if (content.length === 1 && looksLikeHeading(body)) kind = "heading";
    }
    // Inside a block quote each line is a segment; blank `>` lines separate nothing.
    const segments = quoted ? content.map((l) => l.content) : [{ start, end }];
    out.push({ start, end, kind, segments, quoted });
    run = [];
  };
  let previous: Line | undefined;
  for (const line of block) {
    const raw = text.slice(line.content.start, line.content.end);
    // A hard-wrapped sentence can put a cue verb first on a line (`"…," the adviser` /
    // `conceded in an interview.`): a line is an attribution line only after a line that ended.
    const attribution = !line.blank && isAttributionLine(raw) && (!previous || LINE_ENDED.test(text.slice(Math.max(previous.content.start, previous.content.end - 4), previous.content.end)));
    if (!line.blank) previous = line;
    if (lists && !attribution && isItem(line)) emitRun();
    if (!line.blank && (attribution || isFurniture(raw))) {
      emitRun();
      out.push({
        start: line.content.start,
        end: line.content.end,
        kind: isFurniture(raw) ? "furniture" : "attribution",
        segments: [line.content],
        quoted,
      });
      continue;
    }
    run.push(line);
  }
  emitRun();
}
