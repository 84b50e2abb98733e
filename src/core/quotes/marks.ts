/**
 * Which characters open and close a quotation, and how to read the ambiguous straight `"`.
 * Single quotes are only quote marks when curly (`‘…’`): a straight `'` is always an apostrophe.
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
