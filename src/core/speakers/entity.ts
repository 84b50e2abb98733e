/**
 * Who can speak: people, organisations, an organisation's spokesperson, and anonymous speakers
 * ("one Twitter user"). The registry merges every way a text names the same speaker —
 * `Jesse Doe`, `Doe`, `Mr. Doe`, `Acme CEO Jesse Doe` — into one entity, across the draft and all
 * sources, so speakers can be compared between documents.
 */
import { corporateSuffixes } from "../lexicon";
import { type Gender, genderOfGivenName } from "./givenNames";

export type EntityKind = "person" | "organization" | "spokesperson" | "anonymous" | "unknown";

export interface Entity {
  readonly id: number;
  kind: EntityKind;
  /** Canonical display name: a person's full name, an organisation's short name, "Acme spokeswoman". */
  name: string;
  /** Canonical role (`CEO`) and the words the text used for it (`chief executive`). */
  role?: string;
  roleText?: string;
  organization?: Entity;
  /** Person names, split: given names may be unknown (`Mr. Doe`). */
  given?: string;
  surname?: string;
  /** Lower-case names that refer to this entity, for finding mentions. */
  aliases: Set<string>;
  /** For people: from a title (`Ms.`) or a given name, so `she` does not pick a `Mr.`. */
  gender?: Gender;
  /** For organisations: what kind (`company`, `union`, `council`), so `the company` skips a union. */
  orgType?: string;
}

/** Kinds of organisation that `the company`, `the firm` or `the exchange` may all refer to. */
const BUSINESSES = new Set(["company", "firm", "chain", "exchange", "platform", "bank", "business", "startup", "start-up", "retailer", "lender", "insurer", "carrier", "airline", "maker", "manufacturer", "developer", "publisher", "studio", "label", "fund", "operator", "app", "website", "site", "group", "network", "outlet", "newspaper", "broadcaster"]);

/** Can a nominal such as `the company` refer to an organisation of this kind? */
export function orgTypeFits(noun: string, e: Entity): boolean {
  if (!e.orgType || noun === "its" || noun === "their" || noun === e.orgType) return true;
  return BUSINESSES.has(noun) && BUSINESSES.has(e.orgType);
}

export interface EntitySummary {
  name: string;
  kind: EntityKind;
  role?: string;
  organization?: string;
}

export function summarize(e: Entity): EntitySummary {
  return { name: e.name, kind: e.kind, role: e.roleText ?? e.role, organization: e.organization?.name };
}

const cleanName = (s: string) => s.replace(/\s+/g, " ").trim();

export class EntityRegistry {
  private nextId = 1;
  readonly entities: Entity[] = [];
  private byAlias = new Map<string, Entity[]>();
  private userAliases = new Map<string, string>();
  /** Names that look like people but may yet turn out to be organisations (see `settle`). */
  private likelyPeople: string[] = [];

  /** Notes a name that reads like a person's; it becomes one in `settle` unless it names an organisation. */
  likelyPerson(name: string): void {
    this.likelyPeople.push(name);
  }

  /** Ends a learning pass over all documents: likely people not known as organisations become people. */
  settle(): void {
    for (const name of this.likelyPeople) {
      const known = this.lookup(this.expandAlias(name));
      if (!known.some((e) => e.kind === "organization")) this.person(name);
    }
    this.likelyPeople = [];
  }

  /** User-declared aliases (`{"JD": "Jane Doe"}`): the key is read as the value everywhere. */
  setUserAliases(aliases: Record<string, string>): void {
    for (const [alias, name] of Object.entries(aliases)) this.userAliases.set(alias.toLowerCase(), name);
  }

  /** Applies a user alias to a name, if one is declared. */
  expandAlias(name: string): string {
    return this.userAliases.get(name.toLowerCase()) ?? name;
  }

  private create(kind: EntityKind, name: string): Entity {
    const e: Entity = { id: this.nextId++, kind, name, aliases: new Set() };
    this.entities.push(e);
    return e;
  }

  addAlias(e: Entity, alias: string): void {
    const key = alias.toLowerCase();
    if (!key) return;
    e.aliases.add(key);
    const list = this.byAlias.get(key) ?? [];
    if (!list.includes(e)) list.push(e);
    this.byAlias.set(key, list);
  }

  /** Entities a lower-case alias names. */
  lookup(alias: string): Entity[] {
    return this.byAlias.get(alias.toLowerCase()) ?? [];
  }

  /** All aliases with the entities they name; used to scan text for mentions. */
  aliasEntries(): IterableIterator<[string, Entity[]]> {
    return this.byAlias.entries();
  }

  /** Strips corporate suffixes: `Acme Global Inc` → `Acme`. */
  static organizationCore(name: string): string {
    const words = cleanName(name).split(" ");
    const all = words.length;
    while (words.length > 1 && corporateSuffixes.has(words[words.length - 1].toLowerCase())) words.pop();
    // `Crumb & Co` is the name itself, not `Crumb &`.
    if (words.length < all && /^(&|and)$/i.test(words[words.length - 1])) return cleanName(name);
    return words.join(" ");
  }

