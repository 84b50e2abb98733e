/**
 * `verbatim archive add PATH…`: reads source files in every format the project reads, and stores
 * each one with its metadata, its quotations (speakers attributed once, here) and its passages'
 * retrieval keys.
 *
 * Incremental: a document is keyed by its path (relative to where the command runs) and its
 * content hash (the file's bytes and its metadata sidecar's); an unchanged file is skipped, a
 * changed one replaced. Resumable: files are written in batches, each one transaction with the
 * ingest's counters, so a killed ingest leaves whole documents only, and running it again skips
 * what was written and finishes the rest — no duplicate (the key is unique), nothing lost. One
 * ingest runs at a time (an advisory lock); a run that died is marked interrupted by the next.
 *
 * Reading and attributing the next batch overlaps with writing the previous one.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type pg from "pg";
import { extensionOf, readSource } from "../core/formats";
import type { SourceText } from "../core/corpus/corpus";
import { DEFAULT_LIMITS, type LoadLimits, listSources, readStable } from "../node/files";
import { attributeDocument } from "./attributeAtIngest";
import { documentPassages } from "./grams";
import { isSidecar, readSidecar, type SourceMetadata, sourceMetadata } from "./metadata";
import { requireSchema } from "./schema";
import { storedSpeaker } from "../core/foreignSources";

/** An archive holds millions of files: no cap on their number, the usual cap on one file's size. */
export const ARCHIVE_LIMITS: LoadLimits = { ...DEFAULT_LIMITS, maxFiles: Number.MAX_SAFE_INTEGER };

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  added: number;
  replaced: number;
  unchanged: number;
  skipped: number;
}

export interface IngestOptions {
  limits?: LoadLimits;
  warn?: (msg: string) => void;
  progress?: (p: IngestProgress) => void;
  /** Keys are paths relative to this folder (default: the current one). */
  base?: string;
  /** Threads that read and attribute documents (default: one per core, at most 4; 0: none, all on this thread). */
  workers?: number;
  /** Files per transaction (default 200), and text per transaction (default 16 MB). */
  batchFiles?: number;
  batchBytes?: number;
}

export interface IngestSummary extends IngestProgress {
  ingestId: number;
  textBytes: number;
  seconds: number;
}

/** A source ready to be written. */
export interface PreparedSource {
  key: string;
  hash: string;
  fileBytes: number;
  format: string;
  source: SourceText;
  metadata: SourceMetadata;
}

/** The key a file is stored under: its path relative to `base`, with `/`, or its absolute path outside it. */
export function documentKey(file: string, base = process.cwd()): string {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(base), abs);
  const key = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
  return key.split(path.sep).join("/");
}

