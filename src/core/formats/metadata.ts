/**
 * What a source says about itself — headline, outlet, authors, publication date, address — the
 * facts a citation and a hover need. Each format reader finds them where that format keeps them
 * (HTML meta tags and JSON-LD, Markdown front matter, DOCX core properties, PDF document info,
 * subtitle and transcript headers); a sidecar (`name.meta.json`, or an entry of `.verbatim.json`
 * `sources`) overrides them field by field.
 *
 * All of it is untrusted text from the file: `cleanMetadata` strips control and bidi-override
 * characters, bounds lengths, keeps only http(s) addresses, and reads dates to `YYYY-MM-DD`
 * (a date without a year is not a date: it would be a guess).
 */
import * as chrono from "chrono-node";

export interface SourceMetadata {
  /** The headline or document title. */
  title?: string;
  /** Who published it: a newspaper, broadcaster or agency, or the organisation that issued a statement. */
  outlet?: string;
  /** Bylines, each a name. */
  authors?: string[];
  /** Publication (or recording) date, `YYYY-MM-DD`. */
  date?: string;
  /** An http(s) address of the original. */
  url?: string;
}

/** Metadata as found, before cleaning: any value a file or a sidecar may hold. */
export interface RawMetadata {
  title?: unknown;
  outlet?: unknown;
  authors?: unknown;
  date?: unknown;
  url?: unknown;
}

export const METADATA_FIELDS = ["title", "outlet", "authors", "date", "url"] as const;

const MAX_TITLE = 300;
const MAX_NAME = 120;
const MAX_AUTHORS = 10;
const MAX_URL = 2000;

/** Cleans what a reader found; fields that are empty or unusable are left out. */
export function cleanMetadata(raw: RawMetadata): SourceMetadata {
  const out: SourceMetadata = {};
  const title = cleanText(raw.title, MAX_TITLE);
  if (title) out.title = title;
  const outlet = cleanText(raw.outlet, MAX_NAME);
  if (outlet) out.outlet = outlet;
  const authors = cleanAuthors(raw.authors);
  if (authors.length) out.authors = authors;
  const date = typeof raw.date === "string" || raw.date instanceof Date ? parseDate(raw.date) : undefined;
  if (date) out.date = date;
  const url = cleanUrl(raw.url);
  if (url) out.url = url;
  return out;
}

/** Later layers win, field by field; undefined layers and empty fields are skipped. */
export function mergeMetadata(...layers: (SourceMetadata | undefined)[]): SourceMetadata {
  const out: SourceMetadata = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of METADATA_FIELDS) {
      const v = layer[key];
      if (v !== undefined && (!Array.isArray(v) || v.length)) (out as Record<string, unknown>)[key] = v;
    }
  }
  return out;
}

export function isEmptyMetadata(m: SourceMetadata | undefined): boolean {
  return !m || METADATA_FIELDS.every((k) => m[k] === undefined);
}

/** C0/C1 controls (tab and newline become spaces), bidi overrides and isolates, zero-width marks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function cleanText(v: unknown, max: number): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) v = String(v);
  if (typeof v !== "string") return undefined;
  let s = v.replace(/[\t\n\r\u00a0]/g, " ").replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  if (!s) return undefined;
  if (s.length > max) s = s.slice(0, max - 1).replace(/\s+\S*$/, "") + "…";
  return s;
}

/** A list, or one string of names: `Jane Doe and Tom Reyes`, `Doe, Jane; Reyes, Tom`, `By Jane Doe`. */
function cleanAuthors(v: unknown): string[] {
  const names: string[] = [];
  const add = (s: unknown) => {
    const t = cleanText(s, 400);
    if (!t) return;
    for (const part of splitNames(t.replace(/^by\s+/i, ""))) {
      const name = cleanText(part, MAX_NAME);
      if (name && !names.includes(name) && !/^https?:/i.test(name)) names.push(name);
    }
  };
  if (Array.isArray(v)) v.forEach(add);
  else add(v);
  return names.slice(0, MAX_AUTHORS);
}

function splitNames(s: string): string[] {
  const parts = s.split(/\s*(?:;|\||&|\band\b)\s*/i).filter(Boolean);
  // Commas separate names only when every part is a name of two words or more (not `Doe, Jane`).
  return parts.flatMap((p) => {
    const byComma = p.split(/\s*,\s*/).filter(Boolean);
    return byComma.length > 1 && byComma.every((n) => n.split(" ").length >= 2) ? byComma : [p];
  });
}

function cleanUrl(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (s.length > MAX_URL || !/^https?:\/\//i.test(s)) return undefined;
  try {
    const url = new URL(s);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    // No credentials in an address shown to the user.
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * A date as `YYYY-MM-DD`: ISO 8601 (the date as written, whatever the offset: it is the
 * publisher's calendar day), PDF dates (`D:20151130…`), or free text with a day, month and year
 * (`Nov. 30, 2015`, `Monday 30 November 2015`) read with chrono's strict parser. Undefined when
 * any part of the date is missing, it is relative (`3 days ago`), its day and month could be
 * either way round (`03/04/2025`), or it does not exist.
 */
export function parseDate(v: string | Date): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  const s = v.replace(UNSAFE, " ").trim().slice(0, 200);
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ?? /^D:(\d{4})(\d{2})(\d{2})/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  for (const r of chrono.strict.parse(s)) {
    const c = r.start;
    // A relative date (`3 days ago`) is certain only about today; it names no year.
    if (!/\d{4}/.test(r.text) || !(c.isCertain("year") && c.isCertain("month") && c.isCertain("day"))) continue;
    // `03/04/2025` is March or April depending on the writer's country: not a date to guess.
    const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(r.text);
    if (numeric && +numeric[1] <= 12 && +numeric[2] <= 12 && numeric[1] !== numeric[2]) continue;
    return validDate(c.get("year")!, c.get("month")!, c.get("day")!);
  }
  return undefined;
}

function validDate(y: number, mo: number, d: number): string | undefined {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** AP style months: the short ones spelled out, the rest abbreviated. */
const AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** `2015-11-30` → `Nov. 30, 2015`. */
export function apDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${AP_MONTHS[+m[2] - 1]} ${+m[3]}, ${m[1]}`;
}

/**
 * The source as a reader would name it: `Northgate Evening Post, “Cafés on the quay…,” by Priya
 * Menon, March 12, 2025` — the fields that are known, in that order; undefined when none is.
 */
export function sourceCredit(m: SourceMetadata | undefined, options: { authors?: boolean } = {}): string | undefined {
  if (!m) return undefined;
  const parts: string[] = [];
  if (m.outlet) parts.push(m.outlet);
  if (m.title) parts.push(`“${m.title}”`);
  if (options.authors && m.authors?.length) parts.push(`by ${joinNames(m.authors)}`);
  if (m.date) parts.push(apDate(m.date));
  if (!parts.length) return undefined;
  // American style: the comma after a title goes inside its closing quote.
  return parts.join(", ").replace(/”, /g, ",” ");
}

/** `A`, `A and B`, `A, B and C`. */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
