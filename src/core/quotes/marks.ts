/**
 * Which characters open and close a quotation, and how to read the ambiguous straight `"`.
 * Single quotes are quote marks when curly (`‘…’`); a straight `'` quotes only where no apostrophe
 * could stand (`straightSingleRole`), as British copy typed without curly marks has it.
 */

export type MarkRole = "open" | "close" | "either" | "none";
export type MarkFamily = "double" | "single" | "guillemet";

export interface Mark {
  role: MarkRole;
  family: MarkFamily;
}

const MARKS: Record<string, Mark> = {
  "\u201c": { role: "open", family: "double" }, // “
  "\u201d": { role: "close", family: "double" }, // ”
  "\u201e": { role: "open", family: "double" }, // „
  "\u201f": { role: "open", family: "double" }, // ‟
  "\u00ab": { role: "open", family: "guillemet" }, // «
  "\u00bb": { role: "close", family: "guillemet" }, // »
  '"': { role: "either", family: "double" },
  "\u2018": { role: "open", family: "single" }, // ‘
  "\u2019": { role: "close", family: "single" }, // ’ (also an apostrophe)
};

export function markAt(text: string, i: number): Mark | undefined {
  // Most characters are no mark: answered from the code, without a one-character string.
  const c = text.charCodeAt(i);
  if (c !== 0x22 && c !== 0xab && c !== 0xbb && !(c >= 0x2018 && c <= 0x201f)) return undefined;
  return MARKS[text[i]];
}

const wordRe = /[\p{L}\p{N}]/u;
export const isWordAt = (text: string, i: number): boolean => i >= 0 && i < text.length && wordRe.test(text[i]);
const isSpaceAt = (text: string, i: number): boolean => i < 0 || i >= text.length || /\s/.test(text[i]);

/** Characters after which a straight `"` opens a quote. */
const OPENERS = new Set(["(", "[", "{", "\u2014", "\u2013", "-", "/", ":", "\u201c", "\u2018", "\u00ab"]);

