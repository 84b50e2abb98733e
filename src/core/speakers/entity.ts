/**
 * Who can speak in one document: people, organisations, an organisation's spokesperson,
 * groups and anonymous speakers. Every way the document names the same speaker — `Jesse Doe`,
 * `Doe`, `Mr. Doe`, `Acme CEO Jesse Doe` — is one entity (a coreference chain). Entities belong
 * to their document: nothing another document says can merge two of them or pick a different
 * person; comparing speakers across documents is `compare.ts`'s job.
 */
import { corporateSuffixes, genderedWords } from "../lexicon";
import { type Gender, genderOfGivenName } from "./givenNames";

export type EntityKind = "person" | "organization" | "spokesperson" | "anonymous" | "group" | "unknown";

export interface Entity {
  /** Unique within its document. */
  readonly id: number;
  kind: EntityKind;
  /** Display name: a person's fullest name, an organisation's name, `Acme spokeswoman`. */
  name: string;
  /** Person names, split; the given name may be unknown (`Mr. Doe`). */
  given?: string;
  surname?: string;
  /** `Jr.`, `III`: a father and son share the rest of the name, never this (kept apart from `name`, which names the person as people cite them). */
  suffix?: string;
  /** Canonical role (`CEO`) and the words the document used for it (`chief executive`). */
  role?: string;
  roleText?: string;
  /** Every role the document gives the entity (`senator`, `candidate`), for `the senator`. */
  roles?: Set<string>;
  organization?: Entity;
  /** Lower-case names the document uses for this entity. */
  aliases: Set<string>;
  /** For people: from a title, a gendered noun or a given name. */
  gender?: Gender;
  /** The gender came from the given name alone (`Lindsey`), which a title (`Mr. Graham`) overrules. */
  genderFromName?: boolean;
  /** For people of no known gender: the one a pronoun surely theirs suggested (`Dr Raghavan Iyer … he said`). */
  pronounGender?: Gender;
  /** For organisations: what kind (`company`, `union`), so `the company` skips a union. */
  orgType?: string;
}

export interface EntitySummary {
  name: string;
  kind: EntityKind;
  role?: string;
  organization?: string;
}

/** What a person's own outfit is called (`Doe's campaign`): an organisation named after that person. */
export const PERSONAL_OUTFITS: ReadonlySet<string> = new Set(["campaign", "camp", "team", "office", "staff", "family", "aides"]);

/** An organisation that is a person's own outfit (`Doe's campaign`; not `the ACLU's office`). */
export const isPersonalOutfit = (e: Entity): boolean => e.kind === "organization" && !!e.orgType && PERSONAL_OUTFITS.has(e.orgType) && !/^\p{Lu}{2,}$/u.test(e.name);

export function summarize(e: Entity): EntitySummary {
  // `Doe's campaign` is shown as `Doe (campaign)`, so a reader never takes it for Doe.
  const outfit = isPersonalOutfit(e) ? e.orgType : undefined;
  return { name: e.name, kind: e.kind, role: e.roleText ?? e.role ?? outfit, organization: e.organization?.name };
}

/** Kinds of organisation that `the company`, `the firm` or `the exchange` may all refer to. */
const BUSINESSES = new Set(["company", "firm", "chain", "exchange", "platform", "bank", "business", "startup", "start-up", "retailer", "lender", "insurer", "carrier", "airline", "maker", "manufacturer", "developer", "publisher", "studio", "label", "fund", "operator", "app", "website", "site", "group", "network", "outlet", "newspaper", "broadcaster"]);

/** `the organization`, `the group`: nouns any kind of organisation may be called. */
/** Words that end a business's name and may be dropped after its first mention (`Kestrel Logistics` is `Kestrel`). */
const BUSINESS_TAILS = new Set(["airline", "airlines", "airways", "analytics", "apparel", "beverages", "biosciences", "brands", "brewing", "broadcasting", "capital", "chemicals", "communications", "cosmetics", "electronics", "energy", "enterprises", "foods", "footwear", "freight", "games", "group", "holdings", "hotels", "industries", "insurance", "investments", "laboratories", "labs", "logistics", "minerals", "mining", "motor", "motors", "networks", "petroleum", "pharmaceuticals", "realty", "resorts", "resources", "robotics", "securities", "semiconductor", "semiconductors", "shipping", "software", "solutions", "steel", "studios", "systems", "technologies", "telecom", "textiles", "therapeutics", "ventures"]);

const GENERIC_ORG_NOUNS = new Set(["organization", "organisation", "group"]);

