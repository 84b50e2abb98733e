/**
 * How a draft names a speaker, and the same form for someone else: a surname for a surname,
 * a full name for a full name, an organisation's name for an organisation.
 */
import type { Entity } from "../speakers/entity";

export type NameForm = "surname" | "full";

/** The form of `written` as a name of `entity`, or undefined when it is not one of its names. */
export function nameForm(written: string, entity: Entity): NameForm | undefined {
  const w = written.replace(/\s+/g, " ").trim().toLowerCase();
  if (!w) return undefined;
  if (entity.kind === "person" && entity.surname && w === entity.surname.toLowerCase() && entity.given) return "surname";
  if (w === entity.name.toLowerCase()) return "full";
  if (entity.surname && w === entity.surname.toLowerCase()) return "surname";
  if (entity.aliases.has(w)) return w.includes(" ") ? "full" : "surname";
  return undefined;
}

/** The entity's name in the given form. */
export function nameIn(form: NameForm, entity: Entity): string {
  if (form === "surname" && entity.kind === "person" && entity.surname) return entity.surname;
  return entity.name;
}
