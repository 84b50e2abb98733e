/**
 * What a document teaches the entity registry, recorded once as a list of registry calls
 * (`organization("Acme")`, `person("Jesse Doe", role, <that organization>)`, …) and replayed into
 * any registry later. Learning reads no registry state, so replaying a document's facts in order
 * leaves the registry exactly as learning from the document itself would — and the facts are
 * small, cheap to replay, and can be saved with the index.
 */
import type { PreparedDocument } from "../document/document";
import type { EntityRegistry } from "../speakers/entity";
import { learnEntities, registerPhrase } from "../speakers/learn";
import { parsePhrase } from "../speakers/phrase";
import { tokenizePhrase } from "../speakers/tokens";

/** A call's argument: JSON data, or `{ref: k}` for the entity returned by the k-th call. */
export type FactArg = unknown;
/** `[method, ...args]`. */
export type Fact = [string, ...FactArg[]];

interface Ref {
  ref: number;
}

const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && typeof (v as Ref).ref === "number" && Object.keys(v).length === 1;

/** A stand-in registry that records the calls learning makes. */
function recorder(facts: Fact[]): EntityRegistry {
  const refs = new Map<object, number>();
  return new Proxy({} as EntityRegistry, {
    get(_target, method) {
      return (...args: unknown[]) => {
        const k = facts.length;
        facts.push([String(method), ...args.map((a) => (typeof a === "object" && a !== null && refs.has(a) ? { ref: refs.get(a)! } : a === undefined ? null : a))]);
        const handle = { fact: k };
        refs.set(handle, k);
        return handle;
      };
    },
  });
}

/** The facts a document (and its transcript speaker labels) teaches. */
export function documentFacts(doc: PreparedDocument, speakerLabels: string[] = []): Fact[] {
  const facts: Fact[] = [];
  const r = recorder(facts);
  learnEntities(doc, r);
  for (const label of speakerLabels) registerPhrase(parsePhrase(tokenizePhrase(label)), r);
  return facts;
}

/** The registry calls learning makes: the only ones a replay performs (facts may come from a saved file). */
const OPERATIONS: ReadonlySet<string> = new Set(["organization", "person", "spokesperson", "likelyPerson"]);

/** Is this a fact learning could have recorded (an allowed call, arguments of plain JSON)? */
export function isFact(value: unknown): value is Fact {
  return Array.isArray(value) && typeof value[0] === "string" && OPERATIONS.has(value[0]);
}

/** Replays facts into a registry; a fact that is not an allowed call is skipped. */
export function replayFacts(facts: readonly Fact[], registry: EntityRegistry): void {
  const results: unknown[] = [];
  const call = registry as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const fact of facts) {
    if (!isFact(fact)) {
      results.push(undefined);
      continue;
    }
    const [method, ...args] = fact;
    results.push(call[method](...args.map((a) => (isRef(a) ? results[a.ref] : a === null ? undefined : a))));
  }
}
