/**
 * Do a draft and a source credit the same speaker? Speakers belong to their documents, so they
 * are compared by what each document says: names (surname, and given names when both have
 * them), organisations, and who speaks for whom. The answer is `unknown` whenever the two
 * readings cannot settle it — a verdict never accuses or verifies on an `unknown`.
 */
import { nicknames } from "../lexicon";
import { DocumentEntities, type Entity, isPersonalOutfit } from "./entity";
import { isGivenName } from "./givenNames";

export type SpeakerMatch = "same" | "different" | "unknown";

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const firstGiven = (e: Entity) => (e.given ? fold(e.given).split(" ")[0].replace(/\.$/, "") : undefined);

/** `Bill` and `William`, `J.` and `Jane`: given names that may belong to one person. */
export function givenNamesMayAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const short = (x: string, y: string) => nicknames.get(x)?.includes(y) ?? false;
  return short(a, b) || short(b, a) || (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a)));
}

/** Particles of surnames (`von der Leyen`, `al-Rashidi`, `de la Cruz`), written or left out. */
const PARTICLES = new Set(["de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "st", "st."]);
const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/**
 * A person's name as folded words, without particles or suffixes: `Ursula von der Leyen` →
 * `ursula leyen`; `given` tells, for each word as written (accents kept: `García` is a surname,
 * `Garcia` may be a given name), whether it is a common given name.
 */
function nameWords(name: string): { words: string[]; given: boolean[] } {
  const words: string[] = [];
  const given: boolean[] = [];
  for (const raw of name.replace(/\s+/g, " ").trim().split(" ")) {
    const w = fold(raw)
      .replace(/^(al|el|ad|an|as|ash|at|az|ar)-(?=\p{L}{2})/u, "")
      .replace(/[.,]+$/, "");
    if (!w || PARTICLES.has(w) || NAME_SUFFIXES.has(w)) continue;
    words.push(w);
    given.push(isGivenName(raw.replace(/[.,]+$/, "")));
  }
  return { words, given };
}

/** By the given/surname split: `Doe` is `Jane Doe`, `Bill Doe` is not `Jane Doe`. */
function samePersonBySurname(a: Entity, b: Entity): SpeakerMatch {
  const sa = a.surname ? fold(a.surname) : fold(a.name);
  const sb = b.surname ? fold(b.surname) : fold(b.name);
  if (sa !== sb) {
    // `Doe` against `Jane Doe-Smith` or a first name used alone (`Jane`) against `Jane Doe`.
    const ga = firstGiven(a);
    const gb = firstGiven(b);
    // `Hal` against `Harold Doe`: a short form of the given name, used alone.
    const alone = (word: string, given?: string) => !!given && (word === given || (nicknames.get(word)?.includes(given) ?? false) || (nicknames.get(given)?.includes(word) ?? false));
    if (!a.given && alone(sa, gb)) return "unknown";
    if (!b.given && alone(sb, ga)) return "unknown";
    return "different";
  }
  const ga = firstGiven(a);
  const gb = firstGiven(b);
  if (!ga || !gb) return "same";
  return givenNamesMayAgree(ga, gb) ? "same" : "different";
}

/**
 * Names are not always given names then one surname: `García` names `Juan Carlos García Márquez`
 * (the first of two surnames), `Kim Ji-woo` is `Ji-woo Kim` (family name first or last), and
 * `von der Leyen` is `Ursula von der Leyen`. Two names are never different people when every
 * word of one is a word of the other; whether they are then the same is decided by where the
 * shared words stand.
 */
function samePerson(a: Entity, b: Entity): SpeakerMatch {
  const bySurname = samePersonBySurname(a, b);
  if (bySurname !== "different") return bySurname;
  const na = nameWords(a.name);
  const nb = nameWords(b.name);
  if (!na.words.length || !nb.words.length) return bySurname;
  const [small, big] = na.words.length <= nb.words.length ? [na, nb] : [nb, na];
  const at = small.words.map((w) => big.words.findIndex((x) => x === w || (w.length === 1 && x.startsWith(w))));
  if (at.some((i) => i < 0) || new Set(at).size < at.length || small.words.every((w) => w.length === 1)) return bySurname;
  if (small.words.length === 1) {
    // A lone word: the last word of the other name is its surname; a word between may be a
    // second surname (`García`) or a middle name (`Carlos`), which names no one for sure.
    if (at[0] === big.words.length - 1) return "same";
    if (at[0] === 0) return "unknown";
    return small.given[0] ? "unknown" : "same";
  }
  if (small.words.length === big.words.length) {
    // The same words in another order: `Kim Ji-woo` and `Ji-woo Kim` — unless both orders read
    // as given name then surname (`Dale Morgan`, `Morgan Dale`).
    if (at.every((i, k) => i === k)) return "same";
    return small.given[0] && big.given[0] ? "unknown" : "same";
  }
  // Fewer words: `García Márquez`, `Abdullah Rashidi` or `Juan García` of `Juan Carlos García Márquez`.
  if (at[0] === 0 || !small.given[0]) return at.every((i, k) => k === 0 || i > at[k - 1]) ? "same" : "unknown";
  // `Rhys Morgan` of `Supt Rhys Morgan`, `Hal Brisco` of `Harold Hal Brisco`: maybe.
  return "unknown";
}

function sameOrganization(a: Entity, b: Entity): boolean {
  const ca = fold(DocumentEntities.organizationCore(a.name));
  const cb = fold(DocumentEntities.organizationCore(b.name));
  if (ca === cb) return true;
  // `Jane Doe's campaign` and `her campaign` (named `Doe`): one person's outfit, by surname.
  if (isPersonalOutfit(a) && isPersonalOutfit(b)) return ca.split(" ").pop() === cb.split(" ").pop();
  const initials = (s: string) => s.split(/[\s-]+/).filter((w) => w.length > 2 || /^[a-z]/.test(w)).map((w) => w[0]).join("");
  return (ca.length <= 6 && !ca.includes(" ") && initials(cb) === ca) || (cb.length <= 6 && !cb.includes(" ") && initials(ca) === cb);
}

/** The organisation a speaker speaks for, when the speaker is its voice (itself or a spokesperson). */
function voiceOf(e: Entity): Entity | undefined {
  if (e.kind === "organization") return e;
  if (e.kind === "spokesperson" || (e.kind === "person" && e.role === "spokesperson")) return e.organization;
  return undefined;
}

export function compareSpeakers(a: Entity, b: Entity): SpeakerMatch {
  if (a === b) return "same";
  // `Doe said` against `Doe's campaign said`: the person and their own outfit are neither
  // plainly the same voice nor someone else — say it is unclear rather than accuse or verify.
  const outfitOf = (org: Entity, person: Entity) => isPersonalOutfit(org) && person.kind === "person" && fold(org.name).split(" ").pop() === fold(person.surname ?? person.name).split(" ").pop();
  if (outfitOf(a, b) || outfitOf(b, a)) return "unknown";
  // One document may not know whether `Acme Logistics` is a company or a person: the same name
  // (or the organisation a spokesperson speaks for) is the same speaker.
  const named = (e: Entity) => (e.kind === "person" && e.given && isGivenName(e.given.split(" ")[0])) || e.kind === "anonymous" || e.kind === "group" ? undefined : fold(DocumentEntities.organizationCore((voiceOf(e) ?? e).name));
  if (a.kind !== b.kind && named(a) !== undefined && named(a) === named(b)) return "same";
  // `Nils Eriksen` the person and `Nils Eriksen` read as an organisation (`Nils Eriksen's shop`):
  // something named after the person — maybe their voice, never someone else.
  const plainName = (e: Entity) => (e.kind === "anonymous" || e.kind === "group" ? undefined : fold(e.name));
  if (a.kind !== b.kind && plainName(a) !== undefined && plainName(a) === plainName(b)) return "unknown";
  if (a.kind === "person" && b.kind === "person") {
    const persons = samePerson(a, b);
    if (persons !== "different") return persons;
    // Two different people may still both be an organisation's voice (two spokespeople).
    const oa = voiceOf(a);
    const ob = voiceOf(b);
    return oa && ob && sameOrganization(oa, ob) ? "unknown" : "different";
  }
  const oa = voiceOf(a);
  const ob = voiceOf(b);
  if (oa && ob) return sameOrganization(oa, ob) ? "same" : "different";
  // Two unnamed speakers of the same kind (`one Twitter user`, `another user`) may be the same voice.
  if (a.kind === "anonymous" && b.kind === "anonymous") return "same";
  if (a.kind === "anonymous" || b.kind === "anonymous") return a.kind === "group" || b.kind === "group" || a.kind === "unknown" || b.kind === "unknown" ? "unknown" : "different";
  if (a.kind === "group" || b.kind === "group") return "unknown";
  if (a.kind === "unknown" || b.kind === "unknown") {
    // Known only by a role (`the senator`): the same only if the named one holds that role there.
    const [role, named] = a.kind === "unknown" ? [a, b] : [b, a];
    if (named.kind === "person" && role.role && named.role && role.role !== named.role) return "unknown";
    return "unknown";
  }
  // A person and an organisation: the organisation's own people are not "someone else".
  const [person, org] = a.kind === "person" ? [a, b] : [b, a];
  if (person.kind === "person" && org.kind === "organization") {
    if (person.organization && sameOrganization(person.organization, org)) return "unknown";
    return "different";
  }
  return "different";
}
