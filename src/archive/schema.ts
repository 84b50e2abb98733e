/**
 * The archive's schema, versioned: `verbatim archive init` applies the migrations a database
 * does not have yet, each in its own transaction, and records them in `verbatim.migration`.
 * A database newer than this program is refused rather than guessed at.
 *
 * Everything lives in the schema `verbatim`. Tables:
 * - `document`: one source file — its key (the path it was added under), content hash, format,
 *   metadata (title, outlet, date, URL, authors), text and, for transcripts and subtitles, the
 *   speaker turns and named regions (pages, timestamps);
 * - `quotation`: the document's quotations with their speakers, attributed once at ingest;
 * - `passage`: overlapping word ranges of each document with their winnowed 3-gram keys
 *   (`grams.ts`), under an intarray GIN index: "which passages share these words";
 * - `ingest`: one row per `archive add`, for `status` and for noticing an interrupted run.
 */
import type pg from "pg";

export const SCHEMA_VERSION = 3;
/** The role `init` creates for checkers: it may read the archive and nothing else. */
export const DEFAULT_READER_ROLE = "verbatim_reader";

interface Migration {
  version: number;
  description: string;
  sql: string;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: "documents, quotations with speakers, passages with winnowed 3-gram keys",
    sql: `
      CREATE EXTENSION IF NOT EXISTS intarray;
      CREATE TABLE verbatim.ingest (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'interrupted', 'failed')),
        backend_pid int NOT NULL DEFAULT pg_backend_pid(),
        files_seen int NOT NULL DEFAULT 0,
        added int NOT NULL DEFAULT 0,
        replaced int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        skipped int NOT NULL DEFAULT 0,
        text_bytes bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE verbatim.document (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text NOT NULL UNIQUE,
        content_hash text NOT NULL,
        file_bytes bigint NOT NULL,
        format text NOT NULL,
        markdown boolean NOT NULL DEFAULT false,
        title text,
        outlet text,
        published text,
        url text,
        authors text[],
        body text NOT NULL,
        text_length int NOT NULL,
        utterances jsonb,
        regions jsonb,
        ingest_id bigint REFERENCES verbatim.ingest (id) ON DELETE SET NULL,
        ingested_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE verbatim.document ALTER COLUMN body SET COMPRESSION lz4;
      CREATE TABLE verbatim.quotation (
        document_id bigint NOT NULL REFERENCES verbatim.document (id) ON DELETE CASCADE,
        ord int NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        pieces int[] NOT NULL,
        basis text NOT NULL,
        word_count int NOT NULL,
        scare boolean NOT NULL,
        speaker_kind text,
        speaker_name text,
        speaker_role text,
        speaker_role_text text,
        speaker_organization text,
        speaker_mention text,
        PRIMARY KEY (document_id, ord)
      );
      CREATE INDEX quotation_speaker ON verbatim.quotation (lower(speaker_name));
      CREATE TABLE verbatim.passage (
        document_id bigint NOT NULL REFERENCES verbatim.document (id) ON DELETE CASCADE,
        ord int NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        grams int[] NOT NULL,
        PRIMARY KEY (document_id, ord)
      );
      CREATE INDEX passage_grams ON verbatim.passage USING gin (grams gin__int_ops) WITH (fastupdate = on, gin_pending_list_limit = 16384);
    `,
  },
  {
    version: 2,
    description: "how sure each stored attribution is (high, medium, low); rows from before have none and never decide a verdict",
    sql: `ALTER TABLE verbatim.quotation ADD COLUMN IF NOT EXISTS speaker_confidence text CHECK (speaker_confidence IN ('high', 'medium', 'low'));`,
  },
  {
    version: 3,
    description: "finer statistics of the passages' keys: look-ups leave out the most common keys (see store.ts)",
    // 20,000 most common keys with their frequencies, from a sample of 600,000 passages.
    sql: `ALTER TABLE verbatim.passage ALTER COLUMN grams SET STATISTICS 2000;`,
  },
];

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/** The schema version a database has (0: none). */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('verbatim.migration') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return 0;
  const r = await client.query(`SELECT coalesce(max(version), 0) AS v FROM verbatim.migration`);
  return Number(r.rows[0].v);
}

/** Creates or upgrades the schema; safe to run again, and against a second `init` running at once. */
export async function migrate(client: pg.ClientBase): Promise<MigrationResult> {
  // One `init` at a time: a second waits, then finds nothing left to do.
  await client.query(`SELECT pg_advisory_lock(hashtext('verbatim.migrate'))`);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS verbatim`);
    await client.query(`CREATE TABLE IF NOT EXISTS verbatim.migration (version int PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const from = await schemaVersion(client);
    if (from > SCHEMA_VERSION) throw new Error(`the archive's schema is version ${from}, newer than this Verbatim knows (${SCHEMA_VERSION}): upgrade Verbatim`);
    const applied: string[] = [];
    for (const m of MIGRATIONS.filter((x) => x.version > from)) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO verbatim.migration (version, description) VALUES ($1, $2)`, [m.version, m.description]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      applied.push(`${m.version}: ${m.description}`);
    }
    return { from, to: SCHEMA_VERSION, applied };
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('verbatim.migrate'))`);
  }
}

/** Refuses to work against a database without the schema, or with another version of it. */
export async function requireSchema(client: pg.ClientBase): Promise<void> {
  const v = await schemaVersion(client);
  if (v === 0) throw new Error(`the database has no Verbatim archive yet: run "verbatim archive init --db URL" first`);
  if (v < SCHEMA_VERSION) throw new Error(`the archive's schema is version ${v}; run "verbatim archive init --db URL" to upgrade it to ${SCHEMA_VERSION}`);
  if (v > SCHEMA_VERSION) throw new Error(`the archive's schema is version ${v}, newer than this Verbatim knows (${SCHEMA_VERSION}): upgrade Verbatim`);
}

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a usable role name (lower-case letters, digits and _)`);
  return `"${name}"`;
};

/**
 * The read-only role for checkers: `NOLOGIN` group role that may use the schema and read its
 * tables (now and later ones), nothing more. Login roles for people and CI are granted it
 * (`GRANT verbatim_reader TO alice`). With `login`, the role itself may log in (its password
 * set by the administrator, never by Verbatim).
 */
export async function ensureReaderRole(client: pg.ClientBase, role = DEFAULT_READER_ROLE, login = false): Promise<void> {
  const r = identifier(role);
  const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  if (exists.rowCount === 0) await client.query(`CREATE ROLE ${r} ${login ? "LOGIN" : "NOLOGIN"} NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
  else if (login) await client.query(`ALTER ROLE ${r} LOGIN`);
  const db = (await client.query(`SELECT current_database() AS d`)).rows[0].d as string;
  await client.query(`GRANT CONNECT ON DATABASE "${db.replace(/"/g, '""')}" TO ${r}`);
  await client.query(`GRANT USAGE ON SCHEMA verbatim TO ${r}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA verbatim TO ${r}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA verbatim GRANT SELECT ON TABLES TO ${r}`);
  // Sessions of this role are read-only even for tables someone grants it more on by mistake.
  await client.query(`ALTER ROLE ${r} SET default_transaction_read_only = on`);
}
