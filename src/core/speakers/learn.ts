/**
 * Learns who is who from the way news text introduces people and organisations, before any
 * quote is attributed: `Acme CEO Jesse Doe`, `Jesse Doe, CEO of Acme`, `Acme's chief executive,
 * Jesse Doe`, `Acme's Jesse Doe`, `Mr. Doe`, `Acme Global Inc`, `trading platform Acme`,
 * `Acme, which …`. Runs over the draft and every source so that each can use what the others say.
 */
import type { PreparedDocument } from "../document/document";
import { corporateSuffixes, cueAdverbs, cueVerbForms, orgNouns, spokesRoles } from "../lexicon";
import { genderOfTitle, isGivenName } from "./givenNames";
import type { EntityRegistry } from "./entity";
import { isTitle, parsePhrase, roleAt, takeNameBackward, takeNameForward, type SpeakerPhrase } from "./phrase";
import type { Token } from "./tokens";

const isNameWord = (t: Token | undefined) => !!t && t.kind === "word" && t.cap && !/^\p{N}/u.test(t.text);

/**
 * `Crumb & Co, the bakery chain with 40 shops`: an appositive whose head noun is a kind of
 * organisation (`chain`) — the last word before a preposition, with no role among them.
 */
function appositiveOrgType(ws: Token[], from: number): string | undefined {
  if (!["the", "a", "an"].includes(ws[from]?.lower ?? "")) return undefined;
  let k = from + 1;
  while (k < ws.length && k < from + 6 && ws[k].kind === "word" && !ws[k].cap && !["with", "for", "of", "in", "at", "that", "which", "who", "and"].includes(ws[k].lower)) {
    if (roleAt(ws, k)) return undefined;
    k++;
  }
  const head = ws[k - 1];
  return k > from + 1 && head.kind === "word" && orgNouns.has(head.lower) ? head.lower : undefined;
}

/**
 * Is a run of two to four capitalised words a person's name? Yes when it starts with a common
 * given name, when it is the subject of a speech verb (`Ravi Menon said`), or when an appositive
 * follows that describes a person (`Ravi Menon, chief engineer at Estuary Works,`).
 */
function isPersonName(run: Token[], ws: Token[], after: number): boolean {
  if (run.some((w) => orgNouns.has(w.lower) || corporateSuffixes.has(w.lower) || w.text.toUpperCase() === w.text)) return false;
  if (isGivenName(run[0].text)) return true;
  let v = after;
  while (ws[v]?.kind === "word" && cueAdverbs.has(ws[v].lower)) v++;
  if (ws[v]?.kind === "word" && !ws[v].cap && cueVerbForms.has(ws[v].lower)) return true;
  if (ws[after]?.text === "," && ws[after + 1]?.kind === "word" && !ws[after + 1].cap) {
    // `, chief engineer at X` / `, the port's chief engineer` / `, 54, a docker`
    const app = ws.slice(after + 1, after + 8);
    return app.some((w) => ["at", "of", "for"].includes(w.lower)) || app.some((w) => w.kind === "poss") || !!roleAt(app, 0);
  }
  return false;
}

/** Registers what a parsed phrase says about entities. */
export function registerPhrase(phrase: SpeakerPhrase | undefined, registry: EntityRegistry): void {
  if (!phrase) return;
  // `… General Hospital` read as role + name: a "name" ending in a kind of organisation is one.
  if (phrase.type === "person" && orgNouns.has(phrase.name.split(" ").pop()!.toLowerCase())) {
    registry.organization(phrase.organization ? `${phrase.organization} ${phrase.role?.text ?? ""} ${phrase.name}` : phrase.name);
    return;
  }
  const org = (name?: string) => (name ? registry.organization(name) : undefined);
  switch (phrase.type) {
    case "person":
      if (phrase.role && spokesRoles.has(phrase.role.role) && !phrase.name) return;
      registry.person(phrase.name, phrase.role, org(phrase.organization));
      return;
    case "organization":
      registry.organization(phrase.name);
      return;
    case "spokesperson":
      if (phrase.organization) registry.spokesperson(registry.organization(phrase.organization), phrase.noun);
      return;
    case "role":
      org(phrase.organization);
      return;
    case "name":
      if (phrase.organization) org(phrase.organization);
      return;
    default:
      return;
  }
}

