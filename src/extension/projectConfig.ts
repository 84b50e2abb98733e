/**
 * The engine's options for a folder: speaker aliases from `.verbatim.json` and from the file
 * `verbatim.aliasFile` names (its aliases win), the ignore marker and thresholds as merged by
 * `readSettings` (settings the user set, else the project file, else the defaults).
 */
import * as vscode from "vscode";
import type { CheckOptions } from "../core/check";
import type { Log } from "./log";
import { projectFileOf, readJson } from "./projectFiles";
import type { VerbatimSettings } from "./settings";

export { PROJECT_CONFIG } from "./projectFiles";

export async function readProjectOptions(folder: vscode.WorkspaceFolder, settings: VerbatimSettings, log: Log): Promise<CheckOptions> {
  const aliases: Record<string, string> = { ...projectFileOf(folder.uri)?.aliases };
  if (settings.aliasFile) {
    const json = await readJson(aliasFileUri(folder, settings.aliasFile), log);
    const more = json && typeof json === "object" ? (json as { aliases?: unknown }).aliases : undefined;
    if (more && typeof more === "object" && !Array.isArray(more)) {
      for (const [alias, name] of Object.entries(more)) if (typeof name === "string") aliases[alias] = name;
    }
  }
  const thresholds = {
    ...(settings.misquoteSimilarity !== undefined ? { misquoteSimilarity: settings.misquoteSimilarity } : {}),
    ...(settings.misquoteCoverage !== undefined ? { misquoteCoverage: settings.misquoteCoverage } : {}),
  };
  return { aliases, ignoreMarker: settings.ignoreMarker, thresholds };
}

export function aliasFileUri(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
  return /^([a-zA-Z]:[\\/]|\/)/.test(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(folder.uri, file);
}
