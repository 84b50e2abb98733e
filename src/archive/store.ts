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
import { DocCache } from "../core/corpus/docCache";
import { hashText, SourceDocument } from "../core/corpus/sourceDocument";
import { storedEntity, type StoredSpeaker } from "../core/foreignSources";
import { findPassages, type Passage, quoteAt } from "../core/match/passages";
import { MAX_CANDIDATES, MAX_TIED } from "../core/match/windows";
import { scanWords } from "../core/text/words";
import type { QuoteWords } from "../core/match/quoteWords";
import type { AttributedQuote, AttributionBasis, Confidence } from "../core/speakers/attribute";
import type { EntityKind } from "../core/speakers/entity";
import { type ArchiveUrl, CHECK_IDLE_MS, CHECK_SESSION, describePgError, isOverBudget, isUnavailable, openPool } from "./connection";
import { lookupKeys } from "./grams";
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
  /**
   * Documents a quotation's look-up brings at least, best first (default `MAX_CANDIDATES`, as many
   * as the engine aligns); beyond them, every one tying the best (up to `MAX_TIED` in all).
   */
  documentsPerQuote?: number;
  /** Back-off after a failed connection, ms: first and longest (default 1,000 and 60,000). */
  backoffMs?: [number, number];
  /** How long a quotation's candidates are reused without asking the server again, ms (default 60,000; 0: always ask). */
  reuseMs?: number;
  /** How long an unused connection stays open, ms (default `CHECK_IDLE_MS`, ten minutes). */
  idleMs?: number;
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
const MIN_SHARE_OF_BEST = 0.5;

/** Characters of context kept on each side of an excerpt (cut back to white space). */
const EXCERPT_MARGIN = 400;

/** A quotation's candidates: document id → the ranges of its passages that may hold the quotation. */
type Candidates = Map<string, Excerpt[]>;

/**
 * A look-up in one statement (one round trip, one plan prepared once per connection), for a
 * whole draft's quotations at once:
 * - for each quotation ($1: its keys, as int[] literals; $4: which passages to consider, as a
 *   `query_int` over those keys, see `passageQuery`; $6: with three keys, the passages sharing one,
 *   read only where they count, see `singleQuery`), the $2 documents whose passages share the
 *   most keys with it, and beyond those every document sharing as many keys as the best one (up
 *   to $5 in all: `MAX_TIED`, as the in-memory engine aligns every window tying its best one), with
 *   each matching passage's range and shared-key count (rows with `q` set). A quotation reprinted
 *   word for word in many documents ties in all of them, and a cut by id could drop the one
 *   crediting the draft's speaker — and the check would call the draft misattributed;
 *   The cut is made inside each quotation's `LATERAL` (ranked and filtered there), so no more
 *   than the kept rows leave it;
 * - then the documents among those worth reading — sharing at least half of the keys the
 *   quotation's best document shares (fewer: chance 3-grams, not this statement) — that the
 *   checker does not hold yet ($3: the ids it holds), with their text, metadata and quotations
 *   (rows with `q` null).
 */
