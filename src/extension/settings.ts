/** The `verbatim.*` settings, read for one resource (each workspace folder may differ). */
import * as vscode from "vscode";
import type { FindingKind } from "../core/verdict/judge";

export type SeveritySetting = "error" | "warning" | "information" | "hint" | "off";

export interface VerbatimSettings {
  sources: string[];
  languages: string[];
  severity: Record<FindingKind, SeveritySetting>;
  /** Undefined unless the user set it, so `.verbatim.json` thresholds can apply. */
  misquoteSimilarity?: number;
  debounceMs: number;
  ignoreMarker?: string;
  aliasFile?: string;
}

export const SECTION = "verbatim";

/** Settings whose change means the sources must be read again and the checker rebuilt. */
export const INDEX_SETTINGS = ["sources", "aliasFile", "ignoreMarker", "similarity.misquote"].map((s) => `${SECTION}.${s}`);

export function readSettings(scope?: vscode.ConfigurationScope): VerbatimSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const list = (key: string, fallback: string[]) => {
    const v = c.get<unknown>(key);
    return Array.isArray(v) && v.every((s) => typeof s === "string") ? v : fallback;
  };
  const severity = (kind: FindingKind, fallback: SeveritySetting): SeveritySetting => {
    const v = c.get<string>(`severity.${kind}`);
    return v === "error" || v === "warning" || v === "information" || v === "hint" || v === "off" ? v : fallback;
  };
  const similarity = c.inspect<number>("similarity.misquote");
  const explicit = similarity?.workspaceFolderValue ?? similarity?.workspaceValue ?? similarity?.globalValue;
  const debounce = c.get<number>("debounceMs", 400);
  const text = (key: string) => {
    const v = c.get<string>(key);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  return {
    sources: list("sources", ["sources/**"]),
    languages: list("languages", ["markdown", "plaintext"]),
    severity: {
      misattributed: severity("misattributed", "error"),
      misquoted: severity("misquoted", "warning"),
      unsourced: severity("unsourced", "information"),
    },
    misquoteSimilarity: typeof explicit === "number" && explicit > 0 && explicit <= 1 ? explicit : undefined,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : 400,
    ignoreMarker: text("ignoreMarker"),
    aliasFile: text("aliasFile"),
  };
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
