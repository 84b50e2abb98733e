/**
 * A deep copy of an entity registry, entity ids kept, so one learnt state can serve many checks:
 * each check works on a copy and leaves the shared state as it was. Copies every field
 * generically (entities referring to entities are re-pointed at the copies), so new fields on
 * entities or on the registry are copied too.
 */
import type { Entity, EntityRegistry } from "../speakers/entity";

export interface RegistryCopy {
  registry: EntityRegistry;
  /** The copy's entity with an id. */
  byId: Map<number, Entity>;
}

export function cloneRegistry(source: EntityRegistry): RegistryCopy {
  const map = new Map<Entity, Entity>();
  for (const e of source.entities) map.set(e, { ...e });
  const copy = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const mapped = map.get(v as Entity);
    if (mapped) return mapped;
    if (Array.isArray(v)) return v.map(copy);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, copy(x)]));
    if (v instanceof Set) return new Set([...v].map(copy));
    return v;
  };
  for (const [, e] of map) {
    const fields = e as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) fields[key] = copy(fields[key]);
  }
  const registry = Object.create(Object.getPrototypeOf(source)) as EntityRegistry;
  const target = registry as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) target[key] = copy(value);
  const byId = new Map<number, Entity>();
  for (const e of registry.entities) byId.set(e.id, e);
  return { registry, byId };
}