export const LOOKUP_SQL = `
  WITH c AS MATERIALIZED (
    SELECT q.ord AS q, c.document_id, c.shared, c.starts, c.ends, c.shares, max(c.shared) OVER (PARTITION BY q.ord) AS best
    FROM (SELECT ord, keys::int[] AS keys, query::query_int AS query, single::query_int AS single FROM unnest($1::text[], $4::text[], $6::text[]) WITH ORDINALITY AS x(keys, query, single, ord)) q
    CROSS JOIN LATERAL (
      SELECT t.document_id, t.shared, t.starts, t.ends, t.shares FROM (
        SELECT h.document_id, max(h.shared) AS shared, array_agg(h.start_offset) AS starts, array_agg(h.end_offset) AS ends, array_agg(h.shared) AS shares,
          row_number() OVER (ORDER BY max(h.shared) DESC, h.document_id) AS rank, max(max(h.shared)) OVER () AS top
        FROM (
          SELECT p.document_id, p.start_offset, p.end_offset, icount(p.grams & q.keys) AS shared FROM verbatim.passage p WHERE p.grams @@ q.query
          UNION ALL
          -- Passages sharing one key only (a quotation with 'single', see singleQuery): every one
          -- when no passage holds all the keys ...
          SELECT p.document_id, p.start_offset, p.end_offset, 1 FROM verbatim.passage p
          WHERE q.single IS NOT NULL
            AND (SELECT coalesce(max(icount(a.grams & q.keys)), 0) FROM verbatim.passage a WHERE a.grams @@ q.query) < icount(uniq(sort(q.keys)))
            AND p.grams @@ q.single AND NOT (p.grams @@ q.query)
          UNION ALL
          -- ... else only those of the documents sharing two keys at most, where they are ranges to search.
          SELECT d.document_id, p.start_offset, p.end_offset, 1
          FROM (
            SELECT g.document_id, g.shared, max(g.shared) OVER () AS top
            FROM (SELECT b.document_id, max(icount(b.grams & q.keys)) AS shared FROM verbatim.passage b WHERE q.single IS NOT NULL AND b.grams @@ q.query GROUP BY b.document_id) g
          ) d
          CROSS JOIN LATERAL (SELECT p.start_offset, p.end_offset FROM verbatim.passage p WHERE p.document_id = d.document_id AND icount(p.grams & q.keys) = 1) p
          WHERE d.shared <= 2 AND d.top = icount(uniq(sort(q.keys)))
        ) h
        GROUP BY h.document_id
        ORDER BY shared DESC, h.document_id
        LIMIT greatest($2::int, $5::int)
      ) t
      WHERE t.rank <= $2::int OR t.shared = t.top
    ) c
  ), wanted AS (
    SELECT DISTINCT document_id FROM c WHERE shared >= greatest(1, best * ${MIN_SHARE_OF_BEST}) AND NOT (document_id = ANY($3::bigint[]))
  )
  SELECT c.q, c.document_id AS id, c.shared, c.starts, c.ends, c.shares,
    NULL::text AS key, NULL::text AS body, NULL::bool AS markdown, NULL::text AS format, NULL::jsonb AS utterances, NULL::jsonb AS regions,
    NULL::text AS title, NULL::text AS outlet, NULL::text AS published, NULL::text AS url, NULL::text[] AS authors, NULL::json AS quotes
  FROM c
  UNION ALL
  SELECT NULL, d.id, NULL, NULL, NULL, NULL,
    d.key, d.body, d.markdown, d.format, d.utterances, d.regions, d.title, d.outlet, d.published, d.url, d.authors,
    (SELECT json_agg(json_build_array(q.start_offset, q.end_offset, q.pieces, q.basis, q.word_count, q.scare, q.speaker_kind, q.speaker_name,
                                      q.speaker_role, q.speaker_role_text, q.speaker_organization, q.speaker_confidence) ORDER BY q.ord)
     FROM verbatim.quotation q WHERE q.document_id = d.id)
  FROM verbatim.document d JOIN wanted w ON d.id = w.document_id`;

/**
 * A key found in more passages than this (by the planner's estimate) is not looked up when the
 * quotation has rarer ones: its posting list would bring hundreds of passages sharing a common
 * phrase, each fetched and ranked, for no better candidates.
 */
const COMMON_PASSAGES = 200;

/** The most common keys of the passages and their frequencies, from `pg_stats` (readable by the checkers' role). */
const COMMON_KEYS_SQL = `
  SELECT s.most_common_elems::text AS elems, s.most_common_elem_freqs AS freqs, c.reltuples AS passages
  FROM pg_stats s, pg_class c
  WHERE s.schemaname = 'verbatim' AND s.tablename = 'passage' AND s.attname = 'grams' AND c.oid = 'verbatim.passage'::regclass`;

/** A quotation row as LOOKUP_SQL returns it. */
type StoredQuoteRow = [number, number, number[], AttributionBasis, number, boolean, string | null, string | null, string | null, string | null, string | null, Confidence | null];

/**
 * The stretches of a document to search: its candidate passages' ranges, widened by a margin
 * (cut back to white space, where no word is split) and merged where they meet.
 */
