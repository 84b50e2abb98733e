/**
 * The project's settings file (`.verbatim.json`) and the editor's `verbatim.*` settings, checked
 * against the schemas Verbatim ships (schemas/verbatim.schema.json, package.json) by validation
 * code compiled from them at build time (see scripts/build-config-validator.mjs), with one
 * wording for every host: the CLI prints the messages and stops, the language server shows them
 * and checks nothing on a guess. A value that would quietly change verdicts — a threshold of 2,
 * `1e999`, −1, `"high"` or `null`, an ignore marker of spaces — is refused, never defaulted.
 */
import type { CitationStyle } from "../edits/citation";
import type { FindingKind, Severity } from "../findings";
import { readSourceEntries, type SourceEntry } from "../formats/sidecar";
import { ERROR_MESSAGES, SETTING_KEYS, validateProject, validateSettings } from "./validators.generated";

export const CONFIG_NAME = ".verbatim.json";

export interface VerbatimConfig {
  /** Source files, folders or globs, relative to the config file or absolute. */
  sources?: string[];
  /** Metadata for some of them (`{"path": …, "title": …}` entries of `sources`), paths relative to the config file. */
  sourceEntries?: SourceEntry[];
  aliases?: Record<string, string>;
  ignoreMarker?: string;
  thresholds?: { misquoteSimilarity?: number; misquoteCoverage?: number };
  /** Quotations never to check, as their words. */
  ignoredQuotes?: string[];
  /** How citations are written. */
  citationStyle?: CitationStyle;
  /** How each finding kind is reported; `off` drops it. */
  severities?: Partial<Record<FindingKind, Severity>>;
  /** The newsroom archive: a PostgreSQL connection string without a password (checked by the archive's own code). */
  archive?: string;
}

export interface ParsedConfig {
  /** The keys that passed (all of them when there is no problem). */
  config: VerbatimConfig;
  /** What is wrong, each `"key" must be …, not VALUE`. Empty when the file is valid. */
  problems: string[];
}

/** The one message for a file's problems, as every host shows it: `FILE: "key" must be …, not VALUE; …`. */
export function configMessage(where: string, problems: readonly string[]): string {
  return `${where}: ${problems.join("; ")}`;
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Reads a `.verbatim.json` (its bytes or text). */
export function parseProjectConfig(input: string | Uint8Array): ParsedConfig {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return { config: {}, problems: ["not UTF-8 text"] };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { config: {}, problems: [`not valid JSON (${(e as Error).message})`] };
  }
  // The archive's connection string is checked by the archive's code, whose message never repeats a password.
  const problems = schemaProblems(validateProject as Validator, value, ERROR_MESSAGES.project).map((p) => p.text);
  if (!value || typeof value !== "object" || Array.isArray(value)) return { config: {}, problems };
  const bad = new Set(problemKeys(validateProject as Validator, value));
  const c = value as Record<string, unknown>;
  const ok = (key: string) => c[key] !== undefined && !bad.has(key);
  const config: VerbatimConfig = {};
  if (ok("sources")) {
    const { paths, entries } = readSourceEntries(c.sources, []);
    config.sources = paths;
    if (entries.length) config.sourceEntries = entries;
  }
  if (ok("aliases")) config.aliases = c.aliases as Record<string, string>;
  if (ok("ignoreMarker")) config.ignoreMarker = (c.ignoreMarker as string).trim();
  if (ok("thresholds")) config.thresholds = c.thresholds as VerbatimConfig["thresholds"];
  if (ok("ignoredQuotes")) config.ignoredQuotes = c.ignoredQuotes as string[];
  if (ok("severities")) config.severities = c.severities as VerbatimConfig["severities"];
  if (ok("citationStyle")) config.citationStyle = c.citationStyle as CitationStyle;
  if (c.archive !== undefined && typeof c.archive === "string") config.archive = c.archive;
  return { config, problems };
}

/**
 * The editor's `verbatim.*` settings as the client sends them (`{similarity: {misquote: 0.6}}`),
 * checked against package.json's schema: the settings that passed, by their key without the
 * prefix (`similarity.misquote`), and a line for each that did not.
 */
