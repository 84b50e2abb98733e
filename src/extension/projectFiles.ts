/**
 * The `.verbatim.json` of each workspace folder, read once and again when it changes, and kept
 * here so that settings (read synchronously everywhere) can merge it in. Each folder of a
 * multi-root workspace has its own file. Read with workspace.fs, so remote and virtual folders
 * work; a missing file is normal, a broken one is logged.
 */
import * as vscode from "vscode";
import type { Log } from "./log";
import { parseProjectFile, type ProjectFile } from "./projectFileFormat";

export const PROJECT_CONFIG = ".verbatim.json";

const files = new Map<string, ProjectFile>();

/** The folder's parsed `.verbatim.json`, if it has one (as last loaded). */
export function projectFileOf(folder: vscode.Uri): ProjectFile | undefined {
  return files.get(folder.toString());
}

/** (Re)reads the folder's `.verbatim.json`. */
export async function loadProjectFile(folder: vscode.WorkspaceFolder, log: Log): Promise<ProjectFile | undefined> {
  const key = folder.uri.toString();
  const uri = vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG);
  const json = await readJson(uri, log);
  if (json === undefined) {
    files.delete(key);
    return undefined;
  }
  const notes: string[] = [];
  const file = parseProjectFile(json, notes);
  for (const note of notes) log.info(`${uri.toString()}: ${note}`);
  files.set(key, file);
  return file;
}

export async function loadAllProjectFiles(log: Log): Promise<void> {
  files.clear();
  await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => loadProjectFile(f, log)));
}

/** A JSON file's value; undefined when it is missing or not JSON (logged). */
export async function readJson(uri: vscode.Uri, log: Log): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined; // no such file
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, "")) as unknown;
  } catch (e) {
    log.info(`${uri.toString()}: not valid JSON (${(e as Error).message}); ignored`);
    return undefined;
  }
}
