/**
 * Where an edit changed a text, widened to whole paragraphs (blank-line separated), and how to
 * move what lies after it.
 */

export interface TextChange {
  /** Start of the first changed paragraph (same in the old and new text). */
  start: number;
  /** End of the last changed paragraph in the old text, and in the new. */
  oldEnd: number;
  newEnd: number;
  /** Offset change for everything after the changed paragraphs. */
  delta: number;
}

const BLANK_LINE = /\n[ \t]*\r?\n/g;
const BLOCK = 256;

/** The paragraphs an edit changed; `undefined` when the texts are equal. */
export function changedParagraphs(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  // Whole blocks first (a native comparison), then character by character.
  let prefix = 0;
  while (prefix + BLOCK <= max && oldText.slice(prefix, prefix + BLOCK) === newText.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const oldEndAt = (n: number) => oldText.slice(oldText.length - n - BLOCK, oldText.length - n);
  const newEndAt = (n: number) => newText.slice(newText.length - n - BLOCK, newText.length - n);
  while (suffix + BLOCK <= max - prefix && oldEndAt(suffix) === newEndAt(suffix)) suffix += BLOCK;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const start = paragraphStartBefore(newText, prefix);
  const newEnd = paragraphEndAfter(newText, newText.length - suffix);
  const delta = newText.length - oldText.length;
  return { start, oldEnd: newEnd - delta, newEnd, delta };
}

/** Start of the paragraph holding `offset`: just after the last blank line before it. */
export function paragraphStartBefore(text: string, offset: number, paragraphsBack = 0): number {
  let at = offset;
  for (let k = 0; k <= paragraphsBack; k++) {
    const found = lastBlankLineEnd(text, Math.max(0, at));
    if (k === paragraphsBack || found === 0) return found;
    at = found - 1;
  }
  return 0;
}

/**
 * End of the last blank line (as a forward scan from the start finds them) ending at or before
 * `at`, or 0. Scans only back to a point the pattern cannot run across (a character that is not
 * a newline, space, tab or CR), so it costs the paragraph, not the whole text before it.
 */
function lastBlankLineEnd(text: string, at: number): number {
  for (let span = 4096; ; span *= 4) {
    let from = Math.max(0, at - span);
    while (from > 0 && isBlankChar(text.charCodeAt(from - 1))) from--;
    const before = text.slice(from, at);
    let found = -1;
    BLANK_LINE.lastIndex = 0;
    for (let m = BLANK_LINE.exec(before); m; m = BLANK_LINE.exec(before)) found = from + m.index + m[0].length;
    if (found >= 0) return found;
    if (from === 0) return 0;
  }
}

const isBlankChar = (c: number) => c === 0x0a || c === 0x20 || c === 0x09 || c === 0x0d;

/** End of the paragraph holding `offset`: the next blank line, or the end of the text. */
export function paragraphEndAfter(text: string, offset: number): number {
  BLANK_LINE.lastIndex = Math.max(0, offset - 1);
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}