export function checkSettings(client: Record<string, unknown>): { values: Record<string, unknown>; problems: string[] } {
  const flat: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const v = key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), client);
    if (v !== undefined) flat[key] = v;
  }
  const problems = schemaProblems(validateSettings as Validator, flat, ERROR_MESSAGES.settings, (key) => `setting "verbatim.${key}"`);
  const bad = new Set(problemKeys(validateSettings as Validator, flat, true));
  const values = Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k)));
  return { values, problems: problems.map((p) => p.text) };
}

const ARCHIVE = "archive";

interface Problem {
  key: string;
  keyword: string;
  text: string;
}

/**
 * One problem per failing place: the deepest places only (a wrong entry, not also the list
 * holding it), an unknown key named as such, else the schema's message for that place.
 */
function schemaProblems(validate: Validator, value: unknown, messages: Record<string, string>, name = (key: string) => `"${key}"`): Problem[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const out: Problem[] = [];
  // An unknown key is named as such, wherever it is.
  for (const e of errors) {
    if (e.keyword !== "additionalProperties") continue;
    const parent = dotted(e.instancePath);
    const key = parent ? `${parent}.${String(e.params.additionalProperty)}` : String(e.params.additionalProperty);
    if (!out.some((p) => p.key === key)) out.push({ key, keyword: e.keyword, text: `unknown key ${name(key)}` });
  }
  const others = errors.filter((e) => e.keyword !== "additionalProperties");
  const paths = [...new Set(others.map((e) => e.instancePath))];
  const deepest = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(p + "/")));
  for (const at of deepest) {
    const here = others.filter((e) => e.instancePath === at);
    // An object with an unknown key: that key is the problem, said above.
    if (errors.some((e) => e.keyword === "additionalProperties" && e.instancePath === at)) continue;
    if (at === "") {
      out.push({ key: "", keyword: here[0].keyword, text: `must be a JSON object, not ${shown(value)}` });
      continue;
    }
    const key = dotted(at);
    const message = messages[pattern(at, messages)] ?? "is not valid";
    if (key === ARCHIVE) {
      // Its connection string may hold a password: never repeated here, and its own checks (with
      // a message that masks the password) are the archive's.
      if (here.every((e) => e.keyword === "pattern")) continue;
      out.push({ key, keyword: here[0].keyword, text: `${name(key)} ${message}` });
      continue;
    }
    out.push({ key, keyword: here[0].keyword, text: `${name(key)} ${message}, not ${shown(pointer(value, at))}` });
  }
  return out;
}

/** The top-level keys with a problem (or, with `whole`, the full dotted keys of a flat object). */
function problemKeys(validate: Validator, value: unknown, whole = false): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const top = e.instancePath.split("/")[1] ?? String(e.params.additionalProperty ?? "");
    return whole ? decodeURIComponent(top.replace(/~1/g, "/").replace(/~0/g, "~")) : top;
  });
}

const segments = (at: string) => at.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** `/sources/0/date` → `sources[0].date`. */
function dotted(at: string): string {
  return segments(at).reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), "");
}

/** `/sources/0/date` → `sources[].date`, `/aliases/JD` → `aliases.*`: how the messages are keyed. */
function pattern(at: string, messages: Record<string, string>): string {
  const keys = Object.keys(messages);
  const known = (k: string) => keys.some((m) => m === k || m.startsWith(`${k}.`) || m.startsWith(`${k}[`));
  let out = "";
  for (const s of segments(at)) {
    if (/^\d+$/.test(s)) out += "[]";
    else {
      const named = out ? `${out}.${s}` : s;
      out = !known(named) && known(`${out}.*`) ? `${out}.*` : named;
    }
  }
  return out;
}

function pointer(value: unknown, at: string): unknown {
  return segments(at).reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), value);
}

/** A value as the message shows it: `2`, `Infinity`, `"high"`, `null`, cut at 60 characters. */
function shown(v: unknown): string {
  const s = typeof v === "number" ? String(v) : v === undefined ? "nothing" : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
