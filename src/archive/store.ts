/**
 * The archive as a second source store for checks. Before a check, `lookup` asks PostgreSQL which
 * stored passages share the most winnowed 3-gram keys with each quotation, fetches those
 * documents (text, metadata, quotations with their speakers as attributed at ingest) and lays them
 * out as a small corpus; `passagesFor` then runs the engine's own `findPassages` over it, so
 * alignment and verdicts are exactly the engine's. A check never re-attributes an archive
 * document.
 *
 * Faults: when the server cannot be reached (stopped, restarting, network), a look-up reports
 * "archive unavailable" once, returns no passages (the check goes on with local sources) and does
 * not try again before a back-off (1 s, doubling to 60 s) has passed; when it answers again, that
 * is reported once too. A statement slower than the budget is cancelled by the server
 * (`statement_timeout`) and its quotation checked without the archive.
 */
import type pg from "pg";
import { Corpus, type SourceText } from "../core/corpus/corpus";
import type { SourceDocument } from "../core/corpus/sourceDocument";
import { storedEntity, type StoredSpeaker } from "../core/foreignSources";
import { findPassages, type Passage } from "../core/match/passages";
import type { QuoteWords } from "../core/match/quoteWords";
import type { AttributedQuote, AttributionBasis, Confidence } from "../core/speakers/attribute";
import type { EntityKind } from "../core/speakers/entity";
import { type ArchiveUrl, describePgError, isOverBudget, isUnavailable, openPool } from "./connection";
import { quoteKeys } from "./grams";
import type { SourceMetadata } from "./metadata";

export interface ArchiveStoreOptions {
  /** Longest a look-up statement may run, ms (default 2,000). */
  budgetMs?: number;
  /** Connections at most (default 4). */
  maxConnections?: number;
  connectTimeoutMs?: number;
  password?: string;
  /** Where "archive unavailable" and budget messages go (each outage reported once). */
  warn?: (msg: string) => void;
  /** Documents a quotation's look-up may bring (default 8). */
  documentsPerQuote?: number;
  /** Back-off after a failed connection, ms: first and longest (default 1,000 and 60,000). */
  backoffMs?: [number, number];
  /** How long a quotation's candidates are reused without asking the server again, ms (default 60,000; 0: always ask). */
  reuseMs?: number;
}

/** What a host shows about an archive document. */
export interface ArchiveDocumentInfo extends SourceMetadata {
  /** The key the document was added under (its path relative to where `archive add` ran). */
  key: string;
  format: string;
}

const ARCHIVE_PREFIX = "archive:";
/** How many quotations' candidates are kept for reuse. */
const RECENT_MAX = 5000;
/** A candidate document must share at least this share of the best candidate's keys. */
const MIN_SHARE_OF_BEST = 0.25;

/** Archive documents' metadata, for hosts: hovers, views and reports show outlet, date and link. */
const infoOf = new WeakMap<SourceDocument, ArchiveDocumentInfo>();
export function archiveDocumentInfo(doc: SourceDocument): ArchiveDocumentInfo | undefined {
  return infoOf.get(doc);
}

interface StoredDocument {
  id: string;
  source: SourceText;
  info: ArchiveDocumentInfo;
  quotes: StoredQuote[];
}

interface StoredQuote {
  start: number;
  end: number;
  pieces: number[];
  basis: AttributionBasis;
  wordCount: number;
  scare: boolean;
  speaker?: StoredSpeaker;
  /** How sure the attribution was at ingest; none for rows stored before it was kept. */
  confidence?: Confidence;
}

/** The passages of one look-up: a small corpus of the documents the archive found. */
export class ArchiveMatches {
  private readonly corpus?: Corpus;
  private readonly quotes: AttributedQuote[][] = [];

  constructor(docs: StoredDocument[]) {
    if (docs.length === 0) return;
    this.corpus = new Corpus(docs.map((d) => d.source));
    docs.forEach((d, i) => {
      infoOf.set(this.corpus!.documents[i], d.info);
      this.quotes.push(d.quotes.map((q) => toAttributed(q)));
    });
  }

  get documentCount(): number {
    return this.corpus?.documents.length ?? 0;
  }

  /** The archive's passages for a quotation's words, best first, as `findPassages` gives them. */
  passagesFor = (words: QuoteWords): Passage[] => {
    if (!this.corpus) return [];
    return findPassages(this.corpus, words, (d) => this.quotes[d]).map((p) => ({ ...p, documentIndex: -1 }));
  };
}

