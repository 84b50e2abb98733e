/**
 * Common given names with the gender they usually have (US birth records and English name
 * lists; see scripts/make-given-names.mjs). A capitalised pair that starts with one (`Lena
 * Fischer`) is very likely a person, and `she` is unlikely to mean a `Ravi`.
 */
import data from "../data/givenNames.json";

export type Gender = "female" | "male";

const genders = new Map<string, Gender | "either">();
for (const n of data.female) genders.set(n, "female");
for (const n of data.male) genders.set(n, "male");
for (const n of data.either) genders.set(n, "either");

export function isGivenName(word: string): boolean {
  return genders.has(word.toLowerCase());
}

/** The gender a given name suggests, if its bearers mostly share one. */
export function genderOfGivenName(word: string): Gender | undefined {
  const g = genders.get(word.toLowerCase());
  return g === "either" ? undefined : g;
}

const TITLE_GENDER: Record<string, Gender> = { mr: "male", sir: "male", lord: "male", fr: "male", mrs: "female", ms: "female", miss: "female", dame: "female", lady: "female" };

export function genderOfTitle(title: string): Gender | undefined {
  return TITLE_GENDER[title.toLowerCase().replace(/\.$/, "")];
}