/** Can a nominal such as `the company` refer to an organisation of this kind? */
export function orgTypeFits(noun: string, e: Entity): boolean {
  if (!e.orgType || noun === "its" || noun === "their" || noun === e.orgType || GENERIC_ORG_NOUNS.has(noun)) return true;
  return BUSINESSES.has(noun) && BUSINESSES.has(e.orgType);
}

const clean = (s: string) => s.replace(/\s+/g, " ").trim();
const SUFFIXES = new Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]);

/** `Marc E. Elias` → given `Marc E.`, surname `Elias`; `Martin Luther King Jr.` → surname `King`. */
export function splitPersonName(name: string): { given?: string; surname: string; suffix?: string } {
  const words = clean(name).split(" ");
  const suffixes: string[] = [];
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1].toLowerCase().replace(/,$/, ""))) suffixes.unshift(words.pop()!);
  let s = words.length - 1;
  // `de la Cruz`, `van Hollen`: lower-case particles belong to the surname.
  // (`de Blasio` alone: the particle opens the surname, it is no given name)
  // (capitalised too after a given name: `Khalid Al Mahrouqi`, `Robert De Niro` — not `Al Gore`, whose `Al` is his given name)
  while (s > 0 && (/^(de|del|della|der|den|di|da|du|la|las|los|le|van|von|bin|ibn|dos|das|al|el|st\.?)$/.test(words[s - 1]) || (s > 1 && /^(De|Del|Della|Der|Den|Di|Da|Du|Van|Von|Bin|Ibn|Al|El)$/.test(words[s - 1])))) s--;
  const surname = words.slice(s).join(" ");
  const given = s > 0 ? words.slice(0, s).join(" ") : undefined;
  return { given, surname, suffix: suffixes.length ? suffixes.join(" ") : undefined };
}

/** Given names agree when equal, when one is missing, or when one is the other's initial. */
export function givenNamesAgree(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const fa = a.toLowerCase().split(" ")[0].replace(/\.$/, "");
  const fb = b.toLowerCase().split(" ")[0].replace(/\.$/, "");
  if (fa === fb) return true;
  if (fa.length === 1) return fb.startsWith(fa);
  if (fb.length === 1) return fa.startsWith(fb);
  return false;
}

/** The entities of one document, with the look-ups coreference needs. */
export class DocumentEntities {
  private nextId = 1;
  readonly entities: Entity[] = [];
  private bySurname = new Map<string, Entity[]>();
  private byGiven = new Map<string, Entity[]>();
  private orgs = new Map<string, Entity>();
  private orgAliases = new Map<string, Entity>();
  private orgInitials = new Map<string, Entity>();
  /** Businesses by the first word of their name (`Kestrel` → `Kestrel Logistics`); null when two share it. */
  private orgFirstWords = new Map<string, Entity | null>();
  private voices = new Map<Entity, Entity>();
  private byDescriptor = new Map<string, Entity>();
  /** People by the organisation and role the document gives them. */
  private holders = new Map<Entity, Map<string, Entity>>();

  constructor(private readonly userAliases: ReadonlyMap<string, string> = new Map()) {}

  /** Applies a user alias (`{"JD": "Jane Doe"}`) to a name. */
  expand(name: string): string {
    return this.userAliases.get(clean(name).toLowerCase()) ?? clean(name);
  }

  private create(kind: EntityKind, name: string): Entity {
    const e: Entity = { id: this.nextId++, kind, name, aliases: new Set([name.toLowerCase()]) };
    this.entities.push(e);
    return e;
  }

  /** People this document calls by this surname (`Clinton` may be two people). */
  withSurname(surname: string): Entity[] {
    return this.bySurname.get(surname.toLowerCase()) ?? [];
  }

  /** People this document calls by this given name alone (`Hillary`). */
  withGiven(given: string): Entity[] {
    return this.byGiven.get(given.toLowerCase()) ?? [];
  }

