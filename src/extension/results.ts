/**
 * The latest check of each draft, for the exact document version it was made on. Hovers and
 * quick fixes use a result only while the document still has that version (offsets are exact).
 */
import * as vscode from "vscode";
import type { DraftReport } from "../core/check";
import type { QuoteCheck } from "../core/verdict/judge";
import type { FolderIndex } from "./sourceIndex";

export interface DraftResult {
  uri: vscode.Uri;
  version: number;
  checks: QuoteCheck[];
  index: FolderIndex;
  /** The engine's report, from which the next edit can be re-checked incrementally. */
  report: DraftReport;
}

export class CheckResults implements vscode.Disposable {
  private readonly results = new Map<string, DraftResult>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(result: DraftResult): void {
    this.results.set(result.uri.toString(), result);
    this.changed.fire(result.uri);
  }

  delete(uri: vscode.Uri): void {
    if (this.results.delete(uri.toString())) this.changed.fire(uri);
  }

  /**
   * Keeps a closed document's result (and so its diagnostics, e.g. from a workspace check) but
   * no longer as the result of any open version.
   */
  detach(uri: vscode.Uri): void {
    const r = this.results.get(uri.toString());
    if (r) r.version = -1;
  }

  /** Every stored result. */
  all(): DraftResult[] {
    return [...this.results.values()];
  }

  /** The result for the document as it is now, if there is one. */
  current(document: vscode.TextDocument): DraftResult | undefined {
    const r = this.results.get(document.uri.toString());
    return r && r.version === document.version ? r : undefined;
  }

  /** The last result, possibly for an older version (the status bar may show it while typing). */
  latest(uri: vscode.Uri): DraftResult | undefined {
    return this.results.get(uri.toString());
  }

  /** The checked quote with a piece at `offset` (quote marks count as part of it). */
  static checkAt(result: DraftResult, offset: number): QuoteCheck | undefined {
    return result.checks.find((c) => c.quote.pieces.some((p) => offset >= p.start - 1 && offset <= p.end + 1));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
