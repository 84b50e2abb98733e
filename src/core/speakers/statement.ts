/**
 * `"…," the statement said` / `"…," it read`: words of a statement, letter or post whose author a
 * sentence just before names (`Doe's rep, Jon Roe, confirmed the incident in a statement`, `Acme
 * released a statement on Monday`): the author speaks — at medium confidence, as a link, never as
 * a cue naming them.
 */
import { type PreparedDocument, tokenIndexAt } from "../document/document";
import type { Quote } from "../quotes/quote";
import type { Entity } from "./entity";
import type { MentionIndex } from "./mentions";

const THINGS = "statement|letter|memo|release|email|e-mail|post|tweet|note|message";
/** Right after the quotation: `, the statement said`, `, the letter read`, `, it read`. */
const AFTER = new RegExp(`^[\\s,.!?\\u201d"'\\u2019]*(?:(?:the|its|his|her|their)\\s+(${THINGS})|(it))\\s+(said|says|read|reads|added|adds|continued|stated|states)\\b`, "i");
const THING_WORD = new RegExp(`\\b(?:${THINGS})\\b`, "i");
/** Verbs (and `in`: `said in a statement`) by which someone issues a statement. */
const ISSUING = new Set(["released", "releases", "issued", "issues", "sent", "sends", "posted", "posts", "published", "put", "wrote", "writes", "emailed", "tweeted", "in", "confirmed", "announced", "shared"]);
/** How far back, in tokens and in characters of a sentence, the statement is looked for. */
const REACH_TOKENS = 200;
const REACH_CHARS = 1200;
const REACH_MENTIONS = 40;
/** How many sentences back the statement may have been introduced. */
const SENTENCES_BACK = 3;

export interface StatementAuthor {
  entity: Entity;
  verb: string;
}

export function statementAuthor(doc: PreparedDocument, index: MentionIndex, quote: Quote): StatementAuthor | undefined {
  const after = AFTER.exec(doc.text.slice(quote.end, quote.end + 60));
  if (!after) return undefined;
  // `it said` is an organisation's own pronoun (read elsewhere); `it read` is a text's.
  if (after[2] && !/^(?:read|reads|stated|states)$/i.test(after[3])) return undefined;
  const noun = after[1] ? new RegExp(`\\b${after[1]}\\b`, "i") : THING_WORD;
  const at = Math.min(tokenIndexAt(doc, quote.start), doc.tokens.length - 1);
  if (at < 0) return undefined;
  const sentence = doc.tokenSentence[at];
  for (let s = sentence - 1; s >= 0 && s >= sentence - SENTENCES_BACK; s--) {
    const span = doc.sentences[s];
    if (!span || !noun.test(doc.text.slice(Math.max(span.start, span.end - REACH_CHARS), span.end))) continue;
    // The noun's first token in that sentence, then who issued it: the nearest subject before it,
    // with a verb of issuing between (`Acme released a statement`, `Doe said in a statement`).
    // (bounded, as every look here: attribution stays linear on a document of one endless sentence)
    let n = at - 1;
    while (n >= 0 && n > at - REACH_TOKENS && doc.tokenSentence[n] > s) n--;
    let nounAt = -1;
    for (let k = n; k >= 0 && k > at - REACH_TOKENS && doc.tokenSentence[k] === s; k--) if (noun.test(doc.tokens[k].text)) nounAt = k;
    if (nounAt < 0) return undefined;
    const last = index.lastBefore(nounAt);
    for (let mi = last; mi >= 0 && mi > last - REACH_MENTIONS && index.mentions[mi].sentence === s; mi--) {
      const m = index.mentions[mi];
      if (!m.subject || m.end > nounAt) continue;
      const between = doc.tokens.slice(m.end, nounAt).map((t) => t.lower);
      if (between.includes("according") || !between.some((w) => ISSUING.has(w))) return undefined;
      const k = m.entity.kind;
      return k === "person" || k === "organization" || k === "spokesperson" || (k === "unknown" && !m.entity.role) ? { entity: m.entity, verb: after[3] } : undefined;
    }
    return undefined;
  }
  return undefined;
}
