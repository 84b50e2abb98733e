/**
 * The `verbatim.*` settings in force for a resource, merged (defaults < `.verbatim.json` < the
 * settings the user set) by the language server, which reads the project file the way the CLI
 * does and tells the client the result per workspace folder.
 */
import * as vscode from "vscode";
import type { EffectiveSettings } from "../server/protocol";
import type { VerbatimClient } from "./client";

export type VerbatimSettings = Omit<EffectiveSettings, "folder" | "configError">;
export type SeveritySetting = EffectiveSettings["severity"]["misattributed"];

export const SECTION = "verbatim";

const DEFAULTS: VerbatimSettings = {
  sources: ["sources", "sources/**"],
  languages: ["markdown", "plaintext"],
  severity: { misattributed: "error", misquoted: "warning", unsourced: "information", "speaker-unclear": "information" },
  debounceMs: 400,
  ignoreMarker: "verbatim-ignore",
  ignoredQuotes: [],
  insertCitation: false,
  citationStyle: "footnote",
};

let client: VerbatimClient | undefined;

export function useClient(c: VerbatimClient): void {
  client = c;
}

export function readSettings(scope?: vscode.Uri | vscode.WorkspaceFolder): VerbatimSettings {
  const folder = scope instanceof vscode.Uri ? (vscode.workspace.getWorkspaceFolder(scope) ?? vscode.workspace.workspaceFolders?.[0]) : (scope ?? vscode.workspace.workspaceFolders?.[0]);
  const c = vscode.workspace.getConfiguration(SECTION, folder?.uri);
  // Only the editor uses this one (no project file has it): read as it is now.
  const insertCitation = c.get<boolean>("insertCitation") === true;
  const fromServer = folder && client?.settingsOf(folder.uri);
  if (fromServer) return { ...fromServer, insertCitation };
  // Before the server has said: the user's own settings over the defaults.
  return { ...DEFAULTS, languages: c.get<string[]>("languages") ?? DEFAULTS.languages, insertCitation };
}
