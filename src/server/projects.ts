/**
 * The language server's projects: which project a document belongs to (node/project.ts, as the
 * CLI decides it), its engine service, and its settings merged the one way every host merges
 * them — defaults < `.verbatim.json` < the settings the user set in the editor. An invalid
 * project file gives no service and the same message the CLI prints.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_SEVERITY, FINDING_KINDS, type FindingKind, isSeverity, type Severity } from "../core/findings";
import { createVerbatim, type Logger, type ProjectSettings, type Verbatim } from "../core/service";
import { DEFAULT_IGNORE_MARKER } from "../core/check";
import { CITATION_STYLES, type CitationStyle } from "../core/edits/citation";
import { checkSettings } from "../core/config/config";
import { UserError } from "../node/files";
import { type Project, projectOf, settingsOf } from "../node/project";
import { FileStore, storeFolder } from "../node/store";
import { minimatch } from "minimatch";
import { NodeWorkspace, sourceSpecs } from "../node/workspace";
import type { ArchiveSetting } from "./archive";
import type { EffectiveSettings } from "./protocol";

/** The `verbatim.*` settings a user set explicitly in the editor (any may be missing). */
export interface ClientSettings {
  sources?: unknown;
  languages?: unknown;
  severity?: Partial<Record<string, unknown>>;
  similarity?: { misquote?: unknown };
  debounceMs?: unknown;
  ignoreMarker?: unknown;
  aliasFile?: unknown;
  insertCitation?: unknown;
  /** The newsroom archive's connection string (no password). */
  archive?: unknown;
  citationStyle?: unknown;
}

export const DEFAULT_LANGUAGES = ["markdown", "plaintext", "text"];
export const DEFAULT_DEBOUNCE_MS = 400;

export interface ProjectEntry {
  /** The project root (folder of `.verbatim.json`, or of `sources/`), or the workspace folder. */
  root: string;
  /** The workspace folder it lies in (settings are per folder). */
  folder: string;
  project?: Project;
  configError?: string;
  service?: Verbatim;
  workspace?: NodeWorkspace;
  store?: FileStore;
  settings: ProjectSettings;
  effective: EffectiveSettings;
  /** The newsroom archive checked beside the sources: the editor's setting, else the project file's. */
  archive?: ArchiveSetting;
}

