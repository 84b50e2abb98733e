/**
 * Common given names with the gender they usually have (US birth records and English name
 * lists; see scripts/make-given-names.mjs). A capitalised pair that starts with one (`Lena
 * Fischer`) is very likely a person, and `she` is unlikely to mean a `Ravi`.
 */
import data from "../data/givenNames.json";

export type Gender = "female" | "male";

// Sets built from the lists by the engine itself (21,000 names): a loop of `set` calls here was
// compiled on the side by the optimising compiler at every start (~0.03 s of a small check's CPU).
// A name in two lists counts as the later one says: `either` before `male` before `female`.
const anyGender = new Set(data.female.concat(data.male, data.either));
const male = new Set(data.male);
const either = new Set(data.either);

/** A name as the lists spell it: lower case, accents dropped (`José` is listed as `jose`). */
function key(word: string): string {
  const w = word.toLowerCase();
  return /[^\x00-\x7f]/.test(w) ? w.normalize("NFD").replace(/\p{M}/gu, "") : w;
}

export function isGivenName(word: string): boolean {
  return anyGender.has(key(word));
}

/** The gender a given name suggests, if its bearers mostly share one. */
export function genderOfGivenName(word: string): Gender | undefined {
  const w = key(word);
  if (either.has(w)) return undefined;
  return male.has(w) ? "male" : anyGender.has(w) ? "female" : undefined;
}

const TITLE_GENDER: Record<string, Gender> = { mr: "male", sir: "male", lord: "male", fr: "male", mrs: "female", ms: "female", miss: "female", dame: "female", lady: "female" };

export function genderOfTitle(title: string): Gender | undefined {
  return TITLE_GENDER[title.toLowerCase().replace(/\.$/, "")];
}
