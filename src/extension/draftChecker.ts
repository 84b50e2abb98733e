/**
 * Checks drafts: now, or debounced while the user types. A check's result is kept only if the
 * document is still at the version it read and no newer check of it has started.
 */
import * as vscode from "vscode";
import type { Log } from "./log";
import { folderOf, isDraft } from "./drafts";
import type { DraftReport } from "../core/check";
import { markIgnoredQuotes } from "../core/verdict/ignoredQuotes";
import type { CheckResults, DraftResult } from "./results";
import { readSettings } from "./settings";
import type { FolderIndex, SourceIndex } from "./sourceIndex";

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
      const index = await this.index.get(folder);
      if (document.isClosed || document.version !== version || this.runs.get(key) !== run) return; // outdated
      if (!index) {
        this.results.delete(document.uri);
        return;
      }
      const started = Date.now();
      const report = this.run(index, document, this.results.latest(document.uri));
      // `ignoredQuotes` of .verbatim.json; the report itself stays as the engine made it (incremental checks build on it).
      const checks = markIgnoredQuotes(report.checks, readSettings(folder).ignoredQuotes);
      this.results.set({ uri: document.uri, version, checks, index, report });
      this.log.info(`checked ${vscode.workspace.asRelativePath(document.uri)} v${version}: ${report.checks.length} quote(s) in ${Date.now() - started} ms`);
    } catch (e) {
      this.log.error(`checking ${document.uri.toString()}`, e);
    }
  }

  /** Re-checks only the edited paragraphs when the last result came from the same index. */
  private run(index: FolderIndex, document: vscode.TextDocument, previous: DraftResult | undefined): DraftReport {
    const text = document.getText();
    if (previous && previous.index === index && previous.version >= 0) {
      try {
        return index.checker.checkIncremental(previous.report, text);
      } catch (e) {
        this.log.error(`incremental check of ${document.uri.toString()} (falling back to a full check)`, e);
      }
    }
    return index.checker.check([{ path: document.uri.toString(), text }])[0];
  }

  /** Re-checks every open draft (after a source or setting changed). */
  checkOpen(folder?: vscode.WorkspaceFolder): Promise<void[]> {
    const docs = vscode.workspace.textDocuments.filter((d) => !folder || folderOf(d.uri)?.uri.toString() === folder.uri.toString());
    return Promise.all(docs.map((d) => this.check(d)));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