/** The metadata columns as the engine's `SourceMetadata` (only the fields known). */
function storedMetadata(r: { title: string | null; outlet: string | null; published: string | null; url: string | null; authors: string[] | null }): SourceMetadata {
  const m: SourceMetadata = {};
  if (r.title) m.title = r.title;
  if (r.outlet) m.outlet = r.outlet;
  if (r.authors?.length) m.authors = r.authors;
  if (r.published) m.date = r.published;
  if (r.url) m.url = r.url;
  return m;
}

function toAttributed(q: StoredQuote): AttributedQuote {
  const pieces = [];
  for (let i = 0; i + 1 < q.pieces.length; i += 2) pieces.push({ start: q.pieces[i], end: q.pieces[i + 1] });
  return {
    pieces,
    start: q.start,
    end: q.end,
    form: q.basis === "label" ? "utterance" : "marked",
    paragraph: 0,
    lastParagraph: 0,
    unclosed: false,
    basis: q.basis,
    wordCount: q.wordCount,
    scare: q.scare,
    speaker: q.speaker ? storedEntity(q.speaker) : undefined,
    confidence: q.speaker ? q.confidence : undefined,
    trace: { link: q.basis === "label" ? "label" : q.basis === "continued" ? "continued" : "name" },
  };
}

export type ArchiveState = "unknown" | "up" | "down";

export class ArchiveStore {
  private readonly pool: pg.Pool;
  private readonly warn: (msg: string) => void;
  private readonly budgetMs: number;
  private readonly perQuote: number;
  private readonly backoff: [number, number];
  /** Candidates are reused this long (new wire items show up after it). */
  private readonly reuseMs: number;
  private current: ArchiveState = "unknown";
  private retryAt = 0;
  private delay: number;
  /** Recently fetched documents by id (ids are never reused: a replaced file gets a new one). */
  private readonly cache = new Map<string, StoredDocument>();
  private cachedChars = 0;
  private static readonly CACHE_CHARS = 32_000_000;
  /** Recent candidates by a quotation's keys: an editor re-checks the same quotations while typing around them. */
  private readonly recent = new Map<string, { ids: string[]; at: number }>();
  /** Over-budget look-ups in the last `lookup` (their quotations were checked without the archive). */
  overBudget = 0;

  constructor(
    readonly url: ArchiveUrl,
    options: ArchiveStoreOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 2000;
    this.perQuote = options.documentsPerQuote ?? 8;
    this.backoff = options.backoffMs ?? [1000, 60_000];
    this.reuseMs = options.reuseMs ?? 60_000;
    this.delay = this.backoff[0];
    this.warn = options.warn ?? (() => {});
    this.pool = openPool(url, { max: options.maxConnections ?? 4, statementTimeoutMs: this.budgetMs, connectTimeoutMs: options.connectTimeoutMs ?? 3000, password: options.password, applicationName: "verbatim check" });
  }

  get state(): ArchiveState {
    return this.current;
  }

  /**
   * Looks up every quotation; never throws for an unreachable archive or a slow statement (the
   * check goes on with local sources). Other errors (no archive schema, no permission) throw.
   */
  async lookup(quotes: QuoteWords[]): Promise<ArchiveMatches> {
    this.overBudget = 0;
    if (this.current === "down" && Date.now() < this.retryAt) return new ArchiveMatches([]);
    try {
      const ids = await this.candidates(quotes);
      const docs = await this.documents(ids);
      this.markUp();
      return new ArchiveMatches(docs);
    } catch (e) {
      // The server gone, or refusing us (a wrong password, no archive schema, no permission): the
      // same for the check — one message, the local sources, another try after the back-off.
      if (!isUnavailable(e) && typeof (e as { code?: unknown })?.code !== "string") throw e;
      this.markDown(e);
      return new ArchiveMatches([]);
    }
  }

