/**
 * Checks drafts: now, or debounced while the user types. The check itself runs in the index
 * worker; after an edit the worker re-checks only the edited paragraphs. A check's result is
 * kept only if the document is still at the version it read and no newer check of it has
 * started. A check made while the index was still building is made again when the build ends.
 */
import * as vscode from "vscode";
import type { Log } from "./log";
import { folderOf, isDraft } from "./drafts";
import type { CheckResults } from "./results";
import { readSettings } from "./settings";
import type { SourceIndex } from "./sourceIndex";

export class DraftChecker implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runs = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly index: SourceIndex,
    private readonly results: CheckResults,
    private readonly log: Log,
  ) {}

  /** Re-checks after the configured pause in typing. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = readSettings(folderOf(document.uri) ?? document.uri).debounceMs;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(document);
    }, delay));
  }

  /** Checks a document if it is a draft; resolves once its result is stored (or dropped). */
  async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    try {
      if (document.isClosed || !isDraft(document)) {
        this.results.delete(document.uri);
        return;
      }
      const folder = folderOf(document.uri);
      if (!folder) return;
      const run = ++this.seq;
      this.runs.set(key, run);
      const version = document.version;
      const outdated = () => document.isClosed || document.version !== version || this.runs.get(key) !== run;
      const index = await this.index.get(folder);
      if (outdated()) return;
      if (!index) {
        this.results.delete(document.uri);
        return;
      }
      const started = Date.now();
      const previous = this.results.latest(document.uri);
      // The worker re-checks only the edited paragraphs when its last report of this draft fits.
      const incremental = !!previous && previous.index.key === index.key && previous.version >= 0;
      const settings = readSettings(folder);
      const answer = await this.index.check(index, key, document.getText(), incremental, settings.ignoredQuotes);
      if (outdated()) return;
      this.results.set({ uri: document.uri, version, checks: answer.checks, index, build: answer.build, partial: answer.partial });
      const partial = answer.partial ? ` (index still building: ${answer.partial.ready} of ${answer.partial.total} sources ready)` : "";
      this.log.info(`checked ${vscode.workspace.asRelativePath(document.uri)} v${version}: ${answer.checks.length} quote(s) in ${Date.now() - started} ms${partial}`);
    } catch (e) {
      this.log.error(`checking ${document.uri.toString()}`, e);
    }
  }

  /** Re-checks every open draft (after a source or setting changed). */
  checkOpen(folder?: vscode.WorkspaceFolder): Promise<void[]> {
    const docs = vscode.workspace.textDocuments.filter((d) => !folder || folderOf(d.uri)?.uri.toString() === folder.uri.toString());
    return Promise.all(docs.map((d) => this.check(d)));
  }

  /** Re-checks the open drafts of a folder whose last check used a partial index. */
  recheckPartial(folderKey: string): Promise<void[]> {
    const docs = vscode.workspace.textDocuments.filter((d) => {
      const r = this.results.latest(d.uri);
      return r?.partial && r.index.key === folderKey;
    });
    return Promise.all(docs.map((d) => this.check(d)));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    const index = this.results.latest(document.uri)?.index;
    if (index) this.index.forget(index, key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
