/**
 * Who speaks each quotation of a source, as computed once and saved with the index, so that a
 * window reload or a CI re-run does not read and attribute again the sources a draft's verdicts
 * rest on (a few hundred milliseconds a 100 KB source). A source's attribution depends only on
 * its own text, its transcript turns and the user's aliases (see `SourceDocument.attributed`),
 * so it is saved under the path, content hash and length of the very text indexed and the
 * aliases; the store seals it with the build identity, so other attribution rules never read it.
 *
 * The quotations are an object graph (an entity is shared by its quotes, names are Sets): each
 * document's is encoded as one JSON string with shared objects by reference, and decoded only
 * when that document is asked for. Anything that is not plain data is not saved.
 */
import type { AttributedQuote } from "../speakers/attribute";

/** Most recently used first, up to this many characters of encoded attributions. */
const MAX_SAVED_CHARS = 8 * 1024 * 1024;

export interface AttributionStore {
  get(key: string): AttributedQuote[] | undefined;
  put(key: string, quotes: AttributedQuote[]): void;
}

export class SavedAttributions implements AttributionStore {
  /** Key → encoded quotations, in order of use (oldest first). */
  private readonly entries = new Map<string, string>();
  private changed = false;

  constructor(saved?: Record<string, string>) {
    if (saved) for (const [k, v] of Object.entries(saved)) if (typeof v === "string") this.entries.set(k, v);
  }

  /** Attributions were added since loading (worth saving). */
  get dirty(): boolean {
    return this.changed;
  }

  get(key: string): AttributedQuote[] | undefined {
    const encoded = this.entries.get(key);
    if (encoded === undefined) return undefined;
    try {
      const quotes = decode(encoded) as AttributedQuote[];
      this.touch(key, encoded);
      return quotes;
    } catch {
      this.entries.delete(key);
      return undefined;
    }
  }

  put(key: string, quotes: AttributedQuote[]): void {
    let encoded: string;
    try {
      encoded = encode(quotes);
    } catch {
      return;
    }
    this.touch(key, encoded);
    this.changed = true;
  }

  /** What to save: the most recently used, within the size cap. */
  toSaved(): Record<string, string> {
    const keep: [string, string][] = [];
    let chars = 0;
    for (const [k, v] of [...this.entries].reverse()) {
      if (chars + v.length > MAX_SAVED_CHARS) break;
      chars += v.length;
      keep.push([k, v]);
    }
    this.changed = false;
    return Object.fromEntries(keep.reverse());
  }

  private touch(key: string, encoded: string): void {
    this.entries.delete(key);
    this.entries.set(key, encoded);
  }
}

/** The key of a document's attribution: the very text indexed, and the aliases. */
export function attributionKey(path: string, hash: number, length: number, aliasesKey: string): string {
  return `${path}\u0000${hash}\u0000${length}\u0000${aliasesKey}`;
}

// ---- a JSON encoding of plain object graphs (shared objects, Sets, Maps, undefined kept) ----

type Node = { a: unknown[] } | { o: Record<string, unknown> } | { s: unknown[] } | { m: [unknown, unknown][] };
const UNDEFINED = { u: 1 };

/** Encodes plain data (objects, arrays, Sets, Maps, strings, finite numbers, booleans, null, undefined); throws on anything else. */
export function encode(root: unknown): string {
  const nodes: Node[] = [];
  const seen = new Map<object, number>();
  const value = (v: unknown): unknown => {
    if (v === undefined) return UNDEFINED;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Error("not plain data");
      return v;
    }
    if (typeof v !== "object") throw new Error("not plain data");
    const known = seen.get(v);
    if (known !== undefined) return { r: known };
    const at = nodes.length;
    seen.set(v, at);
    nodes.push({ a: [] });
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v) && proto === Array.prototype) nodes[at] = { a: Array.from(v, value) };
    else if (v instanceof Set && proto === Set.prototype) nodes[at] = { s: [...v].map(value) };
    else if (v instanceof Map && proto === Map.prototype) nodes[at] = { m: [...v].map(([k, x]) => [value(k), value(x)]) };
    else if (proto === Object.prototype || proto === null) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v)) o[k] = value((v as Record<string, unknown>)[k]);
      nodes[at] = { o };
    } else throw new Error("not plain data");
    return { r: at };
  };
  const top = value(root);
  return JSON.stringify({ t: top, n: nodes });
}

export function decode(text: string): unknown {
  const { t, n } = JSON.parse(text) as { t: unknown; n: Node[] };
  const made: unknown[] = n.map((node) => ("a" in node ? [] : "s" in node ? new Set() : "m" in node ? new Map() : {}));
  const value = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if ("u" in v) return undefined;
    const r = (v as { r: number }).r;
    if (!Number.isInteger(r) || r < 0 || r >= made.length) throw new Error("damaged");
    return made[r];
  };
  n.forEach((node, i) => {
    const target = made[i];
    if ("a" in node) for (const x of node.a) (target as unknown[]).push(value(x));
    else if ("s" in node) for (const x of node.s) (target as Set<unknown>).add(value(x));
    else if ("m" in node) for (const [k, x] of node.m) (target as Map<unknown, unknown>).set(value(k), value(x));
    else for (const k of Object.keys(node.o)) (target as Record<string, unknown>)[k] = value(node.o[k]);
  });
  return value(t);
}
