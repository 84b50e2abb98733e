/**
 * The word lists the engine reasons with. They live in `data/*.json` so that a linguist can
 * extend them without reading code; this module only indexes them for fast look-up.
 */
import cues from "./data/cues.json";
import roles from "./data/roles.json";
import names from "./data/names.json";
import pronouns from "./data/pronouns.json";
import captions from "./data/captions.json";
import abbreviations from "./data/abbreviations.json";
import stopwords from "./data/stopwords.json";
import verbs from "./data/verbs.json";

/** Every inflected cue-verb form, lower case, mapped to its lemma. */
export const cueVerbForms: ReadonlyMap<string, string> = new Map(
  Object.entries(cues.verbs).flatMap(([lemma, forms]) => forms.map((f) => [f, lemma] as [string, string])),
);
/** Cue forms in -ing: they attach to the subject of the clause they follow (`X …, saying "…"`). */
export const cueParticiples: ReadonlySet<string> = new Set(cues.participles);
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
/** Words that say a person is a woman or a man (titles, gendered role nouns, pronouns). */
export const genderedWords: ReadonlyMap<string, "female" | "male"> = new Map([
  ...roles.gendered.female.map((w) => [w, "female"] as const),
  ...roles.gendered.male.map((w) => [w, "male"] as const),
]);
export const orgNouns: ReadonlySet<string> = new Set(roles.orgNouns);
export const anonymousNouns: ReadonlySet<string> = new Set(roles.anonymousNouns);
export const anonymousDeterminers: ReadonlySet<string> = new Set(roles.anonymousDeterminers);
export const corporateSuffixes: ReadonlySet<string> = new Set(roles.corporateSuffixes);

/** Capitalised at a sentence's start, these are ordinary words, never the start of a name. */
export const notNameWords: ReadonlySet<string> = new Set(names.notNameWords);
/** Days, months and times: never part of a person's name. */
export const timeWords: ReadonlySet<string> = new Set(names.timeWords);
export const monthsThatAreGivenNames: ReadonlySet<string> = new Set(names.monthsThatAreGivenNames);
/** Countries, states, regions and cities (lower case, possibly several words). */
export const places: ReadonlySet<string> = new Set(names.places);
export const longestPlace = Math.max(...names.places.map((p) => p.split(" ").length));
/** Last words that make a name an organisation (`… Committee`, `… Post`). */
export const orgHeads: ReadonlySet<string> = new Set(names.orgHeads);
/** First words that make a name an organisation (`University of …`). */
export const orgStarts: ReadonlySet<string> = new Set(names.orgStarts);
/** Plural nouns for groups that speak together (`Democrats`, `protesters`). */
export const groupNouns: ReadonlySet<string> = new Set(names.groups);
/** Adjectives of nations, parties and rank that describe a person rather than name them. */
export const describingWords: ReadonlySet<string> = new Set(names.nationalities);
/** Nouns for one person of a nation, region or city (`Argentine`, `Frenchman`). */
export const demonyms: ReadonlySet<string> = new Set(names.demonyms);

export const personPronouns: ReadonlySet<string> = new Set(pronouns.person);
export const pluralPronouns: ReadonlySet<string> = new Set(pronouns.plural);
export const thingPronouns: ReadonlySet<string> = new Set(pronouns.thing);

export const captionCredits: ReadonlySet<string> = new Set(captions.credits);
export const furniturePrefixes: readonly string[] = captions.furniturePrefixes;

export const abbreviationSet: ReadonlySet<string> = new Set(abbreviations.abbreviations);
export const stopwordSet: ReadonlySet<string> = new Set(stopwords.words);

/** Short forms of given names (`bill` → `william`). */
export const nicknames: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(names.nicknames));

/** Common verb forms, auxiliaries and modals (see data/verbs.json). */
export const verbForms: ReadonlySet<string> = new Set([...verbs.forms, ...cueVerbForms.keys(), ...negatives()]);

/** `wouldn't`, `won’t`: negated auxiliaries and modals, with either apostrophe. */
function negatives(): string[] {
  const stems = ["is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "would", "could", "should", "must", "might", "need", "ai", "ca", "wo", "sha"];
  return stems.flatMap((s) => [`${s}n't`, `${s}n\u2019t`]);
}

/** Things that "say" words someone wrote (`the ad says`, `her book opens with`): never a speaker, and a name set beside one is its title. */
export const thingNouns: ReadonlySet<string> = new Set(["ad", "ads", "advertisement", "video", "statement", "letter", "memo", "email", "e-mail", "tweet", "post", "message", "report", "book", "sign", "signs", "banner", "release", "column", "op-ed", "editorial", "article", "piece", "note", "text", "speech", "website", "site", "page", "document", "filing", "complaint", "lawsuit", "suit", "survey", "poll", "headline", "caption", "transcript", "spot", "commercial", "flyer", "mailer", "placard", "slogan", "petition", "resolution", "bill", "order", "ruling", "opinion", "brief", "study", "analysis", "story", "essay", "blog", "podcast", "interview", "show", "broadcast", "film", "movie", "song", "script", "card", "invitation", "notice", "platform", "manifesto", "pamphlet", "statute", "law", "amendment", "provision"]);