export function excerptsOf(text: string, ranges: readonly Excerpt[]): Excerpt[] {
  const widened = ranges
    .map((r) => {
      let start = Math.max(0, Math.min(r.start, text.length) - EXCERPT_MARGIN);
      let end = Math.min(text.length, Math.max(r.end, 0) + EXCERPT_MARGIN);
      if (start > 0) {
        const space = firstSpace(text, start, r.start);
        start = space < 0 ? Math.min(r.start, text.length) : space + 1;
      }
      if (end < text.length) {
        const space = lastSpace(text, Math.max(r.end, 0), end);
        end = space < 0 ? Math.max(r.end, 0) : space;
      }
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
  const out: Excerpt[] = [];
  for (const r of widened) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85;

function firstSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isSpace(text.charCodeAt(i))) return i;
  return -1;
}

function lastSpace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isSpace(text.charCodeAt(i))) return i;
  return -1;
}

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
  /** The document as hosts show it, made when a look-up first places a passage in it. */
  whole?: { document: SourceDocument; wordStarts: Int32Array; quotes: AttributedQuote[] };
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

/** A stretch of a stored document to search: the passages that shared keys with a quotation, with a margin. */
export interface Excerpt {
  start: number;
  end: number;
}

/**
 * The passages of one look-up. Only the stretches of the found documents that shared keys with
 * the quotations (`Excerpt`s) are laid out as a small corpus and searched by the engine's own
 * `findPassages`; a passage found is then placed in its whole document (offsets, word positions
 * and the stored quotation holding it), so findings, hovers and reports are those of the whole
 * document. Tokenizing and indexing the excerpts instead of whole documents is most of a
 * look-up's time saved, and what keeps a long document (a transcript, a 300-page report) cheap.
 */
export class ArchiveMatches {
  private readonly corpus?: Corpus;
  /** For each corpus document (an excerpt): the stored document it is cut from and where. */
  private readonly cuts: { doc: number; start: number }[] = [];
  private readonly docs: StoredDocument[];

  constructor(docs: StoredDocument[], excerpts: Map<string, Excerpt[]> = new Map()) {
    this.docs = docs;
    if (docs.length === 0) return;
    const sources: SourceText[] = [];
    docs.forEach((d, i) => {
      for (const e of excerpts.get(d.id) ?? [{ start: 0, end: d.source.text.length }]) {
        this.cuts.push({ doc: i, start: e.start });
        sources.push({ path: d.source.path, text: d.source.text.slice(e.start, e.end) });
      }
    });
    this.corpus = new Corpus(sources);
  }

  get documentCount(): number {
    return this.docs.length;
  }

  /**
   * The archive's passages for a quotation's words, best first, as `findPassages` gives them
   * (with `minSimilarity`, only those a verdict could rest on, as a check asks: the others are
   * not placed in their documents).
   */
  passagesFor = (words: QuoteWords, minSimilarity?: number): Passage[] => {
    if (!this.corpus) return [];
    return findPassages(this.corpus, words, undefined, minSimilarity).map((p) => this.placed(p));
  };

  /**
   * A passage of an excerpt as a passage of its whole document. Excerpts are cut at white space,
   * where no word is split, so an excerpt's words are the document's from the first word starting
   * at or after the excerpt's start.
   */
  private placed(p: Passage): Passage {
    const cut = this.cuts[p.documentIndex];
    const whole = wholeDocument(this.docs[cut.doc]);
    const start = p.start + cut.start;
    const end = p.end + cut.start;
    const firstWord = firstAtOrAfter(whole.wordStarts, cut.start);
    return { ...p, document: whole.document, documentIndex: -1, start, end, windowStart: p.windowStart + firstWord, sourceQuote: quoteAt(whole.quotes, start, end) };
  }
}

/** The whole documents of the archive that checks have shown, sharing one memory budget. */
const wholeCache = new DocCache();

/**
 * A stored document as hosts show it — its text, metadata and quotations as attributed at ingest
 * — with where each of its words starts: made once per document the checker holds, whatever the
 * number of look-ups that find it.
 */