export async function ingest(pool: pg.Pool, roots: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const warn = options.warn ?? (() => {});
  const limits = options.limits ?? ARCHIVE_LIMITS;
  const base = options.base ?? process.cwd();
  for (const r of roots) if (!fs.existsSync(r)) throw new Error(`${r} does not exist`);
  const started = performance.now();
  const client = await pool.connect();
  let ingestId = 0;
  let locked = false;
  const progress: IngestProgress = { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, added: 0, replaced: 0, unchanged: 0, skipped: 0 };
  let textBytes = 0;
  let preparer: Preparer | undefined;
  let releaseHold: (() => Promise<void>) | undefined;
  try {
    await requireSchema(client);
    locked = (await client.query(`SELECT pg_try_advisory_lock(hashtext('verbatim.ingest')) AS ok`)).rows[0].ok;
    if (!locked) throw new Error("another ingest into this archive is running; wait for it to finish");
    // A batch's commit does not wait for its WAL to reach the disk: after a server crash the last
    // batches may be missing (never half of one: each is one transaction), and running the same
    // add again stores them — what a killed add already relies on.
    await client.query(`SET synchronous_commit = off`);
    // An add of an earlier version, killed, could leave autovacuum switched off in the tables' options.
    await restoreAutovacuum(client);
    releaseHold = await holdOffAutovacuum(pool, warn);
    await client.query(
      `UPDATE verbatim.ingest i SET status = 'interrupted' WHERE status = 'running' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = i.backend_pid AND a.backend_start <= i.started_at)`,
    );
    ingestId = Number((await client.query(`INSERT INTO verbatim.ingest DEFAULT VALUES RETURNING id`)).rows[0].id);
    // Documents stored before this ingest, as the planner last counted them (-1: never analysed).
    const documentsBefore = Number((await client.query(`SELECT reltuples FROM pg_class WHERE oid = 'verbatim.document'::regclass`)).rows[0].reltuples);

    const files = listSources(roots, limits, warn).filter((f) => !isSidecar(f));
    progress.filesTotal = files.length;
    for (const f of files) {
      try {
        progress.bytesTotal += fs.statSync(f).size;
      } catch {
        // gone already: reported when read
      }
    }
    options.progress?.({ ...progress });
    const batchFiles = options.batchFiles ?? 200;
    const batchBytes = options.batchBytes ?? 16 << 20;
    let writing: Promise<void> = Promise.resolve();
    let waiting: Promise<void> = Promise.resolve();
    preparer = Preparer.create(options.workers);
    let at = 0;
    // Picks the next batch (up to batchFiles files or batchBytes bytes), reads its files and hands
    // the changed ones to the preparer.
    const dispatch = async () => {
      const batch: string[] = [];
      let bytes = 0;
      while (at < files.length && batch.length < batchFiles && bytes < batchBytes) {
        const f = files[at++];
        batch.push(f);
        try {
          bytes += fs.statSync(f).size;
        } catch {
          // reported when read
        }
      }
      const keys = batch.map((f) => documentKey(f, base));
      // Hashes of what is stored: asked on a pool connection of its own while the batch before is written.
      const stored = await storedHashes(pool, keys);
      const tasks: Promise<Prepared>[] = [];
      let unchanged = 0;
      let skipped = 0;
      let batchFileBytes = 0;
      for (let i = 0; i < batch.length; i++) {
        const file = batch[i];
        const read = readStable(file, limits.maxFileBytes);
        if ("problem" in read) {
          warn(`skipping ${file}: ${read.problem}`);
          skipped++;
          continue;
        }
        batchFileBytes += read.bytes.length;
        const sidecar = readSidecar(file);
        const hash = createHash("sha256").update(read.bytes).update(sidecar ? sidecar.bytes : Buffer.alloc(0)).digest("hex");
        if (stored.get(keys[i]) === hash) {
          unchanged++;
          continue;
        }
        tasks.push(preparer!.prepare({ file, key: keys[i], hash, bytes: read.bytes, sidecar }));
      }
      return { batch, stored, tasks, unchanged, skipped, batchFileBytes };
    };
    // The batch after the current one is read and queued before the current one's results are
    // awaited: the preparer's threads never wait for the main thread to read files or for the
    // database to answer between batches.
    let next = files.length ? dispatch() : undefined;
    while (next) {
      const current = await next;
      next = at < files.length ? dispatch() : undefined;
      next?.catch(() => {});
      const { batch, stored, tasks, unchanged, batchFileBytes } = current;
      let skipped = current.skipped;
      const rows: Rows[] = [];
      for (const done of await Promise.all(tasks)) {
        for (const w of done.warnings) warn(w);
        if ("skipped" in done) skipped++;
        else rows.push(done.rows);
      }
      const prepared = rows.map((r) => r.doc);
      const replacedKeys = prepared.filter((p) => stored.has(p.key)).map((p) => p.key);
      const counts = { added: prepared.length - replacedKeys.length, replaced: replacedKeys.length, unchanged, skipped, files: batch.length };
      const text = prepared.reduce((n, p) => n + p.source.text.length, 0);
      // Writes go one after another on the ingest's connection, while the loop goes on to the
      // next batch: at most one batch waits for the one being written (memory stays bounded).
      await waiting;
      const write = writing.then(() => writeBatch(client, ingestId, rows, replacedKeys, counts, text));
      waiting = writing;
      writing = write.then(() => {
        progress.filesDone += batch.length;
        progress.bytesDone += batchFileBytes;
        progress.added += counts.added;
        progress.replaced += counts.replaced;
        progress.unchanged += unchanged;
        progress.skipped += skipped;
        textBytes += text;
        options.progress?.({ ...progress });
      });
      // Surface a failed write at once rather than after the next batch is read.
      writing.catch(() => {});
    }
    await writing;
    await client.query(`UPDATE verbatim.ingest SET status = 'finished', finished_at = now() WHERE id = $1`, [ingestId]);
    const changed = progress.added + progress.replaced;
    if (changed > 0) {
      // New keys wait in the GIN index's pending list (fast inserts); look-ups scan that list, so
      // it is merged into the index before the ingest ends.
      await client.query(`SELECT gin_clean_pending_list('verbatim.passage_grams'::regclass)`);
      // ANALYZE takes the lock that keeps autovacuum off: let it go first.
      await releaseHold?.();
      // Fresh planner statistics (and the common keys checkers leave out) when a tenth of the
      // archive or more is new, as autovacuum would decide; a small add (a wire feed's few new
      // items) leaves that to autovacuum: analysing a large archive's keys takes minutes of CPU.
      if (documentsBefore < 0 || changed * 10 >= documentsBefore) await client.query(`ANALYZE verbatim.passage, verbatim.document, verbatim.quotation`);
    }
  } catch (e) {
    if (ingestId) await client.query(`UPDATE verbatim.ingest SET status = 'failed', finished_at = now() WHERE id = $1`, [ingestId]).catch(() => {});
    throw e;
  } finally {
    await preparer?.close();
    await releaseHold?.();
    if (locked) await client.query(`SELECT pg_advisory_unlock(hashtext('verbatim.ingest'))`).catch(() => {});
    client.release();
  }
  return { ...progress, ingestId, textBytes, seconds: (performance.now() - started) / 1000 };
}

