/**
 * Speaker aliases, ignore marker and thresholds from `.verbatim.json` at the folder's root and
 * from the file `verbatim.aliasFile` names (its aliases win). Read with workspace.fs, so it works
 * in remote and virtual workspaces; a missing file is normal, a broken one is logged.
 */
import * as vscode from "vscode";
import type { CheckOptions } from "../core/check";
import type { Log } from "./log";
import type { VerbatimSettings } from "./settings";

export const PROJECT_CONFIG = ".verbatim.json";

export async function readProjectOptions(folder: vscode.WorkspaceFolder, settings: VerbatimSettings, log: Log): Promise<CheckOptions> {
  const files = [vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG)];
  if (settings.aliasFile) files.push(aliasFileUri(folder, settings.aliasFile));
  const options: CheckOptions = { aliases: {} };
  for (const uri of files) {
    const json = await readJson(uri, log);
    if (!json) continue;
    if (json.aliases && typeof json.aliases === "object" && !Array.isArray(json.aliases)) {
      for (const [alias, name] of Object.entries(json.aliases)) if (typeof name === "string") options.aliases![alias] = name;
    }
    if (typeof json.ignoreMarker === "string") options.ignoreMarker = json.ignoreMarker;
    if (json.thresholds && typeof json.thresholds === "object") {
      const t = json.thresholds as Record<string, unknown>;
      options.thresholds = {
        ...(typeof t.misquoteSimilarity === "number" ? { misquoteSimilarity: t.misquoteSimilarity } : {}),
        ...(typeof t.misquoteCoverage === "number" ? { misquoteCoverage: t.misquoteCoverage } : {}),
      };
    }
  }
  // Settings, when the user set them, win over the project file.
  if (settings.ignoreMarker) options.ignoreMarker = settings.ignoreMarker;
  if (settings.misquoteSimilarity !== undefined) options.thresholds = { ...options.thresholds, misquoteSimilarity: settings.misquoteSimilarity };
  return options;
}

export function aliasFileUri(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
  return /^([a-zA-Z]:[\\/]|\/)/.test(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(folder.uri, file);
}

async function readJson(uri: vscode.Uri, log: Log): Promise<Record<string, unknown> | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined; // no such file
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    log.info(`${uri.fsPath}: expected a JSON object; ignored`);
  } catch (e) {
    log.info(`${uri.fsPath}: not valid JSON (${(e as Error).message}); ignored`);
  }
  return undefined;
}
