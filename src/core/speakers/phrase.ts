/**
 * Reads a speaker noun phrase — `Acme CEO Jesse Doe`, `a spokeswoman for Acme`, `the company`,
 * `another commenter`, `he` — into what it says about the speaker. Resolving it to an entity
 * (which may need the document's context) is `resolve.ts`'s job.
 */
import { anonymousDeterminers, anonymousNouns, corporateSuffixes, longestRolePhrase, orgNouns, personPronouns, personTitles, pluralPronouns, rolePhrases, spokesRoles, thingPronouns } from "../lexicon";
import type { Token } from "./tokens";

export interface RoleRef {
  role: string;
  text: string;
}

export type SpeakerPhrase =
  | { type: "pronoun"; word: string }
  | { type: "person"; name: string; role?: RoleRef; organization?: string; orgNoun?: string }
  | { type: "name"; name: string; organization?: string }
  | { type: "organization"; name: string }
  | { type: "spokesperson"; organization?: string; orgNoun?: string; noun: string }
  | { type: "role"; role: RoleRef; organization?: string; orgNoun?: string }
  | { type: "orgNoun"; noun: string }
  | { type: "anonymous"; descriptor: string };

const DETERMINERS = new Set(["the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "some", "several", "many", "other", "two", "three", "our", "your"]);
const LINKS = new Set(["of", "for", "at", "with"]);
const CONNECTORS = new Set(["moreover", "however", "meanwhile", "furthermore", "besides", "also", "additionally", "still", "yet", "instead", "later", "earlier", "now", "then", "and", "but", "so", "finally", "indeed", "separately", "previously", "in", "detail", "addition", "particular", "short", "fact", "turn", "response"]);

export const isWord = (t: Token) => t.kind === "word";
/** A capitalised word that can be part of a name (not a lone pronoun such as `I`). */
const isNameWord = (t: Token) => t.kind === "word" && t.cap && !/^\p{N}/u.test(t.text) && t.lower !== "i";

/** The longest role phrase starting at `words[i]`, if any. */
export function roleAt(words: Token[], i: number): { role: RoleRef; length: number } | undefined {
  for (let n = Math.min(longestRolePhrase, words.length - i); n >= 1; n--) {
    const slice = words.slice(i, i + n);
    if (slice.some((w) => w.kind !== "word")) continue;
    const key = slice.map((w) => w.lower).join(" ");
    const role = rolePhrases.get(key);
    if (role) return { role: { role, text: slice.map((w) => w.text).join(" ") }, length: n };
  }
  return undefined;
}

export function isTitle(t: Token): boolean {
  return t.kind === "word" && personTitles.has(t.lower.replace(/\.$/, ""));
}

/** Joins name words, dropping a title's full stop but keeping initials and `U.S.`. */
function joinWords(ws: Token[]): string {
  return ws.map((w) => (/^(?:\p{L}\.)+$/u.test(w.text) ? w.text : w.text.replace(/\.$/, ""))).join(" ");
}

/** Reads one comma-free segment. */
function parseSegment(input: Token[]): SpeakerPhrase | undefined {
  let ws = input.filter((t) => t.kind !== "punct" || t.text === "-" || t.text === "&");
  while (ws.length && ws[0].kind === "word" && CONNECTORS.has(ws[0].lower)) ws = ws.slice(1);
  if (ws.length === 0) return undefined;
  if (ws.length === 1 && (personPronouns.has(ws[0].lower) || pluralPronouns.has(ws[0].lower) || thingPronouns.has(ws[0].lower))) {
    return { type: "pronoun", word: ws[0].lower };
  }
  let det: string | undefined;
  if (DETERMINERS.has(ws[0].lower) && ws.length > 1) {
    det = ws[0].lower;
    ws = ws.slice(1);
  }
  // A role: `Acme CEO Jesse Doe`, `the chief executive`, `a spokeswoman for Acme`.
  for (let i = 0; i < ws.length; i++) {
    const found = roleAt(ws, i);
    if (!found) continue;
    let organization: string | undefined;
    const before = ws.slice(0, i);
    if (before.length && before[before.length - 1].kind === "poss") {
      const owner = takeNameBackward(before, before.length - 1);
      if (owner.length) organization = joinWords(owner);
    } else {
      const owner = takeNameBackward(before, before.length);
      if (owner.length) organization = joinWords(owner);
    }
    // `a company spokesman`, `its regional officer`: the organisation is a nominal to resolve.
    const prev = before[before.length - 1];
    const orgNoun = !organization && prev?.kind === "word" && !prev.cap && (orgNouns.has(prev.lower) || prev.lower === "its" || prev.lower === "their") ? prev.lower : undefined;
    const after = ws.slice(i + found.length);
    let name: string | undefined;
    if (after.length && LINKS.has(after[0].lower)) {
      const org = takeNameForward(after, 1);
      if (org.length) organization = joinWords(org);
    } else {
      const n = takeNameForward(after, 0);
      if (n.length) name = joinWords(n.filter((w) => !isTitle(w)));
    }
    if (name) return { type: "person", name, role: found.role, organization };
    if (spokesRoles.has(found.role.role)) return { type: "spokesperson", organization, orgNoun, noun: found.role.text };
    return { type: "role", role: found.role, organization, orgNoun };
  }
  // `Mr. Doe`, `Dr Jane Roe`
  if (isTitle(ws[0]) && ws.length > 1 && ws.slice(1).every(isNameWord)) {
    return { type: "person", name: joinWords(ws.slice(1)) };
  }
  const last = ws[ws.length - 1];
  // `one Twitter user`, `another commenter`, `some readers`
  if (anonymousNouns.has(last.lower) && (!det || anonymousDeterminers.has(det)) && !ws.some((w) => w.kind === "poss")) {
    if (det || !last.cap) return { type: "anonymous", descriptor: singular(ws.map((w) => w.text).join(" ")) };
  }
  if (det === undefined && ws.length === 1 && (ws[0].lower === "others" || ws[0].lower === "critics")) return { type: "anonymous", descriptor: ws[0].lower };
  // `the company`, `the platform`, or `trading platform Acme`
  for (let i = ws.length - 1; i >= 0; i--) {
    if (ws[i].kind !== "word" || ws[i].cap || !orgNouns.has(ws[i].lower)) continue;
    const after = takeNameForward(ws, i + 1);
    if (after.length && i + 1 + after.length === ws.length) return { type: "organization", name: joinWords(after) };
    if (i === ws.length - 1 && !ws.slice(0, i).some(isNameWord)) return { type: "orgNoun", noun: ws[i].lower };
    if (i === ws.length - 1 && ws[i - 1]?.kind === "poss") {
      return { type: "organization", name: joinWords(takeNameBackward(ws, i - 1)) };
    }
    break;
  }
  // `Dr Jane Roe of the Lisport Health Board`: a name, then the organisation it speaks from.
  const link = ws.findIndex((w, k) => k > 0 && w.kind === "word" && ["of", "at", "from"].includes(w.lower));
  if (link > 0) {
    const who = ws.slice(isTitle(ws[0]) ? 1 : 0, link);
    const orgStart = ws[link + 1]?.lower === "the" ? link + 2 : link + 1;
    const org = takeNameForward(ws, orgStart);
    if (who.length && who.every(isNameWord) && org.length && orgStart + org.length === ws.length && (who.length >= 2 || isTitle(ws[0]))) {
      return { type: "person", name: joinWords(who), organization: joinWords(org) };
    }
  }
  // `harbour master Lena Fischer`: a description the role list does not know, then a name.
  const tail = takeNameBackward(ws, ws.length);
  const lead = ws.slice(0, ws.length - tail.length);
  if (tail.length && lead.length && lead.length <= 4 && lead.every((w) => w.kind === "word" && !w.cap && !/^\p{N}/u.test(w.text))) {
    const text = lead.map((w) => w.text).join(" ");
    const name = joinWords(tail.filter((w) => !isTitle(w)));
    if (name) return tail.length >= 2 ? { type: "person", name, role: { role: text.toLowerCase(), text } } : { type: "name", name };
  }
  // `Acme's Jesse Doe`
  const poss = ws.findIndex((w) => w.kind === "poss");
  if (poss > 0) {
    const owner = takeNameBackward(ws, poss);
    const rest = ws.slice(poss + 1);
    if (owner.length && rest.length && rest.every(isNameWord)) return { type: "person", name: joinWords(rest), organization: joinWords(owner) };
    return undefined;
  }
  if (ws.every((w) => isNameWord(w) || (w.kind === "word" && ["de", "van", "von", "der", "bin", "al", "da", "di", "du", "le", "la", "&", "and"].includes(w.lower)))) {
    if (!isNameWord(ws[0])) return undefined;
    const name = joinWords(ws);
    if ((corporateSuffixes.has(last.lower) || orgNouns.has(last.lower)) && ws.length > 1) return { type: "organization", name };
    return { type: "name", name };
  }
  return undefined;
}

function singular(s: string): string {
  return s.replace(/\b(user|reader|commenter|follower|customer|critic|supporter|resident|witness|protester|trader|holder|member|voter)s$/i, "$1");
}

/** Capitalised name words ending just before `end`, going back. */
/** `&` joins two name words: `Crumb & Co`, `Marks & Spencer`. */
const isAmpersand = (ws: Token[], i: number) => ws[i]?.text === "&" && isNameWord(ws[i - 1] ?? ws[i]) && !!ws[i + 1] && isNameWord(ws[i + 1]);

export function takeNameBackward(ws: Token[], end: number): Token[] {
  let i = end;
  while (i > 0 && ((isNameWord(ws[i - 1]) && !roleAt(ws, i - 1)) || (i - 1 > 0 && isAmpersand(ws, i - 1) && i < end))) i--;
  return ws.slice(i, end);
}

/** Capitalised name words starting at `from`, allowing a title first. */
export function takeNameForward(ws: Token[], from: number): Token[] {
  let i = from;
  while (i < ws.length && (isNameWord(ws[i]) || (i > from && (["de", "van", "von", "bin", "al"].includes(ws[i].lower) || isAmpersand(ws, i)))) && !(i > from && roleAt(ws, i))) i++;
  return ws.slice(from, i);
}

/**
 * Reads a whole phrase: the head before the first comma, completed by appositives
 * (`Jesse Doe, CEO of Acme` or `Acme's chief executive, Jesse Doe`).
 */
export function parsePhrase(tokens: Token[]): SpeakerPhrase | undefined {
  return parsePhraseSpan(tokens)?.phrase;
}

/**
 * Like `parsePhrase`, also saying which tokens (end exclusive) name the speaker: the head and
 * the appositive it used, without lead-ins such as `In an interview,`.
 */
export function parsePhraseSpan(tokens: Token[]): { phrase: SpeakerPhrase; from: number; to: number } | undefined {
  const segments: { from: number; to: number }[] = [{ from: 0, to: 0 }];
  tokens.forEach((t, i) => {
    if (t.kind === "punct" && (t.text === "," || t.text === "(" || t.text === ")" || t.text === "\u2014" || t.text === "\u2013")) segments.push({ from: i + 1, to: i + 1 });
    else segments[segments.length - 1].to = i + 1;
  });
  const parts = segments.filter((s) => tokens.slice(s.from, s.to).some(isWord));
  // The head is the first segment that names someone (`In an interview, he` → `he`).
  let first = 0;
  let head: SpeakerPhrase | undefined;
  while (first < parts.length && !(head = parseSegment(tokens.slice(parts[first].from, parts[first].to)))) first++;
  if (!head) return undefined;
  let to = parts[first].to;
  const next = parts[first + 1];
  const app = next && parseSegment(tokens.slice(next.from, next.to));
  if (app) {
    const merged = withAppositive(head, app);
    if (merged !== head) {
      head = merged;
      to = next.to;
    }
  }
  // An appositive ends at its comma; a bare head may run on into the sentence and is trimmed.
  return { phrase: head, from: parts[first].from, to: to === parts[first].to ? trimToPhrase(tokens, parts[first].from, to, head) : to };
}

/** The words a reading names the speaker with (name, role, organisation, descriptor). */
function keyWords(p: SpeakerPhrase): string[] {
  const texts: (string | undefined)[] = [];
  switch (p.type) {
    case "pronoun":
      texts.push(p.word);
      break;
    case "person":
      texts.push(p.name, p.organization, p.role?.text);
      break;
    case "name":
      texts.push(p.name, p.organization);
      break;
    case "organization":
      texts.push(p.name);
      break;
    case "spokesperson":
      texts.push(p.noun, p.organization, p.orgNoun);
      break;
    case "role":
      texts.push(p.role.text, p.organization, p.orgNoun);
      break;
    case "orgNoun":
      texts.push(p.noun);
      break;
    case "anonymous":
      texts.push(p.descriptor);
      break;
  }
  return texts.flatMap((t) => (t ? t.toLowerCase().split(/\s+/) : []));
}

/**
 * Ends the span at the phrase's last naming word: `Rovers manager Tessa Grant later backed her
 * captain` names her in its first four words, and a fix must replace only those.
 */
function trimToPhrase(tokens: Token[], from: number, to: number, phrase: SpeakerPhrase): number {
  const keys = new Set(keyWords(phrase).map((w) => w.replace(/\.$/, "")));
  for (let end = to; end > from; end--) {
    const t = tokens[end - 1];
    if (t.kind === "word" && keys.has(t.lower)) return end;
  }
  return to;
}

/** Completes a head with an appositive: `Acme's chief executive, Jesse Doe` / `Jesse Doe, CEO of Acme`. */
function withAppositive(head: SpeakerPhrase, app: SpeakerPhrase): SpeakerPhrase {
  if ((head.type === "role" || head.type === "orgNoun") && (app.type === "name" || app.type === "person")) {
    const role = head.type === "role" ? head.role : app.type === "person" ? app.role : undefined;
    const organization = (head.type === "role" ? head.organization : undefined) ?? (app.type === "person" ? app.organization : undefined);
    const orgNoun = head.type === "role" ? head.orgNoun : undefined;
    return { type: "person", name: app.name, role, organization, orgNoun };
  }
  if ((head.type === "name" || head.type === "person") && app.type === "role") {
    return { type: "person", name: head.name, role: app.role, organization: app.organization ?? head.organization };
  }
  if ((head.type === "name" || head.type === "person") && app.type === "spokesperson") {
    return { type: "person", name: head.name, role: { role: "spokesperson", text: app.noun }, organization: app.organization ?? head.organization };
  }
  return head;
}