export function learnEntities(doc: PreparedDocument, registry: EntityRegistry): void {
  const { tokens } = doc;
  // Work sentence by sentence on the words outside quotations.
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && doc.tokenSentence[to] === doc.tokenSentence[from]) to++;
    const sentence: Token[] = [];
    for (let i = from; i < to; i++) if (!doc.tokenQuoted[i]) sentence.push(tokens[i]);
    const kind = doc.paragraphs[doc.tokenParagraph[from]].kind;
    if (kind !== "caption" && kind !== "furniture") learnSentence(sentence, registry);
    from = to;
  }
}

function learnSentence(ws: Token[], registry: EntityRegistry): void {
  for (let i = 0; i < ws.length; i++) {
    const t = ws[i];
    const role = t.kind === "word" ? roleAt(ws, i) : undefined;
    if (role) {
      // A window around the role: owner before it, name or `of Org` after it.
      let start = i;
      if (ws[start - 1]?.kind === "poss") start = start - 1 - takeNameBackward(ws, start - 1).length;
      else start -= takeNameBackward(ws, start).length;
      if (start > 0 && ws[start - 1].kind === "word" && ["the", "a", "an"].includes(ws[start - 1].lower)) start--;
      let end = i + role.length;
      if (["of", "for", "at"].includes(ws[end]?.lower ?? "") && isNameWord(ws[end + 1])) end += 1 + takeNameForward(ws, end + 1).length;
      else end += takeNameForward(ws, end).length;
      const window = ws.slice(start, end);
      const phrase = parsePhrase(window);
      // `Jesse Doe, CEO of Acme` — a name and a comma just before the window.
      if (phrase && phrase.type === "role" && ws[start - 1]?.text === ",") {
        const name = takeNameBackward(ws, start - 1);
        if (name.length >= 2) registerPhrase(parsePhrase([...name, ws[start - 1], ...window]), registry);
      }
      // `Acme's chief executive, Jesse Doe` — a comma and a full name just after it.
      if (phrase && phrase.type === "role" && ws[end]?.text === ",") {
        const name = takeNameForward(ws, end + 1);
        if (name.length >= 2) registerPhrase(parsePhrase([...window, ws[end], ...name]), registry);
      }
      registerPhrase(phrase, registry);
      i = Math.max(i, end - 1);
      continue;
    }
    if (isTitle(t) && isNameWord(ws[i + 1])) {
      const name = takeNameForward(ws, i + 1);
      registry.person(name.map((w) => w.text).join(" "), undefined, undefined, genderOfTitle(t.lower));
      i += name.length;
      continue;
    }
    if (!isNameWord(t) || isNameWord(ws[i - 1])) continue;
    const run = takeNameForward(ws, i);
    if (run.length === 0) continue;
    const next = ws[i + run.length];
    const name = run.map((w) => w.text).join(" ");
    if (next?.kind === "poss" && isNameWord(ws[i + run.length + 1])) {
      // `Acme's Jesse Doe`: an owner and a full name.
      const person = takeNameForward(ws, i + run.length + 1);
      if (person.length >= 2 && !roleAt(ws, i + run.length + 1)) {
        registry.person(person.map((w) => w.text).join(" "), undefined, registry.organization(name));
        i += run.length + person.length;
      }
      continue;
    }
    const before = ws[i - 1];
    const afterRun = i + run.length;
    const person = run.length >= 2 && run.length <= 4 && isPersonName(run, ws, afterRun);
    const last = run[run.length - 1].lower;
    if (run.length > 1 && corporateSuffixes.has(last)) registry.organization(name);
    // `Lisport General Hospital`, `Harbour Workers Union`: a name ending in a kind of organisation.
    else if (run.length > 1 && orgNouns.has(last)) registry.organization(name, last);
    else if (person) registry.likelyPerson(name);
    else if (next?.text === "," && ws[i + run.length + 1]?.lower === "which") registry.organization(name);
    else if (before && before.kind === "word" && !before.cap && orgNouns.has(before.lower)) registry.organization(name, before.lower);
    const kind = !person && next?.text === "," ? appositiveOrgType(ws, afterRun + 1) : undefined;
    if (kind) registry.organization(name, kind);
    i += run.length - 1;
  }
}
