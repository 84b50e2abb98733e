/**
 * "Attribute to <real speaker>": rewrites the whole phrase that credits a misattributed quote the
 * way an editor would. The first time the draft names the real speaker it gets the full name and
 * the role the *source* gives (`Ines Calder, chief engineer of the Fenby Harbour Trust,`), after
 * that the surname; the wrong speaker's title and apposition go with their name, and no stray
 * comma is left. A pronoun (`he said`) becomes the real speaker's name in that sentence; a quote
 * that only continues an earlier paragraph's speaker gets an attribution of its own; a block
 * quote's credit line gets the full name and role.
 *
 * Works from the draft's text around the speaker mention and the speakers' name, role and
 * organisation as reported (`SpeakerFacts`), nothing else.
 */
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import { capitalize, roleDescription, type SpeakerFacts, surnameOf, titleBeforeName, withArticle } from "./newsStyle";
import { speakerPhraseAt } from "./speakerPhrase";
import type { QuoteFix, TextEdit } from "./textEdit";

/** What a rewrite needs to know of the quote. */
export interface AttributionInput {
  quote: { start: number; end: number; pieces: { start: number; end: number }[] };
  /** The words of the draft that name the speaker, as the engine found them. */
  mention?: { start: number; end: number };
  real: SpeakerFacts;
}

export function attributionFix(text: string, check: QuoteCheck | PlainQuoteCheck): QuoteFix | undefined {
  if (!check.findings.some((f) => f.kind === "misattributed")) return undefined;
  const speaker = check.source?.sourceQuote?.speaker;
  if (!speaker) return undefined;
  const real = factsOf(speaker);
  const title = `Attribute to ${real.name}`;
  const mention = check.quote.speakerMention;
  if (!mention) return { kind: "attribute", title, subject: real.name, edits: [], disabledReason: "The draft names no speaker for this quote to change." };
  const edit = rewriteAttribution(text, { quote: check.quote, mention, real });
  return { kind: "attribute", title, subject: real.name, edits: [edit], preferred: true };
}

/** A speaker as the engine reports it, reduced to what a rewrite may use. */
export function factsOf(e: { name: string; kind: SpeakerFacts["kind"]; role?: string; roleText?: string; organization?: { name: string } | string }): SpeakerFacts {
  const organization = typeof e.organization === "string" ? e.organization : e.organization?.name;
  return { name: e.name, kind: e.kind, role: e.roleText ?? e.role, organization };
}

/** The edit that credits the quote to `real` instead of whoever the draft names. */
export function rewriteAttribution(text: string, input: AttributionInput): TextEdit {
  const { quote, real } = input;
  const mention = input.mention;
  const paragraph = paragraphAround(text, quote.start);
  // A quote whose speaker carries on from an earlier paragraph: give this quote its own attribution.
  if (!mention || mention.end <= paragraph.start || mention.start >= paragraph.end) return attributionAfter(text, quote, real, introduced(text, quote.start, real, quote));

  const phrase = speakerPhraseAt(text, mention);
  const first = !introduced(text, phrase.start, real, quote);
  if (phrase.creditLine) {
    const desc = roleDescription(real);
    const role = desc && desc.text.replace(/^(?:the|of)\s+/i, "");
    return { start: phrase.start, end: phrase.end, newText: role ? `${real.name}, ${role}` : real.name };
  }
  const name = nameFor(real, first);
  const desc = first && real.kind === "person" ? roleDescription(real) : undefined;
  const cap = (s: string) => (phrase.sentenceStart ? capitalize(s) : s);
  const edit = (newText: string, end = phrase.end): TextEdit => ({ start: phrase.start, end, newText: cap(newText) });
  if (!desc) return edit(name);
  if (desc.attached) return edit(`${name} ${desc.text}`);
  if (phrase.titled) {
    const title = titleBeforeName(real);
    if (title) return edit(`${title} ${name}`);
  }
  // `"…," he said.` → `"…," said Ines Calder, chief engineer of the Fenby Harbour Trust.`
  if (phrase.sayAfter && !phrase.sentenceStart) return edit(`${phrase.sayAfter.word} ${name}, ${desc.text}`, phrase.sayAfter.end);
  return edit(phrase.subject ? `${name}, ${desc.text},` : `${name}, ${desc.text}`);
}

/** A person's full name on first reference, surname after; an organisation's or spokesperson's description. */
function nameFor(real: SpeakerFacts, first: boolean): string {
  if (real.kind === "person") return first ? real.name : surnameOf(real.name);
  if (real.kind === "organization") return withArticle(real.name);
  if (real.kind === "spokesperson" && real.organization) {
    const role = (real.role ?? "spokesperson").toLowerCase();
    return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role} for ${withArticle(real.organization)}`;
  }
  return real.name;
}

/** Has the draft named the real speaker before `before` (outside this quote's own words)? */
function introduced(text: string, before: number, real: SpeakerFacts, quote: AttributionInput["quote"]): boolean {
  if (real.kind !== "person") return false;
  let head = text.slice(0, before);
  // The quote's own words do not introduce anyone.
  for (const p of [...quote.pieces].reverse()) if (p.start < head.length) head = head.slice(0, p.start) + " ".repeat(Math.min(head.length, p.end) - p.start) + head.slice(Math.min(head.length, p.end));
  const surname = surnameOf(real.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${surname}(?![\\p{L}\\p{N}])`, "u").test(head);
}

/** `"… end." ` → `"… end," Calder said.` (or `said Ines Calder, chief engineer of …` on first reference). */
function attributionAfter(text: string, quote: AttributionInput["quote"], real: SpeakerFacts, known: boolean): TextEdit {
  const name = nameFor(real, !known);
  const desc = !known && real.kind === "person" ? roleDescription(real) : undefined;
  let end = quote.end;
  const closing = /^["”»’']/.test(text[end] ?? "") ? text[end] : "";
  const last = text[end - 1];
  const body = last === "." ? "," : "";
  const credit = desc ? (desc.attached ? `said ${name} ${desc.text}` : `said ${name}, ${desc.text}`) : `${real.kind === "person" ? name : capitalize(name)} said`;
  const start = last === "." ? end - 1 : end;
  end += closing.length;
  // What follows the closing mark: the sentence ends there (the quote's own stop) — add ours.
  const stop = /[?!]/.test(last ?? "") || last === "." ? "." : "";
  return { start, end, newText: `${body}${closing} ${credit}${stop}` };
}

/** The paragraph (between blank lines) holding `offset`. */
function paragraphAround(text: string, offset: number): { start: number; end: number } {
  const before = text.lastIndexOf("\n\n", offset);
  const after = text.indexOf("\n\n", offset);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? text.length : after };
}