const ARCHIVE_TABLES = ["verbatim.document", "verbatim.quotation", "verbatim.passage"];

/**
 * Keeps autovacuum off the archive's tables while an ingest writes. A growing table is otherwise
 * vacuumed and analysed again and again as it grows — each time the whole GIN index read, and the
 * keys' statistics (20,000 most common elements from 600,000 sampled passages) computed afresh —
 * a large share of the server's CPU during a bulk load, for statistics the ingest computes once at
 * its end anyway.
 *
 * How: a connection of its own holds the lock a vacuum or an analyse takes (SHARE UPDATE
 * EXCLUSIVE) in a transaction that does nothing else. Autovacuum skips a table whose lock it
 * cannot get (an anti-wraparound vacuum waits instead, as it would for any lock); writes and
 * look-ups (ROW EXCLUSIVE, ACCESS SHARE) do not conflict with it, and the transaction has no
 * snapshot or transaction id, so it holds back no clean-up. The lock lives and dies with the
 * connection: a killed `add` cannot leave autovacuum off (an earlier version switched it off in
 * the tables' options, which a killed add left so). Without the right to take the lock, or when a
 * VACUUM holds it for more than 10 s, the ingest goes on with autovacuum as it is.
 * Returns what lets the lock go (once; later calls do nothing).
 */
export async function holdOffAutovacuum(pool: pg.Pool, warn: (msg: string) => void = () => {}): Promise<() => Promise<void>> {
  const holder = await pool.connect();
  // The server may drop this idle connection (a restart): that only lets autovacuum run again.
  holder.on("error", () => {});
  try {
    await holder.query("BEGIN");
    await holder.query("SET LOCAL lock_timeout = '10s'");
    await holder.query("SET LOCAL idle_in_transaction_session_timeout = 0");
    await holder.query(`LOCK TABLE ${ARCHIVE_TABLES.join(", ")} IN SHARE UPDATE EXCLUSIVE MODE`);
  } catch (e) {
    await holder.query("ROLLBACK").catch(() => {});
    holder.release();
    const code = (e as { code?: string }).code;
    // insufficient_privilege, lock_not_available, a read-only server (a replica: the writes that
    // follow say so): ingest with autovacuum as it is.
    if (code === "42501" || code === "55P03" || code === "25006") {
      if (code === "55P03") warn("a VACUUM of the archive's tables is running: autovacuum stays on during this add");
      return async () => {};
    }
    throw e;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await holder.query("COMMIT");
      holder.release();
    } catch (e) {
      holder.release(e as Error);
    }
  };
}

/**
 * Puts the archive's tables back on the server's autovacuum settings where an `add` of an earlier
 * version switched it off and was killed before switching it on again (`autovacuum_enabled = off`
 * in the tables' options). Needs the tables' owner; without that right nothing changes. Returns
 * the tables it restored.
 */
export async function restoreAutovacuum(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query(
    `SELECT c.oid::regclass::text AS name FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
     WHERE c.oid = ANY($1::regclass[]) AND EXISTS (SELECT 1 FROM unnest(c.reloptions || t.reloptions) o WHERE o LIKE 'autovacuum_enabled=%')`,
    [ARCHIVE_TABLES],
  );
  const restored: string[] = [];
  for (const row of r.rows) {
    try {
      await client.query(`ALTER TABLE ${row.name} RESET (autovacuum_enabled, toast.autovacuum_enabled)`);
      restored.push(row.name);
    } catch (e) {
      if ((e as { code?: string }).code !== "42501") throw e; // insufficient_privilege: not the owner
    }
  }
  return restored;
}

