/**
 * "Attribute to <real speaker>": rewrites the words that credit a misattributed quote, keeping
 * the draft's way of naming people. A pronoun (`she said`) has no name to change, so the nearest
 * earlier naming mention of the wrongly credited speaker is changed instead.
 */
import type { Entity } from "../speakers/entity";
import type { PlainQuoteCheck } from "../plain/plainCheck";
import type { QuoteCheck } from "../verdict/judge";
import { nameForm, nameIn } from "./speakerName";
import type { QuoteFix, TextEdit } from "./textEdit";

export function attributionFix(text: string, check: QuoteCheck | PlainQuoteCheck): QuoteFix | undefined {
  if (!check.findings.some((f) => f.kind === "misattributed")) return undefined;
  const real = check.source?.sourceQuote?.speaker;
  if (!real) return undefined;
  const title = `Attribute to ${real.name}`;
  const wrong = check.speaker;
  const mention = check.quote.speakerMention;
  if (!wrong || !mention) return { kind: "attribute", title, edits: [], disabledReason: "The draft names no speaker for this quote to change." };
  const phrase = mention.phrase;
  let edit: TextEdit | undefined;
  if (phrase.type === "pronoun" || phrase.type === "orgNoun") {
    const named = earlierMention(text, mention.start, wrong);
    if (!named) {
      return { kind: "attribute", title, edits: [], disabledReason: `“${mention.text}” names no one, and no earlier mention of ${wrong.name} was found to change.` };
    }
    edit = { ...named, newText: nameIn(nameForm(text.slice(named.start, named.end), wrong) ?? "full", real) };
  } else {
    edit = mentionEdit(mention, wrong, real);
  }
  return { kind: "attribute", title, edits: [edit], preferred: true };
}

type Mention = NonNullable<QuoteCheck["quote"]["speakerMention"]>;

/** The edit for a mention that names the speaker: only the name changes where that is enough. */
function mentionEdit(mention: Mention, wrong: Entity, real: Entity): TextEdit {
  const whole = (newText: string): TextEdit => ({ start: mention.start, end: mention.end, newText: matchCase(mention.text, newText) });
  const part = (written: string | undefined, newText: string): TextEdit | undefined => {
    if (!written) return undefined;
    const at = mention.text.indexOf(written);
    return at < 0 ? undefined : { start: mention.start + at, end: mention.start + at + written.length, newText };
  };
  const phrase = mention.phrase;
  switch (phrase.type) {
    case "person":
    case "name": {
      const hasRole = phrase.type === "person" && (phrase.role !== undefined || phrase.organization !== undefined);
      // `Acme CEO Jesse Doe`: the role belongs to the wrong person too, so describe the real one.
      if (hasRole) return whole(describe(real));
      if (real.kind !== "person" && mention.text.trim() !== phrase.name) return whole(real.name);
      const form = nameForm(phrase.name, wrong) ?? (phrase.name.includes(" ") ? "full" : "surname");
      return part(phrase.name, nameIn(form, real)) ?? whole(nameIn(form, real));
    }
    case "organization": {
      const org = organizationOf(real);
      return (org && part(phrase.name, org.name)) || whole(real.name);
    }
    case "spokesperson": {
      const org = organizationOf(real);
      return (real.kind !== "person" && org && part(phrase.organization, org.name)) || whole(real.name);
    }
    default:
      return whole(real.name);
  }
}

function organizationOf(e: Entity): Entity | undefined {
  return e.kind === "organization" ? e : e.kind === "spokesperson" ? e.organization : undefined;
}

/** `Tidewater chief executive Jane Roe`, or just the name when no role is known. */
function describe(e: Entity): string {
  if (e.kind !== "person") return e.name;
  return [e.organization?.name, e.roleText ?? e.role, e.name].filter(Boolean).join(" ");
}

/** Keeps a capital at the start of a sentence. */
function matchCase(old: string, replacement: string): string {
  return /^\p{Lu}/u.test(old) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** The last whole-word mention of one of the entity's names before `before`. */
export function earlierMention(text: string, before: number, entity: Entity): { start: number; end: number } | undefined {
  const head = text.slice(0, before);
  let best: { start: number; end: number } | undefined;
  const names = [...new Set([entity.name.toLowerCase(), ...entity.aliases])].filter((n) => n.length > 1);
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu");
    for (let m = re.exec(head); m; m = re.exec(head)) {
      const found = { start: m.index, end: m.index + m[0].length };
      // Nearest first; at the same place the longer name (`Jane Roe` over `Roe`).
      if (!best || found.end > best.end || (found.end === best.end && found.start < best.start)) best = found;
    }
  }
  return best;
}
