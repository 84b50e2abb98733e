/**
 * Untrusted text made visible and inert for display. Source documents and file names may hold
 * characters that change how text looks without being seen: bidirectional controls (a
 * right-to-left override shows `"cut taxes"` as `"sexat tuc"`, or reorders a quote's words),
 * zero-width characters (two words that look identical but differ), and control characters (a
 * terminal escape that clears the screen or opens a hyperlink; a line break that starts a line of
 * its own). Each such character is shown as a visible marker, `⟨U+202E⟩`, never passed on.
 */

/**
 * Bidirectional controls (ALM, LRM, RLM, LRE–RLO, LRI–PDI), zero-width and invisible format
 * characters (soft hyphen, combining grapheme joiner, Mongolian vowel separator, ZWSP, ZWNJ, ZWJ,
 * word joiner and the invisible operators, BOM, interlinear annotation and tag characters;
 * not the variation selectors, which emoji need), and
 * C0/C1 control characters other than tab, line feed and carriage return.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

/** The marker shown in place of an invisible character: `⟨U+202E⟩`. */
export function invisibleMarker(c: string): string {
  return `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** Whether the text holds a character `showInvisible` would mark. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}

/** Every invisible, bidirectional or control character (but tab and line breaks) shown as `⟨U+XXXX⟩`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, invisibleMarker);
}

/**
 * Text for one line of a terminal or a log: invisible and control characters marked, and every
 * run of whitespace — line breaks (also U+2028/U+2029, NEL) and tabs included — one space, so
 * that nothing in it can start a line of its own or move the cursor.
 */
export function oneLine(text: string): string {
  return showInvisible(text.replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " "));
}
