/**
 * A nickname inside a name — `Thomas "Tip" Harlan said`, `Mara "the Hammer" Okonjo` — is marked
 * like a quotation but is part of the person's name, not words anyone spoke: it gets no speaker
 * (the cue after it belongs to the person, not to the nickname).
 */
import type { Quote } from "../quotes/quote";
import { stopwordSet } from "../lexicon";

const MAX_WORDS = 3;
/** A capitalised name word, then one space, right before the opening mark. */
const NAME_BEFORE = /(?:^|[\s(])(\p{Lu}[\p{L}'’-]*\.?) $/u;
/** One space, then a capitalised name word, right after the closing mark. */
const NAME_AFTER = /^ (\p{Lu}[\p{L}'’-]+)/u;
const NICKNAME = /^(?:(?:the|der|el|la|le) )?\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*$/u;

export function isNicknameInName(text: string, quote: Quote, wordCount: number): boolean {
  if (quote.form !== "marked" || quote.pieces.length !== 1 || wordCount > MAX_WORDS) return false;
  const words = text.slice(quote.start, quote.end);
  if (!NICKNAME.test(words)) return false;
  const before = NAME_BEFORE.exec(text.slice(Math.max(0, quote.start - 41), quote.start - 1));
  const after = NAME_AFTER.exec(text.slice(quote.end + 1, quote.end + 41));
  // Title-case headlines (`Trump Calls Cruz "Liar" In Debate`) put function words around marks.
  return !!before && !!after && !stopwordSet.has(before[1].toLowerCase()) && !stopwordSet.has(after[1].toLowerCase());
}
