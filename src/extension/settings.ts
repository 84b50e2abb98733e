/**
 * The `verbatim.*` settings for one resource, merged with the folder's `.verbatim.json`:
 * defaults < the project file < settings the user set explicitly (user, workspace or folder).
 * Each workspace folder has its own file and may have its own settings.
 */
import * as vscode from "vscode";
import type { FindingKind } from "../core/verdict/judge";
import type { SeveritySetting } from "./projectFileFormat";
import { projectFileOf } from "./projectFiles";

export type { SeveritySetting } from "./projectFileFormat";

export interface VerbatimSettings {
  sources: string[];
  languages: string[];
  severity: Record<FindingKind, SeveritySetting>;
  /** Undefined unless set (setting or project file): the engine's default applies. */
  misquoteSimilarity?: number;
  misquoteCoverage?: number;
  debounceMs: number;
  ignoreMarker?: string;
  aliasFile?: string;
  /** Quotations never to check (project file only). */
  ignoredQuotes: string[];
  insertCitation: boolean;
}

export const SECTION = "verbatim";

/** Settings whose change means the sources must be read again and the checker rebuilt. */
export const INDEX_SETTINGS = ["sources", "aliasFile", "ignoreMarker", "similarity.misquote"].map((s) => `${SECTION}.${s}`);

/** Settings a workspace may not choose while untrusted (see package.json `restrictedConfigurations`). */
const RESTRICTED = new Set(["sources", "aliasFile"]);

const DEFAULT_SEVERITY: Record<FindingKind, SeveritySetting> = { misattributed: "error", misquoted: "warning", unsourced: "information" };

export function readSettings(scope?: vscode.ConfigurationScope): VerbatimSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const folder = folderOfScope(scope);
  const file = folder ? projectFileOf(folder.uri) : undefined;
  const trusted = vscode.workspace.isTrusted;
  /** The value the user set (any level), else undefined — so the project file can apply. */
  const explicit = <T>(key: string): T | undefined => {
    const i = c.inspect<T>(key);
    if (!i) return undefined;
    if (!trusted && RESTRICTED.has(key)) return i.globalValue;
    return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
  };
  const list = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined);
  const severity = (kind: FindingKind): SeveritySetting => {
    const v = explicit<string>(`severity.${kind}`);
    if (v === "error" || v === "warning" || v === "information" || v === "hint" || v === "off") return v;
    return file?.severities?.[kind] ?? DEFAULT_SEVERITY[kind];
  };
  const similarity = explicit<number>("similarity.misquote");
  const debounce = c.get<number>("debounceMs", 400);
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  return {
    // An untrusted workspace's own file may not choose what is read either.
    sources: list(explicit("sources")) ?? (trusted ? file?.sources : undefined) ?? ["sources/**"],
    languages: list(c.get("languages")) ?? ["markdown", "plaintext"],
    severity: { misattributed: severity("misattributed"), misquoted: severity("misquoted"), unsourced: severity("unsourced") },
    misquoteSimilarity: typeof similarity === "number" && similarity > 0 && similarity <= 1 ? similarity : file?.thresholds?.misquoteSimilarity,
    misquoteCoverage: file?.thresholds?.misquoteCoverage,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : 400,
    ignoreMarker: text(explicit("ignoreMarker")) ?? file?.ignoreMarker,
    aliasFile: text(c.get("aliasFile")),
    ignoredQuotes: file?.ignoredQuotes ?? [],
    insertCitation: c.get<boolean>("insertCitation", false) === true,
  };
}

function folderOfScope(scope: vscode.ConfigurationScope | undefined): vscode.WorkspaceFolder | undefined {
  if (!scope) return vscode.workspace.workspaceFolders?.[0];
  if (scope instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(scope);
  if ("uri" in scope && "name" in scope && "index" in scope) return scope as vscode.WorkspaceFolder;
  if ("uri" in scope && scope.uri) return vscode.workspace.getWorkspaceFolder(scope.uri);
  return undefined;
}

export function toSeverity(s: SeveritySetting): vscode.DiagnosticSeverity | undefined {
  switch (s) {
    case "error":
      return vscode.DiagnosticSeverity.Error;
    case "warning":
      return vscode.DiagnosticSeverity.Warning;
    case "information":
      return vscode.DiagnosticSeverity.Information;
    case "hint":
      return vscode.DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}
