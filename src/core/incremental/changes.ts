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

/** The paragraphs an edit changed; `undefined` when the texts are equal. */
export function changedParagraphs(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
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
    const before = text.slice(0, Math.max(0, at));
    let found = 0;
    BLANK_LINE.lastIndex = 0;
    for (let m = BLANK_LINE.exec(before); m; m = BLANK_LINE.exec(before)) if (m.index + m[0].length <= at) found = m.index + m[0].length;
    if (k === paragraphsBack || found === 0) return found;
    at = found - 1;
  }
  return 0;
}

/** End of the paragraph holding `offset`: the next blank line, or the end of the text. */
export function paragraphEndAfter(text: string, offset: number): number {
  BLANK_LINE.lastIndex = Math.max(0, offset - 1);
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}
