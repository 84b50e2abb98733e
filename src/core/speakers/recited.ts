/**
 * Words read out from a text — `Rabbi Gould read from Leviticus: "…"`, `recited a verse from the
 * Quran about … "…"`, `He took as his text the opening of the 127th Psalm: "…"` — are the text's,
 * not the reader's own: the quotation gets no speaker.
 */
const READ_FROM = /\b(?:read|reads|reading|recited|recites|reciting|quoted|quotes|quoting|intoned|intones)\s+(?:aloud\s+|out\s+)?(?:from\b|(?:a|the|one|two|several)\s+(?:\w+\s+)?(?:verse|verses|passage|passages|line|lines|psalm|prayer|poem)\b)/i;
const AS_TEXT = /\btook as (?:his|her|their|its) text\b/i;
/**
 * `read aloud a message Banda sent him: "…"`, `reads out comments from viewers:`: someone else's
 * words read out (not `read out a letter from Edith Crane:`, whose writer is named, nor `had read
 * the letter with care`).
 */
// (case-sensitive: a writer named after `from` is capitalised)
const READ_OUT = /\b[Rr]ead(?:s|ing)?\s+(?:aloud|out)\s+(?:(?:a|an|the|one|some)\s+)?(?:\w+\s+)?(?:message|messages|letter|note|email|text|comment|comments|post|posts|tweet|tweets)\b(?!\s+from\s+(?:the\s+)?(?:\p{Lu}|\p{Ll}+\s+\p{Lu}))/u;

/** What one reads one's own words from (`Reading from a prepared statement, Doe said: "…"`). */
const OWN_TEXT = /\bfrom\s+(?:a|an|the|his|her|their|its)\s+(?:own\s+)?(?:prepared\s+|written\s+)?(?:statement|text|speech|remarks|script|notes|teleprompter|letter|post|tweet|phone)\b/i;

/**
 * A letter someone else sent (`read aloud from a letter sent to him by Acme`, `reading from a letter
 * she said a reader had sent her`): not the reader's own text, whatever `from a letter` suggests.
 */
const SENT_BY_ANOTHER = /\bfrom\s+(?:a|an|the)\s+(?:letter|message|note|email|text)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:sent|written|signed)\b/iu;

/** Whether the words of a sentence before a quotation (`before`) present it as read from a text. */
export function isReadFromText(before: string): boolean {
  return (READ_FROM.test(before) && (!OWN_TEXT.test(before) || SENT_BY_ANOTHER.test(before))) || AS_TEXT.test(before) || READ_OUT.test(before);
}
