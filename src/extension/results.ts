/**
 * The latest check of each draft, for the exact document version it was made on. Hovers and
 * quick fixes use a result only while the document still has that version (offsets are exact).
 */
import * as vscode from "vscode";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { Readiness } from "../indexWorker/protocol";
import type { FolderIndex } from "./sourceIndex";

export interface DraftResult {
  uri: vscode.Uri;
  version: number;
  checks: PlainQuoteCheck[];
  index: FolderIndex;
  /** The build of the index that answered (0: a partial index while the first build runs). */
  build: number;
  /** Set when the check ran while the index was still being built, against what was ready. */
  partial?: Readiness;
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
  static checkAt(result: DraftResult, offset: number): PlainQuoteCheck | undefined {
    return result.checks.find((c) => c.quote.pieces.some((p) => offset >= p.start - 1 && offset <= p.end + 1));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