export interface PrepareTask {
  file: string;
  key: string;
  hash: string;
  bytes: Uint8Array;
  sidecar?: { path: string; bytes: Uint8Array };
}

export type Prepared = ({ rows: Rows } | { skipped: string }) & { warnings: string[] };

/** Reads one source file's bytes into the rows to store: its text, metadata, attributed quotations and passages. */
export async function prepareFile(task: PrepareTask): Promise<Prepared> {
  const warnings: string[] = [];
  const result = await readSource(task.file, task.bytes);
  if ("skipped" in result) return { skipped: result.skipped, warnings: [`skipping ${task.file}: ${result.skipped}`] };
  if (result.notes.length) warnings.push(`${task.file}: ${result.notes.join("; ")}`);
  const source = { ...result.source, path: task.key, text: safeText(result.source.text) };
  const sidecar = task.sidecar && { path: task.sidecar.path, bytes: Buffer.from(task.sidecar.bytes) };
  const doc: PreparedSource = { key: task.key, hash: task.hash, fileBytes: task.bytes.length, format: formatOf(task.file, source), source, metadata: sourceMetadata(source, sidecar, (m) => warnings.push(m)) };
  return { rows: toRows(doc), warnings };
}

/**
 * Where documents are prepared: worker threads (attribution is the ingest's heaviest work, and
 * it is per document) or, without the worker script or with `workers: 0`, this thread.
 */
class Preparer {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void }>();
  private failed?: Error;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on("message", (m: { id: number; result?: Prepared; error?: string }) => {
        const task = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) task?.reject(new Error(m.error));
        else task?.resolve(m.result!);
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => code !== 0 && this.fail(new Error(`an ingest worker stopped (exit ${code})`)));
    }
  }

  static create(count?: number): Preparer {
    const script = path.join(__dirname, "archiveIngestWorker.js");
    const n = count ?? Math.min(4, Math.max(1, os.availableParallelism()));
    if (n === 0 || !fs.existsSync(script)) return new Preparer([]);
    return new Preparer(Array.from({ length: n }, () => new Worker(script)));
  }

  prepare(task: PrepareTask): Promise<Prepared> {
    if (this.workers.length === 0) return prepareFile(task);
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Round robin: documents are similar in cost on average, and a batch queues many.
      this.workers[id % this.workers.length].postMessage({ id, task });
    });
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const t of this.waiting.values()) t.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function storedHashes(pool: pg.Pool, keys: string[]): Promise<Map<string, string>> {
  const r = await pool.query(`SELECT key, content_hash FROM verbatim.document WHERE key = ANY($1::text[])`, [keys]);
  return new Map(r.rows.map((row) => [row.key as string, row.content_hash as string]));
}

/** PostgreSQL text cannot hold NUL: a space keeps every offset. */
function safeText(text: string): string {
  return text.includes("\u0000") ? text.replace(/\u0000/g, " ") : text;
}

function formatOf(file: string, source: SourceText): string {
  const ext = extensionOf(file);
  if (ext) return ext;
  if (source.utterances?.length) return "transcript";
  return "text";
}

export interface Rows {
  doc: PreparedSource;
  quotations: { ord: number; start: number; end: number; pieces: string; basis: string; wordCount: number; scare: boolean; kind?: string; name?: string; role?: string; roleText?: string; organization?: string; mention?: string; confidence?: string }[];
  passages: { ord: number; start: number; end: number; grams: string }[];
}

/** The CPU work of a document: attribution and retrieval keys. */
export function toRows(doc: PreparedSource): Rows {
  const quotations = attributeDocument(doc.source).map((q, ord) => {
    const s = q.speaker ? storedSpeaker(q.speaker) : undefined;
    return {
      ord,
      start: q.start,
      end: q.end,
      pieces: `{${q.pieces.flatMap((p) => [p.start, p.end]).join(",")}}`,
      basis: q.basis,
      wordCount: q.wordCount,
      scare: q.scare,
      kind: s?.kind,
      name: s?.name,
      role: s?.role,
      roleText: s?.roleText,
      organization: s?.organization,
      mention: q.speakerMention?.text,
      confidence: q.speaker ? q.confidence : undefined,
    };
  });
  const passages = documentPassages(doc.source.text).map((p, ord) => ({ ord, start: p.start, end: p.end, grams: `{${p.keys.join(",")}}` }));
  return { doc, quotations, passages };
}

