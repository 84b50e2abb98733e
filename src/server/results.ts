/** The latest check of each draft, for the exact document version it was made on. */
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { Readiness } from "../core/service";
import type { ProjectEntry } from "./projects";

export interface DraftResult {
  uri: string;
  /** The document version checked; -1 for a file checked from disk (a workspace check). */
  version: number;
  checks: PlainQuoteCheck[];
  entry: ProjectEntry;
  /** The build of the index that answered (0: a partial index while the first build runs). */
  build: number;
  partial?: Readiness;
  markdown: boolean;
  /** The text checked, for a file that is not open. */
  text?: string;
}

export class Results {
  private readonly results = new Map<string, DraftResult>();

  get(uri: string): DraftResult | undefined {
    return this.results.get(uri);
  }

  set(r: DraftResult): void {
    this.results.set(r.uri, r);
  }

  delete(uri: string): void {
    this.results.delete(uri);
  }

  clear(): void {
    this.results.clear();
  }

  /** The checked quote with a piece at `offset` (quote marks count as part of it). */
  static checkAt(r: DraftResult, offset: number): PlainQuoteCheck | undefined {
    return r.checks.find((c) => c.quote.pieces.some((p) => offset >= p.start - 1 && offset <= p.end + 1));
  }
}
