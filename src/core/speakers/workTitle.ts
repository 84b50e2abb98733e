/**
 * The title of a work in quotation marks — `her memoir, "Cold Water" (2006)`, `his 1998 book "The
 * Ledger and the Ballot,"`, `she wrote in "Cold Water."` — is marked like a quotation but names a
 * book, film or song; nobody speaks it, so it gets no speaker. Nor does a name given as one (`her
 * nickname, "…"`, `the old maxim "…"`, `known as the "…"`).
 */
import type { Quote } from "../quotes/quote";
import { stopwordSet } from "../lexicon";

const MAX_WORDS = 10;
/**
 * Works whose titles nobody speaks. Not messages (`a memo titled "…"`, `the ad "…"`): a memo's or
 * an ad's title is its author's words.
 */
const WORKS = new Set(["book", "books", "memoir", "memoirs", "novel", "album", "record", "single", "track", "opener", "closer", "documentary", "series", "play", "poem", "biography", "autobiography", "anthology", "film", "movie", "song", "show", "program", "programme", "podcast", "essay", "opera", "musical", "sitcom", "episode", "exhibition", "painting", "game", "petition", "report", "motion", "initiative", "project", "course", "tour"]);
/**
 * Nouns whose quoted name nobody speaks in the story (`her nickname, "…"`, `plays under the name "…"`,
 * `the old maxim "…"`, a song's `chorus "…"`), whatever its case. (Not a slogan or motto: a campaign's slogan is its words.)
 */
const NAMES = new Set(["nickname", "nicknames", "moniker", "maxim", "name", "codename", "chorus", "refrain"]);
/** (Fewer words than a title may have: a name is short.) */
const NAME_MAX_WORDS = 8;
/** Words naming a thing right before its name (`a column headlined "…"`, `the so-called "…"`, `nicknamed the library "…"`; not `dubbed`: who dubs a thing coins the words; not `titled`: an ad or a memo titled "…" is its author's words, a work titled "…" is read above). */
const NAMED_AS = /\b(?:known\s+as|(?:nick|code|re)?named|headlined|so[- ]called|nicknamed(?:\s+[\p{L}'’-]+){1,3})(?:\s+the)?\s*,?\s*$/iu;
/** (A name after an article is short: a longer title-case run may be someone's words.) */
const SHORT_NAME_WORDS = 4;
const BEFORE_SHORT_NAME = /(?:\b(?:the|an?|its|their)|\b\p{Ll}+['’]s)\s*$/u;
const SPOKEN_AFTER = /^[\s\u201d\u2019"'.,]*(?:rallying|slogan|motto|mantra|catchphrase|promise|pledge|vow|chant|battle\s+cry|war\s+cry|refrain|message|line|remark|comment|quip|warning|call)\b/iu;
const NAME_POSSESSIVE_BEFORE = /\b\p{Lu}[\p{L}-]+['’]s\s*$/u;
const COINED_BEFORE = /\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nicknam\p{L}*|brand(?:s|ed|ing)|label(?:s|l?ed|l?ing)|christen\p{L}*|term(?:s|ed|ing))\s+(?:(?:it|them|him|her|this|that)\s+)?(?:the|an?)\s*$/iu;
/** Words naming a work before its title (`a song titled "…"`). */
const NAMING = new Set(["titled", "entitled", "called", "named"]);
const WRITING_VERBS = new Set(["wrote", "writes", "write", "written", "writing", "argued", "argues", "recalled", "recalls", "described", "describes"]);
/** Things a quoted name may stand before (`the "…" podcast`, `a "…" private label`): never anyone's words. */
const THING_HEADS = new Set(["label", "brand", "range", "line", "app", "hat", "hats", "cap", "caps", "movement", "bill", "act", "reception", "event", "segment", "column", "newsletter", "website", "hashtag", "franchise", "collection", "festival", "award", "prize", "trophy", "cup"]);
/** Past the closing mark: one optional lower-case describing word, then the head noun (`" private label`). */
const NAMED_AFTER = /^[\s\u201d\u2019"']*(?:(\p{Ll}[\p{L}-]*)\s+)?(\p{Ll}[\p{L}-]*)\b/u;
/** The last word (and the one before it) right before the opening mark, past a comma. */
const LAST_WORDS = /(?:(\p{L}+)[\s,]+)?(\p{L}+),?\s*$/u;

export function isTitleOfWork(text: string, quote: Quote, wordCount: number): boolean {
  if (quote.form !== "marked" || quote.pieces.length !== 1 || wordCount > MAX_WORDS) return false;
  const before = LAST_WORDS.exec(text.slice(Math.max(0, quote.start - 60), quote.start - 1));
  if (!before) return false;
  const last = before[2].toLowerCase();
  const previous = before[1]?.toLowerCase() ?? "";
  if (NAMES.has(last) && wordCount <= NAME_MAX_WORDS) return true;
  // `the programme, known as the "…"`, `provisionally named "…"`
  if (wordCount <= NAME_MAX_WORDS && NAMED_AS.test(text.slice(Math.max(0, quote.start - 40), quote.start - 1))) return true;
  const words = text.slice(quote.start, quote.end).replace(/[.,!?]+$/u, "");
  if (wordCount > MAX_WORDS || !isTitleCase(words)) return false;
  if (WORKS.has(last) || (NAMING.has(last) && WORKS.has(previous))) return true;
  // `on the "Over the Sticks" podcast`, `its "Vane Basics" private label`: a name before the thing it names.
  const head = NAMED_AFTER.exec(text.slice(quote.end, quote.end + 40));
  if (head && (WORKS.has(head[2].toLowerCase()) || THING_HEADS.has(head[2].toLowerCase())) && /\p{L}$/u.test(text.slice(Math.max(0, quote.start - 12), quote.start - 1).trimEnd())) return true;
  // `the "Valdmark Pico"`, `an "Energy Emergency Level 3"`, `the game's "Moonwell Wishes"`: a short
  // name in title case right after an article or a thing's possessive (not `Doe's "…"`, whose words they may be).
  // (`taken to calling the "Nickel Road"`: whoever names it coins the words)
  const lead = text.slice(Math.max(0, quote.start - 40), quote.start - 1);
  if (wordCount <= SHORT_NAME_WORDS && BEFORE_SHORT_NAME.test(lead) && !COINED_BEFORE.test(lead)) return true;
  // `Varnholt's "The Salt Orchard"`, `Pasqualin's "Bathers at Corvo"`: a title of two words or more
  // after a name's possessive is a work of theirs, not words they said.
  // (not `Lind's "Build It Now" rallying cry`: a slogan or a pledge is its speaker's words)
  if (wordCount >= 2 && wordCount <= SHORT_NAME_WORDS && NAME_POSSESSIVE_BEFORE.test(lead) && !SPOKEN_AFTER.test(text.slice(quote.end, quote.end + 30))) return true;
  // `she wrote in "Cold Water."`
  return last === "in" && WRITING_VERBS.has(previous);
}

/** Every word capitalised but the small ones (`The Ledger and the Ballot`), and no sentence inside. */
function isTitleCase(words: string): boolean {
  if (/[.!?;:]\s/u.test(words)) return false;
  const ws = words.split(/\s+/).filter(Boolean);
  if (ws.length === 0 || !/^\p{Lu}/u.test(ws[0])) return false;
  return ws.every((w) => /^[\p{Lu}\p{N}"'‘“(]/u.test(w) || stopwordSet.has(w.toLowerCase()));
}
