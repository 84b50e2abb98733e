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

function samePerson(a: Entity, b: Entity): SpeakerMatch {
  const sa = a.surname ? fold(a.surname) : fold(a.name);
  const sb = b.surname ? fold(b.surname) : fold(b.name);
  if (sa !== sb) {
    // `Doe` against `Jane Doe-Smith` or a first name used alone (`Jane`) against `Jane Doe`.
    const ga = firstGiven(a);
    const gb = firstGiven(b);
    if (!a.given && gb === sa) return "unknown";
    if (!b.given && ga === sb) return "unknown";
    return "different";
  }
  const ga = firstGiven(a);
  const gb = firstGiven(b);
  if (!ga || !gb) return "same";
  return givenNamesMayAgree(ga, gb) ? "same" : "different";
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