function wholeDocument(d: StoredDocument): NonNullable<StoredDocument["whole"]> {
  if (!d.whole) {
    const s = d.source;
    const starts: number[] = [];
    scanWords(s.text, 0, s.text.length, (start) => {
      starts.push(start);
    });
    const document = new SourceDocument(
      { path: s.path, text: s.text, length: s.text.length, firstWord: 0, wordCount: starts.length, utterances: s.utterances ?? [], regions: s.regions ?? [], markdown: s.markdown, metadata: s.metadata, hash: hashText(s.text) },
      wholeCache,
    );
    infoOf.set(document, d.info);
    d.whole = { document, wordStarts: Int32Array.from(starts), quotes: d.quotes.map((q) => toAttributed(q)) };
  }
  return d.whole;
}

/** The index of the first of these ascending offsets at or after `at` (their number if none). */
function firstAtOrAfter(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** From this many keys on, a passage must share two of a quotation's keys to be a candidate. */
export const PAIR_KEYS = 4;

/**
 * Which passages a quotation's look-up considers, as an intarray `query_int` that the GIN index
 * answers by itself: with `PAIR_KEYS` keys or more, passages holding at least two of them (`(a&b)|(a&c)|…`);
 * with fewer, any of them (with three keys, asked in two steps: see `singleQuery`). A passage sharing one key of many shares a 3-gram by chance (24-bit
 * keys collide: at 1 GB each key is in several unrelated passages) or a common phrase, never
 * the quotation; leaving those to the index spares reading each from the table and ranking it,
 * which was most of the statement's time.
 */
export function passageQuery(keys: readonly number[]): string {
  if (keys.length < PAIR_KEYS - 1) return keys.join("|");
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.push(`(${keys[i]}&${keys[j]})`);
  return pairs.join("|");
}

/**
 * For a quotation of three keys (`PAIR_KEYS - 1`), its passages sharing one key only, asked apart
 * from those sharing two (`passageQuery`): LOOKUP_SQL reads them only where they can count.
 * When a passage holds all three keys, the best document shares three, and a document sharing one
 * falls under half of that (`MIN_SHARE_OF_BEST`): it is never a candidate; only in documents that
 * share two keys at most is a one-key passage a range to search (a range shares at least half of
 * its document's best passage). Otherwise every one counts. Same candidates and ranges as asking
 * for any of the three keys at once, without reading every passage of a key that hundreds share
 * (one quotation at 1 GB: 587 passages, 13 ms of the server's time, when its exact copy is there).
 * Null for other quotations.
 */
export function singleQuery(keys: readonly number[]): string | null {
  return keys.length === PAIR_KEYS - 1 ? keys.join("|") : null;
}

/** A document row of LOOKUP_SQL as the checker holds it. */
function storedDocument(r: Record<string, any>): StoredDocument {
  const quotes: StoredQuote[] = (r.quotes ?? []).map((q: StoredQuoteRow) => ({
    start: q[0],
    end: q[1],
    pieces: q[2],
    basis: q[3],
    wordCount: q[4],
    scare: q[5],
    speaker: q[7] ? { kind: q[6] as EntityKind, name: q[7], role: q[8] ?? undefined, roleText: q[9] ?? undefined, organization: q[10] ?? undefined } : undefined,
    confidence: q[11] ?? undefined,
  }));
  return {
    id: String(r.id),
    source: { path: ARCHIVE_PREFIX + r.key, text: r.body, markdown: r.markdown, utterances: r.utterances ?? undefined, regions: r.regions ?? undefined, metadata: storedMetadata(r as never) },
    info: { key: r.key, format: r.format, title: r.title ?? undefined, outlet: r.outlet ?? undefined, date: r.published ?? undefined, url: r.url ?? undefined, authors: r.authors ?? undefined },
    quotes,
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
  /** Documents held at most (their ids go with every look-up, so the server sends only the others). */
  private static readonly CACHE_DOCUMENTS = 2000;
  /** Recent candidates by a quotation's keys: an editor re-checks the same quotations while typing around them. */
  private readonly recent = new Map<string, { candidates: Candidates; at: number }>();
  /** Over-budget look-ups in the last `lookup` (their quotations were checked without the archive). */
  overBudget = 0;
  /** Where look-ups' time went, summed (for benchmarks and logs): wall ms of each step. */
  readonly spent = { lookups: 0, statements: 0, candidatesMs: 0, matchesMs: 0, documentsFetched: 0, charsFetched: 0 };

  constructor(
    readonly url: ArchiveUrl,
    options: ArchiveStoreOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 2000;
    this.perQuote = options.documentsPerQuote ?? MAX_CANDIDATES;
    this.backoff = options.backoffMs ?? [1000, 60_000];
    this.reuseMs = options.reuseMs ?? 60_000;
    this.delay = this.backoff[0];
    this.warn = options.warn ?? (() => {});
    this.pool = openPool(url, { max: options.maxConnections ?? 4, statementTimeoutMs: this.budgetMs, connectTimeoutMs: options.connectTimeoutMs ?? 3000, password: options.password, applicationName: "verbatim check", sessionSettings: CHECK_SESSION, idleMs: options.idleMs ?? CHECK_IDLE_MS });
  }

  get state(): ArchiveState {
    return this.current;
  }

  /**
   * Looks up every quotation; never throws for an unreachable archive or a slow statement (the
   * check goes on with local sources). Other errors (no archive schema, no permission) throw.
   * One round trip whatever the number of quotations (none when every quotation's candidates
   * were asked for lately and their documents are held): candidates and the documents not held
   * yet, with their quotations, in one statement.
   */
  async lookup(quotes: QuoteWords[]): Promise<ArchiveMatches> {
    this.overBudget = 0;
    if (this.current === "down" && Date.now() < this.retryAt) return new ArchiveMatches([]);
    try {
      const t0 = performance.now();
      const { found, fetched } = await this.candidates(quotes);
      const t1 = performance.now();
      this.markUp();
      const docs: StoredDocument[] = [];
      const excerpts = new Map<string, Excerpt[]>();
      for (const id of [...found.keys()].sort((a, b) => Number(a) - Number(b))) {
        const d = fetched.get(id) ?? this.cache.get(id);
        if (!d) continue;
        docs.push(d);
        excerpts.set(id, excerptsOf(d.source.text, found.get(id)!));
      }
      // Held only now: documents this look-up counted on being held could not be dropped meanwhile.
      for (const d of fetched.values()) this.remember(d);
      const matches = new ArchiveMatches(docs, excerpts);
      this.spent.lookups++;
      this.spent.candidatesMs += t1 - t0;
      this.spent.matchesMs += performance.now() - t1;
      return matches;
    } catch (e) {
      // The server gone, or refusing us (a wrong password, no archive schema, no permission): the
      // same for the check — one message, the local sources, another try after the back-off.
      if (!isUnavailable(e) && typeof (e as { code?: unknown })?.code !== "string") throw e;
      this.markDown(e);
      return new ArchiveMatches([]);
    }
  }

  /**
   * Documents whose passages share the most keys with each quotation (all quotations in one
   * statement), with the character ranges of their passages that share at least half as many
   * keys as the document's best one: where the quotation can be; and the documents the checker
   * did not hold yet, fetched by the same statement.
   */
  private async candidates(quotes: QuoteWords[]): Promise<{ found: Map<string, Excerpt[]>; fetched: Map<string, StoredDocument> }> {
    const commonKeys = await this.commonKeys();
    const keys = new Map<string, number[]>();
    for (const q of quotes) {
      const k = lookupKeys(q.words, q.gapBefore, commonKeys ? (key) => commonKeys.get(key) ?? 0 : undefined, COMMON_PASSAGES);
      if (k.length) keys.set(k.join(","), k);
    }
    const found = new Map<string, Excerpt[]>();
    const fetched = new Map<string, StoredDocument>();
    const add = (c: Candidates) => {
      for (const [id, ranges] of c) found.set(id, [...(found.get(id) ?? []), ...ranges]);
    };
    const ask: string[] = [];
    for (const key of keys.keys()) {
      const known = this.recent.get(key);
      // Asked lately, and every document still held: no need to ask again.
      if (known && Date.now() - known.at < this.reuseMs && [...known.candidates.keys()].every((id) => this.cache.has(id))) add(known.candidates);
      else ask.push(key);
    }
    if (ask.length) {
      try {
        this.spent.statements++;
        const r = await this.pool.query({
          name: "verbatim-lookup-v7",
          text: LOOKUP_SQL,
          values: [ask.map((k) => `{${k}}`), this.perQuote, `{${[...this.cache.keys()].join(",")}}`, ask.map((k) => passageQuery(keys.get(k)!)), MAX_TIED, ask.map((k) => singleQuery(keys.get(k)!))],
        });
        const rowsOf = new Map<number, { id: string; shared: number; starts: number[]; ends: number[]; shares: number[] }[]>();
        for (const row of r.rows) {
          if (row.q === null) {
            const d = storedDocument(row);
            fetched.set(d.id, d);
            this.spent.documentsFetched++;
            this.spent.charsFetched += d.source.text.length;
            continue;
          }
          const q = Number(row.q);
          let list = rowsOf.get(q);
          if (!list) rowsOf.set(q, (list = []));
          list.push({ id: String(row.id), shared: Number(row.shared), starts: row.starts, ends: row.ends, shares: row.shares });
        }
        ask.forEach((key, i) => {
          const c: Candidates = new Map();
          // Best first (as the statement ranks them): most shared keys, then the lower id.
          const list = (rowsOf.get(i + 1) ?? []).sort((a, b) => b.shared - a.shared || Number(a.id) - Number(b.id));
          const best = list[0]?.shared ?? 0;
          for (const row of list) {
            // Documents sharing far fewer keys than the best one hold chance 3-grams, not this statement.
            if (row.shared < Math.max(1, best * MIN_SHARE_OF_BEST)) continue;
            const ranges: Excerpt[] = [];
            for (let k = 0; k < row.shares.length; k++) if (row.shares[k] * 2 >= row.shared) ranges.push({ start: row.starts[k], end: row.ends[k] });
            c.set(row.id, ranges);
          }
          add(c);
          if (this.recent.size >= RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
          this.recent.set(key, { candidates: c, at: Date.now() });
        });
      } catch (e) {
        if (!isOverBudget(e)) throw e;
        this.overBudget += ask.length;
      }
    }
    if (this.overBudget) this.warn(`archive: ${this.overBudget} look-up(s) ran over the ${this.budgetMs} ms budget and were cancelled; those quotes were checked without the archive`);
    return { found, fetched };
  }

  /**
   * The archive's most common keys with the number of passages each is estimated to be in: the
   * planner's statistics of the passages' keys (`ANALYZE` keeps the most common elements of the
   * `grams` arrays with their frequencies), read once and again after the reuse period.
   */
  private async commonKeys(): Promise<Map<number, number> | undefined> {
    if (this.common && Date.now() - this.common.at < Math.max(this.reuseMs, 60_000)) return this.common.keys;
    this.spent.statements++;
    const r = await this.pool.query({ name: "verbatim-common-keys", text: COMMON_KEYS_SQL });
    const keys = new Map<number, number>();
    const row = r.rows[0];
    if (row?.elems && row.freqs) {
      const elems = String(row.elems).replace(/[{}]/g, "").split(",").map(Number);
      const passages = Math.max(0, Number(row.passages));
      elems.forEach((k, i) => keys.set(k, row.freqs[i] * passages));
    }
    this.common = { keys, at: Date.now() };
    return keys;
  }

  private common?: { keys: Map<number, number>; at: number };

  private remember(doc: StoredDocument): void {
    this.cache.set(doc.id, doc);
    this.cachedChars += doc.source.text.length;
    for (const [id, d] of this.cache) {
      if ((this.cachedChars <= ArchiveStore.CACHE_CHARS && this.cache.size <= ArchiveStore.CACHE_DOCUMENTS) || this.cache.size <= 1) break;
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
