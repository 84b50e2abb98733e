/**
 * Which PostgreSQL retrieval answers "which passages share these words" best, measured on the same
 * passages and the same planted quotations: winnowed hashed word 3-grams under an intarray GIN
 * index (what the archive uses; also with every 3-gram kept, no winnowing), full-text search with
 * phrase queries under GIN and under RUM, and pg_trgm word similarity under GIN. Prints one JSON
 * line. `npm run bench:archive -- --retrieval [--mb N]`; not part of CI.
 */
import * as path from "node:path";
import pg from "pg";
import { documentPassages, gramKeys, quoteKeys, winnow } from "../src/archive/grams";
import { stopwordSet } from "../src/core/lexicon";
import { quoteWords } from "../src/core/match/quoteWords";
import { tokenize } from "../src/core/text/words";
import { PgCluster } from "../test/unit/archive/pgCluster";
import { articles, textPool } from "./corpusText";
import { plant } from "./plant";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const mb = opt("--mb", 50);
const now = () => performance.now();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main(): Promise<void> {
  const pool = textPool(path.join(__dirname, "..", "..", "bench", "corpora"), mb * 1e6 + 400000);
  const texts = articles(pool.slice(0, mb * 1e6 + 200000), mb * 1e6);
  const planted = plant(texts, 70);
  const textBytes = texts.reduce((n, t) => n + t.length, 0);

  const cluster = await PgCluster.create({ fast: true, settings: { shared_buffers: "1GB", maintenance_work_mem: "'512MB'", work_mem: "'64MB'", max_parallel_maintenance_workers: 0 } });
  const db = new pg.Pool({ connectionString: cluster.url(), max: 2 });
  try {
    await db.query(`CREATE EXTENSION intarray; CREATE EXTENSION pg_trgm; CREATE EXTENSION rum`);
    await db.query(`CREATE TABLE p (doc int, ord int, start_offset int, end_offset int, body text, g4 int[], g1 int[])`);
    // Passages as the archive cuts them, with winnowed keys (window 4) and every key (window 1).
    let t = now();
    const batch: { doc: number; ord: number; s: number; e: number; body: string; g4: string; g1: string }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await db.query(`INSERT INTO p SELECT d, o, s, e, b, g4::int[], g1::int[] FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[]) AS x(d, o, s, e, b, g4, g1)`, [
        batch.map((r) => r.doc), batch.map((r) => r.ord), batch.map((r) => r.s), batch.map((r) => r.e), batch.map((r) => r.body.replace(/\u0000/g, " ")), batch.map((r) => r.g4), batch.map((r) => r.g1),
      ]);
      batch.length = 0;
    };
    for (let d = 0; d < texts.length; d++) {
      const list = tokenize(texts[d]);
      const { keys, valid } = gramKeys(list.words);
      for (const [ord, p] of documentPassages(texts[d]).entries()) {
        // Word range of the passage, for the all-keys variant.
        let first = 0;
        while (first < list.starts.length && list.starts[first] < p.start) first++;
        let last = first;
        while (last < list.ends.length && list.ends[last] <= p.end) last++;
        const all = winnow(keys, valid, first, Math.max(first, last - 2), 1);
        batch.push({ doc: d, ord, s: p.start, e: p.end, body: texts[d].slice(p.start, p.end), g4: `{${p.keys.join(",")}}`, g1: `{${all.join(",")}}` });
      }
      if (batch.length >= 2000) await flush();
    }
    await flush();
    const loadSeconds = (now() - t) / 1000;
    await db.query(`VACUUM ANALYZE p`);

    const size = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    const variants: Record<string, { buildSeconds: number; bytes: number; ms: number[]; right: number; candidates: number[] }> = {};
    const build = async (name: string, ddl: string[], bytes: string) => {
      const t0 = now();
      for (const sql of ddl) await db.query(sql);
      variants[name] = { buildSeconds: (now() - t0) / 1000, bytes: await size(bytes), ms: [], right: 0, candidates: [] };
    };
    await build("winnowed 3-grams (w=4), intarray GIN", [`CREATE INDEX p_g4 ON p USING gin (g4 gin__int_ops)`], `SELECT pg_relation_size('p_g4') + (SELECT sum(pg_column_size(g4)) FROM p) AS n`);
    await build("every 3-gram, intarray GIN", [`CREATE INDEX p_g1 ON p USING gin (g1 gin__int_ops)`], `SELECT pg_relation_size('p_g1') + (SELECT sum(pg_column_size(g1)) FROM p) AS n`);
    await build("full-text phrase, GIN", [`ALTER TABLE p ADD COLUMN tsv tsvector`, `UPDATE p SET tsv = to_tsvector('simple', body)`, `VACUUM ANALYZE p`, `CREATE INDEX p_fts ON p USING gin (tsv)`], `SELECT pg_relation_size('p_fts') + (SELECT sum(pg_column_size(tsv)) FROM p) AS n`);
    await build("full-text phrase, RUM", [`CREATE INDEX p_rum ON p USING rum (tsv rum_tsvector_ops)`], `SELECT pg_relation_size('p_rum') + (SELECT sum(pg_column_size(tsv)) FROM p) AS n`);
    await build("pg_trgm word similarity, GIN", [`CREATE INDEX p_trgm ON p USING gin (body gin_trgm_ops)`], `SELECT pg_relation_size('p_trgm') AS n`);
    await db.query(`ANALYZE p`);

    const client = await db.connect();
    await client.query(`SET statement_timeout = '10s'`);
    for (const q of planted) {
      const words = quoteWords(q.text, [{ start: 0, end: q.text.length }]);
      const keys = quoteKeys(words.words, words.gapBefore);
      const phrases: string[] = [];
      for (let i = 0; i + 2 < words.words.length; i++) {
        if (words.gapBefore[i + 1] || words.gapBefore[i + 2]) continue;
        const three = words.words.slice(i, i + 3);
        if (three.every((w) => stopwordSet.has(w))) continue;
        phrases.push(`(${three.map((w) => `'${w.replace(/'/g, "''")}'`).join(" <-> ")})`);
      }
      const tsq = phrases.join(" | ") || `'${words.words[0] ?? "x"}'`;
      const queries: [string, string, unknown[]][] = [
        ["winnowed 3-grams (w=4), intarray GIN", `SELECT doc FROM p WHERE g4 && $1::int[] GROUP BY doc ORDER BY max(icount(g4 & $1::int[])) DESC, doc LIMIT 8`, [keys]],
        ["every 3-gram, intarray GIN", `SELECT doc FROM p WHERE g1 && $1::int[] GROUP BY doc ORDER BY max(icount(g1 & $1::int[])) DESC, doc LIMIT 8`, [keys]],
        ["full-text phrase, GIN", `SELECT doc FROM (SELECT doc, ts_rank(tsv, to_tsquery('simple', $1)) AS r FROM p WHERE tsv @@ to_tsquery('simple', $1) ORDER BY r DESC LIMIT 16) s GROUP BY doc ORDER BY max(r) DESC LIMIT 8`, [tsq]],
        ["full-text phrase, RUM", `SELECT doc FROM (SELECT doc FROM p WHERE tsv @@ to_tsquery('simple', $1) ORDER BY tsv <=> to_tsquery('simple', $1) LIMIT 16) s GROUP BY doc LIMIT 8`, [tsq]],
        ["pg_trgm word similarity, GIN", `SELECT doc FROM p WHERE $1 <% body ORDER BY word_similarity($1, body) DESC LIMIT 8`, [q.text]],
      ];
      for (const [name, sql, values] of queries) {
        const v = variants[name];
        const t1 = now();
        let docs: number[] = [];
        try {
          docs = (await client.query(sql, values)).rows.map((r) => r.doc);
        } catch {
          docs = [];
        }
        v.ms.push(now() - t1);
        v.candidates.push(docs.length);
        if (docs.includes(q.doc)) v.right++;
      }
    }
    client.release();
    const out = Object.entries(variants).map(([name, v]) => ({
      name,
      buildSeconds: v.buildSeconds,
      indexMB: v.bytes / 1e6,
      indexPerText: v.bytes / textBytes,
      p50ms: pct(v.ms, 0.5),
      p95ms: pct(v.ms, 0.95),
      maxms: Math.max(...v.ms),
      right: v.right,
      of: planted.length,
    }));
    console.log(JSON.stringify({ mb, textMB: textBytes / 1e6, passages: await size(`SELECT count(*) AS n FROM p`), loadSeconds, variants: out }));
  } finally {
    await db.end();
    cluster.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
