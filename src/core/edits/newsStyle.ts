/**
 * How a news desk writes who someone is: surnames on later references, roles lower-case after a
 * name (`Jane Roe, chief executive of Northgate Ports`), `the` before an institution
 * (`the Harbour Trust`) but not before a brand (`Northgate Ports`), and `told the Evening Post`
 * but `told Reuters`. Only what the source reports is used: the name, role and organisation of
 * `SpeakerFacts` (an `EntitySummary`).
 */
import { rolePhrases } from "../lexicon";

/** Who a speaker is, as a source reports it. */
export interface SpeakerFacts {
  name: string;
  kind: "person" | "organization" | "spokesperson" | "anonymous" | "group" | "unknown";
  role?: string;
  organization?: string;
}

const SUFFIXES = /^(?:jr\.?|sr\.?|ii|iii|iv|v|phd|md|qc|kc|mp|obe|mbe|cbe)$/i;
const PARTICLES = new Set(["van", "von", "de", "da", "del", "della", "di", "du", "le", "la", "der", "den", "ter", "ten", "bin", "al", "el", "st", "st."]);

/** `Jane Roe` → `Roe`; `Ludo van der Berg` → `van der Berg`; `Sam Hill Jr.` → `Hill`. */
export function surnameOf(name: string): string {
  const words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.test(words[words.length - 1])) words.pop();
  if (words.length <= 1) return words[0] ?? name;
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1].toLowerCase())) first--;
  return words.slice(first).join(" ");
}

/** Words that make up roles (`chief`, `executive`, `harbour`, `master`): lower-cased after a name. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  [...rolePhrases.keys()]
    .flatMap((p) => p.split(/\s+/))
    .concat("chief executive officer general secretary director president vice deputy head manager chair chairman chairwoman chairperson minister mayor governor senator councillor councilor leader editor professor engineer master harbour harbor commissioner superintendent inspector chancellor treasurer founder owner coach captain analyst economist lawyer attorney member senior junior assistant associate principal dean administrator coordinator clerk managing operating financial press public affairs relations communications spokesman spokeswoman spokesperson representative organiser organizer convener".split(" ")),
);

/** `General Secretary` → `general secretary`; proper nouns and acronyms (`Labour`, `NHS`) keep their case. */
export function lowerRole(role: string): string {
  return role
    .split(" ")
    .map((w) => (ROLE_WORDS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w) ? w.toLowerCase() : w))
    .join(" ");
}

/** Institutions take `the` (`the Harbour and Dockworkers Union`); brands do not (`Northgate Ports`). */
const INSTITUTIONS = new Set(
  "trust union council board party association department ministry agency commission committee authority service university institute foundation society federation office court senate assembly parliament bank company corporation museum hospital school college library fund group alliance league coalition network centre center organisation organization club church army navy police guard administration bureau secretariat cabinet government executive congress house chamber tribunal inquiry panel press post times journal gazette herald guardian telegraph tribune chronicle observer independent economist globe star sun mirror standard mail express courier examiner inquirer dispatch sentinel register review record bulletin".split(" "),
);

export function withArticle(org: string): string {
  const words = org.trim().split(/\s+/);
  if (/^the$/i.test(words[0])) return org;
  if (INSTITUTIONS.has(words[words.length - 1].toLowerCase()) || / of /i.test(org)) return `the ${org}`;
  return org;
}

/** Roles that work *for* someone (`spokeswoman for`), *at* a place (`analyst at`), else *of*. */
function preposition(role: string): string {
  if (/\b(?:spokes(?:wo)?man|spokesperson|adviser|advisor|lawyer|attorney|counsel|correspondent|reporter|consultant|campaigner|organi[sz]er|representative)$/i.test(role)) return "for";
  if (/\b(?:professor|lecturer|analyst|economist|researcher|scientist|fellow|student|teacher|nurse|doctor|surgeon)$/i.test(role)) return "at";
  return "of";
}

/** `chief engineer of the Fenby Harbour Trust`, `the harbour master`, `of Northgate Ports`; undefined when nothing is known. */
export function roleDescription(s: SpeakerFacts): { text: string; attached: boolean } | undefined {
  const role = s.role && lowerRole(s.role.trim());
  const org = s.organization?.trim();
  if (role && org) {
    if (role.toLowerCase().includes(org.toLowerCase())) return { text: role, attached: false };
    return { text: `${role} ${preposition(role)} ${withArticle(org)}`, attached: false };
  }
  if (role) return { text: /^(?:the|a|an)\s/i.test(role) ? role : `the ${role}`, attached: false };
  if (org) return { text: `of ${withArticle(org)}`, attached: true };
  return undefined;
}

/** The title written before a name: `Fenby Harbour Trust chief engineer`, `Mayor`; undefined without a role. */
export function titleBeforeName(s: SpeakerFacts): string | undefined {
  const role = s.role?.trim();
  if (!role) return undefined;
  const org = s.organization?.trim();
  if (org && !role.toLowerCase().includes(org.toLowerCase())) return `${org.replace(/^the\s+/i, "")} ${lowerRole(role)}`;
  // A one-word formal title stands capitalised before a name (`Mayor Elena Brandt`).
  return /^(?:mayor|president|governor|senator|judge|chancellor|councillor|councilor|minister|premier|commissioner|sheriff|bishop|rabbi|imam|pastor|father|sister|professor|dr\.?)$/i.test(role)
    ? role.charAt(0).toUpperCase() + role.slice(1).toLowerCase()
    : lowerRole(role);
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