/** Reads a straight double quote as opening or closing from its neighbours. */
export function straightQuoteRole(text: string, i: number, open: boolean): "open" | "close" | "none" {
  const before = text[i - 1];
  const spaceBefore = isSpaceAt(text, i - 1) || OPENERS.has(before);
  const spaceAfter = isSpaceAt(text, i + 1);
  if (spaceBefore && !spaceAfter) return open && !isWordAt(text, i + 1) && !/["'‘“]/.test(text[i + 1]) ? "close" : "open";
  if (!spaceBefore && spaceAfter) return open ? "close" : "none";
  if (!spaceBefore && !spaceAfter) {
    // Inside a run such as `word,"she` or `."—`: punctuation before means it closes.
    if (open) return "close";
    return isWordAt(text, i - 1) && isWordAt(text, i + 1) ? "none" : "open";
  }
  // A lone mark between spaces, as scraped text often has it: after the punctuation that ends
  // quoted words (`… sponsor,' " Doe wrote`) it closes; before a word, after a cue, it opens.
  let p = i - 1;
  while (p >= 0 && p > i - 4 && /[ \t]/.test(text[p])) p--;
  let n = i + 1;
  while (n < text.length && n < i + 4 && /[ \t]/.test(text[n])) n++;
  if (open && /[,.!?;'\u2019\u2026]/.test(text[p] ?? "")) return "close";
  if (!open && isWordAt(text, n) && /[,:]/.test(text[p] ?? "")) return "open";
  return "none";
}

/** Is this `’` closing a single quotation rather than an apostrophe? */
export function isClosingSingle(text: string, i: number): boolean {
  return !isWordAt(text, i + 1) && !isWordAt(text, i - 1) ? true : !isWordAt(text, i + 1) && !/s/i.test(text[i - 1] ?? "");
}

/** How far ahead (characters) a single quotation's own closing mark is looked for; keeps reading linear. */
const ELISION_LOOKAHEAD = 2000;

/**
 * Is this `’` (or `'`), inside an open single quotation, the apostrophe of a word cut short —
 * `runnin’ on empty`, `nothin’ left`, `ten years o’ promises` — rather than its closing mark?
 * Only a lower-case word ending in `in` (or `o` alone, `an`) before a lower-case word, and only
 * when a mark further on in the paragraph (before `end`) can close the quotation before another
 * opens; a proper name or the last mark of the paragraph closes it (`the ‘Berlin’ option`).
 */
export function isElisionApostrophe(text: string, i: number, end: number): boolean {
  if (text[i + 1] !== " " || !/\p{Ll}/u.test(text[i + 2] ?? "")) return false;
  let s = i;
  while (s > 0 && /\p{L}/u.test(text[s - 1])) s--;
  const word = text.slice(s, i);
  // Capitalised only as a quotation's or sentence's first word (`‘Nothin’ left`), never as a name.
  const first = s === 0 || /[\u2018'"\u201c]/.test(text[s - 1]) || /[.!?]\s$/.test(text.slice(Math.max(0, s - 2), s));
  if (!/^\p{Ll}/u.test(word) && !first) return false;
  if (!/^(?:\p{L}{2,}in|o|an)$/iu.test(word)) return false;
  const stop = Math.min(end, i + ELISION_LOOKAHEAD);
  for (let j = i + 1; j < stop; j++) {
    const c = text[j];
    // Another quotation opening first (`the ‘Berlin’ option and the ‘Dublin’ plan`): this mark closed.
    if ((c === "\u2018" || c === "'") && isSpaceAt(text, j - 1) && isWordAt(text, j + 1)) return false;
    if ((c === "\u2019" || c === "'") && !isWordAt(text, j + 1) && (isWordAt(text, j - 1) || /[,.!?;:\u2026\u2014-]/.test(text[j - 1]))) return true;
  }
  return false;
}

/** Words that open with an apostrophe (`'em`, `'til`, `rock 'n' roll`), never a quotation. */
const ELISIONS = new Set(["em", "til", "tis", "twas", "cause", "n", "round", "bout", "nuff", "ya", "im", "t", "s"]);

/**
 * Reads a straight `'` as opening or closing a single-quoted quotation (`'We will act,' she said`).
 * It opens only after a space or an opening mark, before a letter, and not an elision; it closes
 * only after a letter or the punctuation that ends quoted words, before no letter — and not as a
 * plural possessive (`the players' union`).
 */
export function straightSingleRole(text: string, i: number, open: boolean): "open" | "close" | "none" {
  if (!open) {
    if (!(isSpaceAt(text, i - 1) || OPENERS.has(text[i - 1])) || !/\p{L}/u.test(text[i + 1] ?? "")) return "none";
    let e = i + 1;
    while (e < text.length && e < i + 8 && isWordAt(text, e)) e++;
    return ELISIONS.has(text.slice(i + 1, e).toLowerCase()) && !isWordAt(text, e) ? "none" : "open";
  }
  if (isWordAt(text, i + 1) || isSpaceAt(text, i - 1)) return "none";
  // `the players' union`: an `s'` before a lower-case word is a possessive.
  if (/s/i.test(text[i - 1]) && text[i + 1] === " " && /\p{Ll}/u.test(text[i + 2] ?? "")) return "none";
  // `not the teachers',' said Doe`: a possessive right before the quotation's own closing mark.
  if (/s/i.test(text[i - 1]) && /[,.!?]/.test(text[i + 1] ?? "") && text[i + 2] === "'") return "none";
  return "close";
}

/** How far ahead (characters) a straight single quotation's closing mark is looked for. */
const SINGLE_CLOSE_WINDOW = 600;

/**
 * Whether a straight single quotation open before `from` closes later in `[from, end)` the way a
 * quotation ends — a `'` right after `,` `.` `!` or `?` (`…him,' she said`): then a double
 * quotation inside it is nested (British style), not a sign that the `'` was an apostrophe.
 */
export function straightSingleClosesLater(text: string, from: number, end: number): boolean {
  const stop = Math.min(end, from + SINGLE_CLOSE_WINDOW);
  for (let k = text.indexOf("'", from); k >= 0 && k < stop; k = text.indexOf("'", k + 1)) {
    if (/[,.!?]/.test(text[k - 1]) && !isWordAt(text, k + 1)) return true;
  }
  return false;
}

/**
 * Quotation marks typed as two characters — `''…''` (as newspaper archives export them) and
 * ``` ``…'' ``` (as typeset and treebank text has them) — rewritten as curly marks plus a space, so
 * the text keeps its length and every offset. Three apostrophes after a word close a nested
 * single quote and the double one; at a word's start they open both.
 */
export function spellDoubledMarks(text: string, markdown = false): string {
  if (!text.includes("''") && (markdown || !text.includes("``"))) return text;
  // In Markdown, backticks are code: only apostrophes are read. A longer run of either is no mark.
  return text.replace(markdown ? /'+/g : /'+|`+/g, (m: string, at: number) => {
    if (m.length < 2 || m.length > 3 || (m[0] === "`" && m.length !== 2)) return m;
    const before = at > 0 ? text[at - 1] : " ";
    const after = text[at + m.length] ?? " ";
    const opens = m === "``" || ((/\s/.test(before) || OPENERS.has(before)) && !/\s/.test(after));
    if (m.length === 3) return opens ? " \u201c'" : "'\u201d ";
    return opens ? "\u201c " : "\u201d ";
  });
}