  /** Documents whose passages share the most keys with each quotation (all quotations at once). */
  private async candidates(quotes: QuoteWords[]): Promise<string[]> {
    const keys = new Map<string, number[]>();
    for (const q of quotes) {
      const k = quoteKeys(q.words, q.gapBefore);
      if (k.length) keys.set(k.join(","), k);
    }
    const found = new Set<string>();
    const ask = async (k: number[]) => {
      const key = k.join(",");
      const known = this.recent.get(key);
      if (known && Date.now() - known.at < this.reuseMs) {
        for (const id of known.ids) found.add(id);
        return;
      }
      try {
        const r = await this.pool.query({
          name: "verbatim-candidates",
          text: `SELECT document_id, max(icount(grams & $1::int[])) AS shared
                 FROM verbatim.passage WHERE grams && $1::int[]
                 GROUP BY document_id ORDER BY shared DESC, document_id LIMIT $2`,
          values: [k, this.perQuote],
        });
        // Documents sharing far fewer keys than the best one hold chance 3-grams, not this statement.
        const best = r.rows.length ? Number(r.rows[0].shared) : 0;
        const ids = r.rows.filter((row) => Number(row.shared) >= Math.max(1, best * MIN_SHARE_OF_BEST)).map((row) => String(row.document_id));
        for (const id of ids) found.add(id);
        if (this.recent.size >= RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
        this.recent.set(key, { ids, at: Date.now() });
      } catch (e) {
        if (!isOverBudget(e)) throw e;
        this.overBudget++;
      }
    };
    // As many at once as the pool has connections.
    const all = [...keys.values()];
    const running: Promise<void>[] = [];
    for (const k of all) {
      const p: Promise<void> = ask(k).finally(() => running.splice(running.indexOf(p), 1));
      running.push(p);
      if (running.length >= 4) await Promise.race(running);
    }
    await Promise.all(running);
    if (this.overBudget) this.warn(`archive: ${this.overBudget} look-up(s) ran over the ${this.budgetMs} ms budget and were cancelled; those quotes were checked without the archive`);
    return [...found].sort((a, b) => Number(a) - Number(b));
  }

  private async documents(ids: string[]): Promise<StoredDocument[]> {
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length) {
      const [docs, quotes] = await Promise.all([
        this.pool.query(
          `SELECT id, key, body, markdown, format, utterances, regions, title, outlet, published, url, authors FROM verbatim.document WHERE id = ANY($1::bigint[])`,
          [missing],
        ),
        this.pool.query(
          `SELECT document_id, start_offset, end_offset, pieces, basis, word_count, scare, speaker_kind, speaker_name, speaker_role, speaker_role_text, speaker_organization, speaker_confidence
           FROM verbatim.quotation WHERE document_id = ANY($1::bigint[]) ORDER BY document_id, ord`,
          [missing],
        ),
      ]);
      const quotesOf = new Map<string, StoredQuote[]>();
      for (const r of quotes.rows) {
        const list = quotesOf.get(String(r.document_id)) ?? [];
        list.push({
          start: r.start_offset,
          end: r.end_offset,
          pieces: r.pieces,
          basis: r.basis,
          wordCount: r.word_count,
          scare: r.scare,
          speaker: r.speaker_name ? { kind: r.speaker_kind as EntityKind, name: r.speaker_name, role: r.speaker_role ?? undefined, roleText: r.speaker_role_text ?? undefined, organization: r.speaker_organization ?? undefined } : undefined,
          confidence: r.speaker_confidence ?? undefined,
        });
        quotesOf.set(String(r.document_id), list);
      }
      for (const r of docs.rows) {
        const id = String(r.id);
        const doc: StoredDocument = {
          id,
          source: { path: ARCHIVE_PREFIX + r.key, text: r.body, markdown: r.markdown, utterances: r.utterances ?? undefined, regions: r.regions ?? undefined, metadata: storedMetadata(r) },
          info: { key: r.key, format: r.format, title: r.title ?? undefined, outlet: r.outlet ?? undefined, date: r.published ?? undefined, url: r.url ?? undefined, authors: r.authors ?? undefined },
          quotes: quotesOf.get(id) ?? [],
        };
        this.remember(doc);
      }
    }
    return ids.map((id) => this.cache.get(id)).filter((d): d is StoredDocument => !!d);
  }

  private remember(doc: StoredDocument): void {
    this.cache.set(doc.id, doc);
    this.cachedChars += doc.source.text.length;
    for (const [id, d] of this.cache) {
      if (this.cachedChars <= ArchiveStore.CACHE_CHARS || this.cache.size <= 1) break;
      this.cache.delete(id);
      this.cachedChars -= d.source.text.length;
    }
  }

  private markUp(): void {
    if (this.current === "down") this.warn(`archive ${this.url.display} is available again`);
    this.current = "up";
    this.delay = this.backoff[0];
  }

  private markDown(e: unknown): void {
    if (this.current !== "down") this.warn(`archive unavailable (${this.url.display}: ${describePgError(e)}); checking against local sources only`);
    this.current = "down";
    this.retryAt = Date.now() + this.delay;
    this.delay = Math.min(this.delay * 2, this.backoff[1]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