async function writeBatch(client: pg.PoolClient, ingestId: number, rows: Rows[], replacedKeys: string[], counts: { added: number; replaced: number; unchanged: number; skipped: number; files: number }, text: number): Promise<void> {
  await client.query("BEGIN");
  try {
    if (replacedKeys.length) await client.query(`DELETE FROM verbatim.document WHERE key = ANY($1::text[])`, [replacedKeys]);
    if (rows.length) {
      const d = rows.map((r) => r.doc);
      const inserted = await client.query(
        `INSERT INTO verbatim.document (key, content_hash, file_bytes, format, markdown, title, outlet, published, url, authors, body, text_length, utterances, regions, ingest_id)
         SELECT k, h, b, f, m, t, o, p, u, CASE WHEN a IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(a)) END, body, length(body), ut, rg, $14
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::jsonb[], $13::jsonb[])
           AS x(k, h, b, f, m, t, o, p, u, a, body, ut, rg)
         RETURNING id, key`,
        [
          d.map((x) => x.key),
          d.map((x) => x.hash),
          d.map((x) => x.fileBytes),
          d.map((x) => x.format),
          d.map((x) => !!x.source.markdown),
          d.map((x) => x.metadata.title ?? null),
          d.map((x) => x.metadata.outlet ?? null),
          d.map((x) => x.metadata.date ?? null),
          d.map((x) => x.metadata.url ?? null),
          d.map((x) => (x.metadata.authors ? JSON.stringify(x.metadata.authors) : null)),
          d.map((x) => x.source.text),
          d.map((x) => (x.source.utterances?.length ? JSON.stringify(x.source.utterances) : null)),
          d.map((x) => (x.source.regions?.length ? JSON.stringify(x.source.regions) : null)),
          ingestId,
        ],
      );
      const idOf = new Map(inserted.rows.map((r) => [r.key as string, String(r.id)]));
      const q = rows.flatMap((r) => r.quotations.map((x) => ({ id: idOf.get(r.doc.key)!, ...x })));
      if (q.length) {
        await client.query(
          `INSERT INTO verbatim.quotation (document_id, ord, start_offset, end_offset, pieces, basis, word_count, scare, speaker_kind, speaker_name, speaker_role, speaker_role_text, speaker_organization, speaker_mention, speaker_confidence)
           SELECT i, o, s, e, p::int[], b, w, sc, k, n, r, rt, org, m, c
           FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
             AS x(i, o, s, e, p, b, w, sc, k, n, r, rt, org, m, c)`,
          [
            q.map((x) => x.id),
            q.map((x) => x.ord),
            q.map((x) => x.start),
            q.map((x) => x.end),
            q.map((x) => x.pieces),
            q.map((x) => x.basis),
            q.map((x) => x.wordCount),
            q.map((x) => x.scare),
            q.map((x) => x.kind ?? null),
            q.map((x) => x.name ?? null),
            q.map((x) => x.role ?? null),
            q.map((x) => x.roleText ?? null),
            q.map((x) => x.organization ?? null),
            q.map((x) => x.mention ?? null),
            q.map((x) => x.confidence ?? null),
          ],
        );
      }
      const p = rows.flatMap((r) => r.passages.map((x) => ({ id: idOf.get(r.doc.key)!, ...x })));
      if (p.length) {
        await client.query(
          `INSERT INTO verbatim.passage (document_id, ord, start_offset, end_offset, grams)
           SELECT i, o, s, e, g::int[] FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[]) AS x(i, o, s, e, g)`,
          [p.map((x) => x.id), p.map((x) => x.ord), p.map((x) => x.start), p.map((x) => x.end), p.map((x) => x.grams)],
        );
      }
    }
    await client.query(
      `UPDATE verbatim.ingest SET files_seen = files_seen + $2, added = added + $3, replaced = replaced + $4, unchanged = unchanged + $5, skipped = skipped + $6, text_bytes = text_bytes + $7 WHERE id = $1`,
      [ingestId, counts.files, counts.added, counts.replaced, counts.unchanged, counts.skipped, text],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Removes the documents stored under these paths (a folder: everything under it). Returns how many. */
export async function removeDocuments(pool: pg.Pool, paths: string[], base = process.cwd()): Promise<number> {
  const client = await pool.connect();
  try {
    await requireSchema(client);
    let removed = 0;
    for (const p of paths) {
      const key = documentKey(p, base);
      const prefix = key.replace(/\/+$/, "") + "/";
      const r = await client.query(`DELETE FROM verbatim.document WHERE key = $1 OR left(key, length($2)) = $2`, [key, prefix]);
      removed += r.rowCount ?? 0;
    }
    return removed;
  } finally {
    client.release();
  }
}