  organization(rawName: string, orgType?: string): Entity {
    const full = cleanName(this.expandAlias(rawName));
    const core = EntityRegistry.organizationCore(full);
    const existing = this.lookup(core).find((e) => e.kind === "organization") ?? this.lookup(full).find((e) => e.kind === "organization");
    const unknown = this.lookup(core).find((e) => e.kind === "unknown");
    const e = existing ?? unknown ?? this.create("organization", core);
    e.kind = "organization";
    e.orgType ??= orgType ?? (core !== full ? "company" : undefined);
    this.addAlias(e, core);
    this.addAlias(e, full);
    return e;
  }

  /**
   * A person by name. `Jesse Doe` and `Doe` merge when nothing contradicts it; a role and an
   * organisation, when the text gives them, are remembered.
   */
  person(rawName: string, role?: { role: string; text: string }, organization?: Entity, gender?: Gender): Entity {
    const name = cleanName(this.expandAlias(rawName));
    const parts = name.split(" ");
    const surname = parts[parts.length - 1];
    const given = parts.length > 1 ? parts.slice(0, -1).join(" ") : undefined;
    let e = this.lookup(surname).find(
      (c) => c.kind === "person" && c.surname?.toLowerCase() === surname.toLowerCase() && (!given || !c.given || c.given.toLowerCase() === given.toLowerCase()),
    );
    if (!e) {
      const unknown = this.lookup(name).find((c) => c.kind === "unknown");
      e = unknown ?? this.create("person", name);
      e.kind = "person";
      e.surname = surname;
    }
    if (given && !e.given) {
      e.given = given;
      e.name = `${given} ${surname}`;
    }
    e.gender ??= gender ?? (given ? genderOfGivenName(given.split(" ")[0]) : undefined);
    if (!e.given) e.name = surname;
    this.addAlias(e, surname);
    this.addAlias(e, e.name);
    if (role && (!e.role || role.role !== "spokesperson")) {
      e.role = role.role;
      e.roleText = role.text;
    }
    if (organization && !e.organization) e.organization = organization;
    return e;
  }

  spokesperson(organization: Entity, noun: string): Entity {
    const found = this.entities.find((e) => e.kind === "spokesperson" && e.organization === organization);
    if (found) return found;
    const e = this.create("spokesperson", `${organization.name} ${noun.toLowerCase()}`);
    e.organization = organization;
    e.role = "spokesperson";
    e.roleText = noun.toLowerCase();
    return e;
  }

  anonymous(descriptor: string): Entity {
    const name = cleanName(descriptor);
    const found = this.entities.find((e) => e.kind === "anonymous" && e.name.toLowerCase() === name.toLowerCase());
    return found ?? this.create("anonymous", name);
  }

  /** A name the text uses for a speaker but that no pattern explained (`Acme said`). */
  unknown(rawName: string): Entity {
    const name = cleanName(this.expandAlias(rawName));
    const found = this.lookup(name)[0];
    if (found) return found;
    const e = this.create("unknown", name);
    this.addAlias(e, name);
    return e;
  }

  /** A person the text describes only by role (`Acme's chief executive`), when no name is known. */
  rolePerson(role: { role: string; text: string }, organization?: Entity): Entity {
    const known = this.entities.find((e) => e.kind === "person" && e.role === role.role && e.organization === organization && organization);
    if (known) return known;
    const name = organization ? `${organization.name} ${role.text}` : role.text;
    const found = this.entities.find((e) => e.kind === "unknown" && e.name === name);
    if (found) return found;
    const e = this.create("unknown", name);
    e.role = role.role;
    e.roleText = role.text;
    e.organization = organization;
    return e;
  }
}

/**
 * Do two speakers say the same thing when credited with a quote? An organisation and its
 * spokesperson are interchangeable; a person is never the same as their organisation.
 */
export function sameSpeaker(a: Entity, b: Entity): boolean {
  if (a === b) return true;
  // Who speaks for an organisation: the organisation itself, or a spokesperson, named or not.
  const voiceOf = (e: Entity) =>
    e.kind === "organization" ? e : e.kind === "spokesperson" || (e.kind === "person" && e.role === "spokesperson") ? e.organization : undefined;
  if (a.kind === "person" && b.kind === "person") return false;
  const oa = voiceOf(a);
  const ob = voiceOf(b);
  if (oa && ob) return oa === ob;
  if (a.kind === "anonymous" && b.kind === "anonymous") return true;
  if (a.kind === "unknown" || b.kind === "unknown") {
    const names = (e: Entity) => new Set([e.name.toLowerCase(), ...e.aliases]);
    const na = names(a);
    for (const n of names(b)) if (na.has(n)) return true;
    if (a.role && b.role && a.role === b.role && a.organization && a.organization === b.organization) return true;
  }
  return false;
}