  /**
   * A person named in full (`Jesse Doe`): the person of that surname whose given name agrees, or
   * a new one. Never merges two different given names. A name first met without knowing what it
   * named (`unknown`) becomes this person.
   */
  person(rawName: string, gender?: Gender): Entity {
    const name = this.expand(rawName);
    const split = splitPersonName(name);
    let { given, surname } = split;
    const { suffix } = split;
    // (`Ms Al Mahrouqi` after `Fatma Al Mahrouqi`: the word opens a surname the document knows)
    if (given && !given.includes(" ") && this.withSurname(`${given} ${surname}`).length) {
      surname = `${given} ${surname}`;
      given = undefined;
    }
    // (`Donald Doe Jr.` and `Donald Doe` are two people: a suffix must agree when both names are full)
    // (`Mrs. Doe` after `Dale Doe … Mr. Doe said`: a title of the other gender is someone else —
    // his wife — unless only a given name suggested the gender: `Lindsey Graham … Mr. Graham`)
    const known = ofGender(this.withSurname(surname).filter((p) => !given || !p.given || (p.suffix ?? "").toLowerCase().replace(/\./g, "") === (suffix ?? "").toLowerCase().replace(/\./g, "")), gender);
    let e = known.find((p) => p.given && given && givenNamesAgree(p.given, given)) ?? (given ? known.find((p) => !p.given) : known.length === 1 ? known[0] : undefined);
    if (!e) {
      const unknown = this.unknowns.get(name.toLowerCase()) ?? (!given ? undefined : this.unknowns.get(surname.toLowerCase()));
      if (unknown) {
        this.unknowns.delete(unknown.name.toLowerCase());
        unknown.kind = "person";
        e = unknown;
      } else e = this.create("person", name);
      e.surname = surname;
      if (given && suffix) e.suffix = suffix;
      const list = this.bySurname.get(surname.toLowerCase()) ?? [];
      list.push(e);
      this.bySurname.set(surname.toLowerCase(), list);
    }
    if (given && (!e.given || (e.given.replace(/\.$/, "").length === 1 && given.length > 1) || given.split(" ").length > e.given.split(" ").length)) {
      e.given = given;
      e.name = `${given} ${e.surname}`;
    }
    if (given) {
      const first = given.split(" ")[0].toLowerCase().replace(/\.$/, "");
      const list = this.byGiven.get(first) ?? [];
      if (!list.includes(e)) list.push(e);
      this.byGiven.set(first, list);
    }
    settleGender(e, gender);
    if (!e.gender) {
      e.gender = gender ?? (given ? genderOfGivenName(given.split(" ")[0]) : undefined);
      if (!gender && e.gender) e.genderFromName = true;
    }
    e.aliases.add(name.toLowerCase());
    e.aliases.add(e.surname!.toLowerCase());
    e.aliases.add(e.name.toLowerCase());
    return e;
  }

  /** Strips corporate suffixes and a leading `the`: `The Acme Global Inc` → `Acme`. */
  static organizationCore(name: string): string {
    const words = clean(name).replace(/^the\s+/i, "").split(" ");
    const all = words.length;
    while (words.length > 1 && corporateSuffixes.has(words[words.length - 1].toLowerCase())) words.pop();
    if (words.length < all && /^(&|and)$/i.test(words[words.length - 1])) return clean(name).replace(/^the\s+/i, "");
    return words.join(" ");
  }