const isCitationStyle = (v: unknown): v is CitationStyle => CITATION_STYLES.includes(v as CitationStyle);
const strings = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined);
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export class Projects {
  private readonly entries = new Map<string, ProjectEntry>();
  /** Draft folder → project root, so a lookup walks the disk once. */
  private readonly rootOf = new Map<string, string>();

  constructor(
    private readonly folders: () => string[],
    private readonly clientSettings: (folder: string) => Promise<ClientSettings>,
    private readonly log: Logger,
    private readonly storageBase: () => string | undefined,
    private readonly onCreate: (entry: ProjectEntry) => void,
  ) {}

  all(): ProjectEntry[] {
    return [...this.entries.values()];
  }

  /** The workspace folder holding a file (the deepest), if any. */
  folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders()) {
      const rel = path.relative(f, file);
      if (!rel.startsWith("..") && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /** The project of a file (a draft, or any file of the workspace). */
  async of(file: string): Promise<ProjectEntry> {
    const folder = this.folderOf(file) ?? path.dirname(file);
    const dir = path.dirname(file);
    let root = this.rootOf.get(dir);
    let project: Project | undefined;
    let configError: string | undefined;
    if (root === undefined) {
      try {
        project = projectOf(file, folder);
        root = project.root;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        configError = e.message;
        root = path.dirname(/^(.*\.verbatim\.json):/.exec(e.message)?.[1] ?? path.join(folder, ".verbatim.json"));
      }
      this.rootOf.set(dir, root);
    }
    const existing = this.entries.get(root);
    if (existing) return existing;
    if (!project && !configError) {
      try {
        project = projectOf(path.join(root, "x"), folder);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        configError = e.message;
      }
    }
    const entry = await this.create(root, folder, project, configError);
    // Another request may have created it meanwhile.
    const raced = this.entries.get(root);
    if (raced) {
      entry.service?.dispose();
      return raced;
    }
    this.entries.set(root, entry);
    this.onCreate(entry);
    return entry;
  }

  private async create(root: string, folder: string, project: Project | undefined, configError: string | undefined): Promise<ProjectEntry> {
    const client = await this.clientSettings(folder);
    const { settings, effective } = merge(folder, project, client, configError, this.log);
    const entry: ProjectEntry = { root, folder, project, configError, settings, effective, archive: archiveSetting(project, client) };
    if (!configError) {
      const workspace = new NodeWorkspace({ root, logger: this.log });
      const store = new FileStore(storeFolder(root, settings.sources, this.storageBase()), this.log);
      entry.workspace = workspace;
      entry.store = store;
      entry.service = createVerbatim({ workspace, store, logger: this.log, settings });
    }
    return entry;
  }

  /** Settings or project files changed: reads them again; a project whose file changed is made anew. */
  async reload(): Promise<ProjectEntry[]> {
    this.rootOf.clear();
    const changed: ProjectEntry[] = [];
    for (const entry of [...this.entries.values()]) {
      let project: Project | undefined;
      let configError: string | undefined;
      try {
        project = projectOf(path.join(entry.root, "x"), entry.folder);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        configError = e.message;
      }
      const client = await this.clientSettings(entry.folder);
      const { settings, effective } = merge(entry.folder, project, client, configError, this.log);
      const sameRoot = (project?.root ?? entry.root) === entry.root;
      const sameSources = JSON.stringify(settings.sources) === JSON.stringify(entry.settings.sources);
      if (entry.service && !configError && sameRoot && sameSources) {
        entry.settings = settings;
        entry.effective = effective;
        entry.project = project;
        entry.archive = archiveSetting(project, client);
        entry.service.configure(settings);
        changed.push(entry);
        continue;
      }
      // A new file list or an invalid file: start this project afresh (the saved index is reused).
      entry.service?.dispose();
      this.entries.delete(entry.root);
      changed.push(entry);
    }
    return changed;
  }

  /** Could this file be one of the project's sources (a change to it means the index may be out of date)? */
  isSource(entry: ProjectEntry, file: string): boolean {
    if (entry.service?.sourceFiles().has(entry.workspace?.nameOf(file) ?? "")) return true;
    return sourceSpecs(entry.root, entry.settings.sources).some((spec) => {
      const rel = path.relative(spec.base, file);
      if (rel.startsWith("..") || path.isAbsolute(rel)) return false;
      return !spec.pattern || minimatch(file.split(path.sep).join("/"), spec.pattern);
    });
  }

  /** Forgets every project (and so every index in memory). */
  clear(): void {
    for (const e of this.entries.values()) e.service?.dispose();
    this.entries.clear();
    this.rootOf.clear();
  }
}

/** The editor's `verbatim.archive`, else the project file's `"archive"` (each checked, and refused with a password, when used). */
function archiveSetting(project: Project | undefined, client: ClientSettings): ArchiveSetting | undefined {
  const fromClient = text(client.archive);
  if (fromClient) return { url: fromClient, origin: "settings" };
  const fromFile = project?.config?.config.archive;
  return fromFile ? { url: fromFile, origin: ".verbatim.json" } : undefined;
}

/** Defaults < the project file < the editor's explicit settings (checked against package.json's schema; a wrong one is ignored with a warning). */
function merge(folder: string, project: Project | undefined, client: ClientSettings, configError: string | undefined, log: Logger): { settings: ProjectSettings; effective: EffectiveSettings } {
  const file = project ? settingsOf(project) : { sources: ["sources"] };
  const fileConfig = project?.config?.config;
  const { values: v, problems } = checkSettings(client as Record<string, unknown>);
  for (const problem of problems) log.warn(`${problem}: the setting is ignored`);
  // Editor settings name sources relative to the workspace folder.
  const clientSources = strings(v.sources)?.map((s) => (path.isAbsolute(s) ? s : path.join(folder, s)));
  const severities: Partial<Record<FindingKind, Severity>> = { ...fileConfig?.severities };
  for (const kind of FINDING_KINDS) {
    const level = v[`severity.${kind}`];
    if (isSeverity(level)) severities[kind] = level;
  }
  const similarity = typeof v["similarity.misquote"] === "number" ? v["similarity.misquote"] : undefined;
  const thresholds = { ...fileConfig?.thresholds, ...(similarity !== undefined ? { misquoteSimilarity: similarity } : {}) };
  const aliases = { ...fileConfig?.aliases, ...aliasFile(folder, text(v.aliasFile), log) };
  const ignoreMarker = text(v.ignoreMarker) ?? fileConfig?.ignoreMarker;
  const settings: ProjectSettings = { sources: clientSources ?? file.sources, aliases, ignoreMarker, thresholds, ignoredQuotes: fileConfig?.ignoredQuotes ?? [], severities };
  const debounce = typeof v.debounceMs === "number" ? v.debounceMs : DEFAULT_DEBOUNCE_MS;
  const root = project?.root ?? folder;
  const effective: EffectiveSettings = {
    folder,
    sources: settings.sources.flatMap((s) => displayGlobs(folder, path.isAbsolute(s) ? s : path.join(root, s))),
    languages: strings(v.languages) ?? DEFAULT_LANGUAGES,
    severity: Object.fromEntries(FINDING_KINDS.map((k) => [k, severities[k] ?? DEFAULT_SEVERITY[k]])) as EffectiveSettings["severity"],
    misquoteSimilarity: thresholds.misquoteSimilarity,
    misquoteCoverage: thresholds.misquoteCoverage,
    debounceMs: debounce,
    ignoreMarker: ignoreMarker ?? DEFAULT_IGNORE_MARKER,
    aliasFile: text(v.aliasFile),
    ignoredQuotes: settings.ignoredQuotes ?? [],
    insertCitation: v.insertCitation === true,
    citationStyle: isCitationStyle(v.citationStyle) ? v.citationStyle : (fileConfig?.citationStyle ?? "footnote"),
    configError,
  };
  return { settings, effective };
}

/** A source entry as globs relative to the workspace folder: a plain path names a file or a folder (`p`, `p/**`). */
function displayGlobs(folder: string, abs: string): string[] {
  const rel = path.relative(folder, abs).split(path.sep).join("/");
  const p = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
  if (/[*?[\]{}]/.test(p)) return [p];
  return [p, `${p}/**`];
}

/** The aliases of `verbatim.aliasFile` (a JSON file `{"aliases": {...}}`), if set and readable. */
function aliasFile(folder: string, file: string | undefined, log: Logger): Record<string, string> {
  if (!file) return {};
  const full = path.isAbsolute(file) ? file : path.join(folder, file);
  try {
    const json = JSON.parse(fs.readFileSync(full, "utf8").replace(/^\uFEFF/, "")) as { aliases?: unknown };
    const out: Record<string, string> = {};
    if (json.aliases && typeof json.aliases === "object") for (const [k, v] of Object.entries(json.aliases)) if (typeof v === "string") out[k] = v;
    return out;
  } catch (e) {
    log.warn(`alias file ${full} could not be read: ${(e as Error).message}`);
    return {};
  }
}
