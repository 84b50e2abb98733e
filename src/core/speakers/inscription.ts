/**
 * Words written on a thing — `carrying signs reading "…" and "…"`, `a banner in the stand read
 * "…"`, `wearing a shirt that read "…"` — are marked like a quotation, but nobody in the story
 * speaks them: the one holding the sign is no speaker of its words, so they get none.
 */
import type { Quote } from "../quotes/quote";

/** Things words are written on. */
const CARRIERS = "signs?|placards?|banners?|posters?|(?:t-)?shirts?|tees?|hats?|caps?|stickers?|buttons?|billboards?|graffiti|murals?|plaques?|pennants?|flags?|sheets?|bedsheets?|cards?|boards?";
/** Words between the thing and its verb (`a sign in the window reads`), never a clause of its own. */
const BETWEEN = "(?:\\s+(?!(?:and|but|or|then|he|she|they|we|i|you|who|as|when|while)\\b)[\\p{L}\\p{N}'’-]+){0,5}?";
/** The verbs that give a thing's words: `reading`, `that read`, `which said`, `emblazoned with`. */
const VERB = "(?:(?:that|which)\\s+(?:read|reads|said|says|proclaimed|declared)|read|reads|reading|saying|bearing|bore|proclaiming|declaring|emblazoned\\s+with|with\\s+the\\s+words?)";
/** Earlier inscriptions in the same list (`signs reading "A," "B" and "…"`; `"OR VOLÉ" — "stolen gold"`, a translation after a dash). */
const EARLIER = "(?:[\"“][^\"“”\\n]{1,120}[\"”]\\s*[,;\\u2014\\u2013]?\\s*(?:and|or)?\\s*)*";
const INSCRIPTION = new RegExp(`\\b(?:${CARRIERS})\\b${BETWEEN}\\s+${VERB}\\s*[,:]?\\s*${EARLIER}$`, "iu");
/** How far back the thing may be named. */
const LOOK_BACK = 200;

export function isInscription(text: string, quote: Quote): boolean {
  if (quote.form !== "marked") return false;
  const before = text.slice(Math.max(0, quote.start - 1 - LOOK_BACK), quote.start - 1);
  // (the sentence the quotation opens in: never a thing named in an earlier sentence)
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1);
  return INSCRIPTION.test(sentence);
}