  organization(rawName: string, orgType?: string): Entity {
    const full = this.expand(rawName);
    const core = DocumentEntities.organizationCore(full);
    const key = core.toLowerCase();
    let e = this.orgs.get(key);
    if (!e) {
      const unknown = this.unknowns.get(key) ?? this.unknowns.get(full.toLowerCase());
      if (unknown) {
        this.unknowns.delete(unknown.name.toLowerCase());
        unknown.kind = "organization";
        unknown.name = core;
        e = unknown;
      } else e = this.create("organization", core);
      this.orgs.set(key, e);
    }
    e.orgType ??= orgType ?? (core !== full.replace(/^the\s+/i, "") ? "company" : undefined);
    e.aliases.add(full.toLowerCase());
    this.orgAliases.set(full.toLowerCase(), e);
    const initials = core.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0].toLowerCase()).join("");
    if (initials.length >= 2 && !this.orgInitials.has(initials)) this.orgInitials.set(initials, e);
    // (a business is called by its first word after the first mention — `Kestrel Logistics …
    // Kestrel also lowered` — not a foundation or a school, often named after a person)
    const words = core.split(" ");
    if (words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(words[0]) && words.slice(1).every((w) => BUSINESS_TAILS.has(w.toLowerCase()))) {
      const first = words[0].toLowerCase();
      const had = this.orgFirstWords.get(first);
      this.orgFirstWords.set(first, had === undefined || had === e ? e : null);
    }
    return e;
  }

  /** Whether a known organisation's name opens with `word` (`Harcourt` of `Harcourt United`). */
  opensOrganizationName(word: string): boolean {
    const w = word.toLowerCase() + " ";
    for (const key of this.orgs.keys()) if (key.startsWith(w)) return true;
    return false;
  }

  /** An organisation this document already named (by name, alias or initials), if any. */
  knownOrganization(name: string): Entity | undefined {
    const key = DocumentEntities.organizationCore(this.expand(name)).toLowerCase();
    // By name, by another name the document used, or by initials (`DNC` for `Democratic National Committee`).
    return this.orgs.get(key) ?? this.orgAliases.get(this.expand(name).toLowerCase()) ?? (/^[a-z]{2,6}$/.test(key) ? this.orgInitials.get(key) : undefined) ?? this.businessByFirstWord(key);
  }

  /** The one business whose name this word opens (`Kestrel` of `Kestrel Logistics`), if any. */
  businessByFirstWord(word: string): Entity | undefined {
    return this.orgFirstWords.get(word.toLowerCase()) ?? undefined;
  }

  spokesperson(organization: Entity, noun: string): Entity {
    const found = this.voices.get(organization);
    if (found) return found;
    const e = this.create("spokesperson", `${organization.name} ${noun.toLowerCase()}`);
    this.voices.set(organization, e);
    e.organization = organization;
    e.gender = genderedWords.get(noun.toLowerCase());
    e.role = "spokesperson";
    e.roleText = noun.toLowerCase();
    return e;
  }

  anonymous(descriptor: string): Entity {
    return this.named("anonymous", clean(descriptor));
  }

  group(name: string): Entity {
    return this.named("group", clean(name));
  }

  /** The entity of a kind known by a descriptor only (`Twitter user`, `Democrats`, `Acme CEO`). */
  private named(kind: EntityKind, name: string): Entity {
    const key = `${kind}:${name.toLowerCase()}`;
    let e = this.byDescriptor.get(key);
    if (!e) {
      e = this.create(kind, name);
      this.byDescriptor.set(key, e);
    }
    return e;
  }

  private unknowns = new Map<string, Entity>();

  /**
   * A name the document uses without saying what it names (`Acme refused`): it may turn out to
   * be a person (`person`) or an organisation (`organization`), which then take this entity over.
   */
  unknown(rawName: string): Entity {
    const name = this.expand(rawName);
    const key = name.toLowerCase();
    let e = this.unknowns.get(key);
    if (!e) {
      e = this.create("unknown", name);
      this.unknowns.set(key, e);
    }
    return e;
  }

  /** A name met before without knowing what it named. */
  knownUnknown(name: string): Entity | undefined {
    return this.unknowns.get(this.expand(name).toLowerCase());
  }

  /** Whoever already holds a role at an organisation, named or only described; no one new. */
  roleHolder(role: { role: string; text: string }, organization: Entity): Entity | undefined {
    return this.holders.get(organization)?.get(role.role) ?? this.byDescriptor.get(`unknown:${`${organization.name} ${role.text}`.toLowerCase()}`);
  }

  /** Someone the document describes only by role (`Acme's chief executive`, `the senator`). */
  rolePerson(role: { role: string; text: string }, organization?: Entity): Entity {
    const holder = organization && this.holders.get(organization)?.get(role.role);
    if (holder) return holder;
    const name = organization ? `${organization.name} ${role.text}` : role.text;
    const known = this.byDescriptor.get(`unknown:${name.toLowerCase()}`);
    if (known) return known;
    const e = this.named("unknown", name);
    e.role = role.role;
    e.roleText = role.text;
    e.organization = organization;
    return e;
  }

  /** Records a role and organisation the document gives a person. */
  describe(e: Entity, role?: { role: string; text: string }, organization?: Entity): void {
    if (role) (e.roles ??= new Set()).add(role.role).add(role.text.toLowerCase());
    if (role && (!e.role || e.role === "spokesperson" || role.role !== "spokesperson")) {
      e.role = role.role;
      e.roleText = role.text;
    }
    if (organization && organization !== e && !e.organization) e.organization = organization;
    // `Acme's chief executive` later means this person.
    if (e.kind === "person" && e.organization && e.role) {
      const roles = this.holders.get(e.organization) ?? new Map<string, Entity>();
      if (!roles.has(e.role)) roles.set(e.role, e);
      this.holders.set(e.organization, roles);
    }
  }
}

/**
 * The people of `list` who may be of `gender`: those of that gender or none known — or, when
 * there are none, those whose gender only their given name suggested (`Lindsey Graham` is
 * `Mr. Graham`; `Mrs. Clinton` is Hillary, never Bill, when both are named).
 */
export function ofGender(list: Entity[], gender: Gender | undefined): Entity[] {
  if (!gender) return list;
  const fits = list.filter((e) => !e.gender || e.gender === gender);
  return fits.length ? fits : list.filter((e) => e.genderFromName);
}

/** A title or gendered word (`Mr. Lou`) overrules a gender only the given name suggested. */
export function settleGender(e: Entity, gender: Gender | undefined): void {
  if (!gender || !e.genderFromName) return;
  e.gender = gender;
  e.genderFromName = undefined;
}
