/**
 * The checked quotes of drafts, as the server last reported them (`verbatim/quotes`), fetched
 * again whenever the server says a draft was checked. The Quotes view, its commands and "open
 * source" read them from here.
 */
import * as vscode from "vscode";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import * as P from "../server/protocol";
import type { VerbatimClient } from "./client";

export type DraftQuotes = P.QuotesResult;

export class Quotes implements vscode.Disposable {
  private readonly byUri = new Map<string, DraftQuotes>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: VerbatimClient) {
    this.subscription = client.onDidCheck((c) => void this.fetch(c.uri));
  }

  private async fetch(uri: string): Promise<void> {
    try {
      const result = await this.client.request<P.QuotesResult | null>(P.QUOTES, { uri } satisfies P.QuotesParams);
      if (result) this.byUri.set(uri, result);
      else this.byUri.delete(uri);
    } catch {
      this.byUri.delete(uri);
    }
    this.changed.fire(vscode.Uri.parse(uri));
  }

  /** The last check of a draft (possibly of an older version). */
  latest(uri: vscode.Uri): DraftQuotes | undefined {
    return this.byUri.get(uri.toString());
  }

  /** The check of the document as it is now, if there is one. */
  current(document: vscode.TextDocument): DraftQuotes | undefined {
    const r = this.byUri.get(document.uri.toString());
    return r && r.version === document.version ? r : undefined;
  }

  /** The checked quote with a piece at `offset` (quote marks count as part of it). */
  static checkAt(result: DraftQuotes, offset: number): PlainQuoteCheck | undefined {
    return result.checks.find((c) => c.quote.pieces.some((p) => offset >= p.start - 1 && offset <= p.end + 1));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Where to open a check's source passage: its URI and offsets, and whether they are file positions. */
export function openArgs(result: DraftQuotes, check: PlainQuoteCheck): { uri: string; start: number; end: number; exact: boolean } | undefined {
  const p = check.source;
  const uri = p && result.sources[p.document.path];
  return p && uri ? { uri, start: p.start, end: p.end, exact: p.place?.exact ?? true } : undefined;
}
