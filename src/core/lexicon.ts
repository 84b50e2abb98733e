/**
 * The word lists the engine reasons with. They live in `data/*.json` so that a linguist can
 * extend them without reading code; this module only indexes them for fast look-up.
 */
import cues from "./data/cues.json";
import roles from "./data/roles.json";
import pronouns from "./data/pronouns.json";
import captions from "./data/captions.json";
import abbreviations from "./data/abbreviations.json";
import stopwords from "./data/stopwords.json";

/** Every inflected cue-verb form, lower case, mapped to its lemma. */
export const cueVerbForms: ReadonlyMap<string, string> = new Map(
  Object.entries(cues.verbs).flatMap(([lemma, forms]) => forms.map((f) => [f, lemma] as [string, string])),
);
export const cuePhrases: readonly string[] = cues.phrases;
export const cueAdverbs: ReadonlySet<string> = new Set(cues.adverbs);

/** Role phrases (lower case, possibly several words) mapped to a canonical role. */
export const rolePhrases: ReadonlyMap<string, string> = new Map(
  Object.entries(roles.roles).flatMap(([role, phrases]) => phrases.map((p) => [p, role] as [string, string])),
);
/** The longest role phrase, in words: how far a role match may look ahead. */
export const longestRolePhrase = Math.max(...[...rolePhrases.keys()].map((p) => p.split(" ").length));
export const spokesRoles: ReadonlySet<string> = new Set(roles.spokesRoles);
export const personTitles: ReadonlySet<string> = new Set(roles.titles);
export const orgNouns: ReadonlySet<string> = new Set(roles.orgNouns);
export const anonymousNouns: ReadonlySet<string> = new Set(roles.anonymousNouns);
export const anonymousDeterminers: ReadonlySet<string> = new Set(roles.anonymousDeterminers);
export const corporateSuffixes: ReadonlySet<string> = new Set(roles.corporateSuffixes);

export const personPronouns: ReadonlySet<string> = new Set(pronouns.person);
export const pluralPronouns: ReadonlySet<string> = new Set(pronouns.plural);
export const thingPronouns: ReadonlySet<string> = new Set(pronouns.thing);

export const captionCredits: ReadonlySet<string> = new Set(captions.credits);
export const furniturePrefixes: readonly string[] = captions.furniturePrefixes;

export const abbreviationSet: ReadonlySet<string> = new Set(abbreviations.abbreviations);
export const stopwordSet: ReadonlySet<string> = new Set(stopwords.words);
