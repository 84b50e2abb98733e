/**
 * Markdown front matter: YAML between `---` lines (closed by `---` or `...`), or TOML between
 * `+++` lines, at the very top of the file — how static-site generators, Obsidian and most
 * content systems keep a story's headline, byline and date. Parsed with `yaml` and `smol-toml`;
 * the keys those tools use are mapped to Verbatim's fields.
 */
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { cleanMetadata, type SourceMetadata } from "./metadata";

/** Front matter longer than this is not front matter. */
const MAX_FRONT_MATTER = 64 * 1024;

export interface FrontMatter {
  metadata: SourceMetadata;
  /** Offset just after the closing fence's line: the story starts here. */
  end: number;
}

/** The front matter at the start of `text`, or undefined when there is none (or it does not parse). */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(bom, bom + 8));
  if (!open) return undefined;
  const fence = open[1];
  const bodyStart = bom + open[0].length;
  const head = text.slice(bodyStart, bodyStart + MAX_FRONT_MATTER);
  const close = (fence === "---" ? /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m : /^\+\+\+[ \t]*(?:\r?\n|$)/m).exec(head);
  if (!close) return undefined;
  const body = head.slice(0, close.index);
  let data: unknown;
  try {
    data = fence === "---" ? parseYaml(body, { maxAliasCount: 50, prettyErrors: false }) : parseToml(body);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  return { metadata: metadataFromFields(data as Record<string, unknown>), end: bodyStart + close.index + close[0].length };
}

/** Keys as front matter, sidecars and headers spell them, lower-cased, for each field. */
export const FIELD_KEYS = {
  title: ["title", "headline", "hed"],
  outlet: ["outlet", "publisher", "publication", "site", "site_name", "sitename", "source", "organization", "organisation", "newspaper", "station", "network"],
  authors: ["authors", "author", "byline", "by", "creator", "creators", "reporter", "reporters"],
  date: ["date", "published", "publishdate", "publish_date", "pubdate", "published_at", "publishedat", "datepublished", "date_published", "created", "recorded", "aired", "broadcast"],
  url: ["url", "link", "canonical", "canonical_url", "canonicalurl", "permalink", "source_url", "sourceurl", "original_url", "web"],
} as const;

/** Reads the fields of a key-value object (front matter, a sidecar) by their usual names. */
export function metadataFromFields(fields: Record<string, unknown>): SourceMetadata {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(fields)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  const pick = (keys: readonly string[]) => keys.map((k) => lower.get(k)).find((v) => v !== undefined && v !== null && v !== "");
  const nameOf = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? (v as Record<string, unknown>).name : v);
  const authors = pick(FIELD_KEYS.authors);
  return cleanMetadata({
    title: pick(FIELD_KEYS.title),
    outlet: nameOf(pick(FIELD_KEYS.outlet)),
    authors: Array.isArray(authors) ? authors.map(nameOf) : nameOf(authors),
    date: pick(FIELD_KEYS.date),
    url: pick(FIELD_KEYS.url),
  });
}

/**
 * The text with its front matter blanked out: every character but line breaks becomes a space,
 * so offsets, lines and columns still match the file, and no field is read as the story's words.
 */
export function blankFrontMatter(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, " ") + text.slice(end);
}
