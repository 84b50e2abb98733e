/**
 * Watches each folder's source globs, `.verbatim.json` and the alias file: a change drops the
 * folder's index and re-checks its open drafts. Bursts (a folder copied in) cause one rebuild.
 */
import * as vscode from "vscode";
import { aliasFileUri, PROJECT_CONFIG } from "./projectConfig";
import { readSettings } from "./settings";

const SETTLE_MS = 250;

export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onChange: (folder: vscode.WorkspaceFolder) => void) {
    this.watch();
  }

  /** (Re)creates the watchers from the current settings and folders. */
  watch(): void {
    this.disposeWatchers();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const settings = readSettings(folder);
      const patterns = [...settings.sources, PROJECT_CONFIG].map((g) => new vscode.RelativePattern(folder, g));
      if (settings.aliasFile) {
        const uri = aliasFileUri(folder, settings.aliasFile);
        patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(uri, ".."), uri.path.split("/").pop()!));
      }
      for (const pattern of patterns) {
        const w = vscode.workspace.createFileSystemWatcher(pattern);
        const fire = () => this.changed(folder);
        w.onDidCreate(fire);
        w.onDidChange(fire);
        w.onDidDelete(fire);
        this.watchers.push(w);
      }
    }
  }

  private changed(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.onChange(folder);
    }, SETTLE_MS));
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.disposeWatchers();
    for (const t of this.pending.values()) clearTimeout(t);
  }
}
