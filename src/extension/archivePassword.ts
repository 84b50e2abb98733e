/**
 * The newsroom archive's password in VS Code: kept in the editor's secret storage (the OS
 * keychain), never in a setting or a project file. The language server asks for it per archive
 * (`user@host:port/db`) when it first connects; "Verbatim: Set Archive Password" stores it and
 * tells the server to connect again.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { ArchiveConfigError, checkArchiveUrl, type UrlOrigin } from "../archive/url";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";
import { t } from "./l10n";

export const secretKey = (display: string) => `verbatim.archive.password:${display}`;

/** Answers the server's `verbatim/archivePassword` from the secret storage. */
export function answerPasswordRequests(context: vscode.ExtensionContext, client: VerbatimClient): void {
  client.client.onRequest(P.ARCHIVE_PASSWORD, async (params: P.ArchivePasswordParams) => (await context.secrets.get(secretKey(params.display))) ?? null);
}

/** The archives the workspace names: each folder's `verbatim.archive`, else its `.verbatim.json`'s `"archive"`. */
function configuredArchives(): { url: string; origin: UrlOrigin }[] {
  const out: { url: string; origin: UrlOrigin }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const setting = vscode.workspace.getConfiguration("verbatim", folder.uri).get<string>("archive")?.trim();
    if (setting) {
      out.push({ url: setting, origin: "settings" });
      continue;
    }
    try {
      const file = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, ".verbatim.json"), "utf8")) as { archive?: unknown };
      if (typeof file.archive === "string" && file.archive.trim()) out.push({ url: file.archive.trim(), origin: ".verbatim.json" });
    } catch {
      // no project file, or not one we can read: the server reports that
    }
  }
  return out;
}

/** "Verbatim: Set Archive Password": asks for it (hidden), stores it, and has the server reconnect. */
export async function setArchivePassword(context: vscode.ExtensionContext, client: VerbatimClient, chosen?: string): Promise<boolean> {
  let url = chosen;
  if (!url) {
    const known = [...new Set(configuredArchives().map((a) => a.url))];
    if (known.length === 1) url = known[0];
    else if (known.length > 1) url = await vscode.window.showQuickPick(known, { placeHolder: t("Which archive?") });
    else url = await vscode.window.showInputBox({ prompt: t("The archive's connection string (without the password)"), placeHolder: "postgres://user@host:5432/database", ignoreFocusOut: true });
  }
  if (!url) return false;
  let display: string;
  try {
    display = checkArchiveUrl(url, "settings").display;
  } catch (e) {
    if (!(e instanceof ArchiveConfigError)) throw e;
    void vscode.window.showErrorMessage(`Verbatim: ${e.message}`);
    return false;
  }
  const password = await vscode.window.showInputBox({ prompt: t("Password for the archive {0}", display), password: true, ignoreFocusOut: true });
  if (password === undefined) return false;
  if (password === "") await context.secrets.delete(secretKey(display));
  else await context.secrets.store(secretKey(display), password);
  await client.client.sendNotification(P.ARCHIVE_PASSWORD_CHANGED, { display } satisfies P.ArchivePasswordParams);
  void vscode.window.setStatusBarMessage(password === "" ? t("Verbatim: archive password removed for {0}", display) : t("Verbatim: archive password saved for {0}", display), 4000);
  return true;
}
